// --update-expectations: the known deviations of a run, written in the format --expectations reads,
// so that a team adopts the gate in one step. Entries that still apply keep their reason and link.
import type { CaseResult } from '../results.ts';
import { baseCaseId, matchesCase } from './case-pattern.ts';
import { entryFor, gateOf } from './classify.ts';
import { formOf } from './deviation-form.ts';
import type { Expectation, Expectations } from './expectations.ts';

export type ExpectationEntry = Omit<Expectation, 'line'>;

/**
 * One entry per failing case of the run (its first round under --repeat), sorted by case id; and
 * the previous entries for cases of the edition the run did not send (a --grep selection), as they
 * were. Entries that match no case of the edition (stale) are dropped.
 */
export function updatedExpectations(cases: readonly CaseResult[], previous: Expectations | null, editionCaseIds: readonly string[]): ExpectationEntry[] {
  const sent = new Set(cases.map((result) => baseCaseId(result.id)));
  const entries = new Map<string, ExpectationEntry>();
  for (const result of cases) {
    const id = baseCaseId(result.id);
    if ((result.outcome !== 'fail' && result.outcome !== 'error') || entries.has(id)) continue;
    const before = entryFor(id, previous?.entries ?? []);
    const stillApplies = before !== undefined && gateOf(result, before).status === 'expected';
    entries.set(id, {
      pattern: id,
      outcome: result.outcome,
      form: formOf(result),
      reason: stillApplies ? before.reason : observedReason(result),
      link: stillApplies ? before.link : null,
    });
  }
  const unsent = editionCaseIds.filter((id) => !sent.has(id));
  const kept = (previous?.entries ?? []).filter((entry) => !entries.has(entry.pattern) && unsent.some((id) => matchesCase(entry.pattern, id)));
  return [...entries.values(), ...kept.map(({ line: _line, ...entry }) => entry)].sort((a, b) => (a.pattern < b.pattern ? -1 : a.pattern > b.pattern ? 1 : 0));
}

/** What the judge said, until a person writes why. */
function observedReason(result: CaseResult): string {
  const shown = result.reasons.slice(0, 3).map((reason) => reason.message);
  const more = result.reasons.length > shown.length ? `; and ${result.reasons.length - shown.length} more` : '';
  return `${shown.join('; ') || result.outcome}${more}`;
}

const HEADER = `# Known deviations of a target, for \`lambda-esm-conformance run --expectations FILE\`: the run
# fails only on a regression (a failing case not listed here, or one that fails otherwise than
# listed) or an unexpected pass (a listed case that passes).
# Written by \`run --update-expectations FILE\`, which keeps the reason and link of every entry that
# still applies: edit them, they survive the next update.
# An entry: \`case\` (an id, or a glob: \`*\` within a segment, \`**\` across), \`outcome\` (fail,
# error or skip), \`form\` (the status and error type observed; null for none), \`reason\`, \`link\` (optional).
`;

export function renderExpectations(entries: readonly ExpectationEntry[]): string {
  if (entries.length === 0) return `${HEADER}expectations: []\n`;
  const lines = entries.map((entry) =>
    [
      `  - case: ${scalar(entry.pattern)}`,
      `    outcome: ${entry.outcome}`,
      `    form: { status: ${entry.form.status ?? 'null'}, errorType: ${entry.form.errorType === null ? 'null' : scalar(entry.form.errorType)} }`,
      `    reason: ${JSON.stringify(entry.reason)}`,
      ...(entry.link === null ? [] : [`    link: ${JSON.stringify(entry.link)}`]),
    ].join('\n'),
  );
  return `${HEADER}expectations:\n${lines.join('\n')}\n`;
}

// Plain where YAML reads it back as the same text; JSON-quoted (valid YAML) otherwise.
function scalar(text: string): string {
  return /^[A-Za-z][\w./#-]*$/.test(text) && !/^(null|true|false|yes|no|on|off|y|n)$/i.test(text) ? text : JSON.stringify(text);
}
