import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestCase } from 'vitest/node';
import { startVitest } from 'vitest/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConformanceReporter } from '../../reporters/conformance-reporter.ts';
import type { PlannedCase } from '../../reporters/run-report.ts';
import type { ReportPaths } from '../../reporters/write-reports.ts';
import type { CaseResult, RunReport } from '../../src/results.ts';
import { caseResult, response } from './support/build-report.ts';
import { attributeOf, descendants, parseXml } from './support/xml.ts';

const readReport = (text: string): RunReport => JSON.parse(text) as RunReport;

const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

function plan(id: string, clause = 'BatchSize.range'): PlannedCase {
  return { id, clause, doc: `the sentence of ${clause}`, title: `title of ${id}`, sourceType: 'sqs', expected: { status: 400, errorTypes: ['InvalidParameterValueException'], alsoAccepted: [], why: 'why' } };
}

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'esm-conformance-reporter-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

interface Written {
  readonly report: RunReport;
  readonly paths: ReportPaths;
}

function reporterFor(plannedCases: PlannedCase[], reports: Written[], reportDir = join(directory, 'reports')): ConformanceReporter {
  return new ConformanceReporter({
    reportDir,
    target: 'http://127.0.0.1:9',
    edition: 'seed',
    startedAt: new Date(Date.now() - 50),
    plannedCases,
    scope: { grep: null, repeat: 1, seed: null, editionCases: plannedCases.length, partial: false },
    gate: null,
    subset: null,
    onReport: (report, paths) => reports.push({ report, paths }),
  });
}

/** Runs a generated test file through vitest itself with the reporter attached. */
async function runVitestWith(reporter: ConformanceReporter, tests: string): Promise<void> {
  const root = join(directory, 'project');
  await mkdir(root, { recursive: true });
  await writeFile(join(root, 'cases.test.ts'), tests);
  const exitCode = process.exitCode;
  const vitest = await startVitest('test', [], { config: false, root, watch: false, reporters: [reporter], include: ['cases.test.ts'] });
  await vitest.close();
  // vitest marks failed tests on this process's exit code; those failures are the point here.
  process.exitCode = exitCode;
}

function attach(result: CaseResult, after = ''): string {
  return `test(${JSON.stringify(result.id)}, (context) => { context.task.meta.result = ${JSON.stringify(result)}; ${after} });\n`;
}

