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

  describe('in every spelling a decoder could turn back into the secret', () => {
    const token = 'IQo/Jb3+Jp==';
    const everyCharacter = (text: string, hexCase: (hex: string) => string) =>
      [...text].map((character) => `\\u${hexCase(character.charCodeAt(0).toString(16).padStart(4, '0'))}`).join('');
    const spellings: Record<string, string> = {
      'JSON-escaped, lower-case hex': everyCharacter(token, (hex) => hex),
      'JSON-escaped, upper-case hex': everyCharacter(token, (hex) => hex.toUpperCase()),
      'slashes escaped, as PHP writes them': token.replace(/\//g, '\\/'),
      'percent-encoded': encodeURIComponent(token),
      'percent-encoded, lower-case hex': encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (code) => code.toLowerCase()),
      'HTML character references': [...token].map((character) => `&#${character.charCodeAt(0)};`).join(''),
      'a mixture': `${token.slice(0, 3)}\\u002f${token.slice(4, 7)}&#x2B;${encodeURIComponent(token.slice(8))}`,
    };
    it.each(Object.entries(spellings))('%s', (_, spelling) => {
      const body = `{"echo":"${spelling}","other":"kept"}`;
      const redacted = redactSecrets(body, [token]);
      expect(redacted).toBe(`{"echo":"${REDACTED}","other":"kept"}`);
      // What parsing the masked text gives back holds no secret either.
      expect(JSON.stringify(JSON.parse(redacted))).not.toContain(token);
    });

    it('leaves escapes that spell something else alone', () => {
      expect(redactSecrets('{"a":"\\u0041\\/b%20c&amp;"}', [token])).toBe('{"a":"\\u0041\\/b%20c&amp;"}');
    });
  });
});
