// runCases, the one entry of a run: its pool bounds the cases in flight, its signal stops it
// starting more, its listener hears each case once, and no two cases map one function to one source.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.ts';
import { generateCases } from '../../src/cases/generate.ts';
import type { FixtureValues } from '../../src/cases/placeholders.ts';
import { selectCases } from '../../src/cases/select.ts';
import type { CaseResult } from '../../src/results.ts';
import { runCases } from '../../src/runner/run-cases.ts';
import type { RunPlan } from '../../src/runner/run-plan.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { arnOf, HeldTarget } from './support/held-target.ts';

const spec = loadEdition('seed');

function fixturesWith(functions: number): FixtureValues {
  return {
    functionName: 'fn',
    functionArn: arnOf('fn'),
    account: '123456789012',
    region: 'us-east-1',
    sourceArns: { kinesis: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', sqs: 'arn:aws:sqs:us-east-1:123456789012:q', dynamodb: 'arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2019' },
    otherFunctions: Array.from({ length: functions - 1 }, (_, index) => ({ name: `fn${index + 2}`, arn: arnOf(`fn${index + 2}`) })),
  };
}

function planOf(cases: readonly Case[], functions: number): RunPlan {
  return { edition: 'seed', spec, cases, fixtures: fixturesWith(functions), missingFixtures: [], ownsFixtures: true, maxShrinkRequests: 50 };
}


/** Until every case started has settled: lets the cases in flight reach the target, then answers them, round after round. */
async function drive(target: HeldTarget, run: Promise<CaseResult[]>, eachRound: (waiting: number) => void = () => {}): Promise<CaseResult[]> {
  let done = false;
  const finished = run.finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    eachRound(target.waiting);
    target.release();
  }
  return finished;
}

const sqsCases = selectCases(generateCases(spec), '^(BatchSize|Enabled|StartingPosition)/sqs/');
const twoSources = selectCases(generateCases(spec), '^(BatchSize|Enabled)/(sqs|kinesis)/');

describe('runCases', () => {
  it('keeps at most `concurrency` cases in flight, and as many while enough are left', async () => {
    const target = new HeldTarget({ lastFirst: true });
    const rounds: number[] = [];
    const results = await drive(target, runCases(planOf(twoSources, 4), { transport: target, concurrency: 3 }), (waiting) => rounds.push(waiting));
    expect(results).toHaveLength(twoSources.length);
    expect(target.mostHeld).toBe(3);
    expect(rounds[0]).toBe(3);
  });

  it('calls onResult once per case, as each ends, with the results it answers', async () => {
    const target = new HeldTarget({ lastFirst: true });
    const heard: CaseResult[] = [];
    const results = await drive(target, runCases(planOf(twoSources, 4), { transport: target, concurrency: 4, onResult: (result) => heard.push(result) }));
    expect(heard).toEqual(results);
    expect(heard.map((result) => result.id).sort()).toEqual(twoSources.map((testCase) => testCase.id).sort());
    // Released the last first: the order they ended in is not the order they started in.
    expect(heard.map((result) => result.id)).not.toEqual(results.map((result) => result.id).sort());
  });

  it('starts no case once its signal is aborted, and settles when those in flight have ended', async () => {
    const target = new HeldTarget({ lastFirst: true });
    const stop = new AbortController();
    const heard: string[] = [];
    const running = runCases(planOf(sqsCases, 2), { transport: target, concurrency: 2, signal: stop.signal, onResult: (result) => heard.push(result.id) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(target.waiting).toBe(2);
    stop.abort();
    const results = await drive(target, running);
    expect(results.map((result) => result.id)).toEqual(heard);
    expect(heard).toHaveLength(2);
    // The two in flight ended as they would have: sent, judged (this target accepts anything and echoes too little to pass), their mappings deleted.
    expect(results.map((result) => [result.outcome, result.response?.status])).toEqual([
      ['fail', 202],
      ['fail', 202],
    ]);
    expect(target.mappings.size).toBe(0);
  });

  it('never maps one function to one source for two cases at once, whatever the concurrency', async () => {
    const target = new HeldTarget({ lastFirst: true });
    const results = await drive(target, runCases(planOf(twoSources, 2), { transport: target, concurrency: 8 }));
    expect(target.conflicts).toEqual([]);
    expect(target.mappings.size).toBe(0);
    // Two functions on each of two sources: four of the eight hold a slot, the others wait for one.
    expect(target.mostHeld).toBe(4);
    expect(results.filter((result) => result.outcome === 'error')).toEqual([]);
  });

  it('turns a case whose running throws into an error on that case, and runs the others', async () => {
    const target = new HeldTarget({ throwsFor: '"BatchSize":0', lastFirst: true });
    const cases = selectCases(generateCases(spec), '^BatchSize/sqs/(0|1|10)$');
    expect(cases).toHaveLength(3);
    const results = await drive(target, runCases(planOf(cases, 1), { transport: target, concurrency: 2 }));
    const thrown = results.find((result) => result.id === 'BatchSize/sqs/0');
    expect(thrown?.outcome).toBe('error');
    expect(thrown?.reasons).toEqual([{ check: 'suite_error', clause: thrown?.clause, message: 'the case could not be run: a malformed WireRequest' }]);
    expect(results.filter((result) => result.id !== 'BatchSize/sqs/0').map((result) => result.outcome)).toEqual(['fail', 'fail']);
  });
});
