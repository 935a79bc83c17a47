// The transport's public face; reporters and the judge import from here.
export { createTransport } from './create-transport.ts';
export { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from './defaults.ts';
export { resolveCredentials, DUMMY_CREDENTIALS, type ResolveCredentialsOptions } from './credentials.ts';
export { describeObservation } from './describe-observation.ts';
export { errorTypeOf, sanitizeErrorType } from './error-type.ts';
export { redactHeaders, redactSecrets, isCredentialHeaderName, REDACTED } from './redact.ts';
export { isThrottling, THROTTLING_ERROR_TYPES } from './throttling.ts';
export { isLoopbackUrl } from './loopback.ts';
export { parseTargetUrl, TargetUrlError } from './target-url.ts';
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
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
