// The expected answer of a case as a Pact response: the status, and for an error the error type
// header, for a success a body each check of the case writes its part of (src/checks/): members
// matched by type or regular expression where their value differs from target to target, and by
// value where the contract fixes it. Pure.
import type { Case, JsonValue } from '../cases/case.ts';
import type { PactAnswerDraft } from '../checks/check.ts';
import { ERROR_TYPE_HEADER, errorTypePattern } from '../checks/error-type.ts';
import { definitionOf } from '../checks/index.ts';
import { EXAMPLE_FIXTURES } from './provider-states.ts';
import type { Matcher, MatchingRule, PactResponse } from './pact-file.ts';

const EXAMPLE_UUID = '6f1c0a52-3c8e-4b0e-9a57-1f2d3c4b5a69';
const EXAMPLE_TIMESTAMP = 1546300800;

export function pactResponseOf(testCase: Case): PactResponse {
  const { status, errorTypes, checks } = testCase.expected;
  if (status >= 300) {
    if (errorTypes.length === 0) return { status };
    return {
      status,
      headers: { [ERROR_TYPE_HEADER]: [errorTypes[0] ?? ''] },
      matchingRules: { header: { [ERROR_TYPE_HEADER]: rule({ match: 'regex', regex: errorTypePattern(errorTypes) }) } },
    };
  }
  const draft = answerDraft(testCase);
  for (const check of checks) {
    const { pact } = definitionOf(check);
    if ('express' in pact) pact.express(check, draft);
  }
  return successResponse(status, draft);
}

/** The success answer a draft describes, once every check of its case has written to it. */
export function successResponse(status: number, draft: PactAnswerDraft): PactResponse {
  const content: Record<string, JsonValue> = {};
  const bodyRules: Record<string, MatchingRule> = {};
  for (const [field, { example, matchers }] of draft.members) {
    content[field] = example;
    if (matchers.length > 0) bodyRules[`$.${field}`] = rule(...matchers);
  }
  const headers: Record<string, string[]> = {};
  const headerRules: Record<string, MatchingRule> = {};
  for (const [name, { example, matchers }] of draft.headers) {
    headers[name] = [example];
    if (matchers.length > 0) headerRules[name] = rule(...matchers);
  }
  const matchingRules = {
    ...(Object.keys(bodyRules).length > 0 && { body: bodyRules }),
    ...(Object.keys(headerRules).length > 0 && { header: headerRules }),
  };
  return {
    status,
    ...(draft.headers.size > 0 && { headers }),
    // The verifier compares a body as JSON only when told it is.
    body: { contentType: draft.mediaType ?? 'application/json', encoded: false, content },
    ...(Object.keys(matchingRules).length > 0 && { matchingRules }),
  };
}

/** The success answer of a case before any check has written to it. */
export function answerDraft(testCase: Case): PactAnswerDraft {
  return {
    testCase,
    members: new Map(),
    headers: new Map(),
    mediaType: undefined,
    example: (field) => exampleOf(field, testCase),
    sourceArnExample: testCase.sourceType === null ? undefined : EXAMPLE_FIXTURES.sourceArns[testCase.sourceType],
  };
}

function exampleOf(field: string, testCase: Case): JsonValue {
  switch (field) {
    case 'UUID':
      return EXAMPLE_UUID;
    case 'FunctionArn':
      return EXAMPLE_FIXTURES.functionArn;
    case 'EventSourceArn':
      return (testCase.sourceType === null ? undefined : EXAMPLE_FIXTURES.sourceArns[testCase.sourceType]) ?? EXAMPLE_FIXTURES.sourceArns.sqs ?? '';
    case 'LastModified':
      return EXAMPLE_TIMESTAMP;
    default:
      return 'x';
  }
}

function rule(...matchers: Matcher[]): MatchingRule {
  return { combine: 'AND', matchers };
}
