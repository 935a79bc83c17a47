// The provider states of the exported contract: what each one names, the values its setup returns,
// and how a request template's {{placeholders}} become Pact provider-state expressions. Pure.
//
// Every state's setup answers with the values of the fixtures provisioned so far, under the names
// of STATE_VALUE_NAMES; the verifier puts them into the request through ProviderState generators
// (`${functionName}`). A value whose length is part of the case ({{fill:N}}) cannot be written as
// an expression, so the interaction's last state carries it as a param, `padded`, for its setup
// to compute: { "padded": { "<name>": { "template": "arn:…:${functionName}:${fill}", "length": 140 } } },
// where `${fill}` stands for as many "x" as make the whole value `length` characters long.
import type { Fixture, SourceFixture } from '../cases/case.ts';
import type { FixtureValues } from '../cases/placeholders.ts';
import type { SourceType } from '../spec/types.ts';
import { isJsonObject } from '../json-object.ts';

export const FUNCTION_STATE = 'function F exists';
export const VERSION_AND_ALIAS_STATE = 'function F has a published version V and an alias A of it';
export const SOURCE_STATES: Readonly<Record<SourceFixture, string>> = {
  kinesis: 'Kinesis stream K exists',
  dynamodb: 'DynamoDB table T with a stream exists',
  sqs: 'SQS queue Q exists',
  sqsFifo: 'SQS FIFO queue QF exists',
  sqsShortVisibility: "SQS queue QS with a visibility timeout below F's timeout exists",
};
export const MAPPING_STATES: Readonly<Record<SourceType, string>> = {
  kinesis: 'a mapping of F to K exists',
  dynamodb: 'a mapping of F to T exists',
  sqs: 'a mapping of F to Q exists',
  sqsFifo: 'a mapping of F to QF exists',
};

/** What a provider state asks to exist. */
export type NamedState = { readonly kind: 'fixture'; readonly fixture: Fixture } | { readonly kind: 'mapping'; readonly source: SourceType };

/** Every source a state can name, as a fixture. */
export const SOURCE_FIXTURES: readonly SourceFixture[] = ['kinesis', 'dynamodb', 'sqs', 'sqsFifo', 'sqsShortVisibility'];
const MAPPED_SOURCES: readonly SourceType[] = ['kinesis', 'dynamodb', 'sqs', 'sqsFifo'];

/** The state naming a fixture. */
export function stateOfFixture(fixture: Fixture): string {
  if (fixture === 'function') return FUNCTION_STATE;
  if (fixture === 'versionAndAlias') return VERSION_AND_ALIAS_STATE;
  return SOURCE_STATES[fixture];
}

/** The state of a name this contract uses, or null for any other (an interaction with no state is verified with the name ""). */
export function stateNamed(name: string): NamedState | null {
  if (name === FUNCTION_STATE) return { kind: 'fixture', fixture: 'function' };
  if (name === VERSION_AND_ALIAS_STATE) return { kind: 'fixture', fixture: 'versionAndAlias' };
  for (const source of SOURCE_FIXTURES) if (name === SOURCE_STATES[source]) return { kind: 'fixture', fixture: source };
  for (const source of MAPPED_SOURCES) if (name === MAPPING_STATES[source]) return { kind: 'mapping', source };
  return null;
}

/** The names under which a state setup returns each provisioned value. */
export const STATE_VALUE_NAMES = {
  functionName: 'functionName',
  functionArn: 'functionArn',
  functionVersion: 'functionVersion',
  functionAlias: 'functionAlias',
  account: 'account',
  region: 'region',
  kinesis: 'kinesisArn',
  dynamodb: 'dynamodbArn',
  sqs: 'sqsArn',
  sqsFifo: 'sqsFifoArn',
  sqsShortVisibility: 'sqsShortVisibilityArn',
} as const;

/** The names of the values a state setup returns for a fixture: the state holds when each is there. */
export function valueNamesOf(fixture: Fixture): readonly string[] {
  if (fixture === 'function') return [STATE_VALUE_NAMES.functionName];
  if (fixture === 'versionAndAlias') return [STATE_VALUE_NAMES.functionVersion, STATE_VALUE_NAMES.functionAlias];
  return [STATE_VALUE_NAMES[fixture]];
}

/** The values a state setup returns: those of the fixtures provisioned so far. */
export function stateValues(values: FixtureValues): Record<string, string> {
  const found: Record<string, string> = {
    [STATE_VALUE_NAMES.functionName]: values.functionName,
    [STATE_VALUE_NAMES.functionArn]: values.functionArn,
    [STATE_VALUE_NAMES.functionVersion]: values.functionVersion ?? '',
    [STATE_VALUE_NAMES.functionAlias]: values.functionAlias ?? '',
    [STATE_VALUE_NAMES.account]: values.account,
    [STATE_VALUE_NAMES.region]: values.region,
  };
  for (const source of SOURCE_FIXTURES) found[STATE_VALUE_NAMES[source]] = values.sourceArns[source] ?? '';
  return Object.fromEntries(Object.entries(found).filter(([, value]) => value !== ''));
}

