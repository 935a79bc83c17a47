import type { AwsCredentialIdentityProvider } from '../../src/transport/index.ts';
import type { RunSettings } from '../commands/run-settings.ts';
import { credentialsProblem } from './credentials.ts';
import { reportDirProblem } from './report-dir.ts';
import { staticFixturesProblem } from './static-fixtures.ts';
import { targetProblem } from './target.ts';

/**
 * The checks made before anything is created on the target, in this order: a writable report
 * directory, credentials, a target that answers as Lambda does, static fixtures that exist there.
 * The first that fails, as one sentence saying what to do; null when all hold.
 */
export async function setupProblem(
  settings: RunSettings,
  targetUrl: string,
  credentials: AwsCredentialIdentityProvider,
  secrets: () => readonly string[],
): Promise<string | null> {
  return (
    reportDirProblem(settings.reportDir) ??
    (await credentialsProblem(credentials, settings, targetUrl)) ??
    (await targetProblem(targetUrl, credentials, settings)) ??
    (settings.fixtures === 'auto' ? null : await staticFixturesProblem(settings.fixtures.file, targetUrl, credentials, settings, secrets))
  );
}
