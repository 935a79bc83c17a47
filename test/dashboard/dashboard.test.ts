// The dashboard's model (pure) and its page: columns by target and edition, the rows where the
// targets disagree first, a history of each target's runs with the cases that changed, and a page
// that escapes every byte a run recorded.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { runRecordOf, type RunRecord } from '../../src/diff/run-record.ts';
import { dashboardOf } from '../../src/dashboard/dashboard.ts';
import type { CaseResult, CaseOutcome, RunReport } from '../../src/results.ts';
import { dashboardHtmlChunks } from '../../reporters/dashboard-html.ts';
import { caseResult, response, runReport } from '../reporters/support/build-report.ts';
import { renderResultsJson } from '../reporters/support/render.ts';

const refused = response({ status: 400, headers: { 'x-amzn-errortype': 'InvalidParameterValueException' } });
const created = response({ status: 202, headers: {}, body: {} });

/** A run of `label` at `startedAt` whose cases a, b, c, d have the outcomes given (failing ones answered 202). */
function run(label: string, startedAt: string, outcomes: Readonly<Record<string, CaseOutcome>>, overrides: Partial<RunReport> = {}): RunRecord {
  const cases: CaseResult[] = Object.entries(outcomes).map(([id, outcome]) =>
    caseResult({ id, clause: id === 'd' ? 'Enabled.values' : 'BatchSize.range', outcome, response: outcome === 'fail' ? created : refused }),
  );
  const read = runRecordOf(JSON.parse(JSON.stringify(runReport(cases, { label, startedAt, ...overrides }))), `${label}-${startedAt}.json`);
  if (read.record === null) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
  return read.record;
}

describe('dashboardOf, side by side', () => {
  const reference = run('reference server', '2026-12-01T00:00:00.000Z', { a: 'pass', b: 'pass', c: 'pass', d: 'pass' });
  const moto = run('moto', '2026-12-01T00:00:00.000Z', { a: 'pass', b: 'fail', c: 'pass', d: 'error' });
  const proxy = run('proxy', '2026-12-01T00:00:00.000Z', { a: 'pass', b: 'pass', c: 'fail' });

  it('has a column per target, and lists first exactly the cases where the columns differ', () => {
    const view = dashboardOf([reference, moto, proxy]);
    expect(view.columns.map((column) => [column.label, column.edition, column.pass, column.total])).toEqual([
      ['reference server', 'seed', 4, 4],
      ['moto', 'seed', 2, 4],
      ['proxy', 'seed', 2, 3],
    ]);
    expect(view.cases.map((row) => [row.id, row.differs, ...row.cells])).toEqual([
      ['b', true, 'pass', 'fail', 'pass'],
      ['c', true, 'pass', 'pass', 'fail'],
      ['d', true, 'pass', 'could not be judged', 'not run'],
      ['a', false, 'pass', 'pass', 'pass'],
    ]);
    expect(view.clauses.map((row) => [row.clause, row.differs, ...row.cells.map((cell) => `${cell.pass}/${cell.cases}`)])).toEqual([
      ['BatchSize.range', true, '3/3', '2/3', '2/3'],
      ['Enabled.values', true, '1/1', '0/1', '0/0'],
    ]);
  });

  it('says "expected deviation" for a case the gate expected to fail, and never mixes editions in a column', () => {
    const gated = run('moto', '2026-12-02T00:00:00.000Z', { a: 'fail' });
    const withGate: RunRecord = { ...gated, cases: gated.cases.map((result) => ({ ...result, gate: { status: 'expected', entry: null, note: null } })) };
    const current = run('moto', '2026-12-03T00:00:00.000Z', { a: 'pass' }, { edition: 'current' });
    const view = dashboardOf([withGate, current]);
    expect(view.columns.map((column) => `${column.label} ${column.edition}`)).toEqual(['moto seed', 'moto current']);
    expect(view.cases[0]?.cells).toEqual(['expected deviation', 'pass']);
  });
});

