import type { Observation } from './types.ts';

/** What came back, in a few words: "answer 500", or why nothing did ("timeout: …"). */
export function describeObservation(observation: Observation): string {
  if (observation.response !== null) return `answer ${observation.response.status}`;
  return observation.transportError === null ? 'no answer' : `${observation.transportError.kind}: ${observation.transportError.message}`;
}
