import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { changeLine, compareRuns } from '../../src/diff/compare-runs.ts';
import { runRecordOf, type RunRecord } from '../../src/diff/run-record.ts';
import { caseResult, response, runReport } from '../reporters/support/build-report.ts';

const created = response({ status: 202, headers: {}, body: {} });

function record(cases: ReturnType<typeof caseResult>[]): RunRecord {
  const read = runRecordOf(JSON.parse(JSON.stringify(runReport(cases))), 'x.json');
  if (read.record === null) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
  return read.record;
}

describe('compareRuns', () => {
  it('names each case that differs, once, in A order, then the cases only B has', () => {
    const a = record([
      caseResult({ id: 'same' }),
      caseResult({ id: 'breaks' }),
      caseResult({ id: 'heals', outcome: 'fail', response: created }),
      caseResult({ id: 'other-error', outcome: 'fail', response: response({ status: 404, headers: { 'x-amzn-errortype': 'ResourceNotFoundException' } }) }),
      caseResult({ id: 'gone' }),
    ]);
    const b = record([
      caseResult({ id: 'new' }),
      caseResult({ id: 'same' }),
      caseResult({ id: 'breaks', outcome: 'fail', response: created }),
      caseResult({ id: 'heals' }),
      caseResult({ id: 'other-error', outcome: 'fail', response: response({ status: 404, headers: { 'x-amzn-errortype': 'FunctionNotFound' } }) }),
    ]);
    expect(compareRuns(a, b).map(changeLine)).toEqual([
      'newly failing   breaks: pass 400 InvalidParameterValueException → fail 202 (no error type)',
      'newly passing   heals: fail 202 (no error type) → pass 400 InvalidParameterValueException',
      'answer changed  other-error: fail 404 ResourceNotFoundException → fail 404 FunctionNotFound',
      'only in A       gone: pass 400 InvalidParameterValueException',
      'only in B       new: pass 400 InvalidParameterValueException',
    ]);
    expect(compareRuns(a, a)).toEqual([]);
  });
});

describe('lambda-esm-conformance diff', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'lesm-diff-'));
  const write = (name: string, text: string): string => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  const diff = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(['diff', ...argv], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, stdout, stderr };
  };
  const good = write('good.json', JSON.stringify(runReport([caseResult({ id: 'a' })])));

  it('refuses what is not a results.json of this tool with exit 2 and a fix', async () => {
    const notJson = await diff(good, write('broken.json', '{"tool": '));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('broken.json');
    expect(notJson.stderr).toContain('is not valid JSON');
    expect(notJson.stderr).toContain('fix: pass the results.json that "lambda-esm-conformance run" wrote');

    const other = await diff(good, write('other.json', JSON.stringify({ tool: { name: 'jest' }, cases: [] })));
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('other.json: this is not a results.json of lambda-esm-conformance');

    const badCase = await diff(good, write('bad-case.json', JSON.stringify({ ...runReport([]), cases: [{ id: 'a', outcome: 'maybe', response: null }] })));
    expect(badCase.code).toBe(2);
    expect(badCase.stderr).toContain('"cases"[0] ("a") has no outcome of pass, fail, error or skip');

    expect((await diff(good, path.join(folder, 'missing.json'))).stderr).toContain('missing.json: the file does not exist');
    expect((await diff(good)).code).toBe(2);
    expect((await diff(good)).stderr).toContain('diff takes two results.json files, not 1');
  });
});
