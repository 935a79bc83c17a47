import { createHash } from 'node:crypto';
import { describeJsonType, type JsonObject } from '../protocols/json-body.ts';
import { invalidParameter, resourceConflict, resourceNotFound } from '../service-error.ts';
import { addTags, tagsAsMap, tagsFromMap } from '../tags.ts';
import type { LambdaFunction, World } from '../world.ts';
import { requireAssumableRole } from './execution-role.ts';
import { MAX_BARE_NAME_LENGTH, resolveFunctionName, type FunctionReference } from './function-name.ts';

// Just enough of Lambda's function API for fixtures: a function exists once created, can be read
// back, given a published version and an alias, and deleted with them. Nothing is ever run, so the
// code is only measured and hashed. With AWS timing its role must be assumable and it is Pending for
// functionPendingMs; without, it is Active at once (its versions always are).

export function createFunction(world: World, body: JsonObject, region: string): JsonObject {
  const reference = resolveFunctionName(requiredString(body, 'FunctionName'), region, world.account);
  if (reference.qualifier !== undefined) {
    throw invalidParameter(`FunctionName "${reference.arn}" names a version or alias; CreateFunction takes an unqualified name.`);
  }
  if (reference.name.length > MAX_BARE_NAME_LENGTH) {
    throw invalidParameter(`A function name may be at most ${MAX_BARE_NAME_LENGTH} characters; "${reference.name}" has ${reference.name.length}.`);
  }
  if (world.functions.has(reference.unqualifiedArn)) {
    throw resourceConflict(`Function already exist: ${reference.name}`);
  }
  const role = optionalString(body, 'Role');
  requireAssumableRole(world, role);
  const code = codeBytes(body['Code']);
  const created: LambdaFunction = {
    name: reference.name,
    arn: reference.unqualifiedArn,
    runtime: optionalString(body, 'Runtime'),
    role,
    handler: optionalString(body, 'Handler'),
    description: optionalString(body, 'Description') ?? '',
    timeout: optionalInteger(body, 'Timeout') ?? 3,
    memorySize: optionalInteger(body, 'MemorySize') ?? 128,
    codeSize: code.length,
    codeSha256: createHash('sha256').update(code).digest('base64'),
    lastModified: lambdaTimestamp(new Date()),
    ...(world.timing === undefined ? {} : { activeFromMs: world.now() + world.timing.functionPendingMs }),
    tags: tagsFromMap(body['Tags'], 'Tags', invalidParameter),
    versions: [],
    aliases: new Map(),
  };
  world.functions.set(created.arn, created);
  return describeFunction(world, created);
}

// PublishVersion: the next version number, a snapshot of $LATEST (nothing here changes between them).
export function publishVersion(world: World, nameInPath: string, region: string): JsonObject {
  const found = unqualifiedFunction(world, nameInPath, region, 'PublishVersion');
  const version = String(found.versions.length + 1);
  found.versions.push(version);
  return describeFunction(world, found, version);
}

// CreateAlias: a name (not only digits, as Lambda's pattern says) for an existing version of the function.
export function createAlias(world: World, nameInPath: string, body: JsonObject, region: string): JsonObject {
  const found = unqualifiedFunction(world, nameInPath, region, 'CreateAlias');
  const alias = requiredString(body, 'Name');
  const version = requiredString(body, 'FunctionVersion');
  if (!/^(?!\d+$)[a-zA-Z0-9_-]{1,128}$/.test(alias)) throw invalidParameter(`Name "${alias}" is not an alias name: 1 to 128 letters, digits, - or _, not only digits.`);
  if (version !== '$LATEST' && !found.versions.includes(version)) throw resourceNotFound(`Function not found: ${found.arn}:${version}`);
  if (found.aliases.has(alias)) throw resourceConflict(`Alias already exists: ${found.arn}:${alias}`);
  found.aliases.set(alias, version);
  return { AliasArn: `${found.arn}:${alias}`, Name: alias, FunctionVersion: version, Description: optionalString(body, 'Description') ?? '' };
}

export function getFunction(world: World, nameInPath: string, query: URLSearchParams, region: string): JsonObject {
  const { found, qualifier } = findFunction(world, nameInPath, query, region);
  return {
    Configuration: describeFunction(world, found, qualifier),
    Code: { RepositoryType: 'S3', Location: `https://reference.invalid/snapshots/${found.name}` },
    ...(found.tags.size === 0 ? {} : { Tags: tagsAsMap(found.tags) }),
  };
}

// One page: every function of the request's region, in creation order.
export function listFunctions(world: World, region: string): JsonObject {
  const inRegion = [...world.functions.values()].filter((fn) => fn.arn.split(':')[3] === region);
  return { Functions: inRegion.map((fn) => describeFunction(world, fn)) };
}

