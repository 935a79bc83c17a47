import { createTransport, describeObservation, errorTypeOf, parseJsonAnswer, type AwsCredentialIdentityProvider, type ObservedResponse, type RequestPacer } from '../../src/transport/index.ts';
import type { RunSettings } from '../commands/run-settings.ts';

const PROBE_PATH = '/2015-03-31/event-source-mappings/?MaxItems=1';

// The error types AWS answers for credentials it does not accept, or a request it cannot authenticate.
const CREDENTIALS_REFUSED = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignatureException',
  'MissingAuthenticationTokenException',
  'ExpiredTokenException',
  'ExpiredToken',
]);

/**
 * Whether the target answers as AWS Lambda does, asked before anything is created on it: a
 * ListEventSourceMappings answers 200 with an `EventSourceMappings` list, or an error with an AWS
 * error type (throttling and server errors included: they are the target's to answer). A
 * connection that cannot be made, credentials refused, or an answer of some other server (a web
 * page, a 404 without an error type) are each one sentence saying what to do.
 */
export async function targetProblem(
  targetUrl: string,
  credentials: AwsCredentialIdentityProvider,
  settings: Pick<RunSettings, 'region' | 'timeoutMs'>,
  pacer: RequestPacer,
): Promise<string | null> {
  const target = createTransport({ url: targetUrl, region: settings.region, credentials, timeoutMs: settings.timeoutMs, retry: { maxAttempts: 1 }, pacer });
  const check = `curl -i ${targetUrl}/2015-03-31/event-source-mappings/ shows what it answers`;
  try {
    const probe = await target.send({ method: 'GET', path: PROBE_PATH, headers: {}, body: undefined });
    const { response } = probe;
    if (response === null && probe.transportError?.kind === 'plain-http') {
      return `the target ${targetUrl} cannot be reached over TLS: this port speaks plain HTTP: use --target ${targetUrl.replace(/^https:/, 'http:')}.`;
    }
    if (response === null) {
      return `the target ${targetUrl} cannot be reached (${describeObservation(probe)}): start the emulator or correct --target; ${check}.`;
    }
    const errorType = errorTypeOf(response);
    if (errorType !== null && CREDENTIALS_REFUSED.has(errorType)) {
      return (
        `the target ${targetUrl} refused the credentials (${response.status} ${errorType}): ` +
        'pass --profile NAME or set AWS_PROFILE for other ones; aws sts get-caller-identity shows which identity they are.'
      );
    }
    if (errorType === 'AccessDeniedException' || errorType === 'AccessDenied') {
      return (
        `the credentials may not call lambda:ListEventSourceMappings on ${targetUrl} (${response.status} ${errorType}): ` +
        'grant it (the run lists mappings to delete the ones it made), or pass --profile NAME for other credentials.'
      );
    }
    if (answersAsLambda(response, errorType)) return null;
    return (
      `the target ${targetUrl} does not answer as AWS Lambda does: GET /2015-03-31/event-source-mappings/ got ${describeAnswer(response)}, ` +
      `not 200 with EventSourceMappings or an AWS error; point --target at the emulator's endpoint (LocalStack and moto serve every service on one port); ${check}.`
    );
  } finally {
    await target.close();
  }
}

// A list too long for the body head the suite keeps is recognised by how it begins.
const LIST_HEAD = /^\s*\{\s*"EventSourceMappings"\s*:\s*\[/;

function answersAsLambda(response: ObservedResponse, errorType: string | null): boolean {
  if (response.status >= 400) return errorType !== null;
  if (response.status !== 200) return false;
  if (response.truncated !== undefined) return LIST_HEAD.test(response.body);
  const parsed = parseJsonAnswer(response.body);
  return parsed.kind === 'json' && typeof parsed.value === 'object' && parsed.value !== null && Array.isArray((parsed.value as Record<string, unknown>)['EventSourceMappings']);
}

function describeAnswer(response: ObservedResponse): string {
  const type = response.headers['content-type'];
  return `${response.status}${type === undefined ? ' with no Content-Type' : ` ${type.split(';')[0]?.trim() ?? ''}`}`;
}
