// One test per case of the plan that `lambda-esm-conformance run` provides; each test's judged
// result goes back to the reporters on its meta (see hand-off.ts).
import { afterAll, describe, inject, test } from 'vitest';
import type { CaseResult } from '../src/results.ts';
import { openCaseRunner } from '../src/runner/case-runner.ts';
import { spreadOverSources } from '../src/runner/spread-over-sources.ts';
import { fixturesFromCli } from './hand-off.ts';

const { fixtureChannel, ...provided } = inject('plan');
// The worker starts while the CLI makes the fixtures; its cases are collected once they exist.
const fixtures = await fixturesFromCli(fixtureChannel);

// Null: the run ended before its first case, and the CLI reports nothing of this suite.
if (fixtures !== null) {
  const plan = { ...provided, ...fixtures };
  const runner = openCaseRunner(plan);

  afterAll(() => runner.close());

  describe.concurrent(`CreateEventSourceMapping, ${plan.edition} edition`, () => {
    // The reports keep the plan's order; vitest starts the tests spread over the sources.
    for (const testCase of spreadOverSources(plan.cases)) {
      test(testCase.id, async ({ task, skip }) => {
        const result = await runner.run(testCase);
        task.meta.result = result;
        if (result.outcome === 'skip') skip(result.reasons[0]?.message);
        if (result.outcome !== 'pass') throw new Error(explain(result));
      });
    }
  });
}

function explain(result: CaseResult): string {
  const heading = result.outcome === 'error' ? 'could not be judged' : 'does not conform';
  return [`${result.title} ${heading}:`, ...result.reasons.map((reason) => `  [${reason.check}] ${reason.clause}: ${reason.message}`)].join('\n');
}
