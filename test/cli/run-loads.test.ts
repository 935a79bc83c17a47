// The run is a chain of plain calls from the bin to the reports: nothing under it loads vitest,
// which is only the project's test framework and the adapter in suites/.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../bin/lambda-esm-conformance.js', import.meta.url).pathname;
const recordLoads = new URL('../support/record-loads.mjs', import.meta.url).href;

describe('a run of the bin', () => {
  it('loads no module of vitest', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'lesm-loads-'));
    const loads = path.join(folder, 'loads.txt');
    const args = ['--import', recordLoads, bin, 'run', '--grep', '^BatchSize/sqs/1$', '--property-runs', '0', '--report-dir', path.join(folder, 'reports')];
    const { stdout } = await promisify(execFile)(process.execPath, args, { env: { ...process.env, LESM_LOADS_FILE: loads } });
    expect(stdout).toContain('CONFORMS');
    const loaded = readFileSync(loads, 'utf8').split('\n');
    // The recording sees the run's own modules, so an empty list below means something.
    expect(loaded.some((url) => url.includes('/node_modules/undici/'))).toBe(true);
    expect(loaded.filter((url) => /\/node_modules\/(vitest|@vitest|vite)\//.test(url))).toEqual([]);
  }, 60_000);
});
