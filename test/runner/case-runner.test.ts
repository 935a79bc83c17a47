import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.ts';
import { generateCases } from '../../src/cases/generate.ts';
import type { FixtureValues } from '../../src/cases/placeholders.ts';
import { CaseRunner } from '../../src/runner/case-runner.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { ScriptedTarget } from '../support/scripted-target.ts';
import { arnOf, HeldTarget } from './support/held-target.ts';

const spec = loadEdition('seed');
const cases = generateCases(spec);
const caseOf = (id: string): Case => {
  const found = cases.find((testCase) => testCase.id === id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
};

const fixtures: FixtureValues = {
  functionName: 'fn',
  functionArn: arnOf('fn'),
  account: '123456789012',
  region: 'us-east-1',
  sourceArns: { kinesis: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', sqs: 'arn:aws:sqs:us-east-1:123456789012:q' },
  otherFunctions: [{ name: 'fn2', arn: arnOf('fn2') }],
};


const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the case runner with more than one function', () => {
  it('gives concurrent cases on one source different functions, never one (function, source) to two cases at once', async () => {
    const target = new HeldTarget();
    const runner = new CaseRunner({ transport: target, spec, fixtures, missingFixtures: [], ownsFixtures: true, maxShrinkRequests: 50 });
    const ids = ['Enabled/kinesis/true', 'Enabled/kinesis/false', 'Enabled/sqs/true', 'Enabled/sqs/false', 'BatchSize/kinesis/0'];
    const results = Promise.all(ids.map((id) => runner.run(caseOf(id))));
    await settle();
    // Two functions, two sources: four cases are in flight, on four different pairs; the fifth waits.
    expect(target.creates).toEqual(['fn', 'fn2', 'fn', 'fn2']);
    expect(target.release()).toBe(4);
    await settle();
    expect(target.creates.slice(4)).toEqual(['fn']);
    target.release();
    const judged = await results;
    expect(target.conflicts).toEqual([]);
    expect(target.mappings.size).toBe(0);
    // Each answer names the function its case was sent with, and is judged so.
    const functionArnReasons = judged.flatMap((result) => result.reasons).filter((reason) => reason.check === 'function_arn_conformance');
    expect(functionArnReasons).toEqual([]);
  });

  it('sends both requests of a duplicate case with the same function', async () => {
    const target = new HeldTarget();
    const runner = new CaseRunner({ transport: target, spec, fixtures, missingFixtures: [], ownsFixtures: true, maxShrinkRequests: 50 });
    const other = runner.run(caseOf('Enabled/kinesis/true'));
    const duplicate = runner.run(caseOf('Duplicate/kinesis'));
    await settle();
    expect(target.creates).toEqual(['fn', 'fn2']);
    target.release();
    await settle();
    expect(target.creates).toEqual(['fn', 'fn2', 'fn2']);
    target.release();
    const [, judged] = await Promise.all([other, duplicate]);
    expect(judged.outcome).not.toBe('error');
    expect(target.conflicts).toEqual([`fn2 ${fixtures.sourceArns.kinesis ?? ''}`]);
  });
});

const OWN_UUID = '11111111-1111-4111-8111-111111111111';
const sqsArn = fixtures.sourceArns.sqs ?? '';

describe('the cleanup after a case deletes only what it can prove the case made', () => {
  it('sweeps only the mappings of its own function to the swept source, and reports the others listed', async () => {
    const listed = [
      { UUID: OWN_UUID, FunctionArn: arnOf('fn'), EventSourceArn: sqsArn },
      { UUID: '22222222-2222-4222-8222-222222222222', FunctionArn: arnOf('someone-elses-fn'), EventSourceArn: sqsArn },
      { UUID: '33333333-3333-4333-8333-333333333333', FunctionArn: arnOf('fn'), EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:someone-elses-queue' },
    ];
    // A create whose answer names no UUID leaves the case's mapping in doubt: the sweep lists, and this target lists everything.
    const target = new ScriptedTarget((request) => {
      if (request.method === 'POST') return { status: 202, body: '{}' };
      if (request.method === 'GET' && request.path.includes('?')) return { status: 200, body: JSON.stringify({ EventSourceMappings: listed }) };
      return { status: request.method === 'DELETE' ? 202 : 404, body: '{}' };
    });
    const runner = new CaseRunner({ transport: target, spec, fixtures, missingFixtures: [], ownsFixtures: true, maxShrinkRequests: 50 });
    const judged = await runner.run(caseOf('Enabled/sqs/true'));
    expect(target.sent.filter((line) => line.startsWith('DELETE'))).toEqual([`DELETE /2015-03-31/event-source-mappings/${OWN_UUID}`]);
    const cleanup = judged.reasons.filter((reason) => reason.check === 'mapping_cleanup').map((reason) => reason.message);
    expect(cleanup).toEqual([
      expect.stringMatching(/names mapping 22222222-\S+ of arn:aws:lambda:us-east-1:123456789012:function:someone-elses-fn to .*: left alone$/),
      expect.stringMatching(/names mapping 33333333-\S+ of .*:function:fn to arn:aws:sqs:us-east-1:123456789012:someone-elses-queue, not of fn to that source: left alone$/),
    ]);
  });

  it('puts no value that is not UUID-shaped into a request path, and says so', async () => {
    for (const uuid of ['.', '..', '../functions/victim', '%2e%2e']) {
      const target = new ScriptedTarget((request) => {
        if (request.method === 'POST') return { status: 202, body: JSON.stringify({ UUID: uuid, FunctionArn: arnOf('fn'), EventSourceArn: sqsArn }) };
        if (request.method === 'GET' && request.path.includes('?')) return { status: 200, body: JSON.stringify({ EventSourceMappings: [{ UUID: uuid, FunctionArn: arnOf('fn'), EventSourceArn: sqsArn }] }) };
        return { status: 404, body: '{}' };
      });
      const runner = new CaseRunner({ transport: target, spec, fixtures, missingFixtures: [], ownsFixtures: true, maxShrinkRequests: 50 });
      const judged = await runner.run(caseOf('Enabled/sqs/true'));
      expect(target.sent.filter((line) => !line.startsWith('POST') && !line.includes('?'))).toEqual([]);
      const cleanup = judged.reasons.filter((reason) => reason.check === 'mapping_cleanup').map((reason) => reason.message);
      expect(cleanup.length).toBeGreaterThan(0);
      for (const message of cleanup) expect(message).toContain(`the target named a mapping ${JSON.stringify(uuid)}, which is not a UUID: not deleted`);
    }
  });
});

describe('a case never retries its own request', () => {
  it('judges a refusal IAM\'s delay gives as it is, after one request', async () => {
    const refusal = { __type: 'InvalidParameterValueException', message: 'The function execution role does not have permissions to call ReceiveMessage on SQS' };
    const target = new ScriptedTarget(() => ({ status: 400, body: JSON.stringify(refusal) }));
    const runner = new CaseRunner({ transport: target, spec, fixtures, missingFixtures: [], ownsFixtures: true, maxShrinkRequests: 50 });
    const judged = await runner.run(caseOf('Enabled/sqs/true'));
    expect(judged.outcome).toBe('fail');
    expect(target.sent).toEqual(['POST /2015-03-31/event-source-mappings/']);
  });
});
