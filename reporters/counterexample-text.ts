// The one wording of a failing property's counterexample, for the JUnit failure and the HTML case.
import type { Counterexample } from '../src/results.ts';

/**
 * "BatchSize 11: the smallest value found that breaks the rule (drawn in run 3, shrunk in 12 steps);
 * --seed 42 draws it again (fast-check seed 123, path "2:1:0")"; when shrinking stopped at
 * --max-shrink-requests, it says so, and that a smaller value may break the rule too.
 */
export function describeCounterexample(found: Counterexample): string {
  const shrunk = `drawn in run ${found.runsUntilFailure}, shrunk in ${found.shrinkSteps} steps`;
  const shrinking =
    found.shrinkLimit === null ? `(${shrunk})` : `within --max-shrink-requests ${found.shrinkLimit} (${shrunk}, then stopped: a smaller value may break it too)`;
  return (
    `${found.field} ${JSON.stringify(found.value)}: the smallest value found that breaks the rule ${shrinking}; ` +
    `--seed ${found.seed} draws it again (fast-check seed ${found.propertySeed}, path "${found.path}")`
  );
}
