// The one-line answer a reader wants first. Shared by the HTML page and anything else that states
// it, so that they never disagree.
import type { RunReport } from '../src/results.ts';

export type VerdictLabel = 'CONFORMS' | 'DOES NOT CONFORM' | 'INCOMPLETE';

export interface RunVerdict {
  readonly label: VerdictLabel;
  /** The verdict explained in a sentence. */
  readonly sentence: string;
}

function cases(count: number): string {
  return count === 1 ? '1 case' : `${count} cases`;
}

/**
 * INCOMPLETE whenever the run did not judge every case, even if what it judged all passed: a
 * partial run is no certificate. Otherwise an `error` (a case that could not be judged, such as
 * no answer at all) counts against the target like a `fail`.
 */
export function verdictOf(report: RunReport): RunVerdict {
  const { fail, error, total } = report.summary;
  const deviations = fail + error;
  if (!report.complete) {
    const sofar = deviations > 0 ? ` So far ${cases(deviations)} did not conform.` : '';
    return { label: 'INCOMPLETE', sentence: `${report.interruption ?? 'The run did not judge every case.'}${sofar}` };
  }
  if (deviations > 0) {
    const parts = [fail > 0 ? `${cases(fail)} failed` : '', error > 0 ? `${cases(error)} could not be judged` : ''].filter((part) => part !== '');
    return { label: 'DOES NOT CONFORM', sentence: `${parts.join(' and ')}, out of ${cases(total)}.` };
  }
  return { label: 'CONFORMS', sentence: `Every judged case conforms to the ${report.edition} edition (${cases(total)}).` };
}
