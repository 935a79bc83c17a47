// Whether credentials can be had at all, asked before the target is: the AWS SDK's chain fails
// with a stack of provider errors otherwise, in the middle of the first request. Bounded, since
// the chain may wait on an instance-metadata endpoint that is not there.
import type { AwsCredentialIdentityProvider } from '../../src/transport/index.ts';
import type { RunSettings } from '../commands/run-settings.ts';

/** A sentence saying why no credentials could be resolved and what to do, or null when they could. */
export async function credentialsProblem(
  credentials: AwsCredentialIdentityProvider,
  settings: Pick<RunSettings, 'profile' | 'timeoutMs'>,
  targetUrl: string,
): Promise<string | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no credentials within ${settings.timeoutMs} ms`)), settings.timeoutMs);
  });
  try {
    await Promise.race([credentials(), timeout]);
    return null;
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() ?? '';
    if (settings.profile !== null) {
      return (
        `the profile "${settings.profile}" (--profile or AWS_PROFILE) gives no credentials: it is not in ~/.aws/config or ~/.aws/credentials, or it holds none (${reason}); ` +
        `aws configure list-profiles lists the profiles there are, and aws sts get-caller-identity --profile ${settings.profile} checks one.`
      );
    }
    return (
      `no AWS credentials were found to sign requests to ${targetUrl} (${reason}): ` +
      'pass --profile NAME, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; aws sts get-caller-identity shows whether any are configured.'
    );
  } finally {
    clearTimeout(timer);
  }
}
