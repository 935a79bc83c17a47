import type { FixtureValues } from '../cases/placeholders.ts';
import { doublingPauses } from '../doubling-pauses.ts';
import { describeObservation } from '../transport/describe-observation.ts';
import { errorMessageOf, errorTypeOf } from '../transport/error-type.ts';
import { parseJsonAnswer, parseJsonObject } from '../transport/json-answer.ts';
import type { Observation, Transport } from '../transport/types.ts';
import { isJsonObject } from '../json-object.ts';

/** Where Lambda's event source mappings are: created by a POST here, each one at its UUID below. */
export const MAPPINGS_PATH = '/2015-03-31/event-source-mappings/';

/**
 * How long the deletion of a mapping may take, in multiples of the per-request timeout (with the
 * default 10 s, 30 s): AWS refuses it while the mapping is still Creating, and deletes
 * asynchronously, the mapping visible as Deleting meanwhile.
 */
export const GONE_WITHIN_TIMEOUTS = 3;

/** At most this many mappings are asked for, read from a listing and deleted by one sweep. */
export const MAX_SWEPT_MAPPINGS = 25;

/** Problems of one cleanup past this many are counted, not listed. */
export const MAX_CLEANUP_PROBLEMS = 5;

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value a target gave as a mapping's UUID has a UUID's shape, and so may go into a
 * request path: anything else (`..`, `a/b`, `%2e`) could name another resource once in a path.
 */
export function isUuidShaped(value: string): boolean {
  return UUID_SHAPE.test(value);
}

export interface CleanupOutcome {
  /** UUIDs deleted. */
  readonly deleted: readonly string[];
  /** What could not be cleaned, in sentences; the run's final sweep by function catches these. */
  readonly problems: readonly string[];
}

/** The UUID of the mapping a success answer created, if it can be read. */
export function createdMapping(observation: Observation): string | null {
  const response = observation.response;
  if (response === null || response.status >= 300) return null;
  const uuid = parseJsonObject(response.body)?.['UUID'];
  return typeof uuid === 'string' && uuid !== '' ? uuid : null;
}

/**
 * Whether an answer leaves in doubt that a mapping was created: no answer at all (the server
 * may have acted before the connection broke) or a success whose UUID cannot be read or used.
 */
export function mayHaveCreatedUnknownMapping(observation: Observation): boolean {
  if (observation.response === null) return true;
  const uuid = createdMapping(observation);
  return observation.response.status < 300 && (uuid === null || !isUuidShaped(uuid));
}

/** Deletes mappings by UUID and waits (a bounded time) until the target no longer shows them. */
export async function deleteMappings(target: Transport, uuids: readonly string[]): Promise<CleanupOutcome> {
  const results = await Promise.all(uuids.map((uuid) => deleteMapping(target, uuid)));
  return {
    deleted: uuids.filter((_, index) => results[index] === null),
    problems: capProblems(results.filter((problem): problem is string => problem !== null)),
  };
}

/**
 * Finds and deletes the mappings of the function `fixtures` names to one source (the first
 * MAX_SWEPT_MAPPINGS of them). Only a mapping whose FunctionArn names that function and whose
 * EventSourceArn is that source is deleted: a listing that names anything else (a target that
 * ignores the filters, a shared account) is reported, and what it names left alone.
 */
export async function sweepMappings(target: Transport, fixtures: FixtureValues, eventSourceArn: string): Promise<CleanupOutcome> {
  const query = new URLSearchParams({ FunctionName: fixtures.functionName, EventSourceArn: eventSourceArn, MaxItems: String(MAX_SWEPT_MAPPINGS) });
  const listing = await target.send({ method: 'GET', path: `${MAPPINGS_PATH}?${query}`, headers: {}, body: undefined });
  if (listing.response === null || listing.response.status !== 200) {
    return { deleted: [], problems: [`could not list mappings of ${eventSourceArn}: ${describeObservation(listing)}`] };
  }
  if (listing.response.truncated !== undefined) {
    return { deleted: [], problems: [`the list of mappings of ${eventSourceArn} is larger than the suite reads (${listing.response.truncated.receivedBytes} bytes)`] };
  }
  const parsed = parseJsonAnswer(listing.response.body);
  const listed = parsed.kind === 'json' ? (parsed.value as { EventSourceMappings?: unknown } | null)?.EventSourceMappings : undefined;
  if (!Array.isArray(listed)) return { deleted: [], problems: [`the list of mappings of ${eventSourceArn} is not JSON`] };
  const uuids: string[] = [];
  const foreign: string[] = [];
  for (const mapping of listed.slice(0, MAX_SWEPT_MAPPINGS) as unknown[]) {
    const { UUID: uuid, FunctionArn: functionArn, EventSourceArn: sourceArn } = isJsonObject(mapping) ? mapping : {};
    if (typeof uuid !== 'string') continue;
    if (sourceArn === eventSourceArn && typeof functionArn === 'string' && functionNameOf(functionArn) === fixtures.functionName) uuids.push(uuid);
    else foreign.push(`the list of mappings of ${eventSourceArn} names mapping ${clipped(uuid)} of ${named(functionArn)} to ${named(sourceArn)}, not of ${fixtures.functionName} to that source: left alone`);
  }
  const outcome = await deleteMappings(target, uuids);
  const problems = [...outcome.problems, ...foreign];
  if (listed.length > MAX_SWEPT_MAPPINGS) problems.push(`the list of mappings of ${eventSourceArn} names ${listed.length}; only the first ${MAX_SWEPT_MAPPINGS} were looked at`);
  return { deleted: outcome.deleted, problems: capProblems(problems) };
}

