import type { JsonObject } from '../../protocols/json-body.ts';
import { invalidParameter } from '../../service-error.ts';
import { tagsFromMap } from '../../tags.ts';
import { classifyEventSourceArn, EVENT_SOURCE_ARN_PATTERN_TEXT } from '../event-source-arn.ts';
import { functionReference, MAX_BARE_NAME_LENGTH, type FunctionReference } from '../function-name.ts';
import { isBoolean, isFiniteNumber, isInteger, isObject, isString, optional } from '../json-fields.ts';
import { isValidFilterPattern } from './filter-pattern.ts';
import { ModelConstraints } from './model-constraints.ts';

// A CreateEventSourceMapping request as today's AWS reads it: the types of its members, then every
// constraint of the current service model (400 ValidationException, all at once), then Lambda's own
// rules (400 InvalidParameterValueException). Whether the function and the source exist is checked
// afterwards. reference/README.md names the source of every rule here.

// An SQS FIFO queue is a source of its own today: its name, and so its ARN, ends in ".fifo".
export type CurrentSource = 'kinesis' | 'dynamodb-streams' | 'sqs' | 'sqs-fifo';
export type StartingPosition = 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';

export interface CurrentMappingRequest {
  readonly function: FunctionReference;
  readonly eventSourceArn: string;
  readonly source: CurrentSource;
  readonly enabled: boolean;
  readonly batchSize: number;
  readonly maximumBatchingWindowInSeconds: number;
  readonly functionResponseTypes: readonly string[];
  // As sent, when sent: the answer echoes it.
  readonly filterCriteria: JsonObject | undefined;
  // Only for streams: everything a stream mapping answers with, defaults filled in.
  readonly stream: StreamSettings | undefined;
  // Only for queues, when sent.
  readonly scalingConfig: JsonObject | undefined;
  readonly provisionedPollerConfig: JsonObject | undefined;
  // As sent, when sent: the answer echoes it.
  readonly metricsConfig: JsonObject | undefined;
}

export interface StreamSettings {
  readonly startingPosition: StartingPosition;
  readonly startingPositionTimestamp: number | undefined;
  readonly parallelizationFactor: number;
  readonly maximumRecordAgeInSeconds: number;
  readonly maximumRetryAttempts: number;
  readonly bisectBatchOnFunctionError: boolean;
  readonly tumblingWindowInSeconds: number;
  readonly destinationConfig: JsonObject;
}

// Today's model (botocore 1.43, NamespacedFunctionName): 1 to 256 characters of this pattern.
const FUNCTION_NAME_PATTERN =
  String.raw`(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_\.]+)(:(\$LATEST(\.PUBLISHED)?|[a-zA-Z0-9-_]+))?`;
// The same pattern with the parts named, to resolve a name that matched the one above.
const FUNCTION_NAME_PARTS =
  /^(?:arn:(?<partition>aws[a-zA-Z-]*)?:lambda:)?(?:(?<region>[a-z]{2}(?:(?:-gov)|(?:-iso(?:[a-z]?)))?-[a-z]+-\d{1}):)?(?:(?<account>\d{12}):)?(?:function:)?(?<name>[a-zA-Z0-9-_.]+)(?::(?<qualifier>\$LATEST(?:\.PUBLISHED)?|[a-zA-Z0-9-_]+))?$/;
const DESTINATION_ARN_PATTERN =
  String.raw`$|kafka://([^.]([a-zA-Z0-9\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1})?:(\d{12})?:(.*)`;
