// A results.json read back for `diff`: only what a comparison needs, each field checked, so that a
// file that is not a results.json of this tool is refused with one clear sentence.
import { isJsonObject } from '../json-object.ts';
import type { CaseOutcome, RecordedResponse } from '../results.ts';
import type { FileProblem } from '../user-file/file-problem.ts';

export interface RecordedCase {
  readonly id: string;
  readonly outcome: CaseOutcome;
  readonly response: RecordedResponse | null;
}

export interface RunRecord {
  readonly file: string;
  readonly target: string;
  readonly edition: string;
  readonly cases: readonly RecordedCase[];
}

const OUTCOMES: readonly string[] = ['pass', 'fail', 'error', 'skip'];
export const RESULTS_FIX = 'pass the results.json that "lambda-esm-conformance run" wrote into its --report-dir';

/** The record in a parsed results.json, or every problem that makes it not one. */
export function runRecordOf(value: unknown, file: string): { record: RunRecord; problems: [] } | { record: null; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const problem = (message: string): void => void problems.push({ file, line: 0, column: 0, message, fix: RESULTS_FIX });
  if (!isJsonObject(value) || !isJsonObject(value['tool']) || value['tool']['name'] !== 'lambda-esm-conformance' || !Array.isArray(value['cases'])) {
    problem('this is not a results.json of lambda-esm-conformance (it needs "tool": {"name": "lambda-esm-conformance"} and a "cases" list)');
    return { record: null, problems };
  }
  const cases: RecordedCase[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of value['cases'].entries()) {
    const where = `"cases"[${index}]`;
    if (!isJsonObject(entry) || typeof entry['id'] !== 'string' || entry['id'] === '') {
      problem(`${where} has no case id`);
      continue;
    }
    const { id, outcome, response } = entry;
    if (seen.has(id)) problem(`${where}: case ${JSON.stringify(id)} is listed twice`);
    seen.add(id);
    if (typeof outcome !== 'string' || !OUTCOMES.includes(outcome)) problem(`${where} (${JSON.stringify(id)}) has no outcome of pass, fail, error or skip`);
    else if (response !== null && !(isJsonObject(response) && Number.isInteger(response['status']) && isJsonObject(response['headers']))) problem(`${where} (${JSON.stringify(id)}) has a response without a status and headers`);
    else cases.push({ id, outcome: outcome as CaseOutcome, response: response as RecordedResponse | null });
  }
  if (problems.length > 0) return { record: null, problems };
  return { record: { file, target: String(value['target']), edition: String(value['edition']), cases }, problems: [] };
}
