// `serve --replay DIR`: a layer in front of the reference server (its `answerFirst`) that answers
// each request a recording holds with the recorded answer, its placeholders re-hydrated with this
// run's values. It lives in cli/, not reference/, because it reads the recording through
// src/recording (the one normalisation, shared with --record and --compare-recording), and
// reference/ imports nothing outside itself; the server knows only that a layer may answer first.
import { randomUUID } from 'node:crypto';
import type { Answer, AnswerFirst, IncomingCall, OwnNames } from '../../reference/server.ts';
import { requestKey } from '../../src/recording/compare.ts';
import { canonical, Normaliser, PLACEHOLDER, placeholdersIn, resourceNameOf } from '../../src/recording/placeholders.ts';
import { normalisedExchanges, type RecordedBody, type RecordedExchange } from '../../src/recording/recording.ts';
import type { Observation } from '../../src/transport/types.ts';
import type { SourceFixture } from '../../src/cases/case.ts';
import { kindOfOwnName } from '../../src/provisioning/resource-names.ts';
import { UserFileError, type FileProblem } from '../../src/user-file/file-problem.ts';
import type { LoadedRecording } from './load-recording.ts';

/** Made up afresh by a replay when its request does not carry it: no run can be expected to send these. */
const MADE_UP = new Set(['uuid', 'request-id', 'date', 'epoch-seconds', 'account', 'region']);

interface ReplayEntry {
  readonly exchange: RecordedExchange;
  /** How many exchanges before it in its case sent the same request (a duplicate's second is 1). */
  readonly repeat: number;
}

/**
 * The layer answering a recording's requests; a UserFileError, before the server listens, for a
 * recording whose answer needs a value its request does not carry and a replay cannot make up.
 */
export function replayLayer(recording: LoadedRecording): { answerFirst: AnswerFirst; description: string } {
  const entries = new Map<string, ReplayEntry[]>();
  const routes = new Set<string>();
  const problems: FileProblem[] = [];
  for (const recorded of recording.cases.values()) {
    const seen: string[] = [];
    recorded.exchanges.forEach((exchange, index) => {
      const key = requestKey(exchange);
      entries.set(key, [...(entries.get(key) ?? []), { exchange, repeat: seen.filter((earlier) => earlier === key).length }]);
      seen.push(key);
      routes.add(`${exchange.request.method} ${exchange.request.path}`);
      const carried = new Set(placeholdersIn(exchange.request));
      for (const needed of placeholdersIn(exchange.response)) {
        if (carried.has(needed) || MADE_UP.has(kindOf(needed))) continue;
        problems.push({
          file: recorded.path,
          line: 0,
          column: 0,
          message: `the answer of exchange ${index + 1} (case ${recorded.case}) needs ${needed}, which its request does not carry and a replay cannot make up`,
          fix: `record the case again, or name in the answer only what its request carries (or a ${[...MADE_UP].join(', ')})`,
        });
      }
    });
  }
  if (problems.length > 0) throw new UserFileError('The recording', problems.slice(0, 20));
  const replay = new Replay(recording.label, entries, routes);
  const { edition, seed } = recording.index;
  const runWith = `run against it with --edition ${edition}${seed === null ? '' : ` --seed ${seed}`} to send what it recorded`;
  return { answerFirst: (call, names) => replay.answer(call, names), description: `replaying ${recording.label} from ${recording.directory} (${runWith})` };
}

/**
 * Each source the server has made, by the fixture it is: a FIFO queue's name ends in .fifo (an SQS
 * rule); of two standard queues, the run's own names tell the short-visibility one
 * (`lesm-<run id>-short-queue`), as a replay's fixtures are always the run's own.
 */
function sourceNamesOf(arns: readonly string[]): Partial<Record<SourceFixture, string>> {
  const kindOf = (arn: string): SourceFixture | null => {
    const service = arn.split(':')[2];
    if (service === 'sqs') return arn.endsWith('.fifo') ? 'sqsFifo' : kindOfOwnName(resourceNameOf(arn)) === 'sqsShortVisibility' ? 'sqsShortVisibility' : 'sqs';
    return service === 'kinesis' || service === 'dynamodb' ? service : null;
  };
  return Object.fromEntries(arns.flatMap((arn) => {
    const kind = kindOf(arn);
    return kind === null ? [] : [[kind, resourceNameOf(arn)]];
  }));
}

function kindOf(placeholder: string): string {
  return /^<([a-z-]+)/.exec(placeholder)?.[1] ?? '';
}

class Replay {
  /**
   * What each made-up placeholder became, for the request (as sent) it was made for: a duplicate's
   * second answer names the mapping its first made, while the same recorded answer given to cases
   * on other functions names mappings of their own.
   */
  private readonly madeUp = new Map<string, string | number>();
  /** The mappings a replayed answer said it created, by the request (as sent) that created them: its repeat answers as the recording's duplicate did. */
  private readonly live = new Map<string, Set<string>>();

  constructor(
    private readonly label: string,
    private readonly entries: ReadonlyMap<string, readonly ReplayEntry[]>,
    private readonly routes: ReadonlySet<string>,
  ) {}

