import { defineCheck } from './check.ts';

/** Every fixture the case needs exists on the target; a case without one is skipped. Named by the runner. */
export const fixturesAvailable = defineCheck({
  name: 'fixtures_available',
  level: null,
  wording: { prefix: 'no-fixture', headline: () => 'a fixture the case needs is missing on the target' },
  pact: { notExpressible: 'what must exist before a request is a provider state of the interaction, not a check of its answer' },
});
