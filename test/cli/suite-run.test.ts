// The suite starts before the fixtures exist and gets them later: a run that ends before its first
// case (a refusal, fixtures that could not be made, a signal) reports nothing of it.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestCase } from 'vitest/node';
import { describe, expect, it } from 'vitest';
import { startSuite } from '../../cli/suite-run.ts';
import { ConformanceReporter } from '../../reporters/conformance-reporter.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { selectCases } from '../../src/cases/select.ts';
import type { RunReport } from '../../src/results.ts';
import { loadEdition } from '../../src/spec/load.ts';

const spec = loadEdition('seed');
const cases = selectCases(generateCases(spec), '^BatchSize/sqs/');

function suiteOfCases() {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'lesm-suite-'));
  const heard: string[] = [];
  const reports: RunReport[] = [];
  const conformance = new ConformanceReporter({
    reportDir,
    target: 'http://127.0.0.1:9',
    edition: 'seed',
    startedAt: new Date(),
    plannedCases: cases,
    scope: { grep: '^BatchSize/sqs/', repeat: 1, seed: 1, editionCases: cases.length, partial: true },
    gate: null,
    subset: null,
    onReport: (report) => reports.push(report),
  });
  const suite = startSuite(
    { conformance, progress: { onTestCaseResult: (testCase: TestCase) => void heard.push(testCase.name) } },
    { edition: 'seed', spec, cases, transport: { url: 'http://127.0.0.1:9', region: 'us-east-1', profile: null, concurrency: 4, timeoutMs: 1_000 }, ownsFixtures: true },
  );
  return { suite, heard, reports, reportDir };
}

describe('the suite, started before the fixtures exist', () => {
  it('stopped before it gets them, ends with nothing judged and nothing reported', async () => {
    const { suite, heard, reports, reportDir } = suiteOfCases();
    // Long enough for the worker to be waiting for its fixtures.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await suite.stop();
    expect(heard).toEqual([]);
    expect(reports).toEqual([]);
    expect(readdirSync(reportDir)).toEqual([]);
  });

  it('given them once its worker waits, runs every case with them and reports them', async () => {
    const { suite, heard, reports } = suiteOfCases();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // No fixture on the target: every case is reported, skipped for want of one.
    await suite.run({ fixtures: null, missingFixtures: [] });
    expect([...heard].sort()).toEqual(cases.map((testCase) => testCase.id).sort());
    expect(reports).toHaveLength(1);
    expect(reports[0]?.cases.map((result) => result.outcome)).toEqual(cases.map(() => 'skip'));
    expect(reports[0]?.complete).toBe(true);
  });
});
