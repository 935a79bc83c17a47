// Keeps credentials out of everything the suite records: observations, reports, logs.

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
 * a decoder could turn back into it: each character may appear as itself, JSON-escaped (`\u0063`,
 * `\/`), percent-encoded (`%2F`) or as an HTML character reference (`&#47;`, `&#x2F;`, `&amp;`), in
 * any mixture. A target that echoes a token JSON-escaped is then masked in the raw text, before
 * parsing decodes it. Empty secrets are ignored.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  // Longest first, so that a secret containing another is hidden whole rather than in pieces.
  const ordered = secrets.filter((secret) => secret !== '').sort((a, b) => b.length - a.length);
  let result = text;
  for (const secret of ordered) {
    // The cheap test first: most text holds no secret in any spelling, nor any escape at all.
    if (!result.includes(secret) && !/[\\%&]/.test(result)) continue;
    result = result.replace(spellingsOf(secret), REDACTED);
  }
  return result;
}

const patterns = new Map<string, RegExp>();

function spellingsOf(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (pattern === undefined) {
    pattern = new RegExp([...secret].map(characterSpellings).join(''), 'g');
    patterns.set(secret, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

const JSON_SHORT_ESCAPES = new Set(['/', '"', '\\']);
const HTML_NAMED: Readonly<Record<string, string>> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };

function characterSpellings(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  const spellings = [escapeRegExp(character)];
  // JSON: \uXXXX (a surrogate pair for an astral character), and the short escapes.
  spellings.push([...utf16Units(character)].map((unit) => `\\\\u${hex(unit, 4)}`).join(''));
  if (JSON_SHORT_ESCAPES.has(character)) spellings.push(`\\\\${escapeRegExp(character)}`);
  // Percent-encoding of the UTF-8 bytes.
  spellings.push([...Buffer.from(character, 'utf8')].map((byte) => `%${hex(byte, 2)}`).join(''));
  // HTML character references, decimal and hexadecimal, and the named ones.
  spellings.push(`&#0*${code};`, `&#[xX]0*${hex(code, 1)};`);
  const named = HTML_NAMED[character];
  if (named !== undefined) spellings.push(`&${named};`);
  return `(?:${spellings.join('|')})`;
}

function* utf16Units(character: string): Iterable<number> {
  for (let index = 0; index < character.length; index += 1) yield character.charCodeAt(index);
}

/** Hexadecimal digits, either case, at least `width` of them (leading zeros as written). */
function hex(value: number, width: number): string {
  return [...value.toString(16).padStart(width, '0')].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join('');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
