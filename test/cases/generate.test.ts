import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { CHECK_NAMES } from '../../src/checks/index.ts';
import { malformedArns } from '../../src/cases/families/event-source-arn.ts';
import { illegalNames } from '../../src/cases/families/function-name.ts';
import { loadEdition } from '../../src/spec/load.ts';

const spec = loadEdition('seed');
const cases = generateCases(spec);
const byId = new Map(cases.map((testCase) => [testCase.id, testCase]));

function get(id: string): Case {
  const found = byId.get(id);
  if (found === undefined) throw new Error(`no case "${id}"`);
  return found;
}

/** [status, ...accepted error types] of the documented outcome, plus the open alternatives. */
function outcome(id: string): string[] {
  const { expected } = get(id);
  return [expected, ...expected.alsoAccepted].map((o) => [o.status, ...o.errorTypes].join(' '));
}

const invalid = '400 InvalidParameterValueException';

describe('BatchSize family', () => {
  it.each([
    ['kinesis', { 0: invalid, 1: '202', 10: '202', 11: '202', 1000: '202', 10000: '202', 10001: invalid }],
    ['dynamodb', { 0: invalid, 1: '202', 10: '202', 11: '202', 1000: '202', 1001: invalid, 10001: invalid }],
    ['sqs', { 0: invalid, 1: '202', 10: '202', 11: invalid, 1000: invalid, 10001: invalid }],
  ] as const)('%s probes the common values and its own boundaries with the documented outcomes', (source, expected) => {
    const generated = cases.filter((testCase) => testCase.id.startsWith(`BatchSize/${source}/`) && testCase.id !== `BatchSize/${source}/omitted`);
    expect(Object.fromEntries(generated.map((testCase) => [testCase.id.split('/')[2], outcome(testCase.id)[0]]))).toEqual(
      Object.fromEntries(Object.entries(expected).map(([size, result]) => [size, result])),
    );
    for (const testCase of generated) expect((testCase.request.body as Record<string, unknown>)['BatchSize']).toBe(Number(testCase.id.split('/')[2]));
  });

  it('cites the source clause for a value above the source maximum and the range clause outside the range', () => {
    expect(get('BatchSize/dynamodb/1001').clause).toBe('BatchSize.dynamodb');
    expect(get('BatchSize/sqs/11').clause).toBe('BatchSize.sqs');
    expect(get('BatchSize/kinesis/10001').clause).toBe('BatchSize.range');
    expect(get('BatchSize/kinesis/0').clause).toBe('BatchSize.range');
  });

  it.each([['kinesis', 100], ['dynamodb', 100], ['sqs', 10]] as const)('omitting it on %s expects the default %d back', (source, value) => {
    const testCase = get(`BatchSize/${source}/omitted`);
    expect(testCase.request.body).not.toHaveProperty('BatchSize');
    expect(testCase.expected.status).toBe(202);
    expect(testCase.expected.checks).toContainEqual({ kind: 'default_value_conformance', clause: `BatchSize.${source}`, field: 'BatchSize', value });
  });
});

describe('MaximumBatchingWindowInSeconds family', () => {
  it.each(['kinesis', 'dynamodb', 'sqs'])('%s: -1 and 301 refused, 0 and 300 accepted and echoed', (source) => {
    expect(outcome(`MaximumBatchingWindowInSeconds/${source}/-1`)).toEqual([invalid]);
    expect(outcome(`MaximumBatchingWindowInSeconds/${source}/301`)).toEqual([invalid]);
    for (const seconds of [0, 300]) {
      const testCase = get(`MaximumBatchingWindowInSeconds/${source}/${seconds}`);
      expect(outcome(testCase.id)).toEqual(['202']);
      expect(testCase.expected.checks).toContainEqual(expect.objectContaining({ kind: 'echoed_value_conformance', field: 'MaximumBatchingWindowInSeconds' }));
    }
  });

  it('refuses a non-integer window', () => {
    expect((get('MaximumBatchingWindowInSeconds/wrong-type/fraction').request.body as Record<string, unknown>)['MaximumBatchingWindowInSeconds']).toBe(1.5);
    expect(outcome('MaximumBatchingWindowInSeconds/wrong-type/fraction')).toEqual([invalid]);
  });
});

