import type { ResponseField, Spec } from '../spec/types.ts';
import type { JsonObject } from './case.ts';

/**
 * The JSON Schema of a success body, built from the spec's response fields. Unknown members are
 * allowed: newer services add fields, and an addition is not a deviation.
 */
export function responseSchemaOf(spec: Spec): JsonObject {
  const fields = Object.entries(spec.response.fields);
  return {
    type: 'object',
    required: fields.filter(([, field]) => field.alwaysPresent === true).map(([name]) => name),
    properties: Object.fromEntries(fields.map(([name, field]) => [name, propertySchema(field)])),
    additionalProperties: true,
  };
}

/** Which clause a violation at each response member cites. */
export function responseFieldClauses(spec: Spec): Record<string, string> {
  return Object.fromEntries(Object.entries(spec.response.fields).map(([name, field]) => [name, field.clause]));
}

function propertySchema(field: ResponseField): JsonObject {
  // Documented patterns are whole-value patterns, as the AWS service model applies them.
  const facets: Record<string, JsonObject[keyof JsonObject]> = {
    type: field.is === 'timestamp' ? 'number' : field.is,
    ...(field.minimum !== undefined && { minimum: field.minimum }),
    ...(field.maximum !== undefined && { maximum: field.maximum }),
    ...(field.pattern !== undefined && { pattern: `^(?:${field.pattern})$` }),
    ...(field.enum !== undefined && { enum: [...field.enum] }),
    ...(field.format !== undefined && { format: field.format }),
  };
  return facets;
}
