// JUnit XML as the CI test tabs read it (Jenkins, GitLab, GitHub test reporters): one testsuite for
// the run, one testcase per case (named by its id, its title a property), the clause as the class so
// CI groups deviations by clause.
import type { CaseResult, Finding, RunReport } from '../src/results.ts';
import { requestAsText, responseAsText } from './exchange-text.ts';
import { describeExpectation } from '../src/cases/describe-expectation.ts';
import { requestCountsSentence } from './request-counts-text.ts';
import { certificationSentence } from '../src/run-record/certification-text.ts';
import { describeCounterexample } from './counterexample-text.ts';
import { redactCase } from './redact-case.ts';
import { escapeXmlAttribute as attribute, escapeXmlText as text } from './xml-escape.ts';

function seconds(milliseconds: number): string {
  return (milliseconds / 1000).toFixed(3);
}

/**
 * The testsuite's name, also the name CI shows for the run. Nothing in it changes from run to run
 * (no port, run id or time), so that a CI's test history follows each case; the target is a property.
 */
function junitSuiteName(report: RunReport): string {
  return `${report.tool.name} ${report.edition}`;
}

// A failure names the cause it shares with other cases, so that CI's list of failures reads by cause.
function failureMessage(result: CaseResult, findings: ReadonlyMap<string, Finding>): string {
  const first = result.reasons[0]?.message ?? (result.outcome === 'fail' ? 'the answer does not conform' : 'the case could not be judged');
  const finding = result.finding === null ? undefined : findings.get(result.finding);
  return finding === undefined ? first : `${finding.id}: ${finding.headline}. ${first}`;
}

// Everything a reader needs to act on a deviation without opening the HTML report.
function deviationText(result: CaseResult): string {
  const reasons = result.reasons.map((reason) => `${reason.check} [${reason.clause}]: ${reason.message}`);
  return [
    ...reasons,
    ...(result.counterexample === undefined ? [] : ['', `Counterexample: ${describeCounterexample(result.counterexample)}`]),
    '',
    `Expected: ${describeExpectation(result.expected)}. ${result.expected.why}`,
    '',
    'Request:',
    requestAsText(result.request),
    '',
    `Response${result.attempts > 1 ? ` (after ${result.attempts} attempts)` : ''}:`,
    responseAsText(result.response),
  ].join('\n');
}

const ELEMENT_OF_OUTCOME = { pass: 'none', skip: 'skipped', fail: 'failure', error: 'error' } as const;

/** What CI sees of a case. Under a gate, an expected deviation is skipped (green, and visible) and an unexpected pass fails. */
function junitElement(result: CaseResult): 'none' | 'skipped' | 'failure' | 'error' {
  if (result.gate?.status === 'expected') return 'skipped';
  if (result.gate?.status === 'unexpected-pass') return 'failure';
  return ELEMENT_OF_OUTCOME[result.outcome];
}

function outcomeElement(result: CaseResult, findings: ReadonlyMap<string, Finding>): string {
  const first = result.reasons[0];
  const { gate } = result;
  switch (junitElement(result)) {
    case 'none':
      return '';
    case 'skipped': {
      const message = gate?.status === 'expected' ? `expected deviation: ${gate.entry?.reason ?? ''} (${gate.note ?? ''})` : (first?.message ?? 'skipped');
      return `\n      <skipped message="${attribute(message)}"/>`;
    }
    case 'failure':
    case 'error': {
      if (gate?.status === 'unexpected-pass') {
        return `\n      <failure message="${attribute(`unexpected pass: ${gate.note ?? ''}`)}" type="unexpected-pass">${text(deviationText(result))}</failure>`;
      }
      const message = failureMessage(result, findings);
      const type = first?.check ?? result.outcome;
      const element = result.outcome === 'fail' ? 'failure' : 'error';
      const regression = gate?.status === 'regression' ? `Regression: ${gate.note ?? ''}\n\n` : '';
      return `\n      <${element} message="${attribute(message)}" type="${attribute(type)}">${text(`${regression}${deviationText(result)}`)}</${element}>`;
    }
  }
}

// Named by the case id alone, which a rewording of its title leaves as it is: CI's history of a
// test follows its name. The title is a property of the testcase.
function testcase(unredacted: CaseResult, findings: ReadonlyMap<string, Finding>): string {
  const result = redactCase(unredacted);
  const open = `<testcase classname="${attribute(result.clause)}" name="${attribute(result.id)}" time="${seconds(result.durationMs)}">`;
  const title = `\n      <properties>\n  ${property('title', result.title)}\n      </properties>`;
  return `    ${open}${title}${outcomeElement(result, findings)}\n    </testcase>`;
}

function property(name: string, value: string): string {
  return `      <property name="${attribute(name)}" value="${attribute(value)}"/>`;
}

/** JUnit XML in pieces, one per case, so that a large report is never one string. */
export function* junitChunks(report: RunReport): Generator<string> {
  const elements = report.cases.map(junitElement);
  const count = (element: ReturnType<typeof junitElement>): number => elements.filter((kind) => kind === element).length;
  const counts = `tests="${report.summary.total}" failures="${count('failure')}" errors="${count('error')}" skipped="${count('skipped')}" time="${seconds(report.durationMs)}" timestamp="${attribute(report.startedAt)}"`;
  const properties = [
    property('target', report.target),
    property('label', report.label),
    property('edition', report.edition),
    property('startedAt', report.startedAt),
    property('tool', `${report.tool.name} ${report.tool.version}`),
    property('complete', String(report.complete)),
    property('selection', report.scope.grep ?? 'all'),
    property('partial', String(report.scope.partial)),
    property('repeat', String(report.scope.repeat)),
    property('seed', report.scope.seed === null ? 'none' : String(report.scope.seed)),
    ...(report.gate === null
      ? []
      : [
          property('expectations', report.gate.file),
          property('gate', `${report.gate.expected} expected, ${report.gate.unexpectedPass} unexpected pass, ${report.gate.regression} regression, ${report.gate.stale.length} stale`),
        ]),
    property('certification', certificationSentence(report.certification)),
    ...(report.requests === null ? [] : [property('requests', requestCountsSentence(report.requests))]),
    ...(report.interruption === null ? [] : [property('interruption', report.interruption)]),
  ];
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attribute(report.tool.name)}" ${counts}>`,
    `  <testsuite name="${attribute(junitSuiteName(report))}" ${counts}>`,
    '    <properties>',
    ...properties,
    '    </properties>',
  ].join('\n');
  const findings = new Map(report.findings.map((finding) => [finding.id, finding]));
  for (const result of report.cases) yield `\n${testcase(result, findings)}`;
  yield `\n${[
    // An interrupted run says so where CI shows suite output, not only in a property.
    ...(report.interruption === null ? [] : [`    <system-err>${text(report.interruption)}</system-err>`]),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')}`;
}
