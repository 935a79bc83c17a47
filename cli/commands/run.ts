import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createVitest, type Vitest } from 'vitest/node';
import { guardCleanup } from '../../fixtures/index.ts';
import { ConformanceReporter } from '../../reporters/conformance-reporter.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import { ProgressReporter } from '../../reporters/progress-reporter.ts';
import { verdictOf } from '../../reporters/verdict.ts';
import type { SuiteConfig } from '../../suites/suite-config.ts';
import type { Case } from '../../src/cases/case.ts';
import type { FixtureValues } from '../../src/cases/placeholders.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { selectCases } from '../../src/cases/select.ts';
import type { RunReport } from '../../src/results.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { recordSecrets, resolveCredentials } from '../../src/transport/index.ts';
import { checkReachable } from './reachability.ts';
import { FixturesUnavailable, runFixtures } from './run-fixtures.ts';
import { runSettings, type RunSettings } from './run-settings.ts';
import { parseFlags, UsageError } from './usage-error.ts';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const suiteFile = 'suites/create-event-source-mapping.suite.ts';

/** After SIGINT or SIGTERM, the run is over within this long, whatever the target does. */
export const SIGNAL_DEADLINE_MS = 5_000;
/** Of which the cases in flight get this long to stop before the report of what was judged is written. */
export const SIGNAL_CANCEL_MS = 1_500;

export async function run(argv: string[]): Promise<number> {
  const settings = runSettings(
    parseFlags('run', argv, {
      target: { type: 'string' },
      edition: { type: 'string' },
      region: { type: 'string' },
      profile: { type: 'string' },
      'report-dir': { type: 'string' },
      fixtures: { type: 'string' },
      concurrency: { type: 'string' },
      timeout: { type: 'string' },
      grep: { type: 'string' },
    }),
    process.env,
  );
  const spec = loadEdition(settings.edition);
  const cases = selectCases(generateCases(spec), settings.grep ?? undefined);
  if (cases.length === 0) throw new UsageError(`--grep "${settings.grep ?? ''}" matches no case; "lambda-esm-conformance list" shows them all.`);

  // The reference server is loaded only when it is the target.
  const reference = settings.targetUrl === null ? await (await import('../../reference/server.ts')).startReferenceServer() : null;
  const targetUrl = settings.targetUrl ?? reference?.url ?? '';
  // Every credential this process signs with is remembered, to be masked in every line and report.
  const { credentials, secrets } = recordSecrets(resolveCredentials({ targetUrl, ...(settings.profile !== null && { profile: settings.profile }) }));
  const say = (line: string) => process.stderr.write(`${consoleLine(line, secrets())}\n`);
  const fixtures = runFixtures({ targetUrl, settings, credentials, needs: [...new Set(cases.flatMap((testCase) => testCase.fixtures))], log: say });
  let suite: SuiteRun | null = null;
  // Ctrl-C or SIGTERM: stop the cases, write the report of what was judged, delete what was created, exit 130/143,
  // all within SIGNAL_DEADLINE_MS: cases waiting on a target that hangs are not waited for.
  const guard = guardCleanup(
    async () => {
      const interruption = `interrupted by ${guard.interruptedBy ?? 'a signal'}`;
      await Promise.race([suite?.cancel(), new Promise((resolve) => setTimeout(resolve, SIGNAL_CANCEL_MS).unref())]);
      // Stopped before the suite started, every case is reported as not run.
      await (suite?.reporter ?? conformanceReporter(cases, targetUrl, settings, secrets)).writePartial(interruption).catch((error: unknown) => say(`could not write the report: ${String(error)}`));
      return fixtures.cleanup();
    },
    { log: say, remaining: () => fixtures.remaining(), deadlineMs: SIGNAL_DEADLINE_MS },
  );
  try {
    say(`lambda-esm-conformance: ${cases.length} cases of the ${spec.edition} edition against ${targetUrl}${reference === null ? '' : ' (the embedded reference server)'}`);
    const unreachable = await checkReachable(targetUrl, credentials, settings);
    if (unreachable !== null) {
      say(`Nothing was judged: the target ${targetUrl} cannot be reached (${unreachable}).`);
      return 2;
    }
    let loaded: Awaited<ReturnType<typeof fixtures.load>>;
    try {
      loaded = await fixtures.load();
    } catch (error) {
      if (!(error instanceof FixturesUnavailable)) throw error;
      say(`Nothing was judged: the fixtures could not be created on the target (${error.message}).`);
      return 2;
    }
    suite = new SuiteRun(cases, targetUrl, settings, loaded, secrets);
    const report = await suite.finished;
    if (report === null) {
      say('Nothing was judged: the run ended before any report was written.');
      return 2;
    }
    summarize(report, settings.reportDir, say);
    return verdictOf(report).label === 'CONFORMS' ? 0 : 1;
  } finally {
    // After a signal the guard cleans up and exits; otherwise it is done here (failures are logged as they happen).
    if (guard.interruptedBy === undefined) {
      await fixtures.cleanup();
      guard.uninstall();
    }
    await reference?.close();
  }
}

