import type { EventSourceMapping } from '../../world.ts';
import { baseMembers } from '../mapping-members.ts';

// A mapping as today's AWS answers for it (source C, recorded answers): the members every mapping
// has, EventSourceMappingArn, and what its source adds. Stream mappings carry LastProcessingResult
// and "User action"; SQS mappings carry neither LastProcessingResult nor StartingPosition, and say
// USER_INITIATED.
export function describeCurrentMapping(mapping: EventSourceMapping, current: NonNullable<EventSourceMapping['current']>, state: string): Readonly<Record<string, unknown>> {
  return {
    ...baseMembers(mapping),
    ...(current.isStream ? { LastProcessingResult: 'No records processed' } : {}),
    State: state,
    StateTransitionReason: current.isStream ? 'User action' : 'USER_INITIATED',
    ...current.members,
    EventSourceMappingArn: current.eventSourceMappingArn,
  };
}
