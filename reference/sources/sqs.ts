import type { IncomingCall } from '../exchange.ts';
import { stringField, type AwsJsonService } from '../protocols/aws-json-service.ts';
import type { JsonObject } from '../protocols/json-body.ts';
import { ServiceError } from '../service-error.ts';
import { addTags, tagsAsMap, tagsFromMap } from '../tags.ts';
import type { Queue, World } from '../world.ts';

// Amazon SQS, as far as fixtures need it, in the AWS JSON 1.0 protocol current SDKs use
// (X-Amz-Target: AmazonSQS.<Operation>). SQS keeps its older query-protocol error codes alive in the
// x-amzn-query-error header, so the server sends that too.
export const SQS_TARGET_PREFIX = 'AmazonSQS.';

const QUEUE_NAME = /^[a-zA-Z0-9_-]{1,80}$|^[a-zA-Z0-9_-]{1,75}\.fifo$/;

export function sqsService(world: World): AwsJsonService {
  return {
    service: 'sqs',
    dialect: { version: '1.0', errorTypePrefix: 'com.amazonaws.sqs#' },
    operations: {
      CreateQueue: (input, call) => {
        const name = stringField(input, 'QueueName', true, invalidValue);
        if (!QUEUE_NAME.test(name)) {
          throw invalidValue(`QueueName "${name}" must be 1 to 80 letters, digits, hyphens or underscores (a FIFO queue ends in .fifo).`);
        }
        const attributes = stringMap(input['Attributes']);
        // A FIFO queue is asked for with the FifoQueue attribute, and its name must end in .fifo (the
        // SQS API Reference, CreateQueue); the one without the other is refused, as SQS does.
        const fifo = attributes['FifoQueue'] === 'true';
        if (fifo !== name.endsWith('.fifo')) {
          throw invalidValue(
            fifo
              ? `The name of a FIFO queue must end with the .fifo suffix; "${name}" does not.`
              : `QueueName "${name}" ends in .fifo, which only a FIFO queue's name may: send the attribute FifoQueue=true, or choose another name.`,
          );
        }
        const arn = queueArn(world, call.region, name);
        // The JSON protocol names CreateQueue's tags `tags`, in lower case (the SQS API Reference).
        const tags = tagsFromMap(input['tags'], 'tags', invalidValue);
        // CreateQueue is idempotent in SQS: asking again for an existing queue answers its URL.
        if (!world.queues.has(arn)) {
          world.queues.set(arn, { name, arn, createdEpochSeconds: Math.floor(Date.now() / 1000), attributes, tags });
        }
        return { QueueUrl: queueUrl(world, call, name) };
      },
      GetQueueUrl: (input, call) => {
        const name = stringField(input, 'QueueName', true, invalidValue);
        return { QueueUrl: queueUrl(world, call, findQueueByName(world, call.region, name).name) };
      },
      GetQueueAttributes: (input, call) => {
        const queue = findQueueByUrl(world, call, input);
        const wanted = Array.isArray(input['AttributeNames']) ? input['AttributeNames'].map(String) : [];
        const all = queueAttributes(queue);
        const chosen = wanted.includes('All') ? all : Object.fromEntries(Object.entries(all).filter(([key]) => wanted.includes(key)));
        return Object.keys(chosen).length === 0 ? {} : { Attributes: chosen };
      },
      // One page: every queue whose name starts with QueueNamePrefix, in creation order.
      ListQueues: (input, call) => {
        const prefix = stringField(input, 'QueueNamePrefix', false, invalidValue) ?? '';
        const names = [...world.queues.values()].filter((queue) => queue.arn === queueArn(world, call.region, queue.name) && queue.name.startsWith(prefix));
        return names.length === 0 ? {} : { QueueUrls: names.map((queue) => queueUrl(world, call, queue.name)) };
      },
      ListQueueTags: (input, call) => {
        const { tags } = findQueueByUrl(world, call, input);
        return tags.size === 0 ? {} : { Tags: tagsAsMap(tags) };
      },
      TagQueue: (input, call) => {
        const queue = findQueueByUrl(world, call, input);
        addTags(queue.tags, tagsFromMap(input['Tags'], 'Tags', invalidValue), 'Tags', invalidValue);
        return {};
      },
      DeleteQueue: (input, call) => {
        world.queues.delete(findQueueByUrl(world, call, input).arn);
        return {};
      },
    },
  };
}

function queueArn(world: World, region: string, name: string): string {
  return `arn:aws:sqs:${region}:${world.account}:${name}`;
}

// The URL points back at this server, under the account, as real queue URLs do.
function queueUrl(world: World, call: IncomingCall, name: string): string {
  return `http://${call.host}/${world.account}/${name}`;
}

function findQueueByName(world: World, region: string, name: string): Queue {
  const queue = world.queues.get(queueArn(world, region, name));
  if (queue === undefined) throw queueDoesNotExist();
  return queue;
}

function findQueueByUrl(world: World, call: IncomingCall, input: JsonObject): Queue {
  const url = stringField(input, 'QueueUrl', true, invalidValue);
  // Only the last two path segments matter: /ACCOUNT/NAME. The host may be any alias of this server.
  const match = /\/(\d{12})\/([^/?#]+)\/?$/.exec(url);
  if (match === null || match[1] !== world.account || match[2] === undefined) throw queueDoesNotExist();
  return findQueueByName(world, call.region, match[2]);
}

// A queue made without one has SQS's default visibility timeout.
export const SQS_DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

function queueAttributes(queue: Queue): Record<string, string> {
  const created = String(queue.createdEpochSeconds);
  return {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: '0',
    ApproximateNumberOfMessagesNotVisible: '0',
    ApproximateNumberOfMessagesDelayed: '0',
    CreatedTimestamp: created,
    LastModifiedTimestamp: created,
    VisibilityTimeout: String(SQS_DEFAULT_VISIBILITY_TIMEOUT_SECONDS),
    MaximumMessageSize: '262144',
    MessageRetentionPeriod: '345600',
    DelaySeconds: '0',
    ReceiveMessageWaitTimeSeconds: '0',
    ...(queue.name.endsWith('.fifo') ? { FifoQueue: 'true' } : {}),
    ...queue.attributes,
  };
}

function stringMap(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, String(entry)]));
}

function queueDoesNotExist(): ServiceError {
  return new ServiceError(400, 'QueueDoesNotExist', 'The specified queue does not exist.', {}, {
    'x-amzn-query-error': 'AWS.SimpleQueueService.NonExistentQueue;Sender',
  });
}

function invalidValue(message: string): ServiceError {
  return new ServiceError(400, 'InvalidParameterValue', message, {}, { 'x-amzn-query-error': 'InvalidParameterValue;Sender' });
}