function conformanceReporter(cases: readonly Case[], targetUrl: string, settings: RunSettings, secrets: () => readonly string[], onReport?: (report: RunReport) => void): ConformanceReporter {
  return new ConformanceReporter({
    reportDir: path.resolve(settings.reportDir),
    target: targetUrl,
    edition: settings.edition,
    startedAt: new Date(),
    plannedCases: cases,
    ...(onReport !== undefined && { onReport }),
    secrets,
  });
}

/** The suite file running in vitest; its report arrives through the conformance reporter. */
class SuiteRun {
  readonly finished: Promise<RunReport | null>;
  private vitest: Vitest | null = null;
  readonly reporter: ConformanceReporter;
  private cancelled = false;

  constructor(
    cases: readonly Case[],
    targetUrl: string,
    settings: RunSettings,
    fixtures: { values: FixtureValues; missing: SuiteConfig['missingFixtures'] },
    private readonly secrets: () => readonly string[],
  ) {
    let written: RunReport | null = null;
    this.reporter = conformanceReporter(cases, targetUrl, settings, secrets, (report) => (written = report));
    const provided: SuiteConfig = {
      targetUrl,
      region: settings.region,
      profile: settings.profile,
      edition: settings.edition,
      grep: settings.grep,
      concurrency: settings.concurrency,
      timeoutMs: settings.timeoutMs,
      fixtures: fixtures.values,
      missingFixtures: fixtures.missing,
      ownsFixtures: settings.fixtures === 'auto',
    };
    this.finished = this.start(cases.length, provided).then(() => written);
  }

  async cancel(): Promise<void> {
    this.cancelled = true;
    await this.vitest?.cancelCurrentRun('keyboard-input');
    await this.finished;
  }

  private async start(total: number, provided: SuiteConfig): Promise<void> {
    const vitest = await withoutSignalHandlers(() => createVitest('test', {
      config: false,
      root: packageRoot,
      include: [suiteFile],
      watch: false,
      reporters: [new ProgressReporter(total, undefined, this.secrets), this.reporter],
      provide: { conformance: provided },
      // Threads, not forks: a signal must reach this process only, which then ends the run cleanly.
      pool: 'threads',
      maxWorkers: 1,
      maxConcurrency: provided.concurrency,
      // The transport bounds every request; a case may also wait its turn behind others on its source.
      testTimeout: 0,
    }));
    this.vitest = vitest;
    try {
      if (!this.cancelled) await vitest.start();
    } catch (error) {
      await this.reporter.writePartial(`the run crashed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await vitest.close();
    }
  }
}

/**
 * vitest's logger exits the process 1 ms after SIGINT or SIGTERM. A run has its own answer to
 * them (stop the cases, write the report, delete what it created), so the handlers vitest adds
 * while it is created are taken off again.
 */
async function withoutSignalHandlers<T>(create: () => Promise<T>): Promise<T> {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const created = await create();
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  }
  return created;
}

function summarize(report: RunReport, reportDir: string, say: (line: string) => void): void {
  const { total, pass, fail, error, skip } = report.summary;
  const verdict = verdictOf(report);
  say('');
  say(`${verdict.label}: ${pass} of ${total} cases pass, ${fail} fail, ${error} could not be judged, ${skip} skipped (${(report.durationMs / 1000).toFixed(1)} s).`);
  if (verdict.label !== 'CONFORMS') say(verdict.sentence);
  for (const name of ['report.html', 'junit.xml', 'results.json']) say(`  ${path.join(reportDir, name)}`);
}
