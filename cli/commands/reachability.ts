import { createTransport, describeObservation, type AwsCredentialIdentityProvider } from '../../src/transport/index.ts';
import type { RunSettings } from './run-settings.ts';

/**
 * Whether the target answers at all, asked before anything is created on it. Any HTTP answer
 * will do: only a connection that cannot be made means nothing could be judged.
 */
export async function checkReachable(
  targetUrl: string,
  credentials: AwsCredentialIdentityProvider,
  settings: Pick<RunSettings, 'region' | 'timeoutMs'>,
): Promise<string | null> {
  const target = createTransport({
    url: targetUrl,
    region: settings.region,
    credentials,
    timeoutMs: settings.timeoutMs,
    retry: { maxAttempts: 1 },
  });
  try {
    const probe = await target.send({ method: 'GET', path: '/2015-03-31/event-source-mappings/?MaxItems=1', headers: {}, body: undefined });
    return probe.response === null ? describeObservation(probe) : null;
  } finally {
    await target.close();
  }
}
