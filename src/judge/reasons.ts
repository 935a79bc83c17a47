import type { CheckName } from '../check-names.ts';
import type { Reason } from '../results.ts';

export function reason(check: CheckName, clause: string, message: string): Reason {
  return { check, clause, message };
}

export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
