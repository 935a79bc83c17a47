/** Whether two parsed JSON values are the same value, as an echo or a default must be. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
