// The one wording of a failing property's counterexample, for the JUnit failure and the HTML case.
import type { Counterexample } from '../src/results.ts';

/**
 * "BatchSize 10001 breaks the rule: the value drawn in run 3, shrunk in 12 steps to the simplest
 * that still fails (others may fail too, smaller ones among them); --seed 42 draws it again
 * (fast-check seed 123, path "2:1:0")". Shrinking stays within the piece of the domain the value was
 * drawn from (SQS's 10001 to 2147483647, though 11 to 10000 fails too), so the value is not said to
 * be the smallest; when shrinking stopped at --max-shrink-requests, it says so.
 */
export function describeCounterexample(found: Counterexample): string {
  const drawn = `the value drawn in run ${found.runsUntilFailure}, shrunk in ${found.shrinkSteps} steps`;
  const shrunk =
    found.shrinkLimit === null
      ? `${drawn} to the simplest that still fails (others may fail too, smaller ones among them)`
      : `${drawn}, then stopped at --max-shrink-requests ${found.shrinkLimit} (a simpler value may fail too)`;
  return `${found.field} ${JSON.stringify(found.value)} breaks the rule: ${shrunk}; --seed ${found.seed} draws it again (fast-check seed ${found.propertySeed}, path "${found.path}")`;
}
