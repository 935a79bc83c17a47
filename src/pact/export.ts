// Cases → a Pact file (specification V4). Pure: the command writes what this returns.
//
// One interaction per case with one deterministic answer. A case whose documentation leaves several
// answers open cannot be one Pact interaction (a Pact response has one status), so it is left out
// and said so. Values provisioned on the target come from provider states (provider-states.ts);
// the answer is matched by type and regular expression where it differs from target to target
// (response-matchers.ts).
import type { Case, JsonValue } from '../cases/case.ts';
import { describeExpectation } from '../cases/describe-expectation.ts';
import { resolveString } from '../cases/placeholders.ts';
import type { PactBody, PactFile, PactInteraction, PactRequest, ProviderState, ProviderStateGenerator } from './pact-file.ts';
import { EXAMPLE_FIXTURES, MAPPING_STATES, expressionOf, fillLength, stateOfFixture } from './provider-states.ts';
import { pactResponseOf } from './response-matchers.ts';

export const DEFAULT_CONSUMER = 'lambda-esm-client';
export const DEFAULT_PROVIDER = 'aws-lambda-event-source-mappings';

export interface PactExportOptions {
  readonly consumer: string;
  readonly provider: string;
  readonly edition: string;
  readonly toolVersion: string;
}

export interface LeftOut {
  readonly id: string;
  /** Every answer the documentation allows: "202 or 400 InvalidParameterValueException (left open by the documentation)". */
  readonly accepts: string;
}

export interface PactExport {
  readonly pact: PactFile;
  readonly leftOut: readonly LeftOut[];
}

/** Why an open question is not an interaction, in the words the export prints. */
export const OPEN_QUESTION = 'the documentation leaves its answer open, and a Pact interaction expects one answer';

export function exportPact(cases: readonly Case[], options: PactExportOptions): PactExport {
  const leftOut: LeftOut[] = [];
  const interactions: PactInteraction[] = [];
  for (const testCase of cases) {
    if (testCase.expected.alsoAccepted.length > 0) {
      leftOut.push({ id: testCase.id, accepts: describeExpectation(testCase.expected) });
      continue;
    }
    interactions.push(interactionOf(testCase));
  }
  return {
    pact: {
      consumer: { name: options.consumer },
      provider: { name: options.provider },
      interactions,
      metadata: {
        pactSpecification: { version: '4.0' },
        'lambda-esm-conformance': { version: options.toolVersion, edition: options.edition, leftOut: { why: OPEN_QUESTION, cases: leftOut.map(({ id, accepts }) => ({ id, accepts })) } },
      },
    },
    leftOut,
  };
}

export function interactionOf(testCase: Case): PactInteraction {
  const { request, padded } = pactRequestOf(testCase);
  return {
    type: 'Synchronous/HTTP',
    description: testCase.id,
    providerStates: providerStatesOf(testCase, padded),
    request,
    response: pactResponseOf(testCase),
    comments: {
      testname: testCase.id,
      text: [testCase.title, `${testCase.clause}: ${testCase.doc}`],
      case: {
        clause: testCase.clause,
        doc: testCase.doc,
        title: testCase.title,
        sourceType: testCase.sourceType,
        errorTypes: testCase.expected.errorTypes,
        why: testCase.expected.why,
      },
    },
    pending: false,
  };
}

/** The states naming each fixture the case needs, then the mapping it needs; the last carries the padded values. */
function providerStatesOf(testCase: Case, padded: Record<string, JsonValue>): ProviderState[] {
  const names = testCase.fixtures.map(stateOfFixture);
  if (testCase.given === 'existing-mapping' && testCase.sourceType !== null) names.push(MAPPING_STATES[testCase.sourceType]);
  return names.map((name, index) => (index === names.length - 1 && Object.keys(padded).length > 0 ? { name, params: { padded } } : { name }));
}

/**
 * The request as the case sends it: a JSON body with example values where the target's values go,
 * each replaced by the verifier through a ProviderState generator. A body that is not a JSON object
 * or array (malformed JSON, a JSON string) is sent byte for byte with the example values in it:
 * generators address JSON members, and such a body is refused for its form before any name in it is read.
 */
function pactRequestOf(testCase: Case): { request: PactRequest; padded: Record<string, JsonValue> } {
  const { method, path, headers, body } = testCase.request;
  const pactHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]]));
  const contentType = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
  if (body === null) return { request: { method, path, headers: pactHeaders }, padded: {} };
  if (typeof body === 'string') {
    return { request: { method, path, headers: pactHeaders, body: textBody(contentType, resolveString(body, EXAMPLE_FIXTURES)) }, padded: {} };
  }
  const generators: Record<string, ProviderStateGenerator> = {};
  const padded: Record<string, JsonValue> = {};
  const content = withExamples(body, '$', (template, jsonPath) => {
    const length = fillLength(template);
    if (length === null) {
      generators[jsonPath] = { type: 'ProviderState', expression: expressionOf(template), dataType: 'STRING' };
    } else {
      const name = `padded${jsonPath.slice(1)}`;
      padded[name] = { template: expressionOf(template), length };
      generators[jsonPath] = { type: 'ProviderState', expression: `\${${name}}`, dataType: 'STRING' };
    }
  });
  return {
    request: { method, path, headers: pactHeaders, body: textBody(contentType, content), ...(Object.keys(generators).length > 0 && { generators: { body: generators } }) },
    padded,
  };
}

function textBody(contentType: string, content: JsonValue): PactBody {
  return { contentType, encoded: false, content };
}

/** The value with example fixtures in place of its placeholders, telling `found` the JSON path of each string that had any. */
function withExamples(value: JsonValue, jsonPath: string, found: (template: string, jsonPath: string) => void): JsonValue {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return value;
    found(value, jsonPath);
    return resolveString(value, EXAMPLE_FIXTURES);
  }
  if (Array.isArray(value)) return value.map((item: JsonValue, index) => withExamples(item, `${jsonPath}[${index}]`, found));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withExamples(item, memberPath(jsonPath, key), found)]));
  }
  return value;
}

function memberPath(jsonPath: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${jsonPath}.${key}` : `${jsonPath}['${key.replace(/['\\]/g, '\\$&')}']`;
}
