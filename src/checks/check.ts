// What a named check is: its name, the certification level it belongs to, the words of its
// findings, and how it appears in a Pact interaction. A check of a success answer also says which
// answers it is attached to and how it judges one (response-check.ts). Each check is one module of
// this folder, registered in index.ts.
import type { Case, JsonValue } from '../cases/case.ts';
import type { Matcher } from '../pact/pact-file.ts';
import type { ClaimedLevel } from './levels.ts';

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

/** How a finding of a check is named and said. */
export interface CheckWording {
  /** The id's first word: "status" in "status-201-for-202". */
  readonly prefix: string;
  readonly headline: (words: FindingWords) => string;
}

/**
 * A difference Pact's verifier reports: its kind (StatusMismatch, HeaderMismatch, BodyMismatch, …)
 * and where: a body's JSON path (`$.State`), or a header's name in lower case (`x-amzn-errortype`).
 */
export interface VerifierMismatch {
  readonly type: unknown;
  readonly path: string | null;
}

/** A check Pact cannot carry, and why: said in its module, so that the export never drops one unawares. */
export interface NotExpressible {
  readonly notExpressible: string;
}

/**
 * A check carried by the frame every interaction the export writes has (src/pact/response-matchers.ts):
 * its status, the error-type header of a refusal, or a success body sent as JSON.
 */
export interface CarriedByFrame {
  readonly frame: 'status' | 'error-type header' | 'JSON body';
  /** Whether a mismatch the verifier reports is a failure of this check; without it, its failures come as body mismatches, counted as shape. */
  readonly explains?: (mismatch: VerifierMismatch) => boolean;
}

/** A member of the success body an interaction expects: an example value, and how the verifier matches it. */
export interface PactMember {
  readonly example: JsonValue;
  readonly matchers: Matcher[];
}

/** A header the success answer of an interaction must carry: an example value, and how the verifier matches it. */
export interface PactHeader {
  readonly example: string;
  readonly matchers: Matcher[];
}

/** The success answer of an interaction as the export builds it, each check of the case adding to it in turn. */
export interface PactAnswerDraft {
  readonly testCase: Case;
  /** The members so far, in the order they were added. */
  readonly members: Map<string, PactMember>;
  /** The headers it must carry besides its Content-Type (`mediaType`), by name, in the order they were added. */
  readonly headers: Map<string, PactHeader>;
  /** The media type the body is declared with; unset until a check gives it. */
  mediaType: string | undefined;
  /** An example of a member whose value differs from target to target (a UUID, an ARN, a time). */
  readonly example: (field: string) => JsonValue;
  /** The example ARN the export's provider states give the case's source, when it has one. */
  readonly sourceArnExample: string | undefined;
}

export interface CheckDefinition<Name extends string = string> {
  /** By what it verifies (`…_conformance`), as Schemathesis names its checks. Part of every report. */
  readonly name: Name;
  /**
   * The level a failure of it keeps back (src/checks/levels.ts); null for a check of the run around
   * the answer rather than of the answer: its case could not be judged, and keeps back every level;
   * `'none'` for a check beyond the documentation (another target's answers), which keeps back none.
   */
  readonly level: ClaimedLevel | null | 'none';
  readonly wording: CheckWording;
  readonly pact: CarriedByFrame | NotExpressible;
}

/** A check of the answer's frame or of the run around it, its name written once. */
export function defineCheck<const Name extends string>(definition: CheckDefinition<Name>): CheckDefinition<Name> {
  return definition;
}
