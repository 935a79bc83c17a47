import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { echoedValue, type EchoedValueCheck } from '../../src/checks/echoed-value.ts';
import { answerDraft } from '../../src/pact/response-matchers.ts';
import { loadEdition } from '../../src/spec/load.ts';

const batchSize: EchoedValueCheck = { kind: 'echoed_value_conformance', clause: 'BatchSize.range', field: 'BatchSize' };
const sourceArn: EchoedValueCheck = { kind: 'echoed_value_conformance', clause: 'EventSourceArn', field: 'EventSourceArn' };
const context = { functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' };
const seed = loadEdition('seed');
const testCase = generateCases(seed).find((candidate) => candidate.id === 'BatchSize/sqs/10');

describe('echoed_value_conformance', () => {
  it('wants the member the request set answered with the value sent', () => {
    const { judge } = echoedValue;
    if (!('body' in judge)) throw new Error('echoed_value_conformance judges the body');
    expect(judge.body(batchSize, { body: { BatchSize: 10 }, sent: { BatchSize: 10 }, context })).toEqual([]);
    expect(judge.body(batchSize, { body: {}, sent: { BatchSize: 10 }, context })).toEqual([{ message: "BatchSize should echo the request's 10, got nothing" }]);
  });

  it("takes an object echoed with its members in another order for the same value, and not one with a member changed or a list reordered", () => {
    const { judge } = echoedValue;
    if (!('body' in judge)) throw new Error('echoed_value_conformance judges the body');
    const pollers: EchoedValueCheck = { kind: 'echoed_value_conformance', clause: 'ProvisionedPollerConfig', field: 'ProvisionedPollerConfig' };
    const sent = { ProvisionedPollerConfig: { MinimumPollers: 2, MaximumPollers: 2 } };
    expect(judge.body(pollers, { body: { ProvisionedPollerConfig: { MaximumPollers: 2, MinimumPollers: 2 } }, sent, context })).toEqual([]);
    expect(judge.body(pollers, { body: { ProvisionedPollerConfig: { MaximumPollers: 3, MinimumPollers: 2 } }, sent, context })).toHaveLength(1);
    expect(judge.body(pollers, { body: { ProvisionedPollerConfig: { MinimumPollers: 2 } }, sent, context })).toHaveLength(1);
    const types: EchoedValueCheck = { kind: 'echoed_value_conformance', clause: 'FunctionResponseTypes', field: 'FunctionResponseTypes' };
    expect(judge.body(types, { body: { FunctionResponseTypes: ['b', 'a'] }, sent: { FunctionResponseTypes: ['a', 'b'] }, context })).toHaveLength(1);
  });

  it('is attached to each member of the request that was sent, citing the clause of its values', () => {
    const { attach } = echoedValue;
    if (!('toEachMember' in attach)) throw new Error('echoed_value_conformance is attached to members');
    const answer = { spec: seed, sourceType: 'sqs', body: { BatchSize: 10 }, form: 'name' } as const;
    expect(attach.toEachMember({ name: 'BatchSize', clause: 'BatchSize.range', fallback: undefined }, answer)).toEqual(batchSize);
    expect(attach.toEachMember({ name: 'Enabled', clause: 'Enabled', fallback: { clause: 'Enabled.default', doc: 'Default: True', value: true } }, answer)).toBeUndefined();
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
