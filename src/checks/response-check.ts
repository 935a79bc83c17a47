// A check of a success answer: which success answers it is attached to (given the spec, the
// request and its source), the data a case carries for it, how it judges an answer, and how the
// Pact export expresses it.
import type { JsonObject } from '../cases/case.ts';
import type { DefaultRule, FunctionNameForm, SourceType, Spec } from '../spec/types.ts';
import type { ObservedResponse } from '../transport/types.ts';
import type { CheckDefinition, NotExpressible, PactAnswerDraft, VerifierMismatch } from './check.ts';

/** What a case carries for a check of its success answer: which check, the clause it cites, and what it compares with. */
export interface ResponseCheckData {
  readonly kind: string;
  readonly clause: string;
}

/** A success answer a case expects, as the spec describes it: what each check decides by whether it is attached. */
export interface ExpectedSuccess {
  readonly spec: Spec;
  readonly sourceType: SourceType;
  /** The request's body, its `{{placeholders}}` unresolved. */
  readonly body: JsonObject;
  /** The form the request names its function in. */
  readonly form: FunctionNameForm;
}

/**
 * A member of the request the answer carries again: each field the answer documents on the case's
 * source (in the spec's order), then the event source's ARN. Sent, or left out of the request.
 */
export interface AnsweredMember {
  readonly name: string;
  /** The clause its values are documented by: the field's range or type; for the event source's ARN, its source type's ARN. */
  readonly clause: string;
  /** Its documented default on the case's source, when it has one. */
  readonly fallback: DefaultRule | undefined;
}

/**
 * Which success answers a check is attached to: to the answer as a whole (none, one or several
 * times), or to each member of the request the answer carries. The checks of the members are
 * attached member by member, each member's in the order of CHECKS (src/checks/index.ts), where the
 * first of them stands there.
 */
export type Attachment<Data> =
  | { readonly toAnswer: (answer: ExpectedSuccess) => Data[] }
  | { readonly toEachMember: (member: AnsweredMember, answer: ExpectedSuccess) => Data | undefined };

/** What the judge knows besides the case and the answer: the function the placeholders named. */
export interface JudgeContext {
  /** ARN of the provisioned function; its account and region are the target's. */
  readonly functionArn: string;
}

/** A success answer whose body is a JSON object, beside the body of the request that got it. */
export interface SuccessAnswer {
  readonly body: Readonly<Record<string, unknown>>;
  readonly sent: Readonly<Record<string, unknown>>;
  readonly context: JudgeContext;
}

/** What is wrong, in a sentence, citing the check's clause unless another (a field's) is closer. */
export interface Failure {
  readonly message: string;
  readonly clause?: string;
}

/**
 * How a check judges a success answer: by its headers, on every 2xx answer (also one whose status is
 * not the documented one: moto's 201) before the body is read; or by its body, once the status, the
 * headers and the body's being a JSON object hold.
 */
export type SuccessJudgement<Data> =
  | { readonly headers: (check: Data, response: ObservedResponse) => Failure[] }
  | { readonly body: (check: Data, answer: SuccessAnswer) => Failure[] };

/** How the export writes a check into the success body an interaction expects. */
export interface ExpressedInBody<Data> {
  readonly express: (check: Data, draft: PactAnswerDraft) => void;
  /** Whether a mismatch the verifier reports is a failure of this check; without it, a body mismatch is one of shape. */
  readonly explains?: (mismatch: VerifierMismatch) => boolean;
}

export interface ResponseCheckDefinition<Data extends ResponseCheckData> extends Omit<CheckDefinition<Data['kind']>, 'pact'> {
  readonly attach: Attachment<Data>;
  readonly judge: SuccessJudgement<Data>;
  readonly pact: ExpressedInBody<Data> | NotExpressible;
}

/** A check of a success answer, typed by the data its cases carry. */
export function defineResponseCheck<Data extends ResponseCheckData>(definition: ResponseCheckDefinition<Data>): ResponseCheckDefinition<Data> {
  return definition;
}
