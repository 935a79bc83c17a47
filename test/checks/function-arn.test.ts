import { describe, expect, it } from 'vitest';
import { functionArn, type FunctionArnCheck } from '../../src/checks/function-arn.ts';

const check: FunctionArnCheck = { kind: 'function_arn_conformance', clause: 'FunctionName.form.name', pattern: null };
const home = 'arn:aws:lambda:us-east-1:123456789012:function:f';
const judged = (returned: string, requested: string) => {
  const { judge } = functionArn;
  if (!('body' in judge)) throw new Error('function_arn_conformance judges the body');
  return judge.body(check, { body: { FunctionArn: returned }, sent: { FunctionName: requested }, context: { functionArn: home } }).map((failure) => failure.message);
};

describe('function_arn_conformance', () => {
  it('wants the function the request named, in the target account and region', () => {
    expect(judged(home, 'f')).toEqual([]);
    expect(judged('arn:aws:lambda:us-east-1:123456789012:function:g', 'f')).toEqual(['FunctionArn "arn:aws:lambda:us-east-1:123456789012:function:g" names function "g", not the requested "f"']);
  });

  it('wants the version or alias the request named kept, in every name form', () => {
    for (const requested of ['f:1', `${home}:1`, '123456789012:function:f:1']) expect(judged(`${home}:1`, requested)).toEqual([]);
    expect(judged(`${home}:live`, 'f:live')).toEqual([]);
    expect(judged(home, 'f:live')).toEqual([`FunctionArn "${home}" drops the requested qualifier ":live"`]);
    expect(judged(`${home}:1`, `${home}:live`)).toEqual([`FunctionArn "${home}:1" drops the requested qualifier ":live"`]);
    // A request without a qualifier says nothing of the answer's.
    expect(judged(`${home}:$LATEST`, 'f')).toEqual([]);
  });
});
