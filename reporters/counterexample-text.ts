// The one wording of a failing property's counterexample, for the JUnit failure and the HTML case.
import type { Counterexample } from '../src/results.ts';

/** "BatchSize 11: found in run 3, shrunk in 12 steps; --seed 42 draws it again (fast-check seed 123, path "2:1:0")". */
export function describeCounterexample(found: Counterexample): string {
  return (
    `${found.field} ${JSON.stringify(found.value)}: the smallest value found that breaks the rule (drawn in run ${found.runsUntilFailure}, shrunk in ${found.shrinkSteps} steps); ` +
    `--seed ${found.seed} draws it again (fast-check seed ${found.propertySeed}, path "${found.path}")`
  );
}
