import { describe, expect, it } from 'vitest';
import { runSettings } from '../../cli/commands/run-settings.ts';

describe('run settings', () => {
  it('defaults to the embedded server, the seed edition, us-east-1 and auto fixtures', () => {
    expect(runSettings({}, {})).toEqual({
      targetUrl: null,
      edition: 'seed',
      region: 'us-east-1',
      profile: null,
      reportDir: 'reports',
      fixtures: 'auto',
      concurrency: 8,
      timeoutMs: 10_000,
      grep: null,
    });
  });

  it('takes the environment when no flag is given, and flags over the environment', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_REGION: 'eu-west-1', AWS_PROFILE: 'sandbox' };
    expect(runSettings({}, env)).toMatchObject({ targetUrl: 'http://127.0.0.1:4566', region: 'eu-west-1', profile: 'sandbox' });
    expect(runSettings({ target: 'http://127.0.0.1:5000/', region: 'ap-south-1', profile: 'other' }, env)).toMatchObject({
      targetUrl: 'http://127.0.0.1:5000',
      region: 'ap-south-1',
      profile: 'other',
    });
    expect(runSettings({}, { AWS_DEFAULT_REGION: 'sa-east-1' }).region).toBe('sa-east-1');
    expect(runSettings({}, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:2' }).targetUrl).toBe('http://127.0.0.1:2');
  });

  it('reads a fixtures file path, a concurrency and a timeout', () => {
    expect(runSettings({ fixtures: 'fixtures/mine.yaml', concurrency: '3', timeout: '2500' }, {})).toMatchObject({
      fixtures: { file: 'fixtures/mine.yaml' },
      concurrency: 3,
      timeoutMs: 2500,
    });
  });

  it.each([
    [{ concurrency: '0' }, '--concurrency must be a whole number from 1 to 256, not "0".'],
    [{ timeout: '1.5s' }, '--timeout must be a whole number from 1 to 600000, not "1.5s".'],
    [{ target: 'localhost:4566' }, 'the target "localhost:4566" must be an http:// or https:// URL.'],
    [{ target: 'not a url' }, /is not a URL/],
    [{ target: 'http://127.0.0.1:4566/prefix' }, /must be an origin only/],
    [{ grep: '[' }, /is not a valid regular expression/],
  ])('refuses %j with a sentence saying how to fix it', (flags, message) => {
    expect(() => runSettings(flags, {})).toThrow(message);
  });
});
