import { defineCheck } from './check.ts';

/** The first request a case needs (the mapping a duplicate repeats) was accepted. Named by the runner and by `pact verify`. */
export const precondition = defineCheck({
  name: 'precondition',
  level: null,
  wording: { prefix: 'precondition', headline: (words) => `the first request a case needs was not accepted (${words.observed})` },
  pact: { notExpressible: 'the first request is a provider state of the interaction, not a check of its answer; a state that could not be set up is an error of the verifier' },
});
