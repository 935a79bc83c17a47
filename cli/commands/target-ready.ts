import type { AwsCredentialIdentityProvider } from '../../src/transport/index.ts';
import { checkReachable } from './reachability.ts';
import { FixturesUnavailable, type RunFixtures } from './run-fixtures.ts';
import type { RunSettings } from './run-settings.ts';

export type LoadedFixtures = Awaited<ReturnType<RunFixtures['load']>>;

/**
 * A target that answers, with the fixtures loaded on it; or null, once `say` has been told in a
 * sentence why nothing can be done ("Nothing was verified: the target … cannot be reached (…).").
 */
export async function readyTarget(
  targetUrl: string,
  credentials: AwsCredentialIdentityProvider,
  settings: Pick<RunSettings, 'region' | 'timeoutMs'>,
  fixtures: RunFixtures,
  refusal: { readonly nothing: string; readonly say: (line: string) => void },
): Promise<LoadedFixtures | null> {
  const unreachable = await checkReachable(targetUrl, credentials, settings);
  if (unreachable !== null) {
    refusal.say(`${refusal.nothing}: the target ${targetUrl} cannot be reached (${unreachable}).`);
    return null;
  }
  try {
    return await fixtures.load();
  } catch (error) {
    if (!(error instanceof FixturesUnavailable)) throw error;
    refusal.say(`${refusal.nothing}: the fixtures could not be created on the target (${error.message}).`);
    return null;
  }
}
