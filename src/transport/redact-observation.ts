// The last line of defence: nothing leaves the transport with a credential in it.
import { cutToLength, MAX_MESSAGE_LENGTH } from '../bounded-text.ts';
import { redactHeaders, redactSecrets } from './redact.ts';
import type { Observation } from './types.ts';

/** Credential-bearing request headers are masked by name, then every known secret value is scrubbed everywhere. */
export function redactObservation(observation: Observation, secrets: readonly string[]): Observation {
  const scrub = (text: string): string => redactSecrets(text, secrets);
  const scrubRecord = (record: Readonly<Record<string, string>>): Record<string, string> =>
    Object.fromEntries(Object.entries(record).map(([name, value]) => [scrub(name), scrub(value)]));
  const { request, response, transportError } = observation;
  return {
    ...observation,
    request: {
      method: scrub(request.method),
      url: scrub(request.url),
      headers: scrubRecord(redactHeaders(request.headers)),
      body: request.body === undefined ? undefined : scrub(request.body),
    },
    response:
      response === null
        ? null
        : { ...response, headers: scrubRecord(response.headers), body: scrub(response.body) },
    transportError:
      // Masked before it is cut: a secret cut in two would no longer be recognised.
      transportError === null ? null : { kind: transportError.kind, message: cutToLength(scrub(transportError.message), MAX_MESSAGE_LENGTH) },
  };
}
