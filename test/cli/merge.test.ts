// run --shard I/N and merge: the three shards of a run, joined, are the run unsplit with the same
// seed, case for case; shards that are not of one run are refused (exit 2) naming the files.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/results.ts';
import { commandInProcess, readResults, runInProcess, type InProcessRun } from '../run/support/cli-run.ts';

// Property cases included, drawn from one seed: a shard must draw what the unsplit run draws.
const SELECTION = ['--grep', '^BatchSize/sqs/', '--seed', '7', '--property-runs', '2'];

let whole: RunReport;
let shardFiles: string[];

/** The verdict of each case as a person compares them: its id, outcome, status and reasons. */
const verdicts = (report: RunReport) => report.cases.map((result) => [result.id, result.outcome, result.response?.status ?? null, result.reasons.map((reason) => reason.check)]);

async function merge(...argv: string[]): Promise<InProcessRun> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'lesm-merge-'));
  return commandInProcess(['merge', ...argv, '--report-dir', reportDir], reportDir);
}

/** A copy of a shard's results.json with one field of its record changed. */
function alteredCopy(file: string, change: (record: Record<string, unknown>) => Record<string, unknown>): string {
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-shard-')), 'results.json');
  writeFileSync(copy, JSON.stringify(change(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)));
  return copy;
}

beforeAll(async () => {
  const runs = await Promise.all([runInProcess(SELECTION), ...[1, 2, 3].map((index) => runInProcess([...SELECTION, '--shard', `${index}/3`, '--label', 'split']))]);
  for (const run of runs) expect(run.code, run.stderr).toBe(0);
  const [unsplit, ...shards] = runs;
  whole = readResults(unsplit as InProcessRun);
  shardFiles = shards.map((run) => path.join(run.reportDir, 'results.json'));
}, 60_000);

describe('run --shard I/N, then merge', () => {
  it('gives each shard every third case, and the merge the verdicts of the unsplit run with the same seed, case for case', async () => {
    const sizes = shardFiles.map((file) => (JSON.parse(readFileSync(file, 'utf8')) as RunReport).cases.length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(whole.cases.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    // Given in another order than their slices': the merge puts each case back where the run has it.
    const merged = await merge(...[...shardFiles].reverse());
    expect(merged.code, merged.stderr).toBe(0);
    const report = readResults(merged);
    expect(verdicts(report)).toEqual(verdicts(whole));
    expect(report.cases.filter((result) => result.id.includes('/property/')).map((result) => result.counterexample ?? null)).toEqual(
      whole.cases.filter((result) => result.id.includes('/property/')).map((result) => result.counterexample ?? null),
    );
    expect(report).toMatchObject({ label: 'split', edition: 'seed', complete: true, summary: whole.summary, scope: whole.scope });
    expect(report.scope.shard).toBeUndefined();
    expect(merged.stdout.trimEnd().split('\n').at(-1)).toMatch(/^CONFORMS \(partial: \d+ cases of \d+\): /);
    for (const name of ['report.html', 'junit.xml', 'badge.json']) expect(readFileSync(path.join(merged.reportDir, name), 'utf8')).not.toBe('');
  });

  it('refuses shards of different editions with exit 2, naming each file and its edition', async () => {
    const [first = '', second = '', third = ''] = shardFiles;
    const current = alteredCopy(second, (record) => ({ ...record, edition: 'current' }));
    const merged = await merge(first, current, third);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain(`the shards are of different editions: ${first} (seed), ${current} (current), ${third} (seed)`);
    expect(merged.stderr).not.toMatch(/\n\s+at /);
  });

  it('names a missing shard, a shard given twice, and a run that was not split', async () => {
    const [first = '', , third = ''] = shardFiles;
    const missing = await merge(first, third);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 2/3 is missing: give its results.json too (run --shard 2/3 with the same --seed');
    const twice = await merge(first, alteredCopy(first, (record) => record), third);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/ and \S+ are both shard 1\/3/);
    const unsplit = alteredCopy(first, (record) => ({ ...record, scope: { ...(record['scope'] as object), shard: undefined } }));
    const notShard = await merge(unsplit, third);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain(`${unsplit} is not a shard: it was run without --shard I/N`);
  });

  it('reads shards by a glob the shell did not expand', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'lesm-shards-'));
    for (const [index, file] of shardFiles.entries()) {
      mkdirSync(path.join(folder, `shard-${index + 1}`));
      copyFileSync(file, path.join(folder, `shard-${index + 1}`, 'results.json'));
    }
    const merged = await merge(path.join(folder, 'shard-*', 'results.json'));
    expect(merged.code, merged.stderr).toBe(0);
    expect(verdicts(readResults(merged))).toEqual(verdicts(whole));
    const none = await merge(path.join(folder, 'nothing-*', 'results.json'));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('matches no file');
  });
});
