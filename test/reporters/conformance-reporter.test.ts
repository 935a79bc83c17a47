import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConformanceReporter } from '../../reporters/conformance-reporter.ts';
import type { PlannedCase } from '../../src/run-record/run-report.ts';
import type { RunReport } from '../../src/results.ts';
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

function reporterFor(plannedCases: PlannedCase[], reportDir = join(directory, 'reports')): ConformanceReporter {
  return new ConformanceReporter({
    reportDir,
    target: 'http://127.0.0.1:9',
    label: 'http://127.0.0.1:9',
    edition: 'seed',
    startedAt: new Date(Date.now() - 50),
    plannedCases,
    scope: { grep: null, repeat: 1, seed: null, editionCases: plannedCases.length, partial: false },
    gate: null,
    reproduction: null,
    subset: null,
  });
}

describe('ConformanceReporter, listening to the cases as they end', () => {
  it('collects every result and writes the four reports, a planned case without one not run', async () => {
    const reporter = reporterFor([plan('case/pass'), plan('case/fail', 'Errors'), plan('case/skip'), plan('case/never')]);
    const fail = caseResult({
      id: 'case/fail',
      clause: 'Errors',
      outcome: 'fail',
      response: response({ status: 202, headers: { 'content-type': 'application/json' }, body: {} }),
      reasons: [{ check: 'status_code_conformance', clause: 'Errors', message: 'expected 400, got 202' }],
    });
    const skip = caseResult({ id: 'case/skip', outcome: 'skip', request: null, response: null, reasons: [{ check: 'fixtures_available', clause: 'BatchSize.range', message: 'no kinesis stream' }] });
    // In the order the cases end, which is not the plan's.
    for (const result of [skip, fail, caseResult({ id: 'case/pass' })]) reporter.caseEnded(result);
    const { report, paths } = await reporter.runEnded();

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
      ['case/never', 'skip'],
    ]);
    // The report names the finding that explains the failure; the rest is the case as it ended.
    expect(onDisk.cases[1]).toEqual({ ...fail, finding: 'status-202-for-400-invalid-parameter-value' });
    expect(onDisk.cases[3]?.reasons[0]?.message).toBe('not run: no result was reported for this case');
    expect(onDisk.complete).toBe(false);
    expect(onDisk.interruption).toBe('1 of 4 planned cases was not judged.');
    expect(onDisk.summary).toEqual({ total: 4, pass: 1, fail: 1, error: 0, skip: 2 });

    const junit = parseXml(await readFile(paths.junit, 'utf8'));
    expect(attributeOf(junit, 'tests')).toBe('4');
    expect(descendants(junit, 'testcase').map((testcase) => attributeOf(testcase, 'classname'))).toEqual(['BatchSize.range', 'Errors', 'BatchSize.range', 'BatchSize.range']);
    const html = await readFile(paths.html, 'utf8');
    expect(html).toContain('<h1 class="verdict-label">INCOMPLETE</h1>');
  });

  it('writes a complete report when every planned case is judged', async () => {
    const reporter = reporterFor([plan('a'), plan('b')]);
    reporter.caseEnded(caseResult({ id: 'a' }));
    reporter.caseEnded(caseResult({ id: 'b' }));
    const { report } = await reporter.runEnded();
    expect(report.complete).toBe(true);
    expect(report.interruption).toBeNull();
    expect(report.summary).toEqual({ total: 2, pass: 2, fail: 0, error: 0, skip: 0 });
    expect(await readFile(join(directory, 'reports', 'report.html'), 'utf8')).toContain('<h1 class="verdict-label">CONFORMS</h1>');
  });
});

describe('ConformanceReporter when the run does not end normally', () => {
  it('reports an interrupted run as incomplete, the unjudged cases as not run', async () => {
    const reporter = reporterFor([plan('a'), plan('b'), plan('c')]);
    reporter.caseEnded(caseResult({ id: 'a', outcome: 'fail' }));
    const { report } = await reporter.runEnded({ interruption: 'The run was interrupted before every case was judged.', notRun: 'not run: the run was interrupted' });
    expect(readReport(await readFile(join(directory, 'reports', 'results.json'), 'utf8'))).toEqual(report);
    expect(report.complete).toBe(false);
    expect(report.interruption).toBe('The run was interrupted before every case was judged. 2 of 3 planned cases were not judged.');
    expect(report.cases.map((result) => [result.outcome, result.reasons[0]?.message])).toEqual([
      ['fail', undefined],
      ['skip', 'not run: the run was interrupted'],
      ['skip', 'not run: the run was interrupted'],
    ]);
  });

  it('writePartial writes what was judged so far as an INCOMPLETE report', async () => {
    const reporter = reporterFor([plan('a'), plan('b')], join(directory, 'not', 'yet', 'there'));
    reporter.caseEnded(caseResult({ id: 'a' }));
    const { paths } = await reporter.writePartial('interrupted by SIGTERM');
    expect(paths.json).toBe(join(directory, 'not', 'yet', 'there', 'results.json'));
    const report = readReport(await readFile(paths.json, 'utf8'));
    expect(report.complete).toBe(false);
    expect(report.interruption).toBe('Interrupted by SIGTERM. 1 of 2 planned cases was not judged.');
    expect(report.cases.map((result) => result.outcome)).toEqual(['pass', 'skip']);
    const html = await readFile(paths.html, 'utf8');
    expect(html).toContain('<h1 class="verdict-label">INCOMPLETE</h1>');
    expect(html).toContain('Interrupted by SIGTERM. 1 of 2 planned cases was not judged.');
    expect(attributeOf(descendants(parseXml(await readFile(paths.junit, 'utf8')), 'skipped')[0]!, 'message')).toBe('not run: the run was interrupted');
  });

  it('writePartial leaves the reports of a run that ended normally alone', async () => {
    const reporter = reporterFor([plan('a')]);
    reporter.caseEnded(caseResult({ id: 'a' }));
    const ended = await reporter.runEnded();
    const before = await readFile(join(directory, 'reports', 'results.json'), 'utf8');
    expect(await reporter.writePartial('interrupted by SIGINT')).toBe(ended);
    expect(await readFile(ended.paths.json, 'utf8')).toBe(before);
    expect(readReport(before).complete).toBe(true);
  });

  it('the end of the cases after a partial report leaves it as it was: the reports are written once', async () => {
    const reporter = reporterFor([plan('a'), plan('b')]);
    reporter.caseEnded(caseResult({ id: 'a' }));
    const partial = await reporter.writePartial('interrupted by SIGINT');
    // A case in flight at the signal that ends after the partial report does not rewrite it.
    reporter.caseEnded(caseResult({ id: 'b' }));
    expect(await reporter.runEnded()).toBe(partial);
    expect(readReport(await readFile(partial.paths.json, 'utf8')).interruption).toBe('Interrupted by SIGINT. 1 of 2 planned cases was not judged.');
  });
});