const STARTING_POSITIONS: readonly string[] = ['LATEST', 'AT_TIMESTAMP', 'TRIM_HORIZON'];
const KMS_KEY_ARN_PATTERN = String.raw`(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()`;
const FUNCTION_RESPONSE_TYPES: readonly string[] = ['ReportBatchItemFailures'];
const METRICS: readonly string[] = ['EventCount', 'ErrorCount', 'KafkaMetrics'];
// "ErrorCount (Amazon MSK and self-managed Apache Kafka)", "KafkaMetrics (Amazon MSK and self-managed Apache Kafka)".
const KAFKA_ONLY_METRICS: readonly string[] = ['ErrorCount', 'KafkaMetrics'];
// "For Amazon SQS events source mappings, default is 2, and minimum 2 required" (MinimumPollers), "minimum value allowed is 2" (MaximumPollers).
const SQS_MINIMUM_POLLERS = 2;
// "To retain records of failed invocations from Kinesis, DynamoDB, … you can configure an Amazon SNS
// topic, Amazon SQS queue, or Amazon S3 bucket as the destination."
const FAILURE_DESTINATION_SERVICES: readonly string[] = ['sns', 'sqs', 's3'];
// Members of today's model for sources other than these three (Kafka, Amazon MQ, DocumentDB).
const OTHER_SOURCES_ONLY = [
  'Topics',
  'Queues',
  'SourceAccessConfigurations',
  'SelfManagedEventSource',
  'AmazonManagedKafkaEventSourceConfig',
  'SelfManagedKafkaEventSourceConfig',
  'DocumentDBEventSourceConfig',
];
// "(Kinesis, DynamoDB Streams, …)" or "(Kinesis and DynamoDB Streams only)" in today's model.
const STREAMS_ONLY = [
  'ParallelizationFactor',
  'MaximumRecordAgeInSeconds',
  'MaximumRetryAttempts',
  'BisectBatchOnFunctionError',
  'TumblingWindowInSeconds',
  'DestinationConfig',
];
// "The minimum valid value for maximum record age is 60s. Although values less than 60 and greater
// than -1 fall within the parameter's absolute range, they are not allowed."
const MINIMUM_RECORD_AGE = 60;

