// Raw HTTP for what the SDK will not send: wrong JSON types, broken bodies, odd content types.
export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: Record<string, unknown> | undefined;
}

export async function rawRequest(
  url: string,
  init: { method?: string; path: string; body?: string; headers?: Record<string, string> },
): Promise<RawAnswer> {
  const response = await fetch(`${url}${init.path}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? { 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const MAPPINGS_PATH = '/2015-03-31/event-source-mappings/';

export function postMapping(url: string, body: unknown): Promise<RawAnswer> {
  return rawRequest(url, { path: MAPPINGS_PATH, body: JSON.stringify(body) });
}

// STS GetCallerIdentity as the SDK sends it: a form in the query protocol, signed for sts.
export function callerIdentity(url: string, action = 'GetCallerIdentity') {
  return rawRequest(url, {
    path: '/',
    body: `Action=${action}&Version=2011-06-15`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: 'AWS4-HMAC-SHA256 Credential=AKIDREFERENCETEST/20261206/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0',
    },
  });
}
