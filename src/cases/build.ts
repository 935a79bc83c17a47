import type { SourceType, Spec } from '../spec/types.ts';
import type { Case, CaseProperty, CaseRequest, Expectation, JsonObject } from './case.ts';
import { describeExpectation } from './describe-expectation.ts';
import { clausesOfExpectation } from './outcomes.ts';
import { fixturesIn } from './placeholders.ts';

export function jsonRequest(spec: Spec, body: JsonObject | string | null, contentType: string | null = spec.operation.contentType): CaseRequest {
  return {
    method: spec.operation.method,
    path: spec.operation.path,
    headers: contentType === null ? {} : { 'content-type': contentType },
    body,
  };
}

export interface CaseDraft {
  readonly id: string;
  readonly clause: string;
  readonly doc: string;
  readonly sourceType: SourceType | null;
  /** What is sent, in words: the title is this plus the expected outcome. */
  readonly subject: string;
  readonly request: CaseRequest;
  readonly expected: Expectation;
  readonly given?: 'existing-mapping';
  readonly property?: CaseProperty;
  /** Further clauses the case exercises: the open question that decides its outcome. */
  readonly alsoCites?: readonly string[];
}

export function makeCase(spec: Spec, draft: CaseDraft): Case {
  const clauses = [spec.operation.clause, draft.clause, ...(draft.alsoCites ?? []), ...clausesOfExpectation(spec, draft.expected)];
  return {
    id: draft.id,
    clause: draft.clause,
    doc: draft.doc,
    clauses: [...new Set(clauses)],
    title: `${draft.subject} → ${describeExpectation(draft.expected)}`,
    sourceType: draft.sourceType,
    request: draft.request,
    fixtures: draft.request.body === null ? [] : fixturesIn(draft.request.body),
    given: draft.given ?? null,
    expected: draft.expected,
    property: draft.property ?? null,
  };
}

export const sourceTitle = (spec: Spec, sourceType: SourceType): string => spec.sourceTypes[sourceType]?.title ?? sourceType;
