// The last pass over every line the suite prints: no credential in any spelling, and every
// character a target chose that would act on a terminal (ESC, OSC, a carriage return or newline
// that forges a line, bidi overrides, zero-width characters) spelled out so that it cannot.
import { redactSecrets } from '../src/transport/index.ts';
import { spellOutForTerminal } from '../src/control-characters.ts';

/** `text` made safe to print as one line (the caller adds the newline). */
export function consoleLine(text: string, secrets: readonly string[]): string {
  return spellOutForTerminal(redactSecrets(text, secrets));
}