export function readCurrentMappingRequest(body: JsonObject, requestRegion: string, account: string, now: Date): CurrentMappingRequest {
  const functionName = optional(body, 'FunctionName', 'a string', isString);
  const eventSourceArn = optional(body, 'EventSourceArn', 'a string', isString);
  const enabled = optional(body, 'Enabled', 'a boolean', isBoolean);
  const batchSize = optional(body, 'BatchSize', 'an integer', isInteger);
  const window = optional(body, 'MaximumBatchingWindowInSeconds', 'an integer', isInteger);
  const startingPosition = optional(body, 'StartingPosition', 'a string', isString);
  const timestamp = optional(body, 'StartingPositionTimestamp', 'a number of seconds since the Unix epoch', isFiniteNumber);
  const parallelization = optional(body, 'ParallelizationFactor', 'an integer', isInteger);
  const recordAge = optional(body, 'MaximumRecordAgeInSeconds', 'an integer', isInteger);
  const retries = optional(body, 'MaximumRetryAttempts', 'an integer', isInteger);
  const bisect = optional(body, 'BisectBatchOnFunctionError', 'a boolean', isBoolean);
  const tumbling = optional(body, 'TumblingWindowInSeconds', 'an integer', isInteger);
  const responseTypes = optional(body, 'FunctionResponseTypes', 'a list of strings', isStringList);
  const filterCriteria = optional(body, 'FilterCriteria', 'an object such as {"Filters": [{"Pattern": "…"}]}', isObject);
  const patterns = filterCriteria === undefined ? [] : readFilterPatterns(filterCriteria);
  const destination = optional(body, 'DestinationConfig', 'an object such as {"OnFailure": {"Destination": "arn:…"}}', isObject);
  const onFailure = destination === undefined ? undefined : optional(destination, 'OnFailure', 'an object', isObject);
  const onSuccess = destination === undefined ? undefined : optional(destination, 'OnSuccess', 'an object', isObject);
  const failureArn = onFailure === undefined ? undefined : optional(onFailure, 'Destination', 'a string', isString);
  const successArn = onSuccess === undefined ? undefined : optional(onSuccess, 'Destination', 'a string', isString);
  const scaling = optional(body, 'ScalingConfig', 'an object such as {"MaximumConcurrency": 2}', isObject);
  const maximumConcurrency = scaling === undefined ? undefined : optional(scaling, 'MaximumConcurrency', 'an integer', isInteger);
  const pollers = optional(body, 'ProvisionedPollerConfig', 'an object such as {"MinimumPollers": 2, "MaximumPollers": 10}', isObject);
  const minimumPollers = pollers === undefined ? undefined : optional(pollers, 'MinimumPollers', 'an integer', isInteger);
  const maximumPollers = pollers === undefined ? undefined : optional(pollers, 'MaximumPollers', 'an integer', isInteger);
  // Only the model's pattern: whether the key exists and the role may use it is not modelled.
  const kmsKeyArn = optional(body, 'KMSKeyArn', 'a string', isString);
  const metricsConfig = optional(body, 'MetricsConfig', 'an object such as {"Metrics": ["EventCount"]}', isObject);
  const metrics = metricsConfig === undefined ? undefined : optional(metricsConfig, 'Metrics', 'a list of strings', isStringList);
  // Tags on create only tag the mapping: read for their form and limits, then nothing in the answer.
  tagsFromMap(optional(body, 'Tags', 'a map of tag keys to values', isObject), 'Tags', invalidParameter);

  const model = new ModelConstraints();
  model.required('functionName', functionName);
  model.length('functionName', functionName, 1, 256);
  model.pattern('functionName', functionName, FUNCTION_NAME_PATTERN);
  model.pattern('eventSourceArn', eventSourceArn, EVENT_SOURCE_ARN_PATTERN_TEXT);
  model.range('batchSize', batchSize, 1, 10_000);
  model.range('maximumBatchingWindowInSeconds', window, 0, 300);
  model.range('parallelizationFactor', parallelization, 1, 10);
  model.enumeration('startingPosition', startingPosition, STARTING_POSITIONS);
  model.range('maximumRecordAgeInSeconds', recordAge, -1, 604_800);
  model.range('maximumRetryAttempts', retries, -1, 10_000);
  model.range('tumblingWindowInSeconds', tumbling, 0, 900);
  model.length('functionResponseTypes', responseTypes, 0, 1);
  model.enumeration('functionResponseTypes', responseTypes, FUNCTION_RESPONSE_TYPES);
  patterns.forEach((pattern, index) => model.length(`filterCriteria.filters.${index + 1}.member.pattern`, pattern, 0, 4096));
  for (const [path, arn] of [['destinationConfig.onFailure.destination', failureArn], ['destinationConfig.onSuccess.destination', successArn]] as const) {
    model.length(path, arn, 0, 350);
    model.pattern(path, arn, DESTINATION_ARN_PATTERN);
  }
  model.range('scalingConfig.maximumConcurrency', maximumConcurrency, 2, 1000);
  model.range('provisionedPollerConfig.minimumPollers', minimumPollers, 1, 200);
  model.range('provisionedPollerConfig.maximumPollers', maximumPollers, 1, 2000);
  model.pattern('kMSKeyArn', kmsKeyArn, KMS_KEY_ARN_PATTERN);
  model.length('metricsConfig.metrics', metrics, 0, 3);
  model.enumeration('metricsConfig.metrics', metrics, METRICS);
  model.check();
  // The model requires FunctionName, so the check above has thrown without one.
  const name = functionName ?? '';

  const source = sourceOf(eventSourceArn);
  const isStream = source === 'kinesis' || source === 'dynamodb-streams';
  const reference = resolveCurrentFunctionName(name, requestRegion, account);
  for (const member of OTHER_SOURCES_ONLY) {
    if (body[member] !== undefined && body[member] !== null) {
      throw invalidParameter(`${member} is not supported for ${SOURCE_NAMES[source]} event sources.`);
    }
  }
  // Recorded for OnSuccess on a queue (C); every DestinationConfig of a queue is read so here.
  if (!isStream && destination !== undefined) throw invalidParameter('Unsupported DestinationConfig parameter for given event source mapping type.');
  for (const member of isStream ? ['ScalingConfig', 'ProvisionedPollerConfig'] : STREAMS_ONLY) {
    if (body[member] !== undefined && body[member] !== null) {
      throw invalidParameter(`${member} is not supported for ${SOURCE_NAMES[source]} event sources.`);
    }
  }
  const kafkaMetric = metrics?.find((metric) => KAFKA_ONLY_METRICS.includes(metric));
  if (kafkaMetric !== undefined) throw invalidParameter(`The metric ${kafkaMetric} is only supported for Amazon MSK and self-managed Apache Kafka event sources.`);
  if (!isStream && [minimumPollers, maximumPollers].some((count) => count !== undefined && count < SQS_MINIMUM_POLLERS)) {
    throw invalidParameter(`ProvisionedPollerConfig: an Amazon SQS event source needs at least ${SQS_MINIMUM_POLLERS} pollers, as MinimumPollers and as MaximumPollers.`);
  }
  checkBatching(source, batchSize, window);
  if (patterns.some((pattern) => !isValidFilterPattern(pattern))) throw invalidParameter('Invalid filter pattern definition.');

  const common = {
    function: reference,
    eventSourceArn: eventSourceArn ?? '',
    source,
    enabled: enabled ?? true,
    batchSize: batchSize ?? (source === 'sqs' || source === 'sqs-fifo' ? 10 : 100),
    maximumBatchingWindowInSeconds: window ?? 0,
    functionResponseTypes: responseTypes ?? [],
    // C: an empty list of filters is accepted, and the answer then carries no FilterCriteria.
    filterCriteria: patterns.length === 0 ? undefined : filterCriteria,
    metricsConfig,
  };
  if (!isStream) {
    if (startingPosition !== undefined) throw invalidParameter('StartingPosition is not valid for SQS event sources.');
    if (timestamp !== undefined) throw invalidParameter('StartingPositionTimestamp is not valid for SQS event sources.');
    return { ...common, stream: undefined, scalingConfig: scaling, provisionedPollerConfig: pollers };
  }

  if (startingPosition === undefined) {
    // Recorded verbatim: a model-style message, but InvalidParameterValueException, since the model does not require it.
    throw invalidParameter("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.");
  }
  if (startingPosition === 'AT_TIMESTAMP') {
    if (source !== 'kinesis') throw invalidParameter(`Unsupported starting position for arn type: ${common.eventSourceArn}`);
    if (timestamp === undefined) throw invalidParameter('Need to specify a timestamp');
    if (timestamp * 1000 > now.getTime()) throw invalidParameter('StartingPositionTimestamp cannot be in the future.');
  } else if (timestamp !== undefined) {
    throw invalidParameter('StartingPositionTimestamp is only allowed when StartingPosition is AT_TIMESTAMP.');
  }
  if (recordAge !== undefined && recordAge >= 0 && recordAge < MINIMUM_RECORD_AGE) {
    throw invalidParameter(`MaximumRecordAgeInSeconds ${recordAge} is not allowed: the minimum is ${MINIMUM_RECORD_AGE} seconds, or -1 for no limit.`);
  }
  if (onSuccess !== undefined) throw invalidParameter('OnSuccess is not supported in CreateEventSourceMapping; use DestinationConfig.OnFailure.');
  if (failureArn !== undefined && failureArn !== '' && !FAILURE_DESTINATION_SERVICES.includes(failureArn.split(':')[2] ?? '')) {
    throw invalidParameter(`The OnFailure destination ${failureArn} is not supported for ${SOURCE_NAMES[source]} event sources: use an Amazon SQS queue, an Amazon SNS topic or an Amazon S3 bucket.`);
  }
  return {
    ...common,
    scalingConfig: undefined,
    provisionedPollerConfig: undefined,
    stream: {
      startingPosition: startingPosition as StartingPosition, // checked against the enumeration above
      startingPositionTimestamp: timestamp,
      parallelizationFactor: parallelization ?? 1,
      maximumRecordAgeInSeconds: recordAge ?? -1,
      maximumRetryAttempts: retries ?? -1,
      bisectBatchOnFunctionError: bisect ?? false,
      tumblingWindowInSeconds: tumbling ?? 0,
      // What AWS answers when none was sent: an OnFailure with no destination.
      destinationConfig: failureArn === undefined || failureArn === '' ? { OnFailure: {} } : { OnFailure: { Destination: failureArn } },
    },
  };
}

