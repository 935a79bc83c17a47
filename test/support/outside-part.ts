// What a test needs from outside npm (a browser, moto's server). Where it is missing, the tests
// that need it are skipped with one line naming them and the one command that enables them, so
// that `npm test` passes on a machine with only Node and npm; under CI=true (.ci/run sets it) they
// run all the same and fail naming what is missing, so that CI never passes by skipping them.

export interface OutsidePart {
  /** What the tests need, as a person names it: "a Chromium browser". */
  readonly what: string;
  /** Why it cannot be had here, or null when it can. */
  readonly missing: string | null;
  /** The one command that provides it. */
  readonly enable: string;
}

/** Whether the tests that need `part` are skipped here, said on one line when they are. */
export function skippedWithout(tests: string, part: OutsidePart, env: NodeJS.ProcessEnv = process.env): boolean {
  if (part.missing === null || env['CI'] === 'true') return false;
  console.warn(`skipped: ${tests}, which need ${part.what}: ${part.missing}; \`${part.enable}\` enables them`);
  return true;
}

/** Throws, naming what is missing and how to get it, when `part` cannot be had (under CI=true). */
export function requirePart(part: OutsidePart): void {
  if (part.missing !== null) throw new Error(`${part.what} is needed under CI=true: ${part.missing}; \`${part.enable}\` provides it`);
}
