import { describe, expect, it } from 'vitest';
import { fixturesIn, resolveString, resolveValue, type FixtureValues } from '../../src/cases/placeholders.ts';

const values: FixtureValues = {
  functionName: 'esm-fn',
  functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:esm-fn',
  account: '111122223333',
  region: 'eu-west-1',
  sourceArns: { sqs: 'arn:aws:sqs:eu-west-1:111122223333:esm-queue' },
};

describe('placeholders', () => {
  it('substitutes provisioned values in every string of a body', () => {
    expect(resolveValue({ FunctionName: '{{account}}:function:{{function.name}}', EventSourceArn: '{{sqs.arn}}', BatchSize: 5 }, values)).toEqual({
      FunctionName: '111122223333:function:esm-fn',
      EventSourceArn: 'arn:aws:sqs:eu-west-1:111122223333:esm-queue',
      BatchSize: 5,
    });
  });

  it('pads a fill to the exact length once the other placeholders are resolved', () => {
    const resolved = resolveString('arn:aws:lambda:{{region}}:{{account}}:function:{{function.name}}:{{fill:140}}', values);
    expect(resolved).toHaveLength(140);
    expect(resolved).toMatch(/^arn:aws:lambda:eu-west-1:111122223333:function:esm-fn:x+$/);
  });

  it('refuses to resolve a source that was not provisioned, or a fill that cannot fit', () => {
    expect(() => resolveString('{{kinesis.arn}}', values)).toThrow('No fixture provides {{kinesis.arn}}');
    expect(() => resolveString('{{function.arn}}{{fill:10}}', values)).toThrow(/already longer/);
  });

  it('lists the fixtures a body refers to', () => {
    expect(fixturesIn({ FunctionName: '{{function.name}}', EventSourceArn: '{{dynamodb.arn}}' })).toEqual(['function', 'dynamodb']);
    expect(fixturesIn('arn:aws:sqs:{{region}}:{{account}}:q')).toEqual(['function']);
    expect(fixturesIn({ FunctionName: 'plain' })).toEqual([]);
  });

  it('names the SQS FIFO queue {{sqsFifo.arn}}, a fixture of its own', () => {
    expect(fixturesIn({ FunctionName: '{{function.name}}', EventSourceArn: '{{sqsFifo.arn}}' })).toEqual(['function', 'sqsFifo']);
    const fifo = 'arn:aws:sqs:eu-west-1:111122223333:esm-queue.fifo';
    expect(resolveString('{{sqsFifo.arn}}', { ...values, sourceArns: { sqsFifo: fifo } })).toBe(fifo);
    expect(() => resolveString('{{sqsFifo.arn}}', values)).toThrow('No fixture provides {{sqsFifo.arn}}');
  });
});
