import type { Fixture, JsonValue, SourceFixture } from './case.ts';

/**
 * Where provisioned values go in a request. Cases keep these in their bodies; the runner
 * substitutes them once fixtures exist on the target.
 */
export const placeholder = {
  functionName: '{{function.name}}',
  functionArn: '{{function.arn}}',
  account: '{{account}}',
  region: '{{region}}',
  sourceArn: (sourceType: SourceFixture) => `{{${sourceType}.arn}}`,
  /** Pads with "x" so that the whole string is `length` characters long once resolved. */
  fillTo: (length: number) => `{{fill:${length}}}`,
  /** Where a property case puts each value it draws: shown in its request, never resolved. */
  sample: '{{sample}}',
} as const;

/** One function a case can map: its name, its unqualified ARN, and a published version and an alias of it where made. */
export interface FixtureFunction {
  readonly name: string;
  readonly arn: string;
  readonly version?: string;
  readonly alias?: string;
}

/** The values of one function and the sources: what a case's placeholders resolve to. */
export interface FixtureValues {
  readonly functionName: string;
  readonly functionArn: string;
  /** A published version of the function (`1`), and an alias of it: for cases that name them. */
  readonly functionVersion?: string;
  readonly functionAlias?: string;
  readonly account: string;
  readonly region: string;
  readonly sourceArns: Readonly<Partial<Record<SourceFixture, string>>>;
  /**
   * Further functions of the same account and region, for cases on one source to map different
   * functions at once (auto fixtures make several; static fixtures name one). Absent: none.
   */
  readonly otherFunctions?: readonly FixtureFunction[];
}

/** The values as seen by each function in turn: the first is `values` itself (without the others). */
export function functionViews(values: FixtureValues): FixtureValues[] {
  const { otherFunctions = [], ...first } = values;
  return [
    first,
    ...otherFunctions.map(({ name, arn, version, alias }) => ({ ...first, functionName: name, functionArn: arn, functionVersion: version, functionAlias: alias })),
  ];
}

const token = /\{\{([a-z][a-zA-Z]*(?:\.[a-z]+)?)\}\}/g;
const fill = /\{\{fill:(\d+)\}\}/;

/** The fixtures a value refers to, in a stable order. */
export function fixturesIn(value: JsonValue | string): Fixture[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const found = new Set<Fixture>();
  for (const [, name] of text.matchAll(token)) {
    if (name === undefined) continue;
    const root = name.split('.')[0];
    if (name === 'function.version' || name === 'function.alias') found.add('function').add('versionAndAlias');
    else if (root === 'function' || root === 'account' || root === 'region') found.add('function');
    else if (root === 'kinesis' || root === 'dynamodb' || root === 'sqs' || root === 'sqsFifo' || root === 'sqsShortVisibility') found.add(root);
  }
  const order: readonly Fixture[] = ['function', 'versionAndAlias', 'kinesis', 'dynamodb', 'sqs', 'sqsFifo', 'sqsShortVisibility'];
  return order.filter((fixture) => found.has(fixture));
}

/** Substitutes every placeholder in a string; throws if one names a fixture that was not provisioned. */
export function resolveString(text: string, values: FixtureValues): string {
  const resolved = text.replace(token, (whole, name: string) => {
    const value = lookup(name, values);
    if (value === undefined) throw new Error(`No fixture provides ${whole}`);
    return value;
  });
  const match = fill.exec(resolved);
  if (match === null) return resolved;
  const padding = Number(match[1]) - (resolved.length - match[0].length);
  if (padding < 1) throw new Error(`Cannot pad "${resolved}" to ${match[1]} characters: it is already longer`);
  return resolved.replace(match[0], 'x'.repeat(padding));
}

/** Substitutes placeholders in every string of a JSON value. */
export function resolveValue<T extends JsonValue>(value: T, values: FixtureValues): T {
  if (typeof value === 'string') return resolveString(value, values) as T;
  if (Array.isArray(value)) return value.map((item: JsonValue) => resolveValue(item, values)) as unknown as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveValue(item, values)])) as T;
  }
  return value;
}

function lookup(name: string, values: FixtureValues): string | undefined {
  switch (name) {
    case 'function.name':
      return values.functionName;
    case 'function.arn':
      return values.functionArn;
    case 'function.version':
      return values.functionVersion;
    case 'function.alias':
      return values.functionAlias;
    case 'account':
      return values.account;
    case 'region':
      return values.region;
    case 'kinesis.arn':
    case 'dynamodb.arn':
    case 'sqs.arn':
    case 'sqsFifo.arn':
    case 'sqsShortVisibility.arn':
      return values.sourceArns[name.slice(0, -'.arn'.length) as SourceFixture];
    default:
      return undefined;
  }
}
