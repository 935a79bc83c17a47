// What every command that reaches a target starts with: the target (the embedded reference server
// when none is named), the credentials it signs with, a console that masks them, and the fixtures.
import type { Fixture } from '../src/cases/case.ts';
import { createRequestPacer, pacerOptionsFor, recordSecrets, resolveCredentials, type AwsCredentialIdentityProvider, type RequestPacer } from '../src/transport/index.ts';
import { consoleLine } from '../reporters/console-line.ts';
import { isReferenceEdition, REFERENCE_EDITIONS, type ReferenceEdition } from '../reference/edition.ts';
import type { ReferenceServer } from '../reference/server.ts';
import { UsageError } from './commands/flags.ts';
import { runFixtures, type RunFixtures } from './commands/run-fixtures.ts';
import type { RunSettings } from './commands/run-settings.ts';
import type { CommandIo } from './io.ts';
import type { CleanupGuard } from '../src/provisioning/guard-cleanup.ts';
import { casesCount } from '../src/run-record/case-count.ts';

/** After SIGINT or SIGTERM, a command is over within this long, whatever the target does. */
export const SIGNAL_DEADLINE_MS = 5_000;

export interface TargetSession {
  /** The embedded reference server, when it is the target; close it at the end. */
  readonly reference: ReferenceServer | null;
  readonly targetUrl: string;
  readonly credentials: AwsCredentialIdentityProvider;
  /** Every credential signed with so far, to be masked in every line and report. */
  readonly secrets: () => readonly string[];
  /** One line to the person running the command, credentials masked and acting characters spelled out. */
  readonly say: (line: string) => void;
  readonly fixtures: RunFixtures;
  /** The one rate limiter of every request to the target, and their tally: give it to every client of the target. */
  readonly pacer: RequestPacer;
}

/**
 * `settings.edition` is the edition the command judges by; the embedded reference server, when it
 * is the target, behaves as that edition.
 */
export async function openTargetSession(
  settings: Omit<RunSettings, 'reportDir'>,
  io: CommandIo,
  fixtures: { readonly needs: readonly Fixture[]; readonly functions?: number },
): Promise<TargetSession> {
  // The reference server is loaded only when it is the target.
  const reference =
    settings.targetUrl === null ? await (await import('../reference/server.ts')).startReferenceServer({ edition: embeddedEdition(settings.edition) }) : null;
  const targetUrl = settings.targetUrl ?? reference?.url ?? '';
  const { credentials, secrets } = recordSecrets(resolveCredentials({ targetUrl, ...(settings.profile !== null && { profile: settings.profile }) }));
  const say = (line: string): void => io.stderr(`${consoleLine(line, secrets())}\n`);
  const pacer = createRequestPacer(pacerOptionsFor(targetUrl, settings.maxRps));
  return { reference, targetUrl, credentials, secrets, say, pacer, fixtures: runFixtures({ targetUrl, settings, credentials, ...fixtures, log: say, pacer }) };
}

function embeddedEdition(edition: string): ReferenceEdition {
  if (isReferenceEdition(edition)) return edition;
  throw new UsageError(
    `the embedded reference server behaves as the ${REFERENCE_EDITIONS.join(' or the ')} edition, not "${edition}": give --target URL to judge another server by the ${edition} edition.`,
  );
}

/**
 * What `work` answers, or null once a signal has stopped the command: a fixture call the signal
 * aborted fails, and that failure is the signal's doing, not a problem to report. The guard has
 * written the reports and says so (`reportsWrittenSentence`).
 */
export async function unlessInterrupted<T>(guard: Pick<CleanupGuard, 'interruptedBy'>, work: Promise<T>): Promise<T | null> {
  try {
    const value = await work;
    return guard.interruptedBy === undefined ? value : null;
  } catch (error) {
    if (guard.interruptedBy === undefined) throw error;
    return null;
  }
}

/** What a signal left behind, said once the reports are written. */
export function reportsWrittenSentence(signal: string, judged: number, planned: number, reportDir: string): string {
  return `${signal}: the reports of what was judged before it (${judged} of ${casesCount(planned)}, the others marked not run) are written to ${reportDir}`;
}
