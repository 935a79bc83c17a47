import { defineCheck } from './check.ts';
import { ofSuccess } from './wording.ts';

/** A success answer's body is a JSON object (within the bounds the suite reads). Judged in src/judge/judge.ts, before the body checks. */
export const responseBodyIsJson = defineCheck({
  name: 'response_body_is_json',
  level: 2,
  wording: { prefix: 'body-not-json', headline: ofSuccess('is not a JSON object') },
  // The verifier reports a body it cannot read as JSON among its body mismatches: counted as shape.
  pact: { frame: 'JSON body' },
});
