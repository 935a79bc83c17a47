import { describe, expect, it } from 'vitest';
import { sourceTypeOf } from '../../reference/lambda/event-source-arn.ts';
import { resolveFunctionName } from '../../reference/lambda/function-name.ts';
import { ServiceError } from '../../reference/service-error.ts';

// The two documented patterns, checked directly: what each FunctionName form resolves to, and which
// source type each EventSourceArn shape is.
describe('resolveFunctionName', () => {
  it.each([
    ['F', 'arn:aws:lambda:eu-west-1:123456789012:function:F'],
    ['arn:aws:lambda:us-west-2:123456789012:function:F', 'arn:aws:lambda:us-west-2:123456789012:function:F'],
    ['arn:aws:lambda:us-west-2:123456789012:function:F:PROD', 'arn:aws:lambda:us-west-2:123456789012:function:F:PROD'],
    ['123456789012:function:F', 'arn:aws:lambda:eu-west-1:123456789012:function:F'],
    ['F:7', 'arn:aws:lambda:eu-west-1:123456789012:function:F:7'],
    ['arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:F', 'arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:F'],
  ])('resolves %s to %s in a request for eu-west-1', (name, arn) => {
    expect(resolveFunctionName(name, 'eu-west-1', '123456789012').arn).toBe(arn);
  });

  it('keeps the qualifier apart from the unqualified ARN', () => {
    const reference = resolveFunctionName('F:$LATEST', 'us-east-1', '123456789012');
    expect(reference).toMatchObject({ name: 'F', qualifier: '$LATEST', unqualifiedArn: 'arn:aws:lambda:us-east-1:123456789012:function:F' });
  });

  it.each(['', 'a'.repeat(65), 'a.b', 'F:', 'F:a.b', 'arn:aws:lambda:us-east-1:123456789012:function:F:1:2'])('refuses "%s"', (name) => {
    expect(() => resolveFunctionName(name, 'us-east-1', '123456789012')).toThrow(ServiceError);
  });
});

describe('sourceTypeOf', () => {
  it.each([
    ['arn:aws:kinesis:us-east-1:123456789012:stream/s', 'kinesis'],
    ['arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1574766000', 'kinesis'],
    ['arn:aws:dynamodb:us-east-1:123456789012:table/tbl/stream/2019-11-26T11:36:00.123', 'dynamodb-streams'],
    ['arn:aws:sqs:us-east-1:123456789012:q', 'sqs'],
    ['arn:aws:sqs:us-east-1:123456789012:q.fifo', 'sqs'],
    ['arn:aws-cn:sqs:cn-north-1:123456789012:q', 'sqs'],
  ])('recognises %s as %s', (arn, type) => {
    expect(sourceTypeOf(arn)).toBe(type);
  });

  it.each(['arn:aws:sqs:us-east-1:123456789012:q\n', 'ARN:aws:sqs:us-east-1:123456789012:q', 'arn:aws:lambda:us-east-1:123456789012:function:f'])(
    'refuses %j',
    (arn) => {
      expect(() => sourceTypeOf(arn)).toThrow(/EventSourceArn/);
    },
  );
});
