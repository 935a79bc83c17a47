// --update-expectations: the known deviations of a run, written in the format --expectations reads,
// so that a team adopts the gate in one step. Entries that still apply keep their reason and link;
// a property case's entry gathers every form it was seen in, run after run.
import type { CaseResult, DeviationForm } from '../results.ts';
import { baseCaseId, matchesCase } from './case-pattern.ts';
import { entryFor } from './classify.ts';
import { describeForm, formOf, sameForm } from './deviation-form.ts';
import { boundedReason, MAX_FORMS, type Expectation, type Expectations } from './expectations.ts';

export type ExpectationEntry = Omit<Expectation, 'line'>;

export interface UpdateScope {
  /** The ids the edition generates before any --grep: an entry that matches none of them is stale, and dropped. */
  readonly editionCaseIds: readonly string[];
  /** The property cases' ids: what they answer follows the values drawn, so their forms add up over runs. */
  readonly drawnCaseIds: ReadonlySet<string>;
  /**
   * The run drew with another seed than the file records: it explores other values, so it adds
   * the forms it sees and takes no property case's entry away for passing.
   */
  readonly exploring: boolean;
}

/**
 * One entry per failing case of the run (its first round under --repeat), sorted by case id; and
 * the previous entries for cases of the edition the run did not send (a --grep selection), as they
 * were. Entries that match no case of the edition (stale) are dropped.
 */
export function updatedExpectations(cases: readonly CaseResult[], previous: Expectations | null, scope: UpdateScope): ExpectationEntry[] {
  const sent = new Set(cases.map((result) => baseCaseId(result.id)));
  const entries = new Map<string, ExpectationEntry>();
  for (const result of cases) {
    const id = baseCaseId(result.id);
    if (entries.has(id)) continue;
    const before = entryFor(id, previous?.entries ?? []);
    const drawn = scope.drawnCaseIds.has(id);
    if (result.outcome === 'fail' || result.outcome === 'error') entries.set(id, failingEntry(id, result, result.outcome, before, drawn));
    else if (drawn && scope.exploring && before !== undefined) entries.set(id, { ...entryOf(before), pattern: id });
  }
  const unsent = scope.editionCaseIds.filter((id) => !sent.has(id));
  const kept = (previous?.entries ?? []).filter((entry) => !entries.has(entry.pattern) && unsent.some((id) => matchesCase(entry.pattern, id)));
  return [...entries.values(), ...kept.map(entryOf)].sort((a, b) => (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));
}

function failingEntry(id: string, result: CaseResult, outcome: 'fail' | 'error', before: Expectation | undefined, drawn: boolean): ExpectationEntry {
  const observed = formOf(result);
  const sameOutcome = before !== undefined && before.outcome === outcome;
  if (sameOutcome && before.forms.some((form) => sameForm(form, observed))) return { ...entryOf(before), pattern: id };
  if (sameOutcome && drawn) {
    return { ...entryOf(before), pattern: id, forms: withForm(before.forms, observed), reason: boundedReason(`${before.reason}; also answers ${describeForm(observed)}: ${observedReason(result)}`) };
  }
  return { pattern: id, outcome, forms: [observed], reason: boundedReason(observedReason(result)), link: null };
}

/** The forms with one more; past MAX_FORMS the earliest listed give way. */
function withForm(forms: readonly DeviationForm[], form: DeviationForm): DeviationForm[] {
  return [...forms, form].slice(-MAX_FORMS);
}

function entryOf({ line: _line, ...entry }: Expectation): ExpectationEntry {
  return entry;
}

/** What the judge said, until a person writes why. */
function observedReason(result: CaseResult): string {
  const shown = result.reasons.slice(0, 3).map((reason) => reason.message);
  const more = result.reasons.length > shown.length ? `; and ${result.reasons.length - shown.length} more` : '';
  return `${shown.join('; ') || result.outcome}${more}`;
}
