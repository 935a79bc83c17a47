// Each edition judged against a server of the other: the edition diff is complete, since no case
// outside it fails, and the changes it names are what a target of the other edition trips over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROPERTY_RUNS } from '../../cli/commands/flag-tables.ts';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { editionDiff, type Consequence } from '../../src/cases/edition-diff.ts';
import type { Case } from '../../src/cases/case.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { idsWith, readResults, runInProcess, type InProcessRun } from './support/cli-run.ts';
import { editionCases } from '../../src/cases/edition-cases.ts';

// Property cases included, as a run has them by default; which values they draw does not matter to the
// diff, and the runs draw two each (with --seed 1, the same two every time) instead of ten.
const casesOf = (edition: string): Case[] => {
  const spec = loadEdition(edition);
  return editionCases(spec, { runs: DEFAULT_PROPERTY_RUNS, seed: 0 });
};
const differences = editionDiff(casesOf('seed'), casesOf('current'));
const differing = new Set(differences.map((difference) => difference.id));
const idsWhere = (direction: 'firstTargetUnderSecond' | 'secondTargetUnderFirst', consequence: Consequence): string[] =>
  differences.filter((difference) => difference[direction] === consequence).map((difference) => difference.id);

let seedServer: ReferenceServer;
let currentServer: ReferenceServer;
let currentOnSeed: InProcessRun;
let seedOnCurrent: InProcessRun;

beforeAll(async () => {
  [seedServer, currentServer] = await Promise.all([startReferenceServer({ edition: 'seed' }), startReferenceServer({ edition: 'current' })]);
  currentOnSeed = await runInProcess(['--edition', 'current', '--target', seedServer.url, '--seed', '1', '--property-runs', '2']);
  seedOnCurrent = await runInProcess(['--edition', 'seed', '--target', currentServer.url, '--seed', '1', '--property-runs', '2']);
}, 120_000);

afterAll(async () => {
  await Promise.all([seedServer.close(), currentServer.close()]);
});

function failing(run: InProcessRun): string[] {
  const report = readResults(run);
  expect(report.complete).toBe(true);
  return [...idsWith(report, 'fail'), ...idsWith(report, 'error')];
}

describe('an edition judged against a server of the other edition', () => {
  it('current on a seed server fails only cases the edition diff names, today\'s changes among them', () => {
    expect(currentOnSeed.code, currentOnSeed.stderr).toBe(1);
    const failed = failing(currentOnSeed);
    expect(failed.filter((id) => !differing.has(id))).toEqual([]);
    expect(failed).toEqual(expect.arrayContaining(['BatchSize/dynamodb/10000', 'BatchSize/sqs/11', 'StartingPosition/kinesis/EARLIEST', 'EventSourceArn/sqs/absent', 'FunctionName/absent']));
    // What the diff says a seed target must fail under current, it fails; what it says it passes, it passes.
    expect(idsWhere('firstTargetUnderSecond', 'fails').length).toBeGreaterThan(20);
    expect(idsWhere('firstTargetUnderSecond', 'fails').filter((id) => !failed.includes(id))).toEqual([]);
    expect(idsWhere('firstTargetUnderSecond', 'passes').filter((id) => failed.includes(id))).toEqual([]);
  });

  it('seed on a current server fails only cases the edition diff names, the 2019 answers among them', () => {
    expect(seedOnCurrent.code, seedOnCurrent.stderr).toBe(1);
    const failed = failing(seedOnCurrent);
    expect(failed.filter((id) => !differing.has(id))).toEqual([]);
    expect(failed).toEqual(expect.arrayContaining(['BatchSize/dynamodb/1001', 'StartingPosition/kinesis/EARLIEST', 'EventSourceArn/kinesis/absent', 'FunctionName/absent', 'BatchSize/kinesis/0']));
    expect(idsWhere('secondTargetUnderFirst', 'fails').length).toBeGreaterThan(20);
    expect(idsWhere('secondTargetUnderFirst', 'fails').filter((id) => !failed.includes(id))).toEqual([]);
    expect(idsWhere('secondTargetUnderFirst', 'passes').filter((id) => failed.includes(id))).toEqual([]);
  });
});
