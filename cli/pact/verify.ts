import path from 'node:path';
import { guardCleanup } from '../../src/provisioning/index.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import { ConformanceReporter } from '../../reporters/conformance-reporter.ts';
import { verdictOf } from '../../src/run-record/verdict.ts';
import type { Fixture } from '../../src/cases/case.ts';
import { stateNamed } from '../../src/pact/provider-states.ts';
import { interactionsOfPact, parseVerifierResult, type InteractionVerdict, type VerifiedInteraction } from '../../src/pact/verification.ts';
import { caseIdentity, type CaseResult, type Reason } from '../../src/results.ts';
import { recordRequest, recordResponse } from '../../src/runner/recorded-exchange.ts';
import { createTransport, describeObservation } from '../../src/transport/index.ts';
import { UserFileError } from '../../src/user-file/file-problem.ts';
import { readUserFile } from '../../src/user-file/read-user-file.ts';
import { processIo, type CommandIo } from '../io.ts';
import { PACT_VERIFY_FLAGS } from '../commands/flag-tables.ts';
import { parseFlags, resolveFlags } from '../commands/flags.ts';
import { runSettings } from '../commands/run-settings.ts';
import { preparedFixtures } from '../preflight/setup-problem.ts';
import { StateHandlers } from './provider-states.ts';
import { startProviderProxy, type InteractionRecord } from './provider-proxy.ts';
import { runVerifier } from './run-verifier.ts';
import { printRecap } from '../recap.ts';
import { openTargetSession, reportsWrittenSentence, SIGNAL_DEADLINE_MS, unlessInterrupted } from '../target-session.ts';

/** A Pact file larger than this is refused unread (the export of the seed edition is about 200 KB). */
const MAX_PACT_BYTES = 16 * 1024 * 1024;
/** The verifier waits this many --timeout for an answer: the transport's own retries of throttling fit in it. */
const VERIFIER_TIMEOUTS = 8;

/**
 * `pact verify`: Pact's verifier checks the target against a Pact file. The fixtures its provider
 * states name are provisioned first (or read from --fixtures FILE); the state handlers hand out
 * their values, create the mappings states name and delete what each interaction left; every
 * request goes through the project's transport. The verifier's result becomes the three reports
 * and the exit code, as for `run`.
 */
