// The vitest reporter that turns a conformance run into results.json, junit.xml and report.html.
// Each conformance test attaches its judged CaseResult as `task.meta.result`; this collects them
// as tests finish and writes the reports when the run ends, or when the CLI asks for what was
// judged so far because the run is being killed.
import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason } from 'vitest/node';
import { unjudged, type CaseResult, type RunReport } from '../src/results.ts';
import { buildRunReport, type PlannedCase, type RunFacts, type RunStop } from './run-report.ts';
import '../suites/hand-off.ts';
import { toolIdentity } from './tool-identity.ts';
import { writeReports, type ReportPaths } from './write-reports.ts';

export interface ConformanceReporterOptions {
  /** Where results.json, junit.xml and report.html go; created if missing. */
  readonly reportDir: string;
  readonly target: string;
  readonly edition: string;
  readonly startedAt: Date;
  /** Every case the run means to judge, in report order. */
  readonly plannedCases: ReadonlyArray<PlannedCase>;
  readonly scope: RunFacts['scope'];
  readonly gate: RunFacts['gate'];
  /** Why the planned cases are not the whole edition (see RunFacts), or null. */
  readonly subset: string | null;
  /** Called once the reports are written. */
  readonly onReport?: (report: RunReport, paths: ReportPaths) => void;
  /** Credentials to mask in every spelling in the reports, as a last pass. */
  readonly secrets?: () => readonly string[];
}

const INTERRUPTED: RunStop = {
  interruption: 'The run was interrupted before every case was judged.',
  notRun: 'not run: the run was interrupted',
};

function crashed(errors: ReadonlyArray<SerializedError>): RunStop {
  const first = errors[0]?.message?.split('\n')[0] ?? 'an unhandled error';
  const others = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return { interruption: `The run crashed: ${first}${others}.`, notRun: 'not run: the run crashed' };
}

export class ConformanceReporter implements Reporter {
  private readonly results = new Map<string, CaseResult>();
  private readonly planned: ReadonlyMap<string, PlannedCase>;
  private finalPaths: ReportPaths | undefined;

  constructor(private readonly options: ConformanceReporterOptions) {
    this.planned = new Map(options.plannedCases.map((planned) => [planned.id, planned]));
  }

  onTestCaseResult(testCase: TestCase): void {
    const attached = testCase.meta().result;
    if (attached !== undefined) {
      this.results.set(attached.id, attached);
      return;
    }
    const outcome = testCase.result();
    if (outcome.state === 'failed') this.recordThrown(testCase, outcome.errors);
  }

  async onTestRunEnd(_testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): Promise<void> {
    const stop = reason === 'interrupted' ? INTERRUPTED : unhandledErrors.length > 0 ? crashed(unhandledErrors) : null;
    const report = this.report(stop);
    this.finalPaths = await writeReports(report, this.options.reportDir, this.options.secrets?.() ?? []);
    this.options.onReport?.(report, this.finalPaths);
  }

  /**
   * Writes the reports from what has been judged so far, as an incomplete run, for a CLI that is
   * stopping before vitest ends the run (a signal, a timeout). Once the run has ended normally
   * its reports stand and this does nothing but return their paths.
   */
  async writePartial(interruption: string): Promise<ReportPaths> {
    if (this.finalPaths !== undefined) return this.finalPaths;
    const report = this.report({ interruption, notRun: 'not run: the run was interrupted' });
    const paths = await writeReports(report, this.options.reportDir, this.options.secrets?.() ?? []);
    this.options.onReport?.(report, paths);
    return paths;
  }

  private report(stop: RunStop | null): RunReport {
    const { startedAt, target, edition, plannedCases, scope, gate, subset } = this.options;
    return buildRunReport({
      tool: toolIdentity(),
      target,
      edition,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      plannedCases,
      subset,
      results: this.results,
      stop,
      scope,
      gate,
    });
  }

  // A test that threw before attaching its result (a bug in the suite or a fixture) must show up as
  // an error on its case, not as a silent "not run". Tests are named after their case id.
  private recordThrown(testCase: TestCase, errors: ReadonlyArray<SerializedError>): void {
    const planned = this.plannedFor(testCase.name);
    if (planned === undefined || this.results.has(planned.id)) return;
    const message = errors[0]?.message ?? 'the test failed without a message';
    this.results.set(planned.id, {
      ...unjudged(planned, 'error', 'suite_error', `the test threw before judging the case: ${message}`),
      durationMs: testCase.diagnostic()?.duration ?? 0,
    });
  }

  private plannedFor(testName: string): PlannedCase | undefined {
    const exact = this.planned.get(testName);
    if (exact !== undefined) return exact;
    // "BatchSize/kinesis/0: title" or "BatchSize/kinesis/0 title"
    const match = /^(\S+?):?\s/.exec(testName);
    return match?.[1] === undefined ? undefined : this.planned.get(match[1]);
  }
}
