// Property cases through the whole run: they conform against the reference server, and against a
// deliberately wrong one (the reference behind a proxy that breaks one rule) they fail with the
// counterexample shrunk to the true boundary, in results.json, JUnit and the HTML report, the same
// on a second run with the same seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../reporters/html-escape.ts';
import { escapeXmlText } from '../../reporters/xml-escape.ts';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import type { CaseResult, RunReport } from '../../src/results.ts';
import { parseJsonObject } from '../../src/transport/json-answer.ts';
import { startInterceptingProxy, type Forwarded, type Interference } from '../support/intercepting-proxy.ts';
import { readReport, readResults, runInProcess, type CliRun } from './support/cli-run.ts';

const createMapping = 'POST /2015-03-31/event-source-mappings/';
const rules: Record<string, Interference> = {};
let server: ReferenceServer;
let proxy: Awaited<ReturnType<typeof startInterceptingProxy>>;

beforeAll(async () => {
  server = await startReferenceServer();
  proxy = await startInterceptingProxy(server.url, rules);
});

afterAll(async () => {
  await proxy.close();
  await server.close();
});

const json = (text: string): Record<string, unknown> => parseJsonObject(text) ?? {};

/** A server that takes what `widen` rewrites as if it were valid: the reference sees the rewritten request, the client its own value echoed. */
function accepting(field: string, widen: (body: Record<string, unknown>) => unknown): Interference {
  return {
    kind: 'mutate',
    request: (body) => {
      const sent = json(body);
      const replaced = widen(sent);
      return replaced === undefined ? body : JSON.stringify({ ...sent, [field]: replaced });
    },
    answer: (answer: Forwarded, body) => {
      if (answer.status !== 202) return answer;
      const mapping = { ...json(answer.body.toString('utf8')), [field]: json(body)[field] };
      return { ...answer, body: Buffer.from(JSON.stringify(mapping)) };
    },
  };
}

async function runAgainst(interference: Interference | null, args: readonly string[]): Promise<{ run: CliRun; report: RunReport }> {
  if (interference === null) delete rules[createMapping];
  else rules[createMapping] = interference;
  try {
    const run = await runInProcess(['--target', proxy.url, ...args]);
    return { run, report: readResults(run) };
  } finally {
    delete rules[createMapping];
  }
}

function caseOf(report: RunReport, id: string): CaseResult {
  const found = report.cases.find((result) => result.id === id);
  if (found === undefined) throw new Error(`no case ${id} in the report`);
  return found;
}

/** A server that takes function names alone of 65 to 100 characters. */
const takingLongNames: Interference = {
  kind: 'mutate',
  // Cut to 64 characters, such a name reaches the reference as a valid name of no function: 404, not 400.
  request: (body) => {
    const sent = json(body);
    const name = sent['FunctionName'];
    return typeof name === 'string' && !name.includes(':') && name.length > 64 && name.length <= 100 ? JSON.stringify({ ...sent, FunctionName: name.slice(0, 64) }) : body;
  },
};

const isSqs = (body: Record<string, unknown>) => String(body['EventSourceArn']).startsWith('arn:aws:sqs:');

