// The only code that talks HTTP for cases: sign, send, wait, retry throttling, observe.
import { Pool } from 'undici';
import { backoffDelayMs, DEFAULT_RETRY_OPTIONS, resolveRetryOptions, retryAfterMs } from './backoff.ts';
import { readBodyHead } from './body-limits.ts';
import { createConcurrencyLimit } from './concurrency-limit.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from './defaults.ts';
import { redactObservation } from './redact-observation.ts';
import { countingOnlyPacer } from './request-pacer.ts';
import { secretsOf } from './secrets.ts';
import { signedHeaders } from './sign.ts';
import { parseTargetUrl } from './target-url.ts';
import { systemClock } from './system-clock.ts';
import { isThrottling } from './throttling.ts';
import { classifyTransportError } from './transport-error.ts';
import type {
  AwsCredentialIdentity,
  Observation,
  ObservedResponse,
  SentRequest,
  Transport,
  TransportOptions,
  TransportError,
  WireRequest,
} from './types.ts';

const DEFAULT_SERVICE = 'lambda';
/** Throttled retries of one request stop after this many per-request timeouts (60 s with the default). */
const THROTTLED_WITHIN_TIMEOUTS = 6;

interface Attempt {
  request: SentRequest;
  response: ObservedResponse | null;
  transportError: TransportError | null;
  secrets: string[];
}

/**
 * Throws only for programmer errors (a TargetUrlError or a bad option here; a malformed WireRequest, a
 * closed target or credentials that cannot be resolved in `send`). Whatever the server does,
 * `send` resolves to an Observation.
 */
export function createTransport(options: TransportOptions): Transport {
  const origin = parseTargetUrl(options.url);
  const region = requireText(options.region, 'region');
  const service = requireText(options.service ?? DEFAULT_SERVICE, 'service');
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`timeoutMs must be > 0, got ${timeoutMs}`);
  const retry = resolveRetryOptions({ maxElapsedMs: Math.min(DEFAULT_RETRY_OPTIONS.maxElapsedMs, THROTTLED_WITHIN_TIMEOUTS * timeoutMs), ...options.retry });
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const limit = createConcurrencyLimit(concurrency);
  const pacer = options.pacer ?? countingOnlyPacer();

  // One connection per slot, kept alive between cases. undici's own timeouts are a backstop:
  // the deadline that counts is the per-attempt abort below.
  const pool = new Pool(origin.origin, {
    connections: concurrency,
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  let closed = false;

  async function attemptOnce(request: WireRequest): Promise<Attempt> {
    // Paced before signing: a signature made before a long wait could be too old once sent.
    const ticket = await pacer.beforeRequest();
    const attempt = await signAndSend(request);
    if (attempt.response !== null) pacer.afterAnswer(ticket, { throttled: isThrottling(attempt.response), retryAfterMs: retryAfterMs(attempt.response, clock.now()) });
    return attempt;
  }

  async function signAndSend(request: WireRequest): Promise<Attempt> {
    const credentials = await resolveSigningCredentials(options.credentials);
    const secrets = secretsOf(credentials);
    const headers = await signedHeaders(origin, request, credentials, { region, service });
    const sent: SentRequest = { method: request.method, url: origin.origin + request.path, headers, body: request.body };

    // The deadline starts once a slot is held: time spent queueing behind other cases is not
    // the target's slowness.
    return limit.run(async () => {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new Error(`timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      try {
        const answer = await pool.request({
          path: request.path,
          method: request.method,
          headers,
          body: request.body === undefined ? null : Buffer.from(request.body, 'utf8'),
          signal: controller.signal,
        });
        const body = await readBodyHead(answer.body, secrets);
        const response: ObservedResponse = { status: answer.statusCode, headers: flattenHeaders(answer.headers), body: body.text, ...(body.truncated !== undefined && { truncated: body.truncated }) };
        return { request: sent, response, transportError: null, secrets };
      } catch (error) {
        return { request: sent, response: null, transportError: classifyTransportError(error, timedOut, timeoutMs), secrets };
      } finally {
        clearTimeout(timer);
      }
    });
  }

  async function send(request: WireRequest): Promise<Observation> {
    if (closed) throw new Error('The transport is closed: send() after close()');
    validateWireRequest(request);
    pacer.countCall();
    const started = clock.now();
    let attempts = 0;
    let throttledAttempts = 0;
    for (;;) {
      attempts += 1;
      const attempt = await attemptOnce(request);
      const delay = attempt.response === null ? null : retryDelay(attempt.response, attempts, started);
      if (delay === null) {
        const observation: Observation = {
          request: attempt.request,
          response: attempt.response,
          transportError: attempt.transportError,
          attempts,
          throttledAttempts,
          durationMs: Math.max(0, clock.now() - started),
        };
        return redactObservation(observation, attempt.secrets);
      }
      throttledAttempts += 1;
      pacer.countRetries(1, delay);
      await clock.sleep(delay);
    }
  }

  /** The backoff before the next attempt, or `null` when this answer is the one to observe. */
  function retryDelay(response: ObservedResponse, attemptsMade: number, started: number): number | null {
    if (!isThrottling(response) || attemptsMade >= retry.maxAttempts) return null;
    const now = clock.now();
    const delay = backoffDelayMs(attemptsMade, retry, response, random, now);
    // Give up rather than start a retry that could only finish past the budget; the last
    // throttling answer then stands as the observation.
    return now - started + delay > retry.maxElapsedMs ? null : delay;
  }

  return {
    url: origin.origin,
    timeoutMs,
    send,
    async close() {
      if (closed) return;
      closed = true;
      await pool.destroy();
    },
  };
}

async function resolveSigningCredentials(
  provider: TransportOptions['credentials'],
): Promise<AwsCredentialIdentity> {
  try {
    return await provider();
  } catch (error) {
    // Not something the target did: the run cannot sign anything, so it must stop, not judge.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not resolve AWS credentials to sign requests: ${reason}`, { cause: error });
  }
}

function requireText(value: string, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`${name} must be a non-empty string`);
  return value;
}

function validateWireRequest(request: WireRequest): void {
  if (typeof request.method !== 'string' || !/^[A-Za-z]+$/.test(request.method)) {
    throw new Error(`WireRequest.method must be an HTTP method, got ${JSON.stringify(request.method)}`);
  }
  if (typeof request.path !== 'string' || !request.path.startsWith('/')) {
    throw new Error(`WireRequest.path must start with "/", got ${JSON.stringify(request.path)}`);
  }
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
