// The sentences several checks' findings share.
import type { FindingWords } from './check.ts';

/** Of a wrong status or error type: the same sentence, chosen by which of the two answers is a success. */
export function wrongAnswer({ expected, observed, expectedSuccess, observedSuccess }: FindingWords): string {
  if (observedSuccess === null) return `no answer came, the documentation says ${expected}`;
  if (expectedSuccess && observedSuccess) return `a successful create answered ${observed}, the documentation says ${expected}`;
  if (expectedSuccess) return `a create the documentation accepts was refused with ${observed}, it says ${expected}`;
  if (observedSuccess) return `a request the documentation refuses with ${expected} was accepted with ${observed}`;
  return `a refusal answered ${observed}, the documentation says ${expected}`;
}

/** Of a success answer that has the right status but is wrong otherwise. */
export const ofSuccess =
  (what: string) =>
  (words: FindingWords): string =>
    `a success answer (${words.observed}) ${what}`;
