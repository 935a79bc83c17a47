// `reproduce CASE_ID` sends one case with fixtures of its own and deletes them; `run --keep-fixtures`
// leaves a run's fixtures in place, so that the reports' curl lines work, and says how to delete them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { commandInProcess, runInProcess, type InProcessRun } from '../run/support/cli-run.ts';
import { describeWithMoto } from '../run/support/moto-describe.ts';
import { remainingFixtures, remainingMappings, runIdIn } from '../run/support/reference-state.ts';

const reproduce = (...argv: string[]): Promise<InProcessRun> => commandInProcess(['reproduce', ...argv], mkdtempSync(path.join(tmpdir(), 'lesm-reproduce-')));

/** Every resource the command said it created, and every one it said it deleted. */
function madeAndDeleted(stderr: string): { made: string[]; deleted: string[] } {
  const named = (verb: string) => [...stderr.matchAll(new RegExp(`^${verb} (.+)$`, 'gm'))].map((match) => (match[1] ?? '').replace(/ with permission.*$/, '')).sort();
  return { made: named('created'), deleted: named('deleted') };
}

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ edition: 'seed' });
});
afterAll(async () => {
  await server.close();
});

describe('reproduce', () => {
  it('sends one case with fixtures of its own, prints the request, the answer and the verdict, and deletes what it made', async () => {
    const run = await reproduce('BatchSize/sqs/11', '--target', server.url);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('case BatchSize/sqs/11: BatchSize 11 on Amazon Simple Queue Service');
    expect(run.stdout).toContain('  expected: 400 InvalidParameterValueException\n');
    expect(run.stdout).toMatch(/^request:\nPOST http:\/\/127\.0\.0\.1:\d+\/2015-03-31\/event-source-mappings\/$/m);
    expect(run.stdout).toContain('"BatchSize": 11');
    expect(run.stdout).toMatch(/^answer:\nHTTP 400$/m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('verdict: PASS: the answer conforms');
    const { made, deleted } = madeAndDeleted(run.stderr);
    expect(made.length).toBeGreaterThan(0);
    expect(deleted).toEqual(made);
    expect(await remainingFixtures(server.url, runIdIn(run.stderr))).toEqual([]);
    expect(await remainingMappings(server.url)).toEqual([]);
  });

  it('takes the id of a repeat for the case it repeats, and says which cases there are for an id the edition lacks', async () => {
    expect((await reproduce('BatchSize/sqs/11#3', '--target', server.url)).code).toBe(0);
    const unknown = await reproduce('BatchSize/sqs/12', '--target', server.url);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/the seed edition has no case "BatchSize\/sqs\/12": did you mean BatchSize\/sqs\/1\? "lambda-esm-conformance list --edition seed --grep '\^BatchSize\/'" lists the \d+ cases of BatchSize\./);
    expect((await reproduce('Nothing/like/it', '--target', server.url)).stderr).toContain('the seed edition has no case "Nothing/like/it": "lambda-esm-conformance list --edition seed" lists them all.');
    expect(unknown.stderr).not.toContain('created');
    const none = await reproduce('--target', server.url);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('reproduce needs the id of a case first');
  });
});

describe('run --keep-fixtures', () => {
  it("leaves the run's fixtures (not its cases' mappings) and prints the cleanup command, which deletes them", async () => {
    const run = await runInProcess(['--target', server.url, '--grep', '^BatchSize/sqs/1[01]$', '--keep-fixtures']);
    expect(run.code, run.stderr).toBe(0);
    const runId = runIdIn(run.stderr);
    expect(run.stderr).toContain(`--keep-fixtures: the fixtures of run ${runId} stay on ${server.url}; "lambda-esm-conformance cleanup --target ${server.url} --run-id ${runId}" deletes them.`);
    expect(run.stderr).not.toMatch(/^deleted (IAM role|SQS queue|Lambda function)/m);
    expect(await remainingFixtures(server.url, runId)).toEqual(expect.arrayContaining(['function', 'role', 'queue']));
    expect(await remainingMappings(server.url)).toEqual([]);

    const cleanup = /"(lambda-esm-conformance cleanup [^"]+)"/.exec(run.stderr)?.[1]?.split(' ').slice(1) ?? [];
    const swept = await commandInProcess(cleanup, mkdtempSync(path.join(tmpdir(), 'lesm-cleanup-')));
    expect(swept.code, swept.stderr).toBe(0);
    expect(await remainingFixtures(server.url, runId)).toEqual([]);
  });
});

// moto answers a valid create 201 where the documentation says 202: the case fails, and reproduce says so.
describeWithMoto('reproduce against moto', (moto) => {
  it('reproduces a failing case: exit 1, the 201 and the failed checks printed, nothing of it left on moto', async () => {
    const run = await reproduce('BatchSize/sqs/10', '--target', moto().url);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/^answer:\nHTTP 201$/m);
    expect(run.stdout).toContain('verdict: FAIL: the answer does not conform\n  status_code_conformance (BatchSize.sqs): expected 202, got 201');
    const runId = runIdIn(run.stderr);
    const left = Object.values(await moto().everything()).flat().filter((name) => name.includes(`lesm-${runId}-`));
    expect(left).toEqual([]);
    expect((await moto().everything())['mappings']).toEqual([]);
  }, 60_000);
});
