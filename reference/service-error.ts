// An error a handler throws to answer the client with a documented AWS error instead of a result.
// Handlers only say *what* went wrong; the protocol layer (restJson1 or AWS JSON) decides how it is
// written on the wire, so one error class serves Lambda, SQS, Kinesis and DynamoDB alike.
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    // Extra members of the error body and extra headers, e.g. TooManyRequestsException's Reason.
    readonly extraBody: Readonly<Record<string, unknown>> = {},
    readonly extraHeaders: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = type;
  }
}

// The only 400 the 2019 CreateEventSourceMapping documentation names; used for every invalid input.
export function invalidParameter(message: string): ServiceError {
  return new ServiceError(400, 'InvalidParameterValueException', message);
}

export function resourceNotFound(message: string): ServiceError {
  return new ServiceError(404, 'ResourceNotFoundException', message);
}

export function resourceConflict(message: string): ServiceError {
  return new ServiceError(409, 'ResourceConflictException', message);
}
