import { LambdaClient, ListEventSourceMappingsCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { SQSClient, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { KinesisClient, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { DynamoDBClient, DescribeTableCommand } from '@aws-sdk/client-dynamodb';

const config = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

/** Every event source mapping the server still holds. */
export async function remainingMappings(endpoint: string): Promise<string[]> {
  const client = new LambdaClient(config(endpoint));
  try {
    const uuids: string[] = [];
    let marker: string | undefined;
    do {
      const page = await client.send(new ListEventSourceMappingsCommand({ Marker: marker }));
      uuids.push(...(page.EventSourceMappings ?? []).map((mapping) => mapping.UUID ?? '?'));
      marker = page.NextMarker;
    } while (marker !== undefined);
    return uuids;
  } finally {
    client.destroy();
  }
}

/** The run id the CLI logged when it created its fixtures. */
export function runIdIn(stderr: string): string {
  const match = /created Lambda function lesm-([a-z0-9]+)-fn/.exec(stderr);
  if (match?.[1] === undefined) throw new Error(`no fixture creation in the log:\n${stderr}`);
  return match[1];
}

/** Which of a run's fixtures still exist on the server. */
export async function remainingFixtures(endpoint: string, runId: string): Promise<string[]> {
  const name = (suffix: string) => `lesm-${runId}-${suffix}`;
  const probes: Array<[string, () => Promise<unknown>]> = [
    ['function', () => new LambdaClient(config(endpoint)).send(new GetFunctionCommand({ FunctionName: name('fn') }))],
    ['queue', () => new SQSClient(config(endpoint)).send(new GetQueueUrlCommand({ QueueName: name('queue') }))],
    ['stream', () => new KinesisClient(config(endpoint)).send(new DescribeStreamSummaryCommand({ StreamName: name('stream') }))],
    ['table', () => new DynamoDBClient(config(endpoint)).send(new DescribeTableCommand({ TableName: name('table') }))],
  ];
  const results = await Promise.all(probes.map(async ([kind, probe]) => ((await probe().then(() => true, () => false)) ? kind : null)));
  return results.filter((kind): kind is string => kind !== null);
}
