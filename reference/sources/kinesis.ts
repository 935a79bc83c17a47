import type { IncomingCall } from '../exchange.ts';
import { validationError } from '../protocols/aws-json.ts';
import { stringField, type AwsJsonService } from '../protocols/aws-json-service.ts';
import type { JsonObject } from '../protocols/json-body.ts';
import { ServiceError } from '../service-error.ts';
import { addTags, tagsAsList, tagsFromMap } from '../tags.ts';
import type { Stream, World } from '../world.ts';

// Amazon Kinesis Data Streams, as far as fixtures need it, in AWS JSON 1.1
// (X-Amz-Target: Kinesis_20131202.<Operation>), which is what the JavaScript SDK v3 sends.
// Streams are ACTIVE from the moment they are created, so waiters finish on their first poll.
export const KINESIS_TARGET_PREFIX = 'Kinesis_20131202.';

const STREAM_NAME = /^[a-zA-Z0-9_.-]{1,128}$/;
const MAX_HASH_KEY = (1n << 128n) - 1n;

export function kinesisService(world: World): AwsJsonService {
  return {
    service: 'kinesis',
    dialect: { version: '1.1', errorTypePrefix: '' },
    operations: {
      CreateStream: (input, call) => {
        const name = stringField(input, 'StreamName', true, validationError);
        if (!STREAM_NAME.test(name)) throw validationError(`StreamName "${name}" must be 1 to 128 letters, digits, underscores, periods or hyphens.`);
        const arn = streamArn(world, call.region, name);
        if (world.streams.has(arn)) {
          throw new ServiceError(400, 'ResourceInUseException', `Stream ${name} under account ${world.account} already exists.`);
        }
        const modeDetails = input['StreamModeDetails'];
        const onDemand = typeof modeDetails === 'object' && modeDetails !== null && (modeDetails as JsonObject)['StreamMode'] === 'ON_DEMAND';
        const shardCount = input['ShardCount'];
        if (shardCount !== undefined && (typeof shardCount !== 'number' || !Number.isInteger(shardCount) || shardCount < 1)) {
          throw validationError('ShardCount must be a positive integer.');
        }
        world.streams.set(arn, {
          name,
          arn,
          shardCount: typeof shardCount === 'number' ? shardCount : onDemand ? 4 : 1,
          mode: onDemand ? 'ON_DEMAND' : 'PROVISIONED',
          createdEpochSeconds: Math.floor(Date.now() / 1000),
          // CreateStream has taken Tags since 2024 (the Kinesis API Reference); before, only AddTagsToStream.
          tags: tagsFromMap(input['Tags'], 'Tags', validationError),
        });
        return {};
      },
      DescribeStreamSummary: (input, call) => {
        const stream = findStream(world, input, call);
        return {
          StreamDescriptionSummary: {
            ...streamBasics(stream),
            OpenShardCount: stream.shardCount,
            ConsumerCount: 0,
          },
        };
      },
      DescribeStream: (input, call) => {
        const stream = findStream(world, input, call);
        return { StreamDescription: { ...streamBasics(stream), Shards: shards(stream.shardCount), HasMoreShards: false } };
      },
      // One page: every stream of the request's region, in creation order.
      ListStreams: (_input, call) => {
        const streams = [...world.streams.values()].filter((stream) => stream.arn === streamArn(world, call.region, stream.name));
        return {
          StreamNames: streams.map((stream) => stream.name),
          HasMoreStreams: false,
          StreamSummaries: streams.map((stream) => ({
            StreamName: stream.name,
            StreamARN: stream.arn,
            StreamStatus: 'ACTIVE',
            StreamModeDetails: { StreamMode: stream.mode },
            StreamCreationTimestamp: stream.createdEpochSeconds,
          })),
        };
      },
      AddTagsToStream: (input, call) => {
        const stream = findStream(world, input, call);
        addTags(stream.tags, tagsFromMap(input['Tags'], 'Tags', validationError), 'Tags', validationError);
        return {};
      },
      ListTagsForStream: (input, call) => ({ Tags: tagsAsList(findStream(world, input, call).tags), HasMoreTags: false }),
      DeleteStream: (input, call) => {
        world.streams.delete(findStream(world, input, call).arn);
        return {};
      },
    },
  };
}

function streamArn(world: World, region: string, name: string): string {
  return `arn:aws:kinesis:${region}:${world.account}:stream/${name}`;
}

// Kinesis operations take the stream by name or, in newer SDKs, by ARN.
function findStream(world: World, input: JsonObject, call: IncomingCall): Stream {
  const arn = stringField(input, 'StreamARN', false, validationError);
  const name = stringField(input, 'StreamName', false, validationError);
  if (arn === undefined && name === undefined) throw validationError('StreamName or StreamARN is required.');
  const stream = world.streams.get(arn ?? streamArn(world, call.region, name ?? ''));
  if (stream === undefined) {
    throw new ServiceError(400, 'ResourceNotFoundException', `Stream ${name ?? arn} under account ${world.account} not found.`);
  }
  return stream;
}

function streamBasics(stream: Stream): JsonObject {
  return {
    StreamName: stream.name,
    StreamARN: stream.arn,
    StreamStatus: 'ACTIVE',
    StreamModeDetails: { StreamMode: stream.mode },
    RetentionPeriodHours: 24,
    StreamCreationTimestamp: stream.createdEpochSeconds,
    EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
    EncryptionType: 'NONE',
  };
}

// Shards split the 128-bit hash key space evenly, as Kinesis does for a new stream.
function shards(count: number): JsonObject[] {
  const width = (MAX_HASH_KEY + 1n) / BigInt(count);
  return Array.from({ length: count }, (_, index) => {
    const start = width * BigInt(index);
    const end = index === count - 1 ? MAX_HASH_KEY : start + width - 1n;
    return {
      ShardId: `shardId-${String(index).padStart(12, '0')}`,
      HashKeyRange: { StartingHashKey: start.toString(), EndingHashKey: end.toString() },
      SequenceNumberRange: { StartingSequenceNumber: `4959${String(index).padStart(52, '0')}` },
    };
  });
}
