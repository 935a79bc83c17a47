// The expected answer of a case as a Pact response: the status, and for an error the error type
// header, for a success a body whose members are matched by type or regular expression where their
// value differs from target to target, and by value where the contract fixes it. Pure.
import type { Case, JsonObject, JsonValue, ResponseCheck } from '../cases/case.ts';
import { EXAMPLE_FIXTURES } from './provider-states.ts';
import type { Matcher, MatchingRule, PactResponse } from './pact-file.ts';
import { isJsonObject } from '../json-object.ts';

/** The header AWS restJson1 services name their errors in. */
export const ERROR_TYPE_HEADER = 'x-amzn-errortype';

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const EXAMPLE_UUID = '6f1c0a52-3c8e-4b0e-9a57-1f2d3c4b5a69';
const EXAMPLE_TIMESTAMP = 1546300800;

/**
 * The error type as AWS's clients read it from the header (src/transport/error-type.ts): a
 * namespace before `#`, a URL after `:` and a repeated value after `,` are allowed around it.
 */
export function errorTypePattern(errorTypes: readonly string[]): string {
  return `^\\s*(?:[^,:#]*#)?(?:${errorTypes.map(escapeRegex).join('|')})\\s*(?::[^,]*)?(?:,.*)?$`;
}

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
  const members = new Map<string, { example: JsonValue; matchers: Matcher[] }>();
  for (const check of checks) applyCheck(check, testCase, members);
  const content: Record<string, JsonValue> = {};
  const matchers: Record<string, MatchingRule> = {};
  for (const [field, { example, matchers: fieldMatchers }] of members) {
    content[field] = example;
    if (fieldMatchers.length > 0) matchers[`$.${field}`] = rule(...fieldMatchers);
  }
  return {
    status,
    body: { contentType: 'application/json', encoded: false, content },
    ...(Object.keys(matchers).length > 0 && { matchingRules: { body: matchers } }),
  };
}

function applyCheck(check: ResponseCheck, testCase: Case, members: Map<string, { example: JsonValue; matchers: Matcher[] }>): void {
  const requestBody: JsonObject = isJsonObject<JsonValue>(testCase.request.body) ? testCase.request.body : {};
  switch (check.kind) {
    case 'response_schema_conformance': {
      const required = check.schema['required'];
      const properties = check.schema['properties'];
      if (!Array.isArray(required) || !isJsonObject<JsonValue>(properties)) return;
      for (const field of required) {
        if (typeof field !== 'string' || members.has(field)) continue;
        const property = properties[field];
        members.set(field, memberOf(field, isJsonObject<JsonValue>(property) ? property : {}, testCase));
      }
      return;
    }
    case 'echoed_value_conformance': {
      const sent = requestBody[check.field];
      if (sent === undefined) return;
      // A value the target provisions differs from target to target: its form is matched, and its source.
      if (typeof sent === 'string' && sent.includes('{{')) {
        const member = members.get(check.field) ?? { example: exampleOf(check.field, testCase), matchers: [] };
        const service = testCase.sourceType === null ? undefined : EXAMPLE_FIXTURES.sourceArns[testCase.sourceType]?.split(':')[2];
        if (service !== undefined && check.field === 'EventSourceArn') member.matchers.push({ match: 'regex', regex: `^arn:[^:]*:${service}:.*$` });
        members.set(check.field, member);
      } else {
        members.set(check.field, { example: sent, matchers: [] });
      }
      return;
    }
    case 'default_value_conformance':
      members.set(check.field, { example: check.value, matchers: [] });
      return;
    case 'function_arn_conformance':
      // The form of a function ARN is the schema's pattern; its account and region differ from target to target.
      return;
    case 'state_conformance': {
      const values = enumOf(check, testCase).filter((value) => !check.notIn.includes(value));
      if (values.length === 0) return;
      members.set('State', { example: values[0] ?? '', matchers: [{ match: 'regex', regex: `^(?:${values.map(escapeRegex).join('|')})$` }] });
      return;
    }
  }
}

function enumOf(check: { readonly notIn: readonly string[] }, testCase: Case): string[] {
  const schema = testCase.expected.checks.find((candidate) => candidate.kind === 'response_schema_conformance');
  const properties = schema?.kind === 'response_schema_conformance' ? schema.schema['properties'] : undefined;
  const state = isJsonObject(properties) ? properties['State'] : undefined;
  const values = isJsonObject(state) ? state['enum'] : undefined;
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [...check.notIn];
}

/** A required member of a success body: an example, and the matcher its schema makes of it. */
function memberOf(field: string, property: JsonObject, testCase: Case): { example: JsonValue; matchers: Matcher[] } {
  const example = exampleOf(field, testCase);
  const values = property['enum'];
  if (Array.isArray(values)) {
    const strings = values.filter((value): value is string => typeof value === 'string');
    return { example: strings[0] ?? example, matchers: [{ match: 'regex', regex: `^(?:${strings.map(escapeRegex).join('|')})$` }] };
  }
  if (property['format'] === 'uuid') return { example, matchers: [{ match: 'regex', regex: UUID }] };
  if (typeof property['pattern'] === 'string') return { example, matchers: [{ match: 'regex', regex: property['pattern'] }] };
  switch (property['type']) {
    case 'integer':
      return { example: typeof property['minimum'] === 'number' ? property['minimum'] : 1, matchers: [{ match: 'integer' }] };
    case 'number':
      return { example, matchers: [{ match: 'number' }] };
    default:
      return { example, matchers: [{ match: 'type' }] };
  }
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

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
