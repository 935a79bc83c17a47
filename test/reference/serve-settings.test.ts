import { describe, expect, it } from 'vitest';
import { serveSettings, type ServeFlagValues } from '../../reference/serve-settings.ts';

// What serve's values mean, without its flag table (which refuses most of these first).
const plain: ServeFlagValues = {
  edition: 'seed',
  host: '127.0.0.1',
  port: 0,
  faults: [],
  faultSeed: undefined,
  faultScope: undefined,
  awsTiming: false,
  awsTimingOptions: [],
  account: undefined,
  quiet: false,
};

describe('serveSettings', () => {
  it('turns NAME=VALUE faults and AWS timing values into the server options, a later value of a name winning', () => {
    const settings = serveSettings({ ...plain, faults: ['throttle=0.2', 'latency=5', 'throttle=0.3'], faultSeed: 7, faultScope: 'all', awsTimingOptions: ['creatingMs=10'] });
    expect(settings).toMatchObject({ faults: { throttleRate: 0.3, latencyMs: 5, seed: 7, scope: 'all' }, awsTiming: { creatingMs: 10 } });
    expect(serveSettings(plain)).toMatchObject({ faults: {}, awsTiming: undefined });
  });

  it('refuses an edition, a scope or a NAME=VALUE it does not know, even one named like an Object property', () => {
    expect(serveSettings({ ...plain, edition: 'tomorrow' })).toEqual({ problem: '--edition "tomorrow" is not an edition of the reference server; choose seed or current.' });
    expect(serveSettings({ ...plain, faultScope: 'constructor' })).toEqual({ problem: '--fault-scope "constructor" must be "esm" or "all".' });
    expect(serveSettings({ ...plain, faults: ['toString=1'] })).toEqual({ problem: '--fault "toString" is not a fault; use latency, throttle, error, reset, malformed, hang.' });
    expect(serveSettings({ ...plain, awsTimingOptions: ['creatingMs=-1'] })).toMatchObject({ problem: expect.stringContaining('--aws-timing-option creatingMs=-1:') });
  });
});
