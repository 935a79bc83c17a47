import { beforeEach, describe, expect, it } from 'vitest';
import { DUMMY_CREDENTIALS, resolveCredentials as resolveWithChain, TargetUrlError, type ResolveCredentialsOptions } from '../../src/transport/index.ts';

// The SDK's chain is replaced by a recording stub: these tests must never reach IMDS, SSO or
// the user's ~/.aws, and must see whether the chain was used at all.
const chain = {
  calls: [] as unknown[],
  resolutions: 0,
  failure: null as Error | null,
};
const recordingChain = (init: unknown) => {
  chain.calls.push(init);
  return async () => {
    chain.resolutions += 1;
    if (chain.failure !== null) throw chain.failure;
    return { accessKeyId: 'FROM-THE-CHAIN', secretAccessKey: 'chain-secret' };
  };
};
const resolveCredentials = (options: ResolveCredentialsOptions) => resolveWithChain({ ...options, chain: recordingChain });

beforeEach(() => {
  chain.calls.length = 0;
  chain.resolutions = 0;
  chain.failure = null;
});

describe('resolveCredentials', () => {
  it.each(['http://127.0.0.1:4566', 'http://localhost:4566', 'http://[::1]:4566', 'http://localstack:4566', 'http://10.0.0.5:4566', 'http://moto.internal:5000', 'http://amazonaws.com.example.org'])(
    'gives dummy credentials to %s, not an AWS endpoint, when nothing is configured, without touching the chain',
    async (targetUrl) => {
      const provider = resolveCredentials({ targetUrl, env: {} });
      await expect(provider()).resolves.toEqual({ accessKeyId: 'test', secretAccessKey: 'test' });
      expect(chain.calls).toEqual([]);
      expect(chain.resolutions).toBe(0);
      expect(DUMMY_CREDENTIALS).toEqual({ accessKeyId: 'test', secretAccessKey: 'test' });
    },
  );

  it.each(['https://lambda.eu-west-1.amazonaws.com', 'https://LAMBDA.US-EAST-1.AMAZONAWS.COM.', 'https://lambda.cn-north-1.amazonaws.com.cn', 'https://lambda.us-east-1.api.aws', 'https://amazonaws.com'])(
    'never gives dummies to the AWS endpoint %s: it goes to the AWS chain',
    async (targetUrl) => {
      const provider = resolveCredentials({ targetUrl, env: {} });
      const credentials = await provider();
      expect(credentials.accessKeyId).toBe('FROM-THE-CHAIN');
      expect(credentials.accessKeyId).not.toBe('test');
      expect(chain.calls).toEqual([{}]);
    },
  );

  it('lets the chain fail for an AWS endpoint with nothing configured, instead of falling back to dummies', async () => {
    // What the real chain does after env, ini, SSO, container and IMDS all came up empty.
    chain.failure = new Error('Could not load credentials from any providers');
    const provider = resolveCredentials({ targetUrl: 'https://lambda.us-east-1.amazonaws.com', env: {} });
    await expect(provider()).rejects.toThrow('Could not load credentials from any providers');
    expect(chain.resolutions).toBe(1);
  });

  it('uses env-var credentials, with the session token, for any target', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIAENVKEY', AWS_SECRET_ACCESS_KEY: 'env-secret', AWS_SESSION_TOKEN: 'env-token' };
    for (const targetUrl of ['http://127.0.0.1:4566', 'https://lambda.eu-west-1.amazonaws.com']) {
      await expect(resolveCredentials({ targetUrl, env })()).resolves.toEqual({
        accessKeyId: 'AKIAENVKEY',
        secretAccessKey: 'env-secret',
        sessionToken: 'env-token',
      });
    }
    expect(chain.calls).toEqual([]);
  });

  it('refuses a key id without its secret rather than sign with half a credential', async () => {
    const provider = resolveCredentials({ targetUrl: 'http://127.0.0.1:4566', env: { AWS_ACCESS_KEY_ID: 'AKIAONLY' } });
    await expect(provider()).rejects.toThrow(/AWS_SECRET_ACCESS_KEY/);
  });

  it('sends a profile, from the option or AWS_PROFILE, to the chain even for a target on this machine', async () => {
    await resolveCredentials({ targetUrl: 'http://127.0.0.1:4566', profile: 'sandbox', env: {} })();
    await resolveCredentials({ targetUrl: 'http://localhost:4566', env: { AWS_PROFILE: 'from-env' } })();
    await resolveCredentials({ targetUrl: 'http://localhost:4566', profile: 'flag', env: { AWS_PROFILE: 'from-env' } })();
    expect(chain.calls).toEqual([{ profile: 'sandbox' }, { profile: 'from-env' }, { profile: 'flag' }]);
  });

  it('is lazy: building the provider resolves nothing', () => {
    resolveCredentials({ targetUrl: 'https://lambda.eu-west-1.amazonaws.com', env: {} });
    expect(chain.calls).toEqual([{}]);
    expect(chain.resolutions).toBe(0);
  });

  it('rejects a target that is not an origin, as the transport does', () => {
    expect(() => resolveCredentials({ targetUrl: 'not a url', env: {} })).toThrow(new TargetUrlError('the target "not a url" is not a URL: give an origin such as http://127.0.0.1:4566 or https://lambda.eu-west-1.amazonaws.com.'));
    expect(() => resolveCredentials({ targetUrl: 'http://localhost:4566/#frag', env: {} })).toThrow(TargetUrlError);
  });
});
