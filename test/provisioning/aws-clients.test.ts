// Where the fixtures' SDK calls go: an emulator serves every service on the target's origin; on AWS
// only Lambda is the target, and every other service has its own endpoint.
import { ListQueuesCommand } from '@aws-sdk/client-sqs';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import type { AbsoluteLocation, FinalizeRequestHandlerOptions, FinalizeRequestMiddleware } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { fixtureClients, type FixtureClients } from '../../src/provisioning/aws-clients.ts';

const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });

/** The host each client would send its first call to, read off the signed request and never sent. */
async function hostsOf(clients: FixtureClients): Promise<Record<string, string>> {
  const calls = {
    lambda: () => clients.lambda.send(new ListFunctionsCommand({})),
    sqs: () => clients.sqs.send(new ListQueuesCommand({})),
    kinesis: () => clients.kinesis.send(new ListStreamsCommand({})),
    dynamodb: () => clients.dynamodb.send(new ListTablesCommand({})),
    iam: () => clients.iam.send(new ListRolesCommand({})),
  };
  const hosts: Record<string, string> = {};
  for (const [name, client] of Object.entries({ lambda: clients.lambda, sqs: clients.sqs, kinesis: clients.kinesis, dynamodb: clients.dynamodb, iam: clients.iam })) {
    // Each client's stack is typed by its own service; the middleware reads only the request.
    const stack = client.middlewareStack as unknown as { add(middleware: FinalizeRequestMiddleware<object, object>, options: FinalizeRequestHandlerOptions & AbsoluteLocation): void };
    stack.add(
      () => async (args) => {
        const request = args.request as { hostname: string; port?: number };
        throw Object.assign(new Error('not sent'), { host: `${request.hostname}${request.port === undefined ? '' : `:${request.port}`}` });
      },
      { step: 'finalizeRequest', name: 'captureHost', priority: 'low' },
    );
    hosts[name] = await calls[name as keyof typeof calls]().then(
      () => 'sent',
      (error: { host?: string }) => error.host ?? 'no host',
    );
  }
  clients.destroy();
  return hosts;
}

describe('fixtureClients', () => {
  const options = { region: 'eu-west-1', credentials, requestTimeoutMs: 1_000, maxAttempts: 1 };

  it('sends every service to an emulator on its one origin', async () => {
    const hosts = await hostsOf(fixtureClients({ ...options, endpoint: 'http://127.0.0.1:4566' }));
    expect(hosts).toEqual({ lambda: '127.0.0.1:4566', sqs: '127.0.0.1:4566', kinesis: '127.0.0.1:4566', dynamodb: '127.0.0.1:4566', iam: '127.0.0.1:4566' });
  });

  it("sends only Lambda to an AWS target, every other service to its own endpoint in the region (IAM's global one)", async () => {
    const hosts = await hostsOf(fixtureClients({ ...options, endpoint: 'https://lambda.eu-west-1.amazonaws.com' }));
    expect(hosts).toEqual({
      lambda: 'lambda.eu-west-1.amazonaws.com',
      sqs: 'sqs.eu-west-1.amazonaws.com',
      kinesis: 'kinesis.eu-west-1.amazonaws.com',
      dynamodb: 'dynamodb.eu-west-1.amazonaws.com',
      iam: 'iam.amazonaws.com',
    });
  });
});
