import type { Case } from './case.ts';

/** Cases whose id, clause or title matches `grep` as a case-insensitive regular expression. */
export function selectCases(cases: readonly Case[], grep: string | undefined): Case[] {
  if (grep === undefined) return [...cases];
  const pattern = new RegExp(grep, 'i');
  return cases.filter((testCase) => pattern.test(testCase.id) || pattern.test(testCase.clause) || pattern.test(testCase.title));
}

/**
 * The cases `times` times over, in rounds: every case once, then every case again. A repeated case
 * is the same case under its own id (`BatchSize/sqs/0#2`), so that each send is reported.
 */
export function repeatCases(cases: readonly Case[], times: number): Case[] {
  return Array.from({ length: times }, (_, round) => (round === 0 ? [...cases] : cases.map((testCase) => ({ ...testCase, id: `${testCase.id}#${round + 1}` })))).flat();
}

/** The round of `repeatCases` a case belongs to, from 1. */
export function roundOf(testCase: Case): number {
  const suffix = /#(\d+)$/.exec(testCase.id);
  return suffix === null ? 1 : Number(suffix[1]);
}

/** The I-th of N slices of a run (--shard I/N), I from 1. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * The cases at positions index-1, index-1+count, index-1+2×count, … : every family and source spread
 * over the slices, so that they take about as long; the same cases in the same order give the same slice.
 */
export function shardCases<T>(cases: readonly T[], shard: Shard): T[] {
  return cases.filter((_, position) => position % shard.count === shard.index - 1);
}
