// Where the signing credentials come from.
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { isAwsEndpoint } from './aws-endpoint.ts';
import { parseTargetUrl } from './target-url.ts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from './types.ts';

export interface ResolveCredentialsOptions {
  targetUrl: string;
  /** A named profile; beats `AWS_PROFILE`. */
  profile?: string;
  /** Where `AWS_*` variables are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** The SDK's chain (default `fromNodeProviderChain`); tests give a stub that never reaches IMDS, SSO or ~/.aws. */
  chain?: (init: { profile?: string }) => AwsCredentialIdentityProvider;
}

/** What an emulator gets when nothing is configured; the values are not secret. */
export const DUMMY_CREDENTIALS: Readonly<AwsCredentialIdentity> = Object.freeze({
  accessKeyId: 'test',
  secretAccessKey: 'test',
});

/**
 * The AWS credential chain (profile, SSO, env vars, container and instance roles), with one
 * exception: a target that is not an AWS endpoint (an emulator on this machine, or a CI service
 * such as http://localstack:4566) with nothing configured gets dummy credentials, without the chain
 * being touched, so that it neither needs an AWS account nor waits for an instance-metadata probe
 * to time out. An AWS endpoint (*.amazonaws.com, *.amazonaws.com.cn, *.api.aws) never gets
 * dummies: signing it with them would only turn a configuration mistake into 403s.
 *
 * The returned provider is lazy; nothing is read until it is called.
 *
 * Note that the SDK's chain itself reads `process.env`; `env` decides which path is taken and
 * supplies the env-var credentials, so pass `process.env` (the default) outside tests.
 */
export function resolveCredentials(options: ResolveCredentialsOptions): AwsCredentialIdentityProvider {
  const env = options.env ?? process.env;
  const target = parseTargetUrl(options.targetUrl);
  const profile = nonEmpty(options.profile) ?? nonEmpty(env['AWS_PROFILE']);
  const chain = options.chain ?? fromNodeProviderChain;

  // A profile is chosen explicitly, so it wins over env keys, as it does in the SDK's own chain.
  if (profile !== undefined) return chain({ profile });

  const accessKeyId = nonEmpty(env['AWS_ACCESS_KEY_ID']);
  if (accessKeyId !== undefined) return fromEnvironment(env, accessKeyId);

  if (!isAwsEndpoint(target)) return async () => ({ ...DUMMY_CREDENTIALS });

  return chain({});
}

function fromEnvironment(env: NodeJS.ProcessEnv, accessKeyId: string): AwsCredentialIdentityProvider {
  const secretAccessKey = nonEmpty(env['AWS_SECRET_ACCESS_KEY']);
  const sessionToken = nonEmpty(env['AWS_SESSION_TOKEN']);
  const expiration = nonEmpty(env['AWS_CREDENTIAL_EXPIRATION']);
  return async () => {
    if (secretAccessKey === undefined) {
      throw new Error('AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not: set both, or neither');
    }
    return {
      accessKeyId,
      secretAccessKey,
      ...(sessionToken !== undefined ? { sessionToken } : {}),
      ...(expiration !== undefined ? { expiration: new Date(expiration) } : {}),
    };
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
