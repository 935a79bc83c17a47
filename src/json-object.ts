/** Whether a parsed JSON value is an object (not null, not an array): the one test of it. */
export function isJsonObject<Member = unknown>(value: unknown): value is Record<string, Member> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
