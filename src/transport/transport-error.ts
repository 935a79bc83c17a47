// Turns whatever a failed HTTP exchange threw into a kind the judge and reports can rely on.
import type { TransportError, TransportErrorKind } from './types.ts';

const KIND_BY_CODE: Readonly<Record<string, TransportErrorKind>> = {
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-reset',
  EPIPE: 'connection-reset',
  // undici's "other side closed": the server dropped the socket before a complete answer.
  UND_ERR_SOCKET: 'connection-reset',
  UND_ERR_CLOSED: 'connection-reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  // OpenSSL reading "HTTP/1.1 400" where a TLS record should start.
  ERR_SSL_WRONG_VERSION_NUMBER: 'plain-http',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'plain-http',
  ERR_SSL_HTTP_REQUEST: 'plain-http',
};

/** What `plain-http` says instead of OpenSSL's dump of the record it could not read. */
export const PLAIN_HTTP_MESSAGE = 'this port speaks plain HTTP, not TLS: use http:// instead of https://';

// The order in which causes are believed when several are found (e.g. in an AggregateError
// from trying IPv6 then IPv4): the most specific first.
const PRECEDENCE: readonly TransportErrorKind[] = ['timeout', 'plain-http', 'connection-reset', 'connection-refused'];

/**
 * @param timedOut whether the per-request deadline fired: an abort then reads as a timeout
 *   whatever error undici chose to surface for it.
 */
export function classifyTransportError(error: unknown, timedOut: boolean, timeoutMs: number): TransportError {
  if (timedOut) {
    return { kind: 'timeout', message: `no complete answer within ${timeoutMs} ms` };
  }
  const found = new Set<TransportErrorKind>();
  for (const cause of causesOf(error)) {
    const code = codeOf(cause);
    const kind = code === undefined ? undefined : KIND_BY_CODE[code];
    if (kind !== undefined) found.add(kind);
  }
  const kind = PRECEDENCE.find((candidate) => found.has(candidate)) ?? 'other';
  return { kind, message: kind === 'plain-http' ? PLAIN_HTTP_MESSAGE : describe(error) };
}

/** The error, its `cause` chain and the members of any AggregateError, without revisiting. */
function causesOf(error: unknown): unknown[] {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.shift();
    if (current === undefined || current === null || seen.has(current)) continue;
    seen.add(current);
    if (typeof current === 'object') {
      if ('cause' in current) pending.push(current.cause);
      if ('errors' in current && Array.isArray(current.errors)) pending.push(...current.errors);
    }
  }
  return [...seen];
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (const cause of causesOf(error)) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const code = codeOf(cause);
    const part = code !== undefined && !message.includes(code) ? `${message} (${code})` : message;
    if (part !== '' && !parts.includes(part)) parts.push(part);
  }
  return parts.length > 0 ? parts.join(': ') : 'unknown transport error';
}
