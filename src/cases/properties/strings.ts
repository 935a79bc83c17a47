// What the string properties share: a documented pattern as a whole-value test, the characters it
// allows on their own, and the values no sample may take.
import fc from 'fast-check';

/** A spec pattern matches the whole value, as AWS's patterns do. */
export function wholeValue(regex: string): RegExp {
  return new RegExp(`^(?:${regex})$`);
}

/** Letters first, so that a shrunk value reads "aaa…" rather than "---…". */
const printable = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'].concat(
  Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)).filter((char) => !/[a-zA-Z0-9]/.test(char)),
);

/** Characters of printable ASCII that the pattern accepts as a whole value, leaving out `excluded`. */
export function charactersAlone(pattern: RegExp, excluded: string): fc.Arbitrary<string> {
  const allowed = printable.filter((char) => pattern.test(char) && !excluded.includes(char));
  if (allowed.length === 0) throw new Error(`No single printable character matches ${pattern.source}`);
  return fc.constantFrom(...allowed);
}

/**
 * A value a sample may take: not one that a case's placeholders would rewrite (`{{…}}`), so that
 * what is sent is exactly the value drawn.
 */
export function sendable(value: string): boolean {
  return !value.includes('{{');
}
