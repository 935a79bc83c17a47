// A results.json read back for `diff`: only what a comparison needs, each field checked, so that a
// file that is not a results.json of this tool (a crafted one included) is refused with a bounded
// list of clear sentences rather than crashing whatever walks it.
import { cutToLength } from '../bounded-text.ts';
import { isJsonObject } from '../json-object.ts';
import type { CaseOutcome, CaseResult, CertificationLevel, Counterexample, GateSummary, RecordedResponse, RunScope } from '../results.ts';
import type { RequestCounts } from '../transport/request-pacer.ts';
import { caseShape, runShape } from './record-shape.ts';
import { MAX_JSON_DEPTH } from '../transport/json-answer.ts';
import { excerpt } from '../user-file/excerpt.ts';
import type { FileProblem } from '../user-file/file-problem.ts';

/** A failing property case's smallest failing value, as `diff` shows it. */
export type RecordedCounterexample = Pick<Counterexample, 'field' | 'value'>;

/** What `diff` compares of a case. */
export interface RecordedCase {
  readonly id: string;
  readonly outcome: CaseOutcome;
  readonly response: RecordedResponse | null;
  readonly counterexample?: RecordedCounterexample;
}

/** A results.json read back: the run's record, every field type-checked (the findings and counts are derived again by whoever needs them). */
export interface RunRecord {
  readonly file: string;
  readonly target: string;
  /** The target's name (--label); a record written before labels has its target's. */
  readonly label: string;
  readonly edition: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly complete: boolean;
  readonly interruption: string | null;
  readonly scope: RunScope;
  readonly requests: RequestCounts | null;
  readonly gate: GateSummary | null;
  readonly level: CertificationLevel;
  readonly cases: readonly CaseResult[];
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
  const run = runShape(value, 'the record', problems) ? (value as unknown as RunFields) : null;
  const cases: CaseResult[] = [];
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
    // Its fields are all checked above or by the shape.
    else if (caseShape(entry, named, problems)) cases.push(entry as unknown as CaseResult);
  }
  if (problems.length > 0 || run === null || typeof target !== 'string' || typeof edition !== 'string') return refused();
  const heading = (words: string): string => cutToLength(words, MAX_HEADING_LENGTH);
  const { startedAt, durationMs, complete, interruption, scope, requests, gate, certification } = run;
  const label = heading(run.label ?? target);
  return {
    record: { file, target: heading(target), label, edition: heading(edition), startedAt, durationMs, complete, interruption, scope, requests, gate, level: certification.level, cases },
    problems: [],
  };
}

/** The run's fields as runShape checked them. */
type RunFields = Pick<RunRecord, 'startedAt' | 'durationMs' | 'complete' | 'interruption' | 'scope' | 'requests' | 'gate'> & {
  readonly label?: string;
  readonly certification: { readonly level: CertificationLevel };
};

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