describe('dashboardOf, over time', () => {
  it('makes five runs of one target five points, oldest first, and lists the changed cases of each step, newly failing first', () => {
    const runs = [
      run('moto', '2026-12-05T00:00:00.000Z', { a: 'pass', b: 'pass', c: 'fail', d: 'pass' }),
      run('moto', '2026-12-01T00:00:00.000Z', { a: 'pass', b: 'pass', c: 'pass', d: 'pass' }),
      run('moto', '2026-12-03T00:00:00.000Z', { a: 'fail', b: 'pass', c: 'fail', d: 'pass' }),
      run('moto', '2026-12-02T00:00:00.000Z', { a: 'pass', b: 'fail', c: 'pass', d: 'pass' }),
      run('moto', '2026-12-04T00:00:00.000Z', { a: 'fail', b: 'pass', c: 'fail', d: 'pass' }),
    ];
    const [history, ...others] = dashboardOf(runs).histories;
    expect(others).toEqual([]);
    expect(history?.points.map((point) => [point.startedAt.slice(8, 10), point.pass])).toEqual([
      ['01', 4],
      ['02', 3],
      ['03', 2],
      ['04', 2],
      ['05', 3],
    ]);
    expect(history?.steps.map((step) => step.changes.map((change) => `${change.kind} ${change.id}`))).toEqual([
      ['newly failing b'],
      ['newly failing a', 'newly failing c', 'newly passing b'],
      [],
      ['newly passing a'],
    ]);
    expect(dashboardOf(runs).columns.map((column) => [column.startedAt.slice(8, 10), column.runs])).toEqual([['05', 5]]);
    const page = [...dashboardHtmlChunks(dashboardOf(runs))].join('');
    expect(page.match(/<circle class="point"/g)).toHaveLength(5);
    expect(page.match(/<li class="change" data-kind="newly failing">/g)).toHaveLength(3);
  });
});

describe('the dashboard page', () => {
  it('escapes every byte a run recorded, and draws one chart point per run', () => {
    const hostile = '<script>alert(1)</script>"\'&\u001b[2J';
    const records = [run(hostile, '2026-12-01T00:00:00.000Z', { [hostile]: 'fail' }), run(hostile, '2026-12-02T00:00:00.000Z', { [hostile]: 'pass' })];
    const page = [...dashboardHtmlChunks(dashboardOf(records))].join('');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('\u001b');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page.match(/<circle class="point"/g)).toHaveLength(2);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/);
  });
});

describe('lambda-esm-conformance dashboard', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'lesm-dashboard-cli-'));
  const write = (name: string, value: unknown): string => {
    const file = path.join(folder, name);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };
  const dashboard = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(['dashboard', ...argv], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, stdout, stderr };
  };

  it('writes index.html and dashboard.json; a record written before labels is named by its target', async () => {
    const { label: _label, ...unlabelled } = runReport([caseResult({ id: 'a' })], { target: 'http://127.0.0.1:4566' });
    const out = path.join(folder, 'out');
    const made = await dashboard(write('old.json', unlabelled), '--out', out);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('1 run of 1 target; 0 cases differ between them.');
    const view = JSON.parse(readFileSync(path.join(out, 'dashboard.json'), 'utf8')) as ReturnType<typeof dashboardOf>;
    expect(view.columns.map((column) => column.label)).toEqual(['http://127.0.0.1:4566']);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('<span class="column-label">http://127.0.0.1:4566</span>');
  });

  it('reads every field a run writes: a failing property case\'s counterexample and a gate', () => {
    const counterexample = { field: 'BatchSize', value: -1, request: null, response: refused, runsUntilFailure: 3, shrinkSteps: 2, shrinkRequests: 5, shrinkLimit: null, seed: 7, propertySeed: -123, path: '2:0' };
    const gate = { status: 'regression' as const, entry: { pattern: 'BatchSize/*', reason: 'r', link: null }, note: 'n' };
    const report = runReport([caseResult({ id: 'BatchSize/sqs/property/invalid', outcome: 'fail', counterexample, gate })], { gate: { file: 'known.yaml', expected: 0, unexpectedPass: 0, regression: 1, stale: [{ pattern: 'x', line: 3 }] } });
    const read = runRecordOf(JSON.parse(renderResultsJson(report)), 'x.json');
    expect(read.problems.map((problem) => problem.message)).toEqual([]);
    expect(read.record?.cases[0]?.counterexample).toEqual(counterexample);
  });

  it('refuses a file whose fields are not those the tool writes with exit 2, naming the file and the field', async () => {
    const report = runReport([caseResult({ id: 'a' })]);
    const crafted = write('crafted.json', { ...report, cases: report.cases.map((result) => ({ ...result, expected: { ...result.expected, errorTypes: [{ not: 'text' }] } })) });
    const refused = await dashboard(crafted, '--out', path.join(folder, 'never'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${crafted}: `);
    expect(refused.stderr).toContain('"cases"[0] ("a").expected.errorTypes[0] is not a string');
    expect(refused.stderr).not.toContain('unexpected error');
    expect((await dashboard('--out', folder)).stderr).toContain('dashboard takes the results.json of one run or more');
  });
});
