// A Transport that answers from a script, for tests of what the runner and the state handlers send.
import type { Observation, Transport, WireRequest } from '../../src/transport/types.ts';

/** A target that answers each request from a script, and records the method and path of every request. */
export class ScriptedTarget implements Transport {
  readonly url = 'http://scripted.invalid';
  readonly sent: string[] = [];

  constructor(
    private readonly script: (request: WireRequest) => { status: number; body: string },
    readonly timeoutMs = 100,
  ) {}

  async send(request: WireRequest): Promise<Observation> {
    this.sent.push(`${request.method} ${request.path}`);
    const { status, body } = this.script(request);
    return {
      request: { method: request.method, url: `${this.url}${request.path}`, headers: {}, body: request.body },
      response: { status, headers: { 'content-type': 'application/json' }, body },
      transportError: null,
      attempts: 1,
      throttledAttempts: 0,
      durationMs: 1,
    };
  }

  async close(): Promise<void> {}
}
