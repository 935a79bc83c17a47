// A run at the runCases seam against a server, its exchanges heard as a recording hears them: what
// the recording tests record, replay and compare, without a whole CLI run.
import type { Case } from '../../../src/cases/case.ts';
import type { FixtureValues } from '../../../src/cases/placeholders.ts';
import { FixtureRun } from '../../../src/provisioning/index.ts';
import type { CaseResult } from '../../../src/results.ts';
import { runValuesOf } from '../../../src/recording/placeholders.ts';
import type { RecordingFacts } from '../../../src/recording/recording.ts';
import { runCases } from '../../../src/runner/run-cases.ts';
import { loadEdition } from '../../../src/spec/load.ts';
import { createTransport, type AwsCredentialIdentityProvider } from '../../../src/transport/index.ts';
import { ExchangeLog, writeRecording } from '../../../reporters/recording-writer.ts';
import { credentials as testCredentials, REGION } from '../../support/reference-observer.ts';

export interface RecordedRun {
  /** In the order of the cases given. */
  readonly results: readonly CaseResult[];
  readonly exchanges: ExchangeLog;
  readonly fixtures: FixtureValues;
}

let runs = 0;

/** Runs `cases` against `url` with two functions and four cases in flight, as a run would. */
export async function runAgainst(url: string, edition: string, cases: readonly Case[], credentials: AwsCredentialIdentityProvider = testCredentials): Promise<RecordedRun> {
  runs += 1;
  const needs = [...new Set(cases.flatMap((testCase) => testCase.fixtures))];
  const fixtureRun = new FixtureRun({ endpoint: url, region: REGION, credentials, runId: `rec${runs}`, needs, functions: 2, pollIntervalMs: 10 });
  const transport = createTransport({ url, region: REGION, credentials, timeoutMs: 5_000, concurrency: 4 });
  const exchanges = new ExchangeLog();
  try {
    const fixtures = await fixtureRun.provision();
    const plan = { edition, spec: loadEdition(edition), cases, fixtures, missingFixtures: [], ownsFixtures: true, maxShrinkRequests: 5 };
    const byId = new Map((await runCases(plan, { transport, concurrency: 4, onExchange: (id, observation) => exchanges.add(id, observation) })).map((result) => [result.id, result]));
    return { results: cases.flatMap((testCase) => byId.get(testCase.id) ?? []), exchanges, fixtures };
  } finally {
    await transport.close();
    await fixtureRun.cleanup();
  }
}

/** The run's date in every test: a recording's only moment outside its placeholders. */
export const RECORDED_ON = new Date('2026-12-01T03:00:00.000Z');

/** Runs the cases and writes what they exchanged as a recording in `directory`. */
export async function record(url: string, edition: string, cases: readonly Case[], directory: string, options: { credentials?: AwsCredentialIdentityProvider; secrets?: readonly string[] } = {}): Promise<RecordedRun> {
  const run = await runAgainst(url, edition, cases, options.credentials);
  const facts: RecordingFacts = { tool: { name: 'lambda-esm-conformance', version: '0.0.0' }, edition, region: REGION, target: url, date: RECORDED_ON.toISOString(), runId: `rec${runs}`, seed: 7 };
  await writeRecording(directory, facts, run.results, run.exchanges, runValuesOf(run.fixtures), options.secrets ?? []);
  return run;
}

/** Each case's verdict in a line: its outcome and the checks that failed. */
export function verdicts(results: readonly CaseResult[]): string[] {
  return results.map((result) => `${result.id}: ${result.outcome} ${result.reasons.map((reason) => reason.check).join(',')}`);
}
