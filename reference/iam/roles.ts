import { randomBytes } from 'node:crypto';
import type { IncomingCall } from '../exchange.ts';
import { awsQueryRoute, missingParameter, queryMembers, type AwsQueryDialect, type XmlValue } from '../protocols/aws-query.ts';
import type { Route } from '../route.ts';
import { ServiceError } from '../service-error.ts';
import type { Role, World } from '../world.ts';

// AWS Identity and Access Management, as far as fixtures need it: a role Lambda can assume, its
// inline and attached policies, and deleting all of it again. Written from the IAM API Reference
// (CreateRole, GetRole, UpdateAssumeRolePolicy, ListRoles, ListRoleTags, PutRolePolicy, GetRolePolicy, ListRolePolicies, DeleteRolePolicy, AttachRolePolicy,
// ListAttachedRolePolicies, DetachRolePolicy, DeleteRole). IAM is global: roles have no region.
export const IAM_DIALECT: AwsQueryDialect = { version: '2010-05-08', namespace: 'https://iam.amazonaws.com/doc/2010-05-08/' };

// "Pattern: [\w+=,.@-]+", 1 to 64 characters for a role name, 1 to 128 for a policy name.
const ENTITY_NAME = /^[\w+=,.@-]+$/;
const ROLE_PATH = /^(\/|\/[\u0021-\u007E]+\/)$/;
const POLICY_ARN = /^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\/([\u0021-\u007E]+\/)*[\w+=,.@-]+$/;
const MAX_POLICY_DOCUMENT = 131_072;
const MAX_TAGS = 50;

type Operation = (parameters: URLSearchParams, world: World) => XmlValue;

const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateRole: (parameters, world) => {
    const name = entityName(parameters, 'RoleName', 64);
    const path = parameters.get('Path') ?? '/';
    if (!ROLE_PATH.test(path) || path.length > 512) throw invalidInput(`Path "${path}" must begin and end with a slash and hold printable ASCII characters.`);
    const trust = policyDocument(parameters, 'AssumeRolePolicyDocument');
    const description = parameters.get('Description') ?? undefined;
    if (description !== undefined && description.length > 1000) throw invalidInput('Description may be at most 1000 characters.');
    if (world.roles.has(name)) throw new ServiceError(409, 'EntityAlreadyExists', `Role with name ${name} already exists.`);
    const role: Role = {
      name,
      path,
      arn: `arn:aws:iam::${world.account}:role${path}${name}`,
      id: `AROA${randomBytes(16).toString('hex').toUpperCase().slice(0, 17)}`,
      createDate: new Date().toISOString(),
      trustPolicy: trust,
      description,
      tags: tags(parameters),
      inlinePolicies: new Map(),
      attachedPolicies: new Set(),
      policyChangedAtMs: new Map(),
      assumableFromMs: world.now() + (world.timing?.roleAssumableAfterMs ?? 0),
    };
    world.roles.set(name, role);
    return { Role: describeRole(role) };
  },
  GetRole: (parameters, world) => ({ Role: describeRole(findRole(world, parameters)) }),
  // A new trust policy is, for Lambda, a role it must wait to be able to assume again (AWS timing).
  UpdateAssumeRolePolicy: (parameters, world) => {
    const role = findRole(world, parameters);
    const trustPolicy = policyDocument(parameters, 'PolicyDocument');
    world.roles.set(role.name, { ...role, trustPolicy, assumableFromMs: world.now() + (world.timing?.roleAssumableAfterMs ?? 0) });
    return undefined;
  },
  // One page. "ListRoles does not return … Tags" (the IAM API Reference): ListRoleTags does.
  ListRoles: (parameters, world) => {
    const prefix = parameters.get('PathPrefix') ?? '/';
    const roles = [...world.roles.values()].filter((role) => role.path.startsWith(prefix));
    return { Roles: roles.map((role) => ({ ...describeRole(role), Tags: undefined })), IsTruncated: false };
  },
  ListRoleTags: (parameters, world) => ({ Tags: tagElements(findRole(world, parameters)), IsTruncated: false }),
  PutRolePolicy: (parameters, world) => {
    const role = findRole(world, parameters);
    const policyName = entityName(parameters, 'PolicyName', 128);
    role.inlinePolicies.set(policyName, policyDocument(parameters, 'PolicyDocument'));
    role.policyChangedAtMs.set(`inline:${policyName}`, world.now());
    return undefined;
  },
  GetRolePolicy: (parameters, world) => {
    const role = findRole(world, parameters);
    const policyName = entityName(parameters, 'PolicyName', 128);
    const document = role.inlinePolicies.get(policyName);
    if (document === undefined) throw noSuchEntity(`The role policy with name ${policyName} cannot be found.`);
    return { RoleName: role.name, PolicyName: policyName, PolicyDocument: encodeURIComponent(document) };
  },
  ListRolePolicies: (parameters, world) => ({ PolicyNames: [...findRole(world, parameters).inlinePolicies.keys()], IsTruncated: false }),
  DeleteRolePolicy: (parameters, world) => {
    const role = findRole(world, parameters);
    const policyName = entityName(parameters, 'PolicyName', 128);
    if (!role.inlinePolicies.delete(policyName)) throw noSuchEntity(`The role policy with name ${policyName} cannot be found.`);
    role.policyChangedAtMs.delete(`inline:${policyName}`);
    return undefined;
  },
  AttachRolePolicy: (parameters, world) => {
    const role = findRole(world, parameters);
    const arn = policyArn(parameters);
    role.attachedPolicies.add(arn);
    role.policyChangedAtMs.set(`managed:${arn}`, world.now());
    return undefined;
  },
  ListAttachedRolePolicies: (parameters, world) => ({
    AttachedPolicies: [...findRole(world, parameters).attachedPolicies].map((arn) => ({ PolicyName: arn.split('/').at(-1), PolicyArn: arn })),
    IsTruncated: false,
  }),
  DetachRolePolicy: (parameters, world) => {
    const role = findRole(world, parameters);
    const arn = policyArn(parameters);
    if (!role.attachedPolicies.delete(arn)) throw noSuchEntity(`Policy ${arn} was not found.`);
    role.policyChangedAtMs.delete(`managed:${arn}`);
    return undefined;
  },
  DeleteRole: (parameters, world) => {
    const role = findRole(world, parameters);
    // "You must first remove items attached to the role": its policies, inline and managed.
    if (role.inlinePolicies.size > 0 || role.attachedPolicies.size > 0) {
      throw new ServiceError(409, 'DeleteConflict', 'Cannot delete entity, must delete policies first.');
    }
    world.roles.delete(role.name);
    return undefined;
  },
};

