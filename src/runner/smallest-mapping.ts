import type { SourceFixture } from '../cases/case.ts';
import type { WireRequest } from '../transport/types.ts';
import { MAPPINGS_PATH } from './mapping-cleanup.ts';

/**
 * The smallest request mapping a function to a source that every edition accepts: the function,
 * the source, and a starting position on a stream (a queue, FIFO or not, takes none). For what must
 * make a mapping that is not a case: a provider state, the check that the execution role is usable.
 */
export function smallestMappingRequest(functionName: string, source: SourceFixture, sourceArn: string): WireRequest {
  const stream = source === 'kinesis' || source === 'dynamodb';
  return {
    method: 'POST',
    path: MAPPINGS_PATH,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ FunctionName: functionName, EventSourceArn: sourceArn, ...(stream && { StartingPosition: 'TRIM_HORIZON' }) }),
  };
}
