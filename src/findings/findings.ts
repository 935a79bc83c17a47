// Pure: the failures of a run grouped by cause, so that a person reads a few causes, not a card per case.
import { describeExpectation, describeOutcome } from '../cases/describe-expectation.ts';
import type { Outcome } from '../cases/case.ts';
import { CHECK_NAMES, CHECK_WORDING, type CheckName } from '../checks/index.ts';
import type { CaseResult, Finding, ObservedOutcome, RecordedRequest, RecordedResponse } from '../results.ts';
import { errorTypeOf } from '../transport/error-type.ts';
import { findingIds, findingWords } from './finding-id.ts';
import { curlCommand, reproduceCommand, type Reproduction } from './reproduce.ts';

/** The findings of a run, and the finding that explains each failing case first. */
export interface RunFindings {
  readonly findings: readonly Finding[];
  /** Case id → the finding of its first failed check. */
  readonly findingOfCase: ReadonlyMap<string, string>;
}

type Judged = Pick<CaseResult, 'id' | 'outcome' | 'expected' | 'request' | 'response' | 'reasons' | 'counterexample'>;

interface Signature {
  readonly check: CheckName;
  readonly expected: string;
  readonly expectedSuccess: boolean;
  readonly observed: ObservedOutcome;
}

function observedOf(response: RecordedResponse | null): ObservedOutcome {
  if (response === null) return { status: null, errorType: null };
  if (response.status < 300) return { status: response.status, errorType: null };
  const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null);
  return { status: response.status, errorType: errorTypeOf({ status: response.status, headers: { ...response.headers }, body }) };
}

/**
 * What the case expects, narrowed to the answers nearest the one observed: those of the same
 * status (a wrong error type), else of the same kind, success or error ("202" when a case that
 * also accepts a 400 got a 201), else all of them. So the same wrong answer reads the same in
 * every case it appears in.
 */
function expectedNear(expected: Judged['expected'], status: number | null): { text: string; success: boolean } {
  const accepted: Outcome[] = [expected, ...expected.alsoAccepted];
  const sameStatus = accepted.filter((outcome) => outcome.status === status);
  const sameKind = status === null ? [] : accepted.filter((outcome) => outcome.status < 300 === status < 300);
  const near = sameStatus.length > 0 ? sameStatus : sameKind;
  if (near.length === 0) return { text: describeExpectation(expected), success: expected.status < 300 };
  return { text: near.map(describeOutcome).join(' or '), success: near.every((outcome) => outcome.status < 300) };
}

function observedText({ status, errorType }: ObservedOutcome): string | null {
  if (status === null) return null;
  return status < 300 ? String(status) : `${status} ${errorType ?? '(no error type)'}`;
}

function signatureKey(signature: Signature): string {
  return JSON.stringify([signature.check, signature.expected, signature.observed.status, signature.observed.errorType]);
}

/**
 * Groups the failing and unjudged cases by signature: the check that failed, the expected outcome
 * and the observed status and error type. A case with several failed checks (a 201 that is also
 * sent as text/html) belongs to the finding of each, since each is a deviation to fix; its own
 * `finding` is that of its first failed check, in the judge's order (status, error type, headers,
 * body), the one to fix first. Findings are ordered by how many cases each explains, then in the
 * judge's order of checks (a wrong status before the headers of the same answers), then by id.
 */
export function findingsOf(cases: readonly Judged[], reproduction: Reproduction | null = null): RunFindings {
  const groups = new Map<string, { signature: Signature; cases: Judged[]; clauses: Set<string> }>();
  const firstKeyOfCase = new Map<string, string>();
  for (const result of cases) {
    if (result.outcome !== 'fail' && result.outcome !== 'error') continue;
    const observed = observedOf(result.response);
    const near = expectedNear(result.expected, observed.status);
    for (const reason of result.reasons) {
      const signature: Signature = { check: reason.check, expected: near.text, expectedSuccess: near.success, observed };
      const key = signatureKey(signature);
      const group = groups.get(key) ?? { signature, cases: [], clauses: new Set<string>() };
      groups.set(key, group);
      if (group.cases.at(-1) !== result) group.cases.push(result);
      group.clauses.add(reason.clause);
      if (!firstKeyOfCase.has(result.id)) firstKeyOfCase.set(result.id, key);
    }
  }
  const ids = findingIds([...groups].map(([key, { signature }]) => findingWords(key, CHECK_WORDING[signature.check].prefix, observedText(signature.observed), signature.expected)));
  const findings = [...groups].map(([key, group]): Finding => finding(ids.get(key) ?? key, group.signature, group.cases, group.clauses, reproduction));
  findings.sort((a, b) => b.caseIds.length - a.caseIds.length || CHECK_NAMES.indexOf(a.check) - CHECK_NAMES.indexOf(b.check) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const findingOfCase = new Map([...firstKeyOfCase].map(([caseId, key]) => [caseId, ids.get(key) ?? key]));
  return { findings, findingOfCase };
}

function finding(id: string, signature: Signature, cases: readonly Judged[], clauses: ReadonlySet<string>, reproduction: Reproduction | null): Finding {
  const observed = observedText(signature.observed);
  const headline = CHECK_WORDING[signature.check].headline({
    expected: signature.expected,
    observed: observed ?? 'no answer',
    expectedSuccess: signature.expectedSuccess,
    observedSuccess: signature.observed.status === null ? null : signature.observed.status < 300,
  });
  const sent = cases.find((result): result is Judged & { readonly request: RecordedRequest } => result.request !== null);
  const first = sent ?? cases[0];
  return {
    id,
    headline,
    check: signature.check,
    expected: signature.expected,
    observed: signature.observed,
    clauses: [...clauses].sort(),
    caseIds: cases.map((result) => result.id),
    reproduce: reproduction === null || first === undefined ? null : reproduceCommand(first.id, reproduction, first.counterexample !== undefined),
    curl: sent === undefined ? '# no request was sent in these cases' : curlCommand(sent.request),
  };
}
