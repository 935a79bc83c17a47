import path from 'node:path';
import { guardCleanup } from '../../fixtures/index.ts';
import { ConformanceReporter } from '../../reporters/conformance-reporter.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import { ProgressReporter } from '../../reporters/progress-reporter.ts';
import { verdictOf } from '../../reporters/verdict.ts';
import { repeatCases, selectCases } from '../../src/cases/select.ts';
import { isPropertyCase } from '../../src/cases/properties/sampling.ts';
import { updatedExpectations } from '../../src/gate/update-expectations.ts';
import type { RunReport, RunScope } from '../../src/results.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { processIo, type CommandIo } from '../io.ts';
import { preparedFixtures } from '../preflight/setup-problem.ts';
import { startSuite, type Suite } from '../suite-run.ts';
import { runExpectations, runSeed, writeExpectations } from '../gate/expectations-file.ts';
import { VERSION } from '../version.ts';
import { runFunctions } from './run-fixtures.ts';
import { runSettings, type RunSettings } from './run-settings.ts';
import { DEFAULT_PROPERTY_RUNS, RUN_FLAGS } from './flag-tables.ts';
import { parseFlags, UsageError } from './flags.ts';
import { summarize } from '../summary.ts';
import { openTargetSession, SIGNAL_DEADLINE_MS } from '../target-session.ts';
import { editionCases } from '../../src/cases/edition-cases.ts';

/** Of which the cases in flight get this long to stop before the report of what was judged is written. */
export const SIGNAL_CANCEL_MS = 1_500;