export const SOURCE_NAMES: Readonly<Record<CurrentSource, string>> = {
  kinesis: 'Amazon Kinesis',
  'dynamodb-streams': 'Amazon DynamoDB Streams',
  sqs: 'Amazon SQS',
  'sqs-fifo': 'Amazon SQS FIFO',
};

function sourceOf(eventSourceArn: string | undefined): CurrentSource {
  if (eventSourceArn === undefined) throw invalidParameter('Unrecognized event source.');
  const kind = classifyEventSourceArn(eventSourceArn);
  // A malformed ARN was refused by the model's pattern already.
  if (kind === 'unsupported' || kind === 'malformed') throw invalidParameter(`Unrecognized event source. Unsupported source arn : ${eventSourceArn}`);
  return kind === 'sqs' && eventSourceArn.endsWith('.fifo') ? 'sqs-fifo' : kind;
}

// The pattern was checked as a model constraint; what is left is the documentation's one rule the
// model cannot say: "If you specify only the function name, it's limited to 64 characters in length."
function resolveCurrentFunctionName(value: string, requestRegion: string, account: string): FunctionReference {
  if (!value.includes(':') && value.length > MAX_BARE_NAME_LENGTH) {
    throw invalidParameter(`FunctionName "${value}" is ${value.length} characters long; a function name on its own may be at most ${MAX_BARE_NAME_LENGTH}.`);
  }
  const parts = FUNCTION_NAME_PARTS.exec(value)?.groups;
  if (parts?.['name'] === undefined) throw invalidParameter(`FunctionName "${value}" is not a function name or ARN.`);
  return functionReference(
    { partition: parts['partition'], region: parts['region'], account: parts['account'], name: parts['name'], qualifier: parts['qualifier'] },
    requestRegion,
    account,
  );
}

