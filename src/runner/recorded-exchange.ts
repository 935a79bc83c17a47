import type { RecordedRequest, RecordedResponse } from '../results.ts';
import { parseJsonAnswer } from '../transport/json-answer.ts';
import type { Observation } from '../transport/types.ts';

/** What a report shows of a request that was sent. */
export function recordRequest({ request }: Observation): RecordedRequest {
  return { method: request.method, url: request.url, headers: request.headers, body: request.body ?? null };
}

/** What a report shows of an answer: JSON parsed (depth-bounded), its truncation stated; null when none came. */
export function recordResponse({ response }: Observation): RecordedResponse | null {
  if (response === null) return null;
  return { status: response.status, headers: response.headers, body: parseIfJson(response.body), ...(response.truncated !== undefined && { bodyTruncated: response.truncated }) };
}

function parseIfJson(text: string): unknown {
  const parsed = parseJsonAnswer(text);
  return parsed.kind === 'json' ? parsed.value : text;
}
