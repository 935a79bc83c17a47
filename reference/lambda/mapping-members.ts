import type { EventSourceMapping } from '../world.ts';

// The members every answer about a mapping starts with, in both editions.
export function baseMembers(mapping: EventSourceMapping): Readonly<Record<string, unknown>> {
  return {
    UUID: mapping.uuid,
    BatchSize: mapping.batchSize,
    MaximumBatchingWindowInSeconds: mapping.maximumBatchingWindowInSeconds,
    EventSourceArn: mapping.eventSourceArn,
    FunctionArn: mapping.functionArn,
    LastModified: mapping.lastModifiedEpochSeconds,
  };
}