// ListTags and TagResource name the function by its unqualified ARN.
export function listTags(world: World, arn: string): JsonObject {
  return { Tags: tagsAsMap(functionByArn(world, arn).tags) };
}

export function tagResource(world: World, arn: string, body: JsonObject): void {
  addTags(functionByArn(world, arn).tags, tagsFromMap(body['Tags'], 'Tags', invalidParameter), 'Tags', invalidParameter);
}

function functionByArn(world: World, arn: string): LambdaFunction {
  const found = world.functions.get(arn);
  if (found === undefined) throw resourceNotFound(`Function not found: ${arn}`);
  return found;
}

export function getFunctionConfiguration(world: World, nameInPath: string, query: URLSearchParams, region: string): JsonObject {
  const { found, qualifier } = findFunction(world, nameInPath, query, region);
  return describeFunction(world, found, qualifier);
}

// The function goes, its versions and aliases with it.
export function deleteFunction(world: World, nameInPath: string, query: URLSearchParams, region: string): void {
  const { found } = findFunction(world, nameInPath, query, region);
  // Mappings of a deleted function stay, as they do in AWS: they are separate resources.
  world.functions.delete(found.arn);
}

function findFunction(world: World, nameInPath: string, query: URLSearchParams, region: string): { found: LambdaFunction; qualifier: string | undefined } {
  const reference: FunctionReference = resolveFunctionName(nameInPath, region, world.account);
  const qualifier = query.get('Qualifier') ?? reference.qualifier;
  const found = world.functions.get(reference.unqualifiedArn);
  if (found === undefined || (qualifier !== undefined && !world.qualifierExists(found, qualifier))) {
    throw resourceNotFound(`Function not found: ${reference.unqualifiedArn}${qualifier === undefined ? '' : `:${qualifier}`}`);
  }
  return { found, qualifier };
}

function unqualifiedFunction(world: World, nameInPath: string, region: string, operation: string): LambdaFunction {
  const reference = resolveFunctionName(nameInPath, region, world.account);
  if (reference.qualifier !== undefined) throw invalidParameter(`${operation} takes the function's unqualified name or ARN, not "${nameInPath}".`);
  return functionByArn(world, reference.unqualifiedArn);
}

// A qualifier names the function's $LATEST, a version, or an alias (whose answer shows its version).
function describeFunction(world: World, fn: LambdaFunction, qualifier?: string): JsonObject {
  return {
    FunctionName: fn.name,
    FunctionArn: qualifier === undefined ? fn.arn : `${fn.arn}:${qualifier}`,
    Runtime: fn.runtime,
    Role: fn.role,
    Handler: fn.handler,
    CodeSize: fn.codeSize,
    CodeSha256: fn.codeSha256,
    Description: fn.description,
    Timeout: fn.timeout,
    MemorySize: fn.memorySize,
    LastModified: fn.lastModified,
    Version: qualifier === undefined ? '$LATEST' : (fn.aliases.get(qualifier) ?? qualifier),
    ...functionState(world, fn),
    PackageType: 'Zip',
    Architectures: ['x86_64'],
  };
}

// Pending as real AWS answers it while a function is created (no LastUpdateStatus yet: no update has
// run); Active as GetFunction answers it afterwards. Without AWS timing a function is Active at once.
function functionState(world: World, fn: LambdaFunction): JsonObject {
  if (fn.activeFromMs !== undefined && world.now() < fn.activeFromMs) {
    return { State: 'Pending', StateReason: 'The function is being created.', StateReasonCode: 'Creating' };
  }
  return { State: 'Active', LastUpdateStatus: 'Successful' };
}

// Lambda writes function timestamps as 2019-11-26T11:36:00.000+0000.
function lambdaTimestamp(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

function codeBytes(code: unknown): Buffer {
  if (code === undefined || code === null) return Buffer.alloc(0);
  if (typeof code !== 'object' || Array.isArray(code)) {
    throw invalidParameter(`Code must be an object, but the request gave ${describeJsonType(code)}.`);
  }
  const zipFile = (code as JsonObject)['ZipFile'];
  if (zipFile === undefined || zipFile === null) return Buffer.alloc(0);
  if (typeof zipFile !== 'string') throw invalidParameter('Code.ZipFile must be a base64 string.');
  return Buffer.from(zipFile, 'base64');
}

function requiredString(body: JsonObject, field: string): string {
  const value = optionalString(body, field);
  if (value === undefined) throw invalidParameter(`${field} is required.`);
  return value;
}

function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`${field} must be a string, but the request gave ${describeJsonType(value)}.`);
  return value;
}

function optionalInteger(body: JsonObject, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw invalidParameter(`${field} must be an integer, but the request gave ${describeJsonType(value)}.`);
  }
  return value;
}
