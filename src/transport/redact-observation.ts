// The last line of defence: nothing leaves the transport with a credential in it.
import { redactHeaders, redactSecrets } from './redact.ts';
import type { AwsCredentialIdentity, Observation } from './types.ts';

// Values shorter than this are not treated as secrets. Real AWS keys are 16+ characters; the
// short ones are dummies such as `test`, and scrubbing "test" from every body would mangle
// the very answers the judge has to read.
const MIN_SECRET_LENGTH = 8;

export function secretsOf(credentials: AwsCredentialIdentity | undefined): string[] {
  if (credentials === undefined) return [];
  return [credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken ?? ''].filter(
    (value) => value.length >= MIN_SECRET_LENGTH,
  );
}

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
        : { status: response.status, headers: scrubRecord(response.headers), body: scrub(response.body) },
    transportError:
      transportError === null ? null : { kind: transportError.kind, message: scrub(transportError.message) },
  };
}
