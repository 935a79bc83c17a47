// The vocabulary shared by the transport, the judge and the reporters. Types only: no behaviour here.
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { RequestPacer } from './request-pacer.ts';

export type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/** What a case asks to send, already serialised. */
export interface WireRequest {
  method: string;
  /** Path (plus query) on the target, starting with `/`. */
  path: string;
  /** Sent as given, e.g. a content-type that is deliberately wrong, or none at all. */
  headers: Readonly<Record<string, string>>;
  /** The exact bytes to send (may be malformed JSON); `undefined` sends no body. */
  body: string | undefined;
}

/** The request as actually sent on the last attempt, with secrets redacted. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** An answer from the target. Header names are lower-case. */
export interface ObservedResponse {
  status: number;
  headers: Record<string, string>;
  /** The body, or only its head when `truncated` says so (see MAX_BODY_HEAD_BYTES). */
  body: string;
  /** Present only when the body was larger than the head the suite keeps. */
  truncated?: BodyTruncation;
}

/** How much of a body the suite kept, and how much there was. */
export interface BodyTruncation {
  /** The bytes of the head kept in `body`. */
  readonly keptBytes: number;
  /** The bytes received in all, the head included. */
  readonly receivedBytes: number;
  /** False when the body went on past MAX_BODY_READ_BYTES and the suite stopped reading it. */
  readonly complete: boolean;
}

/** `plain-http`: a TLS handshake answered in plain HTTP (an https:// URL for an http:// port). */
export type TransportErrorKind = 'timeout' | 'connection-refused' | 'connection-reset' | 'plain-http' | 'other';

export interface TransportError {
  kind: TransportErrorKind;
  message: string;
}

export interface Observation {
  request: SentRequest;
  /** `null` when no (complete) answer arrived; `transportError` then says why. */
  response: ObservedResponse | null;
  transportError: TransportError | null;
  /** 1 + the retries made. */
  attempts: number;
  /** How many answers were throttling and were retried. */
  throttledAttempts: number;
  durationMs: number;
}

export interface Transport {
  /** The target's origin, e.g. `http://127.0.0.1:4566`. */
  readonly url: string;
  /** Per attempt: the unit every other wait of a run is measured in. */
  readonly timeoutMs: number;
  send(request: WireRequest): Promise<Observation>;
  close(): Promise<void>;
}

/** Time and chance, injectable so that tests need not wait for real backoff. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface RetryOptions {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** No retry is started that would end its backoff later than this after the first attempt began. */
  maxElapsedMs: number;
  /** Backoff ceiling before jitter for the first retry; doubles on each further retry. */
  baseDelayMs: number;
  /** Upper bound of any single backoff, `Retry-After` included. */
  maxDelayMs: number;
}

export interface TransportOptions {
  /** Origin of the target, e.g. `http://127.0.0.1:4566` or `https://lambda.eu-west-1.amazonaws.com`. */
  url: string;
  region: string;
  credentials: AwsCredentialIdentityProvider;
  /** SigV4 signing name; default `lambda`. */
  service?: string;
  /** Requests in flight at once through this target; default 8. */
  concurrency?: number;
  /** Per attempt, covering connect, headers and body; default 10000. */
  timeoutMs?: number;
  /** Default DEFAULT_RETRY_OPTIONS, but never a retry budget (`maxElapsedMs`) above THROTTLED_WITHIN_TIMEOUTS × timeoutMs. */
  retry?: Partial<RetryOptions>;
  clock?: Clock;
  /** The run's one rate limiter and tally, shared with every other client of the target; default one of its own that only counts. */
  pacer?: RequestPacer;
  /** Returns a number in [0, 1); default `Math.random`. */
  random?: () => number;
}