/**
 * The main path: settings → cases → the checks before the first case (a writable report
 * directory, credentials, a target that answers as Lambda, static fixtures that exist) → fixtures
 * → the plan → the suite in vitest → the reports it writes → the exit code. Whatever happens, what
 * the run created is deleted.
 */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const settings = runSettings(parseFlags('run', argv, RUN_FLAGS), process.env);
  const spec = loadEdition(settings.edition);
  // A malformed expectations file, or one of another edition, is refused here, before anything is made on the target.
  const expectations = runExpectations(settings, spec.edition);
  const { seed, origin: seedOrigin } = runSeed(settings.seed, expectations);
  const everyCase = editionCases(spec, { runs: settings.propertyRuns, seed });
  const selected = selectCases(everyCase, settings.grep ?? undefined);
  const cases = repeatCases(selected, settings.repeat);
  if (cases.length === 0) throw new UsageError(`--grep "${settings.grep ?? ''}" matches no case; "lambda-esm-conformance list" shows them all.`);
  // A property case keeps its id when --property-runs 0 leaves it out: an entry for it is not stale.
  const editionCaseIds = (settings.propertyRuns === 0 ? editionCases(spec, { runs: 1, seed }) : everyCase).map((testCase) => testCase.id);
  const scope: RunScope = { grep: settings.grep, repeat: settings.repeat, seed, editionCases: everyCase.length, partial: selected.length < everyCase.length };

  const { reference, targetUrl, credentials, secrets, say, fixtures } = await openTargetSession(settings, io, {
    needs: [...new Set(cases.flatMap((testCase) => testCase.fixtures))],
    functions: runFunctions(settings.concurrency),
  });
  const written: { report: RunReport | null } = { report: null };
  // The case lines and the recap after them: what a CI log keeps, the verdict last.
  const print = (line: string): void => io.stdout(`${consoleLine(line, secrets())}\n`);
  // Made when the suite is prepared; or, after a signal that came before, to report every case as not run.
  let reporter: ConformanceReporter | undefined;
  const conformanceReporter = (): ConformanceReporter =>
    (reporter ??= new ConformanceReporter({
      reportDir: path.resolve(settings.reportDir),
      target: targetUrl,
      edition: settings.edition,
      startedAt: new Date(),
      plannedCases: cases,
      scope,
      subset: scope.partial ? `only the cases --grep "${settings.grep ?? ''}" selects were run` : null,
      gate: expectations === null ? null : { expectations, editionCaseIds },
      onReport: (report) => (written.report = report),
      secrets,
    }));
  let suite: Suite | null = null;
  let cleaning: Promise<unknown> | null = null;
  // Ctrl-C or SIGTERM: stop the cases, write the report of what was judged, delete what was created, exit 130/143,
  // all within SIGNAL_DEADLINE_MS: cases waiting on a target that hangs are not waited for.
  const guard = guardCleanup(
    async () => {
      await Promise.race([suite?.stop(), new Promise((resolve) => setTimeout(resolve, SIGNAL_CANCEL_MS).unref())]);
      await conformanceReporter()
        .writePartial(`interrupted by ${guard.interruptedBy ?? 'a signal'}`)
        .catch((error: unknown) => say(`could not write the report: ${String(error)}`));
      return fixtures.cleanup({ afterStop: true });
    },
    { log: say, remaining: () => fixtures.remaining(), deadlineMs: SIGNAL_DEADLINE_MS },
  );
  let report: RunReport;
  try {
    say(`lambda-esm-conformance ${VERSION}: ${cases.length} cases of the ${spec.edition} edition against ${targetUrl} (${whereFrom(settings)})`);
    say(`seed ${seed} (${seedOrigin}): --seed ${seed} draws the same values again (${propertyWords(cases.filter(isPropertyCase).length, settings.propertyRuns)})`);
    if (expectations !== null && expectations.madeWith.seed === null && settings.seed === null && settings.updateExpectations === null) {
      say(`${expectations.file} records no seed, so this gate is not pinned: property cases draw other values on every run, and may fail otherwise than listed; --update-expectations ${expectations.file} records one`);
    }
    // vitest starts now, and its worker waits for the fixtures while they are checked and made.
    suite = startSuite(
      { conformance: conformanceReporter(), progress: new ProgressReporter(cases.length, io.stdout, secrets) },
      {
        edition: settings.edition,
        spec,
        cases,
        transport: { url: targetUrl, region: settings.region, profile: settings.profile, concurrency: settings.concurrency, timeoutMs: settings.timeoutMs },
        ownsFixtures: settings.fixtures === 'auto',
      },
      // The fixtures are deleted while the reports are written; the cleanup below waits for that.
      { casesEnded: () => void (cleaning ??= fixtures.cleanup()) },
    );
    const loaded = await preparedFixtures(settings, targetUrl, credentials, secrets, fixtures);
    if ('problem' in loaded) {
      say(`Nothing was judged: ${loaded.problem}`);
      return 2;
    }
    await suite.run({ fixtures: loaded.values, missingFixtures: loaded.missing });
    if (written.report === null) {
      say('Nothing was judged: the run ended before any report was written; run again, and if it repeats, report it as a bug with the lines above.');
      return 2;
    }
    report = written.report;
  } finally {
    // After a signal the guard cleans up and exits; otherwise it is done here (failures are logged as they happen).
    if (guard.interruptedBy === undefined) {
      await suite?.stop();
      await (cleaning ?? fixtures.cleanup());
      guard.uninstall();
    }
    await reference?.close();
  }
  for (const entry of report.gate?.stale ?? []) {
    say(`stale expectation ${report.gate?.file ?? ''}:${entry.line}: "${entry.pattern}" matches no case of the ${spec.edition} edition (--update-expectations drops it)`);
  }
  if (settings.updateExpectations !== null) return updateExpectations(report, settings.updateExpectations);
  // After the cleanup's lines, so that the verdict is the last line of the run.
  summarize(report, settings.reportDir, SUMMARY_WORDS, print);
  return verdictOf(report).passes ? 0 : 1;

  // Like Web Platform Tests' update, writing the expectations does not gate: it records what is.
  async function updateExpectations(judged: RunReport, file: string): Promise<number> {
    if (!judged.complete) {
      say(`${file} was not written: the run did not judge every case, and the file would lose the entries of those it did not.`);
      summarize(judged, settings.reportDir, SUMMARY_WORDS, print);
      return 1;
    }
    const recordedSeed = expectations?.madeWith.seed ?? seed;
    const entries = updatedExpectations(judged.cases, expectations, {
      editionCaseIds,
      drawnCaseIds: new Set(everyCase.filter(isPropertyCase).map((testCase) => testCase.id)),
      exploring: recordedSeed !== seed,
    });
    const problem = await writeExpectations(file, entries, { seed: recordedSeed, edition: spec.edition, version: VERSION }, expectations);
    if (problem !== null) say(problem);
    else say(`wrote ${entries.length === 1 ? '1 known deviation' : `${entries.length} known deviations`} to ${file}, with seed ${recordedSeed}; gate on it with: ${gateCommand(settings, file)}`);
    summarize(judged, settings.reportDir, SUMMARY_WORDS, print);
    return problem === null ? 0 : 1;
  }
}

const SUMMARY_WORDS = { passed: 'cases pass', unjudged: 'could not be judged', skipped: 'skipped' };

function propertyWords(count: number, runs: number): string {
  if (runs === 0) return 'property cases off: --property-runs 0';
  return `${count} property ${count === 1 ? 'case draws' : 'cases draw'} ${runs} ${runs === 1 ? 'value' : 'values'} each`;
}

function whereFrom(settings: RunSettings): string {
  return settings.targetFrom === null ? 'the embedded reference server' : `from ${settings.targetFrom}`;
}

/** The gate on a file just written, as a command to paste: the seed it draws from is the one the file records. */
function gateCommand(settings: RunSettings, file: string): string {
  const flags = [
    ...(settings.targetFrom === '--target' && settings.targetUrl !== null ? ['--target', settings.targetUrl] : []),
    ...(settings.edition === 'seed' ? [] : ['--edition', settings.edition]),
    ...(settings.propertyRuns === DEFAULT_PROPERTY_RUNS ? [] : ['--property-runs', String(settings.propertyRuns)]),
    '--expectations',
    file,
  ];
  return `lambda-esm-conformance run ${flags.map(shellWord).join(' ')}`;
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
