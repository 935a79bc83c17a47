import { ACCOUNT_ID } from './account.ts';
import type { AwsTiming } from './aws-timing.ts';
import type { Tags } from './tags.ts';

// Everything the server knows, in memory, for the life of one process. Each service module owns its
// own map; they share one World so that Lambda can ask whether an event source or a function exists.

export interface LambdaFunction {
  readonly name: string;
  // Unqualified: arn:aws:lambda:REGION:ACCOUNT:function:NAME.
  readonly arn: string;
  readonly runtime: string | undefined;
  readonly role: string | undefined;
  readonly handler: string | undefined;
  readonly description: string;
  readonly timeout: number;
  readonly memorySize: number;
  readonly codeSize: number;
  readonly codeSha256: string;
  // Lambda reports function timestamps as ISO 8601 strings (unlike mappings, which use epoch seconds).
  readonly lastModified: string;
  // With AWS timing, the function is Pending until then (World.now's scale).
  readonly activeFromMs?: number;
  readonly tags: Tags;
  // Published versions, "1", "2", … in order; aliases by name, each naming a version (or $LATEST).
  readonly versions: string[];
  readonly aliases: Map<string, string>;
}

export interface Queue {
  readonly name: string;
  readonly arn: string;
  readonly createdEpochSeconds: number;
  readonly attributes: Readonly<Record<string, string>>;
  readonly tags: Tags;
}

export interface Stream {
  readonly name: string;
  readonly arn: string;
  readonly shardCount: number;
  readonly mode: 'PROVISIONED' | 'ON_DEMAND';
  readonly createdEpochSeconds: number;
  readonly tags: Tags;
}

export interface Table {
  readonly name: string;
  readonly arn: string;
  readonly id: string;
  readonly createdEpochSeconds: number;
  readonly keySchema: unknown;
  readonly attributeDefinitions: unknown;
  readonly billingMode: string;
  readonly provisionedThroughput: { readonly ReadCapacityUnits: number; readonly WriteCapacityUnits: number };
  readonly stream: { readonly arn: string; readonly label: string; readonly viewType: string } | undefined;
  readonly tags: Tags;
}

export interface EventSourceMapping {
  readonly uuid: string;
  readonly functionArn: string;
  readonly eventSourceArn: string;
  readonly batchSize: number;
  readonly maximumBatchingWindowInSeconds: number;
  readonly enabled: boolean;
  readonly startingPosition: string | undefined;
  readonly startingPositionTimestamp: number | undefined;
  readonly lastModifiedEpochSeconds: number;
  // With AWS timing (World.now's scale): Creating until the first, Deleting until the second.
  readonly creatingUntilMs?: number;
  readonly deletingUntilMs?: number;
  // What only today's AWS answers with, for a mapping the current edition made; absent in the seed.
  readonly current?: CurrentMappingDetails;
}

export interface CurrentMappingDetails {
  readonly eventSourceMappingArn: string;
  readonly isStream: boolean;
  // The answer's members that depend on the source and the request (StartingPosition, DestinationConfig, …).
  readonly members: Readonly<Record<string, unknown>>;
}

export interface Role {
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly id: string;
  readonly createDate: string;
  /** The trust policy as sent (JSON text). */
  readonly trustPolicy: string;
  readonly description: string | undefined;
  readonly tags: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  /** Inline policies by name, each a JSON document. */
  readonly inlinePolicies: Map<string, string>;
  /** ARNs of the managed policies attached. */
  readonly attachedPolicies: Set<string>;
  /** When each inline (`inline:NAME`) or attached (`managed:ARN`) policy was last put (World.now's scale), for AWS timing. */
  readonly policyChangedAtMs: Map<string, number>;
  /** With AWS timing, Lambda cannot assume the role before then (World.now's scale). */
  readonly assumableFromMs: number;
}

export interface OwnNames {
  readonly account: string;
  readonly functionNames: readonly string[];
  readonly sourceArns: readonly string[];
}

export class World {
  constructor(
    // undefined: everything happens at once, as the server always did.
    readonly timing: AwsTiming | undefined = undefined,
    // The account every ARN names and STS GetCallerIdentity answers.
    readonly account: string = ACCOUNT_ID,
  ) {}

  // All maps are keyed by ARN: an ARN already carries region and account, so one key says it all.
  readonly functions = new Map<string, LambdaFunction>();
  readonly queues = new Map<string, Queue>();
  readonly streams = new Map<string, Stream>();
  readonly tables = new Map<string, Table>();
  // Insertion order is creation order, which is the order ListEventSourceMappings pages through.
  readonly mappings = new Map<string, EventSourceMapping>();
  // IAM is global: roles are keyed by name alone.
  readonly roles = new Map<string, Role>();

  // A qualifier names $LATEST, a published version or an alias of the function.
  qualifierExists(fn: LambdaFunction, qualifier: string): boolean {
    return qualifier === '$LATEST' || fn.versions.includes(qualifier) || fn.aliases.has(qualifier);
  }

  now(): number {
    return this.timing === undefined ? Date.now() : this.timing.now();
  }

  // What a layer in front of the server (a replay) needs to recognise this world's own values in a request.
  ownNames(): OwnNames {
    const sourceArns = [...this.queues.keys(), ...this.streams.keys(), ...[...this.tables.values()].flatMap((table) => (table.stream === undefined ? [] : [table.stream.arn]))];
    return { account: this.account, functionNames: [...this.functions.values()].map((fn) => fn.name), sourceArns };
  }

  // A mapping whose deletion has run its course is gone; until then it is still listed as Deleting.
  forgetDeletedMappings(): void {
    const now = this.now();
    for (const [uuid, mapping] of this.mappings) {
      if (mapping.deletingUntilMs !== undefined && mapping.deletingUntilMs <= now) this.mappings.delete(uuid);
    }
  }

  // An event source exists only once it was created through the source service's own API.
  eventSourceExists(arn: string): boolean {
    if (this.queues.has(arn) || this.streams.has(arn)) return true;
    for (const table of this.tables.values()) {
      if (table.stream?.arn === arn) return true;
    }
    return false;
  }
}
