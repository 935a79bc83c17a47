// Colour on a terminal, as https://no-color.org asks: only when the stream is a TTY, never with
// NO_COLOR set (to anything but the empty string) or TERM=dumb. A few ANSI codes, no dependency.

export type Colour = 'red' | 'green' | 'yellow' | 'bold';

const SGR: Readonly<Record<Colour, number>> = { red: 31, green: 32, yellow: 33, bold: 1 };

/** Paints text for a console that wants colour; returns it unchanged for one that does not. */
export type Paint = (text: string, colour: Colour) => string;

export const noColour: Paint = (text) => text;

export const ansiColour: Paint = (text, colour) => `\u001b[${SGR[colour]}m${text}\u001b[0m`;

/** Whether a stream is a console that wants colour. */
export function wantsColour(stream: { readonly isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env['NO_COLOR'] ?? '') === '' && env['TERM'] !== 'dumb';
}

/** A word of our own in a console line (a mark, a verdict), painted once the line is made safe to print. */
export interface Mark {
  readonly word: string;
  readonly colour: Colour;
}