/** Values of the same shape as a target's, written where a Pact file needs an example. */
export const EXAMPLE_FIXTURES: FixtureValues = {
  functionName: 'lesm-example-fn',
  functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:lesm-example-fn',
  functionVersion: '1',
  functionAlias: 'lesm-alias',
  account: '123456789012',
  region: 'us-east-1',
  sourceArns: {
    kinesis: 'arn:aws:kinesis:us-east-1:123456789012:stream/lesm-example-stream',
    dynamodb: 'arn:aws:dynamodb:us-east-1:123456789012:table/lesm-example-table/stream/2019-01-01T00:00:00.000',
    sqs: 'arn:aws:sqs:us-east-1:123456789012:lesm-example-queue',
    sqsFifo: 'arn:aws:sqs:us-east-1:123456789012:lesm-example-queue.fifo',
    sqsShortVisibility: 'arn:aws:sqs:us-east-1:123456789012:lesm-example-short-queue',
  },
};

const PLACEHOLDER_NAMES: Readonly<Record<string, string>> = {
  'function.name': STATE_VALUE_NAMES.functionName,
  'function.arn': STATE_VALUE_NAMES.functionArn,
  'function.version': STATE_VALUE_NAMES.functionVersion,
  'function.alias': STATE_VALUE_NAMES.functionAlias,
  account: STATE_VALUE_NAMES.account,
  region: STATE_VALUE_NAMES.region,
  'kinesis.arn': STATE_VALUE_NAMES.kinesis,
  'dynamodb.arn': STATE_VALUE_NAMES.dynamodb,
  'sqs.arn': STATE_VALUE_NAMES.sqs,
  'sqsFifo.arn': STATE_VALUE_NAMES.sqsFifo,
  'sqsShortVisibility.arn': STATE_VALUE_NAMES.sqsShortVisibility,
};

/** The Pact expression of a placeholder template: `{{function.name}}` → `${functionName}`, `{{fill:N}}` → `${fill}`. */
export function expressionOf(template: string): string {
  return template.replace(/\{\{([a-z][a-zA-Z]*(?:\.[a-z]+)?|fill:\d+)\}\}/g, (whole, name: string) => {
    if (name.startsWith('fill:')) return '${fill}';
    const value = PLACEHOLDER_NAMES[name];
    if (value === undefined) throw new Error(`No provider state provides ${whole}`);
    return `\${${value}}`;
  });
}

/** The length a `{{fill:N}}` template pads to, or null when it has none. */
export function fillLength(template: string): number | null {
  const match = /\{\{fill:(\d+)\}\}/.exec(template);
  return match === null ? null : Number(match[1]);
}

/** Longest value a `padded` param may ask for: the longest case pads to a few thousand characters. */
export const MAX_PADDED_LENGTH = 65_536;

/**
 * The values a state's `padded` param asks for, computed from the values known so far. Returns
 * problems as sentences instead of throwing: the params come from a Pact file, over HTTP.
 */
export function paddedValues(params: unknown, values: Readonly<Record<string, string>>): { values: Record<string, string>; problems: string[] } {
  const padded = isJsonObject(params) ? params['padded'] : undefined;
  if (padded === undefined) return { values: {}, problems: [] };
  if (!isJsonObject(padded)) return { values: {}, problems: ['the param "padded" is not an object'] };
  const found: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, request] of Object.entries(padded)) {
    const template = isJsonObject(request) ? request['template'] : undefined;
    const length = isJsonObject(request) ? request['length'] : undefined;
    if (typeof template !== 'string' || typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > MAX_PADDED_LENGTH) {
      problems.push(`padded value "${name}" needs a string "template" and a whole "length" up to ${MAX_PADDED_LENGTH}`);
      continue;
    }
    let unknown: string | null = null;
    const resolved = template.replace(/\$\{([^}]*)\}/g, (whole, key: string) => {
      if (key === 'fill') return whole;
      const value = values[key];
      if (value === undefined) unknown ??= key;
      return value ?? '';
    });
    const fill = resolved.indexOf('${fill}');
    const padding = length - (resolved.length - (fill < 0 ? 0 : '${fill}'.length));
    if (unknown !== null) problems.push(`padded value "${name}" refers to \${${unknown}}, which no state provided`);
    else if (fill < 0 || padding < 1) problems.push(`padded value "${name}" cannot be padded to ${length} characters`);
    else found[name] = `${resolved.slice(0, fill)}${'x'.repeat(padding)}${resolved.slice(fill + '${fill}'.length)}`;
  }
  return { values: found, problems };
}
