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
    spans.push(...occurrences(foldCase(decoded.text), wanted, (at) => decoded.spanOf(at)[0], (at) => decoded.spanOf(at)[1]));
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
  /** The span of the original that the UTF-16 unit at `at` of `text` came from. */
  spanOf(at: number): Span;
}

// Every escape the masking decodes, one alternative each: a JSON `\uXXXX` and short escape, a
// percent-encoded byte, a hexadecimal and a decimal HTML reference (`;` optional), a named one.
// The longest HTML name is 31 characters (CounterClockwiseContourIntegral).
const ESCAPES = /\\u([0-9a-fA-F]{4})|\\([/"])|%([0-9a-fA-F]{2})|&#[xX]([0-9a-fA-F]+);?|&#([0-9]+);?|&([A-Za-z][A-Za-z0-9]{0,31})(;?)/g;

// Text between escapes is copied in runs, and only a match is mapped back (by a binary search of
// the runs): most of a body is plain, and most bodies hold no secret.
function decodeEscapes(text: string): Decoded {
  const pieces: string[] = [];
  // Each run of the decoded text: where it starts there, where it came from, and whether it is one escape's value (else copied as it was).
  const decodedStarts: number[] = [];
  const originalStarts: number[] = [];
  const originalEnds: number[] = [];
  const escaped: boolean[] = [];
  let copiedUpTo = 0;
  let decodedLength = 0;
  const add = (value: string, originalStart: number, originalEnd: number, escape: boolean): void => {
    decodedStarts.push(decodedLength);
    originalStarts.push(originalStart);
    originalEnds.push(originalEnd);
    escaped.push(escape);
    pieces.push(value);
    decodedLength += value.length;
    copiedUpTo = originalEnd;
  };
  ESCAPES.lastIndex = 0;
  for (let found = ESCAPES.exec(text); found !== null; found = ESCAPES.exec(text)) {
    const escape = escapeOf(text, found);
    if (escape === null) {
      ESCAPES.lastIndex = found.index + 1;
      continue;
    }
    if (found.index > copiedUpTo) add(text.slice(copiedUpTo, found.index), copiedUpTo, found.index, false);
    add(escape.value, found.index, found.index + escape.length, true);
    ESCAPES.lastIndex = copiedUpTo;
  }
  if (text.length > copiedUpTo) add(text.slice(copiedUpTo), copiedUpTo, text.length, false);
  return {
    text: pieces.join(''),
    spanOf: (at) => {
      let low = 0;
      let high = decodedStarts.length - 1;
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if ((decodedStarts[middle] ?? 0) <= at) low = middle;
        else high = middle - 1;
      }
      const start = originalStarts[low] ?? 0;
      if (escaped[low] === true) return [start, originalEnds[low] ?? start];
      const original = start + (at - (decodedStarts[low] ?? 0));
      return [original, original + 1];
    },
  };
}

interface Escape {
  /** The text it stands for. */
  readonly value: string;
  /** How many characters of the original spell it. */
  readonly length: number;
}

/** What a match of ESCAPES stands for, or null when it spells nothing (an unknown name, a lone byte of a broken UTF-8 sequence). */
function escapeOf(text: string, found: RegExpExecArray): Escape | null {
  const [whole, jsonUnit, jsonShort, percentByte, hexReference, decimalReference, name, semicolon] = found;
  if (jsonUnit !== undefined) return { value: String.fromCharCode(Number.parseInt(jsonUnit, 16)), length: whole.length };
  if (jsonShort !== undefined) return { value: jsonShort, length: whole.length };
  if (percentByte !== undefined) return percentEncoded(text, found.index, Number.parseInt(percentByte, 16));
  if (hexReference !== undefined) return { value: codePoint(Number.parseInt(hexReference, 16)), length: whole.length };
  if (decimalReference !== undefined) return { value: codePoint(Number(decimalReference)), length: whole.length };
  return namedReference(name ?? '', semicolon === ';');
}

/** What a browser makes of a numeric reference: U+FFFD for none, a surrogate, or beyond Unicode. */
function codePoint(value: number): string {
  const valid = value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
  return valid ? String.fromCodePoint(value) : '\ufffd';
}

/** `&name;`, or the longest name a browser also reads without its `;` (`&amp`, `&lt`, `&copy`…). */
function namedReference(name: string, terminated: boolean): Escape | null {
  const value = terminated ? HTML_NAMED_REFERENCES[`${name};`] : undefined;
  if (value !== undefined) return { value, length: name.length + 2 };
  for (let length = name.length; length > 0; length -= 1) {
    const bare = HTML_NAMED_REFERENCES[name.slice(0, length)];
    if (bare !== undefined) return { value: bare, length: 1 + length };
  }
  return null;
}

/** One character percent-encoded: an ASCII byte, or the two to four bytes of one UTF-8 sequence. */
function percentEncoded(text: string, index: number, lead: number): Escape | null {
  if (lead < 0x80) return { value: String.fromCharCode(lead), length: 3 };
  const following = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  const bytes = [lead];
  for (let next = 1; next <= following; next += 1) {
    const byte = percentByteAt(text, index + 3 * next);
    if (byte === undefined) return null;
    bytes.push(byte);
  }
  const value = Buffer.from(bytes).toString('utf8');
  return value.includes('\ufffd') ? null : { value, length: 3 * bytes.length };
}

const PERCENT_BYTE = /%([0-9a-fA-F]{2})/y;

function percentByteAt(text: string, index: number): number | undefined {
  PERCENT_BYTE.lastIndex = index;
  const hex = PERCENT_BYTE.exec(text)?.[1];
  return hex === undefined ? undefined : Number.parseInt(hex, 16);
}