describe('StartingPosition family', () => {
  it('accepts every value on Kinesis and all but AT_TIMESTAMP on DynamoDB Streams', () => {
    for (const position of ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']) expect(outcome(`StartingPosition/kinesis/${position}`)).toEqual(['202']);
    expect(outcome('StartingPosition/dynamodb/TRIM_HORIZON')).toEqual(['202']);
    expect(outcome('StartingPosition/dynamodb/LATEST')).toEqual(['202']);
  });

  it('refuses AT_TIMESTAMP on DynamoDB Streams citing the Kinesis-only rule, timestamp included', () => {
    const testCase = get('StartingPosition/dynamodb/AT_TIMESTAMP');
    expect(outcome(testCase.id)).toEqual([invalid]);
    expect(testCase.clause).toBe('StartingPosition.AT_TIMESTAMP.kinesis-only');
    expect(testCase.request.body).toMatchObject({ StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: expect.any(Number) });
  });

  it('refuses a missing StartingPosition on streams only', () => {
    expect(outcome('StartingPosition/kinesis/missing')).toEqual([invalid]);
    expect(outcome('StartingPosition/dynamodb/missing')).toEqual([invalid]);
    expect(byId.has('StartingPosition/sqs/missing')).toBe(false);
    expect(get('StartingPosition/kinesis/missing').request.body).not.toHaveProperty('StartingPosition');
  });

  it('leaves StartingPosition on a queue open, and says so in the title', () => {
    expect(outcome('StartingPosition/sqs/LATEST')).toEqual(['202', invalid]);
    expect(get('StartingPosition/sqs/LATEST').title).toMatch(/left open by the documentation/);
  });

  it('refuses an undocumented value on every source', () => {
    for (const source of ['kinesis', 'dynamodb', 'sqs']) expect(outcome(`StartingPosition/${source}/EARLIEST`)).toEqual([invalid]);
  });

  it('refuses AT_TIMESTAMP without a timestamp, and leaves a timestamp without AT_TIMESTAMP open', () => {
    expect(get('StartingPositionTimestamp/kinesis/missing-with-AT_TIMESTAMP').request.body).toMatchObject({ StartingPosition: 'AT_TIMESTAMP' });
    expect(get('StartingPositionTimestamp/kinesis/missing-with-AT_TIMESTAMP').request.body).not.toHaveProperty('StartingPositionTimestamp');
    expect(outcome('StartingPositionTimestamp/kinesis/missing-with-AT_TIMESTAMP')).toEqual([invalid]);
    expect(outcome('StartingPositionTimestamp/kinesis/without-AT_TIMESTAMP')).toEqual(['202', invalid]);
  });
});

describe('EventSourceArn family', () => {
  const documented = new RegExp(`^(?:${spec.request['EventSourceArn']?.pattern?.regex ?? ''})$`);

  it('sends at least eight ARNs that break the documented pattern, each refused', () => {
    const breaking = malformedArns.filter(([, arn]) => !documented.test(arn));
    expect(breaking.map(([variant]) => variant)).toEqual(
      expect.arrayContaining(['empty', 'no-arn-prefix', 'wrong-partition', 'missing-service', 'bad-region', 'account-11-digits', 'account-13-digits']),
    );
    expect(breaking.length).toBeGreaterThanOrEqual(8);
    for (const [variant, arn] of breaking) {
      const testCase = get(`EventSourceArn/malformed/${variant}`);
      expect(testCase.request.body).toMatchObject({ EventSourceArn: arn });
      expect(testCase.clause).toBe('EventSourceArn.pattern');
      expect(outcome(testCase.id)).toEqual([invalid]);
    }
  });

  it('refuses a well-formed ARN of an unsupported service as a rule violation', () => {
    const testCase = get('EventSourceArn/malformed/unsupported-service');
    expect(documented.test((testCase.request.body as Record<string, string>)['EventSourceArn'] ?? '')).toBe(true);
    expect(testCase.clause).toBe('EventSourceArn.source-type');
    expect(outcome(testCase.id)).toEqual([invalid]);
  });

  it('sends an over-long ARN and accepts only a refusal', () => {
    expect(get('EventSourceArn/malformed/over-long').request.body).toMatchObject({ EventSourceArn: expect.stringContaining('{{fill:2100}}') });
    expect(outcome('EventSourceArn/malformed/over-long')).toEqual([invalid, '404 ResourceNotFoundException']);
  });

  it('refuses a well-formed ARN of an absent source per source type with 404, as an absent function', () => {
    for (const source of ['kinesis', 'dynamodb', 'sqs']) {
      const testCase = get(`EventSourceArn/${source}/absent`);
      expect(testCase.request.body).toMatchObject({ EventSourceArn: expect.stringMatching(new RegExp(`^arn:aws:${source}:\\{\\{region\\}\\}:\\{\\{account\\}\\}:`)) });
      expect(outcome(testCase.id)).toEqual(['404 ResourceNotFoundException']);
      expect(outcome(testCase.id)).toEqual(outcome('FunctionName/absent'));
      expect(testCase.fixtures).toEqual(['function']);
    }
  });
});

describe('FunctionName family', () => {
  it('accepts every documented form and checks the FunctionArn it resolves to', () => {
    expect(get('FunctionName/form/name').request.body).toMatchObject({ FunctionName: '{{function.name}}' });
    expect(get('FunctionName/form/arn').request.body).toMatchObject({ FunctionName: '{{function.arn}}' });
    expect(get('FunctionName/form/qualifiedArn').request.body).toMatchObject({ FunctionName: '{{function.arn}}:$LATEST' });
    expect(get('FunctionName/form/partialArn').request.body).toMatchObject({ FunctionName: '{{account}}:function:{{function.name}}' });
    for (const form of ['name', 'arn', 'qualifiedArn', 'partialArn']) {
      expect(outcome(`FunctionName/form/${form}`)).toEqual(['202']);
      expect(get(`FunctionName/form/${form}`).expected.checks).toContainEqual(expect.objectContaining({ kind: 'function_arn_conformance' }));
    }
  });

  it('puts the name boundary at 64 and the ARN boundary at 140 characters', () => {
    const name64 = (get('FunctionName/length/name-64').request.body as Record<string, string>)['FunctionName'] ?? '';
    const name65 = (get('FunctionName/length/name-65').request.body as Record<string, string>)['FunctionName'] ?? '';
    expect([name64.length, name65.length]).toEqual([64, 65]);
    expect(outcome('FunctionName/length/name-64')).toEqual(['404 ResourceNotFoundException']);
    expect(outcome('FunctionName/length/name-65')).toEqual([invalid]);
    expect(get('FunctionName/length/arn-140').request.body).toMatchObject({ FunctionName: expect.stringMatching(/\{\{fill:140\}\}$/) });
    expect(outcome('FunctionName/length/arn-140')).toEqual(['404 ResourceNotFoundException']);
    expect(outcome('FunctionName/length/arn-141')).toEqual([invalid]);
  });

  it('refuses names outside the documented pattern', () => {
    const documented = new RegExp(`^(?:${spec.request['FunctionName']?.pattern?.regex ?? ''})$`);
    for (const [variant, name] of illegalNames) {
      expect(documented.test(name)).toBe(false);
      expect(outcome(`FunctionName/illegal/${variant}`)).toEqual([invalid]);
    }
  });

  it('expects 404 ResourceNotFoundException for a function that does not exist', () => {
    expect(outcome('FunctionName/absent')).toEqual(['404 ResourceNotFoundException']);
  });
});

describe('request-level families', () => {
  it('refuses each required field when missing', () => {
    expect(get('EventSourceArn/any/missing').request.body).not.toHaveProperty('EventSourceArn');
    expect(outcome('EventSourceArn/any/missing')).toEqual([invalid]);
    for (const source of ['kinesis', 'dynamodb', 'sqs']) {
      expect(get(`FunctionName/${source}/missing`).request.body).not.toHaveProperty('FunctionName');
      expect(outcome(`FunctionName/${source}/missing`)).toEqual([invalid]);
    }
  });

  it('sends a value of the wrong JSON type for every field', () => {
    for (const field of Object.keys(spec.request)) {
      const wrong = cases.filter((testCase) => testCase.id.startsWith(`${field}/wrong-type/`));
      expect(wrong.length, field).toBeGreaterThanOrEqual(2);
      for (const testCase of wrong) expect(outcome(testCase.id)).toEqual([invalid]);
    }
    expect(get('BatchSize/wrong-type/string').request.body).toMatchObject({ BatchSize: '10' });
  });

  it('sends an unknown field, malformed JSON, an empty body and wrong content types as they are', () => {
    expect(get('Body/unknown-field').request.body).toHaveProperty('LambdaEsmConformanceUnknownMember');
    const malformed = get('Body/malformed-json').request.body;
    expect(typeof malformed).toBe('string');
    expect(() => JSON.parse(malformed as string)).toThrow();
    expect(get('Body/empty').request.body).toBe('');
    expect(outcome('Body/malformed-json')).toEqual(['400']);
    expect(get('Body/content-type/text-plain').request.headers).toEqual({ 'content-type': 'text/plain' });
    expect(get('Body/content-type/absent').request.headers).toEqual({});
    expect(outcome('Body/content-type/text-plain')).toEqual(['202', '400', '415']);
  });

  it('expects 409 ResourceConflictException for a duplicate mapping on every source', () => {
    for (const source of ['kinesis', 'dynamodb', 'sqs']) {
      expect(get(`Duplicate/${source}`).given).toBe('existing-mapping');
      expect(outcome(`Duplicate/${source}`)).toEqual(['409 ResourceConflictException']);
    }
  });

  it('accepts Enabled true and false and checks the state does not contradict it', () => {
    expect(get('Enabled/sqs/false').expected.checks).toContainEqual({ kind: 'state_conformance', clause: 'Enabled', notIn: ['Enabling', 'Enabled'] });
    expect(get('Enabled/kinesis/true').expected.checks).toContainEqual({ kind: 'state_conformance', clause: 'Enabled', notIn: ['Disabling', 'Disabled'] });
    expect(outcome('Enabled/dynamodb/false')).toEqual(['202']);
  });
});

describe('the case set', () => {
  it('has unique ids and is identical from one generation to the next', () => {
    expect(new Set(cases.map((testCase) => testCase.id)).size).toBe(cases.length);
    expect(generateCases(loadEdition('seed'))).toEqual(cases);
  });

  it('keeps placeholders only where provisioned values go', () => {
    for (const testCase of cases) {
      const text = typeof testCase.request.body === 'string' ? testCase.request.body : JSON.stringify(testCase.request.body);
      for (const [token] of text.matchAll(/\{\{[^}]*\}\}/g)) {
        expect(token).toMatch(/^\{\{(function\.name|function\.arn|account|region|kinesis\.arn|dynamodb\.arn|sqs\.arn|fill:\d+)\}\}$/);
      }
    }
  });

  it('declares the fixtures each request refers to', () => {
    expect(get('StartingPosition/kinesis/LATEST').fixtures).toEqual(['function', 'kinesis']);
    expect(get('EventSourceArn/malformed/empty').fixtures).toEqual(['function']);
  });

  it('names every successful answer check after what it verifies, each a registered check', () => {
    const kinds = new Set(cases.flatMap((testCase) => testCase.expected.checks.map((check) => check.kind)));
    expect(kinds.size).toBeGreaterThan(0);
    for (const kind of kinds) {
      expect(kind).toMatch(/_conformance$/);
      expect(CHECK_NAMES).toContain(kind);
    }
  });
});
