/** A value as a finding's sentence quotes it: JSON, or "nothing" for a member that is absent. */
export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
