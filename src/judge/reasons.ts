import type { CheckName } from '../checks/index.ts';
import type { Reason } from '../results.ts';

export function reason(check: CheckName, clause: string, message: string): Reason {
  return { check, clause, message };
}

/** More reasons than a reader can use say nothing more: the first ones, then how many others. */
export const MAX_REASONS_PER_CASE = 20;

export function capReasons(reasons: readonly Reason[]): Reason[] {
  if (reasons.length <= MAX_REASONS_PER_CASE) return [...reasons];
  const kept = reasons.slice(0, MAX_REASONS_PER_CASE - 1);
  const last = reasons[reasons.length - 1] as Reason;
  return [...kept, { check: last.check, clause: last.clause, message: `and ${reasons.length - kept.length} more reasons like these` }];
}
