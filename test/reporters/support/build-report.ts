// Run records for the reporters' tests, built by hand so each test states what it depends on.
import { certificationOf, type RunScope } from '../../../src/findings/certification.ts';
import { findingsOf } from '../../../src/findings/findings.ts';
import type { CaseResult, RecordedRequest, RecordedResponse, RunReport } from '../../../src/results.ts';

export const HOSTILE = {
  script: '<script>window.__pwned = "script"</script>',
  image: '<img src=x onerror="window.__pwned = \'img\'">',
  cdataEnd: 'before ]]> after',
  quotes: `"&'<>`,
  controls: 'nul\u0000bell\u0007vt\u000Bff\u000Cesc\u001B',
  unicode: 'café ✓ 日本語 🚀 \u2028line',
};

export function request(overrides: Partial<RecordedRequest> = {}): RecordedRequest {
  return {
    method: 'POST',
    url: 'http://127.0.0.1:4566/2015-03-31/event-source-mappings/',
    headers: { 'content-type': 'application/json', 'x-amz-date': '20240101T000000Z' },
    body: JSON.stringify({ FunctionName: 'conformance-fn', EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:q', BatchSize: 0 }),
    ...overrides,
  };
}

export function response(overrides: Partial<RecordedResponse> = {}): RecordedResponse {
  return {
    status: 400,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidParameterValueException' },
    body: { __type: 'InvalidParameterValueException', message: 'BatchSize must be at least 1' },
    ...overrides,
  };
}

export function caseResult(overrides: Partial<CaseResult> & Pick<CaseResult, 'id'>): CaseResult {
  return {
    clause: 'BatchSize.range',
    doc: 'BatchSize: the maximum number of items to retrieve in a single batch. Valid range: minimum value of 1, maximum value of 10000.',
    title: 'BatchSize 0 is refused',
    sourceType: 'sqs',
    outcome: 'pass',
    finding: null,
    expected: { status: 400, errorTypes: ['InvalidParameterValueException'], alsoAccepted: [], why: 'BatchSize has a minimum of 1.' },
    request: request(),
    response: response(),
    reasons: [],
    durationMs: 12,
    attempts: 1,
    gate: null,
    ...overrides,
  };
}

/** A report whose summary is counted here, independently of the code under test. */
export function runReport(cases: readonly CaseResult[], overrides: Partial<Omit<RunReport, 'cases' | 'summary'>> = {}): RunReport {
  const count = (outcome: CaseResult['outcome']): number => cases.filter((result) => result.outcome === outcome).length;
  return {
    tool: { name: 'lambda-esm-conformance', version: '0.1.0' },
    target: 'http://127.0.0.1:4566',
    edition: 'seed',
    startedAt: '2024-05-01T10:00:00.000Z',
    durationMs: 4321,
    complete: true,
    interruption: null,
    scope: { grep: null, repeat: 1, seed: null, editionCases: cases.length, partial: false },
    gate: null,
    summary: { total: cases.length, pass: count('pass'), fail: count('fail'), error: count('error'), skip: count('skip') },
    certification: { level: 0, uncertified: null, keptBack: [] },
    findings: [],
    cases,
    ...overrides,
  };
}

/** Every outcome, null request and response, JSON and raw bodies, unicode, hostile strings, credentials. */
export function sampleCases(): CaseResult[] {
  return [
    caseResult({ id: 'BatchSize/sqs/0', clause: 'BatchSize.range', sourceType: 'sqs', outcome: 'pass' }),
    caseResult({
      id: 'BatchSize/kinesis/0',
      clause: 'BatchSize.range',
      sourceType: 'kinesis',
      title: 'BatchSize 0 is refused for Kinesis',
      outcome: 'fail',
      request: request({
        url: 'http://127.0.0.1:4566/2015-03-31/event-source-mappings/',
        headers: { 'content-type': 'application/json', Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDCANARY/20240101', 'X-Amz-Security-Token': 'CANARYTOKEN' },
        body: '{"FunctionName":"conformance-fn","BatchSize":0}',
      }),
      response: response({ status: 202, headers: { 'content-type': 'application/json', 'set-cookie': 'session=CANARYCOOKIE' }, body: { UUID: 'abc', BatchSize: 0, State: 'Creating' } }),
      reasons: [
        { check: 'status_code_conformance', clause: 'BatchSize.range', message: 'expected 400, got 202' },
        { check: 'error_type_conformance', clause: 'Errors.InvalidParameterValueException', message: 'expected InvalidParameterValueException, got no error' },
      ],
      attempts: 3,
    }),
    caseResult({
      id: 'Hostile/dynamodb/1',
      clause: 'Hostile.<clause>',
      sourceType: 'dynamodb',
      title: `Title with ${HOSTILE.quotes} and ${HOSTILE.unicode}`,
      outcome: 'fail',
      request: request({ body: `not json ${HOSTILE.cdataEnd} ${HOSTILE.controls}` }),
      response: response({
        status: 500,
        headers: { 'content-type': 'text/html', 'x-hostile': HOSTILE.script },
        body: `<html>${HOSTILE.script}${HOSTILE.image} ${HOSTILE.cdataEnd} ${HOSTILE.controls}</html>`,
      }),
      reasons: [{ check: 'status_code_conformance', clause: 'Hostile.<clause>', message: `message ${HOSTILE.script} ${HOSTILE.quotes} ${HOSTILE.controls} ${HOSTILE.cdataEnd}` }],
    }),
    caseResult({
      id: 'Transport/sqs/timeout',
      clause: 'Operation',
      sourceType: 'sqs',
      title: 'the target answers in time',
      outcome: 'error',
      response: null,
      reasons: [{ check: 'answer_received', clause: 'Operation', message: 'no answer: timed out after 10000 ms' }],
      durationMs: 10_000,
    }),
    caseResult({
      id: 'FunctionName/none/missing',
      clause: 'FunctionName.required',
      sourceType: null,
      title: 'FunctionName is required',
      outcome: 'skip',
      request: null,
      response: null,
      reasons: [{ check: 'not_run', clause: 'FunctionName.required', message: 'not run: the run was interrupted' }],
      durationMs: 0,
      attempts: 0,
    }),
    caseResult({
      id: 'Enabled/dynamodb/false',
      clause: 'Enabled',
      sourceType: 'dynamodb',
      title: 'Enabled false is echoed',
      outcome: 'pass',
      expected: { status: 202, errorTypes: [], alsoAccepted: [{ status: 200, errorTypes: [] }], why: 'A created mapping echoes its fields.' },
      request: request({ body: null }),
      response: response({ status: 202, headers: {}, body: 'plain text, not JSON: ünïcödé' }),
    }),
  ];
}

export function sampleReport(overrides: Partial<Omit<RunReport, 'cases' | 'summary'>> = {}): RunReport {
  return runReport(sampleCases(), overrides);
}

/** A report of `cases` with their findings and certification, as buildRunReport makes them. */
export function judgedReport(cases: readonly CaseResult[], scope: RunScope = { complete: true, subset: null }): RunReport {
  const { findings, findingOfCase } = findingsOf(cases);
  return runReport(
    cases.map((result) => ({ ...result, finding: findingOfCase.get(result.id) ?? null })),
    { complete: scope.complete, findings, certification: certificationOf(cases, scope) },
  );
}
