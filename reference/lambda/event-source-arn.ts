import { invalidParameter } from '../service-error.ts';

// EventSourceArn, as the 2019 documentation defines it:
//   Pattern: arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)
// (the same in today's model, which quotes it in its ValidationException), anchored, because AWS
// patterns match the whole value.
export const EVENT_SOURCE_ARN_PATTERN_TEXT = String.raw`arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)`;
const DOCUMENTED_PATTERN = new RegExp(`^${EVENT_SOURCE_ARN_PATTERN_TEXT}$`);

// The three source types the documentation lists, each recognised by the shape of its ARN:
//   Kinesis:          arn:aws:kinesis:REGION:ACCOUNT:stream/NAME  (or a consumer: stream/NAME/consumer/C:TIME)
//   DynamoDB Streams: arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE/stream/LABEL
//   SQS:              arn:aws:sqs:REGION:ACCOUNT:QUEUE
export type SourceType = 'kinesis' | 'dynamodb-streams' | 'sqs';

export const SOURCE_TYPE_NAMES: Readonly<Record<SourceType, string>> = {
  kinesis: 'Amazon Kinesis',
  'dynamodb-streams': 'Amazon DynamoDB Streams',
  sqs: 'Amazon SQS',
};

const KINESIS_STREAM = /^stream\/[a-zA-Z0-9_.-]{1,128}(\/consumer\/[a-zA-Z0-9_.-]{1,128}:\d+)?$/;
const DYNAMODB_STREAM = /^table\/[a-zA-Z0-9_.-]{3,255}\/stream\/[^/]+$/;
const SQS_QUEUE = /^[a-zA-Z0-9_-]{1,80}$|^[a-zA-Z0-9_-]{1,75}\.fifo$/;

export function sourceTypeOf(eventSourceArn: string): SourceType {
  const kind = classifyEventSourceArn(eventSourceArn);
  if (kind === 'malformed') {
    throw invalidParameter(
      `EventSourceArn "${eventSourceArn}" is not an ARN (expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE).`,
    );
  }
  if (kind === 'unsupported') {
    throw invalidParameter(
      `EventSourceArn "${eventSourceArn}" is not the ARN of an Amazon Kinesis stream, an Amazon DynamoDB stream ` +
        'or an Amazon SQS queue, the event sources a mapping can read from.',
    );
  }
  return kind;
}

// What an ARN names: one of the three source types, a well-formed ARN of something else, or no ARN at all.
export function classifyEventSourceArn(eventSourceArn: string): SourceType | 'unsupported' | 'malformed' {
  if (!DOCUMENTED_PATTERN.test(eventSourceArn)) return 'malformed';
  // The pattern guarantees at least six colon-separated parts; the resource may itself contain colons.
  const [, , service = '', , , ...resourceParts] = eventSourceArn.split(':');
  const resource = resourceParts.join(':');
  if (service === 'kinesis' && KINESIS_STREAM.test(resource)) return 'kinesis';
  if (service === 'dynamodb' && DYNAMODB_STREAM.test(resource)) return 'dynamodb-streams';
  if (service === 'sqs' && SQS_QUEUE.test(resource)) return 'sqs';
  return 'unsupported';
}
