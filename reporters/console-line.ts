// The last pass over every line the suite prints: no credential in any spelling, and every
// character a target chose that would act on a terminal (ESC, OSC, a carriage return or newline
// that forges a line, bidi overrides, zero-width characters) spelled out so that it cannot.
import { redactSecrets } from '../src/transport/index.ts';
import { spellOutForTerminal } from '../src/control-characters.ts';
import type { Mark, Paint } from './console-colour.ts';

/** `text` made safe to print as one line (the caller adds the newline). */
export function consoleLine(text: string, secrets: readonly string[]): string {
  return spellOutForTerminal(redactSecrets(text, secrets));
}

/**
 * `consoleLine`, with `mark`'s first occurrence painted: after the masking, which would spell out
 * the escape codes. A mark is always our own word, never a target's.
 */
export function paintedConsoleLine(text: string, secrets: readonly string[], paint: Paint, mark: Mark | undefined): string {
  const line = consoleLine(text, secrets);
  return mark === undefined ? line : line.replace(mark.word, paint(mark.word, mark.colour));
}
