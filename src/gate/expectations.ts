// An expectations file as the gate reads it: the known deviations of a target, in the manner of
// Web Platform Tests' expectation files. Each entry records the forms of the deviation (what was
// observed), so that a case that starts to deviate differently counts as new.
import type { DeviationForm } from '../results.ts';

export const EXPECTED_OUTCOMES = ['fail', 'error', 'skip'] as const;
export type ExpectedOutcome = (typeof EXPECTED_OUTCOMES)[number];

export interface Expectation {
  /** A case id, or a glob over case ids (see case-pattern.ts). */
  readonly pattern: string;
  readonly outcome: ExpectedOutcome;
  /**
   * Every answer the case may give, at least one: a property case draws other values under another
   * seed, and a target may answer the values of one range otherwise than those of the next.
   */
  readonly forms: readonly DeviationForm[];
  readonly reason: string;
  readonly link: string | null;
  /** The entry's line in its file: stale entries are reported there. */
  readonly line: number;
}

/**
 * What a file was made with (`seed`, `edition`, `version` at its top), each null in a file that
 * does not say: the seed a gate without --seed draws from, the edition a run must judge by to use
 * the file, and the version of this tool that wrote it.
 */
export interface MadeWith {
  readonly seed: number | null;
  readonly edition: string | null;
  readonly version: string | null;
}

export interface Expectations {
  /** The file, as given on the command line. */
  readonly file: string;
  /** The file's text as read: --update-expectations keeps its comments. */
  readonly text: string;
  readonly madeWith: MadeWith;
  readonly entries: readonly Expectation[];
}

// Bounds a file is read within, and --update-expectations writes within: the same on both sides,
// so that it never writes a file --expectations refuses.

/** Forms one entry may list. */
export const MAX_FORMS = 16;
/** A reason is a few sentences; the judge's own words stand in for one until a person writes it. */
export const MAX_REASON_LENGTH = 1000;
/** `edition` and `version`: an edition's name is part of a file name, which no file system lets pass 255. */
export const MAX_MADE_WITH_LENGTH = 255;
/** The largest seed, as --seed takes it. */
export const MAX_SEED = 2 ** 32 - 1;

/** A reason within MAX_REASON_LENGTH: itself, or its head and how long it was. */
export function boundedReason(reason: string): string {
  if (reason.length <= MAX_REASON_LENGTH) return reason;
  const cut = `… (${reason.length} characters)`;
  return `${reason.slice(0, MAX_REASON_LENGTH - cut.length)}${cut}`;
}
