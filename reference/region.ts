import type { IncomingHttpHeaders } from 'node:http';
import { DEFAULT_REGION } from './account.ts';
import { headerValue } from './exchange.ts';

// The SigV4 credential scope is ACCESS_KEY/DATE/REGION/SERVICE/aws4_request. The server does not
// verify signatures (it is a local test double); it only reads the scope to learn the region and
// service the client meant, which is how an SDK with an overridden endpoint still says where it is.
const CREDENTIAL_SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/([^/,\s]+)\/aws4_request/;
const PLAUSIBLE_REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

export interface CredentialScope {
  readonly region: string;
  readonly service: string | undefined;
}

export function credentialScope(headers: IncomingHttpHeaders, query: URLSearchParams): CredentialScope {
  const source = headerValue(headers, 'authorization') ?? `Credential=${query.get('X-Amz-Credential') ?? ''}`;
  const match = CREDENTIAL_SCOPE.exec(source);
  const region = match?.[1];
  return {
    // A scope with a nonsense region would put that nonsense into every ARN; fall back instead.
    region: region !== undefined && PLAUSIBLE_REGION.test(region) ? region : DEFAULT_REGION,
    service: match?.[2],
  };
}