export function iamRoute(call: IncomingCall, parameters: URLSearchParams, world: World): Route {
  const action = parameters.get('Action') ?? '';
  const operation = Object.hasOwn(OPERATIONS, action) ? OPERATIONS[action] : undefined;
  return awsQueryRoute(IAM_DIALECT, 'iam', call, action, operation === undefined ? undefined : () => operation(parameters, world));
}

function describeRole(role: Role): Readonly<Record<string, XmlValue>> {
  return {
    Path: role.path,
    RoleName: role.name,
    RoleId: role.id,
    Arn: role.arn,
    CreateDate: role.createDate,
    // IAM returns the trust policy URL-encoded, as every policy document it hands back.
    AssumeRolePolicyDocument: encodeURIComponent(role.trustPolicy),
    Description: role.description,
    MaxSessionDuration: 3600,
    Tags: role.tags.length === 0 ? undefined : tagElements(role),
  };
}

function tagElements(role: Role): XmlValue {
  return role.tags.map((tag) => ({ Key: tag.key, Value: tag.value }));
}

function findRole(world: World, parameters: URLSearchParams): Role {
  const name = entityName(parameters, 'RoleName', 64);
  const role = world.roles.get(name);
  if (role === undefined) throw noSuchEntity(`The role with name ${name} cannot be found.`);
  return role;
}

function entityName(parameters: URLSearchParams, parameter: string, maximum: number): string {
  const value = parameters.get(parameter);
  if (value === null) throw missingParameter(parameter);
  if (value.length < 1 || value.length > maximum || !ENTITY_NAME.test(value)) {
    throw new ServiceError(
      400,
      'ValidationError',
      `1 validation error detected: Value '${value}' at '${parameter}' failed to satisfy constraint: Member must have length between 1 and ${maximum} and match [\\w+=,.@-]+`,
    );
  }
  return value;
}

function policyDocument(parameters: URLSearchParams, parameter: string): string {
  const text = parameters.get(parameter);
  if (text === null) throw missingParameter(parameter);
  if (text.length > MAX_POLICY_DOCUMENT) throw new ServiceError(409, 'LimitExceeded', `${parameter} is larger than ${MAX_POLICY_DOCUMENT} characters.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ServiceError(400, 'MalformedPolicyDocument', 'This policy contains invalid Json');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('Statement' in parsed)) {
    throw new ServiceError(400, 'MalformedPolicyDocument', 'Syntax errors in policy.');
  }
  return text;
}

function policyArn(parameters: URLSearchParams): string {
  const arn = parameters.get('PolicyArn');
  if (arn === null) throw missingParameter('PolicyArn');
  if (!POLICY_ARN.test(arn)) throw invalidInput(`ARN ${arn} is not valid.`);
  return arn;
}

function tags(parameters: URLSearchParams): Role['tags'] {
  const members = queryMembers(parameters, 'Tags');
  if (members.length > MAX_TAGS) throw new ServiceError(409, 'LimitExceeded', `A role may have at most ${MAX_TAGS} tags.`);
  return members.map((member) => {
    const key = parameters.get(`${member}.Key`) ?? '';
    const value = parameters.get(`${member}.Value`) ?? '';
    if (key.length < 1 || key.length > 128 || value.length > 256) throw invalidInput(`Tag keys are 1 to 128 characters and values at most 256; "${key}" is not.`);
    return { key, value };
  });
}

function noSuchEntity(message: string): ServiceError {
  return new ServiceError(404, 'NoSuchEntity', message);
}

function invalidInput(message: string): ServiceError {
  return new ServiceError(400, 'InvalidInput', message);
}
