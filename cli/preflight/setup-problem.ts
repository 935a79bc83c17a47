import type { AwsCredentialIdentityProvider } from '../../src/transport/index.ts';
import type { RunFixtures } from '../commands/run-fixtures.ts';
import type { RunSettings } from '../commands/run-settings.ts';
import { credentialsProblem } from './credentials.ts';
import { reportDirProblem } from './report-dir.ts';
import { staticFixturesProblem } from './static-fixtures.ts';
import { targetProblem } from './target.ts';

/**
 * The checks made before anything is created on the target, in this order: a writable report
 * directory, credentials, a target that answers as Lambda does, static fixtures that exist there
 * (loading them, once, through `fixtures`).
 * The first that fails, as one sentence saying what to do; null when all hold.
 */
export async function setupProblem(
  settings: RunSettings,
  targetUrl: string,
  credentials: AwsCredentialIdentityProvider,
  secrets: () => readonly string[],
  fixtures: RunFixtures,
): Promise<string | null> {
  const problem = reportDirProblem(settings.reportDir) ?? (await credentialsProblem(credentials, settings, targetUrl)) ?? (await targetProblem(targetUrl, credentials, settings));
  if (problem !== null || settings.fixtures === 'auto') return problem;
  // The static values are read through the run's fixtures, so that the file is read once.
  const loaded = await fixtures.load();
  return 'problem' in loaded ? loaded.problem : staticFixturesProblem(settings.fixtures.file, loaded.values, targetUrl, credentials, settings, secrets);
}
