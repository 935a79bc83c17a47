import { DEFAULT_FAULT_SEED, faultOptionsProblem, type FaultOptions } from './fault-options.ts';
import { seededRandom } from './seeded-random.ts';

export type FaultKind = 'throttle' | 'error' | 'reset' | 'malformed' | 'hang';

export interface FaultDecision {
  readonly latencyMs: number;
  readonly fault: FaultKind | undefined;
}

const NO_FAULT: FaultDecision = { latencyMs: 0, fault: undefined };

// Decides, request by request, which fault (if any) a request in scope gets. Exactly one number is
// drawn per request in scope, whatever the rates, so a seed fixes the sequence of draws and the rates
// only divide [0, 1) into bands: throttle, then error, reset, malformed, hang, then no fault.
export class FaultPlan {
  private readonly draw: () => number;
  private readonly bands: ReadonlyArray<readonly [FaultKind, number]>;

  constructor(private readonly options: FaultOptions = {}) {
    const problem = faultOptionsProblem(options);
    if (problem !== undefined) throw new RangeError(`Invalid fault options: ${problem}`);
    this.draw = seededRandom(options.seed ?? DEFAULT_FAULT_SEED);
    this.bands = [
      ['throttle', options.throttleRate ?? 0],
      ['error', options.errorRate ?? 0],
      ['reset', options.resetRate ?? 0],
      ['malformed', options.malformedRate ?? 0],
      ['hang', options.hangRate ?? 0],
    ];
  }

  // True when the plan can change anything, so the server skips the machinery otherwise.
  get active(): boolean {
    return (this.options.latencyMs ?? 0) > 0 || this.bands.some(([, rate]) => rate > 0);
  }

  inScope(operation: string): boolean {
    return (this.options.scope ?? 'create-event-source-mapping') === 'all' || operation === 'CreateEventSourceMapping';
  }

  decide(operation: string): FaultDecision {
    if (!this.active || !this.inScope(operation)) return NO_FAULT;
    const roll = this.draw();
    let upper = 0;
    for (const [kind, rate] of this.bands) {
      upper += rate;
      if (roll < upper) return { latencyMs: this.options.latencyMs ?? 0, fault: kind };
    }
    return { latencyMs: this.options.latencyMs ?? 0, fault: undefined };
  }
}
