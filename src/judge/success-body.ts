import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonObject, ResponseCheck } from '../cases/case.ts';
import type { Reason } from '../results.ts';
import type { JudgeContext } from './judge-context.ts';
import { reason, show } from './reasons.ts';
import { checkFunctionArn } from './function-arn.ts';

const addFormats = addFormatsModule.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['uuid']);
const compiled = new WeakMap<JsonObject, ValidateFunction>();

/** Applies every check of a success expectation to the parsed body. */
export function checkSuccessBody(
  checks: readonly ResponseCheck[],
  body: Readonly<Record<string, unknown>>,
  sent: Readonly<Record<string, unknown>>,
  context: JudgeContext,
): Reason[] {
  return checks.flatMap((check): Reason[] => {
    switch (check.kind) {
      case 'response_schema_conformance':
        return schemaViolations(check.schema, check.fieldClauses, check.clause, body);
      case 'echoed_value_conformance':
        return sameJson(body[check.field], sent[check.field])
          ? []
          : [reason(check.kind, check.clause, `${check.field} should echo the request's ${show(sent[check.field])}, got ${show(body[check.field])}`)];
      case 'default_value_conformance':
        return sameJson(body[check.field], check.value)
          ? []
          : [reason(check.kind, check.clause, `${check.field} was omitted, so the documented default ${show(check.value)} should apply, got ${show(body[check.field])}`)];
      case 'function_arn_conformance':
        return checkFunctionArn(body['FunctionArn'], sent['FunctionName'], check.pattern, context).map((message) => reason(check.kind, check.clause, message));
      case 'content_type_conformance':
        return []; // a header, not the body: judged by checkContentType
      case 'state_conformance':
        return typeof body['State'] === 'string' && check.notIn.includes(body['State'])
          ? [reason(check.kind, check.clause, `State ${show(body['State'])} contradicts the request (not one of ${check.notIn.join(', ')} expected)`)]
          : [];
    }
  });
}

function schemaViolations(schema: JsonObject, fieldClauses: Readonly<Record<string, string>>, clause: string, body: unknown): Reason[] {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => {
    const pointer = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : error.instancePath || '/';
    const field = pointer.split('/')[1] ?? '';
    const actual = error.keyword === 'required' ? 'is missing' : `${show(valueAt(body, pointer))} ${error.message ?? 'is invalid'}`;
    return reason('response_schema_conformance', fieldClauses[field] ?? clause, `${pointer}: ${error.keyword === 'required' ? 'is missing' : actual}`);
  });
}

function valueAt(body: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined), body);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
