import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../protocols/json-body.ts';
import { invalidParameter, resourceConflict, resourceNotFound } from '../service-error.ts';
import type { ReferenceEdition } from '../edition.ts';
import type { EventSourceMapping, World } from '../world.ts';
import { describeCurrentMapping } from './current/mapping-view.ts';
import { baseMembers } from './mapping-members.ts';
import { requireSourceReadable } from './execution-role.ts';
import { creatingWindow, deleteMappingOf, reportedState, type ReportedState } from './mapping-lifecycle.ts';
import { resolveFunctionName } from './function-name.ts';
import { readMappingRequest } from './mapping-request.ts';

// The mapping as the documented response describes it. The 2019 response syntax lists exactly these
// members, so StartingPosition and Enabled are remembered but not echoed.
export type MappingView = Readonly<Record<string, unknown>>;

export function describeMapping(mapping: EventSourceMapping, state: ReportedState): MappingView {
  if (mapping.current !== undefined) return describeCurrentMapping(mapping, mapping.current, state);
  return {
    ...baseMembers(mapping),
    LastProcessingResult: 'No records processed',
    State: state,
    StateTransitionReason: 'User action',
  };
}

// Checks run in this order: the request's own validity (400), the function (404), with AWS timing its
// role's permission to read the source (400), the event source (404), then a conflicting mapping (409). Nothing is stored unless every check passed.
export function createMapping(world: World, body: JsonObject, region: string): MappingView {
  const request = readMappingRequest(body, region, world.account);
  const target = request.function;
  const named = world.functions.get(target.unqualifiedArn);
  if (named === undefined) {
    throw resourceNotFound(`Function not found: ${target.arn}`);
  }
  if (target.qualifier !== undefined && !world.qualifierExists(named, target.qualifier)) {
    throw resourceNotFound(`Function not found: ${target.arn} (no version or alias "${target.qualifier}" exists).`);
  }
  requireSourceReadable(world, target.unqualifiedArn, request.eventSourceArn);
  if (!world.eventSourceExists(request.eventSourceArn)) {
    throw resourceNotFound(`Event source not found: ${request.eventSourceArn}`);
  }
  for (const existing of world.mappings.values()) {
    if (existing.functionArn === target.arn && existing.eventSourceArn === request.eventSourceArn) {
      throw resourceConflict(
        `An event source mapping with event source ${request.eventSourceArn} and function ${target.arn} already exists (UUID ${existing.uuid}).`,
      );
    }
  }
  const mapping: EventSourceMapping = {
    uuid: randomUUID(),
    functionArn: target.arn,
    eventSourceArn: request.eventSourceArn,
    batchSize: request.batchSize,
    maximumBatchingWindowInSeconds: request.maximumBatchingWindowInSeconds,
    enabled: request.enabled,
    startingPosition: request.startingPosition,
    startingPositionTimestamp: request.startingPositionTimestamp,
    // "in Unix time seconds": a number, with the milliseconds as a fraction as AWS sends them.
    lastModifiedEpochSeconds: Date.now() / 1000,
    ...creatingWindow(world, 'Creating'),
  };
  world.mappings.set(mapping.uuid, mapping);
  return describeMapping(mapping, 'Creating');
}

export function getMapping(world: World, uuid: string, edition: ReferenceEdition): MappingView {
  const mapping = findMapping(world, uuid, edition);
  return describeMapping(mapping, reportedState(world, mapping));
}

// Deletion is reported as "Deleting"; without AWS timing it is complete at once and a later Get answers 404.
export function deleteMapping(world: World, uuid: string, edition: ReferenceEdition): MappingView {
  return describeMapping(deleteMappingOf(world, findMapping(world, uuid, edition)), 'Deleting');
}

const LIST_PAGE = { default: 100, max: 10_000 };

// The marker is the index of the next mapping in creation order: opaque to clients, stable enough
// for a single-process test double.
export function listMappings(world: World, query: URLSearchParams, region: string): JsonObject {
  const functionFilter = query.get('FunctionName');
  const sourceFilter = query.get('EventSourceArn');
  const reference = functionFilter === null ? undefined : resolveFunctionName(functionFilter, region, world.account);
  const maxItems = readWholeNumber(query.get('MaxItems'), 'MaxItems', 1, LIST_PAGE.max) ?? LIST_PAGE.default;
  const start = readWholeNumber(query.get('Marker'), 'Marker', 0, Number.MAX_SAFE_INTEGER) ?? 0;

  const matching = [...world.mappings.values()].filter(
    (mapping) =>
      (sourceFilter === null || mapping.eventSourceArn === sourceFilter) &&
      // An unqualified name lists the mappings of every version of the function; a qualified one only its own.
      (reference === undefined ||
        mapping.functionArn === reference.arn ||
        (reference.qualifier === undefined && mapping.functionArn.startsWith(`${reference.unqualifiedArn}:`))),
  );
  const page = matching.slice(start, start + maxItems);
  const next = start + page.length;
  return {
    EventSourceMappings: page.map((mapping) => describeMapping(mapping, reportedState(world, mapping))),
    ...(next < matching.length ? { NextMarker: String(next) } : {}),
  };
}

function findMapping(world: World, uuid: string, edition: ReferenceEdition): EventSourceMapping {
  const mapping = world.mappings.get(uuid);
  if (mapping === undefined) {
    // Today's AWS says only this (source C); the seed names the UUID too.
    throw resourceNotFound(edition === 'current' ? 'The resource you requested does not exist.' : `The resource you requested does not exist: event source mapping ${uuid}.`);
  }
  return mapping;
}

function readWholeNumber(text: string | null, name: string, min: number, max: number): number | undefined {
  if (text === null) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidParameter(`${name} "${text}" must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
