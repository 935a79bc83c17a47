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
