import { HTML_NAMED_REFERENCES } from '../transport/html-named-references.ts';

// A documentation string of the model as the API reference reads it: tags dropped, character
// references decoded, on one line. Written to give exactly what Python's `html.unescape` and `\s`
// give, which the current edition's document was first extracted with.

/** Python's `\s` and `str.strip()`: Unicode whitespace, with the information separators 0x1C-0x1F and without U+FEFF. */
const WHITESPACE = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const RUN_OF_WHITESPACE = new RegExp(`[${WHITESPACE}]+`, 'g');
const EDGE_WHITESPACE = new RegExp(`^[${WHITESPACE}]+|[${WHITESPACE}]+$`, 'g');
const CHARACTER_REFERENCE = /&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)/g;
/** HTML's reading of the numbers 0x80 to 0x9F, from the first: as windows-1252 bytes (a byte it leaves undefined is itself). */
const WINDOWS_1252 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function documentationText(markup: string): string {
  return unescapeHtml(markup.replace(/<[^>]+>/g, ' '))
    .replace(RUN_OF_WHITESPACE, ' ')
    .replaceAll(' .', '.')
    .replaceAll(' ,', ',')
    .replace(EDGE_WHITESPACE, '');
}

/** HTML5's character references, decoded as the HTML standard (and Python's html.unescape) does. */
export function unescapeHtml(text: string): string {
  return text.replace(CHARACTER_REFERENCE, (_whole: string, reference: string) => (reference.startsWith('#') ? numericReference(reference) : namedReference(reference)));
}

function numericReference(reference: string): string {
  const hex = reference[1] === 'x' || reference[1] === 'X';
  const code = Number.parseInt(reference.slice(hex ? 2 : 1).replace(/;$/, ''), hex ? 16 : 10);
  if (code === 0) return '\ufffd';
  if (code === 0x0d) return '\r';
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252.charAt(code - 0x80);
  if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return '\ufffd';
  if (isNoncharacterOrControl(code)) return '';
  return String.fromCodePoint(code);
}

function isNoncharacterOrControl(code: number): boolean {
  return (code >= 0x1 && code <= 0x8) || code === 0xb || (code >= 0xe && code <= 0x1f) || code === 0x7f || (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
}

/** A name with its `;`, else the longest known prefix of it (a legacy name read bare), else the text as it was. */
function namedReference(reference: string): string {
  const whole = HTML_NAMED_REFERENCES[reference];
  if (whole !== undefined) return whole;
  for (let length = reference.length - 1; length > 1; length -= 1) {
    const prefix = HTML_NAMED_REFERENCES[reference.slice(0, length)];
    if (prefix !== undefined) return prefix + reference.slice(length);
  }
  return `&${reference}`;
}
