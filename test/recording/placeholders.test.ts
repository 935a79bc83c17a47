// The normalisation rules of a recording, one by one, on values a run meets.
import { describe, expect, it } from 'vitest';
import { canonical, Normaliser, type RunValues } from '../../src/recording/placeholders.ts';

const values: RunValues = {
  account: '111122223333',
  region: 'eu-west-1',
  functionNames: ['lesm-abc-fn', 'lesm-abc-fn2'],
  sourceNames: { dynamodb: 'lesm-abc-table', sqs: 'lesm-abc-queue', sqsFifo: 'lesm-abc-queue.fifo' },
};
const uuid = '6b1e4c6a-1f0e-4a3b-9c1d-2e3f4a5b6c7d';

describe('Normaliser', () => {
  it('numbers identities across exchanges, names the region and each source by kind, and both functions alike', () => {
    const normaliser = new Normaliser(values);
    normaliser.startExchange();
    expect(normaliser.text(`arn:aws:lambda:eu-west-1:111122223333:function:lesm-abc-fn2 ${uuid}`)).toBe('arn:aws:lambda:<region>:<account:1>:function:<function-name:1> <uuid:1>');
    normaliser.startExchange();
    expect(normaliser.text(`lesm-abc-fn arn:aws:sqs:eu-west-1:111122223333:lesm-abc-queue.fifo ${uuid.toUpperCase()} 9b1e4c6a-1f0e-4a3b-9c1d-2e3f4a5b6c7d`)).toBe(
      '<function-name:1> arn:aws:sqs:<region>:<account:1>:<sqsFifo-name> <uuid:1> <uuid:2>',
    );
  });

  it('numbers moments afresh in each exchange: a stream label, an ISO time and a LastModified number', () => {
    const normaliser = new Normaliser(values);
    normaliser.startExchange();
    const arn = 'arn:aws:dynamodb:eu-west-1:111122223333:table/lesm-abc-table/stream/2026-12-01T03:00:00.123';
    expect(normaliser.json({ EventSourceArn: arn, LastModified: 1_764_558_000.5, BatchSize: 100 }, 'answer')).toEqual({
      BatchSize: 100,
      EventSourceArn: 'arn:aws:dynamodb:<region>:<account:1>:table/<dynamodb-name>/stream/<date:1>',
      LastModified: '<epoch-seconds:1>',
    });
    normaliser.startExchange();
    expect(normaliser.json({ LastModified: 1_764_558_999 }, 'answer')).toEqual({ LastModified: '<epoch-seconds:1>' });
  });

  it('keeps the moments a request sends as they are, and their echo in its answer: two cases that differ only by a time stay two', () => {
    const normaliser = new Normaliser(values);
    normaliser.startExchange();
    expect(normaliser.json({ StartingPositionTimestamp: 4_102_444_800 }, 'request')).toEqual({ StartingPositionTimestamp: 4_102_444_800 });
    expect(normaliser.json({ StartingPositionTimestamp: 4_102_444_800, LastModified: 1_764_558_000 }, 'answer')).toEqual({ StartingPositionTimestamp: 4_102_444_800, LastModified: '<epoch-seconds:1>' });
    normaliser.startExchange();
    expect(normaliser.json({ StartingPositionTimestamp: 4_102_444_800 }, 'answer')).toEqual({ StartingPositionTimestamp: '<epoch-seconds:1>' });
  });

  it("keeps a function's padding as the length it makes with the name, the same for every function of the run", () => {
    const padded = (name: string): string => new Normaliser(values).text(`${name}:${'x'.repeat(40 - name.length)}`);
    expect(padded('lesm-abc-fn')).toBe('<function-name:1>:<pad:40>');
    expect(padded('lesm-abc-fn2')).toBe(padded('lesm-abc-fn'));
  });
});

describe('canonical', () => {
  it('renumbers by first appearance, leaving named placeholders as they are', () => {
    expect(canonical({ b: '<uuid:7> <region>', a: '<uuid:9> <uuid:7>' })).toEqual({
      value: { a: '<uuid:1> <uuid:2>', b: '<uuid:2> <region>' },
      renamed: new Map([
        ['<uuid:9>', '<uuid:1>'],
        ['<uuid:7>', '<uuid:2>'],
      ]),
    });
  });
});
