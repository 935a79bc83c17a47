import { escapeActingCharactersInJson } from '../control-characters.ts';

/** Values quoted in a message are cut to this many characters: a file may hold a value of any size. */
export const EXCERPT_LENGTH = 80;

/**
 * A value as a message quotes it: in JSON quotes, cut short with its length when it is long, and
 * every character that would act on a terminal (bidi controls, C1 controls such as CSI and NEL,
 * which JSON.stringify leaves raw) written as its `\uXXXX` escape.
 */
export function excerpt(value: string): string {
  const quoted = escapeActingCharactersInJson(JSON.stringify(value.length <= EXCERPT_LENGTH ? value : value.slice(0, EXCERPT_LENGTH)));
  return value.length <= EXCERPT_LENGTH ? quoted : `${quoted}… (${value.length} characters)`;
}
