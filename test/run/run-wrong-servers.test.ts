import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/cases/case.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { loadEdition } from '../../src/spec/load.ts';
import type { RunReport } from '../../src/results.ts';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { startInterceptingProxy, write, type Forwarded, type Interference } from '../support/intercepting-proxy.ts';
import { idsWith, readResults, runInProcess } from './support/cli-run.ts';
import { remainingMappings } from './support/reference-state.ts';

// Each wrong server is the reference server behind a proxy that breaks one documented rule. The
// cases that must catch it are derived from the case data and a clean baseline run, never listed
// by hand, and the run must flag exactly those. Property cases are left out (--property-runs 0):
// what they draw depends on the seed; run-properties.test.ts puts them before wrong servers.
const createMapping = 'POST /2015-03-31/event-source-mappings/';
const cases = new Map(generateCases(loadEdition('seed')).map((testCase) => [testCase.id, testCase]));
const mutations: Record<string, Interference> = {};

let server: ReferenceServer;
let proxy: Awaited<ReturnType<typeof startInterceptingProxy>>;
let baseline: RunReport;

beforeAll(async () => {
  server = await startReferenceServer();
  proxy = await startInterceptingProxy(server.url, mutations);
  const run = await runInProcess(['--target', proxy.url, '--property-runs', '0']);
  expect(run.code, run.stderr).toBe(0);
  baseline = readResults(run);
}, 60_000);

afterAll(async () => {
  await proxy.close();
  await server.close();
});

async function failuresWith(mutation: Interference): Promise<{ failing: string[]; report: RunReport }> {
  mutations[createMapping] = mutation;
  try {
    const run = await runInProcess(['--target', proxy.url, '--property-runs', '0']);
    expect(run.code, run.stderr).toBe(1);
    const report = readResults(run);
    expect(idsWith(report, 'error')).toEqual([]);
    return { failing: idsWith(report, 'fail'), report };
  } finally {
    delete mutations[createMapping];
  }
}

