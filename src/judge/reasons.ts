import type { CheckName } from '../checks/index.ts';
import { cutToLength, MAX_MESSAGE_LENGTH } from '../bounded-text.ts';
import type { Reason } from '../results.ts';

/** A reason, its message cut to MAX_MESSAGE_LENGTH: it may quote whatever a target sent. */
export function reason(check: CheckName, clause: string, message: string): Reason {
  return { check, clause, message: cutToLength(message, MAX_MESSAGE_LENGTH) };
}

/** More reasons than a reader can use say nothing more: the first ones, then how many others. */
export const MAX_REASONS_PER_CASE = 20;

export function capReasons(reasons: readonly Reason[]): Reason[] {
  if (reasons.length <= MAX_REASONS_PER_CASE) return [...reasons];
  const kept = reasons.slice(0, MAX_REASONS_PER_CASE - 1);
  const last = reasons[reasons.length - 1] as Reason;
  return [...kept, { check: last.check, clause: last.clause, message: `and ${reasons.length - kept.length} more reasons like these` }];
}
