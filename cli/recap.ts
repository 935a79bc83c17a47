import path from 'node:path';
import { certificationSentence } from '../src/run-record/certification-text.ts';
import { verdictOf } from '../src/run-record/verdict.ts';
import { REPORT_FILE_NAMES } from '../reporters/report-files.ts';
import type { RunReport } from '../src/results.ts';
import { casesCount } from '../src/run-record/case-count.ts';
import { requestCountsSentence } from '../reporters/request-counts-text.ts';
import type { Mark } from '../reporters/console-colour.ts';

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

export interface RecapOptions {
  /** Whether to end on the verdict: false when the command has a last word of its own (--update-expectations). */
  readonly verdict?: boolean;
}

/**
 * The recap that closes a command which wrote the reports: what its requests cost, the top
 * findings, the certification, the counts and where the reports are, and the verdict as the very
 * last line. Under a gate the findings give way to what the gate fails on: every regression and
 * unexpected pass, right before the verdict.
 */
export function printRecap(report: RunReport, reportDir: string, words: SummaryWords, say: (line: string, mark?: Mark) => void, options: RecapOptions = {}): void {
  const { total, pass, fail, error, skip } = report.summary;
  const verdict = verdictOf(report);
  say('');
  if (report.requests !== null) say(requestCountsSentence(report.requests));
  if (report.gate === null) findingsRecap(report, reportDir, say);
  else if (report.findings.length > 0) say(`${report.findings.length === 1 ? '1 finding' : `${report.findings.length} findings`} (causes shared by failing cases) in ${path.join(reportDir, 'report.html')}.`);
  say(certificationSentence(report.certification));
  say(`${pass} of ${total} ${words.passed}, ${fail} fail, ${error} ${words.unjudged}, ${skip} ${words.skipped} (${(report.durationMs / 1000).toFixed(1)} s). Reports:`);
  for (const name of REPORT_FILE_NAMES) say(`  ${path.join(reportDir, name)}`);
  for (const line of gateFailures(report)) say(line);
  if (options.verdict === false) return;
  say(`${verdict.label}: ${verdict.sentence}`, { word: verdict.label, colour: verdict.passes ? 'green' : 'red' });
}

const GATE_WORDS = { regression: 'REGRESSION', 'unexpected-pass': 'unexpected pass' } as const;

/** What a gate fails on, a case a line: the case, what the expectations file said of it, what came. */
export function gateFailures(report: Pick<RunReport, 'gate' | 'cases'>): string[] {
  if (report.gate === null) return [];
  const failing = report.cases.flatMap((result) => {
    const status = result.gate?.status;
    return status === 'regression' || status === 'unexpected-pass' ? [{ id: result.id, status, note: result.gate?.note ?? '' }] : [];
  });
  if (failing.length === 0) return [];
  const width = Math.max(...failing.map((failure) => GATE_WORDS[failure.status].length));
  const { regression, unexpectedPass } = report.gate;
  const counts = [regression > 0 ? counted(regression, 'regression', 'regressions') : '', unexpectedPass > 0 ? counted(unexpectedPass, 'unexpected pass', 'unexpected passes') : ''].filter((part) => part !== '');
  return [
    `The gate ${report.gate.file} fails on ${counts.join(' and ')}:`,
    ...failing.map((failure) => `  ${GATE_WORDS[failure.status].padEnd(width)} ${failure.id}: ${failure.note}`),
  ];
}

function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
