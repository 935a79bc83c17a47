import type { Role, World } from '../world.ts';

// Just enough of IAM's policy evaluation for Lambda's questions about an execution role: does its
// trust policy let lambda.amazonaws.com assume it, and do its policies allow an action on a resource.
// A Deny wins over an Allow; Action and Resource take IAM's wildcards (* and ?); Conditions,
// NotAction, NotResource and NotPrincipal are not read, so a statement using them grants nothing.
// With AWS timing a policy counts only policyPropagationMs after it was put or attached (IAM is
// eventually consistent); without it, at once.

interface Statement {
  readonly Effect?: unknown;
  readonly Action?: unknown;
  readonly Resource?: unknown;
  readonly Principal?: unknown;
}

// The AWS managed policies a Lambda execution role is given for the three sources, as their
// current versions read (the server holds no other managed policy; any other ARN grants nothing).
// src/provisioning/execution-role-actions.ts lists the same actions: the server keeps its own reading, as it
// imports nothing from outside reference/.
const SOURCE_READ_MANAGED_POLICIES: Readonly<Record<string, readonly string[]>> = {
  'service-role/AWSLambdaSQSQueueExecutionRole': ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'logs:*'],
  'service-role/AWSLambdaKinesisExecutionRole': [
    'kinesis:DescribeStream',
    'kinesis:DescribeStreamSummary',
    'kinesis:GetRecords',
    'kinesis:GetShardIterator',
    'kinesis:ListShards',
    'kinesis:ListStreams',
    'kinesis:SubscribeToShard',
    'logs:*',
  ],
  'service-role/AWSLambdaDynamoDBExecutionRole': ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', 'logs:*'],
  AdministratorAccess: ['*'],
};
const AWS_MANAGED_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/(.+)$/;

export function trustsLambda(role: Role): boolean {
  return statementsOf(role.trustPolicy).some(
    (statement) => statement.Effect === 'Allow' && matchesAction(statement.Action, 'sts:AssumeRole') && namesLambdaService(statement.Principal),
  );
}

export function roleAllows(world: World, role: Role, action: string, resource: string): boolean {
  const statements = effectivePolicies(world, role).flatMap(statementsOf);
  const applies = (statement: Statement) => matchesAction(statement.Action, action) && matchesAny(statement.Resource, resource);
  if (statements.some((statement) => statement.Effect === 'Deny' && applies(statement))) return false;
  return statements.some((statement) => statement.Effect === 'Allow' && applies(statement));
}

// The role's policies that IAM has propagated by now, each as a policy document's text.
function effectivePolicies(world: World, role: Role): string[] {
  const now = world.now();
  const propagation = world.timing?.policyPropagationMs ?? 0;
  const propagated = (key: string) => (role.policyChangedAtMs.get(key) ?? Number.NEGATIVE_INFINITY) + propagation <= now;
  const inline = [...role.inlinePolicies].filter(([name]) => propagated(`inline:${name}`)).map(([, document]) => document);
  const managed = [...role.attachedPolicies]
    .filter((arn) => propagated(`managed:${arn}`))
    .flatMap((arn) => {
      const actions = SOURCE_READ_MANAGED_POLICIES[AWS_MANAGED_POLICY.exec(arn)?.[1] ?? ''];
      return actions === undefined ? [] : [JSON.stringify({ Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] })];
    });
  return [...inline, ...managed];
}

function statementsOf(document: string): Statement[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return [];
  }
  const statement = typeof parsed === 'object' && parsed !== null ? (parsed as { Statement?: unknown }).Statement : undefined;
  const list = Array.isArray(statement) ? statement : [statement];
  return list.filter((entry): entry is Statement => typeof entry === 'object' && entry !== null);
}

function namesLambdaService(principal: unknown): boolean {
  if (principal === '*') return true;
  const service = typeof principal === 'object' && principal !== null ? (principal as { Service?: unknown }).Service : undefined;
  return matchesAny(service, 'lambda.amazonaws.com');
}

function matchesAny(patterns: unknown, value: string, ignoreCase = false): boolean {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  return list.some((pattern) => typeof pattern === 'string' && wildcard(pattern, ignoreCase).test(value));
}

// IAM compares actions without regard to case, resources with it.
function matchesAction(patterns: unknown, action: string): boolean {
  return matchesAny(patterns, action, true);
}

function wildcard(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
}
