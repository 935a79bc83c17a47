import { createTarget, resolveCredentials } from '../target/index.ts';
import type { RunSettings } from './run-settings.ts';

/**
 * Whether the target answers at all, asked before anything is created on it. Any HTTP answer
 * will do: only a connection that cannot be made means nothing could be judged.
 */
export async function checkReachable(targetUrl: string, settings: Pick<RunSettings, 'region' | 'profile' | 'timeoutMs'>): Promise<string | null> {
  const target = createTarget({
    url: targetUrl,
    region: settings.region,
    credentials: resolveCredentials({ targetUrl, ...(settings.profile !== null && { profile: settings.profile }) }),
    timeoutMs: settings.timeoutMs,
    retry: { maxAttempts: 1 },
  });
  try {
    const probe = await target.send({ method: 'GET', path: '/2015-03-31/event-source-mappings/?MaxItems=1', headers: {}, body: undefined });
    if (probe.response !== null) return null;
    return probe.transportError === null ? 'no answer' : `${probe.transportError.kind}: ${probe.transportError.message}`;
  } finally {
    await target.close();
  }
}
