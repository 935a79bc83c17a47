import { defineCheck } from './check.ts';

/** What the case created was deleted, so that it leaves nothing behind. Named by the runner. */
export const mappingCleanup = defineCheck({
  name: 'mapping_cleanup',
  level: null,
  wording: { prefix: 'cleanup', headline: () => 'a mapping the case created could not be deleted' },
  pact: { notExpressible: 'deleting what an interaction created is the provider state handlers\' work after the answer, not a check of it' },
});
