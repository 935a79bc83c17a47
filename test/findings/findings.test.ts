import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../src/findings/findings.ts';
import type { CaseResult, Reason } from '../../src/results.ts';
import { caseResult, request, response } from '../reporters/support/build-report.ts';

const created = (status = 201, headers: Record<string, string> = { 'content-type': 'application/json' }): CaseResult['response'] =>
  response({ status, headers, body: { UUID: 'u' } });
const refused = (status: number, errorType: string | null): CaseResult['response'] =>
  response({ status, headers: errorType === null ? { 'content-type': 'text/html' } : { 'x-amzn-errortype': errorType }, body: errorType === null ? '<html>boom</html>' : { message: 'no' } });
const accepts = { status: 202, errorTypes: [], alsoAccepted: [], why: 'valid' };
const refuses = { status: 400, errorTypes: ['InvalidParameterValueException'], alsoAccepted: [], why: 'out of range' };
const statusReason = (clause: string): Reason => ({ check: 'status_code_conformance', clause, message: 'expected …, got …' });
const contentTypeReason: Reason = { check: 'content_type_conformance', clause: 'Response.content-type', message: 'a success answer must say Content-Type: application/json, got "text/html"' };

/** A case that expected 202 and got a 201, with the reasons given. */
function created201(id: string, reasons: Reason[], clause = 'BatchSize.sqs'): CaseResult {
  return caseResult({ id, clause, outcome: 'fail', expected: accepts, response: created(), reasons });
}

function refused201(id: string, clause = 'BatchSize.range'): CaseResult {
  return caseResult({ id, clause, outcome: 'fail', expected: refuses, response: created(), reasons: [statusReason(clause)] });
}

