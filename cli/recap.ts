import path from 'node:path';
import { certificationSentence } from '../src/run-record/certification-text.ts';
import { verdictOf } from '../src/run-record/verdict.ts';
import { REPORT_FILE_NAMES } from '../reporters/report-files.ts';
import type { RunReport } from '../src/results.ts';
import { casesCount } from '../src/run-record/case-count.ts';
import { requestCountsSentence } from '../reporters/request-counts-text.ts';

/** How many findings the recap names; the reports list them all. */
export const TOP_FINDINGS = 5;

/** How a command counts what it judged: "119 of 119 cases pass, … could not be judged, … skipped". */
export interface SummaryWords {
  /** After "N of M": "cases pass", "interactions verified". */
  readonly passed: string;
  readonly unjudged: string;
  readonly skipped: string;
}

/** How `run` and `merge` count their cases. */
export const CASE_WORDS: SummaryWords = { passed: 'cases pass', unjudged: 'could not be judged', skipped: 'skipped' };

// The causes to fix first, each with a command that shows it again.
function findingsRecap(report: RunReport, reportDir: string, say: (line: string) => void): void {
  const { findings } = report;
  if (findings.length === 0) return;
  const shown = findings.slice(0, TOP_FINDINGS);
  say(`${findings.length === 1 ? '1 finding' : `${findings.length} findings`} (causes shared by failing cases), most cases first:`);
  for (const finding of shown) {
    say(`  ${finding.id}: ${finding.headline} (${casesCount(finding.caseIds.length)}, such as ${finding.caseIds[0] ?? '?'})`);
    say(`    ${finding.reproduce ?? finding.curl}`);
  }
  if (findings.length > shown.length) say(`  and ${findings.length - shown.length} more in ${path.join(reportDir, 'report.html')}`);
}

/**
 * The recap that closes a command which wrote the reports: what its requests cost, the top
 * findings, the certification, the counts and where the reports are, and the verdict as the very last line.
 */
export function printRecap(report: RunReport, reportDir: string, words: SummaryWords, say: (line: string) => void): void {
  const { total, pass, fail, error, skip } = report.summary;
  const verdict = verdictOf(report);
  say('');
  if (report.requests !== null) say(requestCountsSentence(report.requests));
  findingsRecap(report, reportDir, say);
  say(certificationSentence(report.certification));
  say(`${pass} of ${total} ${words.passed}, ${fail} fail, ${error} ${words.unjudged}, ${skip} ${words.skipped} (${(report.durationMs / 1000).toFixed(1)} s). Reports:`);
  for (const name of REPORT_FILE_NAMES) say(`  ${path.join(reportDir, name)}`);
  say(`${verdict.label}: ${verdict.sentence}`);
}
