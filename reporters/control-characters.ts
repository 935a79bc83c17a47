// Responses are arbitrary bytes from the target, so report text can hold characters that XML 1.0
// forbids outright (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF;
// unpaired surrogates). A JUnit file holding one is rejected whole by CI parsers. They are
// replaced by their `\uXXXX` spelling rather than dropped, so the reader still sees they were there.

// Without the `u` flag so that unpaired surrogates can be matched one code unit at a time.
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces every character XML 1.0 cannot carry with its visible `\uXXXX` spelling. */
export function spellOutForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
