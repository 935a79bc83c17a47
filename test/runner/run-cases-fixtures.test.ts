// The current edition's cases that need fixtures of their own, run at the runCases seam against the
// in-process reference server: a published version and an alias of each function, and a queue whose
// visibility timeout is below the function's timeout, made only for those cases and gone after cleanup;
// named in a static fixtures file instead, looked up on the target before any case.
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { selectCases } from '../../src/cases/select.ts';
import { FixtureRun } from '../../src/provisioning/index.ts';
import { absentStaticFixtures } from '../../src/provisioning/static-fixtures-on-target.ts';
import { runCases } from '../../src/runner/run-cases.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { countingOnlyPacer, createTransport } from '../../src/transport/index.ts';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { credentials, observe, REGION, type Observer } from '../support/reference-observer.ts';

const spec = loadEdition('current');
const cases = selectCases(generateCases(spec), '^(FunctionName/sqs/(version|alias|absent)|EventSourceArn/sqs/visibility-)');
let server: ReferenceServer;
let observer: Observer;

beforeAll(async () => {
  server = await startReferenceServer({ port: 0, edition: 'current' });
  observer = observe(server.url);
});
afterAll(async () => {
  observer.destroy();
  await server.close();
});

describe('the fixtures of qualified names and of the visibility-timeout rule', () => {
  it('are made for the cases that name them, let those cases conform, and are gone after cleanup', async () => {
    const needs = [...new Set(cases.flatMap((testCase) => testCase.fixtures))];
    expect(needs.sort()).toEqual(['function', 'sqs', 'sqsShortVisibility', 'versionAndAlias']);
    const run = new FixtureRun({ endpoint: server.url, region: REGION, credentials, runId: 'qual1', needs, functions: 2, pollIntervalMs: 10 });
    const transport = createTransport({ url: server.url, region: REGION, credentials, timeoutMs: 5000, concurrency: 4 });
    try {
      const fixtures = await run.provision();
      expect(fixtures).toMatchObject({ functionVersion: '1', functionAlias: 'lesm-alias', otherFunctions: [{ name: 'lesm-qual1-fn2', version: '1', alias: 'lesm-alias' }] });
      expect(fixtures.sourceArns.sqsShortVisibility).toMatch(/:lesm-qual1-short-queue$/);

      const results = await runCases({ edition: 'current', spec, cases, fixtures, missingFixtures: [], ownsFixtures: true, maxShrinkRequests: 0 }, { transport, concurrency: 4 });
      expect(results.map((result) => `${result.id} ${result.outcome}`).sort()).toEqual(
        ['EventSourceArn/sqs/visibility-below-function-timeout', ...['version', 'alias', 'version-arn', 'alias-arn', 'absent-version', 'absent-alias'].map((variant) => `FunctionName/sqs/${variant}`)]
          .map((id) => `${id} pass`)
          .sort(),
      );
    } finally {
      await transport.close();
      const report = await run.cleanup();
      expect(report.failed).toEqual([]);
      expect(report.deleted).toContain('SQS queue lesm-qual1-short-queue');
    }
    expect(await observer.queueExists('lesm-qual1-short-queue')).toBe(false);
    for (const Qualifier of ['1', 'lesm-alias']) {
      await expect(observer.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'lesm-qual1-fn', Qualifier }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    }
  });

  it('named in a static fixtures file, are looked up on the target before any case, the version and the alias each', async () => {
    const run = new FixtureRun({ endpoint: server.url, region: REGION, credentials, runId: 'qual2', needs: ['function', 'versionAndAlias'], pollIntervalMs: 10 });
    try {
      const values = await run.provision();
      const lookup = { endpoint: server.url, credentials, requestTimeoutMs: 5000, secrets: () => [], pacer: countingOnlyPacer() };
      expect(await absentStaticFixtures(values, lookup)).toEqual([]);
      const absent = await absentStaticFixtures({ ...values, functionAlias: 'gone' }, lookup);
      expect(absent.map(({ arn, call, notFound }) => ({ arn, call, notFound }))).toEqual([{ arn: `${values.functionArn}:gone`, call: 'lambda:GetFunctionConfiguration', notFound: true }]);
    } finally {
      expect((await run.cleanup()).failed).toEqual([]);
    }
  });
});
