import type { CleanupOptions, CleanupReport, FixtureRun, ProvisioningFailed } from '../../src/provisioning/index.ts';
import { newRunId } from '../../src/provisioning/resource-names.ts';
import { RUN_FLAGS } from './flag-tables.ts';
import { missingFixtures } from '../../src/provisioning/missing-fixtures.ts';
import { loadStaticFixtures } from '../../src/provisioning/static-fixtures.ts';
import type { Fixture } from '../../src/cases/case.ts';
import type { FixtureValues } from '../../src/cases/placeholders.ts';
import type { AwsCredentialIdentityProvider, RequestPacer } from '../../src/transport/index.ts';
import { fixtureAdvice } from './fixture-advice.ts';
import type { RunSettings } from './run-settings.ts';

export interface LoadedFixtures {
  readonly values: FixtureValues;
  /** Fixtures the target does not have (a static fixtures file may leave sources out). */
  readonly missing: Fixture[];
  /** The run id the fixtures are named by (`lesm-<runId>-fn`); null for a static fixtures file. */
  readonly runId: string | null;
}

/** The fixtures of one run: provisioned on the target (and deleted again), or read from a file. */
export interface RunFixtures {
  /** What the cases need. */
  readonly needs: readonly Fixture[];
  /** The fixtures, or why they could not be made: one sentence saying what to do. */
  load(): Promise<LoadedFixtures | { readonly problem: string }>;
  /** Deletes what the run created; safe to call more than once, and at once from a signal handler. */
  cleanup(options?: CleanupOptions): Promise<CleanupReport>;
  /** Names of what may still be on the target, for a cleanup that is abandoned. */
  remaining(): readonly string[];
}

export interface FixtureSetting {
  readonly targetUrl: string;
  readonly settings: Pick<RunSettings, 'fixtures' | 'region' | 'timeoutMs' | 'roleArn'> & Partial<Pick<RunSettings, 'keepFixtures'>>;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly needs: readonly Fixture[];
  /** With auto fixtures, how many functions to create (default 1); a fixtures file names one. */
  readonly functions?: number;
  readonly log: (line: string) => void;
  /** The run's rate limiter, which the fixtures' calls go through too. */
  readonly pacer: RequestPacer;
}

/**
 * The most functions a run creates: cases on one source map different functions at once, up to
 * this many. Measured with `npm run bench -- --scales 1` (50 ms latency, concurrency 8): 1
 * function 7.1 s, 2: 5.2 s, 4: 4.6 s, 8: 4.8 s (more functions cost a CreateFunction and a
 * cleanup listing each, and gain nothing).
 */
export const MAX_RUN_FUNCTIONS = 4;

/** How many functions auto fixtures make for a run with this many requests in flight. */
export function runFunctions(concurrency: number): number {
  return Math.max(1, Math.min(concurrency, MAX_RUN_FUNCTIONS));
}

/** A fixture call may take this many --timeout, its answer included (30 s with the default). */
export const FIXTURE_REQUEST_TIMEOUTS = 3;
/** A resource may take this many --timeout to become ready or deletable (180 s with the default). */
export const FIXTURE_WAIT_TIMEOUTS = 18;

export function runFixtures({ targetUrl, settings, credentials, needs, functions, log, pacer }: FixtureSetting): RunFixtures {
  const { fixtures } = settings;
  if (fixtures !== 'auto') {
    let loaded: LoadedFixtures | undefined;
    return {
      needs,
      // Read once: the checks before the first case look at the same values the cases are sent with.
      load: async () => {
        if (loaded !== undefined) return loaded;
        const values = loadStaticFixtures(fixtures.file);
        loaded = { values, missing: missingFixtures(values, needs), runId: null };
        return loaded;
      },
      // Static fixtures belong to the user: the run deletes only the mappings its cases made.
      cleanup: async () => ({ deleted: [], failed: [] }),
      remaining: () => [],
    };
  }
  // The provisioning code, and the AWS SDK's clients with it, is loaded once it is needed: the
  // checks before the first case need none of it (a third of a second of every start).
  const runId = newRunId();
  let made: FixtureRun | undefined;
  let keptSaid = false;
  // --keep-fixtures: nothing is deleted, and the command that deletes it all is said once, where a cleanup would have run.
  const keep = async (): Promise<CleanupReport> => {
    if (!keptSaid) {
      keptSaid = true;
      const region = settings.region === RUN_FLAGS.region.default ? '' : ` --region ${settings.region}`;
      log(`--keep-fixtures: the fixtures of run ${runId} stay on ${targetUrl}; "lambda-esm-conformance cleanup --target ${targetUrl}${region} --run-id ${runId}" deletes them.`);
    }
    return { deleted: [], failed: [] };
  };
  let loading: Promise<{ run: FixtureRun; ProvisioningFailed: typeof ProvisioningFailed }> | undefined;
  const fixtureRun = () =>
    (loading ??= import('../../src/provisioning/index.ts').then(({ FixtureRun, ProvisioningFailed }) => {
      made = new FixtureRun({
        endpoint: targetUrl,
        region: settings.region,
        credentials,
        runId,
        needs,
        ...(functions !== undefined && { functions }),
        log,
        pacer,
        ...(settings.roleArn !== null && { roleArn: settings.roleArn }),
        requestTimeoutMs: FIXTURE_REQUEST_TIMEOUTS * settings.timeoutMs,
        waitTimeoutMs: FIXTURE_WAIT_TIMEOUTS * settings.timeoutMs,
      });
      return { run: made, ProvisioningFailed };
    }));
  return {
    needs,
    load: async () => {
      const { run, ProvisioningFailed: Failed } = await fixtureRun();
      try {
        return { values: await run.provision(), missing: [], runId };
      } catch (error) {
        if (error instanceof Failed) return { problem: fixtureAdvice(error, settings) };
        throw error;
      }
    },
    // Through the run even before it provisions: a cleanup that comes first cancels the provisioning after it.
    cleanup: async (options) => (settings.keepFixtures === true ? keep() : (await fixtureRun()).run.cleanup(options)),
    remaining: () => made?.remaining() ?? [],
  };
}
