import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonObject, JsonValue } from '../cases/case.ts';
import { responseFieldClauses, responseSchemaOf } from '../cases/response-schema.ts';
import { isJsonObject } from '../json-object.ts';
import type { PactAnswerDraft, PactMember } from './check.ts';
import { defineResponseCheck, type Failure } from './response-check.ts';
import { oneOfPattern } from './regex.ts';
import { show } from './show.ts';
import { ofSuccess } from './wording.ts';

/** The success body has the documented shape: the response schema of the case's source (ajv, each violation by JSON pointer). */
export interface ResponseSchemaCheck {
  readonly kind: 'response_schema_conformance';
  readonly clause: string;
  readonly schema: JsonObject;
  /** The clause of each member, cited by a violation of it instead of the check's own. */
  readonly fieldClauses: Readonly<Record<string, string>>;
}

const addFormats = addFormatsModule.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['uuid']);
const compiled = new WeakMap<JsonObject, ValidateFunction>();

const UUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const responseSchema = defineResponseCheck<ResponseSchemaCheck>({
  name: 'response_schema_conformance',
  level: 2,
  wording: { prefix: 'shape', headline: ofSuccess('does not have the documented shape') },
  // The status's clause: the documented shape is that of the documented success.
  attach: {
    toAnswer: ({ spec, sourceType }) => [
      { kind: 'response_schema_conformance', clause: spec.response.status.clause, schema: responseSchemaOf(spec, sourceType), fieldClauses: responseFieldClauses(spec) },
    ],
  },
  judge: { body: (check, { body }) => schemaViolations(check, body) },
  pact: {
    // Every required member, matched by what its schema says of it; a later check of the same member says more.
    express: (check, draft) => {
      const required = check.schema['required'];
      const properties = check.schema['properties'];
      if (!Array.isArray(required) || !isJsonObject<JsonValue>(properties)) return;
      for (const field of required) {
        if (typeof field !== 'string' || draft.members.has(field)) continue;
        const property = properties[field];
        draft.members.set(field, memberOf(field, isJsonObject<JsonValue>(property) ? property : {}, draft));
      }
    },
  },
});

function schemaViolations(check: ResponseSchemaCheck, body: unknown): Failure[] {
  let validate = compiled.get(check.schema);
  if (validate === undefined) {
    validate = ajv.compile(check.schema);
    compiled.set(check.schema, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => {
    const pointer = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : error.instancePath || '/';
    const field = pointer.split('/')[1] ?? '';
    const actual = error.keyword === 'required' ? 'is missing' : `${show(valueAt(body, pointer))} ${error.message ?? 'is invalid'}`;
    return { clause: check.fieldClauses[field] ?? check.clause, message: `${pointer}: ${actual}` };
  });
}

function valueAt(body: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), body);
}

/** A required member of a success body: an example, and the matcher its schema makes of it. */
function memberOf(field: string, property: JsonObject, draft: PactAnswerDraft): PactMember {
  const example = draft.example(field);
  const values = property['enum'];
  if (Array.isArray(values)) {
    const strings = values.filter((value): value is string => typeof value === 'string');
    return { example: strings[0] ?? example, matchers: [{ match: 'regex', regex: oneOfPattern(strings) }] };
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
