import { describe, expect, it } from 'vitest';
import { redactHeaders, redactSecrets, REDACTED } from '../../src/transport/index.ts';

describe('redactHeaders', () => {
  it('masks authorization and the session token whatever their case, and keeps the rest', () => {
    const redacted = redactHeaders({
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKIA…',
      'X-Amz-Security-Token': 'tok',
      'x-amz-date': '20240101T000000Z',
      'x-amz-content-sha256': 'e3b0c442',
      'content-type': 'application/json',
    });
    expect(redacted).toEqual({
      Authorization: REDACTED,
      'X-Amz-Security-Token': REDACTED,
      'x-amz-date': '20240101T000000Z',
      'x-amz-content-sha256': 'e3b0c442',
      'content-type': 'application/json',
    });
  });

  it.each(['proxy-authorization', 'x-api-key', 'X-Secret-Thing', 'cookie', 'x-auth-token', 'x-amz-credential', 'x-session-id', 'x-password'])(
    'masks %s, whose name suggests a credential',
    (name) => {
      expect(redactHeaders({ [name]: 'value' })[name]).toBe(REDACTED);
    },
  );

  it('does not modify its argument', () => {
    const headers = { authorization: 'secret' };
    redactHeaders(headers);
    expect(headers.authorization).toBe('secret');
  });
});

describe('redactSecrets', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redactSecrets('a=AKID1 b=SECRET2 c=AKID1', ['AKID1', 'SECRET2'])).toBe(`a=${REDACTED} b=${REDACTED} c=${REDACTED}`);
  });

  it('hides a secret that contains another one whole', () => {
    expect(redactSecrets('token=abcdef', ['abc', 'abcdef'])).toBe(`token=${REDACTED}`);
  });

  it('treats secrets literally, not as patterns', () => {
    expect(redactSecrets('a+b/c== and a.b', ['a+b/c=='])).toBe(`${REDACTED} and a.b`);
  });

  it('ignores empty secrets and leaves text without secrets alone', () => {
    expect(redactSecrets('nothing here', ['', 'absent'])).toBe('nothing here');
  });
});
