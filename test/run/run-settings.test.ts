import { describe, expect, it } from 'vitest';
import { RUN_FLAGS } from '../../cli/commands/flag-tables.ts';
import { runSettings } from '../../cli/commands/run-settings.ts';
import { UsageError } from '../../cli/commands/flags.ts';

describe('run settings', () => {
  it('defaults to the embedded server, the seed edition, us-east-1 and auto fixtures', () => {
    expect(runSettings({}, {})).toEqual({
      targetUrl: null,
      targetFrom: null,
      edition: 'seed',
      region: 'us-east-1',
      profile: null,
      reportDir: 'reports',
      fixtures: 'auto',
      roleArn: null,
      concurrency: 8,
      timeoutMs: 10_000,
      grep: null,
      repeat: 1,
      expectations: null,
      updateExpectations: null,
      seed: null,
      propertyRuns: 10,
      allowedAccounts: null,
      maxShrinkRequests: 50,
      maxRps: null,
      keepFixtures: false,
      label: 'reference server',
      shard: null,
      record: null,
      compareRecording: null,
      compareMessages: false,
      quiet: false,
    });
  });

  // A flag in RUN_FLAGS that runSettings did not read would be accepted and do nothing; the type
  // of this list makes a new flag name its sample.
  const samples: Readonly<Record<keyof typeof RUN_FLAGS, string | boolean>> = {
    target: 'http://127.0.0.1:4566',
    edition: 'current',
    region: 'eu-west-1',
    profile: 'sandbox',
    fixtures: 'mine.yaml',
    'role-arn': 'arn:aws:iam::111122223333:role/lambda-exec',
    'report-dir': 'out',
    concurrency: '2',
    timeout: '500',
    grep: '^BatchSize/',
    repeat: '3',
    expectations: 'known.yaml',
    'update-expectations': 'new.yaml',
    seed: '7',
    'property-runs': '0',
    'allow-account': '111122223333',
    'max-shrink-requests': '0',
    'max-rps': '5',
    'keep-fixtures': true,
    label: 'moto 5.2.1',
    shard: '2/3',
    record: 'recorded',
    'compare-recording': 'recorded',
    'compare-messages': true,
    quiet: true,
  };
  it.each(Object.entries(samples))('reads --%s %s into the settings', (flag, text) => {
    // Fixtures are kept only on a target that outlives the run.
    const others = flag === 'keep-fixtures' ? { target: 'http://127.0.0.1:4566' } : {};
    expect(runSettings({ ...others, [flag]: text }, {})).not.toEqual(runSettings(others, {}));
  });

  it('refuses --keep-fixtures where nothing it keeps would outlive the run, or nothing is made', () => {
    expect(() => runSettings({ 'keep-fixtures': true }, {})).toThrow('--keep-fixtures keeps fixtures on a target, and the embedded reference server ends with the run: give --target URL');
    expect(() => runSettings({ 'keep-fixtures': true, target: 'http://127.0.0.1:4566', fixtures: 'mine.yaml' }, {})).toThrow(
      '--keep-fixtures keeps what auto fixtures make, and --fixtures mine.yaml makes nothing: drop --keep-fixtures.',
    );
  });

  it('labels the run by --label, else by the target\'s origin, else as the reference server', () => {
    expect(runSettings({ label: 'moto 5.2.1', target: 'http://127.0.0.1:5000' }, {}).label).toBe('moto 5.2.1');
    expect(runSettings({}, { AWS_ENDPOINT_URL: 'HTTP://127.0.0.1:5000/' }).label).toBe('http://127.0.0.1:5000');
    expect(runSettings({}, {}).label).toBe('reference server');
    expect(() => runSettings({ label: ' ' }, {})).toThrow('--label must name the target');
  });

  it('reads --shard I/N, and refuses a slice that is not one of N', () => {
    expect(runSettings({ shard: '3/3' }, {}).shard).toEqual({ index: 3, count: 3 });
    for (const wrong of ['0/3', '4/3', '1/0', '3', 'a/b', '1/257']) expect(() => runSettings({ shard: wrong }, {})).toThrow(`--shard "${wrong}" must be I/N, the I-th of N slices`);
    expect(() => runSettings({ shard: '1/3', 'update-expectations': 'known.yaml' }, {})).toThrow('--update-expectations known.yaml needs every case, but --shard 1/3 runs a slice');
  });

  it('names --seed and --property-runs out of range, with what 0 means', () => {
    expect(() => runSettings({ seed: '4294967296' }, {})).toThrow('--seed must be a whole number from 0 to 4294967295, not "4294967296".');
    expect(() => runSettings({ 'property-runs': '-1' }, {})).toThrow('--property-runs must be a whole number from 0 to 10000 (0 leaves property cases out), not "-1".');
    expect(runSettings({ seed: '4294967295', 'property-runs': '0' }, {})).toMatchObject({ seed: 4_294_967_295, propertyRuns: 0 });
    expect(() => runSettings({ 'max-shrink-requests': '-1' }, {})).toThrow('--max-shrink-requests must be a whole number from 0 to 100000 (0 reports the first failing value drawn), not "-1".');
  });

  it('reads the accounts --allow-account or LESM_ALLOWED_ACCOUNTS lists, and refuses one that is not 12 digits', () => {
    expect(runSettings({ 'allow-account': '111122223333, 444455556666' }, {}).allowedAccounts).toEqual(['111122223333', '444455556666']);
    expect(runSettings({}, { LESM_ALLOWED_ACCOUNTS: '111122223333' }).allowedAccounts).toEqual(['111122223333']);
    expect(runSettings({ 'allow-account': '999988887777' }, { LESM_ALLOWED_ACCOUNTS: '111122223333' }).allowedAccounts).toEqual(['999988887777']);
    expect(() => runSettings({ 'allow-account': '111122223333,sandbox' }, {})).toThrow(UsageError);
    expect(() => runSettings({ 'allow-account': '111122223333,sandbox' }, {})).toThrow('lists "sandbox", not an AWS account id: give 12 digits each');
  });

  it('takes the environment when no flag is given, and flags over the environment', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566', AWS_REGION: 'eu-west-1', AWS_PROFILE: 'sandbox' };
    expect(runSettings({}, env)).toMatchObject({ targetUrl: 'http://127.0.0.1:4566', targetFrom: 'AWS_ENDPOINT_URL', region: 'eu-west-1', profile: 'sandbox' });
    expect(runSettings({ target: 'http://127.0.0.1:5000/', region: 'ap-south-1', profile: 'other' }, env)).toMatchObject({
      targetUrl: 'http://127.0.0.1:5000',
      targetFrom: '--target',
      region: 'ap-south-1',
      profile: 'other',
    });
    expect(runSettings({}, { AWS_DEFAULT_REGION: 'sa-east-1' }).region).toBe('sa-east-1');
    expect(runSettings({}, { AWS_ENDPOINT_URL: 'http://127.0.0.1:1', AWS_ENDPOINT_URL_LAMBDA: 'http://127.0.0.1:2' })).toMatchObject({
      targetUrl: 'http://127.0.0.1:2',
      targetFrom: 'AWS_ENDPOINT_URL_LAMBDA',
    });
  });

  it('reads a fixtures file path, a concurrency and a timeout', () => {
    expect(runSettings({ fixtures: 'fixtures/mine.yaml', concurrency: '3', timeout: '2500' }, {})).toMatchObject({
      fixtures: { file: 'fixtures/mine.yaml' },
      concurrency: 3,
      timeoutMs: 2500,
    });
  });

  it('normalises the target to its origin: trailing slashes go, scheme and host are lower-cased', () => {
    expect(runSettings({ target: 'HTTP://LocalHost:4566//' }, {}).targetUrl).toBe('http://localhost:4566');
    expect(runSettings({}, { AWS_ENDPOINT_URL_LAMBDA: 'https://lambda.eu-west-1.amazonaws.com:443/' }).targetUrl).toBe('https://lambda.eu-west-1.amazonaws.com');
  });

  it('takes an execution role ARN for auto fixtures only', () => {
    expect(runSettings({ 'role-arn': 'arn:aws:iam::111122223333:role/service-role/lambda-exec' }, {}).roleArn).toBe('arn:aws:iam::111122223333:role/service-role/lambda-exec');
  });

  it.each([
    [{ 'role-arn': 'lambda-exec' }, '--role-arn "lambda-exec" is not an IAM role ARN: give arn:aws:iam::ACCOUNT:role/NAME'],
    [{ 'role-arn': 'arn:aws:iam::111122223333:role/x', fixtures: 'mine.yaml' }, '--fixtures mine.yaml creates no function: drop one of the two.'],
    [{ concurrency: '0' }, '--concurrency must be a whole number from 1 to 256, not "0".'],
    [{ timeout: '1.5s' }, '--timeout must be a whole number from 1 to 600000, not "1.5s".'],
    [{ grep: '[' }, /is not a valid regular expression/],
  ])('refuses %j with a sentence saying how to fix it', (flags, message) => {
    expect(() => runSettings(flags, {})).toThrow(message);
  });

  // Every refusal of the one target URL parser reaches the user as a usage error (exit 2), from the flag or the environment.
  it.each([
    ['not a url', 'the target "not a url" is not a URL: give an origin such as http://127.0.0.1:4566 or https://lambda.eu-west-1.amazonaws.com.'],
    ['localhost:4566', 'the target "localhost:4566" must be an http:// or https:// URL, such as http://127.0.0.1:4566 or https://lambda.eu-west-1.amazonaws.com.'],
    [
      'http://admin:hunter2@127.0.0.1:4566',
      'the target "http://***@127.0.0.1:4566/" must not carry a user name or password, since requests are signed with AWS credentials (--profile, AWS_PROFILE or AWS_ACCESS_KEY_ID): give http://127.0.0.1:4566.',
    ],
    ['http://127.0.0.1:4566/prefix', 'the target "http://127.0.0.1:4566/prefix" has the path "/prefix", but a target is an origin only (scheme, host and port): give http://127.0.0.1:4566.'],
    ['http://127.0.0.1:4566/?x=1', 'the target "http://127.0.0.1:4566/?x=1" has the query "?x=1", but a target is an origin only (scheme, host and port): give http://127.0.0.1:4566.'],
    ['http://127.0.0.1:9/#frag', 'the target "http://127.0.0.1:9/#frag" has the fragment "#frag", but a target is an origin only (scheme, host and port): give http://127.0.0.1:9.'],
  ])('refuses the target %s with a usage error saying how to fix it', (target, message) => {
    for (const settings of [() => runSettings({ target }, {}), () => runSettings({}, { AWS_ENDPOINT_URL: target })]) {
      expect(settings).toThrow(UsageError);
      expect(settings).toThrow(message);
    }
  });
});
