import type { Answer } from '../exchange.ts';
import type { Route, ServiceName } from '../route.ts';
import { ServiceError } from '../service-error.ts';

// The answers an injected fault sends, each in the form the service it hits really uses, so the
// suite's retry and error handling meet what they would meet in AWS.

// How long a throttled client is asked to wait by default, in seconds (Retry-After and retryAfterSeconds).
const DEFAULT_RETRY_AFTER_SECONDS = 1;

export function throttledAnswer(route: Route, retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS): Answer {
  return route.renderError(throttleError(route.service, String(retryAfterSeconds)));
}

export function internalErrorAnswer(route: Route): Answer {
  return route.renderError(internalError(route.service));
}

// A success status with a JSON body cut off mid-object, as if the connection had dropped bytes.
// 204 cannot carry a body at all, so a fault on a 204 operation answers 200.
export function malformedAnswer(route: Route): Answer {
  return {
    status: route.successStatus === 204 ? 200 : route.successStatus,
    headers: { 'Content-Type': CONTENT_TYPES[route.service] },
    body: '{"UUID":"00000000-0000-4000-8000-000000000000","State":"Creat',
  };
}

const CONTENT_TYPES: Readonly<Record<ServiceName, string>> = {
  lambda: 'application/json',
  none: 'application/json',
  sqs: 'application/x-amz-json-1.0',
  dynamodb: 'application/x-amz-json-1.0',
  kinesis: 'application/x-amz-json-1.1',
  iam: 'text/xml',
  sts: 'text/xml',
};

function throttleError(service: ServiceName, retryAfterSeconds: string): ServiceError {
  switch (service) {
    case 'lambda':
    case 'none':
      return new ServiceError(
        429,
        'TooManyRequestsException',
        'Rate exceeded (injected by the reference server).',
        { Reason: 'CallerRateLimitExceeded', retryAfterSeconds },
        { 'Retry-After': retryAfterSeconds },
      );
    case 'kinesis':
      return new ServiceError(400, 'LimitExceededException', 'Rate exceeded (injected by the reference server).');
    case 'sqs':
    case 'dynamodb':
      return new ServiceError(400, 'ThrottlingException', 'Rate exceeded (injected by the reference server).');
    case 'iam':
    case 'sts':
      return new ServiceError(400, 'Throttling', 'Rate exceeded (injected by the reference server).');
  }
}

function internalError(service: ServiceName): ServiceError {
  const message = 'Internal error (injected by the reference server).';
  switch (service) {
    case 'lambda':
    case 'none':
      return new ServiceError(500, 'ServiceException', message);
    case 'kinesis':
      return new ServiceError(500, 'InternalFailureException', message);
    case 'sqs':
      return new ServiceError(500, 'InternalFailure', message);
    case 'dynamodb':
      return new ServiceError(500, 'InternalServerError', message);
    case 'iam':
      return new ServiceError(500, 'ServiceFailure', message);
    case 'sts':
      return new ServiceError(500, 'InternalFailure', message);
  }
}
