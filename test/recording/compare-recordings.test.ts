// diff of two recordings: what changed in a target's answers between two nights, after normalisation.
import { describe, expect, it } from 'vitest';
import { compareRecordings, recordingChangeLine } from '../../src/diff/compare-recordings.ts';
import type { RecordedCaseFile, RecordedExchange } from '../../src/recording/recording.ts';

const request: RecordedExchange['request'] = { method: 'POST', path: '/2015-03-31/event-source-mappings/', headers: {}, body: { json: { BatchSize: 0, FunctionName: '<function-name:1>' } } };

function refused(errorType: string, uuid: number): RecordedCaseFile {
  const response = { status: 400, headers: { 'x-amzn-errortype': errorType }, body: { json: { message: `no <uuid:${uuid}>` } } };
  return { case: 'BatchSize/sqs/0', clause: 'BatchSize.range', title: '', exchanges: [{ request, response }] };
}

describe('compareRecordings', () => {
  it('names a case answered otherwise, and one only either recording has; placeholder numbers alone change nothing', () => {
    const a = new Map([['BatchSize/sqs/0', refused('InvalidParameterValueException', 3)], ['Gone/case', refused('X', 1)]]);
    const b = new Map([['BatchSize/sqs/0', refused('ValidationException', 8)], ['New/case', refused('X', 1)]]);
    expect(compareRecordings(a, b).map(recordingChangeLine)).toEqual([
      'answer changed  BatchSize/sqs/0: A answered 400 InvalidParameterValueException, B 400 ValidationException',
      'only in A       Gone/case',
      'only in B       New/case',
    ]);
    expect(compareRecordings(new Map([['BatchSize/sqs/0', refused('X', 3)]]), new Map([['BatchSize/sqs/0', refused('X', 9)]]))).toEqual([]);
  });
});
