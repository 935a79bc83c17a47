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
import type { Observation, Transport, WireRequest } from '../../src/transport/types.ts';

const spec = loadEdition('seed');
const arnOf = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

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

/**
 * A target whose creates wait until the test releases them, which maps a function to a source at
 * most once (a second mapping is a 409, as in Lambda), deletes at once, and throws (as a transport
 * does only for a programmer's error) on a request whose body names `throwsFor`.
 */
class HeldTarget implements Transport {
  readonly url = 'http://held.invalid';
  readonly timeoutMs = 1_000;
  readonly mappings = new Map<string, string>();
  readonly conflicts: string[] = [];
  /** The most creates that were waiting at once. */
  mostHeld = 0;
  private held: Array<() => void> = [];
  private next = 0;

  constructor(private readonly throwsFor: string | null = null) {}

  get waiting(): number {
    return this.held.length;
  }

  async send(request: WireRequest): Promise<Observation> {
    if (request.method === 'DELETE') {
      this.mappings.delete(decodeURIComponent(request.path.split('/').pop() ?? ''));
      return this.answer(request, 204, '');
    }
    if (request.method === 'GET') return this.answer(request, 404, '{}');
    if (this.throwsFor !== null && (request.body ?? '').includes(this.throwsFor)) throw new Error('a malformed WireRequest');
    await new Promise<void>((resolve) => {
      this.held.push(resolve);
      this.mostHeld = Math.max(this.mostHeld, this.held.length);
    });
    const body = JSON.parse(request.body ?? '{}') as { FunctionName?: string; EventSourceArn?: string };
    const pair = `${body.FunctionName ?? ''} ${body.EventSourceArn ?? ''}`;
    if ([...this.mappings.values()].includes(pair)) {
      this.conflicts.push(pair);
      return this.answer(request, 409, '{"Type":"User","message":"exists"}', 'ResourceConflictException');
    }
    const uuid = `00000000-0000-4000-8000-${String((this.next += 1)).padStart(12, '0')}`;
    this.mappings.set(uuid, pair);
    return this.answer(request, 202, JSON.stringify({ UUID: uuid, FunctionArn: arnOf(body.FunctionName ?? 'fn'), EventSourceArn: body.EventSourceArn, State: 'Creating' }));
  }

  /** Lets the creates waiting now answer, the last first; answers how many there were. */
  release(): number {
    const waiting = this.held.splice(0).reverse();
    for (const resolve of waiting) resolve();
    return waiting.length;
  }

  async close(): Promise<void> {}

  private answer(request: WireRequest, status: number, body: string, errorType?: string): Observation {
    return {
      request: { method: request.method, url: `${this.url}${request.path}`, headers: {}, body: request.body },
      response: { status, headers: { 'content-type': 'application/json', ...(errorType !== undefined && { 'x-amzn-errortype': errorType }) }, body },
      transportError: null,
      attempts: 1,
      throttledAttempts: 0,
      durationMs: 1,
    };
  }
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
    const target = new HeldTarget();
    const rounds: number[] = [];
    const results = await drive(target, runCases(planOf(twoSources, 4), { transport: target, concurrency: 3 }), (waiting) => rounds.push(waiting));
    expect(results).toHaveLength(twoSources.length);
    expect(target.mostHeld).toBe(3);
    expect(rounds[0]).toBe(3);
  });

  it('calls onResult once per case, as each ends, with the results it answers', async () => {
    const target = new HeldTarget();
    const heard: CaseResult[] = [];
    const results = await drive(target, runCases(planOf(twoSources, 4), { transport: target, concurrency: 4, onResult: (result) => heard.push(result) }));
    expect(heard).toEqual(results);
    expect(heard.map((result) => result.id).sort()).toEqual(twoSources.map((testCase) => testCase.id).sort());
    // Released the last first: the order they ended in is not the order they started in.
    expect(heard.map((result) => result.id)).not.toEqual(results.map((result) => result.id).sort());
  });

  it('starts no case once its signal is aborted, and settles when those in flight have ended', async () => {
    const target = new HeldTarget();
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
    const target = new HeldTarget();
    const results = await drive(target, runCases(planOf(twoSources, 2), { transport: target, concurrency: 8 }));
    expect(target.conflicts).toEqual([]);
    expect(target.mappings.size).toBe(0);
    // Two functions on each of two sources: four of the eight hold a slot, the others wait for one.
    expect(target.mostHeld).toBe(4);
    expect(results.filter((result) => result.outcome === 'error')).toEqual([]);
  });

  it('turns a case whose running throws into an error on that case, and runs the others', async () => {
    const target = new HeldTarget('"BatchSize":0');
    const cases = selectCases(generateCases(spec), '^BatchSize/sqs/(0|1|10)$');
    expect(cases).toHaveLength(3);
    const results = await drive(target, runCases(planOf(cases, 1), { transport: target, concurrency: 2 }));
    const thrown = results.find((result) => result.id === 'BatchSize/sqs/0');
    expect(thrown?.outcome).toBe('error');
    expect(thrown?.reasons).toEqual([{ check: 'suite_error', clause: thrown?.clause, message: 'the case could not be run: a malformed WireRequest' }]);
    expect(results.filter((result) => result.id !== 'BatchSize/sqs/0').map((result) => result.outcome)).toEqual(['fail', 'fail']);
  });
});
