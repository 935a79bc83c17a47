import type { Case } from './case.ts';

/** Cases whose id, clause or title matches `grep` as a case-insensitive regular expression. */
export function selectCases(cases: readonly Case[], grep: string | undefined): Case[] {
  if (grep === undefined) return [...cases];
  const pattern = new RegExp(grep, 'i');
  return cases.filter((testCase) => pattern.test(testCase.id) || pattern.test(testCase.clause) || pattern.test(testCase.title));
}