function json(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function withBody(answer: Forwarded, change: (body: Record<string, unknown>) => Record<string, unknown>): Forwarded {
  return { ...answer, body: Buffer.from(JSON.stringify(change(json(answer.body.toString('utf8'))))) };
}

/** Cases the reference server answered with a success, having a check of the given kind and clause. */
function succeededWithCheck(kind: string, clause?: string): string[] {
  return baseline.cases
    .filter((result) => result.response?.status === 202)
    .filter((result) => (cases.get(result.id) as Case).expected.checks.some((check) => check.kind === kind && (clause === undefined || check.clause === clause)))
    .map((result) => result.id)
    .sort();
}

describe('wrong servers are caught by the right cases, and only by them', () => {
  it('a queue that takes batches above 10', async () => {
    const { failing } = await failuresWith({
      kind: 'mutate',
      // Sends the reference a legal size, then claims the requested one was accepted.
      request: (body) => {
        const sent = json(body);
        const tooBig = String(sent['EventSourceArn']).startsWith('arn:aws:sqs:') && typeof sent['BatchSize'] === 'number' && sent['BatchSize'] > 10 && sent['BatchSize'] <= 1000;
        return tooBig ? JSON.stringify({ ...sent, BatchSize: 10 }) : body;
      },
      answer: (answer, body) => (answer.status === 202 ? withBody(answer, (mapping) => ({ ...mapping, BatchSize: json(body)['BatchSize'] ?? mapping['BatchSize'] })) : answer),
    });
    expect(failing).toEqual(['BatchSize/sqs/1000', 'BatchSize/sqs/11']);
  }, 60_000);

  it('a DynamoDB stream whose default batch is 10', async () => {
    const { failing } = await failuresWith({
      kind: 'mutate',
      answer: (answer, body) =>
        answer.status === 202 && String(json(body)['EventSourceArn']).startsWith('arn:aws:dynamodb:') && !('BatchSize' in json(body))
          ? withBody(answer, (mapping) => ({ ...mapping, BatchSize: 10 }))
          : answer,
    });
    expect(failing).toEqual(succeededWithCheck('default_value_conformance', 'BatchSize.dynamodb'));
    expect(failing.length).toBeGreaterThan(3);
  }, 60_000);

  it('ValidationException instead of InvalidParameterValueException for a BatchSize out of range', async () => {
    const { failing } = await failuresWith({
      kind: 'mutate',
      answer: (answer, body) => {
        const size = json(body)['BatchSize'];
        const outOfRange = typeof size === 'number' && (size < 1 || size > 10000);
        return outOfRange ? { ...answer, headers: { ...answer.headers, 'x-amzn-errortype': 'ValidationException' } } : answer;
      },
    });
    expect(failing).toEqual(['BatchSize/dynamodb/0', 'BatchSize/dynamodb/10001', 'BatchSize/kinesis/0', 'BatchSize/kinesis/10001', 'BatchSize/sqs/0', 'BatchSize/sqs/10001']);
  }, 60_000);

  it('a duplicate mapping refused as an invalid parameter instead of a conflict', async () => {
    const { failing } = await failuresWith({
      kind: 'mutate',
      answer: (answer) => (answer.status === 409 ? { ...answer, status: 400, headers: { ...answer.headers, 'x-amzn-errortype': 'InvalidParameterValueException' } } : answer),
    });
    expect(failing).toEqual(['Duplicate/dynamodb', 'Duplicate/kinesis', 'Duplicate/sqs']);
  }, 60_000);

  it('a FunctionArn in another region', async () => {
    const { failing, report } = await failuresWith({
      kind: 'mutate',
      answer: (answer) =>
        answer.status === 202 ? withBody(answer, (mapping) => ({ ...mapping, FunctionArn: String(mapping['FunctionArn']).replace(':us-east-1:', ':eu-west-3:') })) : answer,
    });
    expect(failing).toEqual(succeededWithCheck('function_arn_conformance'));
    for (const result of report.cases.filter((entry) => entry.outcome === 'fail')) {
      expect(result.reasons.map((reason) => reason.check)).toEqual(['function_arn_conformance']);
    }
  }, 60_000);

  it('success answers declared as text/html, as moto sends them', async () => {
    const { failing, report } = await failuresWith({
      kind: 'mutate',
      answer: (answer) => ({ ...answer, headers: { ...answer.headers, 'content-type': 'text/html; charset=utf-8' } }),
    });
    // Every answer says text/html, but only the successes are judged on it: errors keep their restJson1 reading.
    expect(failing).toEqual(succeededWithCheck('content_type_conformance'));
    expect(failing.length).toBeGreaterThan(30);
    for (const result of report.cases.filter((entry) => entry.outcome === 'fail')) {
      expect(result.reasons).toEqual([
        { check: 'content_type_conformance', clause: 'Response.content-type', message: 'a success answer must say Content-Type: application/json, got "text/html; charset=utf-8"' },
      ]);
    }
  }, 60_000);

  it('a mapping without a UUID: every success fails its schema, and nothing is left behind', async () => {
    const { failing, report } = await failuresWith({
      kind: 'mutate',
      answer: (answer) => (answer.status === 202 ? withBody(answer, ({ UUID: _uuid, ...mapping }) => mapping) : answer),
    });
    expect(failing).toEqual(succeededWithCheck('response_schema_conformance'));
    const reasons = report.cases.find((result) => result.id === 'BatchSize/sqs/1')?.reasons;
    expect(reasons).toEqual([{ check: 'response_schema_conformance', clause: 'Response.UUID', message: '/UUID: is missing' }]);
    expect(await remainingMappings(server.url)).toEqual([]);
  }, 60_000);
});

describe('a server that cannot delete mappings', () => {
  const deleteMapping = 'DELETE /2015-03-31/event-source-mappings';

  it('turns the case that left a mapping behind into an error that says so', async () => {
    // The check before the first case deletes the mapping it made; every deletion after it fails.
    let deletions = 0;
    mutations[deleteMapping] = {
      kind: 'take-over',
      answer: async (exchange) => {
        if ((deletions += 1) === 1) {
          const forwarded = await exchange.forward();
          write(exchange.response, forwarded.status, forwarded.headers, forwarded.body);
        } else write(exchange.response, 500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' }, '{"message":"deletion is broken"}');
      },
    };
    try {
      const run = await runInProcess(['--target', proxy.url, '--grep', '^BatchSize/sqs/(1|omitted)$', '--concurrency', '1']);
      expect(run.code).toBe(1);
      const [first, second] = readResults(run).cases;
      expect(first).toMatchObject({ id: 'BatchSize/sqs/1', outcome: 'error' });
      expect(first?.reasons).toEqual([{ check: 'mapping_cleanup', clause: 'BatchSize.range', message: expect.stringMatching(/^could not delete mapping [0-9a-f-]+: answer 500$/) }]);
      // The mapping left behind makes the next case on the same source meet a conflict.
      expect(second?.response?.status).toBe(409);
    } finally {
      delete mutations[deleteMapping];
    }
  }, 60_000);

  it('judges nothing when the mapping the check of the execution role made cannot be deleted: every case would meet it', async () => {
    mutations[deleteMapping] = { kind: 'error', message: 'deletion is broken' };
    try {
      const run = await runInProcess(['--target', proxy.url, '--grep', '^BatchSize/sqs/(1|omitted)$', '--concurrency', '1']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^Nothing was judged: the mapping of lesm-\w+-fn to the SQS queue arn:aws:sqs:\S+ that the check of the execution role made could not be deleted \(could not delete mapping [0-9a-f-]+: answer 500\), and every case on that source would meet it: delete it, then run again\.$/m,
      );
    } finally {
      delete mutations[deleteMapping];
    }
  }, 60_000);
});
