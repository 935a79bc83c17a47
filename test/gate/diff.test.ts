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

/** `diff` run in this process, its streams kept. */
async function diff(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['diff', ...argv], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

describe('lambda-esm-conformance diff', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'lesm-diff-'));
  const write = (name: string, text: string): string => {
    const file = path.join(folder, name);
    writeFileSync(file, text);
    return file;
  };
  const good = write('good.json', JSON.stringify(runReport([caseResult({ id: 'a' })])));

  it('shows both seeds and each failing property case\'s counterexample, as text and as --json', async () => {
    const counterexample = (value: number) => ({ field: 'BatchSize', value, request: null, response: null, runsUntilFailure: 1, shrinkSteps: 2, shrinkRequests: 3, shrinkLimit: null, seed: 7, propertySeed: 9, path: '0' });
    const scope = (seed: number) => ({ grep: null, repeat: 1, seed, editionCases: 1, partial: false });
    const before = write('seed-7.json', JSON.stringify(runReport([caseResult({ id: 'p', outcome: 'pass', response: created })], { scope: scope(7) })));
    const after = write('seed-8.json', JSON.stringify(runReport([caseResult({ id: 'p', outcome: 'fail', response: created, counterexample: counterexample(11) })], { scope: scope(8) })));
    const text = await diff(before, after);
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n').slice(0, 4)).toEqual([
      `A: ${before} (1 cases, seed edition, seed 7, http://127.0.0.1:4566)`,
      `B: ${after} (1 cases, seed edition, seed 8, http://127.0.0.1:4566)`,
      'The runs drew from different seeds: property cases drew other values, and may have found other counterexamples.',
      'newly failing   p: pass 202 (no error type) → fail 202 (no error type), counterexample BatchSize 11',
    ]);
    const json = await diff('--json', before, after);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      a: { file: before, target: 'http://127.0.0.1:4566', edition: 'seed', seed: 7, cases: 1 },
      b: { file: after, target: 'http://127.0.0.1:4566', edition: 'seed', seed: 8, cases: 1 },
      changes: [
        {
          kind: 'newly failing',
          id: 'p',
          before: { outcome: 'pass', status: 202, errorType: null, counterexample: null },
          after: { outcome: 'fail', status: 202, errorType: null, counterexample: { field: 'BatchSize', value: 11 } },
        },
      ],
    });
    expect(await diff(before, before, '--json')).toMatchObject({ code: 0, stdout: expect.stringContaining('"changes": []') });
    expect((await diff(before, after, '--jsn')).stderr).toContain('diff: there is no flag --jsn; did you mean --json?');
  });

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
    expect((await diff(good)).stderr).toContain('diff takes two results.json files or two recordings, not 1');
  });
});

describe('diff against a crafted results.json', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'lesm-diff-crafted-'));
  const write = (name: string, value: unknown): string => {
    const file = path.join(folder, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const acting = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060\u2066-\u2069\ufeff]/;
  const good = write('good.json', runReport([caseResult({ id: 'a' })]));

  it('prints every line terminal-safe: ESC, OSC 52, clear-screen, bidi, and newlines in ids spelled out', async () => {
    const payload = '\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J\u202e\u0085\u009b2J';
    const hostile = write('hostile.json', {
      ...runReport([caseResult({ id: `a${payload}\nnewly passing   forged: fail → pass`, outcome: 'fail' })]),
      target: `http://x${payload}`,
      edition: `seed${payload}`,
    });
    const run = await diff(good, hostile);
    expect(run.code).toBe(1);
    expect(acting.exec(run.stdout)?.[0]).toBeUndefined();
    expect(run.stdout).toContain('\\u001B]52;c;');
    expect(run.stdout).toContain('\\u000Anewly passing   forged');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('newly passing'))).toEqual([]);
    expect(run.stdout.split('\n')).toHaveLength(6);
  });

  it('lists at most 20 problems, then counts the rest', async () => {
    const many = write('many.json', { ...runReport([]), cases: Array.from({ length: 10_000 }, (_, index) => ({ id: `c${index}`, outcome: 'maybe', response: null })) });
    const run = await diff(good, many);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has 21 problems');
    expect(run.stderr).toContain('and 9980 more problems');
    expect(run.stderr.length).toBeLessThan(10_000);
  });

  it('quotes a huge id as an excerpt, with its length, and refuses it', async () => {
    const id = `x${'\u202e'.repeat(10)}${'y'.repeat(5_000_000)}`;
    const run = await diff(good, write('huge-id.json', runReport([caseResult({ id })])));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has an id longer than the 512 characters of any case');
    expect(run.stderr).toContain('… (5000011 characters)');
    expect(run.stderr).toContain('\\u202e');
    expect(acting.exec(run.stderr)?.[0]).toBeUndefined();
    expect(run.stderr.length).toBeLessThan(2_000);
  });

  it.each<[string, (report: ReturnType<typeof runReport>) => unknown, string]>([
    ['a target that is not text', (report) => ({ ...report, target: { deep: [1] } }), '"target" is not a string'],
    ['an edition that is not text', (report) => ({ ...report, edition: 7 }), '"edition" is not a string'],
    ['a status that is not a number', (report) => ({ ...report, cases: report.cases.map((result) => ({ ...result, response: { status: '400', headers: {}, body: null } })) }), 'has a response without an integer status and headers of text'],
    ['a header that is not text', (report) => ({ ...report, cases: report.cases.map((result) => ({ ...result, response: { status: 400, headers: { 'x-amzn-errortype': ['a'] }, body: null } })) }), 'has a response without an integer status and headers of text'],
  ])('refuses %s with a clear sentence naming the file, not an unexpected error', async (_what, craft, message) => {
    const file = write('typed.json', craft(runReport([caseResult({ id: 'a' })])));
    const run = await diff(good, file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: `);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('unexpected error');
  });

  it('refuses a file nested deeper than any results.json, not an unexpected error', async () => {
    const deep = `{"tool":{"name":"lambda-esm-conformance"},"target":"t","edition":"seed","cases":[{"id":"a","outcome":"fail","response":{"status":400,"headers":{},"body":${'['.repeat(200_000)}${']'.repeat(200_000)}}}]}`;
    const file = write('deep.json', deep);
    const run = await diff(good, file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: the JSON nests more than 72 levels deep`);
    expect(run.stderr).not.toContain('unexpected error');
  });

  it('spells out what the JSON parser quotes of a broken file', async () => {
    const run = await diff(good, write('broken-acting.json', '{"tool": \u001b[2J\u202e}'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not valid JSON');
    expect(acting.exec(run.stderr.replace(/\n/g, ''))?.[0]).toBeUndefined();
  });
});
