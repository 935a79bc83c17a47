// Parsing what a target sent as JSON, bounded in depth: a body nested thousands of levels deep
// parses, but overflows the stack of everything that walks it afterwards (JSON.stringify, the
// structured clone that carries a result to the reporters). Such a body is a finding on its case.
import { isJsonObject } from '../json-object.ts';

/** Deeper than any answer of this API (3 levels) by far; deeper bodies are not parsed. */
export const MAX_JSON_DEPTH = 64;

export type JsonAnswer =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'too-deep' }
  | { readonly kind: 'not-json' };

export function parseJsonAnswer(text: string): JsonAnswer {
  if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) return { kind: 'too-deep' };
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'not-json' };
  }
}

/** The parsed value when `text` is a JSON object within the depth bound, else null. */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  const parsed = parseJsonAnswer(text);
  return parsed.kind === 'json' && isJsonObject(parsed.value) ? parsed.value : null;
}

export const TOO_DEEP_MESSAGE = `the body is nested more than ${MAX_JSON_DEPTH} levels deep; it was not parsed`;

/** Whether JSON text nests deeper than `limit`: brackets outside strings, counted in one pass (whether it is JSON at all is JSON.parse's to say). */
export function jsonNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return false;
}
