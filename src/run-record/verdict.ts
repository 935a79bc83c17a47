// The one-line answer a reader wants first. Shared by the summary line, the HTML page and the exit
// code, so that they never disagree.
import type { GateSummary, RunReport, RunScope } from '../results.ts';
import { casesCount } from './case-count.ts';

export type VerdictKind = 'conforms' | 'known-deviations' | 'deviates' | 'incomplete';

export const VERDICT_LABELS = {
  conforms: 'CONFORMS',
  'known-deviations': 'KNOWN DEVIATIONS ONLY',
  deviates: 'DOES NOT CONFORM',
  incomplete: 'INCOMPLETE',
} as const satisfies Record<VerdictKind, string>;

export interface RunVerdict {
  readonly kind: VerdictKind;
  /** The label, qualified when only some of the edition's cases were run: "CONFORMS (partial: 12 of 119 cases)". */
  readonly label: string;
  /** The verdict explained: what failed, the gate's counts, what was run. */
  readonly sentence: string;
  /** Whether the run exits 0. */
  readonly passes: boolean;
}


function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * INCOMPLETE whenever the run did not judge every case, even if what it judged all passed: an
 * interrupted run is no certificate. With a gate (--expectations), the run passes when no case is
 * a regression or an unexpected pass: KNOWN DEVIATIONS ONLY when some cases deviate as listed.
 * Without one, an `error` (a case that could not be judged) counts against the target like a
 * `fail`. A run of a --grep subset passes or fails the same way, but its label says it is partial,
 * so that it never reads as the whole edition's CONFORMS.
 */
export function verdictOf(report: RunReport): RunVerdict {
  const { fail, error, total } = report.summary;
  const deviations = fail + error;
  const { gate, scope } = report;
  const after = [gate === null ? '' : gateSentence(gate), scope.partial ? partialSentence(report.edition, scope, total) : ''].filter((part) => part !== '');
  const verdict = (kind: VerdictKind, first: string): RunVerdict => ({
    kind,
    label: scope.partial && kind !== 'incomplete' ? `${VERDICT_LABELS[kind]} (partial: ${casesCount(selectedCount(scope, total))} of ${scope.editionCases})` : VERDICT_LABELS[kind],
    sentence: [first, ...after].join(' '),
    passes: kind === 'conforms' || kind === 'known-deviations',
  });
  if (!report.complete) {
    const sofar = deviations > 0 ? ` So far ${casesCount(deviations)} did not conform.` : '';
    return verdict('incomplete', `${report.interruption ?? 'The run did not judge every case.'}${sofar}`);
  }
  const failed = [fail > 0 ? `${casesCount(fail)} failed` : '', error > 0 ? `${casesCount(error)} could not be judged` : ''].filter((part) => part !== '').join(' and ');
  if (gate !== null && gate.regression + gate.unexpectedPass === 0 && deviations > 0) {
    return verdict('known-deviations', `${failed}, out of ${casesCount(total)}, every one as the expectations file lists it.`);
  }
  if (gate !== null ? gate.regression + gate.unexpectedPass > 0 : deviations > 0) {
    return verdict('deviates', deviations > 0 ? `${failed}, out of ${casesCount(total)}.` : `Every case passes, out of ${casesCount(total)}, but some are listed as deviations.`);
  }
  return verdict('conforms', `Every judged case conforms to the ${report.edition} edition (${casesCount(total)}).`);
}

function gateSentence(gate: GateSummary): string {
  const stale = gate.stale.length === 0 ? '' : `; ${counted(gate.stale.length, 'stale entry', 'stale entries')} (no such case)`;
  return `Gate ${gate.file}: ${gate.expected} expected, ${counted(gate.unexpectedPass, 'unexpected pass', 'unexpected passes')}, ${counted(gate.regression, 'regression', 'regressions')}${stale}.`;
}

function partialSentence(edition: string, scope: RunScope, total: number): string {
  const grep = scope.grep === null ? '' : ` (--grep ${JSON.stringify(scope.grep)})`;
  return `Partial: ${casesCount(selectedCount(scope, total))} of the ${edition} edition's ${scope.editionCases} were run${grep}.`;
}

// Under --repeat every selected case is in the report that many times.
function selectedCount(scope: RunScope, total: number): number {
  return Math.round(total / scope.repeat);
}
