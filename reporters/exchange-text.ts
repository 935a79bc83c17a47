// Plain-text forms of the request and the answer, for reports that carry text (JUnit's failure
// body). The HTML page lays the same parts out itself but uses bodyAsText for the bodies.
import type { RecordedRequest, RecordedResponse } from '../src/results.ts';
import { bodyAsText, truncationNote } from './body-text.ts';

function headerLines(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
}

function withBody(lines: string[], body: string): string {
  return body === '' ? lines.join('\n') : `${lines.join('\n')}\n\n${body}`;
}

export function requestAsText(request: RecordedRequest | null): string {
  if (request === null) return '(not sent)';
  return withBody([`${request.method} ${request.url}`, ...headerLines(request.headers)], bodyAsText(request.body));
}

export function responseAsText(response: RecordedResponse | null): string {
  if (response === null) return '(no answer)';
  const note = truncationNote(response.bodyTruncated);
  return withBody([`HTTP ${response.status}`, ...headerLines(response.headers)], note === '' ? bodyAsText(response.body) : `${bodyAsText(response.body)}\n${note}`);
}