// "For streams and Amazon SQS event sources, when you set BatchSize to a value greater than 10, you
// must set MaximumBatchingWindowInSeconds to at least 1." Recorded answers hold it for SQS standard
// queues; for streams no answer is recorded and AWS's own provider tests create stream mappings of
// 100 and more without a window, so streams are not held to it here (open: reference/README.md).
function checkBatching(source: CurrentSource, batchSize: number | undefined, window: number | undefined): void {
  if (source === 'sqs-fifo') {
    if (batchSize !== undefined && batchSize > 10) throw invalidParameter('Batch size cannot be greater than 10 for an SQS FIFO queue.');
    if (window !== undefined && window > 0) throw invalidParameter('Maximum batching window is not supported for SQS FIFO queues.');
  }
  if (source === 'sqs' && batchSize !== undefined && batchSize > 10 && (window ?? 0) < 1) {
    throw invalidParameter('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10');
  }
}

function readFilterPatterns(criteria: JsonObject): string[] {
  const filters = optional(criteria, 'Filters', 'a list of objects such as {"Pattern": "…"}', isObjectList) ?? [];
  return filters.map((filter) => {
    const pattern = optional(filter, 'Pattern', 'a string holding a JSON filter pattern', isString);
    // A filter without a pattern filters nothing: AWS refuses it as it refuses a broken one.
    if (pattern === undefined) throw invalidParameter('Invalid filter pattern definition.');
    return pattern;
  });
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString);
}

function isObjectList(value: unknown): value is JsonObject[] {
  return Array.isArray(value) && value.every(isObject);
}
