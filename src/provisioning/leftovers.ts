// What runs left behind (killed with SIGKILL, say, when no handler runs): every resource on the
// target whose name has this tool's prefix, with its tags, and which of them a sweep may delete.
// A resource is the tool's only when both say so: its name is exactly one a run gives that kind of
// resource (`lesm-<run id>-…`) and its `lesm-run-id` tag names that same run. A look-alike (the
// prefix without the tag, or a tag naming another run) is listed as left, never deleted.
import { DescribeTableCommand, ListTablesCommand, ListTagsOfResourceCommand } from '@aws-sdk/client-dynamodb';
import { ListRolesCommand, ListRoleTagsCommand } from '@aws-sdk/client-iam';
import { ListStreamsCommand, ListTagsForStreamCommand } from '@aws-sdk/client-kinesis';
import { ListFunctionsCommand, ListTagsCommand } from '@aws-sdk/client-lambda';
import { ListQueuesCommand, ListQueueTagsCommand } from '@aws-sdk/client-sqs';
import type { AwsCredentialIdentityProvider, RequestPacer } from '../transport/index.ts';
import { fixtureClients, type FixtureClients } from './aws-clients.ts';
import { describeResource, type CleanupFailure, type CreatedResource, type ResourceKind } from './created-resource.ts';
import { deleteResources } from './delete-resources.ts';
import { isOwnName, RESOURCE_PREFIX } from './resource-names.ts';
import { CREATED_AT_TAG, parseCreatedAt, RUN_ID_TAG } from './run-tags.ts';
import { describeError, isNotFound } from './service-errors.ts';

/** A resource whose name has the tool's prefix, with the tags it carries. */
export interface TaggedResource {
  readonly resource: CreatedResource;
  readonly tags: Readonly<Record<string, string>>;
}

export interface FoundResources {
  readonly found: readonly TaggedResource[];
  /** Listings or tag reads that failed: what they would have found is unknown. */
  readonly problems: readonly CleanupFailure[];
}

/** Each listing reads at most this many pages: a sweep of an account ends, and says when it stopped short. */
export const MAX_LEFTOVER_PAGES = 20;

const PREFIX = `${RESOURCE_PREFIX}-`;

/** Lists the five kinds of resources (their names starting `lesm-`) and reads the tags of each, side by side per service. */
export async function findTaggedResources(clients: FixtureClients, secrets: () => readonly string[]): Promise<FoundResources> {
  const problems: CleanupFailure[] = [];
  const services: ReadonlyArray<readonly [string, () => AsyncGenerator<TaggedResource>]> = [
    ['Lambda functions', () => functions(clients)],
    ['SQS queues', () => queues(clients)],
    ['Kinesis streams', () => streams(clients)],
    ['DynamoDB tables', () => tables(clients)],
    ['IAM roles', () => roles(clients)],
  ];
  const found = await Promise.all(
    services.map(async ([what, list]) => {
      const listed: TaggedResource[] = [];
      try {
        for await (const resource of list()) listed.push(resource);
      } catch (error) {
        problems.push({ resource: `${what} named ${PREFIX}*`, message: error instanceof ListingCut ? error.message : `could not list them: ${describeError(error, secrets())}` });
      }
      return listed;
    }),
  );
  return { found: found.flat(), problems };
}

class ListingCut extends Error {
  constructor(what: string) {
    super(`more than ${MAX_LEFTOVER_PAGES} pages of ${what} are listed; the rest was not looked at: run cleanup again once these are gone.`);
  }
}

/** The pages a listing answers, until it has no more or MAX_LEFTOVER_PAGES were read. */
async function* pages<Page>(what: string, read: (token: string | undefined) => Promise<Page>, next: (page: Page) => string | undefined): AsyncGenerator<Page> {
  let token: string | undefined;
  for (let page = 0; page < MAX_LEFTOVER_PAGES; page += 1) {
    const answer = await read(token);
    yield answer;
    token = next(answer);
    if (token === undefined || token === '') return;
  }
  throw new ListingCut(what);
}

