import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { resolveValue, type FixtureValues } from '../../src/cases/placeholders.ts';
import { judge } from '../../src/judge/judge.ts';
import { loadEdition } from '../../src/spec/load.ts';
import type { Observation } from '../../src/transport/types.ts';

const cases = generateCases(loadEdition('seed'));
const fixtures: FixtureValues = {
  functionName: 'lesm-run-fn',
  functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:lesm-run-fn',
  account: '123456789012',
  region: 'us-east-1',
  sourceArns: {
    sqs: 'arn:aws:sqs:us-east-1:123456789012:lesm-run-queue',
    kinesis: 'arn:aws:kinesis:us-east-1:123456789012:stream/lesm-run-stream',
    dynamodb: 'arn:aws:dynamodb:us-east-1:123456789012:table/lesm-run-table/stream/2026-01-01T00:00:00.000',
  },
};
const context = { functionArn: fixtures.functionArn };

function get(id: string): Case {
  const found = cases.find((testCase) => testCase.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
}

function sentBody(testCase: Case): Record<string, unknown> {
  const body = testCase.request.body;
  return typeof body === 'object' && body !== null ? (resolveValue(body, fixtures) as Record<string, unknown>) : {};
}

function observe(testCase: Case, status: number, body: unknown, headers: Record<string, string> = {}): Observation {
  return {
    request: { method: 'POST', url: 'http://127.0.0.1:1/2015-03-31/event-source-mappings/', headers: {}, body: JSON.stringify(sentBody(testCase)) },
    response: { status, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) },
    transportError: null,
    attempts: 1,
    throttledAttempts: 0,
    durationMs: 3,
  };
}

/** A success body as a conforming service would answer the case. */
function mapping(testCase: Case, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const sent = sentBody(testCase);
  return {
    UUID: '6f0f4a8e-3c1b-4f7e-9a55-0d2b7c1e9a10',
    BatchSize: sent['BatchSize'] ?? 10,
    EventSourceArn: sent['EventSourceArn'],
    FunctionArn: fixtures.functionArn,
    LastModified: 1767225600,
    State: 'Creating',
    StateTransitionReason: 'User action',
    ...('MaximumBatchingWindowInSeconds' in sent && { MaximumBatchingWindowInSeconds: sent['MaximumBatchingWindowInSeconds'] }),
    ...overrides,
  };
}

const invalid = { 'x-amzn-errortype': 'InvalidParameterValueException' };

describe('judging refusals', () => {
  it('passes the documented status and error type, read from the header', () => {
    expect(judge(get('BatchSize/sqs/11'), observe(get('BatchSize/sqs/11'), 400, { message: 'no' }, invalid), context)).toEqual({ outcome: 'pass', reasons: [] });
  });

  it.each([
    [{ __type: 'InvalidParameterValueException' }, {}],
    [{ code: 'InvalidParameterValueException' }, {}],
    [{}, { 'x-amzn-errortype': 'InvalidParameterValueException:http://internal.amazon.com/coral/com.amazonaws.awslambda/' }],
    [{ __type: 'com.amazonaws.lambda#InvalidParameterValueException' }, {}],
  ])('reads the error type as a restJson1 client does (%j %j)', (body, headers) => {
    expect(judge(get('BatchSize/sqs/0'), observe(get('BatchSize/sqs/0'), 400, body, headers), context).outcome).toBe('pass');
  });

  it('fails a success where a refusal is documented, citing the deciding clause', () => {
    const testCase = get('BatchSize/dynamodb/1001');
    expect(judge(testCase, observe(testCase, 202, mapping(testCase)), context)).toEqual({
      outcome: 'fail',
      reasons: [{ check: 'status_code_conformance', clause: 'BatchSize.dynamodb', message: 'expected 400 InvalidParameterValueException, got 202' }],
    });
  });

  it('fails the right status with the wrong error type', () => {
    const testCase = get('BatchSize/sqs/10001');
    const verdict = judge(testCase, observe(testCase, 400, { message: 'bad' }, { 'x-amzn-errortype': 'ValidationException' }), context);
    expect(verdict.reasons).toEqual([
      { check: 'error_type_conformance', clause: 'BatchSize.range', message: 'expected 400 InvalidParameterValueException, got 400 ValidationException' },
    ]);
  });

  it('accepts any error type where the documentation names none, but not another status', () => {
    const testCase = get('Body/malformed-json');
    expect(judge(testCase, observe(testCase, 400, { message: 'x' }, { 'x-amzn-errortype': 'SerializationException' }), context).outcome).toBe('pass');
    expect(judge(testCase, observe(testCase, 500, { message: 'x' }, { 'x-amzn-errortype': 'ServiceException' }), context).outcome).toBe('fail');
  });

  it('accepts every outcome an open question allows', () => {
    const testCase = get('StartingPosition/sqs/LATEST');
    expect(judge(testCase, observe(testCase, 202, mapping(testCase)), context).outcome).toBe('pass');
    expect(judge(testCase, observe(testCase, 400, {}, invalid), context).outcome).toBe('pass');
    expect(judge(testCase, observe(testCase, 404, {}, { 'x-amzn-errortype': 'ResourceNotFoundException' }), context).outcome).toBe('fail');
  });
});

