// What only the command line does with recordings: run --record writes one and says so,
// run --compare-recording says once which cases the recording lacks, diff takes two recordings,
// and serve --replay refuses a directory that holds none before it listens.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandInProcess, readResults, runInProcess } from '../run/support/cli-run.ts';

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
