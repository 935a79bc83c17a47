import type { Answer, IncomingCall } from '../exchange.ts';
import { headerValue } from '../exchange.ts';
import { readJsonObject, type JsonObject } from '../protocols/json-body.ts';
import { restJsonAnswer, restJsonError } from '../protocols/rest-json.ts';
import type { Route } from '../route.ts';
import { invalidParameter, ServiceError } from '../service-error.ts';
import type { ReferenceEdition } from '../edition.ts';
import type { World } from '../world.ts';
import { createCurrentMapping } from './current/create-mapping.ts';
import { createMapping, deleteMapping, getMapping, listMappings } from './event-source-mappings.ts';
import { createAlias, createFunction, deleteFunction, getFunction, getFunctionConfiguration, listFunctions, listTags, publishVersion, tagResource } from './functions.ts';

// Lambda's restJson1 API lives under its API version, 2015-03-31, and is routed by method and path;
// its tagging operations came later and live under 2017-03-31.
export const LAMBDA_PATH_PREFIX = '/2015-03-31/';
export const LAMBDA_TAGS_PREFIX = '/2017-03-31/tags/';

export function lambdaRoute(call: IncomingCall, world: World, edition: ReferenceEdition): Route {
  if (call.path.startsWith(LAMBDA_TAGS_PREFIX)) return tagsRoute(call, world);
  const segments = call.path.slice(LAMBDA_PATH_PREFIX.length).split('/');
  // A trailing slash ("/event-source-mappings/", as the documentation writes it) is the same collection.
  if (segments.length > 1 && segments.at(-1) === '') segments.pop();
  const [collection, rawId, detail, ...rest] = segments;
  const id = rawId === undefined ? undefined : decodePathSegment(rawId);
  const { method } = call;

  if (collection === 'event-source-mappings' && detail === undefined) {
    if (id === undefined && method === 'POST') {
      const create = edition === 'current' ? createCurrentMapping : createMapping;
      return lambda('CreateEventSourceMapping', 202, () => create(world, jsonBody(call), call.region));
    }
    if (id === undefined && method === 'GET') {
      return lambda('ListEventSourceMappings', 200, () => listMappings(world, call.query, call.region));
    }
    if (id !== undefined && method === 'GET') return lambda('GetEventSourceMapping', 200, () => getMapping(world, id, edition));
    if (id !== undefined && method === 'DELETE') return lambda('DeleteEventSourceMapping', 202, () => deleteMapping(world, id, edition));
  }
  if (collection === 'functions' && rest.length === 0) {
    if (id === undefined && method === 'GET') return lambda('ListFunctions', 200, () => listFunctions(world, call.region));
    if (id === undefined && method === 'POST') {
      return lambda('CreateFunction', 201, () => createFunction(world, jsonBody(call), call.region));
    }
    if (id !== undefined && detail === undefined && method === 'GET') {
      return lambda('GetFunction', 200, () => getFunction(world, id, call.query, call.region));
    }
    if (id !== undefined && detail === 'versions' && method === 'POST') {
      return lambda('PublishVersion', 201, () => publishVersion(world, id, call.region));
    }
    if (id !== undefined && detail === 'aliases' && method === 'POST') {
      return lambda('CreateAlias', 201, () => createAlias(world, id, jsonBody(call), call.region));
    }
    if (id !== undefined && detail === 'configuration' && method === 'GET') {
      return lambda('GetFunctionConfiguration', 200, () => getFunctionConfiguration(world, id, call.query, call.region));
    }
    if (id !== undefined && detail === undefined && method === 'DELETE') {
      return lambda('DeleteFunction', 204, () => {
        deleteFunction(world, id, call.query, call.region);
        return undefined;
      });
    }
  }
  return unknownLambdaOperation(call);
}

function tagsRoute(call: IncomingCall, world: World): Route {
  const arn = decodePathSegment(call.path.slice(LAMBDA_TAGS_PREFIX.length));
  if (call.method === 'GET') return lambda('ListTags', 200, () => listTags(world, arn));
  if (call.method === 'POST') {
    return lambda('TagResource', 204, () => {
      tagResource(world, arn, jsonBody(call));
      return undefined;
    });
  }
  return unknownLambdaOperation(call);
}

function lambda(operation: string, successStatus: number, perform: () => JsonObject | undefined): Route {
  return {
    service: 'lambda',
    operation,
    successStatus,
    run: (): Answer => restJsonAnswer(successStatus, perform()),
    renderError: restJsonError,
  };
}

export function unknownLambdaOperation(call: IncomingCall): Route {
  return {
    service: 'none',
    operation: 'UnknownOperation',
    successStatus: 404,
    run: () => {
      throw new ServiceError(
        404,
        'UnknownOperationException',
        `The reference server has no operation for ${call.method} ${call.path}. It serves Lambda under ${LAMBDA_PATH_PREFIX} ` +
          'and SQS, Kinesis and DynamoDB through their X-Amz-Target JSON protocols.',
      );
    },
    renderError: restJsonError,
  };
}

// The documented request is "Content-type: application/json". A body that declares another type is
// refused before it is parsed; a body with no declared type is read as JSON, which is what it must be.
function jsonBody(call: IncomingCall): JsonObject {
  const contentType = headerValue(call.headers, 'content-type');
  if (contentType !== undefined) {
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      throw invalidParameter(`Content-Type "${contentType}" is not supported; send the request body as application/json.`);
    }
  }
  return readJsonObject(call.body, { emptyMeans: 'error', invalid: invalidParameter });
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidParameter(`The path segment "${segment}" is not valid percent-encoding.`);
  }
}
