/** Whether a parsed JSON value is an object (not null, not an array): the one test of it. */
export function isJsonObject<Member = unknown>(value: unknown): value is Record<string, Member> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether two parsed JSON values are the same value, as an echo, a default or a recorded answer
 * must be. An object's members have no order in JSON: `{"MaximumPollers":2,"MinimumPollers":2}`
 * is `{"MinimumPollers":2,"MaximumPollers":2}`; a list's items do.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  if (isJsonObject(a) || isJsonObject(b)) {
    if (!isJsonObject(a) || !isJsonObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
  }
  return Object.is(a, b);
}
