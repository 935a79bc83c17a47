import type { FunctionNameForm, SourceType, Spec } from '../spec/types.ts';
import type { JsonObject, ResponseCheck } from './case.ts';
import { responseFieldClauses, responseSchemaOf } from './response-schema.ts';

/** What a success answer to `body` must show, each check citing the clause it verifies. */
export function successChecks(spec: Spec, sourceType: SourceType, body: JsonObject, form: FunctionNameForm = 'name'): ResponseCheck[] {
  const batchSize = spec.request.BatchSize;
  const sourceBatch = batchSize.perSourceType?.[sourceType];
  const checks: ResponseCheck[] = [
    { kind: 'content_type_conformance', clause: spec.response.contentType.clause, mediaType: spec.response.contentType.mediaType },
    {
      kind: 'response_schema_conformance',
      clause: spec.response.status.clause,
      schema: responseSchemaOf(spec),
      fieldClauses: responseFieldClauses(spec),
    },
  ];
  if ('BatchSize' in body) {
    checks.push({ kind: 'echoed_value_conformance', clause: batchSize.range?.clause ?? batchSize.type.clause, field: 'BatchSize' });
  } else if (sourceBatch !== undefined) {
    checks.push({ kind: 'default_value_conformance', clause: sourceBatch.clause, field: 'BatchSize', value: sourceBatch.default });
  }
  if ('MaximumBatchingWindowInSeconds' in body) {
    const window = spec.request.MaximumBatchingWindowInSeconds;
    checks.push({ kind: 'echoed_value_conformance', clause: window.range?.clause ?? window.type.clause, field: 'MaximumBatchingWindowInSeconds' });
  }
  checks.push({ kind: 'echoed_value_conformance', clause: spec.sourceTypes[sourceType].arn.clause, field: 'EventSourceArn' });
  const forms = spec.request.FunctionName.forms;
  checks.push({ kind: 'function_arn_conformance', clause: forms?.[form].clause ?? spec.request.FunctionName.type.clause });
  return checks;
}
