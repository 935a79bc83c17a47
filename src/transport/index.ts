// The transport's public face; reporters and the judge import from here.
export { createTransport, DEFAULT_CONCURRENCY, DEFAULT_SERVICE, DEFAULT_TIMEOUT_MS } from './create-transport.ts';
export { resolveCredentials, DUMMY_CREDENTIALS, type ResolveCredentialsOptions } from './credentials.ts';
export { describeObservation } from './describe-observation.ts';
export { errorTypeOf, sanitizeErrorType } from './error-type.ts';
export { redactHeaders, redactSecrets, isCredentialHeaderName, REDACTED } from './redact.ts';
export { secretsOf, recordSecrets, MIN_SECRET_LENGTH, type RecordedSecrets } from './secrets.ts';
export { isThrottling, THROTTLING_ERROR_TYPES } from './throttling.ts';
export { DEFAULT_RETRY_OPTIONS } from './backoff.ts';
export { isLoopbackUrl } from './loopback.ts';
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
