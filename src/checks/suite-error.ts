import { defineCheck } from './check.ts';

/** The suite itself failed before judging the case. Named by the reporters. */
export const suiteError = defineCheck({
  name: 'suite_error',
  level: null,
  wording: { prefix: 'suite-error', headline: () => 'the suite failed before judging the case' },
  pact: { notExpressible: 'a failure of the suite, not of the target: no answer to describe' },
});
