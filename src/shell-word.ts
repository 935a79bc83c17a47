// Words of a command line a person pastes into a POSIX shell, as the tool prints them (the gate's
// command after --update-expectations, a finding's reproduce and curl lines).

/** A single-quoted shell word: nothing in it is expanded. */
export function quoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The word as it is when the shell reads it so (`#` only past the first character, where it starts no comment), else quoted. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-][\w@%+=:,./#-]*$/.test(word) ? word : quoted(word);
}
