import { constants } from 'node:os';
import path from 'node:path';
import type { CleanupReport } from '../../src/provisioning/created-resource.ts';
import { guardCleanup } from '../../src/provisioning/guard-cleanup.ts';
import { ConformanceReporter } from '../../reporters/conformance-reporter.ts';
import { paintedConsoleLine } from '../../reporters/console-line.ts';
import { noColour, type Mark } from '../../reporters/console-colour.ts';
import { ProgressReporter } from '../../reporters/progress-reporter.ts';
import { verdictOf } from '../../src/run-record/verdict.ts';
import { selectionSubset } from '../../src/run-record/merge-shards.ts';
import { repeatCases, selectCases, shardCases } from '../../src/cases/select.ts';
import { isPropertyCase } from '../../src/cases/properties/sampling.ts';
import { updatedExpectations } from '../../src/gate/update-expectations.ts';
import { mistypedCaseId } from '../../src/gate/case-pattern.ts';
import type { CaseResult, RunReport, RunScope } from '../../src/results.ts';
import { runCases } from '../../src/runner/run-cases.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { createTransport, type Transport } from '../../src/transport/index.ts';
import type { Observation } from '../../src/transport/types.ts';
import { runValuesOf } from '../../src/recording/placeholders.ts';
import { toolIdentity } from '../../reporters/tool-identity.ts';
import { RunRecording } from '../recording/run-recording.ts';
import { processIo, type CommandIo } from '../io.ts';
import { preparedFixtures } from '../preflight/setup-problem.ts';
import { runExpectations, runSeed, writeExpectations } from '../gate/expectations-file.ts';
import { VERSION } from '../version.ts';
import { runFunctions } from './run-fixtures.ts';
import { runSettings, type RunSettings } from './run-settings.ts';
import { DEFAULT_PROPERTY_RUNS, RUN_FLAGS } from './flag-tables.ts';
import { parseFlags, UsageError } from './flags.ts';
import { CASE_WORDS, printRecap } from '../recap.ts';
import { reportToGithub } from '../github-actions.ts';
import { openTargetSession, reportsWrittenSentence, SIGNAL_DEADLINE_MS, unlessInterrupted } from '../target-session.ts';
import { editionCases } from '../../src/cases/edition-cases.ts';
import { shellWord } from '../../src/shell-word.ts';

/** Of which the cases in flight get this long to stop before the report of what was judged is written. */
export const SIGNAL_CANCEL_MS = 1_500;

/**
 * The main path: settings → cases → the checks before the first case (a writable report
 * directory, credentials, a target that answers as Lambda, static fixtures that exist) → fixtures
 * → the plan → runCases, the reporters listening → the reports → the exit code. Whatever happens, what
 * the run created is deleted.
 */
