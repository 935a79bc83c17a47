import type { BodyTruncation } from '../src/transport/index.ts';
import { MAX_BODY_HEAD_BYTES, parseJsonAnswer } from '../src/transport/index.ts';

// Pretty-printing indents every line by its depth, so a body can grow many times over; past this
// many characters it is shown as compact JSON instead, which is never much longer than what came.
const MAX_PRETTY_CHARACTERS = 4 * MAX_BODY_HEAD_BYTES;

/**
 * A body as a reader wants it: JSON pretty-printed (whether the transport parsed it or it is a
 * string that holds JSON, as request bodies are), anything else as the raw text. Empty for no body.
 */
export function bodyAsText(body: unknown): string {
  if (body === null || body === undefined) return '';
  if (typeof body === 'string') {
    const parsed = parseJsonContainer(body);
    return parsed === undefined ? body : prettyJson(parsed);
  }
  return prettyJson(body) ?? String(body);
}

/** What a report says after a body of which only the head was kept. */
export function truncationNote(truncated: BodyTruncation | undefined): string {
  if (truncated === undefined) return '';
  const kept = truncated.keptBytes % 1024 === 0 ? `${truncated.keptBytes / 1024} KiB` : `${bytes(truncated.keptBytes)} bytes`;
  return truncated.complete
    ? `[truncated: ${kept} of ${bytes(truncated.receivedBytes)} bytes shown]`
    : `[truncated: ${kept} shown; the body went on past ${bytes(truncated.receivedBytes)} bytes and was not read further]`;
}

function bytes(count: number): string {
  return count.toLocaleString('en-US');
}

function prettyJson(value: unknown): string {
  const pretty = JSON.stringify(value, null, 2) as string | undefined;
  if (pretty === undefined) return String(value);
  return pretty.length <= MAX_PRETTY_CHARACTERS ? pretty : JSON.stringify(value);
}

// Only objects and arrays: a body like `42` or `"x"` is shown as sent, not re-spelled. One nested
// too deep to parse safely is shown as sent too.
function parseJsonContainer(text: string): object | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  const parsed = parseJsonAnswer(text);
  return parsed.kind === 'json' && typeof parsed.value === 'object' && parsed.value !== null ? parsed.value : undefined;
}
