import { randomInt } from 'node:crypto';
import { parseTargetUrl, TargetUrlError } from '../../src/transport/index.ts';
import type { Shard } from '../../src/cases/select.ts';
import { RUN_FLAGS } from './flag-tables.ts';
import { runLabel } from './label.ts';
import { shardOf } from './shard.ts';
import { allowedAccountsOf, resolveFlags, UsageError, type FlagSources, type GivenFlags } from './flags.ts';

export interface RunSettings {
  /** The target's origin (normalised, e.g. without a trailing slash); null: start the embedded reference server. */
  readonly targetUrl: string | null;
  /** Where the target came from, for the first console line; null with no target. */
  readonly targetFrom: TargetSource | null;
  readonly edition: string;
  readonly region: string;
  readonly profile: string | null;
  readonly reportDir: string;
  /** 'auto' provisions on the target; otherwise the path of a static fixtures file. */
  readonly fixtures: 'auto' | { readonly file: string };
  /** An existing execution role for the auto fixtures' function; null: the run creates one. */
  readonly roleArn: string | null;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly grep: string | null;
  /** Every selected case is sent this many times (ids after the first carry `#2`, `#3`, …). */
  readonly repeat: number;
  /** The known deviations to gate on (--expectations); null: every failure fails the run. */
  readonly expectations: string | null;
  /** Where to write the run's deviations as an expectations file (--update-expectations); null: nowhere. */
  readonly updateExpectations: string | null;
  /** The seed property cases draw from (--seed); null: one chosen at random when the run starts. */
  readonly seed: number | null;
  /** Values each property case draws (--property-runs); 0: no property cases. */
  readonly propertyRuns: number;
  /** The accounts the credentials may be of (--allow-account, LESM_ALLOWED_ACCOUNTS); null: an AWS endpoint is refused, another target not checked. */
  readonly allowedAccounts: readonly string[] | null;
  /** Values a failing property sends while shrinking, at most (--max-shrink-requests). */
  readonly maxShrinkRequests: number;
  /** The cap on requests per second to the target (--max-rps); null: AWS_START_RPS against an AWS endpoint, else none. */
  readonly maxRps: number | null;
  /** Leave the auto fixtures on the target after the run (--keep-fixtures), for the reports' curl lines. */
  readonly keepFixtures: boolean;
  /** The target's name in the reports (--label, else its origin, else "reference server"). */
  readonly label: string;
  /** The slice of the selected cases this run sends (--shard I/N); null: every selected case. */
  readonly shard: Shard | null;
  /** Where to write the run's recording (--record); null: none is written. */
  readonly record: string | null;
  /** The recording each case is also judged against (--compare-recording); null: none. */
  readonly compareRecording: string | null;
  /** Whether error messages must be the recording's too (--compare-messages). */
  readonly compareMessages: boolean;
  /** --quiet: no line per case and no header, only the recap and the verdict. */
  readonly quiet: boolean;
}

export type TargetSource = NonNullable<FlagSources<typeof RUN_FLAGS>['target']>;

/** The flags of `run` as given, before the environment and the defaults. */
export type RunFlags = GivenFlags<typeof RUN_FLAGS>;

/** A seed for a run given none: any 32-bit value, printed so that the run can be repeated with --seed. */
export function randomSeed(): number {
  return randomInt(0, RUN_FLAGS.seed.max + 1);
}

/** Flags beat the environment, which beats the defaults (resolveFlags, by RUN_FLAGS). */
export function runSettings(flags: RunFlags, env: NodeJS.ProcessEnv): RunSettings {
  const { values, sources } = resolveFlags(RUN_FLAGS, flags, env);
  return {
    targetUrl: values.target === undefined ? null : targetOrigin(values.target),
    targetFrom: sources.target ?? null,
    edition: values.edition,
    region: values.region,
    profile: values.profile ?? null,
    reportDir: values['report-dir'],
    fixtures: values.fixtures === 'auto' ? 'auto' : { file: values.fixtures },
    roleArn: roleArn(values['role-arn'], values.fixtures),
    concurrency: values.concurrency,
    timeoutMs: values.timeout,
    grep: values.grep ?? null,
    repeat: values.repeat,
    expectations: values.expectations ?? null,
    updateExpectations: values['update-expectations'] ?? null,
    seed: values.seed ?? null,
    propertyRuns: values['property-runs'],
    allowedAccounts: values['allow-account'] === undefined ? null : allowedAccountsOf(values['allow-account']),
    maxShrinkRequests: values['max-shrink-requests'],
    maxRps: values['max-rps'] ?? null,
    keepFixtures: keepFixtures(values['keep-fixtures'] === true, values.target, values.fixtures),
    label: runLabel(values.label, values.target === undefined ? null : targetOrigin(values.target)),
    shard: shardWithout(values.shard, values['update-expectations']),
    record: values.record ?? null,
    compareRecording: values['compare-recording'] ?? null,
    compareMessages: values['compare-messages'] ?? false,
    quiet: values.quiet,
  };
}

function keepFixtures(keep: boolean, target: string | undefined, fixtures: string): boolean {
  if (!keep) return false;
  if (target === undefined) throw new UsageError('--keep-fixtures keeps fixtures on a target, and the embedded reference server ends with the run: give --target URL (serve starts a reference server that stays).');
  if (fixtures !== 'auto') throw new UsageError(`--keep-fixtures keeps what auto fixtures make, and --fixtures ${fixtures} makes nothing: drop --keep-fixtures.`);
  return true;
}

/** The origin of a --target value, or the UsageError saying why it is not one. */
export function targetOrigin(text: string): string {
  try {
    return parseTargetUrl(text).origin;
  } catch (error) {
    if (error instanceof TargetUrlError) throw new UsageError(error.message);
    throw error;
  }
}

// A shard judges a slice: the expectations file it wrote would lose the entries of every other slice.
function shardWithout(text: string | undefined, updateExpectations: string | undefined): Shard | null {
  if (text === undefined) return null;
  if (updateExpectations !== undefined) throw new UsageError(`--update-expectations ${updateExpectations} needs every case, but --shard ${text} runs a slice: run it without --shard.`);
  return shardOf(text);
}

// arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,576}$/;

function roleArn(text: string | undefined, fixtures: string): string | null {
  if (text === undefined) return null;
  if (fixtures !== 'auto') throw new UsageError(`--role-arn gives the role of the function auto fixtures create, but --fixtures ${fixtures} creates no function: drop one of the two.`);
  if (!ROLE_ARN.test(text)) throw new UsageError(`--role-arn "${text}" is not an IAM role ARN: give arn:aws:iam::ACCOUNT:role/NAME (aws iam get-role --role-name NAME --query Role.Arn prints it).`);
  return text;
}