describe('ConformanceReporter under vitest', () => {
  it('collects task.meta.result from every test and writes the three reports', async () => {
    const reports: Written[] = [];
    const planned = [plan('case/pass'), plan('case/fail', 'Errors'), plan('case/skip'), plan('case/throws'), plan('case/never')];
    const reporter = reporterFor(planned, reports);
    const fail = caseResult({
      id: 'case/fail',
      clause: 'Errors',
      outcome: 'fail',
      response: response({ status: 202, headers: { 'content-type': 'application/json' }, body: {} }),
      reasons: [{ check: 'status_code_conformance', clause: 'Errors', message: 'expected 400, got 202' }],
    });
    const skip = caseResult({ id: 'case/skip', outcome: 'skip', request: null, response: null, reasons: [{ check: 'fixtures_available', clause: 'BatchSize.range', message: 'no kinesis stream' }] });
    await runVitestWith(
      reporter,
      [
        "import { test } from 'vitest';",
        attach(caseResult({ id: 'case/pass' })),
        // As the suite does: a deviation is attached, then the test fails so vitest shows it too.
        attach(fail, "throw new Error('does not conform');"),
        attach(skip, "context.skip('no kinesis stream');"),
        "test('case/throws', () => { throw new Error('fixture exploded'); });",
      ].join('\n'),
    );

    expect(reports).toHaveLength(1);
    const [{ report, paths }] = reports as [Written];
    expect(paths).toEqual({ json: join(directory, 'reports', 'results.json'), junit: join(directory, 'reports', 'junit.xml'), html: join(directory, 'reports', 'report.html'), badge: join(directory, 'reports', 'badge.json') });
    const onDisk = readReport(await readFile(paths.json, 'utf8'));
    expect(onDisk).toEqual(report);
    expect(onDisk.tool).toEqual({ name: manifest.name, version: manifest.version });
    expect(onDisk.target).toBe('http://127.0.0.1:9');
    expect(onDisk.durationMs).toBeGreaterThanOrEqual(50);
    expect(onDisk.cases.map((result) => [result.id, result.outcome])).toEqual([
      ['case/pass', 'pass'],
      ['case/fail', 'fail'],
      ['case/skip', 'skip'],
      ['case/throws', 'error'],
      ['case/never', 'skip'],
    ]);
    // The report names the finding that explains the failure; the rest is the case as it was attached.
    expect(onDisk.cases[1]).toEqual({ ...fail, finding: 'status-202-for-400-invalid-parameter-value' });
    expect(onDisk.cases[3]?.reasons).toEqual([{ check: 'suite_error', clause: 'BatchSize.range', message: 'the test threw before judging the case: fixture exploded' }]);
    expect(onDisk.cases[4]?.reasons[0]?.message).toBe('not run: no test reported a result for this case');
    expect(onDisk.complete).toBe(false);
    expect(onDisk.interruption).toBe('1 of 5 planned cases was not judged.');
    expect(onDisk.summary).toEqual({ total: 5, pass: 1, fail: 1, error: 1, skip: 2 });

    const junit = parseXml(await readFile(paths.junit, 'utf8'));
    expect(attributeOf(junit, 'tests')).toBe('5');
    expect(descendants(junit, 'testcase').map((testcase) => attributeOf(testcase, 'classname'))).toEqual(['BatchSize.range', 'Errors', 'BatchSize.range', 'BatchSize.range', 'BatchSize.range']);
    const html = await readFile(paths.html, 'utf8');
    expect(html).toContain('<h1 class="verdict-label">INCOMPLETE</h1>');
  });

  it('writes a complete report when every planned case is judged', async () => {
    const reports: Written[] = [];
    const reporter = reporterFor([plan('a'), plan('b')], reports);
    await runVitestWith(reporter, ["import { test } from 'vitest';", attach(caseResult({ id: 'a' })), attach(caseResult({ id: 'b' }))].join('\n'));
    const report = readReport(await readFile(join(directory, 'reports', 'results.json'), 'utf8'));
    expect(report.complete).toBe(true);
    expect(report.interruption).toBeNull();
    expect(report.summary).toEqual({ total: 2, pass: 2, fail: 0, error: 0, skip: 0 });
    expect(await readFile(join(directory, 'reports', 'report.html'), 'utf8')).toContain('<h1 class="verdict-label">CONFORMS</h1>');
  });
});

/** Stands in for vitest's TestCase, for the hooks called directly. */
function finishedTest(name: string, result: CaseResult | undefined, state: 'passed' | 'failed' = 'passed'): TestCase {
  return {
    name,
    meta: () => (result === undefined ? {} : { result }),
    result: () => (state === 'failed' ? { state, errors: [{ message: 'boom' }] } : { state, errors: undefined }),
    diagnostic: () => undefined,
  } as unknown as TestCase;
}

