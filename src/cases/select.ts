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
