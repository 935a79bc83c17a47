// Pure: the recording format (README, "Recordings"). A directory holding `recording.json` (what
// was recorded, where, when) and `cases/NNNN-<case>.json`, one per case in report order, each the
// exchanges the case sent, normalised by placeholders.ts. Every file is JSON with its members in
// key order, so that the same target answering the same way gives the same bytes.
import type { CaseResult } from '../results.ts';
import { parseJsonAnswer } from '../transport/json-answer.ts';
import { isAwsEndpoint } from '../transport/aws-endpoint.ts';
import type { Observation } from '../transport/types.ts';
import { Normaliser, sortedJson, type RunValues } from './placeholders.ts';

export const RECORDING_FORMAT = 1;
export const RECORDING_FILE = 'recording.json';
export const CASES_FOLDER = 'cases';

/** The request headers that change an answer; credentials, dates and lengths are not kept. */
const REQUEST_HEADERS = ['content-type'];
/** The answer headers that matter: the media type, the error type, the request id (a placeholder). */
const RESPONSE_HEADERS = ['content-type', 'x-amzn-errortype', 'x-amzn-requestid'];

/** A body: parsed when its text is JSON exactly as JSON.stringify writes it, else the text itself. */
export type RecordedBody = { readonly json: unknown } | { readonly text: string } | null;

export interface RecordedExchange {
  readonly request: { readonly method: string; readonly path: string; readonly headers: Readonly<Record<string, string>>; readonly body: RecordedBody };
  /** Null when no answer came. */
  readonly response: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: RecordedBody } | null;
}

export interface RecordedCaseFile {
  readonly case: string;
  readonly clause: string;
  readonly title: string;
  readonly exchanges: readonly RecordedExchange[];
}

export interface RecordingFacts {
  readonly tool: { readonly name: string; readonly version: string };
  readonly edition: string;
  readonly region: string;
  /** The target's origin. */
  readonly target: string;
  /** When the run started, ISO 8601: the date a recording is named by. */
  readonly date: string;
  /** The fixtures' run id; null for static fixtures. */
  readonly runId: string | null;
  /** The --seed property cases drew from: a replayed run needs the same one to send the same values. */
  readonly seed: number | null;
}

export interface RecordingIndex extends RecordingFacts {
  readonly format: number;
  /** In report order: each case id and its file under cases/. */
  readonly cases: readonly { readonly id: string; readonly file: string }[];
}

/** "AWS us-east-1, 2026-12-01", or the target's origin for any other target. */
export function recordingLabel(facts: Pick<RecordingFacts, 'target' | 'region' | 'date'>): string {
  let where = facts.target;
  try {
    if (isAwsEndpoint(new URL(facts.target))) where = 'AWS';
  } catch {
    // Not a URL: named as it was recorded.
  }
  return `${where} ${facts.region}, ${facts.date.slice(0, 10)}`;
}

/** One case's exchanges in the order it sent them, before they are normalised. */
export interface CaseExchanges {
  readonly result: Pick<CaseResult, 'id' | 'clause' | 'title'>;
  readonly observations: readonly Observation[];
}

/** `0007-BatchSize_sqs_max_1.json`: the number keeps names apart that the file system would not. */
export function caseFileName(index: number, caseId: string): string {
  return `${String(index + 1).padStart(4, '0')}-${caseId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)}.json`;
}

/** Each file of a recording, by its path under the recording's directory, with its text. */
export function recordingFiles(facts: RecordingFacts, cases: readonly CaseExchanges[], values: RunValues | null): Map<string, string> {
  const normaliser = new Normaliser(values ?? { account: '', region: facts.region, functionNames: [], sourceNames: {} });
  const files = new Map<string, string>();
  const index: { id: string; file: string }[] = [];
  cases.forEach(({ result, observations }, position) => {
    const file = `${CASES_FOLDER}/${caseFileName(position, result.id)}`;
    index.push({ id: result.id, file });
    const exchanges = normalisedExchanges(observations, normaliser);
    files.set(file, jsonText({ case: result.id, clause: result.clause, title: result.title, exchanges }));
  });
  const recording: RecordingIndex = { format: RECORDING_FORMAT, ...facts, cases: index };
  files.set(RECORDING_FILE, jsonText(recording));
  return files;
}

/** A case's exchanges as a recording keeps them, named by `normaliser` in order. */
export function normalisedExchanges(observations: readonly Observation[], normaliser: Normaliser): RecordedExchange[] {
  return observations.map((observation) => {
    normaliser.startExchange();
    return normalisedExchange(observation, normaliser);
  });
}

function normalisedExchange(observation: Observation, normaliser: Normaliser): RecordedExchange {
  const { request, response } = observation;
  return {
    request: {
      method: request.method,
      path: normaliser.text(new URL(request.url).pathname + new URL(request.url).search),
      headers: keptHeaders(request.headers, REQUEST_HEADERS, normaliser),
      // A server cannot tell an empty body from none: neither can a replay.
      body: request.body === undefined || request.body === '' ? null : normalisedBody(request.body, 'request', normaliser),
    },
    response: response === null ? null : { status: response.status, headers: keptHeaders(response.headers, RESPONSE_HEADERS, normaliser), body: normalisedBody(response.body, 'answer', normaliser) },
  };
}

function keptHeaders(headers: Readonly<Record<string, string>>, kept: readonly string[], normaliser: Normaliser): Record<string, string> {
  const byName = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const entries = kept.flatMap((name) => {
    const value = byName.get(name);
    if (value === undefined) return [];
    return [[name, name === 'x-amzn-requestid' ? normaliser.placeholder('request-id', value) : normaliser.text(value)] as const];
  });
  return Object.fromEntries(entries);
}

function normalisedBody(text: string, side: 'request' | 'answer', normaliser: Normaliser): RecordedBody {
  const parsed = parseJsonAnswer(text);
  if (parsed.kind === 'json' && JSON.stringify(parsed.value) === text) return { json: normaliser.json(parsed.value, side) };
  return { text: normaliser.text(text) };
}

/** Two-space indented JSON, members in key order, and a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(sortedJson(value), null, 2)}\n`;
}
