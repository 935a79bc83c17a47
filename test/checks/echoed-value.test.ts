import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { echoedValue, type EchoedValueCheck } from '../../src/checks/echoed-value.ts';
import { answerDraft } from '../../src/pact/response-matchers.ts';
import { loadEdition } from '../../src/spec/load.ts';

const batchSize: EchoedValueCheck = { kind: 'echoed_value_conformance', clause: 'BatchSize.range', field: 'BatchSize' };
const sourceArn: EchoedValueCheck = { kind: 'echoed_value_conformance', clause: 'EventSourceArn', field: 'EventSourceArn' };
const context = { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' };
const testCase = generateCases(loadEdition('seed')).find((candidate) => candidate.id === 'BatchSize/sqs/10');

describe('echoed_value_conformance', () => {
  it('wants the member the request set answered with the value sent', () => {
    const { judge } = echoedValue;
    if (!('body' in judge)) throw new Error('echoed_value_conformance judges the body');
    expect(judge.body(batchSize, { body: { BatchSize: 10 }, sent: { BatchSize: 10 }, context })).toEqual([]);
    expect(judge.body(batchSize, { body: {}, sent: { BatchSize: 10 }, context })).toEqual([{ message: "BatchSize should echo the request's 10, got nothing" }]);
  });

  it('is written into the Pact answer by value, or by its form and service where the target provisions it', () => {
    if (testCase === undefined) throw new Error('the seed edition has BatchSize/sqs/10');
    const { pact } = echoedValue;
    if (!('express' in pact)) throw new Error('echoed_value_conformance is expressed');
    const draft = answerDraft(testCase);
    pact.express(batchSize, draft);
    pact.express(sourceArn, draft);
    expect(Object.fromEntries(draft.members)).toEqual({
      BatchSize: { example: 10, matchers: [] },
      EventSourceArn: { example: 'arn:aws:sqs:us-east-1:123456789012:lesm-example-queue', matchers: [{ match: 'regex', regex: '^arn:[^:]*:sqs:.*$' }] },
    });
  });
});
