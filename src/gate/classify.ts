// The gate: each case of a run against the known deviations of an expectations file. A case that
// deviates as its entry says (one of the forms it lists) is expected; a listed case that passes is an unexpected pass;
// any other failing case is a regression. Pure, so every rule is tested on crafted results.
import type { CaseGate, CaseResult, GateSummary, StaleEntry } from '../results.ts';
import { isGlob, matchesCase } from './case-pattern.ts';
import { describeForm, describeForms, formOf, sameForm } from './deviation-form.ts';
import type { Expectation, Expectations } from './expectations.ts';

/** The entry that covers a case: the one naming its id exactly, else the first glob (in file order) that matches it. */
export function entryFor(id: string, entries: readonly Expectation[]): Expectation | undefined {
  return entries.find((entry) => !isGlob(entry.pattern) && matchesCase(entry.pattern, id)) ?? entries.find((entry) => isGlob(entry.pattern) && matchesCase(entry.pattern, id));
}

export function gateOf(result: Pick<CaseResult, 'outcome' | 'response'>, entry: Expectation | undefined): CaseGate {
  const observed = formOf(result);
  const failing = result.outcome === 'fail' || result.outcome === 'error';
  if (entry === undefined) {
    return failing ? { status: 'regression', entry: null, note: `not in the expectations file; ${describeOutcome(result.outcome, describeForm(observed))}` } : { status: 'conforms', entry: null, note: null };
  }
  const listed = { pattern: entry.pattern, reason: entry.reason, link: entry.link };
  const listedAs = `listed as ${describeOutcome(entry.outcome, describeForms(entry.forms))}`;
  if (result.outcome === 'pass') return { status: 'unexpected-pass', entry: listed, note: `${listedAs}, but it passes: remove the entry` };
  if (result.outcome === entry.outcome && entry.forms.some((form) => sameForm(observed, form))) return { status: 'expected', entry: listed, note: `deviates as listed: ${describeForm(observed)}` };
  return { status: 'regression', entry: listed, note: `${listedAs}, ${describeOutcome(result.outcome, describeForm(observed))}` };
}

function describeOutcome(outcome: CaseResult['outcome'], form: string): string {
  switch (outcome) {
    case 'fail':
      return `answered ${form}`;
    case 'error':
      return `could not be judged (${form})`;
    case 'skip':
      return 'skipped';
    case 'pass':
      return `passed with ${form}`;
  }
}

/**
 * Every case with its gate, and the counts. `editionCaseIds` are the ids the edition generates
 * before any --grep: an entry is stale only when it matches none of them, so entries for cases a
 * selection left out are not.
 */
export function applyGate(cases: readonly CaseResult[], expectations: Expectations, editionCaseIds: readonly string[]): { cases: CaseResult[]; summary: GateSummary } {
  const gated = cases.map((result) => ({ ...result, gate: gateOf(result, entryFor(result.id, expectations.entries)) }));
  const count = (status: CaseGate['status']): number => gated.filter((result) => result.gate.status === status).length;
  const stale: StaleEntry[] = expectations.entries
    .filter((entry) => !editionCaseIds.some((id) => matchesCase(entry.pattern, id)))
    .map((entry) => ({ pattern: entry.pattern, line: entry.line }));
  return {
    cases: gated,
    summary: { file: expectations.file, expected: count('expected'), unexpectedPass: count('unexpected-pass'), regression: count('regression'), stale },
  };
}
