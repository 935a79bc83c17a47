// The verifier's process signs nothing (the provider proxy does), so no credential reaches it.
import { describe, expect, it } from 'vitest';
import { verifierEnvironment } from '../../cli/pact/run-verifier.ts';

describe('verifierEnvironment', () => {
  it('passes no AWS variable and nothing named like a secret, and keeps what a process needs', () => {
    const env = verifierEnvironment({
      PATH: '/usr/bin',
      HOME: '/root',
      AWS_ACCESS_KEY_ID: 'AKIACANARY',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
      AWS_PROFILE: 'prod',
      GITHUB_TOKEN: 'ghp_x',
      PACT_BROKER_PASSWORD: 'p',
    });
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/root', PACT_DO_NOT_TRACK: 'true' });
  });
});