export async function run(argv: string[], io: CommandIo = processIo): Promise<number> {
  const settings = runSettings(parseFlags('run', argv, RUN_FLAGS), process.env);
  const spec = loadEdition(settings.edition);
  // A malformed expectations file, or one of another edition, is refused here, before anything is made on the target.
  const expectations = runExpectations(settings, spec.edition);
  // A recording that cannot be read is refused here too; compared against, its seed draws the same values it recorded.
  const recording = RunRecording.of(settings);
  const recorded = settings.seed === null ? recording?.compared : undefined;
  const { seed, origin: seedOrigin } =
    recorded?.index.seed === undefined || recorded.index.seed === null ? runSeed(settings.seed, expectations) : { seed: recorded.index.seed, origin: `from the recording ${recorded.label}` };
  const everyCase = editionCases(spec, { runs: settings.propertyRuns, seed });
  const selected = selectCases(everyCase, settings.grep ?? undefined);
  const selection = repeatCases(selected, settings.repeat);
  if (selection.length === 0) throw new UsageError(`--grep "${settings.grep ?? ''}" matches no case; "lambda-esm-conformance list" shows them all.`);
  const { shard } = settings;
  const cases = shard === null ? selection : shardCases(selection, shard);
  if (cases.length === 0) throw new UsageError(`--shard ${shard?.index ?? ''}/${shard?.count ?? ''} has no case: the selection has only ${selection.length}; split it into at most ${selection.length} shards.`);
  // A property case keeps its id when --property-runs 0 leaves it out: an entry for it is not stale.
  const editionCaseIds = (settings.propertyRuns === 0 ? editionCases(spec, { runs: 1, seed }) : everyCase).map((testCase) => testCase.id);
  const selectionPartial = selected.length < everyCase.length;
  const scope: RunScope = {
    grep: settings.grep,
    repeat: settings.repeat,
    seed,
    editionCases: everyCase.length,
    partial: selectionPartial || shard !== null,
    ...(shard !== null && { shard: { ...shard, selectedCases: selection.length, selectionPartial } }),
  };

  const { reference, targetUrl, credentials, secrets, say, fixtures, pacer } = await openTargetSession(settings, io, {
    needs: [...new Set(cases.flatMap((testCase) => testCase.fixtures))],
    functions: runFunctions(settings.concurrency),
  });
  // The case lines and the recap after them: what a CI log keeps, the verdict last.
  const print = (line: string, mark?: Mark): void => io.stdout(`${paintedConsoleLine(line, secrets(), io.paint ?? noColour, mark)}\n`);
  const tell = settings.quiet ? () => undefined : say;
  // The run's time counts from here, the checks and the fixtures before the first case included.
  const startedAt = new Date();
  // Made when the cases start; or, after a signal that came before, to report every case as not run.
  let reporter: ConformanceReporter | undefined;
  const conformanceReporter = (): ConformanceReporter =>
    (reporter ??= new ConformanceReporter({
      reportDir: path.resolve(settings.reportDir),
      target: targetUrl,
      label: settings.label,
      edition: settings.edition,
      startedAt,
      plannedCases: cases,
      scope,
      subset: subsetOf(settings, selectionPartial),
      gate: expectations === null ? null : { expectations, editionCaseIds },
      reproduction: {
        target: reference === null ? targetUrl : null,
        region: settings.region === RUN_FLAGS.region.default ? null : settings.region,
        propertyRuns: settings.propertyRuns === DEFAULT_PROPERTY_RUNS ? null : settings.propertyRuns,
      },
      secrets,
      requestCounts: () => pacer.counts(),
    }));
  const stop = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let stopping: Promise<unknown> = Promise.resolve();
  let cleaning: Promise<unknown> | null = null;
  /** With --record, once the fixtures are made: writes the recording of these cases, and says where. */
  let recordJudged: ((judged: readonly CaseResult[]) => Promise<void>) | null = null;
  // Ctrl-C or SIGTERM: stop the cases, write the report of what was judged, delete what was created, exit 130/143,
  // all within SIGNAL_DEADLINE_MS: cases waiting on a target that hangs are not waited for.
  const guard = guardCleanup(() => (stopping = stopCases()), { log: say, remaining: () => fixtures.remaining(), deadlineMs: SIGNAL_DEADLINE_MS });
  async function stopCases(): Promise<CleanupReport> {
    stop.abort();
    await Promise.race([running, new Promise((resolve) => setTimeout(resolve, SIGNAL_CANCEL_MS).unref())]);
    const signal = guard.interruptedBy ?? 'a signal';
    const partial = conformanceReporter();
    await partial.writePartial(`interrupted by ${signal}`).then(
      async ({ report }) => {
        say(reportsWrittenSentence(signal, partial.judged, cases.length, settings.reportDir));
        // As the reports, the recording keeps what was judged: the cases not run sent nothing.
        await recordJudged?.(report.cases.filter((result) => result.request !== null)).catch((error: unknown) => say(`could not write the recording: ${String(error)}`));
      },
      (error: unknown) => say(`could not write the report: ${String(error)}`),
    );
    return fixtures.cleanup({ afterStop: true });
  }
  let transport: Transport | null = null;
  let judgedReport: RunReport;
  try {
    tell(`lambda-esm-conformance ${VERSION}: ${cases.length} cases of the ${spec.edition} edition against ${targetUrl} (${whereFrom(settings)})`);
    tell(`seed ${seed} (${seedOrigin}): --seed ${seed} draws the same values again (${propertyWords(cases.filter(isPropertyCase).length, settings.propertyRuns)})`);
    if (expectations !== null && expectations.madeWith.seed === null && settings.seed === null && settings.updateExpectations === null) {
      say(`${expectations.file} records no seed, so this gate is not pinned: property cases draw other values on every run, and may fail otherwise than listed; --update-expectations ${expectations.file} records one`);
    }
    const loaded = await unlessInterrupted(guard, preparedFixtures(settings, targetUrl, credentials, secrets, fixtures, say, pacer));
    if (loaded === null) return 128 + constants.signals[guard.interruptedBy ?? 'SIGINT'];
    if ('problem' in loaded) {
      say(`Nothing was judged: ${loaded.problem}`);
      return 2;
    }
    const { concurrency, timeoutMs } = settings;
    transport = createTransport({ url: targetUrl, region: settings.region, credentials, concurrency, timeoutMs, pacer });
    const progress = new ProgressReporter(cases.length, settings.quiet ? () => undefined : io.stdout, secrets, { expectations: expectations?.entries ?? null, paint: io.paint ?? noColour });
    const conformance = conformanceReporter();
    const values = loaded.values === null ? null : runValuesOf(loaded.values);
    if (recording !== null) {
      const facts = { tool: toolIdentity(), edition: spec.edition, region: settings.region, target: targetUrl, date: startedAt.toISOString(), runId: loaded.runId, seed };
      recordJudged = async (judged) => {
        const recordedTo = await recording.write(facts, judged, values, secrets());
        if (recordedTo !== null) say(`recorded ${judged.length} cases to ${recordedTo}`);
      };
    }
    running = runCases(
      { edition: settings.edition, spec, cases, fixtures: loaded.values, missingFixtures: loaded.missing, ownsFixtures: settings.fixtures === 'auto', maxShrinkRequests: settings.maxShrinkRequests },
      {
        transport,
        concurrency,
        signal: stop.signal,
        ...(recording !== null && { onExchange: (caseId: string, observation: Observation) => recording.exchanges.add(caseId, observation) }),
        onResult: (result) => {
          const judged = values === null ? result : (recording?.judged(result, values) ?? result);
          progress.caseEnded(judged);
          conformance.caseEnded(judged);
        },
      },
    );
    await running;
    if (guard.interruptedBy !== undefined) return 128 + constants.signals[guard.interruptedBy];
    // Every case has ended, its mappings deleted: what the cases used is deleted while the reports are written.
    cleaning = fixtures.cleanup();
    judgedReport = (await conformance.runEnded()).report;
    const lacking = recording?.lackingLine() ?? null;
    if (lacking !== null) say(lacking);
    await recordJudged?.(judgedReport.cases);
  } finally {
    // After a signal the guard stops the cases, reports, cleans up and exits; otherwise it is done here (failures are logged as they happen).
    if (guard.interruptedBy === undefined) {
      await (cleaning ?? fixtures.cleanup());
      guard.uninstall();
    } else await stopping;
    await transport?.close();
    await reference?.close();
  }
  // The reports were written while the fixtures were being deleted: the recap counts those calls too.
  const report: RunReport = { ...judgedReport, requests: pacer.counts() };
  for (const entry of report.gate?.stale ?? []) {
    const near = mistypedCaseId(entry.pattern, editionCaseIds);
    const advice = near === null ? ' (--update-expectations drops it)' : `: did you mean ${near}?`;
    say(`stale expectation ${report.gate?.file ?? ''}:${entry.line}: "${entry.pattern}" matches no case of the ${spec.edition} edition${advice}`);
  }
  const unsummarized = await reportToGithub(report, settings.reportDir, process.env, secrets(), print);
  if (unsummarized !== null) say(unsummarized);
  if (settings.updateExpectations !== null) return updateExpectations(report, settings.updateExpectations);
  // After the cleanup's lines, so that the verdict is the last line of the run.
  printRecap(report, settings.reportDir, CASE_WORDS, print);
  return verdictOf(report).passes ? 0 : 1;

  // Like Web Platform Tests' update, writing the expectations does not gate: it records what is.
  async function updateExpectations(judged: RunReport, file: string): Promise<number> {
    if (!judged.complete) {
      say(`${file} was not written: the run did not judge every case, and the file would lose the entries of those it did not.`);
      printRecap(judged, settings.reportDir, CASE_WORDS, print);
      return 1;
    }
    const recordedSeed = expectations?.madeWith.seed ?? seed;
    const entries = updatedExpectations(judged.cases, expectations, {
      editionCaseIds,
      drawnCaseIds: new Set(everyCase.filter(isPropertyCase).map((testCase) => testCase.id)),
      exploring: recordedSeed !== seed,
    });
    const problem = await writeExpectations(file, entries, { seed: recordedSeed, edition: spec.edition, version: VERSION }, expectations);
    if (problem === null) say(`wrote ${entries.length === 1 ? '1 known deviation' : `${entries.length} known deviations`} to ${file}, with seed ${recordedSeed}; gate on it with: ${gateCommand(settings, file)}`);
    // The run's verdict is not the command's: the last line is what the exit code says.
    printRecap(judged, settings.reportDir, CASE_WORDS, print, { verdict: false });
    if (problem !== null) {
      print(`expectations NOT written to ${file}: ${problem}`, { word: 'NOT written', colour: 'red' });
      return 1;
    }
    print(`expectations written to ${file}: ${entries.length === 1 ? '1 entry' : `${entries.length} entries`}`, { word: 'expectations written', colour: 'green' });
    return 0;
  }
}

/** Why the run's cases are not the whole edition, or null when they are. */
function subsetOf(settings: RunSettings, selectionPartial: boolean): string | null {
  if (settings.shard !== null) return `only shard ${settings.shard.index} of ${settings.shard.count} was run (merge joins the shards)`;
  return selectionPartial ? selectionSubset(settings.grep) : null;
}

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
