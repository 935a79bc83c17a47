// The suite file as a user runs it inside vitest, in a child process: the target from the
// environment, one test per case, the fixtures made before the cases and deleted after them.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startReferenceServer } from '../../reference/server.ts';
import { editionCases } from '../../src/cases/edition-cases.ts';
import { selectCases } from '../../src/cases/select.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { remainingFixtures, remainingMappings, runIdIn } from '../run/support/reference-state.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const grep = '^(BatchSize|Enabled)/sqs/';

interface VitestJson {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly testResults: ReadonlyArray<{ readonly assertionResults: ReadonlyArray<{ readonly title: string; readonly status: string }> }>;
}

/** This process's environment without what would make the child think it is a worker of this vitest, or aim it elsewhere. */
function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && !name.startsWith('AWS_') && !name.startsWith('LESM_'));
  return { ...Object.fromEntries(kept), ...extra };
}

describe('the vitest adapter (suites/create-event-source-mapping.suite.ts)', () => {
  // One child vitest (its start-up is most of the test's time), against AWS timing with IAM slower
  // than the fixtures: the cases must start only once Lambda can use the execution role, as a run's do.
  // The policy counts 1.5 s after it is put: the check first tries about 0.3 s after it here (6 × that
  // on a loaded machine still meets a refusal), and its pauses (0.25, 0.5, 1 s) end the wait about
  // 2 s after it, where 2.5 s kept it waiting 4 s.
  it('runs every selected case as a test against the target of the environment, once Lambda can use the execution role, and deletes what it made', async () => {
    const server = await startReferenceServer({ awsTiming: { creatingMs: 50, deletingMs: 50, roleAssumableAfterMs: 100, policyPropagationMs: 1_500, functionPendingMs: 50, controlPlaneRps: 1000 } });
    try {
      const output = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-adapter-')), 'vitest.json');
      const args = [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'suites/vitest.config.ts', '--reporter', 'json', '--outputFile', output];
      const env = childEnvironment({ AWS_ENDPOINT_URL: server.url, LESM_GREP: grep, LESM_PROPERTY_RUNS: '0' });
      const { stderr } = await promisify(execFile)(process.execPath, args, { cwd: root, env });
      const json = JSON.parse(readFileSync(output, 'utf8')) as VitestJson;
      const expected = selectCases(editionCases(loadEdition('seed'), { runs: 0, seed: 0 }), grep).map((testCase) => testCase.id);
      expect(expected.length).toBeGreaterThan(5);
      expect(json.testResults.flatMap((file) => file.assertionResults.map((test) => [test.title, test.status]))).toEqual(expected.map((id) => [id, 'passed']));
      // It waited for IAM, as a run does, rather than failing the cases the role was not yet good for.
      expect(stderr).toMatch(/Lambda cannot use the new execution role on the SQS queue yet .*: trying again shortly/);
      expect(await remainingMappings(server.url)).toEqual([]);
      expect(await remainingFixtures(server.url, runIdIn(stderr))).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
