// The gate on a real emulator: moto 5.2.1 deviates from the documentation in 110 example and 16
// property cases, each listed with its cause in examples/moto.expectations.yaml (made with
// --update-expectations, over several seeds). Gated on that file with no --seed, a run against moto
// draws from the seed the file records and exits 0, every time: moto is not tuned, its deviations
// are known, and the verdict does not change while moto does not.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeWithMoto } from './support/moto-describe.ts';
import { readReport, readResults, runCli, runInProcess } from './support/cli-run.ts';

const EXPECTATIONS = new URL('../../examples/moto.expectations.yaml', import.meta.url).pathname;

describeWithMoto('moto gated on examples/moto.expectations.yaml', (moto) => {
  it('passes the gate with no --seed, twice: every deviation is listed, none unexpected, no stale entry', async () => {
    for (const round of [1, 2]) {
      const run = await runCli(['--target', moto().url, '--expectations', EXPECTATIONS], { limitMs: 90_000 });
      expect(run.code, `round ${round}: ${run.stderr}`).toBe(0);
      expect(run.stderr).toContain(`seed 1 (from ${EXPECTATIONS})`);
      const report = readResults(run);
      expect(report.complete).toBe(true);
      expect(report.scope.seed).toBe(1);
      expect(report.gate).toMatchObject({ unexpectedPass: 0, regression: 0, stale: [] });
      expect(report.gate?.expected).toBe(report.summary.fail + report.summary.error);
      expect(report.gate?.expected).toBeGreaterThan(0);
      expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^KNOWN DEVIATIONS ONLY: /);
      expect(run.stdout).toContain(`${report.summary.pass} of ${report.summary.total} cases pass`);
      // Each case's line says how the gate reads it: no bare FAIL, and nothing the gate fails on.
      expect(run.stdout).toMatch(/\] expected deviation /);
      expect(run.stdout).not.toMatch(/\] (FAIL|REGRESSION|unexpected pass) /);
      expect(run.stdout).not.toContain('The gate ');
      expect(readReport(run, 'junit.xml')).toMatch(/<testsuites [^>]*failures="0" errors="0"/);
    }
  }, 200_000);

  it('names each regression a stale file lets through before the verdict, what the file said and what came', async () => {
    const stale = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-moto-gate-')), 'stale.yaml');
    const listed = '  - case: BatchSize/dynamodb/0\n    outcome: fail\n    form: { status: 201, errorType: null }';
    const text = readFileSync(EXPECTATIONS, 'utf8');
    expect(text).toContain(listed);
    // BatchSize/dynamodb/0 listed with another answer, BatchSize/dynamodb/1 not listed at all.
    writeFileSync(stale, text.replace(listed, listed.replace('201', '400')).replace(/ {2}- case: BatchSize\/dynamodb\/1\n( {4}.*\n)+/, ''));
    const run = await runInProcess(['--target', moto().url, '--expectations', stale, '--grep', '^BatchSize/dynamodb/']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout.trimEnd().split('\n').slice(-4)).toEqual([
      `The gate ${stale} fails on 2 regressions:`,
      '  REGRESSION BatchSize/dynamodb/0: listed as answered 400 (no error type), answered 201 (no error type)',
      '  REGRESSION BatchSize/dynamodb/1: not in the expectations file; answered 201 (no error type)',
      expect.stringMatching(/^DOES NOT CONFORM \(partial: /),
    ]);
  }, 70_000);

  it('refuses the file made for another edition with exit 2, before anything is made on moto', async () => {
    const other = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-moto-gate-')), 'current.yaml');
    writeFileSync(other, readFileSync(EXPECTATIONS, 'utf8').replace(/^edition: seed$/m, 'edition: current'));
    const before = await moto().everything();
    const run = await runCli(['--target', moto().url, '--expectations', other], { limitMs: 60_000 });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${other} was made for the current edition and this run judges the seed edition`);
    expect(await moto().everything()).toEqual(before);
  }, 70_000);
});
