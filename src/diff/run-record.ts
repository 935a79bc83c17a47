// A results.json read back for `diff`: only what a comparison needs, each field checked, so that a
// file that is not a results.json of this tool (a crafted one included) is refused with a bounded
// list of clear sentences rather than crashing whatever walks it.
import { cutToLength } from '../bounded-text.ts';
import { isJsonObject } from '../json-object.ts';
import type { CaseOutcome, RecordedResponse } from '../results.ts';
import { MAX_JSON_DEPTH } from '../transport/json-answer.ts';
import { excerpt } from '../user-file/excerpt.ts';
import type { FileProblem } from '../user-file/file-problem.ts';

/** A failing property case's smallest failing value, as `diff` shows it. */
export interface RecordedCounterexample {
  readonly field: string;
  readonly value: number | string;
}

export interface RecordedCase {
  readonly id: string;
  readonly outcome: CaseOutcome;
  readonly response: RecordedResponse | null;
  readonly counterexample: RecordedCounterexample | null;
}

export interface RunRecord {
  readonly file: string;
  readonly target: string;
  readonly edition: string;
  /** The seed its property cases drew from; null in a file that does not say. */
  readonly seed: number | null;
  readonly cases: readonly RecordedCase[];
}

const OUTCOMES: readonly string[] = ['pass', 'fail', 'error', 'skip'];
export const RESULTS_FIX = 'pass the results.json that "lambda-esm-conformance run" wrote into its --report-dir';

/** A response body is kept at most MAX_JSON_DEPTH deep, a few levels below the file's top (a counterexample's response). */
export const MAX_RESULTS_DEPTH = MAX_JSON_DEPTH + 8;
/** Problems listed before the rest are counted. */
export const MAX_PROBLEMS = 20;
/** Far longer than any case id the suite makes (a property case's is under 100 characters). */
export const MAX_CASE_ID_LENGTH = 512;
/** The target and edition as the comparison's heading quotes them. */
const MAX_HEADING_LENGTH = 200;

/** The record in a parsed results.json, or the problems that make it not one (at most MAX_PROBLEMS, then how many more). */
export function runRecordOf(value: unknown, file: string): { record: RunRecord; problems: [] } | { record: null; problems: FileProblem[] } {
  const problems: string[] = [];
  const refused = () => ({ record: null, problems: capped(problems).map((message) => ({ file, line: 0, column: 0, message, fix: RESULTS_FIX })) });
  if (!isJsonObject(value) || !isJsonObject(value['tool']) || value['tool']['name'] !== 'lambda-esm-conformance' || !Array.isArray(value['cases'])) {
    problems.push('this is not a results.json of lambda-esm-conformance (it needs "tool": {"name": "lambda-esm-conformance"} and a "cases" list)');
    return refused();
  }
  const { target, edition } = value;
  if (typeof target !== 'string') problems.push('"target" is not a string');
  if (typeof edition !== 'string') problems.push('"edition" is not a string');
  const cases: RecordedCase[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of (value['cases'] as unknown[]).entries()) {
    const where = `"cases"[${index}]`;
    if (!isJsonObject(entry) || typeof entry['id'] !== 'string' || entry['id'] === '') {
      problems.push(`${where} has no case id`);
      continue;
    }
    const { id, outcome, response } = entry;
    const named = `${where} (${excerpt(id)})`;
    if (id.length > MAX_CASE_ID_LENGTH) problems.push(`${named} has an id longer than the ${MAX_CASE_ID_LENGTH} characters of any case`);
    else if (seen.has(id)) problems.push(`${named} is listed twice`);
    seen.add(id);
    if (typeof outcome !== 'string' || !OUTCOMES.includes(outcome)) problems.push(`${named} has no outcome of pass, fail, error or skip`);
    else if (response !== null && !isRecordedResponse(response)) problems.push(`${named} has a response without an integer status and headers of text`);
    else cases.push({ id, outcome: outcome as CaseOutcome, response, counterexample: counterexampleOf(entry['counterexample']) });
  }
  if (problems.length > 0 || typeof target !== 'string' || typeof edition !== 'string') return refused();
  const seed = isJsonObject(value['scope']) && Number.isInteger(value['scope']['seed']) ? Number(value['scope']['seed']) : null;
  return { record: { file, target: cutToLength(target, MAX_HEADING_LENGTH), edition: cutToLength(edition, MAX_HEADING_LENGTH), seed, cases }, problems: [] };
}

/** A counterexample's field and value, cut to a heading's length; null for anything else. */
function counterexampleOf(found: unknown): RecordedCounterexample | null {
  if (!isJsonObject(found) || typeof found['field'] !== 'string') return null;
  const { field, value } = found;
  if (typeof value === 'number') return { field: cutToLength(field, MAX_HEADING_LENGTH), value };
  if (typeof value === 'string') return { field: cutToLength(field, MAX_HEADING_LENGTH), value: cutToLength(value, MAX_HEADING_LENGTH) };
  return null;
}

function isRecordedResponse(response: unknown): response is RecordedResponse {
  return (
    isJsonObject(response) &&
    Number.isInteger(response['status']) &&
    isJsonObject(response['headers']) &&
    Object.values(response['headers']).every((value) => typeof value === 'string')
  );
}

function capped(problems: readonly string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  return [...problems.slice(0, MAX_PROBLEMS), `and ${problems.length - MAX_PROBLEMS} more problems`];
}