describe('ConformanceReporter when the run does not end normally', () => {
  it('reports an interrupted run as incomplete, the unjudged cases as not run', async () => {
    const reports: Written[] = [];
    const reporter = reporterFor([plan('a'), plan('b'), plan('c')], reports);
    reporter.onTestCaseResult(finishedTest('a', caseResult({ id: 'a', outcome: 'fail' })));
    await reporter.onTestRunEnd([], [], 'interrupted');
    const report = readReport(await readFile(join(directory, 'reports', 'results.json'), 'utf8'));
    expect(report.complete).toBe(false);
    expect(report.interruption).toBe('The run was interrupted before every case was judged. 2 of 3 planned cases were not judged.');
    expect(report.cases.map((result) => [result.outcome, result.reasons[0]?.message])).toEqual([
      ['fail', undefined],
      ['skip', 'not run: the run was interrupted'],
      ['skip', 'not run: the run was interrupted'],
    ]);
    expect(reports[0]?.report).toEqual(report);
  });

  it('reports a run with unhandled errors as crashed, even when every case has a result', async () => {
    const reports: Written[] = [];
    const reporter = reporterFor([plan('a')], reports);
    reporter.onTestCaseResult(finishedTest('a', caseResult({ id: 'a' })));
    await reporter.onTestRunEnd([], [{ message: 'worker exited unexpectedly\n    at somewhere' }, { message: 'second' }], 'failed');
    expect(reports[0]?.report.complete).toBe(false);
    expect(reports[0]?.report.interruption).toBe('The run crashed: worker exited unexpectedly (and 1 more).');
  });

  it('writePartial writes what was judged so far as an INCOMPLETE report', async () => {
    const reports: Written[] = [];
    const reporter = reporterFor([plan('a'), plan('b')], reports, join(directory, 'not', 'yet', 'there'));
    reporter.onTestCaseResult(finishedTest('a', caseResult({ id: 'a' })));
    const paths = await reporter.writePartial('interrupted by SIGTERM');
    expect(paths.json).toBe(join(directory, 'not', 'yet', 'there', 'results.json'));
    const report = readReport(await readFile(paths.json, 'utf8'));
    expect(report.complete).toBe(false);
    expect(report.interruption).toBe('Interrupted by SIGTERM. 1 of 2 planned cases was not judged.');
    expect(report.cases.map((result) => result.outcome)).toEqual(['pass', 'skip']);
    const html = await readFile(paths.html, 'utf8');
    expect(html).toContain('<h1 class="verdict-label">INCOMPLETE</h1>');
    expect(html).toContain('Interrupted by SIGTERM. 1 of 2 planned cases was not judged.');
    expect(attributeOf(descendants(parseXml(await readFile(paths.junit, 'utf8')), 'skipped')[0]!, 'message')).toBe('not run: the run was interrupted');
    expect(reports).toHaveLength(1);
  });

  it('writePartial leaves the reports of a run that ended normally alone', async () => {
    const reports: Written[] = [];
    const reporter = reporterFor([plan('a')], reports);
    reporter.onTestCaseResult(finishedTest('a', caseResult({ id: 'a' })));
    await reporter.onTestRunEnd([], [], 'passed');
    const before = await readFile(join(directory, 'reports', 'results.json'), 'utf8');
    const paths = await reporter.writePartial('interrupted by SIGINT');
    expect(paths).toEqual(reports[0]?.paths);
    expect(await readFile(paths.json, 'utf8')).toBe(before);
    expect(readReport(before).complete).toBe(true);
    expect(reports).toHaveLength(1);
  });

  it('records a test that threw before attaching a result as an error on its case, matched by name', async () => {
    const reports: Written[] = [];
    const reporter = reporterFor([plan('BatchSize/sqs/0'), plan('other')], reports);
    reporter.onTestCaseResult(finishedTest('BatchSize/sqs/0: title', undefined, 'failed'));
    reporter.onTestCaseResult(finishedTest('not a planned case', undefined, 'failed'));
    reporter.onTestCaseResult(finishedTest('other', undefined, 'passed'));
    await reporter.onTestRunEnd([], [], 'failed');
    const [first, second] = reports[0]?.report.cases ?? [];
    expect(first?.outcome).toBe('error');
    expect(first?.reasons[0]?.message).toBe('the test threw before judging the case: boom');
    // A test that passed without a result is not evidence of anything: its case stays unjudged.
    expect(second?.outcome).toBe('skip');
    expect(reports[0]?.report.cases).toHaveLength(2);
  });
});
