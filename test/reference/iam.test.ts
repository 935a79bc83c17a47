import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { clientConfig, failure } from './support/reference-clients.ts';

// The IAM calls fixtures make, driven by the official SDK v3 client: IAM speaks the query protocol
// and answers XML, so a wrong element name or namespace would leave the SDK's result empty. The SDK
// names an error by its model shape (NoSuchEntityException) for the code on the wire (NoSuchEntity).
let server: ReferenceServer;
let iam: IAMClient;

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sqs:ReceiveMessage'], Resource: '*' }] });

beforeAll(async () => {
  server = await startReferenceServer();
  iam = new IAMClient(clientConfig(server.url));
});
afterAll(async () => {
  iam.destroy();
  await server.close();
});

describe('IAM roles', () => {
  it('creates a role with tags, reads it back, and refuses a second of the same name', async () => {
    const created = await iam.send(
      new CreateRoleCommand({ RoleName: 'iam-role', AssumeRolePolicyDocument: trust, Description: 'a test', Tags: [{ Key: 'run', Value: 'abc' }] }),
    );
    expect(created.Role).toMatchObject({ RoleName: 'iam-role', Path: '/', Arn: 'arn:aws:iam::123456789012:role/iam-role', Description: 'a test' });
    expect(created.Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(created.Role?.CreateDate).toBeInstanceOf(Date);
    const got = await iam.send(new GetRoleCommand({ RoleName: 'iam-role' }));
    expect(got.Role?.Tags).toEqual([{ Key: 'run', Value: 'abc' }]);
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(trust);
    expect(await failure(iam.send(new CreateRoleCommand({ RoleName: 'iam-role', AssumeRolePolicyDocument: trust })))).toMatchObject({
      name: 'EntityAlreadyExistsException',
      status: 409,
    });
  });

  it('keeps inline and attached policies, and deletes a role only once they are gone', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'iam-policies', AssumeRolePolicyDocument: trust }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'iam-policies', PolicyName: 'read', PolicyDocument: policy }));
    const managed = 'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole';
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'iam-policies', PolicyArn: managed }));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'iam-policies' }))).PolicyNames).toEqual(['read']);
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'iam-policies' }))).AttachedPolicies).toEqual([
      { PolicyName: 'AWSLambdaSQSQueueExecutionRole', PolicyArn: managed },
    ]);
    expect(await failure(iam.send(new DeleteRoleCommand({ RoleName: 'iam-policies' })))).toMatchObject({ name: 'DeleteConflictException', status: 409 });
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'iam-policies', PolicyName: 'read' }));
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'iam-policies', PolicyArn: managed }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'iam-policies' }));
    expect(await failure(iam.send(new GetRoleCommand({ RoleName: 'iam-policies' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });

  it('refuses a policy that is not JSON, and a role name IAM does not allow', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'iam-bad', AssumeRolePolicyDocument: trust }));
    expect(await failure(iam.send(new PutRolePolicyCommand({ RoleName: 'iam-bad', PolicyName: 'p', PolicyDocument: '{not json' })))).toMatchObject({
      name: 'MalformedPolicyDocumentException',
      status: 400,
    });
    expect(await failure(iam.send(new CreateRoleCommand({ RoleName: 'no spaces', AssumeRolePolicyDocument: trust })))).toMatchObject({ status: 400 });
    expect(await failure(iam.send(new DeleteRolePolicyCommand({ RoleName: 'iam-bad', PolicyName: 'never' })))).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
  });
});
