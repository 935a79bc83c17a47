import type { Answer } from '../exchange.ts';
import { ServiceError } from '../service-error.ts';

// SQS and DynamoDB speak AWS JSON 1.0 and Kinesis AWS JSON 1.1: every call is a POST to "/" with the
// operation in X-Amz-Target, and errors name themselves in the body's __type.
export type AwsJsonVersion = '1.0' | '1.1';

export interface AwsJsonDialect {
  readonly version: AwsJsonVersion;
  // Prefix of __type, as each service spells it: "com.amazonaws.sqs#", "com.amazonaws.dynamodb.v20120810#", "".
  readonly errorTypePrefix: string;
}

export function awsJsonAnswer(dialect: AwsJsonDialect, payload: unknown): Answer {
  return {
    status: 200,
    headers: { 'Content-Type': `application/x-amz-json-${dialect.version}` },
    body: JSON.stringify(payload),
  };
}

export function awsJsonError(dialect: AwsJsonDialect, error: ServiceError): Answer {
  return {
    status: error.status,
    headers: {
      'Content-Type': `application/x-amz-json-${dialect.version}`,
      'x-amzn-ErrorType': error.type,
      ...error.extraHeaders,
    },
    body: JSON.stringify({ __type: `${dialect.errorTypePrefix}${error.type}`, message: error.message, ...error.extraBody }),
  };
}

// AWS JSON services answer a malformed body with SerializationException and a bad value with ValidationException.
export function serializationError(message: string): ServiceError {
  return new ServiceError(400, 'SerializationException', message);
}

export function validationError(message: string): ServiceError {
  return new ServiceError(400, 'ValidationException', message);
}
