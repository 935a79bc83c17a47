// The conformance cases inside a vitest run of your own (see "Inside your own vitest run" in the
// README): one test per case, a thin layer over runCases. The target and the run's settings come
// from the environment, as the CLI's flags would give them; the fixtures are made before the cases
// and deleted after them (or read from LESM_FIXTURES). The CLI does not go through this file.
import { afterAll, beforeAll, describe, test } from 'vitest';
import { runFunctions } from '../cli/commands/run-fixtures.ts';
import { randomSeed, runSettings } from '../cli/commands/run-settings.ts';
import { processIo } from '../cli/io.ts';
import { executionRoleProblem } from '../cli/preflight/execution-role.ts';
import { openTargetSession } from '../cli/target-session.ts';
import { editionCases } from '../src/cases/edition-cases.ts';
import { repeatCases, selectCases } from '../src/cases/select.ts';
import type { CaseResult } from '../src/results.ts';
import { runCases } from '../src/runner/run-cases.ts';
import { loadEdition } from '../src/spec/load.ts';
import { createTransport, type Transport } from '../src/transport/index.ts';

const env = process.env;
const settings = runSettings(
  {
    target: env['LESM_TARGET'],
    edition: env['LESM_EDITION'],
    fixtures: env['LESM_FIXTURES'],
    grep: env['LESM_GREP'],
    concurrency: env['LESM_CONCURRENCY'],
    seed: env['LESM_SEED'],
    'property-runs': env['LESM_PROPERTY_RUNS'],
  },
  env,
);
const spec = loadEdition(settings.edition);
const seed = settings.seed ?? randomSeed();
const cases = repeatCases(selectCases(editionCases(spec, { runs: settings.propertyRuns, seed }), settings.grep ?? undefined), settings.repeat);
const session = await openTargetSession(settings, processIo, {
  needs: [...new Set(cases.flatMap((testCase) => testCase.fixtures))],
  functions: runFunctions(settings.concurrency),
});
const results = new Map<string, CaseResult>();
let transport: Transport | undefined;

// No hook timeout: the transport bounds every request, and the whole run is this one hook.
beforeAll(async () => {
  const loaded = await session.fixtures.load();
  if ('problem' in loaded) throw new Error(`Nothing can be judged: ${loaded.problem}`);
  const { targetUrl, credentials } = session;
  // As before a run's first case: the cases are sent once Lambda can use the execution role.
  const unusable = await executionRoleProblem({ targetUrl, credentials, settings, values: loaded.values, needs: session.fixtures.needs, log: session.say, pacer: session.pacer });
  if (unusable !== null) throw new Error(`Nothing can be judged: ${unusable}`);
  const { concurrency, timeoutMs } = settings;
  transport = createTransport({ url: targetUrl, region: settings.region, credentials, concurrency, timeoutMs, pacer: session.pacer });
  const plan = { edition: spec.edition, spec, cases, fixtures: loaded.values, missingFixtures: loaded.missing, ownsFixtures: settings.fixtures === 'auto', maxShrinkRequests: settings.maxShrinkRequests };
  for (const result of await runCases(plan, { transport, concurrency })) results.set(result.id, result);
}, 0);

afterAll(async () => {
  await transport?.close();
  await session.fixtures.cleanup();
  await session.reference?.close();
}, 0);

describe(`CreateEventSourceMapping, ${spec.edition} edition, against ${session.targetUrl} (seed ${seed})`, () => {
  for (const testCase of cases) {
    test(testCase.id, ({ skip }) => {
      const result = results.get(testCase.id);
      if (result === undefined) throw new Error(`${testCase.id} was not run: the run ended before it (see the error of the hook above)`);
      if (result.outcome === 'skip') skip(result.reasons[0]?.message);
      if (result.outcome !== 'pass') throw new Error(explain(result));
    });
  }
});

function explain(result: CaseResult): string {
  const heading = result.outcome === 'error' ? 'could not be judged' : 'does not conform';
  return [`${result.title} ${heading}:`, ...result.reasons.map((reason) => `  [${reason.check}] ${reason.clause}: ${reason.message}`)].join('\n');
}
