/**
 * A body as a reader wants it: JSON pretty-printed (whether the transport parsed it or it is a
 * string that holds JSON, as request bodies are), anything else as the raw text. Empty for no body.
 */
export function bodyAsText(body: unknown): string {
  if (body === null || body === undefined) return '';
  if (typeof body === 'string') {
    const parsed = parseJsonContainer(body);
    return parsed === undefined ? body : JSON.stringify(parsed, null, 2);
  }
  return JSON.stringify(body, null, 2) ?? String(body);
}

// Only objects and arrays: a body like `42` or `"x"` is shown as sent, not re-spelled.
function parseJsonContainer(text: string): object | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
