/**
 * The record of a run: what suites produce for each case and what every reporter reads.
 * Plain JSON data, so it crosses from the vitest worker to the reporters unchanged.
 */
import type { Outcome } from './cases/case.ts';
import type { CheckName } from './check-names.ts';
import type { SourceType } from './spec/types.ts';
import type { BodyTruncation } from './transport/types.ts';

export type CaseOutcome = 'pass' | 'fail' | 'error' | 'skip';

/** One failed check, named by what it verifies (status_code_conformance, …) and citing its clause. */
export interface Reason {
  readonly check: CheckName;
  readonly clause: string;
  readonly message: string;
}

export interface Verdict {
  /** `error`: the case could not be judged (no answer, a fixture missing). */
  readonly outcome: Exclude<CaseOutcome, 'skip'>;
  readonly reasons: readonly Reason[];
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** Secrets redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The bytes sent, or null when there was no body. */
  readonly body: string | null;
}

export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the body is JSON (and not nested too deep), else the raw text; only its head when truncated. */
  readonly body: unknown;
  /** Present only when the body was larger than the head the suite keeps. */
  readonly bodyTruncated?: BodyTruncation;
}

export interface CaseResult {
  readonly id: string;
  readonly clause: string;
  readonly title: string;
  readonly sourceType: SourceType | null;
  readonly outcome: CaseOutcome;
  readonly expected: Outcome & { readonly alsoAccepted: readonly Outcome[]; readonly why: string };
  /** Null when the case was never sent. */
  readonly request: RecordedRequest | null;
  readonly response: RecordedResponse | null;
  readonly reasons: readonly Reason[];
  readonly durationMs: number;
  /** Attempts made for the judged request, throttled retries included. */
  readonly attempts: number;
  /** How the gate of --expectations judged this case; null when the run had no expectations file. */
  readonly gate: CaseGate | null;
  /** A property case that failed: the smallest value found that breaks its rule (the case's request and response are its). */
  readonly counterexample?: Counterexample;
}

/** The value a failing property shrank to, as sent and answered, and what reproduces it. */
export interface Counterexample {
  readonly field: string;
  /** The value of the field after shrinking. */
  readonly value: number | string;
  readonly request: RecordedRequest | null;
  readonly response: RecordedResponse | null;
  /** Values drawn until the first that failed, that one included. */
  readonly runsUntilFailure: number;
  /** Smaller failing values shrinking went through to reach this one. */
  readonly shrinkSteps: number;
  /** The run's --seed: run again with it to draw the same values and reach the same counterexample. */
  readonly seed: number;
  /** fast-check's own seed of this property and the path of this value (for fast-check's replay). */
  readonly propertySeed: number;
  readonly path: string;
}

/** What a case did, as an expectations file records it: the status and error type observed (null when none). */
export interface DeviationForm {
  readonly status: number | null;
  readonly errorType: string | null;
}

/**
 * The gate's reading of a case: `conforms` (unlisted and not failing), `expected` (listed, and it
 * deviates exactly as listed), `unexpected-pass` (listed, and it passes), `regression` (failing and
 * unlisted, or deviating otherwise than listed).
 */
export type GateStatus = 'conforms' | 'expected' | 'unexpected-pass' | 'regression';

export interface CaseGate {
  readonly status: GateStatus;
  /** The expectations entry that covers the case; null when none does. */
  readonly entry: { readonly pattern: string; readonly reason: string; readonly link: string | null } | null;
  /** Why, in a phrase: "listed as 201 (no error type), answered 400 InvalidParameterValueException"; null for an unlisted case that conforms. */
  readonly note: string | null;
}

/** An expectations entry that matches no case of the edition: a renamed or removed case. */
export interface StaleEntry {
  readonly pattern: string;
  /** The entry's line in the expectations file. */
  readonly line: number;
}

export interface GateSummary {
  /** The expectations file, as given on the command line. */
  readonly file: string;
  readonly expected: number;
  readonly unexpectedPass: number;
  readonly regression: number;
  readonly stale: readonly StaleEntry[];
}

/** What was run: the selection, how often, and whether it is the whole edition. */
export interface RunScope {
  /** The --grep pattern; null when every case was selected. */
  readonly grep: string | null;
  readonly repeat: number;
  /** The --seed property cases draw their values from; null in a record made without one. */
  readonly seed: number | null;
  /** How many cases the edition generates, before any selection. */
  readonly editionCases: number;
  /** True when the run sent only some of the edition's cases: its verdict is about those alone. */
  readonly partial: boolean;
}

export interface RunSummary {
  readonly total: number;
  readonly pass: number;
  readonly fail: number;
  readonly error: number;
  readonly skip: number;
}

export interface RunReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly target: string;
  readonly edition: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** False when the run was interrupted or crashed before every case was judged. */
  readonly complete: boolean;
  /** Why the run is incomplete, in a sentence; null when complete. */
  readonly interruption: string | null;
  readonly scope: RunScope;
  readonly summary: RunSummary;
  /** The --expectations gate; null when the run had none. */
  readonly gate: GateSummary | null;
  readonly cases: readonly CaseResult[];
}

/** The part of a result that describes the case itself; a generated Case fits. */
export type CaseIdentity = Pick<CaseResult, 'id' | 'clause' | 'title' | 'sourceType' | 'expected'>;

/** The record's own fields of a case: a generated Case's expectation also carries its checks. */
export function caseIdentity(testCase: CaseIdentity): CaseIdentity {
  const { status, errorTypes, alsoAccepted, why } = testCase.expected;
  return { id: testCase.id, clause: testCase.clause, title: testCase.title, sourceType: testCase.sourceType, expected: { status, errorTypes, alsoAccepted, why } };
}

/** A case with no answer to judge: kept back (`skip`) or broken before it was judged (`error`). */
export function unjudged(testCase: CaseIdentity, outcome: 'skip' | 'error', check: CheckName, message: string): CaseResult {
  return {
    ...caseIdentity(testCase),
    outcome,
    request: null,
    response: null,
    reasons: [{ check, clause: testCase.clause, message }],
    durationMs: 0,
    attempts: 0,
    gate: null,
  };
}
