import { headerValue, type IncomingCall } from '../exchange.ts';
import type { Route, ServiceName } from '../route.ts';
import { ServiceError } from '../service-error.ts';
import { awsJsonAnswer, awsJsonError, serializationError, type AwsJsonDialect } from './aws-json.ts';
import { readJsonObject, type JsonObject } from './json-body.ts';

export type AwsJsonHandler = (input: JsonObject, call: IncomingCall) => JsonObject;

export interface AwsJsonService {
  readonly service: ServiceName;
  readonly dialect: AwsJsonDialect;
  readonly operations: Readonly<Record<string, AwsJsonHandler>>;
}

// Routes "X-Amz-Target: Prefix.Operation" to a service's handler. Only JSON is spoken: a client that
// negotiated CBOR (as some SDKs do for Kinesis) is told so instead of receiving an unreadable answer.
export function awsJsonRoute(service: AwsJsonService, operation: string, call: IncomingCall): Route {
  const handler = Object.hasOwn(service.operations, operation) ? service.operations[operation] : undefined;
  return {
    service: service.service,
    operation,
    successStatus: 200,
    renderError: (error) => awsJsonError(service.dialect, error),
    run: () => {
      if (handler === undefined) {
        throw new ServiceError(400, 'UnknownOperationException', `The reference server does not implement ${service.service} operation "${operation}".`);
      }
      const contentType = headerValue(call.headers, 'content-type') ?? '';
      if (contentType.includes('cbor') || headerValue(call.headers, 'smithy-protocol') !== undefined) {
        throw serializationError(`Content-Type "${contentType}" is not supported; the reference server speaks application/x-amz-json-${service.dialect.version} only.`);
      }
      const input = readJsonObject(call.body, { emptyMeans: 'empty-object', invalid: serializationError });
      return awsJsonAnswer(service.dialect, handler(input, call));
    },
  };
}

// Small readers for the fields the fixture operations take; a wrong type is a ValidationException-like
// 400 naming the field, never a crash.
export function stringField(input: JsonObject, field: string, required: true, invalid: (message: string) => ServiceError): string;
export function stringField(input: JsonObject, field: string, required: false, invalid: (message: string) => ServiceError): string | undefined;
export function stringField(
  input: JsonObject,
  field: string,
  required: boolean,
  invalid: (message: string) => ServiceError,
): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) {
    if (required) throw invalid(`${field} is required.`);
    return undefined;
  }
  if (typeof value !== 'string') throw invalid(`${field} must be a string.`);
  return value;
}
