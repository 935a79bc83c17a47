import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '../../../src/transport/index.ts';

// Distinctive values, so that a leak anywhere is found by a plain substring search.
export const CANARY: Required<Pick<AwsCredentialIdentity, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>> = {
  accessKeyId: 'AKIACANARY0000000001',
  secretAccessKey: 'canary-secret-7Qp3vXk9LmN2rT5wYz8aBc4dEf6gHj1kLm0nOp',
  sessionToken: 'canary-token-FQoGZXIvYXdzEJr//////////wEaDMB4Zz7hW1kOg9vkEyKsAQ',
};

export const canaryProvider: AwsCredentialIdentityProvider = async () => ({ ...CANARY });

export const plainProvider: AwsCredentialIdentityProvider = async () => ({
  accessKeyId: 'AKIDEXAMPLEPLAIN',
  secretAccessKey: 'plain-secret-for-signing-tests',
});

export function expectNoCanary(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of Object.values(CANARY)) {
    if (text.includes(secret)) throw new Error(`credential leaked: ${secret.slice(0, 14)}… found in ${text.slice(0, 200)}`);
  }
}