describe('judging successes', () => {
  it('passes a conforming mapping, unknown members allowed', () => {
    const testCase = get('BatchSize/sqs/omitted');
    expect(judge(testCase, observe(testCase, 202, mapping(testCase, { EventSourceMappingArn: 'arn:aws:lambda:x' })), context)).toEqual({ outcome: 'pass', reasons: [] });
  });

  it('reports each schema violation by JSON pointer with the clause of that member', () => {
    const testCase = get('BatchSize/sqs/omitted');
    const { UUID: _uuid, ...withoutUuid } = mapping(testCase, { State: 'Active', LastModified: '2026-01-01' });
    const verdict = judge(testCase, observe(testCase, 202, withoutUuid), context);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.reasons).toEqual(
      expect.arrayContaining([
        { check: 'response_schema_conformance', clause: 'Response.UUID', message: '/UUID: is missing' },
        { check: 'response_schema_conformance', clause: 'Response.State', message: expect.stringMatching(/^\/State: "Active" must be equal to one of the allowed values/) },
        { check: 'response_schema_conformance', clause: 'Response.LastModified', message: '/LastModified: "2026-01-01" must be number' },
      ]),
    );
  });

  it('wants a success answer to say Content-Type: application/json, parameters and case aside', () => {
    const testCase = get('BatchSize/sqs/1');
    const answer = (headers: Record<string, string>) => judge(testCase, observe(testCase, 202, mapping(testCase), headers), context);
    expect(answer({ 'content-type': 'Application/JSON; charset=utf-8' })).toEqual({ outcome: 'pass', reasons: [] });
    expect(answer({ 'content-type': 'text/html; charset=utf-8' })).toEqual({
      outcome: 'fail',
      reasons: [{ check: 'content_type_conformance', clause: 'Response.content-type', message: 'a success answer must say Content-Type: application/json, got "text/html; charset=utf-8"' }],
    });
    const without = observe(testCase, 202, mapping(testCase));
    delete without.response?.headers['content-type'];
    expect(judge(testCase, without, context).reasons).toEqual([
      { check: 'content_type_conformance', clause: 'Response.content-type', message: 'a success answer must say Content-Type: application/json, got no Content-Type' },
    ]);
  });

  it('judges the Content-Type of a success answer whose status is not the documented one too', () => {
    const testCase = get('BatchSize/sqs/1');
    expect(judge(testCase, observe(testCase, 201, mapping(testCase), { 'content-type': 'text/html; charset=utf-8' }), context).reasons.map((entry) => entry.check)).toEqual([
      'status_code_conformance',
      'content_type_conformance',
    ]);
  });

  it('reads an error answer as restJson1 clients do, whatever its Content-Type', () => {
    const testCase = get('BatchSize/sqs/0');
    const refused = observe(testCase, 400, { message: 'no' }, { 'content-type': 'text/html', 'x-amzn-errortype': 'InvalidParameterValueException' });
    expect(judge(testCase, refused, context)).toEqual({ outcome: 'pass', reasons: [] });
  });

  it('rejects a UUID that is not a UUID', () => {
    const testCase = get('BatchSize/sqs/1');
    const verdict = judge(testCase, observe(testCase, 202, mapping(testCase, { UUID: 'mapping-1' })), context);
    expect(verdict.reasons).toEqual([{ check: 'response_schema_conformance', clause: 'Response.UUID', message: '/UUID: "mapping-1" must match format "uuid"' }]);
  });

  it('checks the documented default of an omitted BatchSize per source', () => {
    const testCase = get('BatchSize/dynamodb/omitted');
    const verdict = judge(testCase, observe(testCase, 202, mapping(testCase, { BatchSize: 10 })), context);
    expect(verdict.reasons).toEqual([
      { check: 'default_value_conformance', clause: 'BatchSize.dynamodb', message: 'BatchSize was omitted, so the documented default 100 should apply, got 10' },
    ]);
  });

  it('checks that sent values are echoed', () => {
    const testCase = get('MaximumBatchingWindowInSeconds/kinesis/300');
    const verdict = judge(testCase, observe(testCase, 202, mapping(testCase, { MaximumBatchingWindowInSeconds: 0, BatchSize: 100 })), context);
    expect(verdict.reasons).toEqual([
      {
        check: 'echoed_value_conformance',
        clause: 'MaximumBatchingWindowInSeconds.range',
        message: "MaximumBatchingWindowInSeconds should echo the request's 300, got 0",
      },
    ]);
  });

  it('checks that FunctionArn names the requested function in the target account and region', () => {
    const testCase = get('FunctionName/form/partialArn');
    const elsewhere = judge(testCase, observe(testCase, 202, mapping(testCase, { FunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:lesm-run-fn' })), context);
    expect(elsewhere.reasons).toEqual([
      {
        check: 'function_arn_conformance',
        clause: 'FunctionName.form.partial-arn',
        message: 'FunctionArn "arn:aws:lambda:eu-west-1:123456789012:function:lesm-run-fn" is not in the target\'s account 123456789012 and region us-east-1',
      },
    ]);
    const other = judge(testCase, observe(testCase, 202, mapping(testCase, { FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:other' })), context);
    expect(other.reasons[0]?.message).toMatch(/names function "other", not the requested "lesm-run-fn"/);
  });

  it('checks that a disabled mapping does not report itself enabled', () => {
    const testCase = get('Enabled/sqs/false');
    expect(judge(testCase, observe(testCase, 202, mapping(testCase, { State: 'Enabled' })), context).reasons).toEqual([
      { check: 'state_conformance', clause: 'Enabled', message: 'State "Enabled" contradicts the request (not one of Enabling, Enabled expected)' },
    ]);
  });

  it('fails a success answer that is not JSON', () => {
    const testCase = get('BatchSize/sqs/1');
    expect(judge(testCase, observe(testCase, 202, '{"UUID": "trunc'), context).reasons[0]?.check).toBe('response_body_is_json');
  });
});

describe('answers that cannot be judged', () => {
  it('is an error when no answer arrived', () => {
    const testCase = get('BatchSize/sqs/1');
    const observation: Observation = { ...observe(testCase, 0, ''), response: null, transportError: { kind: 'timeout', message: 'no answer within 10000 ms' } };
    expect(judge(testCase, observation, context)).toEqual({
      outcome: 'error',
      reasons: [{ check: 'answer_received', clause: 'BatchSize.range', message: 'no answer to judge (timeout: no answer within 10000 ms)' }],
    });
  });

  it('is an error, not a failure, when throttling outlasted the retries', () => {
    const testCase = get('BatchSize/sqs/1');
    const observation = { ...observe(testCase, 429, { message: 'slow down' }, { 'x-amzn-errortype': 'TooManyRequestsException' }), attempts: 6 };
    expect(judge(testCase, observation, context).outcome).toBe('error');
  });
});
