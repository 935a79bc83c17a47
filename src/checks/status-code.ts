import { defineCheck } from './check.ts';
import { wrongAnswer } from './wording.ts';

/** The answer's status is one the case accepts. Judged in src/judge/status-and-type.ts, with the error type. */
export const statusCode = defineCheck({
  name: 'status_code_conformance',
  level: 1,
  wording: { prefix: 'status', headline: wrongAnswer },
  pact: { frame: 'status', explains: (mismatch) => mismatch.type === 'StatusMismatch' },
});
