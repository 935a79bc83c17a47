import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, parseTargetUrl, TargetUrlError } from '../../src/transport/index.ts';
import { UsageError, checkGrep } from './flags.ts';

export interface RunSettings {
  /** The target's origin (normalised, e.g. without a trailing slash); null: start the embedded reference server. */
  readonly targetUrl: string | null;
  readonly edition: string;
  readonly region: string;
  readonly profile: string | null;
  readonly reportDir: string;
  /** 'auto' provisions on the target; otherwise the path of a static fixtures file. */
  readonly fixtures: 'auto' | { readonly file: string };
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly grep: string | null;
  /** Every selected case is sent this many times (ids after the first carry `#2`, `#3`, …). */
  readonly repeat: number;
}

export interface RunFlags {
  readonly target?: string | undefined;
  readonly edition?: string | undefined;
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  readonly 'report-dir'?: string | undefined;
  readonly fixtures?: string | undefined;
  readonly concurrency?: string | undefined;
  readonly timeout?: string | undefined;
  readonly grep?: string | undefined;
  readonly repeat?: string | undefined;
}

/** Flags beat the environment, which beats the defaults. */
export function runSettings(flags: RunFlags, env: NodeJS.ProcessEnv): RunSettings {
  const target = flags.target ?? nonEmpty(env['AWS_ENDPOINT_URL_LAMBDA']) ?? nonEmpty(env['AWS_ENDPOINT_URL']) ?? null;
  const fixtures = flags.fixtures ?? 'auto';
  return {
    targetUrl: target === null ? null : targetOrigin(target),
    edition: flags.edition ?? 'seed',
    region: flags.region ?? nonEmpty(env['AWS_REGION']) ?? nonEmpty(env['AWS_DEFAULT_REGION']) ?? 'us-east-1',
    profile: flags.profile ?? nonEmpty(env['AWS_PROFILE']) ?? null,
    reportDir: flags['report-dir'] ?? 'reports',
    fixtures: fixtures === 'auto' ? 'auto' : { file: fixtures },
    concurrency: wholeNumber('--concurrency', flags.concurrency, DEFAULT_CONCURRENCY, 1, 256),
    timeoutMs: wholeNumber('--timeout', flags.timeout, DEFAULT_TIMEOUT_MS, 1, 600_000),
    grep: checkGrep(flags.grep) ?? null,
    repeat: wholeNumber('--repeat', flags.repeat, 1, 1, 100),
  };
}

function targetOrigin(text: string): string {
  try {
    return parseTargetUrl(text).origin;
  } catch (error) {
    if (error instanceof TargetUrlError) throw new UsageError(error.message);
    throw error;
  }
}

function wholeNumber(flag: string, text: string | undefined, fallback: number, minimum: number, maximum: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw new UsageError(`${flag} must be a whole number from ${minimum} to ${maximum}, not "${text}".`);
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
