import { FixtureRun, loadStaticFixtures, missingFixtures, newRunId, ProvisioningFailed, type CleanupReport } from '../../fixtures/index.ts';
import type { Fixture } from '../../src/cases/case.ts';
import type { FixtureValues } from '../../src/cases/placeholders.ts';
import type { AwsCredentialIdentityProvider } from '../../src/transport/index.ts';
import { fixtureAdvice } from './fixture-advice.ts';
import type { RunSettings } from './run-settings.ts';

export interface LoadedFixtures {
  readonly values: FixtureValues;
  /** Fixtures the target does not have (a static fixtures file may leave sources out). */
  readonly missing: Fixture[];
}

/** The fixtures of one run: provisioned on the target (and deleted again), or read from a file. */
export interface RunFixtures {
  /** The fixtures, or why they could not be made: one sentence saying what to do. */
  load(): Promise<LoadedFixtures | { readonly problem: string }>;
  /** Deletes what the run created; safe to call more than once, and at once from a signal handler. */
  cleanup(): Promise<CleanupReport>;
  /** Names of what may still be on the target, for a cleanup that is abandoned. */
  remaining(): readonly string[];
}

export interface FixtureSetting {
  readonly targetUrl: string;
  readonly settings: Pick<RunSettings, 'fixtures' | 'region' | 'timeoutMs' | 'roleArn'>;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly needs: readonly Fixture[];
  readonly log: (line: string) => void;
}

/** A fixture call may take this many --timeout, its answer included (30 s with the default). */
export const FIXTURE_REQUEST_TIMEOUTS = 3;
/** A resource may take this many --timeout to become ready or deletable (180 s with the default). */
export const FIXTURE_WAIT_TIMEOUTS = 18;

export function runFixtures({ targetUrl, settings, credentials, needs, log }: FixtureSetting): RunFixtures {
  const { fixtures } = settings;
  if (fixtures !== 'auto') {
    return {
      load: async () => {
        const values = loadStaticFixtures(fixtures.file);
        return { values, missing: missingFixtures(values, needs) };
      },
      // Static fixtures belong to the user: the run deletes only the mappings its cases made.
      cleanup: async () => ({ deleted: [], failed: [] }),
      remaining: () => [],
    };
  }
  const run = new FixtureRun({
    endpoint: targetUrl,
    region: settings.region,
    credentials,
    runId: newRunId(),
    needs,
    log,
    ...(settings.roleArn !== null && { roleArn: settings.roleArn }),
    requestTimeoutMs: FIXTURE_REQUEST_TIMEOUTS * settings.timeoutMs,
    waitTimeoutMs: FIXTURE_WAIT_TIMEOUTS * settings.timeoutMs,
  });
  return {
    load: async () => {
      try {
        return { values: await run.provision(), missing: [] };
      } catch (error) {
        if (error instanceof ProvisioningFailed) return { problem: fixtureAdvice(error, settings) };
        throw error;
      }
    },
    cleanup: () => run.cleanup(),
    remaining: () => run.remaining(),
  };
}
