/**
 * The record of a run: what the runner produces for each case and what every reporter reads.
 * Plain JSON data, written as it is to results.json and read back by `diff`.
 */
import type { Outcome } from './cases/case.ts';
import type { CheckName } from './checks/index.ts';
import type { SourceType } from './spec/types.ts';
import type { RequestCounts } from './transport/request-pacer.ts';
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
  /** The documentation sentence `clause` stands for, word for word; empty when the case's source gives none (a Pact file written elsewhere). */
  readonly doc: string;
  readonly title: string;
  /** The source type the case is about; null for a case whose verdict does not depend on one (a wrong JSON type, a missing field). */
  readonly sourceType: SourceType | null;
  readonly outcome: CaseOutcome;
  /**
   * The id of the finding that explains this case first (see Finding), set when the report is
   * built; null for a case that passed or was skipped, and in a result not yet in a report.
   */
  readonly finding: string | null;
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
  /** Values sent while shrinking, failing or not. */
  readonly shrinkRequests: number;
  /**
   * The bound on those (--max-shrink-requests) when shrinking stopped at it, so that a smaller value
   * may break the rule too; null when shrinking ended on its own.
   */
  readonly shrinkLimit: number | null;
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
  /** True when the run sent only some of the edition's cases (a shard always does): its verdict is about those alone. */
  readonly partial: boolean;
  /** Present when the run was one slice of a split run (--shard I/N); `merge` joins the slices. */
  readonly shard?: ShardScope;
}

/** One of N slices of a run's selected cases: the cases at positions index-1, index-1+count, … of the selection. */
export interface ShardScope {
  /** From 1 to count. */
  readonly index: number;
  readonly count: number;
  /** How many cases the whole selection has (repeats included), before slicing. */
  readonly selectedCases: number;
  /** Whether the whole selection is only some of the edition's cases (the `partial` of the joined run). */
  readonly selectionPartial: boolean;
}

export interface RunSummary {
  readonly total: number;
  readonly pass: number;
  readonly fail: number;
  readonly error: number;
  readonly skip: number;
}

/** What was observed of the answers behind a finding: the status (null: no answer) and the error type of an error answer. */
export interface ObservedOutcome {
  readonly status: number | null;
  readonly errorType: string | null;
}

/**
 * Failing (or unjudged) cases that share a signature: the check that failed, the expected
 * outcome, the observed status and error type. One cause, to be fixed once.
 */
export interface Finding {
  /** Derived from the signature alone, so the same failures have the same id in every run: "status-201-for-202". */
  readonly id: string;
  /** The cause in a sentence: "a successful create answered 201, the documentation says 202". */
  readonly headline: string;
  readonly check: CheckName;
  /** What the cases expect, in describe-expectation.ts's words: "202", "400 InvalidParameterValueException". */
  readonly expected: string;
  readonly observed: ObservedOutcome;
  /** The clauses of the failed checks, sorted, each once. */
  readonly clauses: readonly string[];
  /** In report order. */
  readonly caseIds: readonly string[];
  /**
   * The `reproduce` command that makes the fixtures of the first case, sends it again and prints
   * its verdict; null when the run's cases are not an edition's (a Pact file's interactions).
   */
  readonly reproduce: string | null;
  /** A curl command that sends the first case's request again, with no secret in it: it names the run's fixtures, gone unless the run had --keep-fixtures. */
  readonly curl: string;
}

export type CertificationLevel = 0 | 1 | 2 | 3;

/** A level not reached, and the cases that keep it back. */
export interface LevelKeptBack {
  readonly level: Exclude<CertificationLevel, 0>;
  readonly caseIds: readonly string[];
}

/** The conformance level a target can claim from this run (the rules are in the README). */
export interface Certification {
  /** The highest level reached; 0 is no level. */
  readonly level: CertificationLevel;
  /** Why this run certifies nothing whatever its cases say (incomplete, a subset of the edition); null when it can certify. */
  readonly uncertified: string | null;
  /** Each level above `level`, lowest first, with the cases keeping it back. */
  readonly keptBack: readonly LevelKeptBack[];
}

export interface RunReport {
  readonly tool: ToolIdentity;
  readonly target: string;
  /** The target's name for people (--label): its origin, or "reference server", unless given. */
  readonly label: string;
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
  /**
   * What the run's requests cost (API calls, requests, throttled answers, retries, waiting) when
   * the reports were written; null when not counted. The fixtures' deletion, which goes on as they
   * are written, is in the console's count, not in this one.
   */
  readonly requests: RequestCounts | null;
  /** The --expectations gate; null when the run had none. */
  readonly gate: GateSummary | null;
  readonly certification: Certification;
  /** Ordered by how many cases each explains, most first; ties in the order of CHECK_NAMES, then by id. */
  readonly findings: readonly Finding[];
  readonly cases: readonly CaseResult[];
}

/** The part of a result that describes the case itself; a generated Case fits. */
export type CaseIdentity = Pick<CaseResult, 'id' | 'clause' | 'doc' | 'title' | 'sourceType' | 'expected'>;

/** The record's own fields of a case: a generated Case's expectation also carries its checks. */
export function caseIdentity(testCase: CaseIdentity): CaseIdentity {
  const { status, errorTypes, alsoAccepted, why } = testCase.expected;
  return { id: testCase.id, clause: testCase.clause, doc: testCase.doc, title: testCase.title, sourceType: testCase.sourceType, expected: { status, errorTypes, alsoAccepted, why } };
}

/** A case with no answer to judge: kept back (`skip`) or broken before it was judged (`error`). */
export function unjudged(testCase: CaseIdentity, outcome: 'skip' | 'error', check: CheckName, message: string): CaseResult {
  return {
    ...caseIdentity(testCase),
    outcome,
    finding: null,
    request: null,
    response: null,
    reasons: [{ check, clause: testCase.clause, message }],
    durationMs: 0,
    attempts: 0,
    gate: null,
  };
}

/** The tool and version that wrote a report, so that a results.json found later can be traced to the code that judged it. */
export interface ToolIdentity {
  readonly name: string;
  readonly version: string;
}
