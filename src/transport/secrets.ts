// Which values are secret: the one place that decides, for the transport, the fixtures and the reports.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from './types.ts';

/**
 * Values shorter than this are not treated as secrets. Real AWS keys are 16+ characters; the short
 * ones are dummies such as `test`, and scrubbing "test" from every body and resource name would
 * mangle the very answers the judge has to read.
 */
export const MIN_SECRET_LENGTH = 8;

/** The access key id, secret key and session token of an identity, those long enough to be secrets. */
export function secretsOf(credentials: AwsCredentialIdentity | undefined): string[] {
  if (credentials === undefined) return [];
  return [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken ?? ''].filter(
    (value) => value.length >= MIN_SECRET_LENGTH,
  );
}

export interface RecordedSecrets {
  /** Resolves as the wrapped provider does, remembering the secrets of what it hands out. */
  readonly credentials: AwsCredentialIdentityProvider;
  /** Every secret handed out so far (rotated credentials included), for redaction. */
  secrets(): readonly string[];
}

/** Wraps a provider so that whatever signs with it can later scrub what it signed with. */
export function recordSecrets(provider: AwsCredentialIdentityProvider): RecordedSecrets {
  const seen = new Set<string>();
  return {
    credentials: async (...args) => {
      const identity = await provider(...args);
      for (const secret of secretsOf(identity)) seen.add(secret);
      return identity;
    },
    secrets: () => [...seen],
  };
}
