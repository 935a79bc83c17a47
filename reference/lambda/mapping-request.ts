import type { JsonObject } from '../protocols/json-body.ts';
import { invalidParameter } from '../service-error.ts';
import { SOURCE_TYPE_NAMES, sourceTypeOf, type SourceType } from './event-source-arn.ts';
import { resolveFunctionName, type FunctionReference } from './function-name.ts';
import { isBoolean, isFiniteNumber, isInteger, isString, optional } from './json-fields.ts';

// A CreateEventSourceMapping request that passed every rule of the 2019 documentation that can be
// checked without looking at state. Whether the function and the source exist is checked afterwards.
export interface MappingRequest {
  readonly function: FunctionReference;
  readonly eventSourceArn: string;
  readonly sourceType: SourceType;
  readonly batchSize: number;
  readonly maximumBatchingWindowInSeconds: number;
  readonly enabled: boolean;
  readonly startingPosition: StartingPosition | undefined;
  readonly startingPositionTimestamp: number | undefined;
}

type StartingPosition = 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
const STARTING_POSITIONS: readonly string[] = ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'];

// "Valid Range: Minimum value of 1. Maximum value of 10000." and, per source type, "Default ... Max ...".
const BATCH_SIZE_RANGE = { min: 1, max: 10_000 };
const BATCH_SIZE_BY_SOURCE: Readonly<Record<SourceType, { readonly default: number; readonly max: number }>> = {
  kinesis: { default: 100, max: 10_000 },
  'dynamodb-streams': { default: 100, max: 1_000 },
  sqs: { default: 10, max: 10 },
};
// "Valid Range: Minimum value of 0. Maximum value of 300."
const BATCHING_WINDOW_RANGE = { min: 0, max: 300 };

// Sources that are streams: the only ones StartingPosition ("The position in a stream") means anything for.
const STREAM_SOURCES: ReadonlySet<SourceType> = new Set(['kinesis', 'dynamodb-streams']);

export function readMappingRequest(body: JsonObject, requestRegion: string, account: string): MappingRequest {
  // Types first, in the documentation's order, so that a wrong type is reported as such and never
  // reaches a rule that assumes the right one. JSON null counts as absent, as AWS's deserialisers treat it.
  const functionName = optional(body, 'FunctionName', 'a string', isString);
  const eventSourceArn = optional(body, 'EventSourceArn', 'a string', isString);
  const batchSize = optional(body, 'BatchSize', 'an integer', isInteger);
  const enabled = optional(body, 'Enabled', 'a boolean', isBoolean);
  const window = optional(body, 'MaximumBatchingWindowInSeconds', 'an integer', isInteger);
  const startingPosition = optional(body, 'StartingPosition', 'a string', isString);
  const timestamp = optional(body, 'StartingPositionTimestamp', 'a number of seconds since the Unix epoch', isFiniteNumber);

  // "Required: Yes".
  if (functionName === undefined) throw invalidParameter('FunctionName is required.');
  if (eventSourceArn === undefined) throw invalidParameter('EventSourceArn is required.');

  const reference = resolveFunctionName(functionName, requestRegion, account);
  const sourceType = sourceTypeOf(eventSourceArn);
  const sourceName = SOURCE_TYPE_NAMES[sourceType];
  const limits = BATCH_SIZE_BY_SOURCE[sourceType];

  if (batchSize !== undefined) {
    checkRange('BatchSize', batchSize, BATCH_SIZE_RANGE);
    if (batchSize > limits.max) {
      throw invalidParameter(`BatchSize ${batchSize} is too large for an ${sourceName} event source; the maximum is ${limits.max}.`);
    }
  }
  if (window !== undefined) checkRange('MaximumBatchingWindowInSeconds', window, BATCHING_WINDOW_RANGE);

  if (startingPosition !== undefined && !STARTING_POSITIONS.includes(startingPosition)) {
    throw invalidParameter(`StartingPosition "${startingPosition}" is not one of ${STARTING_POSITIONS.join(', ')}.`);
  }
  if (STREAM_SOURCES.has(sourceType)) {
    if (startingPosition === undefined) {
      throw invalidParameter(`StartingPosition is required for an ${sourceName} event source.`);
    }
  } else if (startingPosition !== undefined) {
    throw invalidParameter(`StartingPosition is only for stream sources (Amazon Kinesis, Amazon DynamoDB Streams), not for an ${sourceName} queue.`);
  }
  if (startingPosition === 'AT_TIMESTAMP') {
    if (sourceType !== 'kinesis') {
      throw invalidParameter(`StartingPosition AT_TIMESTAMP is only supported for Amazon Kinesis streams, not for an ${sourceName} event source.`);
    }
    if (timestamp === undefined) {
      throw invalidParameter('StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP.');
    }
  } else if (timestamp !== undefined) {
    throw invalidParameter('StartingPositionTimestamp is only allowed when StartingPosition is AT_TIMESTAMP.');
  }

  return {
    function: reference,
    eventSourceArn,
    sourceType,
    batchSize: batchSize ?? limits.default,
    // Not batching at all is what an absent window means.
    maximumBatchingWindowInSeconds: window ?? 0,
    // "Enabled: Disables the event source mapping to pause polling": a mapping polls unless told not to.
    enabled: enabled ?? true,
    startingPosition: startingPosition as StartingPosition | undefined, // checked against the enum above
    startingPositionTimestamp: timestamp,
  };
}

function checkRange(field: string, value: number, range: { readonly min: number; readonly max: number }): void {
  if (value < range.min || value > range.max) {
    throw invalidParameter(`${field} ${value} is out of range; it must be from ${range.min} to ${range.max}.`);
  }
}
