import { describe, expect, it } from 'vitest';
import { redactHeaders, redactSecrets, REDACTED } from '../../src/transport/index.ts';
import { credentialSpellings } from '../support/credential-spellings.ts';

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
    const tokens = { plain: 'AKIACANARY7Q2W4E6R8T', realistic: 'IQo/Jb3+Jp==Zx//y+0=' };
    const cases = Object.entries(tokens).flatMap(([shape, token]) => Object.entries(credentialSpellings(token)).map(([spelling, text]) => [shape, spelling, token, text] as const));
    it.each(cases)('a %s token, %s', (_shape, _spelling, token, spelling) => {
      const body = `{"echo":"${spelling}","other":"kept"}`;
      const redacted = redactSecrets(body, [token]);
      expect(redacted).toBe(`{"echo":"${REDACTED}","other":"kept"}`);
      // What parsing the masked text gives back holds no secret either.
      expect(JSON.stringify(JSON.parse(redacted))).not.toContain(token);
    });

    it('a header name holding the key id, lower-cased', () => {
      expect(redactSecrets('x-akiacanary7q2w4e6r8t: 1', [tokens.plain])).toBe(`x-${REDACTED}: 1`);
    });

    it('a named reference standing for two characters, and bare legacy names', () => {
      expect(redactSecrets('<&fjlig;ord&lt&AMP1234>', ['fjord<&1234'])).toBe(`<${REDACTED}>`);
    });

    it('a character outside ASCII, percent-encoded as UTF-8 or referenced beyond the BMP', () => {
      expect(redactSecrets('x %C3%A9t%C3%A9-&#x1F600;-secret y', ['été-😀-secret'])).toBe(`x ${REDACTED} y`);
    });

    it('two secrets that overlap are hidden as one span, before other occurrences', () => {
      expect(redactSecrets('[abcdefghij&#107;lmnop]', ['abcdefghijkl', 'ghijklmnop'])).toBe(`[${REDACTED}]`);
      expect(redactSecrets('[abcdefghijklmnop] and abcdefghijkl', ['abcdefghijkl', 'ghijklmnop'])).toBe(`[${REDACTED}] and ${REDACTED}`);
    });

    it('a secret that itself looks like an escape, written as itself', () => {
      expect(redactSecrets('a &lt;tok%20en&amp b', ['&lt;tok%20en&amp'])).toBe(`a ${REDACTED} b`);
    });

    it('leaves escapes that spell something else alone', () => {
      const text = '{"a":"\\u0041\\/b%20c&amp;&sol;&#47&#x2B;%e9&bogus;&#;"}';
      expect(redactSecrets(text, [tokens.realistic])).toBe(text);
    });
  });
});
