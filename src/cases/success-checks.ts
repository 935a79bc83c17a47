import type { FieldValue, FunctionNameForm, RequestField, SourceType, Spec } from '../spec/types.ts';
import type { JsonObject, ResponseCheck } from './case.ts';
import { defaultOn, fieldNaming, isAnswered, requestField, sourcesOf } from './fields.ts';
import { responseFieldClauses, responseSchemaOf } from './response-schema.ts';

/**
 * What a success answer to `body` must show, each check citing the clause it verifies: every field
 * the answer carries echoes what was sent, or shows its documented default when it was left out;
 * the source ARN is echoed, and the FunctionArn names the function.
 */
export function successChecks(spec: Spec, sourceType: SourceType, body: JsonObject, form: FunctionNameForm = 'name'): ResponseCheck[] {
  const functionField = fieldNaming(spec, 'function');
  const sourceField = fieldNaming(spec, 'event-source');
  const checks: ResponseCheck[] = [
    { kind: 'content_type_conformance', clause: spec.response.contentType.clause, mediaType: spec.response.contentType.mediaType },
    {
      kind: 'response_schema_conformance',
      clause: spec.response.status.clause,
      schema: responseSchemaOf(spec, sourceType),
      fieldClauses: responseFieldClauses(spec),
    },
  ];
  for (const [name, field] of Object.entries(spec.request)) {
    if (field.names !== undefined || !isAnswered(spec, name, field) || !sourcesOf(spec, field).includes(sourceType)) continue;
    const fallback = defaultOn(field, sourceType);
    if (name in body) checks.push({ kind: 'echoed_value_conformance', clause: field.range?.clause ?? field.type.clause, field: name });
    else if (fallback !== undefined) checks.push({ kind: 'default_value_conformance', clause: fallback.clause, field: name, value: fallback.value });
  }
  const source = spec.sourceTypes[sourceType];
  if (sourceField in body && source !== undefined) checks.push({ kind: 'echoed_value_conformance', clause: source.arn.clause, field: sourceField });
  const named = requestField(spec, functionField);
  checks.push({
    kind: 'function_arn_conformance',
    clause: named.forms?.[form].clause ?? named.type.clause,
    pattern: spec.response.fields['FunctionArn']?.pattern ?? null,
  });
  return checks;
}

/** A mapping created with this value of the field never reports a state the spec calls contrary to it. */
export function stateChecks(field: RequestField, value: FieldValue): ResponseCheck[] {
  const contrary = field.meaning?.contraryStates?.[String(value)];
  return contrary === undefined || field.meaning === undefined ? [] : [{ kind: 'state_conformance', clause: field.meaning.clause, notIn: contrary }];
}
