// Pure: a case's exchanges in this run against the ones a recording holds for it (run
// --compare-recording), and two recordings against each other (diff). Both sides are normalised
// (placeholders.ts) and renumbered by first appearance in each exchange, so that only what the
// targets chose to answer differs.
import { reason } from '../judge/reasons.ts';
import { isJsonObject, sameJson } from '../json-object.ts';
import type { CaseResult } from '../results.ts';
import { errorTypeOf } from '../transport/error-type.ts';
import { canonical } from './placeholders.ts';
import type { RecordedBody, RecordedCaseFile, RecordedExchange } from './recording.ts';

export interface CompareOptions {
  /** Whether error messages must be the same too (--compare-messages). */
  readonly messages: boolean;
}

/** The error message members: compared only with --compare-messages, since they are prose. */
const MESSAGE_MEMBERS = new Set(['message', 'Message', 'errorMessage']);

/** What the two sides are called in the sentences. */
export interface SideNames {
  readonly recorded: string;
  readonly observed: string;
}

/** The request an exchange sent, renumbered: what a replay and a comparison match an exchange by. */
export function requestKey(exchange: RecordedExchange): string {
  return JSON.stringify(canonical(exchange.request).value);
}

/**
 * Each difference between the exchanges of one case, in words, and the exchanges of `observed`
 * the recording has no request like (said, not failed: the recording cannot judge them).
 */
export function caseDifferences(recorded: RecordedCaseFile, observed: readonly RecordedExchange[], names: SideNames, options: CompareOptions): { differences: string[]; unmatched: number } {
  const unused = [...recorded.exchanges];
  const differences: string[] = [];
  let unmatched = 0;
  for (const exchange of observed) {
    const key = requestKey(exchange);
    const at = unused.findIndex((candidate) => requestKey(candidate) === key);
    const match = unused[at];
    if (match === undefined) {
      unmatched += 1;
      continue;
    }
    unused.splice(at, 1);
    differences.push(...exchangeDifferences(match, exchange, names, options));
  }
  return { differences: [...new Set(differences)], unmatched };
}

/** How two answers to the same request differ: status, error type, body members (messages only when asked). */
export function exchangeDifferences(recorded: RecordedExchange, observed: RecordedExchange, names: SideNames, options: CompareOptions): string[] {
  const before = canonical(recorded).value as RecordedExchange;
  const after = canonical(observed).value as RecordedExchange;
  const [was, is] = [before.response, after.response];
  if (was === null || is === null) {
    return was === is ? [] : [`${names.recorded} ${was === null ? 'got no answer' : `answered ${was.status}`}, ${names.observed} ${is === null ? 'got no answer' : `answered ${is.status}`}`];
  }
  if (was.status !== is.status) return [`${names.recorded} answered ${was.status}, ${names.observed} ${is.status}`];
  const typeWas = errorTypeOf({ status: was.status, headers: { ...was.headers }, body: bodyText(was.body) });
  const typeIs = errorTypeOf({ status: is.status, headers: { ...is.headers }, body: bodyText(is.body) });
  if (typeWas !== typeIs) return [`${names.recorded} answered ${was.status} ${typeWas ?? '(no error type)'}, ${names.observed} ${is.status} ${typeIs ?? '(no error type)'}`];
  return bodyDifferences(was.body, is.body, names, options.messages || was.status < 300);
}

function bodyDifferences(was: RecordedBody, is: RecordedBody, names: SideNames, messages: boolean): string[] {
  const [a, b] = [bodyValue(was), bodyValue(is)];
  if (!isJsonObject(a) || !isJsonObject(b)) {
    return messages && !sameJson(a, b) ? [`${names.recorded} answered ${shown(a)}, ${names.observed} ${shown(b)}`] : [];
  }
  const members = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((member) => member !== '__type' && (messages || !MESSAGE_MEMBERS.has(member))).sort();
  return members.flatMap((member) => {
    const [x, y] = [a[member], b[member]];
    if (x === undefined) return [`${names.observed} answered a member ${member} (${shown(y)}) that ${names.recorded} did not`];
    if (y === undefined) return [`${names.observed} left out the member ${member} that ${names.recorded} answered (${shown(x)})`];
    return sameJson(x, y) ? [] : [`${member} is ${shown(y)} in ${names.observed}, ${shown(x)} in ${names.recorded}`];
  });
}

function bodyValue(body: RecordedBody): unknown {
  if (body === null) return null;
  return 'json' in body ? body.json : body.text;
}

function bodyText(body: RecordedBody): string {
  if (body === null) return '';
  return 'json' in body ? JSON.stringify(body.json) : body.text;
}

const MAX_SHOWN = 120;

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length <= MAX_SHOWN ? text : `${text.slice(0, MAX_SHOWN)}…`;
}

/**
 * The result with a `recording_conformance` reason when its answers differ from the recording's
 * (a passing case then fails; the level is not touched: the check's level is 'none'). The
 * exchanges are this run's, normalised with its own values.
 */
export function judgedAgainstRecording(result: CaseResult, recorded: RecordedCaseFile, observed: readonly RecordedExchange[], label: string, options: CompareOptions): CaseResult {
  const { differences } = caseDifferences(recorded, observed, { recorded: label, observed: 'this target' }, options);
  if (differences.length === 0) return result;
  return {
    ...result,
    outcome: result.outcome === 'pass' ? 'fail' : result.outcome,
    reasons: [...result.reasons, reason('recording_conformance', result.clause, `differs from the recording ${label}: ${differences.join('; ')}`)],
  };
}