/** The tags of one resource, or undefined when it went away between the listing and the read. */
async function tagsOrGone<T>(read: () => Promise<T>, tags: (answer: T) => Record<string, string>): Promise<Record<string, string> | undefined> {
  try {
    return tags(await read());
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function fromList(list: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined): Record<string, string> {
  return Object.fromEntries((list ?? []).flatMap(({ Key, Value }) => (Key === undefined ? [] : [[Key, Value ?? '']])));
}

async function* tagged(kind: ResourceKind, name: string, handle: string, read: () => Promise<Record<string, string> | undefined>): AsyncGenerator<TaggedResource> {
  if (!name.startsWith(PREFIX)) return;
  const tags = await read();
  if (tags !== undefined) yield { resource: { kind, name, handle }, tags };
}

async function* functions(clients: FixtureClients): AsyncGenerator<TaggedResource> {
  const listing = pages('Lambda functions', (Marker) => clients.lambda.send(new ListFunctionsCommand({ Marker, MaxItems: 50 })), (page) => page.NextMarker);
  for await (const page of listing) {
    for (const { FunctionName: name = '', FunctionArn: arn = '' } of page.Functions ?? []) {
      yield* tagged('function', name, arn, () => tagsOrGone(() => clients.lambda.send(new ListTagsCommand({ Resource: arn })), (answer) => ({ ...answer.Tags })));
    }
  }
}

async function* queues(clients: FixtureClients): AsyncGenerator<TaggedResource> {
  const listing = pages('SQS queues', (NextToken) => clients.sqs.send(new ListQueuesCommand({ QueueNamePrefix: PREFIX, MaxResults: 1000, NextToken })), (page) => page.NextToken);
  for await (const page of listing) {
    for (const url of page.QueueUrls ?? []) {
      const name = url.replace(/\/+$/, '').split('/').at(-1) ?? '';
      yield* tagged(queueKind(name), name, url, () =>
        tagsOrGone(() => clients.sqs.send(new ListQueueTagsCommand({ QueueUrl: url })), (answer) => ({ ...answer.Tags })),
      );
    }
  }
}

/** Which of the run's queues a name is, by the suffix resourceName gives it. */
function queueKind(name: string): 'sqs' | 'sqsFifo' | 'sqsShortVisibility' {
  if (name.endsWith('.fifo')) return 'sqsFifo';
  return name.endsWith('-short-queue') ? 'sqsShortVisibility' : 'sqs';
}

async function* streams(clients: FixtureClients): AsyncGenerator<TaggedResource> {
  const listing = pages(
    'Kinesis streams',
    (ExclusiveStartStreamName) => clients.kinesis.send(new ListStreamsCommand({ ExclusiveStartStreamName, Limit: 100 })),
    (page) => (page.HasMoreStreams === true ? page.StreamNames?.at(-1) : undefined),
  );
  for await (const page of listing) {
    for (const name of page.StreamNames ?? []) {
      // A run's stream has two tags: one page of 50 holds them.
      yield* tagged('kinesis', name, name, () => tagsOrGone(() => clients.kinesis.send(new ListTagsForStreamCommand({ StreamName: name, Limit: 50 })), (answer) => fromList(answer.Tags)));
    }
  }
}

async function* tables(clients: FixtureClients): AsyncGenerator<TaggedResource> {
  const listing = pages(
    'DynamoDB tables',
    (ExclusiveStartTableName) => clients.dynamodb.send(new ListTablesCommand({ ExclusiveStartTableName, Limit: 100 })),
    (page) => page.LastEvaluatedTableName,
  );
  for await (const page of listing) {
    for (const name of page.TableNames ?? []) {
      yield* tagged('dynamodb', name, name, () =>
        tagsOrGone(
          async () => {
            const { Table: table } = await clients.dynamodb.send(new DescribeTableCommand({ TableName: name }));
            return clients.dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: table?.TableArn }));
          },
          (answer) => fromList(answer.Tags),
        ),
      );
    }
  }
}

async function* roles(clients: FixtureClients): AsyncGenerator<TaggedResource> {
  const listing = pages('IAM roles', (Marker) => clients.iam.send(new ListRolesCommand({ Marker, MaxItems: 100 })), (page) => (page.IsTruncated === true ? page.Marker : undefined));
  for await (const page of listing) {
    for (const { RoleName: name = '' } of page.Roles ?? []) {
      yield* tagged('role', name, name, () => tagsOrGone(() => clients.iam.send(new ListRoleTagsCommand({ RoleName: name, MaxItems: 100 })), (answer) => fromList(answer.Tags)));
    }
  }
}

export interface SweepChoice {
  /** Only this run's resources; null: every run's. */
  readonly runId: string | null;
  /** Only resources created at least this long ago; null: whatever their age. */
  readonly olderThanMs: number | null;
  readonly now: Date;
}

export interface LeftAlone {
  readonly label: string;
  readonly reason: string;
}

export interface Sweep {
  /** What may be deleted, by the run that made it. */
  readonly byRun: ReadonlyMap<string, readonly CreatedResource[]>;
  readonly leftAlone: readonly LeftAlone[];
}

