import { describe, expect, it } from 'vitest';
import { errorTypeOf, sanitizeErrorType, type ObservedResponse } from '../../src/transport/index.ts';
import { reason } from '../../src/judge/reasons.ts';

const answer = (headers: Record<string, string>, body: string, status = 400): ObservedResponse => ({ status, headers, body });

describe('errorTypeOf', () => {
  it.each<[string, ObservedResponse, string | null]>([
    ['header alone', answer({ 'x-amzn-errortype': 'ResourceNotFoundException' }, ''), 'ResourceNotFoundException'],
    ['header beats the body', answer({ 'x-amzn-errortype': 'InvalidParameterValueException' }, '{"__type":"Other","code":"Other"}'), 'InvalidParameterValueException'],
    ['header with URL suffix', answer({ 'x-amzn-errortype': 'ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/' }, ''), 'ThrottlingException'],
    ['header with namespace', answer({ 'x-amzn-errortype': 'com.amazonaws.lambda#TooManyRequestsException' }, ''), 'TooManyRequestsException'],
    ['header with namespace and URL', answer({ 'x-amzn-errortype': 'aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/' }, ''), 'FooError'],
    ['header repeated by a proxy', answer({ 'x-amzn-errortype': 'ServiceException, ServiceException' }, ''), 'ServiceException'],
    ['header name in any case', answer({ 'X-Amzn-ErrorType': 'ServiceException' }, ''), 'ServiceException'],
    ['body __type', answer({}, '{"__type":"aws.lambda#ResourceConflictException","message":"x"}'), 'ResourceConflictException'],
    ['body code', answer({}, '{"code":"InvalidRequestContentException"}'), 'InvalidRequestContentException'],
    // As in the AWS SDK for JS v3 (loadRestJsonErrorCode: header, code, __type).
    ['body code beats __type', answer({}, '{"__type":"FromType","code":"FromCode"}'), 'FromCode'],
    ['body Code in another case', answer({}, '{"Code":"CapitalisedCode"}'), 'CapitalisedCode'],
    ['numeric code', answer({}, '{"code":404}'), '404'],
    ['body Type is not an error type', answer({}, '{"Type":"User","Message":"nope"}'), null],
    ['no error at all', answer({ 'content-type': 'application/json' }, '{"UUID":"abc"}', 202), null],
    ['malformed JSON body', answer({}, '{"__type": "Unterminated'), null],
    ['JSON array body', answer({}, '[{"__type":"X"}]'), null],
    ['JSON string body', answer({}, '"__type"'), null],
    ['empty body', answer({}, ''), null],
    ['HTML error page', answer({}, '<html><body>502 Bad Gateway</body></html>', 502), null],
    ['empty header', answer({ 'x-amzn-errortype': '' }, ''), null],
  ])('%s', (_, response, expected) => {
    expect(errorTypeOf(response)).toBe(expected);
  });
});

describe('sanitizeErrorType', () => {
  it.each<[string, string | null]>([
    ['Plain', 'Plain'],
    ['ns#Name', 'Name'],
    ['a.b.c#Name:http://x/y#z', 'Name'],
    ['Name:detail', 'Name'],
    ['#', null],
    ['  Spaced  ', 'Spaced'],
  ])('%s → %s', (raw, expected) => {
    expect(sanitizeErrorType(raw)).toBe(expected);
  });
});

describe('bounds on what a target chooses', () => {
  it('cuts an error type of any length to 128 characters, stating its length', () => {
    const huge = `InvalidParameterValueException${'X'.repeat(64_482)}`;
    expect(errorTypeOf(answer({}, JSON.stringify({ __type: huge })))).toBe(`${huge.slice(0, 128)}… (64512 characters)`);
    expect(sanitizeErrorType('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it('cuts a reason to 1024 characters, stating its length', () => {
    const message = `got ${'y'.repeat(70_000)}`;
    expect(reason('echoed_value_conformance', 'BatchSize.echo', message).message).toBe(`${message.slice(0, 1024)}… (70004 characters)`);
  });
});
