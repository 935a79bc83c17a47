// Which cases two editions judge differently: the cases a target that follows one edition fails
// when judged by the other. A case differs when only one edition has it, or when the editions send
// it differently (for a property, from other domains) or accept different answers to it (outcomes,
// or the checks of a success).
import type { Case, JsonValue, Outcome } from './case.ts';
import { describeExpectation } from './describe-expectation.ts';

/** What of a case the editions disagree on. */
export type CaseAspect = 'request' | 'outcome' | 'checks';

/**
 * What a target that answers as one edition says meets on the case when judged by the other:
 * `fails` when no answer the one accepts is accepted by the other, `passes` when every such answer
 * is (and the other checks nothing more of a success), `depends` on which answer it gives (where
 * its edition leaves a choice, or sends another request, or has no such case).
 */
export type Consequence = 'fails' | 'passes' | 'depends';

export interface EditionDifference {
  readonly id: string;
  /** Empty when only one edition has the case. */
  readonly aspects: readonly CaseAspect[];
  /** How each edition states the case; null for the edition that has no such case. */
  readonly first: CaseStatement | null;
  readonly second: CaseStatement | null;
  /** A target of the first edition judged by the second; null when the second has no such case. */
  readonly firstTargetUnderSecond: Consequence | null;
  /** A target of the second edition judged by the first; null when the first has no such case. */
  readonly secondTargetUnderFirst: Consequence | null;
}

export interface CaseStatement {
  readonly clause: string;
  /** Every answer that conforms, in the one wording of src/cases/describe-expectation.ts. */
  readonly expectation: string;
  /** The success checks, each as `kind field` (`default_value_conformance ParallelizationFactor`). */
  readonly checks: readonly string[];
}

/** The differences, in the first edition's case order, then the cases only the second has. */
export function editionDiff(first: readonly Case[], second: readonly Case[]): EditionDifference[] {
  const secondById = new Map(second.map((testCase) => [testCase.id, testCase]));
  const firstIds = new Set(first.map((testCase) => testCase.id));
  const differences: EditionDifference[] = [];
  for (const before of first) {
    const after = secondById.get(before.id);
    const aspects = after === undefined ? [] : differingAspects(before, after);
    if (after === undefined) {
      differences.push({ id: before.id, aspects, first: statementOf(before), second: null, firstTargetUnderSecond: null, secondTargetUnderFirst: 'depends' });
    } else if (aspects.length > 0) {
      // A property drawing strings draws them by its edition's own rules, which its case does not carry.
      const resent = aspects.includes('request') || drawsByRules(before) || drawsByRules(after);
      differences.push({
        id: before.id,
        aspects,
        first: statementOf(before),
        second: statementOf(after),
        firstTargetUnderSecond: resent ? 'depends' : consequence(before, after),
        secondTargetUnderFirst: resent ? 'depends' : consequence(after, before),
      });
    }
  }
  for (const after of second) {
    if (!firstIds.has(after.id)) differences.push({ id: after.id, aspects: [], first: null, second: statementOf(after), firstTargetUnderSecond: 'depends', secondTargetUnderFirst: null });
  }
  return differences;
}

function differingAspects(before: Case, after: Case): CaseAspect[] {
  const aspects: CaseAspect[] = [];
  if (canonical(before.request) !== canonical(after.request) || before.given !== after.given || canonical(before.property, DRAWING) !== canonical(after.property, DRAWING)) {
    aspects.push('request');
  }
  if (canonical(outcomeSet(before)) !== canonical(outcomeSet(after))) aspects.push('outcome');
  if (canonical(before.expected.checks, CITATIONS) !== canonical(after.expected.checks, CITATIONS)) aspects.push('checks');
  return aspects;
}

/** A target that answers `answered` as its edition says, judged by `judge`, on the same request. */
function consequence(answered: Case, judge: Case): Consequence {
  const given = outcomesOf(answered);
  const accepted = outcomesOf(judge);
  if (!given.some((outcome) => accepted.some((other) => overlap(outcome, other)))) return 'fails';
  const everyAnswerAccepted = given.every((outcome) => accepted.some((other) => covers(other, outcome)));
  const succeeds = given.some((outcome) => outcome.status < 300);
  const checked = new Set(answered.expected.checks.map((check) => canonical(check, CITATIONS)));
  const checksNothingMore = !succeeds || judge.expected.checks.every((check) => checked.has(canonical(check, CITATIONS)));
  return everyAnswerAccepted && checksNothingMore ? 'passes' : 'depends';
}

function drawsByRules(testCase: Case): boolean {
  return testCase.property !== null && testCase.property.values.kind !== 'integer';
}

function outcomesOf(testCase: Case): Outcome[] {
  return [testCase.expected, ...testCase.expected.alsoAccepted];
}

// An empty list of error types accepts any.
function overlap(a: Outcome, b: Outcome): boolean {
  return a.status === b.status && (a.errorTypes.length === 0 || b.errorTypes.length === 0 || a.errorTypes.some((type) => b.errorTypes.includes(type)));
}

function covers(wider: Outcome, narrower: Outcome): boolean {
  return wider.status === narrower.status && (wider.errorTypes.length === 0 || (narrower.errorTypes.length > 0 && narrower.errorTypes.every((type) => wider.errorTypes.includes(type))));
}

// The accepted answers as a set: the order the spec lists them in does not change what conforms.
function outcomeSet(testCase: Case): string[] {
  return [testCase.expected, ...testCase.expected.alsoAccepted].map((outcome) => `${outcome.status} ${[...outcome.errorTypes].sort().join('|')}`).sort();
}

function statementOf(testCase: Case): CaseStatement {
  return {
    clause: testCase.clause,
    expectation: describeExpectation(testCase.expected),
    checks: testCase.expected.checks.map((check) => ('field' in check ? `${check.kind} ${check.field}` : check.kind)),
  };
}

// Which clause a check cites is not what it checks: an edition that cites today's documentation for
// the same check judges the same answers the same way.
const CITATIONS = new Set(['clause', 'fieldClauses']);
// How many values a property draws, and from which seed, is the run's choice, not the edition's.
const DRAWING = new Set(['runs', 'runSeed', 'seed']);

/** JSON with object keys sorted (and the given keys left out), so that equal values compare equal whatever their key order. */
function canonical(value: unknown, leftOut: ReadonlySet<string> = new Set()): string {
  return JSON.stringify(value, (_key, inner: JsonValue) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).filter(([key]) => !leftOut.has(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