describe('findingsOf', () => {
  it('groups failures by the check, the expected outcome and the observed status and error type', () => {
    const { findings } = findingsOf([
      created201('a', [statusReason('BatchSize.sqs')]),
      created201('b', [statusReason('Enabled')], 'Enabled'),
      refused201('c'),
      caseResult({ id: 'd', outcome: 'fail', expected: refuses, response: refused(400, 'ResourceNotFoundException'), reasons: [{ check: 'error_type_conformance', clause: 'BatchSize.range', message: 'm' }] }),
      caseResult({ id: 'e', outcome: 'fail', expected: refuses, response: refused(400, 'ValidationException'), reasons: [{ check: 'error_type_conformance', clause: 'BatchSize.range', message: 'm' }] }),
      caseResult({ id: 'pass' }),
    ]);
    expect(findings.map((finding) => [finding.id, finding.caseIds])).toEqual([
      ['status-201-for-202', ['a', 'b']],
      ['status-201-for-400-invalid-parameter-value', ['c']],
      ['type-400-resource-not-found-for-400-invalid-parameter-value', ['d']],
      ['type-400-validation-for-400-invalid-parameter-value', ['e']],
    ]);
    const [first] = findings;
    expect(first).toMatchObject({
      headline: 'a successful create answered 201, the documentation says 202',
      check: 'status_code_conformance',
      expected: '202',
      observed: { status: 201, errorType: null },
      clauses: ['BatchSize.sqs', 'Enabled'],
    });
    expect(findings[1]?.headline).toBe('a request the documentation refuses with 400 InvalidParameterValueException was accepted with 201');
    expect(findings[2]).toMatchObject({
      headline: 'a refusal answered 400 ResourceNotFoundException, the documentation says 400 InvalidParameterValueException',
      observed: { status: 400, errorType: 'ResourceNotFoundException' },
    });
  });

  it('reads the expectation nearest the answer, so a 201 reads the same whether the case also accepts a refusal or not', () => {
    const leftOpen = { status: 202, errorTypes: [], alsoAccepted: [{ status: 400, errorTypes: ['InvalidParameterValueException'] }], why: 'left open' };
    const { findings } = findingsOf([
      created201('a', [statusReason('BatchSize.sqs')]),
      caseResult({ id: 'open', outcome: 'fail', expected: leftOpen, response: created(), reasons: [statusReason('Open')] }),
      caseResult({ id: 'open-500', outcome: 'fail', expected: leftOpen, response: refused(500, null), reasons: [statusReason('Open')] }),
    ]);
    expect(findings.map((finding) => [finding.id, finding.expected, finding.caseIds])).toEqual([
      ['status-201-for-202', '202', ['a', 'open']],
      ['status-500-untyped-for-400-invalid-parameter-value', '400 InvalidParameterValueException', ['open-500']],
    ]);
    expect(findings[1]?.headline).toBe('a refusal answered 500 (no error type), the documentation says 400 InvalidParameterValueException');
  });

  it('puts a case with several failed checks in the finding of each, and names its first as the case’s own', () => {
    const { findings, findingOfCase } = findingsOf([
      created201('both', [statusReason('BatchSize.sqs'), contentTypeReason]),
      created201('status-only', [statusReason('BatchSize.sqs')]),
      // Two echo failures of one case are one membership of one finding.
      caseResult({
        id: 'echoes',
        outcome: 'fail',
        expected: accepts,
        response: created(202),
        reasons: [
          { check: 'echoed_value_conformance', clause: 'BatchSize.echo', message: 'm' },
          { check: 'echoed_value_conformance', clause: 'Enabled.echo', message: 'm' },
        ],
      }),
    ]);
    // Of two findings of one case each, the check judged first (the headers' before the body's) comes first.
    expect(findings.map((finding) => [finding.id, finding.caseIds, finding.clauses])).toEqual([
      ['status-201-for-202', ['both', 'status-only'], ['BatchSize.sqs']],
      ['content-type-201-for-202', ['both'], ['Response.content-type']],
      ['echo-202-for-202', ['echoes'], ['BatchSize.echo', 'Enabled.echo']],
    ]);
    expect(Object.fromEntries(findingOfCase)).toEqual({ both: 'status-201-for-202', 'status-only': 'status-201-for-202', echoes: 'echo-202-for-202' });
  });

  it('orders by cases explained, then a wrong status before the headers of the same answers, then by id', () => {
    const { findings } = findingsOf([
      refused201('r1'),
      created201('x1', [statusReason('A'), contentTypeReason]),
      created201('x2', [statusReason('A'), contentTypeReason]),
      caseResult({ id: 'z', outcome: 'fail', expected: refuses, response: refused(500, null), reasons: [statusReason('A')] }),
    ]);
    expect(findings.map((finding) => finding.id)).toEqual([
      'status-201-for-202',
      'content-type-201-for-202',
      'status-201-for-400-invalid-parameter-value',
      'status-500-untyped-for-400-invalid-parameter-value',
    ]);
  });

  it('gives the same failures the same id in every run, whatever else failed and in whatever order', () => {
    const idsOf = (cases: CaseResult[]): Record<string, string> => Object.fromEntries(findingsOf(cases).findings.map((finding) => [finding.caseIds[0] ?? '', finding.id]));
    const alone = idsOf([created201('a', [statusReason('S')])]);
    const among = idsOf([refused201('b'), created201('a', [statusReason('S')]), caseResult({ id: 'c', outcome: 'error', response: null, reasons: [{ check: 'answer_received', clause: 'S', message: 'timeout' }] })]);
    expect(alone['a']).toBe('status-201-for-202');
    expect(among['a']).toBe('status-201-for-202');
    expect(among['c']).toBe('unjudged-for-400-invalid-parameter-value');
  });

  it('keeps ids short and apart when a target’s error types are long or read alike', () => {
    const odd = (id: string, errorType: string): CaseResult =>
      caseResult({ id, outcome: 'fail', expected: refuses, response: refused(400, errorType), reasons: [{ check: 'error_type_conformance', clause: 'C', message: 'm' }] });
    const { findings } = findingsOf([odd('a', 'Weird Type'), odd('b', 'weird-type'), odd('c', `Very${'Long'.repeat(40)}Exception`)]);
    const ids = findings.map((finding) => finding.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]{1,80}$/);
    expect(findingsOf([odd('a', 'Weird Type'), odd('b', 'weird-type')]).findings.map((finding) => finding.id)).toEqual(ids.filter((id) => !id.startsWith('type-400-very')));
  });

  it('leaves out cases that passed or were skipped, and names no finding for them', () => {
    const { findings, findingOfCase } = findingsOf([caseResult({ id: 'p' }), caseResult({ id: 's', outcome: 'skip', reasons: [{ check: 'fixtures_available', clause: 'C', message: 'no queue' }] })]);
    expect(findings).toEqual([]);
    expect(findingOfCase.size).toBe(0);
  });

  it('says how to reproduce with curl: signed again from the environment, nothing secret, the body byte for byte', () => {
    const signed = request({
      url: 'http://127.0.0.1:4566/2015-03-31/event-source-mappings/',
      headers: { Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDSECRETVALUE/20240101/us-east-1/lambda/aws4_request', 'X-Amz-Security-Token': 'SESSIONSECRET', 'x-amz-date': '20240101T000000Z', 'content-type': 'application/json' },
      body: `{"FunctionName":"it's"}`,
    });
    const { findings } = findingsOf([caseResult({ id: 'a', outcome: 'fail', expected: accepts, request: signed, response: created(), reasons: [statusReason('S')] })]);
    const curl = findings[0]?.curl ?? '';
    expect(curl).toBe(
      `curl -sS -i -X 'POST' 'http://127.0.0.1:4566/2015-03-31/event-source-mappings/' -H 'content-type: application/json' --data-binary '{"FunctionName":"it'\\''s"}' ` +
        `--aws-sigv4 "aws:amz:\${AWS_REGION:-us-east-1}:lambda" --user "\${AWS_ACCESS_KEY_ID:-test}:\${AWS_SECRET_ACCESS_KEY:-test}" -H "x-amz-security-token: $AWS_SESSION_TOKEN"`,
    );
    for (const secret of ['AKIDSECRETVALUE', 'SESSIONSECRET', 'REDACTED']) expect(curl).not.toContain(secret);
  });

  it('says how to reproduce its first case with the reproduce command: the run\'s target, region, edition, and the seed when the case drew its value', () => {
    const failing = (id: string, extra: Partial<CaseResult> = {}): CaseResult => caseResult({ id, outcome: 'fail', expected: accepts, request: request({}), response: created(), reasons: [statusReason('S')], ...extra });
    const onMoto = { target: 'http://127.0.0.1:5000', region: null, edition: 'current', seed: 42, propertyRuns: null };
    expect(findingsOf([failing('BatchSize/sqs/11'), failing('BatchSize/sqs/0')], onMoto).findings[0]?.reproduce).toBe(
      'lambda-esm-conformance reproduce BatchSize/sqs/11 --target http://127.0.0.1:5000 --edition current',
    );
    const drawn = failing('BatchSize/sqs/property/valid', { counterexample: { field: 'BatchSize', value: 7, request: null, response: null, runsUntilFailure: 1, shrinkSteps: 0, shrinkRequests: 0, shrinkLimit: null, seed: 42, propertySeed: 1, path: '0' } });
    expect(findingsOf([drawn], { ...onMoto, target: null, region: 'eu-west-1', edition: 'seed' }).findings[0]?.reproduce).toBe(
      'lambda-esm-conformance reproduce BatchSize/sqs/property/valid --region eu-west-1 --seed 42',
    );
    expect(findingsOf([drawn], { ...onMoto, propertyRuns: 100 }).findings[0]?.reproduce).toBe(
      'lambda-esm-conformance reproduce BatchSize/sqs/property/valid --target http://127.0.0.1:5000 --edition current --seed 42 --property-runs 100',
    );
    expect(findingsOf([failing("it's odd")], onMoto).findings[0]?.reproduce).toContain(`reproduce 'it'\\''s odd' --target`);
    // A Pact file's interactions are not an edition's cases: the curl line alone.
    expect(findingsOf([failing('a')]).findings[0]?.reproduce).toBeNull();
  });

  it('signs for the region an AWS endpoint names, and keeps a body sent without a Content-Type without one', () => {
    const aws = request({ url: 'https://lambda.eu-west-1.amazonaws.com/2015-03-31/event-source-mappings/', headers: { authorization: '[REDACTED]' }, body: '{}' });
    const { findings } = findingsOf([caseResult({ id: 'a', outcome: 'fail', expected: accepts, request: aws, response: created(), reasons: [statusReason('S')] })]);
    expect(findings[0]?.curl).toBe(
      `curl -sS -i -X 'POST' 'https://lambda.eu-west-1.amazonaws.com/2015-03-31/event-source-mappings/' -H 'Content-Type:' --data-binary '{}' --aws-sigv4 "aws:amz:eu-west-1:lambda" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`,
    );
  });
});
