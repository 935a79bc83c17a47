import type { Fixture } from '../src/cases/case.ts';
import type { FixtureValues } from '../src/cases/placeholders.ts';

/** What `run` hands to the suite in the vitest worker: plain data, no secrets. */
export interface SuiteConfig {
  readonly targetUrl: string;
  readonly region: string;
  readonly profile: string | null;
  readonly edition: string;
  readonly grep: string | null;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly fixtures: FixtureValues | null;
  readonly missingFixtures: readonly Fixture[];
  /** True when the run created the fixtures itself (not read from a file). */
  readonly ownsFixtures: boolean;
}

declare module 'vitest' {
  interface ProvidedContext {
    conformance: SuiteConfig;
  }
}