  answer(call: IncomingCall, names: OwnNames): Answer | undefined {
    const sent = call.body.toString('utf8');
    if (call.method === 'DELETE') this.forget(call.path.split('/').at(-1) ?? '');
    const normaliser = new Normaliser({ account: names.account, region: call.region, functionNames: names.functionNames, sourceNames: sourceNamesOf(names.sourceArns) });
    const [exchange] = normalisedExchanges([observationOf(call, sent)], normaliser);
    if (exchange === undefined || !this.routes.has(`${exchange.request.method} ${exchange.request.path}`)) return undefined;
    const key = requestKey(exchange);
    const candidates = this.entries.get(key) ?? [];
    const rawKey = `${call.method} ${call.path} ${sent}`;
    const depth = this.live.get(rawKey)?.size ?? 0;
    const chosen = candidates.find((entry) => entry.repeat === depth) ?? candidates[0];
    if (chosen === undefined) return notRecorded(this.label, exchange);
    if (chosen.exchange.response === null) return { status: 504, headers: {}, body: '' };
    // The recorded request's names, renumbered as the key was, lead to this request's own values.
    const recordedNames = canonical(chosen.exchange.request).renamed;
    const localOf = new Map([...canonical(exchange.request).renamed].map(([local, shared]) => [shared, local]));
    const valueOf = (placeholder: string): string | number => {
      const shared = recordedNames.get(placeholder);
      // An unnumbered placeholder (the region, a source's name) is the same in both.
      const local = shared === undefined ? placeholder : localOf.get(shared);
      const carried = local === undefined ? undefined : normaliser.originalOf(local);
      return carried ?? this.madeUpValue(`${rawKey}\0${placeholder}`, names.account, call.region);
    };
    const answer = rehydrated(chosen.exchange.response, valueOf);
    const uuid = answer.status < 300 ? createdUuid(answer.body) : null;
    if (uuid !== null) this.live.set(rawKey, (this.live.get(rawKey) ?? new Set()).add(uuid));
    return answer;
  }

  private forget(uuid: string): void {
    for (const uuids of this.live.values()) uuids.delete(uuid);
  }

  private madeUpValue(key: string, account: string, region: string): string | number {
    const kind = kindOf(key.slice(key.lastIndexOf('\0') + 1));
    if (kind === 'account') return account;
    if (kind === 'region') return region;
    if (kind === 'request-id') return randomUUID();
    let value = this.madeUp.get(key);
    if (value === undefined) {
      value = kind === 'uuid' ? randomUUID() : kind === 'epoch-seconds' ? Date.now() / 1000 : new Date().toISOString();
      this.madeUp.set(key, value);
    }
    return value;
  }
}

/** The call as the transport would have recorded sending it: what the normalisation reads. */
function observationOf(call: IncomingCall, body: string): Observation {
  const contentType = call.headers['content-type'];
  return {
    request: {
      method: call.method,
      url: `http://replay${call.path}${call.query.size > 0 ? `?${call.query.toString()}` : ''}`,
      headers: typeof contentType === 'string' ? { 'content-type': contentType } : {},
      body: body === '' ? undefined : body,
    },
    response: null,
    transportError: null,
    attempts: 1,
    throttledAttempts: 0,
    durationMs: 0,
  };
}

function rehydrated(response: NonNullable<RecordedExchange['response']>, valueOf: (placeholder: string) => string | number): Answer {
  // Padding ({{fill:N}}) is as long as the recorded one and the recorded function's name together.
  const functionName = /<function-name:\d+>/.exec(JSON.stringify(response))?.[0];
  const nameLength = functionName === undefined ? 0 : String(valueOf(functionName)).length;
  const padded = (text: string): string => text.replace(/<pad:(\d+)>/g, (_, length: string) => 'x'.repeat(Math.max(0, Number(length) - nameLength)));
  const fill = (text: string): string => padded(text).replace(PLACEHOLDER, (placeholder) => String(valueOf(placeholder)));
  // Inside JSON text a value is escaped as a string's content, and a moment recorded as a number goes back as one.
  const fillJson = (text: string): string =>
    padded(text).replace(/"(<epoch-seconds:\d+>)"/g, (_, placeholder: string) => String(valueOf(placeholder))).replace(PLACEHOLDER, (placeholder) => JSON.stringify(String(valueOf(placeholder))).slice(1, -1));
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => name !== 'x-amzn-requestid').map(([name, value]) => [name, fill(value)]));
  return { status: response.status, headers, body: bodyText(response.body, fill, fillJson) };
}

function bodyText(body: RecordedBody, fill: (text: string) => string, fillJson: (text: string) => string): string {
  if (body === null) return '';
  return 'json' in body ? fillJson(JSON.stringify(body.json)) : fill(body.text);
}

function createdUuid(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { UUID?: unknown };
    return typeof parsed.UUID === 'string' ? parsed.UUID : null;
  } catch {
    return null;
  }
}

function notRecorded(label: string, exchange: RecordedExchange): Answer {
  const shown = JSON.stringify(exchange.request.body === null ? null : 'json' in exchange.request.body ? exchange.request.body.json : exchange.request.body.text);
  const message =
    `The recording ${label} has no answer to ${exchange.request.method} ${exchange.request.path} with the body ${shown.length > 600 ? `${shown.slice(0, 600)}…` : shown}: ` +
    'run the edition and --seed it recorded (recording.json), or record a run that sends this request.';
  return { status: 501, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'NotRecordedException' }, body: JSON.stringify({ __type: 'NotRecordedException', message }) };
}
