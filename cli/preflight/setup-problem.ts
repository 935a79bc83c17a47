import type { AwsCredentialIdentityProvider, RequestPacer } from '../../src/transport/index.ts';
import type { LoadedFixtures, RunFixtures } from '../commands/run-fixtures.ts';
import type { RunSettings } from '../commands/run-settings.ts';
import { accountProblem } from './account.ts';
import { credentialsProblem } from './credentials.ts';
import { executionRoleProblem } from './execution-role.ts';
import { reportDirProblem } from './report-dir.ts';
import { staticFixturesProblem } from './static-fixtures.ts';
import { targetProblem } from './target.ts';

/**
 * The checks made before anything is created on the target, in this order: a writable report
 * directory (for a command that writes reports: reportDir not null), credentials, the account they belong to (the account guard: STS is the first request),
 * a target that answers as Lambda does; then the fixtures, made (auto) or
 * read and found on the target (a static file, read once through `fixtures`); then that Lambda can
 * use the function's execution role on each source the cases need (`log` tells of the wait for IAM).
 * What the cases need, or why nothing can be judged, as one sentence saying what to do.
 */
export async function preparedFixtures(
  settings: Omit<RunSettings, 'reportDir'> & { readonly reportDir: string | null },
  targetUrl: string,
  credentials: AwsCredentialIdentityProvider,
  secrets: () => readonly string[],
  fixtures: RunFixtures,
  log: (line: string) => void,
  pacer: RequestPacer,
): Promise<LoadedFixtures | { readonly problem: string }> {
  const problem =
    (settings.reportDir === null ? null : reportDirProblem(settings.reportDir)) ??
    (await credentialsProblem(credentials, settings, targetUrl)) ??
    (await accountProblem(targetUrl, credentials, settings)) ??
    (await targetProblem(targetUrl, credentials, settings, pacer));
  if (problem !== null) return { problem };
  const loaded = await fixtures.load();
  if ('problem' in loaded) return settings.fixtures === 'auto' ? { problem: `the fixtures could not be created: ${loaded.problem}` } : loaded;
  const absent = settings.fixtures === 'auto' ? null : await staticFixturesProblem(settings.fixtures.file, loaded.values, targetUrl, credentials, settings, secrets, pacer);
  if (absent !== null) return { problem: absent };
  const unusable = await executionRoleProblem({ targetUrl, credentials, settings, values: loaded.values, needs: fixtures.needs, log, pacer });
  return unusable === null ? loaded : { problem: unusable };
}
