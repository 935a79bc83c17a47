// --label: the name a person gives a target, recorded in every report and shown as its dashboard column.

/** The label of a run against the embedded reference server, when none is given. */
export const REFERENCE_LABEL = 'reference server';

/** A label longer than this would not fit a column heading; results.json readers cut at 200. */
export const MAX_LABEL_LENGTH = 100;

/** The refusal of an empty or overlong --label; null for a usable one. */
export function labelProblem(label: string): string | null {
  if (label.trim() === '') return '--label must name the target, such as --label "moto 5.2.1", not be empty.';
  if (label.length > MAX_LABEL_LENGTH) return `--label is ${label.length} characters long: give at most ${MAX_LABEL_LENGTH}, such as "moto 5.2.1".`;
  return null;
}

/** The label a run records: the one given, else the target's origin, else the reference server's. */
export function runLabel(given: string | undefined, targetUrl: string | null): string {
  return given ?? targetUrl ?? REFERENCE_LABEL;
}
