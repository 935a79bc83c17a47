// What Lambda needs of a function's execution role to read each kind of source: the actions of the
// AWS managed policies AWSLambdaSQSQueueExecutionRole, AWSLambdaKinesisExecutionRole and
// AWSLambdaDynamoDBExecutionRole, as of their current versions. The role a run creates is granted
// them; the check before the first case names them when Lambda says a role lacks them.
import type { SourceFixture } from '../cases/case.ts';

const QUEUE_READ_ACTIONS: readonly string[] = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'];

export const SOURCE_READ_ACTIONS: Readonly<Record<SourceFixture, readonly string[]>> = {
  sqs: QUEUE_READ_ACTIONS,
  sqsFifo: QUEUE_READ_ACTIONS,
  sqsShortVisibility: QUEUE_READ_ACTIONS,
  kinesis: [
    'kinesis:DescribeStream',
    'kinesis:DescribeStreamSummary',
    'kinesis:GetRecords',
    'kinesis:GetShardIterator',
    'kinesis:ListShards',
    'kinesis:ListStreams',
    'kinesis:SubscribeToShard',
  ],
  dynamodb: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
};

/** What all three managed policies grant besides: the function's logs. */
export const LOG_ACTIONS: readonly string[] = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];
