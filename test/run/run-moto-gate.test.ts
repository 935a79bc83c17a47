// The gate on a real emulator: moto 5.2.1 deviates from the documentation in 110 cases, each
// listed with its cause in examples/moto.expectations.yaml (made with --update-expectations).
// Gated on that file, a run against moto exits 0: moto is not tuned, its deviations are known.
import { expect, it } from 'vitest';
import { describeWithMoto } from './support/moto-describe.ts';
import { readReport, readResults, runCli } from './support/cli-run.ts';

const EXPECTATIONS = new URL('../../examples/moto.expectations.yaml', import.meta.url).pathname;

describeWithMoto('moto gated on examples/moto.expectations.yaml', (moto) => {
  it('passes the gate: every deviation is listed, none unexpected, no stale entry', async () => {
    // The file was made with --seed 1: what a property case draws, and so how moto fails it, follows the seed.
    const run = await runCli(['--target', moto().url, '--expectations', EXPECTATIONS, '--seed', '1'], { limitMs: 90_000 });
    expect(run.code, run.stderr).toBe(0);
    const report = readResults(run);
    expect(report.complete).toBe(true);
    expect(report.gate).toMatchObject({ unexpectedPass: 0, regression: 0, stale: [] });
    expect(report.gate?.expected).toBe(report.summary.fail + report.summary.error);
    expect(report.gate?.expected).toBeGreaterThan(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^KNOWN DEVIATIONS ONLY: /);
    expect(run.stdout).toContain(`${report.summary.pass} of ${report.summary.total} cases pass`);
    expect(readReport(run, 'junit.xml')).toMatch(/<testsuites [^>]*failures="0" errors="0"/);
  }, 100_000);
});
