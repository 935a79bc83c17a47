import type { GateStatus } from '../../src/results.ts';

const GATE_WORDS: Readonly<Record<GateStatus, string>> = { conforms: 'conforms', expected: 'expected deviation', 'unexpected-pass': 'unexpected pass', regression: 'regression' };

/** The gate's status of a case in words, the same on its badge and in the filter. */
export function gateWords(status: GateStatus): string {
  return GATE_WORDS[status];
}
