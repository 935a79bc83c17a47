import type { AwsCredentialIdentityProvider, RequestPacer } from '../../src/transport/index.ts';
import type { LoadedFixtures, RunFixtures } from '../commands/run-fixtures.ts';
import type { RunSettings } from '../commands/run-settings.ts';
import { credentialsProblem } from './credentials.ts';
import { reportDirProblem } from './report-dir.ts';
import { staticFixturesProblem } from './static-fixtures.ts';
import { targetProblem } from './target.ts';

/**
 * The checks made before anything is created on the target, in this order: a writable report
 * directory, credentials, a target that answers as Lambda does; then the fixtures, made (auto) or
 * read and found on the target (a static file, read once through `fixtures`).
 * What the cases need, or why nothing can be judged, as one sentence saying what to do.
 */
export async function preparedFixtures(
  settings: RunSettings,
  targetUrl: string,
  credentials: AwsCredentialIdentityProvider,
  secrets: () => readonly string[],
  fixtures: RunFixtures,
  pacer: RequestPacer,
): Promise<LoadedFixtures | { readonly problem: string }> {
  const problem = reportDirProblem(settings.reportDir) ?? (await credentialsProblem(credentials, settings, targetUrl)) ?? (await targetProblem(targetUrl, credentials, settings, pacer));
  if (problem !== null) return { problem };
  const loaded = await fixtures.load();
  if (settings.fixtures === 'auto') return 'problem' in loaded ? { problem: `the fixtures could not be created: ${loaded.problem}` } : loaded;
  if ('problem' in loaded) return loaded;
  const absent = await staticFixturesProblem(settings.fixtures.file, loaded.values, targetUrl, credentials, settings, secrets, pacer);
  return absent === null ? loaded : { problem: absent };
}
