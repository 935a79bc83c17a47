// `cleanup`: deletes what runs left on a target (a run killed with SIGKILL runs no handler), found
// by name prefix and tag, never by one without the other (src/provisioning/leftovers.ts).
import { createRequestPacer, pacerOptionsFor, recordSecrets, resolveCredentials } from '../../src/transport/index.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import { processIo, type CommandIo } from '../io.ts';
import { accountProblem } from '../preflight/account.ts';
import { credentialsProblem } from '../preflight/credentials.ts';
import { targetProblem } from '../preflight/target.ts';
import { durationMs } from './duration.ts';
import { CLEANUP_FLAGS } from './flag-tables.ts';
import { allowedAccountsOf, parseFlags, resolveFlags, UsageError } from './flags.ts';
import { FIXTURE_REQUEST_TIMEOUTS, FIXTURE_WAIT_TIMEOUTS } from './run-fixtures.ts';
import { targetOrigin } from './run-settings.ts';

const POLL_INTERVAL_MS = 1_000;

/**
 * Credentials, the account guard and a target that answers as Lambda are checked first, as for
 * `run`. Exit 0: nothing of the tool's is left that was chosen; 1: something could not be deleted
 * or listed; 2: nothing was tried.
 */
export async function cleanup(argv: string[], io: CommandIo = processIo): Promise<number> {
  const { values } = resolveFlags(CLEANUP_FLAGS, parseFlags('cleanup', argv, CLEANUP_FLAGS), process.env);
  if (values.target === undefined) {
    throw new UsageError('cleanup needs --target URL (or AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL): the endpoint whose leftovers to delete, such as https://lambda.eu-west-1.amazonaws.com.');
  }
  const targetUrl = targetOrigin(values.target);
  const settings = {
    region: values.region,
    profile: values.profile ?? null,
    timeoutMs: values.timeout,
    allowedAccounts: values['allow-account'] === undefined ? null : allowedAccountsOf(values['allow-account']),
  };
  const { credentials, secrets } = recordSecrets(resolveCredentials({ targetUrl, ...(settings.profile !== null && { profile: settings.profile }) }));
  const say = (line: string): void => io.stderr(`${consoleLine(line, secrets())}\n`);
  const print = (line: string): void => io.stdout(`${consoleLine(line, secrets())}\n`);

  // Listings and deletions count against the account's quota as a run's requests do.
  const pacer = createRequestPacer(pacerOptionsFor(targetUrl, null));
  const problem =
    (await credentialsProblem(credentials, settings, targetUrl)) ??
    (await accountProblem(targetUrl, credentials, settings)) ??
    (await targetProblem(targetUrl, credentials, settings, pacer));
  if (problem !== null) {
    say(`Nothing was deleted: ${problem}`);
    return 2;
  }
  const olderThan = values['older-than'];
  const runId = values['run-id'] ?? null;
  say(
    `lambda-esm-conformance cleanup: ${values['dry-run'] ? 'listing (--dry-run: deleting nothing)' : 'deleting'} what ${runId === null ? 'runs' : `run ${runId}`} left on ${targetUrl}` +
      `${olderThan === undefined ? '' : `, created ${olderThan} ago or more`}`,
  );
  // The provisioning code, and the AWS SDK with it, is loaded once the checks have passed.
  const { sweepLeftovers } = await import('../../src/provisioning/leftovers.ts');
  const report = await sweepLeftovers({
    endpoint: targetUrl,
    pacer,
    region: settings.region,
    credentials,
    secrets,
    runId,
    olderThanMs: olderThan === undefined ? null : durationMs(olderThan),
    now: new Date(),
    requestTimeoutMs: FIXTURE_REQUEST_TIMEOUTS * settings.timeoutMs,
    waitTimeoutMs: FIXTURE_WAIT_TIMEOUTS * settings.timeoutMs,
    pollIntervalMs: POLL_INTERVAL_MS,
    dryRun: values['dry-run'],
    log: say,
  });
  const verb = values['dry-run'] ? 'would delete' : 'deleted';
  for (const label of report.deleted) print(`${verb} ${label}`);
  for (const { label, reason } of report.leftAlone) print(`left ${label}: ${reason}`);
  for (const { resource, message } of report.failed) print(`not deleted ${resource}: ${message}`);
  print(`${verb} ${report.deleted.length}, left ${report.leftAlone.length} alone, ${report.failed.length} could not be deleted or listed`);
  return report.failed.length > 0 ? 1 : 0;
}
