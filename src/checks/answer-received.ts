import { defineCheck } from './check.ts';

/** An answer came, and not only throttling: without one, the case could not be judged. Named by the judge and by `pact verify`. */
export const answerReceived = defineCheck({
  name: 'answer_received',
  level: null,
  wording: {
    prefix: 'unjudged',
    headline: (words) =>
      words.observedSuccess === null
        ? `no answer came (a timeout, a reset or a refused connection), so nothing was judged; the documentation says ${words.expected}`
        : `the target kept answering ${words.observed} (throttled), so nothing was judged`,
  },
  pact: { notExpressible: 'whether an answer came at all is not a part of the answer: the verifier reports a request that got none as an error of its own' },
});
