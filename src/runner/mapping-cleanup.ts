import type { FixtureValues } from '../cases/placeholders.ts';
import { describeObservation } from '../transport/describe-observation.ts';
import type { Observation, Transport } from '../transport/types.ts';

const mappingsPath = '/2015-03-31/event-source-mappings/';

/** How long a deleted mapping may stay visible (AWS deletes asynchronously) before we give up waiting. */
const goneWithinMs = 60_000;

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
  try {
    const uuid = (JSON.parse(response.body) as { UUID?: unknown }).UUID;
    return typeof uuid === 'string' && uuid !== '' ? uuid : null;
  } catch {
    return null;
  }
}

/**
 * Whether an answer leaves in doubt that a mapping was created: no answer at all (the server
 * may have acted before the connection broke) or a success whose UUID cannot be read.
 */
export function mayHaveCreatedUnknownMapping(observation: Observation): boolean {
  if (observation.response === null) return true;
  return observation.response.status < 300 && createdMapping(observation) === null;
}

/** Deletes mappings by UUID and waits until the target no longer shows them. */
export async function deleteMappings(target: Transport, uuids: readonly string[]): Promise<CleanupOutcome> {
  const results = await Promise.all(uuids.map((uuid) => deleteMapping(target, uuid)));
  return {
    deleted: uuids.filter((_, index) => results[index] === null),
    problems: results.filter((problem): problem is string => problem !== null),
  };
}

/** Finds and deletes every mapping of the fixture function to one source. */
export async function sweepMappings(target: Transport, fixtures: FixtureValues, eventSourceArn: string): Promise<CleanupOutcome> {
  const query = new URLSearchParams({ FunctionName: fixtures.functionName, EventSourceArn: eventSourceArn });
  const listing = await target.send({ method: 'GET', path: `${mappingsPath}?${query}`, headers: {}, body: undefined });
  if (listing.response === null || listing.response.status !== 200) {
    return { deleted: [], problems: [`could not list mappings of ${eventSourceArn}: ${describeObservation(listing)}`] };
  }
  let uuids: string[] = [];
  try {
    const parsed = JSON.parse(listing.response.body) as { EventSourceMappings?: Array<{ UUID?: unknown }> };
    uuids = (parsed.EventSourceMappings ?? []).map((mapping) => mapping.UUID).filter((uuid): uuid is string => typeof uuid === 'string');
  } catch {
    return { deleted: [], problems: [`the list of mappings of ${eventSourceArn} is not JSON`] };
  }
  return deleteMappings(target, uuids);
}

async function deleteMapping(target: Transport, uuid: string): Promise<string | null> {
  const path = `${mappingsPath}${encodeURIComponent(uuid)}`;
  const deletion = await target.send({ method: 'DELETE', path, headers: {}, body: undefined });
  const status = deletion.response?.status;
  if (status === undefined || (status >= 300 && status !== 404)) return `could not delete mapping ${uuid}: ${describeObservation(deletion)}`;
  const deadline = Date.now() + goneWithinMs;
  for (let pause = 50; Date.now() < deadline; pause = Math.min(pause * 2, 5_000)) {
    const lookup = await target.send({ method: 'GET', path, headers: {}, body: undefined });
    if (lookup.response?.status === 404) return null;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return `mapping ${uuid} was still visible ${goneWithinMs / 1000} s after its deletion`;
}
