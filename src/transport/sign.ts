// SigV4 over exactly what will be sent: the case's bytes and headers, never "corrected".
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, WireRequest } from './types.ts';

export interface SigningScope {
  region: string;
  service: string;
}

/**
 * Returns the headers to send: the case's own, plus `host` when the case gave none, plus what
 * SigV4 adds (`x-amz-date`, `x-amz-content-sha256`, `x-amz-security-token` when the credentials
 * carry a session token, and `authorization`).
 */
export async function signedHeaders(
  origin: URL,
  request: WireRequest,
  credentials: AwsCredentialIdentity,
  scope: SigningScope,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = { ...request.headers };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'host')) headers['host'] = origin.host;

  const { pathname, query } = splitPath(request.path);
  // A signer per request, because the credentials are resolved per request (they may rotate) and
  // the caller needs the very values used, to redact them.
  const signer = new SignatureV4({
    service: scope.service,
    region: scope.region,
    credentials,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: true,
  });
  const signed = await signer.sign({
    method: request.method,
    protocol: origin.protocol,
    hostname: origin.hostname,
    ...(origin.port !== '' ? { port: Number(origin.port) } : {}),
    path: pathname,
    query,
    headers,
    body: request.body,
  });
  return { ...signed.headers };
}

type Query = Record<string, string | string[]>;

/**
 * The signer wants the query as decoded pairs. Decoded with decodeURIComponent rather than
 * URLSearchParams, because the latter reads `+` as a space, which AWS does not.
 */
function splitPath(path: string): { pathname: string; query: Query } {
  const mark = path.indexOf('?');
  if (mark < 0) return { pathname: path, query: {} };
  const query: Query = {};
  for (const pair of path.slice(mark + 1).split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = safeDecode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : safeDecode(pair.slice(equals + 1));
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { pathname: path.slice(0, mark), query };
}

// A case may send a deliberately broken escape; sign it as it stands rather than throw.
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
