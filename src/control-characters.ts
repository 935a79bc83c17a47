// Text from a target is arbitrary, and some characters act instead of showing: C0 and C1 controls
// (ESC starts the sequences that retitle a terminal or clear its screen; XML 1.0 forbids most C0
// controls outright, and a JUnit file holding one is rejected whole by CI parsers), bidi controls
// that reorder what a person reads (U+202E, U+2066, …), zero-width and other invisible format
// characters (U+200B, U+2060, U+FEFF, …), line and paragraph separators, unpaired surrogates,
// U+FFFE and U+FFFF. Each is replaced by its visible `\uXXXX` spelling (`\u{XXXXX}` beyond U+FFFF)
// rather than dropped, so the reader still sees it was there and nothing acts.

// Everything that acts, tab and newline excepted: reports keep those for layout.
const ACTS_IN_REPORTS = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFE\uFFFF]/gu;
// On a terminal every line is one line: a newline from a target could forge a verdict line.
const ACTS_ON_TERMINALS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFE\uFFFF]/gu;
// What JSON.stringify leaves raw but a terminal showing results.json would act on. Only inside
// strings can these occur in JSON text, so escaping them there changes nothing a parser reads.
const RAW_IN_JSON = /[\u007F-\u009F\p{Cf}\p{Zl}\p{Zp}]/gu;

function spelling(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16).toUpperCase()}}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** For report text (HTML, XML): every character that acts, spelled out; tab and newline kept. */
export function spellOutForbiddenCharacters(text: string): string {
  return text.replace(ACTS_IN_REPORTS, spelling);
}

/** For a line on a terminal: every character that acts, newline and tab included, spelled out. */
export function spellOutForTerminal(text: string): string {
  return text.replace(ACTS_ON_TERMINALS, spelling);
}

/** JSON text with every character that acts written as a JSON escape, which parses back the same. */
export function escapeActingCharactersInJson(json: string): string {
  return json.replace(RAW_IN_JSON, (character) =>
    [...utf16(character)].map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`).join(''),
  );
}

function* utf16(text: string): Iterable<number> {
  for (let index = 0; index < text.length; index += 1) yield text.charCodeAt(index);
}
