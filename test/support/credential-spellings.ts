// Every spelling of a credential the suite promises to mask, by name: what the hostile targets echo,
// what the masking's own tests feed it, and what no report or console line may hold.

const hex = (character: string): string => (character.codePointAt(0) ?? 0).toString(16);
const decimal = (character: string): string => String(character.codePointAt(0) ?? 0);

/** Every character as `\uXXXX`, and `/` also as `\/` where it appears, as PHP's encoder writes it. */
export function jsonEscapedEveryCharacter(text: string): string {
  return [...text].map((character) => `\\u${hex(character).padStart(4, '0')}`).join('');
}

export function jsonEscapedSlashes(text: string): string {
  return text.replace(/\//g, '\\/');
}

// The named references of the characters base64 adds to letters and digits.
const NAMED: Readonly<Record<string, string>> = { '/': '&sol;', '+': '&plus;', '=': '&equals;' };
const named = (character: string): string => NAMED[character] ?? character;

/** Each character spelled in turn as itself, JSON-escaped, percent-encoded, as a decimal reference without `;`, a hex one, a named one. */
function mixture(value: string): string {
  const ways = [
    (character: string) => character,
    (character: string) => jsonEscapedEveryCharacter(character),
    (character: string) => `%${hex(character).padStart(2, '0')}`,
    (character: string) => `&#${decimal(character)}`,
    (character: string) => `&#X${hex(character).toUpperCase()};`,
    named,
  ];
  return [...value].map((character, index) => (ways[index % ways.length] ?? named)(character)).join('');
}

export function credentialSpellings(value: string): Readonly<Record<string, string>> {
  const escaped = jsonEscapedEveryCharacter(value);
  const percent = encodeURIComponent(value);
  return {
    'as itself': value,
    'lower-cased, as header names are': value.toLowerCase(),
    'upper-cased': value.toUpperCase(),
    'JSON-escaped, lower-case hex': escaped,
    'JSON-escaped, upper-case hex': escaped.replace(/\\u([0-9a-f]{4})/g, (_, digits: string) => `\\u${digits.toUpperCase()}`),
    'slashes escaped, as PHP writes them': jsonEscapedSlashes(value),
    'percent-encoded': percent,
    'percent-encoded, lower-case hex': percent.replace(/%[0-9A-F]{2}/g, (code) => code.toLowerCase()),
    'percent-encoded, every character': [...value].map((character) => `%${hex(character).toUpperCase().padStart(2, '0')}`).join(''),
    'decimal references': [...value].map((character) => `&#${decimal(character)};`).join(''),
    'decimal references without ;': [...value].map((character) => `&#${decimal(character)}`).join(''),
    'hex references without ;, zero-padded': [...value].map((character) => `&#x00${hex(character)}`).join(''),
    'hex references, upper-case': [...value].map((character) => `&#X${hex(character).toUpperCase()};`).join(''),
    'named references where HTML has them': [...value].map(named).join(''),
    'a mixture of all': mixture(value),
  };
}
