import type { ResponseField, SourceType, Spec } from '../spec/types.ts';
import type { JsonObject } from './case.ts';

/**
 * The JSON Schema of a success body on a source type, built from the spec's response fields: a
 * member the spec says answers of this source type leave out must be absent. Unknown members are
 * allowed: newer services add fields, and an addition is not a deviation.
 */
export function responseSchemaOf(spec: Spec, sourceType: SourceType): JsonObject {
  const fields = Object.entries(spec.response.fields);
  const carried = ([, field]: readonly [string, ResponseField]) => field.sourceTypes === undefined || field.sourceTypes.includes(sourceType);
  return {
    type: 'object',
    required: fields.filter((entry) => carried(entry) && entry[1].alwaysPresent === true).map(([name]) => name),
    properties: Object.fromEntries(fields.map((entry) => [entry[0], carried(entry) ? propertySchema(entry[1]) : false])),
    additionalProperties: true,
  };
}

/** Which clause a violation at each response member cites. */
export function responseFieldClauses(spec: Spec): Record<string, string> {
  return Object.fromEntries(Object.entries(spec.response.fields).map(([name, field]) => [name, field.clause]));
}

const jsonTypes = { integer: 'integer', boolean: 'boolean', string: 'string', timestamp: 'number', list: 'array', object: 'object' } as const;

function propertySchema(field: ResponseField): JsonObject {
  // Documented patterns are whole-value patterns, as the AWS service model applies them.
  const facets: Record<string, JsonObject[keyof JsonObject]> = {
    type: jsonTypes[field.is],
    ...(field.minimum !== undefined && { minimum: field.minimum }),
    ...(field.maximum !== undefined && { maximum: field.maximum }),
    ...(field.pattern !== undefined && { pattern: `^(?:${field.pattern})$` }),
    ...(field.enum !== undefined && { enum: [...field.enum] }),
    ...(field.format !== undefined && { format: field.format }),
  };
  return facets;
}
