import type { AcceptedOutcome, OutcomeKind, Refusable, Spec, UnspecifiedKind } from '../spec/types.ts';
import type { Expectation, Outcome, ResponseCheck } from './case.ts';

/** The expectation for a request the spec says must be refused in a given way (an entry of `outcomes`). */
export function refusal(spec: Spec, kind: OutcomeKind | (string & {})): Expectation {
  const rule = spec.outcomes[kind];
  if (rule === undefined) throw new Error(`The spec has no outcome "${kind}"`);
  return expectationOf(rule.accept, rule.why, []);
}

/** The refusal a breach of `rule` gets: the outcome it names, else the edition-wide one for its kind. */
export function refusalOf(spec: Spec, rule: Refusable, kind: 'typeViolation' | 'constraintViolation' | 'ruleViolation'): Expectation {
  return refusal(spec, rule.outcome ?? kind);
}

/** The expectation for a question the documentation leaves open (an entry of `unspecified`): every outcome it allows. */
export function openQuestion(spec: Spec, kind: UnspecifiedKind | (string & {}), checks: readonly ResponseCheck[] = []): Expectation {
  const rule = spec.unspecified[kind];
  if (rule === undefined) throw new Error(`The spec has no open question "${kind}"`);
  return expectationOf(rule.accept, rule.why, checks);
}

export function acceptance(spec: Spec, why: string, checks: readonly ResponseCheck[]): Expectation {
  return expectationOf([{ status: spec.response.status.code }], why, checks);
}

/**
 * Any of several expectations: what a value that breaks several rules at once may get, since a
 * service may check them in any order. Outcomes are kept once each, in order; checks are the first's.
 */
export function anyOf(expectations: readonly Expectation[], why: string): Expectation {
  const outcomes = expectations.flatMap((expected) => [expected, ...expected.alsoAccepted]).map((outcome): Outcome => ({ status: outcome.status, errorTypes: outcome.errorTypes }));
  const distinct = outcomes.filter((outcome, index) => outcomes.findIndex((other) => JSON.stringify(other) === JSON.stringify(outcome)) === index);
  const [first, ...rest] = distinct;
  if (first === undefined) throw new Error('anyOf needs at least one expectation');
  return { ...first, alsoAccepted: rest, why, checks: expectations[0]?.checks ?? [] };
}

function expectationOf(accept: readonly AcceptedOutcome[], why: string, checks: readonly ResponseCheck[]): Expectation {
  const [first, ...rest] = accept.map(toOutcome);
  if (first === undefined) throw new Error('A spec outcome rule accepts nothing');
  return { ...first, alsoAccepted: rest, why, checks: first.status < 300 || rest.some((outcome) => outcome.status < 300) ? checks : [] };
}

function toOutcome(accepted: AcceptedOutcome): Outcome {
  return { status: accepted.status, errorTypes: accepted.errorTypes ?? [] };
}

/** The clauses an expectation exercises: the errors it names and, for a success, the status. */
export function clausesOfExpectation(spec: Spec, expected: Expectation): string[] {
  const clauses = [expected, ...expected.alsoAccepted].flatMap((outcome) =>
    outcome.status < 300 ? [spec.response.status.clause] : outcome.errorTypes.flatMap((type) => spec.errors[type]?.clause ?? []),
  );
  const checked = expected.checks.flatMap((check) =>
    check.kind === 'response_schema_conformance' ? [check.clause, ...Object.values(check.fieldClauses)] : [check.clause],
  );
  return [...clauses, ...checked];
}
