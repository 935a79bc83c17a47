// Under GitHub Actions (GITHUB_ACTIONS=true) a run also speaks GitHub's language: a job summary
// appended to the file GITHUB_STEP_SUMMARY names (markdown), and an `::error` annotation for each
// case the gate fails on. Every byte a target chose is masked for credentials, spelled out if it
// would act, and escaped for markdown or for the workflow command it goes in.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { certificationSentence } from '../src/run-record/certification-text.ts';
import { verdictOf } from '../src/run-record/verdict.ts';
import type { RunReport } from '../src/results.ts';
import { spellOutForTerminal } from '../src/control-characters.ts';
import { redactSecrets } from '../src/transport/index.ts';
import { casesCount } from '../src/run-record/case-count.ts';
import { gateFailures } from './recap.ts';

/** Whether this process runs as a step of a GitHub Actions job. */
export function underGithubActions(env: NodeJS.ProcessEnv): boolean {
  return env['GITHUB_ACTIONS'] === 'true';
}

/** Markdown that shows `text` as it is: no emphasis, link, table cell, HTML or heading can come of it. */
export function markdownText(text: string, secrets: readonly string[]): string {
  return spellOutForTerminal(redactSecrets(text, secrets))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~:@$]/g, '\\$&');
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts: escapeData, escapeProperty.
/** A workflow command's message: `%`, CR and LF escaped, so that the command ends where it should. */
export function workflowCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: its message's escapes, and `:` and `,`, which end a property. */
export function workflowCommandProperty(text: string): string {
  return workflowCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** An `::error` line for each regression and unexpected pass, credentials masked. */
export function gateAnnotations(report: RunReport, secrets: readonly string[]): string[] {
  return report.cases.flatMap((result) => {
    const status = result.gate?.status;
    if (status !== 'regression' && status !== 'unexpected-pass') return [];
    const title = `${status === 'regression' ? 'REGRESSION' : 'unexpected pass'} ${result.id}`;
    const message = `${result.id}: ${result.gate?.note ?? ''}`;
    return [`::error title=${workflowCommandProperty(redactSecrets(title, secrets))}::${workflowCommandData(redactSecrets(message, secrets))}`];
  });
}

/** The job summary: the verdict, the level, the findings and what the gate fails on. */
export function jobSummary(report: RunReport, reportDir: string, secrets: readonly string[]): string {
  const text = (value: string): string => markdownText(value, secrets);
  const verdict = verdictOf(report);
  // A blank line first: the file may hold an earlier step's summary.
  const lines = [
    '',
    `## lambda\\-esm\\-conformance: ${verdict.passes ? '✅' : '❌'} ${text(verdict.label)}`,
    '',
    text(verdict.sentence),
    '',
    text(certificationSentence(report.certification)),
    '',
  ];
  if (report.findings.length > 0) {
    lines.push('| finding | cases | such as |', '| --- | --- | --- |');
    for (const finding of report.findings) lines.push(`| ${text(finding.headline)} | ${casesCount(finding.caseIds.length)} | ${text(finding.caseIds[0] ?? '')} |`);
    lines.push('');
  }
  const [heading, ...failures] = gateFailures(report);
  if (heading !== undefined) {
    lines.push(`### ${text(heading)}`, '', ...failures.map((failure) => `- ${text(failure.trim())}`), '');
  }
  lines.push(`Reports: ${text(path.join(reportDir, 'report.html'))}`, '');
  return lines.join('\n');
}

/**
 * Under GitHub Actions: the annotations, through `print` (GitHub reads workflow commands from the
 * log), and the job summary appended to GITHUB_STEP_SUMMARY; elsewhere nothing. Answers a sentence
 * when the summary could not be written, else null.
 */
export async function reportToGithub(report: RunReport, reportDir: string, env: NodeJS.ProcessEnv, secrets: readonly string[], print: (line: string) => void): Promise<string | null> {
  if (!underGithubActions(env)) return null;
  for (const annotation of gateAnnotations(report, secrets)) print(annotation);
  const file = env['GITHUB_STEP_SUMMARY'];
  if (file === undefined || file === '') return null;
  try {
    await appendFile(file, jobSummary(report, reportDir, secrets));
    return null;
  } catch (error) {
    return `the job summary could not be appended to GITHUB_STEP_SUMMARY (${file}): ${error instanceof Error ? error.message : String(error)}`;
  }
}
