// How a finding of each check is named and said: one table, so that a new check must be given words.
import type { CheckName } from '../check-names.ts';

/** The parts of a finding's sentence, already in words. */
export interface FindingWords {
  /** "202", "400 InvalidParameterValueException". */
  readonly expected: string;
  /** "201", "400 ResourceNotFoundException", "no answer". */
  readonly observed: string;
  readonly expectedSuccess: boolean;
  /** Null when there was no answer. */
  readonly observedSuccess: boolean | null;
}

interface CheckWording {
  /** The id's first word: "status" in "status-201-for-202". */
  readonly prefix: string;
  readonly headline: (words: FindingWords) => string;
}

// Status and error type: the same sentence, chosen by which of the two answers is a success.
function wrongAnswer({ expected, observed, expectedSuccess, observedSuccess }: FindingWords): string {
  if (observedSuccess === null) return `no answer came, the documentation says ${expected}`;
  if (expectedSuccess && observedSuccess) return `a successful create answered ${observed}, the documentation says ${expected}`;
  if (expectedSuccess) return `a create the documentation accepts was refused with ${observed}, it says ${expected}`;
  if (observedSuccess) return `a request the documentation refuses with ${expected} was accepted with ${observed}`;
  return `a refusal answered ${observed}, the documentation says ${expected}`;
}

const ofSuccess = (what: string) => (words: FindingWords): string => `a success answer (${words.observed}) ${what}`;

export const CHECK_WORDING: Readonly<Record<CheckName, CheckWording>> = {
  status_code_conformance: { prefix: 'status', headline: wrongAnswer },
  error_type_conformance: { prefix: 'type', headline: wrongAnswer },
  response_body_is_json: { prefix: 'body-not-json', headline: ofSuccess('is not a JSON object') },
  response_schema_conformance: { prefix: 'shape', headline: ofSuccess('does not have the documented shape') },
  echoed_value_conformance: { prefix: 'echo', headline: ofSuccess('does not echo a value the request set') },
  default_value_conformance: { prefix: 'default', headline: ofSuccess('does not give an omitted field its documented default') },
  function_arn_conformance: { prefix: 'function-arn', headline: ofSuccess('names a FunctionArn other than that of the mapped function') },
  state_conformance: { prefix: 'state', headline: ofSuccess('gives a State the documentation does not allow') },
  content_type_conformance: { prefix: 'content-type', headline: ofSuccess('does not declare the Content-Type the documentation gives it') },
  answer_received: {
    prefix: 'unjudged',
    headline: (words) =>
      words.observedSuccess === null
        ? `no answer came (a timeout, a reset or a refused connection), so nothing was judged; the documentation says ${words.expected}`
        : `the target kept answering ${words.observed} (throttled), so nothing was judged`,
  },
  fixtures_available: { prefix: 'no-fixture', headline: () => 'a fixture the case needs is missing on the target' },
  precondition: { prefix: 'precondition', headline: (words) => `the first request a case needs was not accepted (${words.observed})` },
  mapping_cleanup: { prefix: 'cleanup', headline: () => 'a mapping the case created could not be deleted' },
  suite_error: { prefix: 'suite-error', headline: () => 'the suite failed before judging the case' },
  not_run: { prefix: 'not-run', headline: () => 'the case was not run' },
};
