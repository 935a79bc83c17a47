// Listens to a run's results as its cases end and writes results.json, junit.xml, report.html and
// badge.json once the run ends, or once the CLI asks for what was judged so far because the run is
// being stopped.
import type { CaseResult, RunReport } from '../src/results.ts';
import type { RequestCounts } from '../src/transport/request-pacer.ts';
import { buildRunReport, type PlannedCase, type RunFacts, type RunStop } from '../src/run-record/run-report.ts';
import { toolIdentity } from './tool-identity.ts';
import type { ReportPaths } from './report-files.ts';
import { writeReports } from './write-reports.ts';

export interface ConformanceReporterOptions {
  /** Where the reports go; created if missing. */
  readonly reportDir: string;
  readonly target: string;
  /** The target's name in the reports (--label). */
  readonly label: string;
  readonly edition: string;
  readonly startedAt: Date;
  /** Every case the run means to judge, in report order. */
  readonly plannedCases: ReadonlyArray<PlannedCase>;
  readonly scope: RunFacts['scope'];
  readonly gate: RunFacts['gate'];
  readonly reproduction: RunFacts['reproduction'];
  /** Why the planned cases are not the whole edition (see RunFacts), or null. */
  readonly subset: string | null;
  /** Credentials to mask in every spelling in the reports, as a last pass. */
  readonly secrets?: () => readonly string[];
  /** What the run's requests cost so far, read as the reports are written. */
  readonly requestCounts?: () => RequestCounts;
}

export interface WrittenReport {
  readonly report: RunReport;
  readonly paths: ReportPaths;
}

export class ConformanceReporter {
  private readonly results = new Map<string, CaseResult>();
  private written: Promise<WrittenReport> | undefined;

  constructor(private readonly options: ConformanceReporterOptions) {}

  /** How many cases have ended so far. */
  get judged(): number {
    return this.results.size;
  }

  caseEnded(result: CaseResult): void {
    this.results.set(result.id, result);
  }

  /**
   * Writes the reports of what was judged, `stop` saying why the run ended early if it did. They
   * are written once: a later call (the end of the cases after a signal's partial report, or a
   * signal after the end) answers the reports already written.
   */
  runEnded(stop: RunStop | null = null): Promise<WrittenReport> {
    this.written ??= this.write(stop);
    return this.written;
  }

  /** The reports of what has been judged so far, as an incomplete run: for a CLI that is stopping (a signal). */
  writePartial(interruption: string): Promise<WrittenReport> {
    return this.runEnded({ interruption, notRun: 'not run: the run was interrupted' });
  }

  private async write(stop: RunStop | null): Promise<WrittenReport> {
    const { startedAt, target, label, edition, plannedCases, scope, gate, reproduction, subset, reportDir, secrets, requestCounts } = this.options;
    const report = buildRunReport({
      tool: toolIdentity(),
      target,
      label,
      edition,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      plannedCases,
      subset,
      results: this.results,
      stop,
      scope,
      gate,
      reproduction,
      requests: requestCounts?.() ?? null,
    });
    return { report, paths: await writeReports(report, reportDir, secrets?.() ?? []) };
  }
}
