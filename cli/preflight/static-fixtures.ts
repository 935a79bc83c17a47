import type { FixtureValues } from '../../src/cases/placeholders.ts';
import type { AwsCredentialIdentityProvider, RequestPacer } from '../../src/transport/index.ts';
import { FIXTURE_REQUEST_TIMEOUTS } from '../commands/run-fixtures.ts';
import type { RunSettings } from '../commands/run-settings.ts';

/**
 * Whether the resources a --fixtures FILE names are on the target, in the region the run signs
 * for: a sentence naming the first that is not and what to do, or null. (A file that cannot be
 * read is refused as it is read, at its line and column.)
 */
export async function staticFixturesProblem(
  file: string,
  values: FixtureValues,
  targetUrl: string,
  credentials: AwsCredentialIdentityProvider,
  settings: Pick<RunSettings, 'region' | 'timeoutMs'>,
  secrets: () => readonly string[],
  pacer: RequestPacer,
): Promise<string | null> {
  if (values.region !== settings.region) {
    return `${file} names resources in ${values.region}, but the run signs for ${settings.region}: pass --region ${values.region} (or set AWS_REGION), or name resources in ${settings.region}.`;
  }
  // Loaded here, not at the start: the AWS SDK's clients cost the checks before it a third of a second.
  const { absentStaticFixtures } = await import('../../src/provisioning/static-fixtures-on-target.ts');
  const absent = await absentStaticFixtures(values, { endpoint: targetUrl, credentials, requestTimeoutMs: FIXTURE_REQUEST_TIMEOUTS * settings.timeoutMs, secrets, pacer });
  const [first] = absent;
  if (first === undefined) return null;
  const others = absent.length > 1 ? `, nor can ${absent.length - 1} more of the resources it names be found` : '';
  return first.notFound
    ? `${first.arn}, named in ${file}, does not exist on ${targetUrl} (${first.call}: ${first.detail})${others}: create it or correct the ARN, or drop --fixtures to let the run create its own.`
    : `${first.arn}, named in ${file}, could not be looked up on ${targetUrl} (${first.call}: ${first.detail})${others}: grant ${first.call} to these credentials, or check the ARN with aws ${awsCliCheck(first.call)}.`;
}

function awsCliCheck(call: string): string {
  const [service = '', operation = ''] = call.split(':');
  return `${service} ${operation.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
}
