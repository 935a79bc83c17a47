import { describe, expect, it } from 'vitest';
import { classifyTransportError } from '../../src/transport/transport-error.ts';

const withCode = (message: string, code: string, cause?: unknown): Error =>
  Object.assign(new Error(message, cause === undefined ? undefined : { cause }), { code });

describe('classifyTransportError', () => {
  it.each<[string, unknown, string]>([
    ['refused', withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED'), 'connection-refused'],
    ['reset', withCode('read ECONNRESET', 'ECONNRESET'), 'connection-reset'],
    ['undici other side closed', withCode('other side closed', 'UND_ERR_SOCKET'), 'connection-reset'],
    ['headers timeout', withCode('Headers Timeout Error', 'UND_ERR_HEADERS_TIMEOUT'), 'timeout'],
    ['a cause chain', new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }), 'connection-refused'],
    ['an AggregateError (IPv6 then IPv4)', new AggregateError([withCode('a', 'ENETUNREACH'), withCode('b', 'ECONNREFUSED')]), 'connection-refused'],
    ['DNS failure', withCode('getaddrinfo ENOTFOUND nowhere', 'ENOTFOUND'), 'other'],
    ['a thrown string', 'boom', 'other'],
  ])('%s', (_, error, kind) => {
    expect(classifyTransportError(error, false, 1000).kind).toBe(kind);
  });

  it('says a TLS handshake answered in plain HTTP in one sentence, not OpenSSL\'s dump', () => {
    const openssl = withCode('802C65D4C17F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:350:\n', 'ERR_SSL_WRONG_VERSION_NUMBER');
    expect(classifyTransportError(new TypeError('fetch failed', { cause: openssl }), false, 1000)).toEqual({
      kind: 'plain-http',
      message: 'this port speaks plain HTTP, not TLS: use http:// instead of https://',
    });
  });

  it('calls anything a timeout once the deadline fired, whatever undici surfaced', () => {
    expect(classifyTransportError(new Error('This operation was aborted'), true, 250)).toEqual({
      kind: 'timeout',
      message: 'no complete answer within 250 ms',
    });
  });

  it('keeps the messages and codes of the whole chain', () => {
    const error = new Error('request failed', { cause: withCode('connect failed', 'ECONNREFUSED') });
    expect(classifyTransportError(error, false, 1000).message).toBe('request failed: connect failed (ECONNREFUSED)');
  });
});
