// Turns what a run judged into the RunReport every reporter renders. Pure, so the rules about
// incomplete runs are tested without running a case.
import { certificationOf } from '../findings/certification.ts';
import { findingsOf } from '../findings/findings.ts';
import type { Reproduction } from '../findings/reproduce.ts';
import { applyGate } from '../gate/classify.ts';
import type { Expectations } from '../gate/expectations.ts';
import { unjudged, type CaseIdentity, type CaseResult, type RunReport, type RunScope, type ToolIdentity } from '../results.ts';
import { countOutcomes } from './count-outcomes.ts';
import type { RequestCounts } from '../transport/request-pacer.ts';

/** A case the run was meant to judge, as the CLI planned it (a generated Case fits). */
export type PlannedCase = CaseIdentity;

/** Why the run stopped early, if it did. */
export interface RunStop {
  /** The sentence for the report, such as "The run was interrupted before every case was judged." */
  readonly interruption: string;
  /** The reason given to each planned case that has no result, such as "not run: the run was interrupted". */
  readonly notRun: string;
}

export interface RunFacts {
  readonly tool: ToolIdentity;
  readonly target: string;
  readonly label: string;
  readonly edition: string;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly plannedCases: readonly PlannedCase[];
  /** Why the planned cases are not every case of the edition (a `--grep`, a Pact file), or null when they are: such a run certifies no level. */
  readonly subset: string | null;
  /** The judged cases, by id. */
  readonly results: ReadonlyMap<string, CaseResult>;
  readonly stop: RunStop | null;
  readonly scope: RunScope;
  /** What the run's requests cost, as the rate limiter counted them; null when not counted. */
  readonly requests: RequestCounts | null;
  /** Where `reproduce` sends a finding's first case again; null when the cases are not an edition's (a Pact file's). */
  readonly reproduction: Omit<Reproduction, 'edition' | 'seed'> | null;
  /** The known deviations of --expectations, and the ids the edition generates (to tell a stale entry); null without. */
  readonly gate: { readonly expectations: Expectations; readonly editionCaseIds: readonly string[] } | null;
}

function notRun(planned: PlannedCase, message: string): CaseResult {
  return unjudged(planned, 'skip', 'not_run', message);
}

// Callers word interruptions their own way ("interrupted by SIGINT", "The run crashed: boom."); the
// report states it as a sentence either way.
function asSentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return 'The run stopped early.';
  const capitalised = `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}`;
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The report: planned cases in plan order (a planned case without a result becomes a `skip` that
 * says it was not run), then any judged case that was not planned. Incomplete when the run stopped
 * early or when any planned case has no result. The failures are grouped into findings and the
 * certification level is judged here, from the cases, so every reporter shows the same.
 */
export function buildRunReport(facts: RunFacts): RunReport {
  const plannedIds = new Set(facts.plannedCases.map((planned) => planned.id));
  const missing = facts.plannedCases.filter((planned) => !facts.results.has(planned.id));
  const notRunMessage = facts.stop?.notRun ?? 'not run: no result was reported for this case';
  const judged = [
    ...facts.plannedCases.map((planned) => facts.results.get(planned.id) ?? notRun(planned, notRunMessage)),
    ...[...facts.results.values()].filter((result) => !plannedIds.has(result.id)),
  ];
  const reproduction = facts.reproduction === null ? null : { ...facts.reproduction, edition: facts.edition, seed: facts.scope.seed };
  const { findings, findingOfCase } = findingsOf(judged, reproduction);
  const withFindings = judged.map((result) => ({ ...result, finding: findingOfCase.get(result.id) ?? null }));
  const gated = facts.gate === null ? null : applyGate(withFindings, facts.gate.expectations, facts.gate.editionCaseIds);
  const cases = gated?.cases ?? withFindings;
  const unjudged = missing.length === 0 ? '' : `${missing.length} of ${plural(facts.plannedCases.length, 'planned case')} ${missing.length === 1 ? 'was' : 'were'} not judged.`;
  const interruption = facts.stop !== null ? [asSentence(facts.stop.interruption), unjudged].filter((part) => part !== '').join(' ') : unjudged === '' ? null : unjudged;
  return {
    tool: facts.tool,
    target: facts.target,
    label: facts.label,
    edition: facts.edition,
    startedAt: facts.startedAt.toISOString(),
    durationMs: Math.max(0, Math.round(facts.durationMs)),
    complete: interruption === null,
    interruption,
    scope: facts.scope,
    summary: countOutcomes(cases),
    requests: facts.requests,
    gate: gated?.summary ?? null,
    certification: certificationOf(cases, { complete: interruption === null, subset: facts.subset }),
    findings,
    cases,
  };
}
