import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../../protocols/json-body.ts';
import { invalidParameter, resourceConflict } from '../../service-error.ts';
import type { EventSourceMapping, LambdaFunction, World } from '../../world.ts';
import { SQS_DEFAULT_VISIBILITY_TIMEOUT_SECONDS } from '../../sources/sqs.ts';
import { requireSourceReadable } from '../execution-role.ts';
import { creatingWindow } from '../mapping-lifecycle.ts';
import { readCurrentMappingRequest, type CurrentMappingRequest } from './mapping-request.ts';
import { describeCurrentMapping } from './mapping-view.ts';

// CreateEventSourceMapping as today's AWS answers it. Checks run in this order: the request (400),
// the function (400), with AWS timing its role's permission to read the source (400), the event source (400), a mapping of both that exists (409). Today's AWS
// answers a missing function or source with 400 InvalidParameterValueException, never 404 (source C).
export function createCurrentMapping(world: World, body: JsonObject, region: string, now = new Date()): Readonly<Record<string, unknown>> {
  const request = readCurrentMappingRequest(body, region, world.account, now);
  const target = request.function;
  // A version or an alias that does not exist is a function that does not exist (no answer of AWS is recorded for it).
  const named = world.functions.get(target.unqualifiedArn);
  if (named === undefined || (target.qualifier !== undefined && !world.qualifierExists(named, target.qualifier))) {
    throw invalidParameter('Function does not exist');
  }
  requireSourceReadable(world, target.unqualifiedArn, request.eventSourceArn);
  if (!world.eventSourceExists(request.eventSourceArn)) throw sourceNotFound(request);
  requireVisibilityTimeout(world, named, request.eventSourceArn);
  for (const existing of world.mappings.values()) {
    if (existing.functionArn === target.arn && existing.eventSourceArn === request.eventSourceArn) throw duplicate(request, existing.uuid);
  }
  const uuid = randomUUID();
  // Created disabled, a mapping answers Disabled at once; otherwise it is Creating (source C).
  const answered = request.enabled ? 'Creating' : 'Disabled';
  const current = {
    eventSourceMappingArn: `arn:${target.partition}:lambda:${target.region}:${target.account}:event-source-mapping:${uuid}`,
    isStream: request.stream !== undefined,
    members: answerMembers(request),
  };
  const mapping: EventSourceMapping = {
    uuid,
    functionArn: target.arn,
    eventSourceArn: request.eventSourceArn,
    batchSize: request.batchSize,
    maximumBatchingWindowInSeconds: request.maximumBatchingWindowInSeconds,
    enabled: request.enabled,
    startingPosition: request.stream?.startingPosition,
    startingPositionTimestamp: request.stream?.startingPositionTimestamp,
    lastModifiedEpochSeconds: now.getTime() / 1000,
    current,
    ...creatingWindow(world, answered),
  };
  world.mappings.set(uuid, mapping);
  return describeCurrentMapping(mapping, current, answered);
}

function answerMembers(request: CurrentMappingRequest): Readonly<Record<string, unknown>> {
  const stream = request.stream;
  return {
    ...(stream === undefined
      ? {}
      : {
          StartingPosition: stream.startingPosition,
          ...(stream.startingPositionTimestamp === undefined ? {} : { StartingPositionTimestamp: stream.startingPositionTimestamp }),
          ParallelizationFactor: stream.parallelizationFactor,
          DestinationConfig: stream.destinationConfig,
          MaximumRecordAgeInSeconds: stream.maximumRecordAgeInSeconds,
          BisectBatchOnFunctionError: stream.bisectBatchOnFunctionError,
          MaximumRetryAttempts: stream.maximumRetryAttempts,
          TumblingWindowInSeconds: stream.tumblingWindowInSeconds,
        }),
    ...(request.filterCriteria === undefined ? {} : { FilterCriteria: request.filterCriteria }),
    ...(request.scalingConfig === undefined ? {} : { ScalingConfig: request.scalingConfig }),
    ...(request.provisionedPollerConfig === undefined ? {} : { ProvisionedPollerConfig: request.provisionedPollerConfig }),
    ...(request.metricsConfig === undefined ? {} : { MetricsConfig: request.metricsConfig }),
    FunctionResponseTypes: request.functionResponseTypes,
  };
}

// C: Lambda reads the queue with the function and refuses one that would show a message again before
// the function could have finished with it: "Queue visibility timeout: 60 seconds is less than Function timeout: 180 seconds".
function requireVisibilityTimeout(world: World, fn: LambdaFunction, eventSourceArn: string): void {
  const queue = world.queues.get(eventSourceArn);
  const visibility = Number(queue?.attributes['VisibilityTimeout'] ?? SQS_DEFAULT_VISIBILITY_TIMEOUT_SECONDS);
  if (queue !== undefined && visibility < fn.timeout) {
    throw invalidParameter(`Queue visibility timeout: ${visibility} seconds is less than Function timeout: ${fn.timeout} seconds`);
  }
}

// Recorded verbatim: what AWS says of a stream, and of a queue (the SQS error it met reading it).
function sourceNotFound(request: CurrentMappingRequest): Error {
  if (request.stream !== undefined) return invalidParameter(`Stream not found: ${request.eventSourceArn}`);
  return invalidParameter(
    'Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.',
  );
}

function duplicate(request: CurrentMappingRequest, uuid: string): Error {
  const what =
    request.stream === undefined
      ? `An event source mapping with SQS arn (" ${request.eventSourceArn} ") and function (" ${request.function.name} ") already exists.`
      : `The event source arn (" ${request.eventSourceArn} ") and function (" ${request.function.name} ") provided mapping already exists.`;
  return resourceConflict(`${what} Please update or delete the existing mapping with UUID ${uuid}`);
}
