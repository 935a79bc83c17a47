import type { ResponseCheck } from '../checks/index.ts';
import type { SourceType } from '../spec/types.ts';

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * A source a case can map: one of each source type, an SQS FIFO queue (`{{sqsFifo.arn}}`), which
 * today's AWS treats as a source of its own, and an SQS queue whose visibility timeout is below the
 * function's timeout (`{{sqsShortVisibility.arn}}`), which Lambda refuses to map. Those two are made
 * only for a case that names them.
 */
export type SourceFixture = SourceType | 'sqsShortVisibility';

/**
 * What must exist on the target before a case can be sent: the function, a published version of it
 * and an alias of that version (`{{function.version}}`, `{{function.alias}}`), and the sources.
 */
export type Fixture = 'function' | 'versionAndAlias' | SourceFixture;

export function isSourceFixture(fixture: Fixture): fixture is SourceFixture {
  return fixture !== 'function' && fixture !== 'versionAndAlias';
}

export interface CaseRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** An object sent as JSON, a raw string sent byte for byte (malformed bodies are cases), or null for no body. */
  readonly body: JsonObject | string | null;
}

/** One answer that conforms; an empty `errorTypes` accepts any error type. */
export interface Outcome {
  readonly status: number;
  readonly errorTypes: readonly string[];
}

/** Checks applied to a success answer, each named by what it verifies and citing its clause: one variant per module of src/checks/. */
export type { ResponseCheck };

export interface Expectation extends Outcome {
  /** Other answers the documentation leaves open; the case conforms with any of them. */
  readonly alsoAccepted: readonly Outcome[];
  /** Why these outcomes, in a sentence. */
  readonly why: string;
  /** Applied when the answer is a success. */
  readonly checks: readonly ResponseCheck[];
}

export interface Case {
  /** Stable across runs and targets: family/source/variant. */
  readonly id: string;
  /** The clause whose rule decides the outcome. */
  readonly clause: string;
  /** The documentation sentence behind that clause. */
  readonly doc: string;
  /** Every clause the case exercises (its own, its checks', the errors it expects). */
  readonly clauses: readonly string[];
  readonly title: string;
  readonly sourceType: SourceType | null;
  readonly request: CaseRequest;
  readonly fixtures: readonly Fixture[];
  /** The same request has created a mapping before this one is sent (for the duplicate rule). */
  readonly given: 'existing-mapping' | null;
  readonly expected: Expectation;
  /**
   * Null for a case that sends its one request. Otherwise a property: values drawn from a domain,
   * each sent and judged as a case of its own (`request` then shows where a value goes), and the
   * smallest value that breaks the rule reported.
   */
  readonly property: CaseProperty | null;
}

/** Whole numbers from `min` to `max`, both included. */
export interface IntegerInterval {
  readonly min: number;
  readonly max: number;
}

/** Where a property draws its values: integers from intervals, or strings for the field naming the function or the source. */
export type PropertyValues =
  | { readonly kind: 'integer'; readonly intervals: readonly IntegerInterval[] }
  | { readonly kind: 'function-name' }
  | { readonly kind: 'event-source-arn' };

export interface CaseProperty {
  readonly field: string;
  /** The values the spec accepts, or those it refuses. */
  readonly domain: 'valid' | 'invalid';
  readonly values: PropertyValues;
  /** How many values are drawn before any shrinking. */
  readonly runs: number;
  /** The run's --seed. */
  readonly runSeed: number;
  /** fast-check's seed for this property, derived from the run's seed and the case id. */
  readonly seed: number;
}
