import { randomUUID } from 'node:crypto';
import { validationError } from '../protocols/aws-json.ts';
import { stringField, type AwsJsonService } from '../protocols/aws-json-service.ts';
import type { JsonObject } from '../protocols/json-body.ts';
import { ServiceError } from '../service-error.ts';
import { addTags, tagsAsList, tagsFromList } from '../tags.ts';
import type { Table, World } from '../world.ts';

// Amazon DynamoDB, as far as fixtures need it (a table whose stream a mapping can read), in AWS JSON 1.0
// (X-Amz-Target: DynamoDB_20120810.<Operation>). Tables are ACTIVE as soon as they exist.
export const DYNAMODB_TARGET_PREFIX = 'DynamoDB_20120810.';

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
const STREAM_VIEW_TYPES: readonly unknown[] = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];

export function dynamodbService(world: World): AwsJsonService {
  return {
    service: 'dynamodb',
    dialect: { version: '1.0', errorTypePrefix: 'com.amazonaws.dynamodb.v20120810#' },
    operations: {
      CreateTable: (input, call) => {
        const name = stringField(input, 'TableName', true, validationError);
        if (!TABLE_NAME.test(name)) throw validationError(`TableName "${name}" must be 3 to 255 letters, digits, underscores, periods or hyphens.`);
        if (!Array.isArray(input['KeySchema']) || !Array.isArray(input['AttributeDefinitions'])) {
          throw validationError('KeySchema and AttributeDefinitions are required lists.');
        }
        const arn = tableArn(world, call.region, name);
        if (world.tables.has(arn)) throw new ServiceError(400, 'ResourceInUseException', `Table already exists: ${name}`);
        const table: Table = {
          name,
          arn,
          id: randomUUID(),
          createdEpochSeconds: Date.now() / 1000,
          keySchema: input['KeySchema'],
          attributeDefinitions: input['AttributeDefinitions'],
          billingMode: typeof input['BillingMode'] === 'string' ? input['BillingMode'] : 'PROVISIONED',
          provisionedThroughput: throughput(input['ProvisionedThroughput']),
          stream: streamFor(arn, input['StreamSpecification']),
          tags: tagsFromList(input['Tags'], 'Tags', validationError),
        };
        world.tables.set(arn, table);
        return { TableDescription: describeTable(table) };
      },
      DescribeTable: (input, call) => ({ Table: describeTable(findTable(world, input, call.region)) }),
      // One page: every table of the request's region, in creation order.
      ListTables: (_input, call) => ({
        TableNames: [...world.tables.values()].filter((table) => table.arn === tableArn(world, call.region, table.name)).map((table) => table.name),
      }),
      ListTagsOfResource: (input) => ({ Tags: tagsAsList(tableByArn(world, input).tags) }),
      TagResource: (input) => {
        addTags(tableByArn(world, input).tags, tagsFromList(input['Tags'], 'Tags', validationError), 'Tags', validationError);
        return {};
      },
      DeleteTable: (input, call) => {
        const table = findTable(world, input, call.region);
        // The table's stream goes with it: a mapping can no longer be created on that stream ARN.
        world.tables.delete(table.arn);
        return { TableDescription: { ...describeTable(table), TableStatus: 'DELETING' } };
      },
    },
  };
}

// A stream ARN ends in the stream's label, an ISO 8601 time with milliseconds and no zone:
// arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/2019-11-26T11:36:00.123
function streamFor(tableArn: string, specification: unknown): Table['stream'] {
  if (specification === undefined || specification === null) return undefined;
  if (typeof specification !== 'object' || Array.isArray(specification)) throw validationError('StreamSpecification must be an object.');
  const { StreamEnabled: enabled, StreamViewType: viewType } = specification as JsonObject;
  if (typeof enabled !== 'boolean') throw validationError('StreamSpecification.StreamEnabled is required and must be a boolean.');
  if (!enabled) return undefined;
  if (!STREAM_VIEW_TYPES.includes(viewType)) {
    throw validationError(`StreamSpecification.StreamViewType must be one of ${STREAM_VIEW_TYPES.join(', ')} when the stream is enabled.`);
  }
  const label = new Date().toISOString().slice(0, 23);
  return { arn: `${tableArn}/stream/${label}`, label, viewType: String(viewType) };
}

function tableArn(world: World, region: string, name: string): string {
  return `arn:aws:dynamodb:${region}:${world.account}:table/${name}`;
}

// Tags are read and written by the table's ARN (ResourceArn), never its name.
function tableByArn(world: World, input: JsonObject): Table {
  const arn = stringField(input, 'ResourceArn', true, validationError);
  const table = world.tables.get(arn);
  if (table === undefined) throw new ServiceError(400, 'ResourceNotFoundException', `Requested resource not found: ResourceArn: ${arn} not found`);
  return table;
}

function findTable(world: World, input: JsonObject, region: string): Table {
  const nameOrArn = stringField(input, 'TableName', true, validationError);
  const arn = nameOrArn.startsWith('arn:') ? nameOrArn : tableArn(world, region, nameOrArn);
  const table = world.tables.get(arn);
  if (table === undefined) {
    throw new ServiceError(400, 'ResourceNotFoundException', `Requested resource not found: Table: ${nameOrArn} not found`);
  }
  return table;
}

function describeTable(table: Table): JsonObject {
  return {
    TableName: table.name,
    TableArn: table.arn,
    TableId: table.id,
    TableStatus: 'ACTIVE',
    CreationDateTime: table.createdEpochSeconds,
    KeySchema: table.keySchema,
    AttributeDefinitions: table.attributeDefinitions,
    ItemCount: 0,
    TableSizeBytes: 0,
    BillingModeSummary: { BillingMode: table.billingMode },
    ProvisionedThroughput: { ...table.provisionedThroughput, NumberOfDecreasesToday: 0 },
    ...(table.stream === undefined
      ? {}
      : {
          StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream.viewType },
          LatestStreamArn: table.stream.arn,
          LatestStreamLabel: table.stream.label,
        }),
  };
}

function throughput(value: unknown): Table['provisionedThroughput'] {
  const given = typeof value === 'object' && value !== null ? (value as JsonObject) : {};
  const read = given['ReadCapacityUnits'];
  const write = given['WriteCapacityUnits'];
  return {
    ReadCapacityUnits: typeof read === 'number' ? read : 0,
    WriteCapacityUnits: typeof write === 'number' ? write : 0,
  };
}
