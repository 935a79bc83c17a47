import { roleAllows, trustsLambda } from '../iam/policy-evaluation.ts';
import { invalidParameter } from '../service-error.ts';
import type { Role, World } from '../world.ts';
import { sourceTypeOf } from './event-source-arn.ts';

// What Lambda asks of a function's execution role, with AWS timing only (without it, any role ARN is
// taken at its word). Each refusal is AWS's own answer, and a role that never gets what it lacks is
// refused the same way for ever: waiting tells "not yet" from "never" only by a bound on the wait.

// CreateFunction: the role exists, trusts lambda.amazonaws.com, and IAM has had roleAssumableAfterMs to propagate it.
export function requireAssumableRole(world: World, roleArn: string | undefined): void {
  if (world.timing === undefined) return;
  const role = roleArn === undefined ? undefined : roleNamed(world, roleArn);
  if (role === undefined || !trustsLambda(role) || world.now() < role.assumableFromMs) {
    throw invalidParameter('The role defined for the function cannot be assumed by Lambda.');
  }
}

// The actions the refusal names, in its order: Lambda reads the source with the role when the mapping is created.
const STREAM_READ_ACTIONS = ['GetRecords', 'GetShardIterator', 'DescribeStream', 'ListStreams'];

// CreateEventSourceMapping, once the function is known to exist: its role's propagated policies let it read the source.
export function requireSourceReadable(world: World, functionArn: string, eventSourceArn: string): void {
  if (world.timing === undefined) return;
  const roleArn = world.functions.get(functionArn)?.role;
  const role = roleArn === undefined ? undefined : roleNamed(world, roleArn);
  const sourceType = sourceTypeOf(eventSourceArn);
  const allowed = (service: string, action: string) => role !== undefined && roleAllows(world, role, `${service}:${action}`, eventSourceArn);
  if (sourceType === 'sqs') {
    const missing = ['ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes'].find((action) => !allowed('sqs', action));
    if (missing !== undefined) throw invalidParameter(`The function execution role does not have permissions to call ${missing} on SQS`);
    return;
  }
  const service = sourceType === 'kinesis' ? 'kinesis' : 'dynamodb';
  if (!STREAM_READ_ACTIONS.every((action) => allowed(service, action))) {
    throw invalidParameter(
      `Cannot access stream ${eventSourceArn}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.`,
    );
  }
}

function roleNamed(world: World, roleArn: string): Role | undefined {
  const role = world.roles.get(roleArn.split('/').at(-1) ?? '');
  return role?.arn === roleArn ? role : undefined;
}
