// The current edition's cases, asserted case by case where today's AWS differs from 2019: what is
// accepted, what is refused and with which error type, and what is left open.
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { integerDomains } from '../../src/cases/properties/integer-domain.ts';
import { loadEdition } from '../../src/spec/load.ts';

const seedIds = generateCases(loadEdition('seed')).map((testCase) => testCase.id);
const cases = new Map(generateCases(loadEdition('current')).map((testCase) => [testCase.id, testCase]));

function get(id: string): Case {
  const found = cases.get(id);
  if (found === undefined) throw new Error(`the current edition has no case "${id}"`);
  return found;
}

/** [status, ...error types] of every accepted outcome. */
const outcome = (id: string) => [get(id).expected, ...get(id).expected.alsoAccepted].map((o) => [o.status, ...o.errorTypes].join(' '));
const body = (id: string) => get(id).request.body as Record<string, unknown>;
const validation = '400 ValidationException';
const invalid = '400 InvalidParameterValueException';

describe('the current edition', () => {
  it('loads, extends the seed and keeps every request field of it', () => {
    const spec = loadEdition('current');
    expect(spec.edition).toBe('current');
    expect(Object.keys(spec.sourceTypes)).toEqual(['kinesis', 'dynamodb', 'sqs', 'sqsFifo']);
    expect(Object.keys(spec.request)).toEqual(expect.arrayContaining(Object.keys(loadEdition('seed').request)));
  });

  it('answers a broken model constraint with ValidationException and a rule of Lambda\'s own with InvalidParameterValueException', () => {
    expect(outcome('BatchSize/kinesis/0')).toEqual([validation]);
    expect(outcome('BatchSize/sqs/10001')).toEqual([validation]);
    expect(outcome('StartingPosition/kinesis/EARLIEST')).toEqual([validation]);
    expect(outcome('EventSourceArn/malformed/not-an-arn')).toEqual([validation]);
    expect(outcome('FunctionName/sqs/missing')).toEqual([validation]);
    expect(outcome('StartingPosition/kinesis/missing')).toEqual([invalid]);
    expect(outcome('StartingPosition/dynamodb/AT_TIMESTAMP')).toEqual([invalid]);
    expect(outcome('EventSourceArn/malformed/unsupported-service')).toEqual([invalid]);
    expect(outcome('EventSourceArn/any/missing')).toEqual([invalid]);
    expect(outcome('BatchSize/wrong-type/string')).toEqual([invalid, validation]);
  });

  it('refuses a function and a source that do not exist with 400 InvalidParameterValueException, never 404', () => {
    expect(outcome('FunctionName/absent')).toEqual([invalid]);
    expect(outcome('FunctionName/length/name-64')).toEqual([invalid]);
    for (const source of ['kinesis', 'dynamodb', 'sqs', 'sqsFifo']) expect(outcome(`EventSourceArn/${source}/absent`)).toEqual([invalid]);
    expect(outcome('EventSourceArn/malformed/over-long')).toEqual([invalid]);
    expect([...cases.values()].filter((testCase) => [testCase.expected, ...testCase.expected.alsoAccepted].some((o) => o.status === 404))).toEqual([]);
  });

  it('takes DynamoDB batches up to 10000, and SQS standard batches above 10 only with a window of at least 1', () => {
    expect(outcome('BatchSize/dynamodb/10000')).toEqual(['202']);
    expect(body('BatchSize/dynamodb/10000')).toMatchObject({ BatchSize: 10000, MaximumBatchingWindowInSeconds: 1 });
    expect(outcome('BatchSize/sqs/11')).toEqual(['202']);
    expect(body('BatchSize/sqs/11')).toMatchObject({ BatchSize: 11, MaximumBatchingWindowInSeconds: 1 });
    expect(outcome('MaximumBatchingWindowInSeconds/sqs/1-with-BatchSize-11')).toEqual(['202']);
    expect(outcome('MaximumBatchingWindowInSeconds/sqs/missing-with-BatchSize-11')).toEqual([invalid]);
    expect(body('MaximumBatchingWindowInSeconds/sqs/missing-with-BatchSize-11')).not.toHaveProperty('MaximumBatchingWindowInSeconds');
    expect(outcome('MaximumBatchingWindowInSeconds/sqs/0-with-BatchSize-11')).toEqual([invalid]);
  });

  it('leaves a stream batch above 10 without a window open, and says why', () => {
    for (const source of ['kinesis', 'dynamodb']) {
      expect(outcome(`MaximumBatchingWindowInSeconds/${source}/missing-with-BatchSize-11`)).toEqual(['202', invalid]);
      expect(outcome(`MaximumBatchingWindowInSeconds/${source}/0-with-BatchSize-11`)).toEqual(['202', invalid]);
      expect(get(`MaximumBatchingWindowInSeconds/${source}/missing-with-BatchSize-11`).clause).toBe('MaximumBatchingWindowInSeconds.stream-batch-without-window');
    }
    expect(get('MaximumBatchingWindowInSeconds/kinesis/missing-with-BatchSize-11').expected.why).toMatch(/no answer of real AWS is recorded/);
  });

  it('treats an SQS FIFO queue as a source of its own: BatchSize at most 10, no batching window, on the FIFO fixture', () => {
    expect(outcome('BatchSize/sqsFifo/10')).toEqual(['202']);
    expect(outcome('BatchSize/sqsFifo/11')).toEqual([invalid]);
    expect(get('BatchSize/sqsFifo/11').clause).toBe('BatchSize.sqs-fifo');
    expect(get('BatchSize/sqsFifo/11').fixtures).toEqual(['function', 'sqsFifo']);
    expect(body('BatchSize/sqsFifo/11')).toMatchObject({ EventSourceArn: '{{sqsFifo.arn}}' });
    expect(body('BatchSize/sqsFifo/11')).not.toHaveProperty('MaximumBatchingWindowInSeconds');
    expect(outcome('MaximumBatchingWindowInSeconds/sqsFifo/0')).toEqual(['202']);
    expect(outcome('MaximumBatchingWindowInSeconds/sqsFifo/1')).toEqual([invalid]);
    expect(get('BatchSize/sqsFifo/omitted').expected.checks).toContainEqual({ kind: 'default_value_conformance', clause: 'BatchSize.sqs-fifo', field: 'BatchSize', value: 10 });
  });

  it('refuses StartingPosition on a queue, and FunctionName beyond today\'s 256 characters and pattern', () => {
    expect(outcome('StartingPosition/sqs/not-applicable')).toEqual([invalid]);
    expect(outcome('StartingPosition/sqsFifo/not-applicable')).toEqual([invalid]);
    expect(cases.has('StartingPosition/sqs/LATEST')).toBe(false);
    expect(outcome('FunctionName/length/arn-256')).toEqual([invalid]);
    expect(outcome('FunctionName/length/arn-257')).toEqual([validation]);
    expect(outcome('FunctionName/length/name-65')).toEqual([invalid]);
    expect(outcome('FunctionName/illegal/space')).toEqual([validation]);
  });

  it('probes the boundaries of today\'s stream fields and refuses them on queues', () => {
    const boundaries: ReadonlyArray<readonly [string, number, number]> = [
      ['ParallelizationFactor', 1, 10],
      ['MaximumRecordAgeInSeconds', -1, 604800],
      ['MaximumRetryAttempts', -1, 10000],
      ['TumblingWindowInSeconds', 0, 900],
    ];
    for (const [field, minimum, maximum] of boundaries) {
      for (const source of ['kinesis', 'dynamodb']) {
        expect(outcome(`${field}/${source}/${minimum - 1}`)).toEqual([validation]);
        expect(outcome(`${field}/${source}/${minimum}`)).toEqual(['202']);
        expect(outcome(`${field}/${source}/${maximum}`)).toEqual(['202']);
        expect(outcome(`${field}/${source}/${maximum + 1}`)).toEqual([validation]);
      }
      for (const source of ['sqs', 'sqsFifo']) expect(outcome(`${field}/${source}/not-applicable`)).toEqual([invalid]);
    }
    expect(outcome('BisectBatchOnFunctionError/kinesis/true')).toEqual(['202']);
    expect(outcome('BisectBatchOnFunctionError/sqs/not-applicable')).toEqual([invalid]);
  });

  it('covers DestinationConfig, FunctionResponseTypes, FilterCriteria and ScalingConfig', () => {
    expect(outcome('DestinationConfig/kinesis/on-failure-queue')).toEqual(['202']);
    expect(outcome('DestinationConfig/kinesis/on-failure-not-an-arn')).toEqual([validation]);
    expect(outcome('DestinationConfig/kinesis/on-success')).toEqual([invalid]);
    expect(outcome('DestinationConfig/sqs/not-applicable')).toEqual([invalid]);
    expect(outcome('FunctionResponseTypes/kinesis/items-1')).toEqual(['202']);
    expect(body('FunctionResponseTypes/kinesis/items-1')).toMatchObject({ FunctionResponseTypes: ['ReportBatchItemFailures'] });
    expect(outcome('FunctionResponseTypes/kinesis/items-2')).toEqual([validation]);
    expect(outcome('FunctionResponseTypes/kinesis/LAMBDA_ESM_CONFORMANCE_UNDOCUMENTED')).toEqual([validation]);
    expect(outcome('FilterCriteria/kinesis/pattern')).toEqual(['202']);
    expect(outcome('FilterCriteria/kinesis/no-filters')).toEqual(['202']);
    for (const broken of ['not-json', 'not-an-object', 'value-not-a-list']) expect(outcome(`FilterCriteria/kinesis/${broken}`)).toEqual([invalid]);
    expect(outcome('ScalingConfig/sqs/concurrency-1')).toEqual([validation]);
    expect(outcome('ScalingConfig/sqs/concurrency-2')).toEqual(['202']);
    expect(outcome('ScalingConfig/sqs/concurrency-1000')).toEqual(['202']);
    expect(outcome('ScalingConfig/sqs/concurrency-1001')).toEqual([validation]);
    expect(outcome('ScalingConfig/kinesis/not-applicable')).toEqual([invalid]);
  });

  it('expects today\'s answer: State Creating (Disabled when created disabled), the stream defaults, and SQS answers without stream members', () => {
    expect(get('Enabled/sqs/true').expected.checks).toContainEqual(expect.objectContaining({ kind: 'state_conformance', notIn: expect.arrayContaining(['Enabled', 'Disabled']) }));
    expect(get('Enabled/sqs/true').expected.checks).toContainEqual(expect.objectContaining({ kind: 'state_conformance', notIn: expect.not.arrayContaining(['Creating']) }));
    expect(get('Enabled/kinesis/false').expected.checks).toContainEqual(expect.objectContaining({ kind: 'state_conformance', notIn: expect.arrayContaining(['Creating', 'Enabled']) }));
    const streamDefaults = get('BatchSize/kinesis/omitted').expected.checks.filter((check) => check.kind === 'default_value_conformance');
    expect(Object.fromEntries(streamDefaults.map((check) => [check.field, check.value]))).toEqual({
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 0,
      ParallelizationFactor: 1,
      MaximumRecordAgeInSeconds: -1,
      MaximumRetryAttempts: -1,
      BisectBatchOnFunctionError: false,
      TumblingWindowInSeconds: 0,
      DestinationConfig: { OnFailure: {} },
      FunctionResponseTypes: [],
    });
    const schemaOf = (id: string) => get(id).expected.checks.find((check) => check.kind === 'response_schema_conformance');
    const sqsSchema = schemaOf('BatchSize/sqs/omitted');
    const streamSchema = schemaOf('BatchSize/kinesis/omitted');
    expect(sqsSchema).toMatchObject({ schema: { properties: { LastProcessingResult: false, StartingPosition: false, ParallelizationFactor: false } } });
    expect(sqsSchema).toMatchObject({ schema: { required: expect.arrayContaining(['EventSourceMappingArn', 'FunctionResponseTypes']) } });
    expect(streamSchema).toMatchObject({ schema: { required: expect.arrayContaining(['EventSourceMappingArn', 'LastProcessingResult', 'StartingPosition', 'DestinationConfig']) } });
  });

  it('refuses a maximum record age of 0 to 59 inside its range, in the boundary cases and in what a property draws', () => {
    expect(outcome('MaximumRecordAgeInSeconds/kinesis/-1')).toEqual(['202']);
    for (const value of [0, 59]) expect(outcome(`MaximumRecordAgeInSeconds/kinesis/${value}`)).toEqual([invalid]);
    expect(get('MaximumRecordAgeInSeconds/dynamodb/59').clause).toBe('MaximumRecordAgeInSeconds.minimum-age');
    expect(outcome('MaximumRecordAgeInSeconds/kinesis/60')).toEqual(['202']);
    const spec = loadEdition('current');
    const field = spec.request['MaximumRecordAgeInSeconds'];
    if (field?.range === undefined) throw new Error('MaximumRecordAgeInSeconds has no range');
    const domains = integerDomains(spec, 'MaximumRecordAgeInSeconds', { ...field, range: field.range }, 'kinesis');
    expect(domains.valid).toEqual([{ min: -1, max: -1 }, { min: 60, max: 604800 }]);
    expect(domains.invalid).toEqual(expect.arrayContaining([{ min: 0, max: 59 }]));
  });

  it('keeps the seed\'s case ids where the case still exists, and names every one it leaves out', () => {
    expect(seedIds.filter((id) => !cases.has(id)).sort()).toEqual(
      ['BatchSize/dynamodb/1001', 'StartingPosition/sqs/AT_TIMESTAMP', 'StartingPosition/sqs/EARLIEST', 'StartingPosition/sqs/LATEST', 'StartingPosition/sqs/TRIM_HORIZON', 'FunctionName/length/arn-140', 'FunctionName/length/arn-141'].sort(),
    );
  });
});
