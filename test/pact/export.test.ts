import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { exportPact } from '../../src/pact/export.ts';
import { paddedValues } from '../../src/pact/provider-states.ts';
import { answerDraft, successResponse } from '../../src/pact/response-matchers.ts';
import { loadEdition } from '../../src/spec/load.ts';

const cases = generateCases(loadEdition('seed'));
const { pact, leftOut } = exportPact(cases, { consumer: 'c', provider: 'p', edition: 'seed', toolVersion: '0.0.0' });
const interaction = (id: string) => pact.interactions.find((candidate) => candidate.description === id);

describe('pactOf the seed edition', () => {
  it('has one interaction per case with one answer, and leaves out exactly the open questions', () => {
    const open = cases.filter((testCase) => testCase.expected.alsoAccepted.length > 0).map((testCase) => testCase.id);
    expect(leftOut.map((left) => left.id)).toEqual(open);
    expect(pact.interactions.map((entry) => entry.description)).toEqual(cases.filter((testCase) => !open.includes(testCase.id)).map((testCase) => testCase.id));
    expect(pact.interactions).toHaveLength(cases.length - open.length);
  });

  it('names the fixtures and the mapping a case needs as provider states, and injects their values', () => {
    const duplicate = interaction('Duplicate/kinesis');
    expect(duplicate?.providerStates).toEqual([{ name: 'function F exists' }, { name: 'Kinesis stream K exists' }, { name: 'a mapping of F to K exists' }]);
    expect(duplicate?.request.generators?.body).toEqual({
      '$.FunctionName': { type: 'ProviderState', expression: '${functionName}', dataType: 'STRING' },
      '$.EventSourceArn': { type: 'ProviderState', expression: '${kinesisArn}', dataType: 'STRING' },
    });
    expect(interaction('FunctionName/illegal/space')?.providerStates).toEqual([{ name: 'SQS queue Q exists' }]);
  });

  it('writes the headers a check adds to a success answer, matched as it says, beside its body', () => {
    const testCase = cases.find((candidate) => candidate.id === 'BatchSize/sqs/10');
    if (testCase === undefined) throw new Error('the seed edition has BatchSize/sqs/10');
    const draft = answerDraft(testCase);
    draft.members.set('BatchSize', { example: 10, matchers: [] });
    draft.headers.set('x-amzn-RequestId', { example: 'r-1', matchers: [{ match: 'regex', regex: '^.+$' }] });
    expect(successResponse(202, draft)).toEqual({
      status: 202,
      headers: { 'x-amzn-RequestId': ['r-1'] },
      body: { contentType: 'application/json', encoded: false, content: { BatchSize: 10 } },
      matchingRules: { header: { 'x-amzn-RequestId': { combine: 'AND', matchers: [{ match: 'regex', regex: '^.+$' }] } } },
    });
  });

  it('matches what differs between targets by form, and what the contract fixes by value', () => {
    const accepted = interaction('BatchSize/dynamodb/11')?.response;
    expect(accepted?.status).toBe(202);
    expect(accepted?.body?.content).toMatchObject({ BatchSize: 11 });
    expect(accepted?.matchingRules?.body?.['$.BatchSize']).toBeUndefined();
    expect(accepted?.matchingRules?.body?.['$.UUID']?.matchers).toEqual([{ match: 'regex', regex: expect.stringContaining('[0-9a-fA-F]{8}') }]);
    expect(accepted?.matchingRules?.body?.['$.EventSourceArn']?.matchers[1]).toEqual({ match: 'regex', regex: '^arn:[^:]*:dynamodb:.*$' });
    const refused = interaction('BatchSize/dynamodb/10001')?.response;
    expect(refused?.headers).toEqual({ 'x-amzn-errortype': ['InvalidParameterValueException'] });
    const pattern = new RegExp(refused?.matchingRules?.header?.['x-amzn-errortype']?.matchers[0]?.['regex'] as string);
    expect(['InvalidParameterValueException', 'aws.lambda#InvalidParameterValueException:http://x'].every((value) => pattern.test(value))).toBe(true);
    expect(pattern.test('ResourceNotFoundException')).toBe(false);
  });

  it('pads a value whose length is the case through a state param the state setup computes', () => {
    const padded = interaction('FunctionName/length/arn-141');
    const params = padded?.providerStates.at(-1)?.params;
    expect(params).toEqual({ padded: { 'padded.FunctionName': { template: 'arn:aws:lambda:${region}:${account}:function:${functionName}:${fill}', length: 141 } } });
    const values = { region: 'eu-west-1', account: '111122223333', functionName: 'fn' };
    const computed = paddedValues(params, values).values['padded.FunctionName'] ?? '';
    expect(computed).toHaveLength(141);
    expect(computed).toMatch(/^arn:aws:lambda:eu-west-1:111122223333:function:fn:x+$/);
    expect(paddedValues({ padded: { v: { template: '${nobody}${fill}', length: 5 } } }, values).problems).toEqual(['padded value "v" refers to ${nobody}, which no state provided']);
  });
});
