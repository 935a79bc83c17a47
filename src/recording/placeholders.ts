// Pure: what a target answered, with every value that belongs to one run replaced by a named,
// numbered placeholder (`<uuid:1>`, `<function-name:1>`, `<date:1>`), as AWS-validated snapshot
// tests do, so that two runs answered the same way read the same.
import type { SourceFixture } from '../cases/case.ts';
import type { FixtureValues } from '../cases/placeholders.ts';
import { functionViews } from '../cases/placeholders.ts';
import { isJsonObject } from '../json-object.ts';

/**
 * The values a run names its own resources by. Every function of the run is one placeholder: which
 * of them a case maps depends on which was free when it started, not on the case.
 */
export interface RunValues {
  readonly account: string;
  readonly region: string;
  readonly functionNames: readonly string[];
  /** Each source's own name (a stream, a table, a queue), as its ARN ends. */
  readonly sourceNames: Readonly<Partial<Record<SourceFixture, string>>>;
}

/** Identities keep their number across a whole recording; moments are numbered afresh in each exchange. */
export const PLACEHOLDER_KINDS = ['account', 'function-name', 'uuid', 'request-id', 'date', 'epoch-seconds'] as const;
export type PlaceholderKind = (typeof PLACEHOLDER_KINDS)[number];
const MOMENTS: readonly PlaceholderKind[] = ['date', 'epoch-seconds'];

/**
 * `<kind:n>`; and, unnumbered, what a run has one of: `<region>` and each source's name
 * (`<sqsFifo-name>`), named by its kind so that a request on one source never reads as one on another.
 */
export const PLACEHOLDER = /<(account|function-name|uuid|request-id|date|epoch-seconds):(\d+)>|<region>|<(?:sqs|sqsFifo|sqsShortVisibility|kinesis|dynamodb)-name>/g;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DATE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/;
/** A number member that is a moment: Lambda's LastModified is seconds since the epoch, with a fraction. */
const MOMENT_MEMBER = /(?:Modified|Date|Time|Timestamp)$/;

/** The run's values as its fixtures name them. */
export function runValuesOf(fixtures: FixtureValues): RunValues {
  return {
    account: fixtures.account,
    region: fixtures.region,
    functionNames: functionViews(fixtures).map((view) => view.functionName),
    sourceNames: Object.fromEntries(Object.entries(fixtures.sourceArns).map(([source, arn]) => [source, resourceNameOf(arn)])),
  };
}

