// moto's server, the first real emulator a user points the suite at, one server for the file (its
// start and the probe for it cost seconds each): runs through the real CLI with auto fixtures, the
// gate on examples/moto.expectations.yaml, and the cleanup of a run killed with SIGKILL, in that
// order (the cleanup leaves a look-alike behind). The spec follows the documentation, never moto.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateEventSourceMappingCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { breakable } from '../../reporters/html/breakable.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { plantQueue, runKilledMidway } from '../cli/support/leftovers.ts';
import { describeWithMoto } from './support/moto-describe.ts';
import { commandInProcess, idsWith, readReport, readResults, runCli, runInProcess, seedCaseCount } from './support/cli-run.ts';

const nothing = { functions: [], roles: [], queues: [], streams: [], tables: [], mappings: [] };
const EXPECTATIONS = new URL('../../examples/moto.expectations.yaml', import.meta.url).pathname;

describeWithMoto('moto (python3 -m moto.server)', (moto) => {
  // moto deviates from the documentation, so the run exits 1; what is asserted is that every case is
  // judged, the reports agree, facts that do not hang on moto's version are reported, and nothing the
  // run made is left on moto.
  describe('run against moto, auto fixtures', () => {
    it('judges every case, exits 1, writes four reports that agree, and leaves nothing on moto', async () => {
      const run = await runCli(['--target', moto().url], { limitMs: 90_000 });
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.code, run.stderr).toBe(1);
      const report = readResults(run);
      const total = seedCaseCount();
      expect(report).toMatchObject({ target: moto().url, complete: true, interruption: null });
      expect(report.summary.total).toBe(total);
      expect(idsWith(report, 'error'), 'no case may be left "could not be judged"').toEqual([]);
      expect(idsWith(report, 'skip')).toEqual([]);
      expect(report.summary.pass + report.summary.fail).toBe(total);
      expect(run.stdout).toContain(`${report.summary.pass} of ${total} cases pass, ${report.summary.fail} fail, 0 could not be judged, 0 skipped`);
      expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`DOES NOT CONFORM: ${report.summary.fail} cases failed, out of ${total} cases.`);

      // The reports agree.
      const junit = readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8');
      expect(junit).toMatch(new RegExp(`<testsuites [^>]*tests="${total}"[^>]*failures="${report.summary.fail}"[^>]*errors="0"`));
      const html = readFileSync(path.join(run.reportDir, 'report.html'), 'utf8');
      expect(html).toContain('DOES NOT CONFORM');
      for (const result of report.cases) expect(html).toContain(`<code class="case-id">${breakable(result.id)}</code>`);

      // moto answers a successful create with 201, not the documented 202: every case whose only
      // conforming answer is a success, and that moto created, says so under status_code_conformance.
      const successOnly = generateCases(loadEdition('seed')).filter((testCase) => testCase.expected.status === 202 && testCase.expected.alsoAccepted.length === 0);
      const created = successOnly.filter((testCase) => report.cases.find((entry) => entry.id === testCase.id)?.response?.status === 201);
      expect(created.length).toBeGreaterThan(successOnly.length / 2);
      for (const testCase of created) {
        const result = report.cases.find((entry) => entry.id === testCase.id);
        expect(result?.outcome, testCase.id).toBe('fail');
        expect(result?.reasons, testCase.id).toContainEqual({ check: 'status_code_conformance', clause: testCase.clause, message: 'expected 202, got 201' });
      }
      // …and its failures read as a short list of causes, that one first.
      expect(report.findings.length).toBeLessThanOrEqual(12);
      expect(report.findings[0]?.id).toBe('status-201-for-202');
      expect(report.findings[0]?.caseIds).toEqual(expect.arrayContaining(created.map((testCase) => testCase.id)));
      expect(report.certification.level).toBe(0);

      expect(await moto().everything()).toEqual(nothing);
    }, 100_000);

    it('stopped by SIGINT halfway, still deletes everything it made on moto', async () => {
      const grep = '^(BatchSize|MaximumBatchingWindowInSeconds)/';
      const count = seedCaseCount(grep);
      let sent = false;
      const run = await runCli(['--target', moto().url, '--grep', grep, '--concurrency', '1'], {
        limitMs: 60_000,
        watch: (stdout, kill) => {
          if (!sent && new RegExp(`\\[ *${Math.floor(count / 2)}/${count}\\]`).test(stdout)) {
            sent = true;
            kill('SIGINT');
          }
        },
      });
      expect(sent).toBe(true);
      expect(run.code, run.stderr).toBe(130);
      const report = readResults(run);
      expect(report.complete).toBe(false);
      expect(idsWith(report, 'skip').length).toBeGreaterThan(0);
      expect(await moto().everything()).toEqual(nothing);
    }, 70_000);
  });

  // The gate on a real emulator: moto 5.2.1 deviates from the documentation in 110 example and 16
  // property cases, each listed with its cause in examples/moto.expectations.yaml (made with
  // --update-expectations, over several seeds). Gated on that file with no --seed, a run against moto
  // draws from the seed the file records and exits 0, every time: moto is not tuned, its deviations
  // are known, and the verdict does not change while moto does not.
  describe('moto gated on examples/moto.expectations.yaml', () => {
    // The second whole run on this moto (the first is above, without the gate): what a run did to moto
    // before does not change the verdict. Two gated runs in a row cost a whole run of moto more.
    it('passes the gate with no --seed, on a moto that has served runs before: every deviation is listed, none unexpected, no stale entry', async () => {
      const run = await runCli(['--target', moto().url, '--expectations', EXPECTATIONS], { limitMs: 90_000 });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(`seed 1 (from ${EXPECTATIONS})`);
      const report = readResults(run);
      expect(report.complete).toBe(true);
      expect(report.scope.seed).toBe(1);
      expect(report.gate).toMatchObject({ unexpectedPass: 0, regression: 0, stale: [] });
      expect(report.gate?.expected).toBe(report.summary.fail + report.summary.error);
      expect(report.gate?.expected).toBeGreaterThan(0);
      expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^KNOWN DEVIATIONS ONLY: /);
      expect(run.stdout).toContain(`${report.summary.pass} of ${report.summary.total} cases pass`);
      // Each case's line says how the gate reads it: no bare FAIL, and nothing the gate fails on.
      expect(run.stdout).toMatch(/\] expected deviation /);
      expect(run.stdout).not.toMatch(/\] (FAIL|REGRESSION|unexpected pass) /);
      expect(run.stdout).not.toContain('The gate ');
      expect(readReport(run, 'junit.xml')).toMatch(/<testsuites [^>]*failures="0" errors="0"/);
    }, 100_000);

    it('names each regression a stale file lets through before the verdict, what the file said and what came', async () => {
      const stale = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-moto-gate-')), 'stale.yaml');
      const listed = '  - case: BatchSize/dynamodb/0\n    outcome: fail\n    form: { status: 201, errorType: null }';
      const text = readFileSync(EXPECTATIONS, 'utf8');
      expect(text).toContain(listed);
      // BatchSize/dynamodb/0 listed with another answer, BatchSize/dynamodb/1 not listed at all.
      writeFileSync(stale, text.replace(listed, listed.replace('201', '400')).replace(/ {2}- case: BatchSize\/dynamodb\/1\n( {4}.*\n)+/, ''));
      const run = await runInProcess(['--target', moto().url, '--expectations', stale, '--grep', '^BatchSize/dynamodb/']);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout.trimEnd().split('\n').slice(-4)).toEqual([
        `The gate ${stale} fails on 2 regressions:`,
        '  REGRESSION BatchSize/dynamodb/0: listed as answered 400 (no error type), answered 201 (no error type)',
        '  REGRESSION BatchSize/dynamodb/1: not in the expectations file; answered 201 (no error type)',
        expect.stringMatching(/^DOES NOT CONFORM \(partial: /),
      ]);
    }, 70_000);

    it('refuses the file made for another edition with exit 2, before anything is made on moto', async () => {
      const other = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-moto-gate-')), 'current.yaml');
      writeFileSync(other, readFileSync(EXPECTATIONS, 'utf8').replace(/^edition: seed$/m, 'edition: current'));
      const before = await moto().everything();
      const run = await runInProcess(['--target', moto().url, '--expectations', other]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${other} was made for the current edition and this run judges the seed edition`);
      expect(await moto().everything()).toEqual(before);
    }, 70_000);
  });

  // The sweep of test/cli/cleanup.test.ts against moto. moto drops CreateStream's Tags but keeps
  // AddTagsToStream's, which the run sends as well: everything of the killed run goes, and only the
  // look-alike stays.
  describe('cleanup on moto after a run killed with SIGKILL', () => {
    it("deletes the run's mappings, functions, queue, table and role, stream, table and role, and leaves a look-alike", async () => {
      const { url } = moto();
      const { runId } = await runKilledMidway(url);
      const ofRun = (names: readonly string[]): string[] => names.filter((name) => name.includes(`lesm-${runId}-`)).sort();
      const before = await moto().everything();
      expect(ofRun(before['functions'] ?? [])).toEqual([`lesm-${runId}-fn`, `lesm-${runId}-fn2`]);
      // A case's mapping in flight, named by the function's name as cases name it (moto lists it only under that spelling).
      const config = { endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
      const sqs = new SQSClient(config);
      const lambda = new LambdaClient(config);
      try {
        const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `lesm-${runId}-queue` }));
        const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
        await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: `lesm-${runId}-fn`, EventSourceArn: Attributes?.['QueueArn'] }));
      } finally {
        sqs.destroy();
        lambda.destroy();
      }
      expect((await moto().everything())['mappings']?.length).toBeGreaterThan(0);
      await plantQueue(url, 'lesm-looka2-queue', null);

      const swept = await commandInProcess(['cleanup', '--target', url, '--run-id', runId], mkdtempSync(path.join(tmpdir(), 'lesm-cleanup-')));
      expect(swept.code).toBe(0);
      expect(swept.stdout).toContain(`deleted Kinesis stream lesm-${runId}-stream\n`);
      expect(swept.stdout).toContain('left SQS queue lesm-looka2-queue: it has no lesm-run-id tag');
      const after = await moto().everything();
      expect({
        functions: ofRun(after['functions'] ?? []),
        roles: ofRun(after['roles'] ?? []),
        queues: (after['queues'] ?? []).filter((queue) => queue.includes('lesm-')).map((queue) => queue.split('/').at(-1)),
        streams: ofRun(after['streams'] ?? []),
        tables: ofRun(after['tables'] ?? []),
        mappings: after['mappings'],
      }).toEqual({ functions: [], roles: [], queues: ['lesm-looka2-queue'], streams: [], tables: [], mappings: [] });
    }, 120_000);
  });
});
