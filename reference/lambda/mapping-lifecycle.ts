import { ServiceError } from '../service-error.ts';
import type { EventSourceMapping, World } from '../world.ts';

// A mapping's life as AWS reports it. Without AWS timing a mapping is created and deleted at once:
// every read after Create sees the state Enabled asked for, and a deleted mapping is gone. With it,
// a new mapping is Creating for creatingMs and a deleted one Deleting for deletingMs (reference/README.md,
// "AWS timing"). Nothing runs on a timer: the state is worked out from the clock when it is read.
export type ReportedState = 'Creating' | 'Enabled' | 'Disabled' | 'Deleting';

export function reportedState(world: World, mapping: EventSourceMapping): ReportedState {
  if (mapping.deletingUntilMs !== undefined) return 'Deleting';
  if (mapping.creatingUntilMs !== undefined && world.now() < mapping.creatingUntilMs) return 'Creating';
  return mapping.enabled ? 'Enabled' : 'Disabled';
}

// The member a mapping answered Creating for carries: until when it stays Creating.
export function creatingWindow(world: World, answered: ReportedState): Pick<EventSourceMapping, 'creatingUntilMs'> {
  return world.timing === undefined || answered !== 'Creating' ? {} : { creatingUntilMs: world.now() + world.timing.creatingMs };
}

// Deletes the mapping, at once or, with AWS timing, after deletingMs; answers the mapping as Delete reports it.
export function deleteMappingOf(world: World, mapping: EventSourceMapping): EventSourceMapping {
  if (world.timing === undefined) {
    world.mappings.delete(mapping.uuid);
    return mapping;
  }
  const state = reportedState(world, mapping);
  // The Lambda API reference's own example of ResourceInUseException, in its words.
  if (state === 'Creating') {
    throw new ServiceError(
      400,
      'ResourceInUseException',
      "The operation conflicts with the resource's availability. For example, you tried to update an event source mapping in the CREATING state, or you tried to delete an event source mapping currently UPDATING.",
    );
  }
  // Deleting again changes nothing: the deletion already under way ends when it was going to.
  if (state === 'Deleting') return mapping;
  const deleting: EventSourceMapping = { ...mapping, deletingUntilMs: world.now() + world.timing.deletingMs };
  world.mappings.set(mapping.uuid, deleting);
  return deleting;
}
