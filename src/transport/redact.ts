// Keeps credentials out of everything the suite records: observations, reports, logs.
import { HTML_NAMED_REFERENCES } from './html-named-references.ts';

export const REDACTED = '[REDACTED]';

// Names that carry a credential whatever their value looks like. Deliberately broad: a header
// hidden by mistake costs a little detail in a report, a leaked one costs a credential.
const CREDENTIAL_HEADER_NAME = /authorization|token|secret|password|passwd|credential|api[-_]?key|cookie|session/i;

export function isCredentialHeaderName(name: string): boolean {
  return CREDENTIAL_HEADER_NAME.test(name);
}

/** Returns a copy with the value of every credential-bearing header replaced by `[REDACTED]`. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    redacted[name] = isCredentialHeaderName(name) ? REDACTED : value;
  }
  return redacted;
}

/**
 * Replaces every occurrence of each secret value in `text` with `[REDACTED]`, in whatever spelling
 * a decoder could turn back into it, and in either case (a header name arrives lower-cased, and an
 * access key id is no less a secret for it): each character may appear as itself, JSON-escaped
 * (`\u0063`, `\/`), percent-encoded (`%2F`, UTF-8 bytes included) or as an HTML character
 * reference — decimal or hexadecimal, with or without its `;` (`&#47;`, `&#x2F`), or any of HTML5's
 * named ones (`&sol;`, `&plus;`, `&equals;`, `&amp`) — in any mixture. The text is decoded once,
 * every occurrence found in the decoded text, and the spans of the original it came from replaced:
 * a target that echoes a token escaped is masked in the raw text, before parsing decodes it. Empty
 * secrets are ignored.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const wanted = secrets.filter((secret) => secret !== '').map(foldCase);
  if (wanted.length === 0) return text;
  const spans = [...occurrences(foldCase(text), wanted, (at) => at, (at) => at + 1)];
  // The cheap way out: most text holds no escape at all.
  if (ESCAPE_START.test(text)) {
    const decoded = decodeEscapes(text);
    spans.push(...occurrences(foldCase(decoded.text), wanted, (at) => decoded.from[at] ?? 0, (at) => decoded.to[at] ?? 0));
  }
  return spans.length === 0 ? text : replaceSpans(text, spans);
}

type Span = readonly [start: number, end: number];

const ESCAPE_START = /[\\%&]/;

/** Only A–Z to a–z: the folded text keeps every position of the original. */
function foldCase(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Each occurrence of each of `wanted` in `haystack`, as a span of the original by `startOf` and `endOf` of its first and last unit. */
function* occurrences(haystack: string, wanted: readonly string[], startOf: (at: number) => number, endOf: (at: number) => number): Generator<Span> {
  for (const needle of wanted) {
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
      yield [startOf(at), endOf(at + needle.length - 1)];
    }
  }
}

/** `text` with every span, overlapping ones merged (a secret inside another is hidden whole), replaced by `[REDACTED]`. */
function replaceSpans(text: string, spans: Span[]): string {
  const merged: [number, number][] = [];
  for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let result = '';
  let copiedUpTo = 0;
  for (const [start, end] of merged) {
    result += text.slice(copiedUpTo, start) + REDACTED;
    copiedUpTo = end;
  }
  return result + text.slice(copiedUpTo);
}

interface Decoded {
  readonly text: string;
  /** For each UTF-16 unit of `text`, where the spelling it came from starts and ends in the original. */
  readonly from: readonly number[];
  readonly to: readonly number[];
}

function decodeEscapes(text: string): Decoded {
  const pieces: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let index = 0; index < text.length; ) {
    const escape = escapeAt(text, index);
    const value = escape?.value ?? text.charAt(index);
    const length = escape?.length ?? 1;
    pieces.push(value);
    for (let unit = 0; unit < value.length; unit += 1) {
      from.push(index);
      to.push(index + length);
    }
    index += length;
  }
  return { text: pieces.join(''), from, to };
}

interface Escape {
  /** The text it stands for. */
  readonly value: string;
  /** How many characters of the original spell it. */
  readonly length: number;
}

const JSON_UNICODE = /\\u([0-9a-fA-F]{4})/y;
const JSON_SHORT = /\\([/"])/y;
const NUMERIC_REFERENCE = /&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/y;
// The longest name is 31 characters (CounterClockwiseContourIntegral).
const NAMED_REFERENCE = /&([A-Za-z][A-Za-z0-9]{0,31})(;?)/y;
const PERCENT_BYTE = /%([0-9a-fA-F]{2})/y;

function escapeAt(text: string, index: number): Escape | null {
  switch (text.charAt(index)) {
    case '\\':
      return match(JSON_UNICODE, text, index, (hex = '') => String.fromCharCode(Number.parseInt(hex, 16))) ?? match(JSON_SHORT, text, index, (character = '') => character);
    case '%':
      return percentEncoded(text, index);
    case '&':
      return match(NUMERIC_REFERENCE, text, index, (hex, decimal) => codePoint(hex === undefined ? Number(decimal) : Number.parseInt(hex, 16))) ?? namedReference(text, index);
    default:
      return null;
  }
}

function match(pattern: RegExp, text: string, index: number, valueOf: (...groups: (string | undefined)[]) => string): Escape | null {
  pattern.lastIndex = index;
  const found = pattern.exec(text);
  return found === null ? null : { value: valueOf(...found.slice(1)), length: found[0].length };
}

/** What a browser makes of a numeric reference: U+FFFD for none, a surrogate, or beyond Unicode. */
function codePoint(value: number): string {
  const valid = value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
  return valid ? String.fromCodePoint(value) : '\ufffd';
}

/** `&name;`, or the longest name a browser also reads without its `;` (`&amp`, `&lt`, `&copy`…). */
function namedReference(text: string, index: number): Escape | null {
  NAMED_REFERENCE.lastIndex = index;
  const found = NAMED_REFERENCE.exec(text);
  const name = found?.[1];
  if (found === null || name === undefined) return null;
  const terminated = found[2] === ';' ? HTML_NAMED_REFERENCES[`${name};`] : undefined;
  if (terminated !== undefined) return { value: terminated, length: found[0].length };
  for (let length = name.length; length > 0; length -= 1) {
    const bare = HTML_NAMED_REFERENCES[name.slice(0, length)];
    if (bare !== undefined) return { value: bare, length: 1 + length };
  }
  return null;
}

/** One character percent-encoded: an ASCII byte, or the two to four bytes of one UTF-8 sequence. */
function percentEncoded(text: string, index: number): Escape | null {
  const lead = percentByteAt(text, index);
  if (lead === undefined) return null;
  const following = lead < 0x80 ? 0 : lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  const bytes = [lead];
  for (let next = 1; next <= following; next += 1) {
    const byte = percentByteAt(text, index + 3 * next);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  const value = Buffer.from(bytes).toString('utf8');
  return value.includes('\ufffd') ? null : { value, length: 3 * bytes.length };
}

function percentByteAt(text: string, index: number): number | undefined {
  PERCENT_BYTE.lastIndex = index;
  const hex = PERCENT_BYTE.exec(text)?.[1];
  return hex === undefined ? undefined : Number.parseInt(hex, 16);
}
