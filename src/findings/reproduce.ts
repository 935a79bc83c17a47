// Pure: the commands that send a failing case again: `reproduce`, which makes the fixtures it
// needs, and a curl line of the recorded request, as Schemathesis prints one per failure.
import type { RecordedRequest } from '../results.ts';
import { isAwsEndpoint } from '../transport/aws-endpoint.ts';
import { redactHeaders } from '../transport/redact.ts';
import { quoted, shellWord } from '../shell-word.ts';

// Signing headers are curl's to make again (--aws-sigv4); the others it sets itself from the URL and body.
const NOT_COPIED = new Set(['authorization', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token', 'host', 'content-length']);

// An AWS endpoint names its region (lambda.eu-west-1.amazonaws.com); an emulator's request was
// signed for the run's region, which the shell's AWS_REGION usually is, and with the run's dummy
// credentials unless keys were set.
function signing(url: URL | null): string[] {
  const region = /^lambda(?:-fips)?\.([a-z0-9-]+)\./.exec(url?.hostname ?? '')?.[1] ?? '${AWS_REGION:-us-east-1}';
  const aws = url !== null && isAwsEndpoint(url);
  const user = aws ? '"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"' : '"${AWS_ACCESS_KEY_ID:-test}:${AWS_SECRET_ACCESS_KEY:-test}"';
  return ['--aws-sigv4', `"aws:amz:${region}:lambda"`, '--user', user];
}

/**
 * The request as a curl command line. The recorded request has its secrets masked already, and
 * no header that carries one is copied: a signed request is signed again by curl from the
 * caller's own environment, so the line names the variables, never a value.
 */
export function curlCommand(request: RecordedRequest): string {
  const names = Object.keys(request.headers).map((name) => name.toLowerCase());
  const words = ['curl', '-sS', '-i', '-X', quoted(request.method), quoted(request.url)];
  // Masked again, as every report does, rather than trusting each producer of a result.
  for (const [name, value] of Object.entries(redactHeaders(request.headers))) if (!NOT_COPIED.has(name.toLowerCase())) words.push('-H', quoted(`${name}: ${value}`));
  if (request.body !== null) {
    // Without this curl would add a form Content-Type the case did not send.
    if (!names.includes('content-type')) words.push('-H', quoted('Content-Type:'));
    words.push('--data-binary', quoted(request.body));
  }
  if (names.includes('authorization')) {
    words.push(...signing(URL.canParse(request.url) ? new URL(request.url) : null));
    if (names.includes('x-amz-security-token')) words.push('-H', '"x-amz-security-token: $AWS_SESSION_TOKEN"');
  }
  return words.join(' ');
}

/** Where the run's cases went, as `reproduce` takes it again. */
export interface Reproduction {
  /** The target's origin; null: the embedded reference server. */
  readonly target: string | null;
  /** The signing region, when it is not the default one. */
  readonly region: string | null;
  readonly edition: string;
  /** The seed property cases drew from; null when the run drew none. */
  readonly seed: number | null;
  /** The run's --property-runs when not the default: a counterexample drawn late is drawn again only with as many. */
  readonly propertyRuns: number | null;
}

/** `lambda-esm-conformance reproduce ID …`, as a line to paste into a shell. */
export function reproduceCommand(caseId: string, { target, region, edition, seed, propertyRuns }: Reproduction, drawn: boolean): string {
  const words = ['lambda-esm-conformance', 'reproduce', caseId];
  if (target !== null) words.push('--target', target);
  if (region !== null) words.push('--region', region);
  if (edition !== 'seed') words.push('--edition', edition);
  if (drawn && seed !== null) words.push('--seed', String(seed));
  if (drawn && propertyRuns !== null) words.push('--property-runs', String(propertyRuns));
  return words.map(shellWord).join(' ');
}
