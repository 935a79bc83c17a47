// The server's side of SigV4: rebuild the canonical request from what arrived on the wire and
// sign it again with the same secret. A match proves the client signed exactly what it sent.
import { createHash } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '../../../src/transport/index.ts';
import type { ReceivedRequest } from './http-server.ts';

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  const match = AUTHORIZATION.exec(header ?? '');
  if (match === null) return null;
  const [, accessKeyId = '', date = '', region = '', service = '', signedHeaders = '', signature = ''] = match;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

export async function verifySignature(
  request: ReceivedRequest,
  port: number,
  credentials: AwsCredentialIdentity,
): Promise<{ valid: boolean; reason: string }> {
  const auth = parseAuthorization(request.headers['authorization']);
  if (auth === null) return { valid: false, reason: `malformed authorization: ${request.headers['authorization']}` };
  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  if (request.headers['x-amz-content-sha256'] !== bodyHash) return { valid: false, reason: 'payload hash mismatch' };

  const amzDate = request.headers['x-amz-date'] ?? '';
  const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  const headers = Object.fromEntries(auth.signedHeaders.map((name) => [name, request.headers[name] ?? '']));
  const url = new URL(request.url, 'http://placeholder');
  const query: Record<string, string> = {};
  url.searchParams.forEach((value, key) => {
    query[key] = value;
  });
  const signer = new SignatureV4({ credentials, region: auth.region, service: auth.service, sha256: Sha256 });
  const resigned = await signer.sign(
    { method: request.method, protocol: 'http:', hostname: '127.0.0.1', port, path: url.pathname, query, headers, body: request.body },
    { signingDate },
  );
  const expected = parseAuthorization(resigned.headers['authorization']);
  return expected?.signature === auth.signature
    ? { valid: true, reason: 'signature matches' }
    : { valid: false, reason: `signature mismatch: expected ${expected?.signature}, got ${auth.signature}` };
}
