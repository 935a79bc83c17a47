// One test per generated case. `lambda-esm-conformance run` starts vitest on this file with the
// target, edition and fixtures in `conformance`; the verdict travels to the reporters in task.meta.
import { afterAll, describe, inject, test } from 'vitest';
import '../reporters/task-meta.ts';
import { generateCases } from '../src/cases/generate.ts';
import { selectCases } from '../src/cases/select.ts';
import type { CaseResult } from '../src/results.ts';
import { loadEdition } from '../src/spec/load.ts';
import { createTransport, resolveCredentials } from '../src/transport/index.ts';
import { CaseRunner } from '../src/runner/case-runner.ts';
import './suite-config.ts';

const config = inject('conformance');
const cases = selectCases(generateCases(loadEdition(config.edition)), config.grep ?? undefined);
const target = createTransport({
  url: config.targetUrl,
  region: config.region,
  credentials: resolveCredentials({ targetUrl: config.targetUrl, ...(config.profile !== null && { profile: config.profile }) }),
  concurrency: config.concurrency,
  timeoutMs: config.timeoutMs,
});
const runner = new CaseRunner({ target, fixtures: config.fixtures, missing: config.missingFixtures, ownsFixtures: config.ownsFixtures });

afterAll(() => target.close());

describe.concurrent(`CreateEventSourceMapping, ${config.edition} edition`, () => {
  for (const testCase of cases) {
    test(testCase.id, async ({ task, skip }) => {
      const result = await runner.run(testCase);
      task.meta.result = result;
      if (result.outcome === 'skip') skip(result.reasons[0]?.message);
      if (result.outcome !== 'pass') throw new Error(explain(result));
    });
  }
});

function explain(result: CaseResult): string {
  const heading = result.outcome === 'error' ? 'could not be judged' : 'does not conform';
  return [`${result.title} ${heading}:`, ...result.reasons.map((reason) => `  [${reason.check}] ${reason.clause}: ${reason.message}`)].join('\n');
}
