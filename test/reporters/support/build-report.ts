// Run records for the reporters' tests, built by hand so each test states what it depends on.
import { certificationOf, type RunScope } from '../../../src/findings/certification.ts';
import { findingsOf } from '../../../src/findings/findings.ts';
import type { CaseGate, CaseResult, GateStatus, RecordedRequest, RecordedResponse, RunReport } from '../../../src/results.ts';

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
    label: 'http://127.0.0.1:4566',
    edition: 'seed',
    startedAt: '2024-05-01T10:00:00.000Z',
    durationMs: 4321,
    complete: true,
    interruption: null,
    scope: { grep: null, repeat: 1, seed: null, editionCases: cases.length, partial: false },
    requests: null,
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
      doc: `A hostile sentence ${HOSTILE.script}`,
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
      doc: 'POST /2015-03-31/event-source-mappings/ HTTP/1.1',
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
      doc: 'FunctionName: Required: Yes',
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
      doc: 'Enabled: If true, the event source mapping is active.',
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

const created = { status: 202, errorTypes: [], alsoAccepted: [], why: 'A valid request creates the mapping.' };
const invalid = { status: 400, errorTypes: ['InvalidParameterValueException'], alsoAccepted: [], why: 'The documentation refuses this value.' };
const answered201 = response({ status: 201, headers: { 'content-type': 'application/json' }, body: { UUID: 'u', State: 'Creating' } });
const notFound = response({ status: 400, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' }, body: { __type: 'ResourceNotFoundException' } });

function gated(status: GateStatus, reason = 'known: answers 201'): CaseGate {
  return status === 'conforms' ? { status, entry: null, note: null } : { status, entry: { pattern: 'BatchSize/*', reason, link: null }, note: `it is ${status}` };
}

/**
 * A run as a person meets it, in the manner of moto's: three causes of unequal size, a gate with
 * every status, cases about no source (a wrong JSON type), and a doc sentence for each clause.
 */
export function personCases(): CaseResult[] {
  const status201 = (id: string, clause: string) => ({ check: 'status_code_conformance' as const, clause, message: `${id}: expected 202, got 201` });
  return [
    caseResult({ id: 'BatchSize/sqs/1', sourceType: 'sqs', title: 'BatchSize 1 on SQS → 202', outcome: 'fail', expected: created, response: answered201, reasons: [status201('BatchSize/sqs/1', 'BatchSize.range')], gate: gated('expected') }),
    caseResult({ id: 'BatchSize/kinesis/0', sourceType: 'kinesis', title: 'BatchSize 0 on Kinesis → 400', outcome: 'fail', expected: invalid, response: answered201, reasons: [{ check: 'status_code_conformance', clause: 'BatchSize.range', message: 'expected 400 InvalidParameterValueException, got 201' }], gate: gated('expected') }),
    caseResult({ id: 'BatchSize/kinesis/1', sourceType: 'kinesis', title: 'BatchSize 1 on Kinesis → 202', outcome: 'fail', expected: created, response: answered201, reasons: [status201('BatchSize/kinesis/1', 'BatchSize.range')], gate: gated('expected') }),
    caseResult({ id: 'BatchSize/wrong-type/string', clause: 'BatchSize.type', doc: 'BatchSize: Type: Integer', sourceType: null, title: 'BatchSize "10", a string → 400', outcome: 'fail', expected: invalid, response: notFound, reasons: [{ check: 'error_type_conformance', clause: 'BatchSize.type', message: 'expected InvalidParameterValueException, got ResourceNotFoundException' }], gate: gated('regression') }),
    caseResult({ id: 'Enabled/dynamodb/true', clause: 'Enabled', doc: 'Enabled: If true, the event source mapping is active.', sourceType: 'dynamodb', title: 'Enabled true on DynamoDB → 202', outcome: 'fail', expected: created, response: answered201, reasons: [status201('Enabled/dynamodb/true', 'Enabled')], gate: gated('regression') }),
    caseResult({ id: 'BatchSize/sqs/10', sourceType: 'sqs', title: 'BatchSize 10 on SQS → 202', outcome: 'pass', expected: created, response: response({ status: 202, body: {} }), gate: gated('unexpected-pass') }),
    caseResult({ id: 'Enabled/wrong-type/number', clause: 'Enabled.type', doc: 'Enabled: Type: Boolean', sourceType: null, title: 'Enabled 1, a number → 400', outcome: 'pass', expected: invalid, gate: gated('conforms') }),
    caseResult({ id: 'Enabled/sqs/false', clause: 'Enabled', doc: 'Enabled: If true, the event source mapping is active.', sourceType: 'sqs', title: 'Enabled false on SQS → 202', outcome: 'pass', expected: created, response: response({ status: 202, body: {} }), gate: gated('conforms') }),
  ];
}

/** personCases judged, with a gate, optionally as a --grep subset of a larger edition. */
export function personReport(options: { partial?: boolean } = {}): RunReport {
  const judged = judgedReport(personCases(), { complete: true, subset: options.partial === true ? 'it ran a --grep subset' : null });
  return {
    ...judged,
    scope: options.partial === true ? { grep: '^(BatchSize|Enabled)/', repeat: 1, seed: null, editionCases: 119, partial: true } : judged.scope,
    gate: { file: 'known.yaml', expected: 3, unexpectedPass: 1, regression: 2, stale: [{ pattern: 'Gone/*', line: 7 }] },
  };
}
