// The transport's public face, for the CLI, the suite, the fixtures and the reporters. The judge and
// the case runner import the few pure modules they use directly, so that loading them loads no HTTP.
export { createTransport } from './create-transport.ts';
export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from './defaults.ts';
export { resolveCredentials, DUMMY_CREDENTIALS, type ResolveCredentialsOptions } from './credentials.ts';
export { describeObservation } from './describe-observation.ts';
export { errorMessageOf, errorTypeOf, sanitizeErrorType } from './error-type.ts';
export { redactHeaders, redactSecrets, isCredentialHeaderName, REDACTED } from './redact.ts';
export { secretsOf, recordSecrets, MIN_SECRET_LENGTH, type RecordedSecrets } from './secrets.ts';
export { parseTargetUrl, TargetUrlError } from './target-url.ts';
export { AWS_START_RPS, countingOnlyPacer, createRequestPacer, pacerOptionsFor, type PacerOptions, type RequestCounts, type RequestPacer, type SendTicket } from './request-pacer.ts';
export { MAX_BODY_HEAD_BYTES, MAX_BODY_READ_BYTES } from './body-limits.ts';
export { MAX_JSON_DEPTH, TOO_DEEP_MESSAGE, parseJsonAnswer, parseJsonObject, type JsonAnswer } from './json-answer.ts';
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  BodyTruncation,
  Clock,
  Observation,
  ObservedResponse,
  RetryOptions,
  SentRequest,
  Transport,
  TransportOptions,
  TransportError,
  TransportErrorKind,
  WireRequest,
} from './types.ts';