export async function pactVerify(argv: string[], io: CommandIo = processIo): Promise<number> {
  const flags = parseFlags('pact verify', argv, PACT_VERIFY_FLAGS);
  const settings = runSettings(flags, process.env);
  const pactFile = resolveFlags(PACT_VERIFY_FLAGS, flags, process.env).values.pact;
  const { interactions, edition } = readPact(pactFile);

  // The embedded server behaves as the edition the file was exported from (a file from elsewhere: the seed).
  const { reference, targetUrl, credentials, secrets, say, fixtures, pacer } = await openTargetSession({ ...settings, edition: edition ?? settings.edition }, io, {
    needs: fixturesNamed(interactions),
  });
  const transport = createTransport({ url: targetUrl, region: settings.region, credentials, timeoutMs: settings.timeoutMs, concurrency: 1, pacer });
  const reporter = new ConformanceReporter({
    reportDir: settings.reportDir,
    target: targetUrl,
    label: settings.label,
    edition: edition ?? path.basename(pactFile),
    startedAt: new Date(),
    plannedCases: interactions.map((interaction) => interaction.identity),
    subset: 'a Pact file holds the interactions it holds, not every case of an edition',
    scope: { grep: null, repeat: 1, seed: null, editionCases: interactions.length, partial: false },
    gate: null,
    reproduction: null,
    secrets,
    requestCounts: () => pacer.counts(),
  });
  const stop = new AbortController();
  // SIGINT or SIGTERM: the verifier is stopped (its verdicts die with it, so every interaction is
  // reported not run), the report written, and what was created deleted, within SIGNAL_DEADLINE_MS.
  const guard = guardCleanup(
    async () => {
      stop.abort();
      const interrupted = { interruption: `interrupted by ${guard.interruptedBy ?? 'a signal'}`, notRun: 'not run: the verification was interrupted' };
      await reporter.runEnded(interrupted).then(
        () => say(reportsWrittenSentence(guard.interruptedBy ?? 'a signal', 0, interactions.length, settings.reportDir)),
        (error: unknown) => say(`could not write the report: ${String(error)}`),
      );
      return fixtures.cleanup({ afterStop: true });
    },
    { log: say, remaining: () => fixtures.remaining(), deadlineMs: SIGNAL_DEADLINE_MS },
  );
  try {
    say(`lambda-esm-conformance: Pact's verifier checks ${targetUrl}${reference === null ? '' : ' (the embedded reference server)'} against ${interactions.length} interactions of ${pactFile}`);
    const loaded = await unlessInterrupted(guard, preparedFixtures(settings, targetUrl, credentials, secrets, fixtures, say, pacer));
    // Stopped by a signal: the guard writes the report, cleans up and exits 130/143.
    if (loaded === null) return 2;
    if ('problem' in loaded) {
      say(`Nothing was verified: ${loaded.problem}`);
      return 2;
    }
    const proxy = await startProviderProxy(transport, new StateHandlers(transport, loaded.values, settings.fixtures === 'auto'));
    let answer: Awaited<ReturnType<typeof runVerifier>>;
    try {
      answer = await runVerifier({ pactFile, providerBaseUrl: proxy.url, stateUrl: proxy.stateUrl, timeoutMs: VERIFIER_TIMEOUTS * settings.timeoutMs }, stop.signal);
    } finally {
      await proxy.close();
    }
    // Stopped by a signal: the guard writes the report, cleans up and exits 130/143.
    if (guard.interruptedBy !== undefined) return 2;
    const result = answer.kind === 'crash' ? null : parseVerifierResult(answer.text, interactions);
    if (result === null) {
      say(`Nothing was verified: Pact's verifier could not run (${answer.text.slice(0, 2_000)}).`);
      return 2;
    }
    // The verifier's own account, its colours taken out; whatever else a target put in it is spelled out.
    for (const line of result.output.join('\n').split('\n')) io.stdout(`${consoleLine(line.replace(/\u001b\[[0-9;]*m/g, ''), secrets())}\n`);
    const records = proxy.records.length === result.order.length ? proxy.records : [];
    for (const [index, id] of result.order.entries()) {
      const interaction = interactions.find((candidate) => candidate.identity.id === id);
      const verdict = result.verdicts.get(id);
      if (interaction !== undefined && verdict !== undefined) reporter.caseEnded(caseResultOf(interaction, verdict, records[index]));
    }
    const { report } = await reporter.runEnded();
    printRecap(report, settings.reportDir, { passed: 'interactions verified', unjudged: 'could not be verified', skipped: 'not run' }, say);
    return verdictOf(report).passes ? 0 : 1;
  } finally {
    if (guard.interruptedBy === undefined) {
      await fixtures.cleanup();
      guard.uninstall();
    }
    await transport.close();
    await reference?.close();
  }
}

function readPact(file: string): { interactions: VerifiedInteraction[]; edition: string | null } {
  const read = readUserFile(file, { maxBytes: MAX_PACT_BYTES, expected: 'a Pact file, such as the one "lambda-esm-conformance pact export" writes' });
  if (read.problem !== null) throw new UserFileError('The Pact file', [read.problem]);
  const { interactions, edition, problems } = interactionsOfPact(read.text);
  const fix = 'write it again with "lambda-esm-conformance pact export", or pass another Pact file with --pact';
  if (problems.length > 0) throw new UserFileError('The Pact file', problems.map((message) => ({ file, line: 0, column: 0, message, fix })));
  return { interactions, edition };
}

/** Every fixture a provider state of the file names. */
function fixturesNamed(interactions: readonly VerifiedInteraction[]): Fixture[] {
  const needs = new Set<Fixture>();
  for (const name of interactions.flatMap((interaction) => interaction.providerStates)) {
    const state = stateNamed(name);
    if (state?.kind === 'fixture') needs.add(state.fixture);
    if (state?.kind === 'mapping') needs.add('function').add(state.source);
  }
  return [...needs];
}

function caseResultOf(interaction: VerifiedInteraction, verdict: InteractionVerdict, record: InteractionRecord | undefined): CaseResult {
  const { clause } = interaction.identity;
  const last = record?.exchanges.at(-1);
  const reasons: Reason[] = [...verdict.reasons];
  let outcome = verdict.outcome;
  if (last !== undefined && last.response === null) {
    outcome = 'error';
    reasons.unshift({ check: 'answer_received', clause, message: describeObservation(last) });
  }
  for (const message of record?.stateProblems ?? []) reasons.push({ check: 'precondition', clause, message });
  for (const message of record?.cleanupProblems ?? []) reasons.push({ check: 'mapping_cleanup', clause, message });
  if (outcome === 'pass' && reasons.length > 0) outcome = 'error';
  return {
    ...caseIdentity(interaction.identity),
    outcome,
    finding: null,
    request: last === undefined ? null : recordRequest(last),
    response: last === undefined ? null : recordResponse(last),
    reasons,
    durationMs: verdict.durationMs,
    attempts: last?.attempts ?? 0,
    gate: null,
  };
}
