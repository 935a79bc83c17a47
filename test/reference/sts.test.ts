import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { callerIdentity, rawRequest } from './support/raw-http.ts';
import { clientConfig, clientsFor, createFunction, createQueue, createStream, createTableStream } from './support/reference-clients.ts';

// STS GetCallerIdentity in the query protocol, and the account the server plays (option `account`).
const servers: ReferenceServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serverFor(account?: string): Promise<ReferenceServer> {
  const server = await startReferenceServer(account === undefined ? {} : { account });
  servers.push(server);
  return server;
}

describe('STS GetCallerIdentity', () => {
  it('answers the account, an ARN and a user id in STS XML, with the request id', async () => {
    const answer = await callerIdentity((await serverFor()).url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/xml');
    const requestId = answer.headers.get('x-amzn-requestid');
    expect(answer.text).toBe(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
        '<Arn>arn:aws:iam::123456789012:user/lambda-esm-conformance-reference</Arn><UserId>AIDAREFERENCESERVER00</UserId><Account>123456789012</Account>' +
        `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
  });

  it('is routed by its API version when the request has no credential scope', async () => {
    const server = await serverFor('111122223333');
    const answer = await rawRequest(server.url, { path: '/', body: 'Action=GetCallerIdentity&Version=2011-06-15', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer.text).toContain('<Account>111122223333</Account>');
  });

  it('refuses another STS action with an XML InvalidAction', async () => {
    const answer = await callerIdentity((await serverFor()).url, 'AssumeRole');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('<Code>InvalidAction</Code>');
  });
});

describe('the account the server plays', () => {
  it('refuses an account that is not 12 digits before listening', async () => {
    await expect(startReferenceServer({ account: '1234' })).rejects.toThrow('account must be 12 digits, not "1234".');
  });

  it('names the chosen account in STS, every ARN it hands out, and a function named without one', async () => {
    const server = await serverFor('111122223333');
    expect((await callerIdentity(server.url)).text).toContain('<Account>111122223333</Account>');
    const clients = clientsFor(server.url);
    const iam = new IAMClient(clientConfig(server.url));
    try {
      const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'account-role', AssumeRolePolicyDocument: '{"Statement":[]}' }));
      expect(Role?.Arn).toBe('arn:aws:iam::111122223333:role/account-role');
      expect(await createFunction(clients, 'account-fn')).toBe('arn:aws:lambda:us-east-1:111122223333:function:account-fn');
      const queue = await createQueue(clients, 'account-queue');
      expect(queue).toBe('arn:aws:sqs:us-east-1:111122223333:account-queue');
      expect(await createStream(clients, 'account-stream')).toBe('arn:aws:kinesis:us-east-1:111122223333:stream/account-stream');
      expect(await createTableStream(clients, 'account-table')).toMatch(/^arn:aws:dynamodb:us-east-1:111122223333:table\/account-table\/stream\//);
      const mapping = await clients.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'account-fn', EventSourceArn: queue }));
      expect(mapping.FunctionArn).toBe('arn:aws:lambda:us-east-1:111122223333:function:account-fn');
    } finally {
      clients.destroy();
      iam.destroy();
    }
  });
});
