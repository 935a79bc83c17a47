// What only the command line does with recordings: run --record writes one and says so,
// run --compare-recording says once which cases the recording lacks, diff takes two recordings,
// and serve --replay refuses a directory that holds none before it listens.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Interference } from '../support/intercepting-proxy.ts';
import { proxiedReferenceServer } from '../support/proxied-reference.ts';
import { commandInProcess, readResults, runInProcess } from '../run/support/cli-run.ts';

const createMapping = 'POST /2015-03-31/event-source-mappings';
// Each mapping answered a little late: a run of a few cases lasts long enough to be stopped halfway.
const rules: Record<string, Interference> = { [createMapping]: { kind: 'delay', delayMs: 40 } };
const target = proxiedReferenceServer(rules);

describe('the recording flags', () => {
  it('record a run, compare one against it, diff two, and refuse to replay what is not a recording', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'lesm-recorded-')), 'night');
    const recorded = await runInProcess(['--record', directory, '--grep', '^Duplicate/', '--property-runs', '0', '--concurrency', '1']);
    expect(recorded.code, recorded.stderr).toBe(0);
    expect(recorded.stderr).toContain(`recorded 3 cases to ${directory}`);
    expect(existsSync(join(directory, 'recording.json'))).toBe(true);

    const compared = await runInProcess(['--compare-recording', directory, '--grep', '^(Duplicate/|BatchSize/sqs/0$)', '--property-runs', '0', '--concurrency', '1']);
    expect(compared.code, compared.stderr).toBe(0);
    const lacking = compared.stderr.split('\n').filter((line) => line.includes('not in the recording'));
    expect(lacking).toEqual([expect.stringMatching(/^1 case sent is not in the recording http:\/\/127\.0\.0\.1:\d+ us-east-1, \d{4}-\d{2}-\d{2} \(BatchSize\/sqs\/0\): judged by the documentation alone$/)]);
    expect(readResults(compared).cases.flatMap((result) => result.reasons.map((reason) => reason.check))).not.toContain('recording_conformance');

    const diffed = await commandInProcess(['diff', directory, join(directory, 'recording.json')], directory);
    expect(diffed.code).toBe(0);
    expect(diffed.stdout).toContain('No case differs.');

    const refused = await commandInProcess(['serve', '--replay', join(directory, 'cases')], directory);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${join(directory, 'cases', 'recording.json')}: the file does not exist`);
  });
});

describe('a run stopped by SIGINT with --record', () => {
  it('writes the recording of the cases it judged, as it writes their reports', async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'lesm-recorded-')), 'stopped');
    const exited = new Promise<number>((resolve) => {
      vi.spyOn(process, 'exit').mockImplementation((code) => {
        resolve(Number(code));
        return undefined as never;
      });
    });
    const sent = (): number => target.proxy.seen.filter((operation) => operation.startsWith(createMapping)).length;
    const waiting = setInterval(() => {
      if (sent() < 3) return;
      clearInterval(waiting);
      process.emit('SIGINT');
    }, 5);
    try {
      const run = await runInProcess(['--target', target.proxy.url, '--record', directory, '--grep', '^BatchSize/(sqs|kinesis)/', '--property-runs', '0', '--concurrency', '1']);
      expect(await exited).toBe(130);
      const report = readResults(run);
      expect(report.complete).toBe(false);
      const judged = report.cases.filter((result) => result.request !== null).map((result) => result.id);
      expect(judged.length).toBeGreaterThan(0);
      expect(judged.length).toBeLessThan(report.cases.length);
      expect(run.stderr).toContain(`recorded ${judged.length} cases to ${directory}`);
      const index = JSON.parse(readFileSync(join(directory, 'recording.json'), 'utf8')) as { cases: { id: string }[] };
      expect(index.cases.map((entry) => entry.id)).toEqual(judged);
      expect(readdirSync(join(directory, 'cases'))).toHaveLength(judged.length);
    } finally {
      clearInterval(waiting);
      vi.restoreAllMocks();
    }
  });
});