/** NAME of `arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`, or null for anything else. */
export function functionNameOf(arn: string): string | null {
  const parts = arn.split(':');
  return parts[0] === 'arn' && parts[2] === 'lambda' && parts[5] === 'function' ? (parts[6] ?? null) : null;
}

async function deleteMapping(target: Transport, uuid: string): Promise<string | null> {
  if (!isUuidShaped(uuid)) return `the target named a mapping ${JSON.stringify(clipped(uuid))}, which is not a UUID: not deleted, since it could name another resource in a request path`;
  const path = `${MAPPINGS_PATH}${encodeURIComponent(uuid)}`;
  const goneWithinMs = GONE_WITHIN_TIMEOUTS * target.timeoutMs;
  const deadline = Date.now() + goneWithinMs;
  const retries = doublingPauses({ firstMs: FIRST_PAUSE_MS, maxMs: MAX_PAUSE_MS, deadline });
  // AWS refuses to delete a mapping still Creating (or in another operation) for a few seconds:
  // the delete is asked again, within the same bound as the wait for the mapping to be gone.
  for (;;) {
    const deletion = await target.send({ method: 'DELETE', path, headers: {}, body: undefined });
    const response = deletion.response;
    if (response?.status === 404) return null;
    if (response !== null && response.status < 300) break;
    // Throttled still, past the transport's own retries (a control-plane limit shared by the whole account): not done, so asked again too.
    const busy = response !== null && (response.status === 429 || refusedAsBusy(errorTypeOf(response) ?? '', errorMessageOf(response)));
    if (!busy) return `could not delete mapping ${clipped(uuid)}: ${describeObservation(deletion)}`;
    if (!(await retries.next())) return `could not delete mapping ${clipped(uuid)}: still refused ${goneWithinMs / 1000} s after the first try (${describeObservation(deletion)} ${errorTypeOf(response) ?? ''})`;
  }
  // A deleted mapping stays visible (Deleting) for a while, and blocks a new one of its function and source meanwhile.
  const lookups = doublingPauses({ firstMs: FIRST_PAUSE_MS, maxMs: MAX_PAUSE_MS, deadline });
  do {
    const lookup = await target.send({ method: 'GET', path, headers: {}, body: undefined });
    if (lookup.response?.status === 404) return null;
  } while (await lookups.next());
  return `mapping ${clipped(uuid)} was still visible ${goneWithinMs / 1000} s after its deletion`;
}

/**
 * Whether a refusal to delete says the resource is busy, and so may be asked again: Lambda's
 * ResourceInUseException (a mapping still Creating, a stream or table still being made), or a
 * ResourceConflictException naming an operation in progress (not one saying the resource exists).
 */
export function refusedAsBusy(errorType: string, message: string): boolean {
  return errorType === 'ResourceInUseException' || (errorType === 'ResourceConflictException' && /\bin progress\b/i.test(message));
}

/** The pause between two requests of one deletion doubles from this up to MAX_PAUSE_MS: a poll never spins. */
const FIRST_PAUSE_MS = 50;
const MAX_PAUSE_MS = 5_000;

function capProblems(problems: readonly string[]): string[] {
  if (problems.length <= MAX_CLEANUP_PROBLEMS) return [...problems];
  return [...problems.slice(0, MAX_CLEANUP_PROBLEMS - 1), `and ${problems.length - MAX_CLEANUP_PROBLEMS + 1} more mappings like these`];
}

function named(arn: unknown): string {
  return typeof arn === 'string' ? clipped(arn) : 'no ARN';
}

// A UUID is 36 characters; whatever else a target sends in its place is shown only in part.
function clipped(uuid: string): string {
  return uuid.length <= 80 ? uuid : `${uuid.slice(0, 80)}…`;
}
