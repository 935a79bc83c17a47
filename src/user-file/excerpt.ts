/** Values quoted in a message are cut to this many characters: a file may hold a value of any size. */
export const EXCERPT_LENGTH = 80;

/** A value as a message quotes it: in JSON quotes, cut short with its length when it is long. */
export function excerpt(value: string): string {
  if (value.length <= EXCERPT_LENGTH) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, EXCERPT_LENGTH))}… (${value.length} characters)`;
}