/** `arn:aws:kinesis:R:A:stream/NAME`, `…:table/NAME/stream/LABEL`, `…:sqs:R:A:NAME` → NAME. */
export function resourceNameOf(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  const parts = resource.split('/');
  return (parts.length > 1 ? parts[1] : parts[0]) ?? resource;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Names values in the order it meets them: one Normaliser for a whole recording (in case order,
 * each exchange's request before its answer, members in key order) makes it deterministic.
 */
export class Normaliser {
  private readonly numbers = new Map<string, number>();
  private readonly counts = new Map<PlaceholderKind, number>();
  private readonly pattern: RegExp;
  /** The run's values and their placeholders: numbered by kind, or fixed (the region, each source's name). */
  private readonly known = new Map<string, { kind: PlaceholderKind; identity: string } | { fixed: string }>();
  /** What each placeholder given last stood for: a replay puts it back. */
  private readonly originals = new Map<string, string | number>();
  /**
   * The moments the exchange's request sent, kept as they are: a case sends a fixed time (a
   * StartingPositionTimestamp in the past, another in 2100), and two requests that differ only by it
   * are two cases; the answer's echo of one is kept too, the answer's own times are placeholders.
   */
  private readonly sentMoments = new Set<number>();

  constructor(values: RunValues) {
    for (const [source, name] of Object.entries(values.sourceNames)) if (name !== '') this.known.set(name, { fixed: `<${source}-name>` });
    if (values.account !== '') this.known.set(values.account, { kind: 'account', identity: values.account });
    if (values.region !== '') this.known.set(values.region, { fixed: '<region>' });
    const longestFirst = (texts: Iterable<string>): string[] => [...texts].filter((value) => value !== '').sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegex);
    const functions = longestFirst(values.functionNames);
    const functionPattern = functions.length === 0 ? [] : [`(?<fn>${functions.join('|')})`];
    this.pattern = new RegExp([...functionPattern, ...longestFirst(this.known.keys()), `(?<uuid>${UUID.source})`, `(?<date>${ISO_DATE.source})`].join('|'), 'gi');
  }

  /** Moments (times, dates) are numbered within one exchange: two answers sharing a moment by chance must not renumber the rest. */
  startExchange(): void {
    this.sentMoments.clear();
    for (const kind of MOMENTS) this.counts.delete(kind);
    for (const key of [...this.numbers.keys()]) if (MOMENTS.some((kind) => key.startsWith(`${kind}\0`))) this.numbers.delete(key);
  }

  placeholder(kind: PlaceholderKind, identity: string, original: string | number = identity): string {
    const key = `${kind}\0${identity}`;
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, number);
      this.numbers.set(key, number);
    }
    const name = `<${kind}:${number}>`;
    this.originals.set(name, original);
    return name;
  }

  /** The value a placeholder stood for when it was last given; undefined for one never given. */
  originalOf(placeholder: string): string | number | undefined {
    return this.originals.get(placeholder);
  }

  text(text: string): string {
    let functionLength: number | null = null;
    const named = text.replace(this.pattern, (whole: string, ...rest: unknown[]) => {
      const { fn, uuid, date } = rest.at(-1) as Partial<Record<'fn' | 'uuid' | 'date', string>>;
      if (fn !== undefined) {
        functionLength = fn.length;
        return this.placeholder('function-name', 'the run', fn);
      }
      if (uuid !== undefined) return this.placeholder('uuid', uuid.toLowerCase(), uuid);
      if (date !== undefined) return this.placeholder('date', date);
      const known = this.known.get(whole);
      if (known === undefined) return whole;
      if ('kind' in known) return this.placeholder(known.kind, known.identity, whole);
      this.originals.set(known.fixed, whole);
      return known.fixed;
    });
    // A case pads a value to a length with "x" ({{fill:N}}), and the run's functions differ in
    // length (fn, fn2): the padding is kept as the length it makes with the function's name.
    const nameLength: number | null = functionLength;
    return nameLength === null ? named : named.replace(/x{2,}/g, (run) => `<pad:${run.length + nameLength}>`);
  }

  /**
   * A JSON value with its members in key order, every string normalised, and a number that is a
   * moment named: in an answer, unless it is one the request sent (`side`).
   */
  json(value: unknown, side: 'request' | 'answer', member = ''): unknown {
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'number' && MOMENT_MEMBER.test(member) && value > 1e9) {
      if (side === 'request') this.sentMoments.add(value);
      return this.sentMoments.has(value) ? value : this.placeholder('epoch-seconds', String(value), value);
    }
    if (Array.isArray(value)) return value.map((item) => this.json(item, side, member));
    if (isJsonObject(value)) {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [this.text(key), this.json(value[key], side, key)]),
      );
    }
    return value;
  }
}

/** The same value with its members in key order, at every depth: what makes a file byte-identical. */
export function sortedJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedJson);
  if (isJsonObject(value)) return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedJson(value[key])]));
  return value;
}

/**
 * The placeholders of a value renumbered by their first appearance in it, and each original's new
 * name: two exchanges with the same shape read the same whatever their numbers in the recording.
 */
export function canonical(value: unknown): { readonly value: unknown; readonly renamed: ReadonlyMap<string, string> } {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  // In key order: a value read back from a file and one just made must renumber alike.
  const text = JSON.stringify(sortedJson(value)) ?? 'null';
  const renumbered = text.replace(PLACEHOLDER, (whole: string, kind: string | undefined) => {
    if (kind === undefined) return whole;
    let name = renamed.get(whole);
    if (name === undefined) {
      const number = (counts.get(kind) ?? 0) + 1;
      counts.set(kind, number);
      name = `<${kind}:${number}>`;
      renamed.set(whole, name);
    }
    return name;
  });
  return { value: JSON.parse(renumbered) as unknown, renamed };
}

/** The placeholders a value names, each once, in order. */
export function placeholdersIn(value: unknown): string[] {
  const text = JSON.stringify(value) ?? '';
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[0]))];
}
