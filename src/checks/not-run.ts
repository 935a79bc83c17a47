import { defineCheck } from './check.ts';

/** The case was not run (the run ended first). Named by the reporters, for a case without a result. */
export const notRun = defineCheck({
  name: 'not_run',
  level: null,
  wording: { prefix: 'not-run', headline: () => 'the case was not run' },
  pact: { notExpressible: 'a case the run did not reach: no answer to describe' },
});
