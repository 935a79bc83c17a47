// A target for the runner's tests: its creates wait until the test releases them, it maps a
// function to a source at most once (a second mapping is a 409, as in Lambda), deletes at once, and
// records every mapping it holds.
import type { Observation, Transport, WireRequest } from '../../../src/transport/types.ts';

export const arnOf = (name: string): string => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;

export interface HeldTargetOptions {
  /** Throw (as a transport does only for a programmer's error) on a create whose body holds this. */
  readonly throwsFor?: string;
  /** Release the waiting creates the last first, so that they end in another order than they began. */
  readonly lastFirst?: boolean;
}

export class HeldTarget implements Transport {
  readonly url = 'http://held.invalid';
  readonly timeoutMs = 1_000;
  /** `function source` of every mapping that exists, by UUID. */
  readonly mappings = new Map<string, string>();
  /** The function of every create, in the order they were sent. */
  readonly creates: string[] = [];
  readonly conflicts: string[] = [];
  /** The most creates that were waiting at once. */
  mostHeld = 0;
  private held: Array<() => void> = [];
  private next = 0;

  constructor(private readonly options: HeldTargetOptions = {}) {}

  get waiting(): number {
    return this.held.length;
  }

  async send(request: WireRequest): Promise<Observation> {
    if (request.method === 'DELETE') {
      this.mappings.delete(decodeURIComponent(request.path.split('/').pop() ?? ''));
      return this.answer(request, 204, '');
    }
    if (request.method === 'GET') return this.answer(request, 404, '{}');
    if (this.options.throwsFor !== undefined && (request.body ?? '').includes(this.options.throwsFor)) throw new Error('a malformed WireRequest');
    const body = JSON.parse(request.body ?? '{}') as { FunctionName?: string; EventSourceArn?: string };
    this.creates.push(body.FunctionName ?? '');
    await new Promise<void>((resolve) => {
      this.held.push(resolve);
      this.mostHeld = Math.max(this.mostHeld, this.held.length);
    });
    const pair = `${body.FunctionName ?? ''} ${body.EventSourceArn ?? ''}`;
    if ([...this.mappings.values()].includes(pair)) {
      this.conflicts.push(pair);
      return this.answer(request, 409, '{"Type":"User","message":"exists"}', 'ResourceConflictException');
    }
    const uuid = `00000000-0000-4000-8000-${String((this.next += 1)).padStart(12, '0')}`;
    this.mappings.set(uuid, pair);
    return this.answer(request, 202, JSON.stringify({ UUID: uuid, FunctionArn: arnOf(body.FunctionName ?? 'fn'), EventSourceArn: body.EventSourceArn, State: 'Creating' }));
  }

  /** Lets the creates waiting now answer; answers how many there were. */
  release(): number {
    const waiting = this.held.splice(0);
    if (this.options.lastFirst === true) waiting.reverse();
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
