// moto's standalone server (python3 -m moto.server), started on a free loopback port for a test
// file, and what is left on it afterwards. moto ships with this machine's Python; where it does
// not, the tests that need it are skipped with the reason printed, except under CI=true, where a
// moto that cannot start fails them.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { LambdaClient, ListEventSourceMappingsCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { closedPort } from '../transport/support/http-server.ts';

const READY_WITHIN_MS = 30_000;

/** Why moto cannot be used here, or null when `python3 -m moto.server` can be started. */
export function motoUnavailable(): string | null {
  const probe = spawnSync('python3', ['-c', 'import moto.server, moto; print(moto.__version__)'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.error !== undefined) return `python3 cannot be run (${probe.error.message})`;
  if (probe.status !== 0) return `python3 cannot import moto.server (${probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.status}`})`;
  return null;
}

export interface MotoServer {
  readonly url: string;
  /** Everything on the server, by kind: functions, roles, queues, streams, tables, mappings. */
  everything(): Promise<Record<string, string[]>>;
  close(): Promise<void>;
}

export async function startMoto(): Promise<MotoServer> {
  const port = await closedPort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-2_000)));
  try {
    await ready(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`moto did not start on ${url}: ${error instanceof Error ? error.message : String(error)}\n${output}`);
  }
  const config = { endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
  return {
    url,
    everything: async () => {
      const lambda = new LambdaClient(config);
      const iam = new IAMClient(config);
      const sqs = new SQSClient(config);
      // HTTP/1.1: the Kinesis client would speak HTTP/2, which moto's server does not.
      const kinesis = new KinesisClient({ ...config, requestHandler: new NodeHttpHandler() });
      const dynamodb = new DynamoDBClient(config);
      try {
        return {
          functions: ((await lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((fn) => fn.FunctionName ?? '?'),
          roles: ((await iam.send(new ListRolesCommand({}))).Roles ?? []).map((role) => role.RoleName ?? '?'),
          queues: (await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [],
          streams: (await kinesis.send(new ListStreamsCommand({}))).StreamNames ?? [],
          tables: (await dynamodb.send(new ListTablesCommand({}))).TableNames ?? [],
          mappings: ((await lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? []).map((mapping) => mapping.UUID ?? '?'),
        };
      } finally {
        for (const client of [lambda, iam, sqs, kinesis, dynamodb]) client.destroy();
      }
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

// Ready once GET /moto-api/ answers.
async function ready(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + READY_WITHIN_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`python3 exited with ${child.exitCode}`);
    const answered = await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`GET /moto-api/ did not answer within ${READY_WITHIN_MS} ms`);
}
