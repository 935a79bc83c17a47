import path from 'node:path';
import { verdictOf } from '../reporters/verdict.ts';
import type { RunReport } from '../src/results.ts';

/** How a command counts what it judged: "119 of 119 cases pass, … could not be judged, … skipped". */
export interface SummaryWords {
  /** After "N of M": "cases pass", "interactions verified". */
  readonly passed: string;
  readonly unjudged: string;
  readonly skipped: string;
}

/** The closing lines of a command that wrote the three reports: the verdict, why, and where the reports are. */
export function summarize(report: RunReport, reportDir: string, words: SummaryWords, say: (line: string) => void): void {
  const { total, pass, fail, error, skip } = report.summary;
  const verdict = verdictOf(report);
  say('');
  say(`${verdict.label}: ${pass} of ${total} ${words.passed}, ${fail} fail, ${error} ${words.unjudged}, ${skip} ${words.skipped} (${(report.durationMs / 1000).toFixed(1)} s).`);
  if (verdict.label !== 'CONFORMS') say(verdict.sentence);
  for (const name of ['report.html', 'junit.xml', 'results.json']) say(`  ${path.join(reportDir, name)}`);
}
