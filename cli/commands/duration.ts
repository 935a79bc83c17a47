// A duration as a person writes one on a command line: a whole number and a unit (30m, 2h, 7d).

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d{1,6})([smhd])$/;

/** The milliseconds `text` names, or null when it is not a duration. */
export function durationMs(text: string): number | null {
  const parts = DURATION.exec(text.trim());
  if (parts === null) return null;
  const [, amount = '', unit = 's'] = parts;
  return Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
}

/** The refusal of a flag's value that is not a duration, naming the flag. */
export function durationProblem(flag: string): (text: string) => string | null {
  return (text) => (durationMs(text) === null ? `${flag} "${text}" is not a duration: give a whole number and s, m, h or d, such as 90m or 2h.` : null);
}