/** Which of the resources found are the tool's and chosen (by --run-id, --older-than), and why each other one is left alone. */
export function chooseLeftovers(found: readonly TaggedResource[], choice: SweepChoice): Sweep {
  const byRun = new Map<string, CreatedResource[]>();
  const leftAlone: LeftAlone[] = [];
  for (const { resource, tags } of found) {
    const reason = reasonToLeave(resource, tags, choice);
    if (reason !== null) {
      leftAlone.push({ label: describeResource(resource), reason });
      continue;
    }
    const runId = tags[RUN_ID_TAG] ?? '';
    byRun.set(runId, [...(byRun.get(runId) ?? []), resource]);
  }
  return { byRun, leftAlone };
}

function reasonToLeave(resource: CreatedResource, tags: Readonly<Record<string, string>>, choice: SweepChoice): string | null {
  const runId = tags[RUN_ID_TAG];
  if (runId === undefined) return `it has no ${RUN_ID_TAG} tag, so nothing says this tool made it`;
  if (!isOwnName(runId, resource.kind, resource.name)) return `its ${RUN_ID_TAG} tag says run ${JSON.stringify(runId)}, whose resources are not named so`;
  if (choice.runId !== null && runId !== choice.runId) return `it is of run ${runId}, not of run ${choice.runId} (--run-id)`;
  if (choice.olderThanMs === null) return null;
  const createdAt = parseCreatedAt(tags[CREATED_AT_TAG]);
  if (createdAt === undefined) return `it has no readable ${CREATED_AT_TAG} tag, so its age is unknown (--older-than)`;
  const age = choice.now.getTime() - createdAt.getTime();
  return age >= choice.olderThanMs ? null : `it was created at ${createdAt.toISOString()}, less than --older-than ago`;
}

export interface SweepOptions extends SweepChoice {
  /** The target's origin: Lambda's endpoint (on an emulator, every service's). */
  readonly endpoint: string;
  /** The rate limiter every listing and deletion goes through, as a run's requests do. */
  readonly pacer: RequestPacer;
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly secrets: () => readonly string[];
  /** Per HTTP attempt, the whole answer included. */
  readonly requestTimeoutMs: number;
  /** How long a busy resource (a mapping still Creating, a table still CREATING) keeps being retried, per run swept. */
  readonly waitTimeoutMs: number;
  readonly pollIntervalMs: number;
  /** List only: nothing is deleted. */
  readonly dryRun: boolean;
  log(line: string): void;
}

export interface SweepReport {
  /** Deleted (or, with dryRun, that would be): resources, then the mappings of their functions. */
  readonly deleted: readonly string[];
  readonly leftAlone: readonly LeftAlone[];
  /** What could not be deleted, and listings that failed. */
  readonly failed: readonly CleanupFailure[];
}

/**
 * Finds the leftovers of every run (or of `runId`) on the target and deletes them, each run's in
 * dependency order (the mappings of its functions, its functions and sources, its role), one run
 * after the other, with the retries and bounded waits a run's own cleanup has. Never throws for
 * what the target does.
 */
export async function sweepLeftovers(options: SweepOptions): Promise<SweepReport> {
  const clients = fixtureClients({ endpoint: options.endpoint, region: options.region, credentials: options.credentials, requestTimeoutMs: options.requestTimeoutMs, maxAttempts: 3, pacer: options.pacer });
  try {
    const { found, problems } = await findTaggedResources(clients, options.secrets);
    const { byRun, leftAlone } = chooseLeftovers(found, options);
    const deleted: string[] = [];
    const failed: CleanupFailure[] = [...problems];
    for (const [runId, resources] of byRun) {
      if (options.dryRun) {
        deleted.push(...resources.map(describeResource), ...resources.filter((resource) => resource.kind === 'function').map((fn) => `event source mappings of ${describeResource(fn)}`));
        continue;
      }
      // As after a stop: the run's cases named its functions by name, and some emulators (moto) list
      // a mapping only under that spelling, not under the ARN a listing of functions gives.
      const outcome = await deleteResources(
        { clients, runId, poll: { timeoutMs: options.waitTimeoutMs, intervalMs: options.pollIntervalMs }, secrets: options.secrets, log: options.log, afterStop: true },
        resources.map((resource) => ({ resource, confirmed: true })),
        resources.filter((resource) => resource.kind === 'function'),
      );
      deleted.push(...outcome.report.deleted);
      failed.push(...outcome.report.failed);
    }
    return { deleted, leftAlone, failed };
  } finally {
    clients.destroy();
  }
}