describe('property cases in a run', () => {
  it('conform against the reference server, with the seed in every report', async () => {
    const { run, report } = await runAgainst(null, ['--grep', '/property/', '--seed', '4242', '--property-runs', '4']);
    expect(run.code, run.stderr).toBe(0);
    expect(report.cases).toHaveLength(16);
    expect(report.cases.every((result) => result.outcome === 'pass')).toBe(true);
    expect(report.scope.seed).toBe(4242);
    expect(run.stderr).toContain('seed 4242 (from --seed): --seed 4242 draws the same values again (16 property cases draw 4 values each)');
    expect(readReport(run, 'junit.xml')).toContain('<property name="seed" value="4242"/>');
    expect(readReport(run, 'report.html')).toContain('<dt>seed</dt><dd>4242 (<code>--seed 4242</code> draws the same values again)</dd>');
  }, 30_000);

  it('choose a random seed when given none, and leave property cases out with --property-runs 0', async () => {
    const { report } = await runAgainst(null, ['--grep', '^BatchSize/sqs/(1|property/invalid)$', '--property-runs', '2']);
    expect(report.scope.seed).toEqual(expect.any(Number));
    expect(report.cases.map((result) => result.id)).toEqual(['BatchSize/sqs/1', 'BatchSize/sqs/property/invalid']);
    const { report: without } = await runAgainst(null, ['--grep', '^BatchSize/sqs/(1|property/invalid)$', '--property-runs', '0']);
    expect(without.cases.map((result) => result.id)).toEqual(['BatchSize/sqs/1']);
  }, 30_000);

  it('shrink a queue that takes batches up to 100 to BatchSize 11, the same with the same seed', async () => {
    const wrong = accepting('BatchSize', (body) => (isSqs(body) && typeof body['BatchSize'] === 'number' && body['BatchSize'] > 10 && body['BatchSize'] <= 100 ? 10 : undefined));
    const args = ['--grep', '^BatchSize/sqs/property/invalid$', '--seed', '7', '--property-runs', '20'];
    const { run, report } = await runAgainst(wrong, args);
    expect(run.code).toBe(1);
    const failed = caseOf(report, 'BatchSize/sqs/property/invalid');
    expect(failed.outcome).toBe('fail');
    expect(failed.counterexample).toMatchObject({ field: 'BatchSize', value: 11, seed: 7, response: { status: 202 }, shrinkLimit: null });
    expect(JSON.parse(failed.counterexample?.request?.body ?? '{}')).toMatchObject({ BatchSize: 11 });
    expect(failed.counterexample?.runsUntilFailure).toBeGreaterThan(0);
    expect(failed.counterexample?.shrinkSteps).toBeGreaterThan(0);
    expect(failed.reasons[0]?.message).toMatch(/^BatchSize 11 \(shrunk from the value drawn in run \d+ in \d+ steps; --seed 7 draws it again\): expected 400 InvalidParameterValueException, got 202/);
    expect(readReport(run, 'junit.xml')).toMatch(/<failure message="[^"]*BatchSize 11 \(shrunk[^"]*--seed 7[^"]*"[^>]*>[^<]*Counterexample: BatchSize 11 breaks the rule: the value drawn in run \d+, shrunk in \d+ steps to the simplest that still fails/);
    expect(readReport(run, 'report.html')).toMatch(/<p class="counterexample"><strong>Counterexample<\/strong> BatchSize 11 breaks the rule: the value drawn/);

    const again = caseOf((await runAgainst(wrong, args)).report, 'BatchSize/sqs/property/invalid');
    expect(again.counterexample).toMatchObject({ value: 11, runsUntilFailure: failed.counterexample?.runsUntilFailure, shrinkSteps: failed.counterexample?.shrinkSteps, path: failed.counterexample?.path, propertySeed: failed.counterexample?.propertySeed });
  }, 60_000);

  it('stop shrinking at --max-shrink-requests, and say so in every report and on the console', async () => {
    const { report: unbounded } = await runAgainst(takingLongNames, ['--grep', '^FunctionName/property/invalid$', '--seed', '3', '--property-runs', '30']);
    expect(caseOf(unbounded, 'FunctionName/property/invalid').counterexample?.shrinkRequests).toBeGreaterThan(3);

    const { run, report } = await runAgainst(takingLongNames, ['--grep', '^FunctionName/property/invalid$', '--seed', '3', '--property-runs', '30', '--max-shrink-requests', '3']);
    expect(run.code).toBe(1);
    const found = caseOf(report, 'FunctionName/property/invalid').counterexample;
    expect(found).toMatchObject({ shrinkRequests: 3, shrinkLimit: 3 });
    expect(run.stdout).toContain('stopped at --max-shrink-requests 3; --seed 3 draws it again');
    const stated = `breaks the rule: the value drawn in run ${found?.runsUntilFailure}, shrunk in ${found?.shrinkSteps} steps, then stopped at --max-shrink-requests 3 (a simpler value may fail too)`;
    expect(readReport(run, 'junit.xml')).toContain(`${escapeXmlText(`Counterexample: FunctionName ${JSON.stringify(found?.value)} ${stated}`)}`);
    expect(readReport(run, 'report.html')).toContain(`<strong>Counterexample</strong> ${escapeHtml(`FunctionName ${JSON.stringify(found?.value)} ${stated}`)}`);
  }, 60_000);

  it('shrink a window accepted below 0 to -1, the boundary on that side', async () => {
    const wrong = accepting('MaximumBatchingWindowInSeconds', (body) => {
      const window = body['MaximumBatchingWindowInSeconds'];
      return typeof window === 'number' && window < 0 ? 0 : undefined;
    });
    const { report } = await runAgainst(wrong, ['--grep', '^MaximumBatchingWindowInSeconds/kinesis/property/invalid$', '--seed', '11', '--property-runs', '20']);
    expect(caseOf(report, 'MaximumBatchingWindowInSeconds/kinesis/property/invalid').counterexample).toMatchObject({ value: -1 });
  }, 60_000);

  it('shrink function names alone taken up to 100 characters to a name of 65', async () => {
    const { report } = await runAgainst(takingLongNames, ['--grep', '^FunctionName/property/invalid$', '--seed', '3', '--property-runs', '30']);
    const found = caseOf(report, 'FunctionName/property/invalid').counterexample;
    expect(found?.response?.status).toBe(404);
    expect(String(found?.value)).toMatch(/^[a-zA-Z0-9_-]{65}$/);
  }, 60_000);

  it('refuse bad --seed and --property-runs values before anything is made', async () => {
    for (const [flag, value, message] of [
      ['--seed', '-1', '--seed must be a whole number from 0 to 4294967295, not "-1".'],
      ['--seed', '1.5', '--seed must be a whole number from 0 to 4294967295, not "1.5".'],
      ['--property-runs', 'ten', '--property-runs must be a whole number from 0 to 10000 (0 leaves property cases out), not "ten".'],
      ['--property-runs', '', '--property-runs must be a whole number from 0 to 10000 (0 leaves property cases out), not "".'],
    ] as const) {
      const run = await runInProcess([`${flag}=${value}`]);
      expect(run.code, `${flag} ${value}`).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });
});
