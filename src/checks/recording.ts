import { defineCheck } from './check.ts';

/**
 * The answer is the one a recording holds for the same request (`run --compare-recording`): the
 * same status, error type and body members after normalisation. Judged where the run's exchanges
 * are compared (src/recording/compare.ts); a recording is evidence, not the documentation, so a
 * difference fails the case and keeps back no level.
 */
export const recordingConformance = defineCheck({
  name: 'recording_conformance',
  level: 'none',
  wording: { prefix: 'recording', headline: ({ observed }) => `an answer (${observed}) differs from the one the recording holds` },
  pact: { notExpressible: 'a recording is what one target answered, not what the documentation promises: it has no place in a contract' },
});
