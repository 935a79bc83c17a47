import { randomInt } from 'node:crypto';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, parseTargetUrl, TargetUrlError } from '../../src/transport/index.ts';
import { UsageError, checkGrep } from './flags.ts';

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
}

export type TargetSource = '--target' | 'AWS_ENDPOINT_URL_LAMBDA' | 'AWS_ENDPOINT_URL';

export interface RunFlags {
  readonly target?: string | undefined;
  readonly edition?: string | undefined;
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  readonly 'report-dir'?: string | undefined;
  readonly fixtures?: string | undefined;
  readonly 'role-arn'?: string | undefined;
  readonly concurrency?: string | undefined;
  readonly timeout?: string | undefined;
  readonly grep?: string | undefined;
  readonly repeat?: string | undefined;
  readonly expectations?: string | undefined;
  readonly 'update-expectations'?: string | undefined;
  readonly seed?: string | undefined;
  readonly 'property-runs'?: string | undefined;
}

/** The flags that say which target to reach and how, shared by every command that reaches one. */
export const TARGET_FLAGS = {
  target: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  fixtures: { type: 'string' },
  'report-dir': { type: 'string' },
  timeout: { type: 'string' },
} as const;

/** The flags that say how property cases draw their values, shared by `run` and `list`. */
export const PROPERTY_FLAGS = {
  seed: { type: 'string' },
  'property-runs': { type: 'string' },
} as const;

/** Against real AWS every value drawn is a call: a few per property by default. */
export const DEFAULT_PROPERTY_RUNS = 10;
const MAX_SEED = 2 ** 32 - 1;

export function propertyFlags(flags: Pick<RunFlags, 'seed' | 'property-runs'>): Pick<RunSettings, 'seed' | 'propertyRuns'> {
  return {
    seed: flags.seed === undefined ? null : wholeNumber('--seed', flags.seed, 0, 0, MAX_SEED),
    propertyRuns: wholeNumber('--property-runs', flags['property-runs'], DEFAULT_PROPERTY_RUNS, 0, 10_000, ' (0 leaves property cases out)'),
  };
}

/** A seed for a run given none: any 32-bit value, printed so that the run can be repeated with --seed. */
export function randomSeed(): number {
  return randomInt(0, MAX_SEED + 1);
}

/** Flags beat the environment, which beats the defaults. */
export function runSettings(flags: RunFlags, env: NodeJS.ProcessEnv): RunSettings {
  const target = targetOf(flags, env);
  const fixtures = flags.fixtures ?? 'auto';
  return {
    targetUrl: target === null ? null : targetOrigin(target.text),
    targetFrom: target?.from ?? null,
    edition: flags.edition ?? 'seed',
    region: flags.region ?? nonEmpty(env['AWS_REGION']) ?? nonEmpty(env['AWS_DEFAULT_REGION']) ?? 'us-east-1',
    profile: flags.profile ?? nonEmpty(env['AWS_PROFILE']) ?? null,
    reportDir: flags['report-dir'] ?? 'reports',
    fixtures: fixtures === 'auto' ? 'auto' : { file: fixtures },
    roleArn: roleArn(flags['role-arn'], fixtures),
    concurrency: wholeNumber('--concurrency', flags.concurrency, DEFAULT_CONCURRENCY, 1, 256),
    timeoutMs: wholeNumber('--timeout', flags.timeout, DEFAULT_TIMEOUT_MS, 1, 600_000),
    grep: checkGrep(flags.grep) ?? null,
    repeat: wholeNumber('--repeat', flags.repeat, 1, 1, 100),
    expectations: flags.expectations ?? null,
    updateExpectations: flags['update-expectations'] ?? null,
    ...propertyFlags(flags),
  };
}

function targetOf(flags: RunFlags, env: NodeJS.ProcessEnv): { text: string; from: TargetSource } | null {
  if (flags.target !== undefined) return { text: flags.target, from: '--target' };
  for (const from of ['AWS_ENDPOINT_URL_LAMBDA', 'AWS_ENDPOINT_URL'] as const) {
    const text = nonEmpty(env[from]);
    if (text !== undefined) return { text, from };
  }
  return null;
}

function targetOrigin(text: string): string {
  try {
    return parseTargetUrl(text).origin;
  } catch (error) {
    if (error instanceof TargetUrlError) throw new UsageError(error.message);
    throw error;
  }
}

// arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,576}$/;

function roleArn(text: string | undefined, fixtures: string): string | null {
  if (text === undefined) return null;
  if (fixtures !== 'auto') throw new UsageError(`--role-arn gives the role of the function auto fixtures create, but --fixtures ${fixtures} creates no function: drop one of the two.`);
  if (!ROLE_ARN.test(text)) throw new UsageError(`--role-arn "${text}" is not an IAM role ARN: give arn:aws:iam::ACCOUNT:role/NAME (aws iam get-role --role-name NAME --query Role.Arn prints it).`);
  return text;
}

function wholeNumber(flag: string, text: string | undefined, fallback: number, minimum: number, maximum: number, hint = ''): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < minimum || value > maximum) {
    throw new UsageError(`${flag} must be a whole number from ${minimum} to ${maximum}${hint}, not "${text}".`);
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
