import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breakable } from '../../reporters/html/breakable.ts';
import { startReferenceServer } from '../../reference/server.ts';
import { editionCaseCount, idsWith, readReport, readResults, runCli, runInProcess, seedCaseCount } from './support/cli-run.ts';
import { functionsCreatedIn, remainingFixtures, remainingMappings, runIdIn } from './support/reference-state.ts';
import { startInterceptingProxy } from '../support/intercepting-proxy.ts';
import { RUN_TEST_TIMEOUT_MS } from '../support/time-bounds.ts';

const allCases = seedCaseCount();
const CANARY = {
  AWS_ACCESS_KEY_ID: 'AKIACANARYCANARY0001',
  AWS_SECRET_ACCESS_KEY: 'canary-secret-0123456789abcdefghijklmnopqrstuv',
  AWS_SESSION_TOKEN: 'canary-token-IQoJb3JpZ2luX2VjEJr-0123456789',
};

describe('run against the embedded reference server (npm start)', () => {
  // Through the real bin, as `npm start` runs it, with credentials to leak; the other runs here are in-process.
  it('judges every case as conforming, writes four reports that agree, and never writes a credential value to them, the progress or the log', async () => {
    const run = await runCli([], { env: CANARY });
    expect(run.code, run.stderr).toBe(0);
    const report = readResults(run);
    expect(report).toMatchObject({ edition: 'seed', complete: true, interruption: null });
    expect(report.target).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(report.summary).toEqual({ total: allCases, pass: allCases, fail: 0, error: 0, skip: 0 });
    expect(idsWith(report, 'pass')).toHaveLength(allCases);
    expect(run.stdout).toContain(`${allCases} of ${allCases} cases pass, 0 fail, 0 could not be judged, 0 skipped`);
    expect(run.stdout).toContain(`${run.reportDir}/report.html`);
    expect(run.stdout.trimEnd().split('\n').slice(-7)).toEqual([
      'Level 3 (also field semantics: echoes, defaults, ARNs, State, headers).',
      expect.stringMatching(/ Reports:$/),
      ...['report.html', 'junit.xml', 'results.json', 'badge.json'].map((name) => `  ${run.reportDir}/${name}`),
      `CONFORMS: Every judged case conforms to the seed edition (${allCases} cases).`,
    ]);
    expect(run.stdout).toMatch(new RegExp(`\\[${allCases}/${allCases}\\] pass {2}\\S+ \\(\\d+ ms\\)`));

    const junit = readReport(run, 'junit.xml');
    expect(junit).toMatch(new RegExp(`<testsuites [^>]*tests="${allCases}"[^>]*failures="0"[^>]*errors="0"`));
    expect(junit.match(/<testcase /g)).toHaveLength(allCases);
    expect(junit).toContain('classname="BatchSize.sqs"');
    const html = readReport(run, 'report.html');
    expect(html).toContain('CONFORMS');
    for (const result of report.cases) expect(html).toContain(`<code class="case-id">${breakable(result.id)}</code>`);

    const everything = [run.stdout, run.stderr, ...['results.json', 'junit.xml', 'report.html', 'badge.json'].map((name) => readFileSync(`${run.reportDir}/${name}`, 'utf8'))].join('\n');
    for (const secret of Object.values(CANARY)) expect(everything).not.toContain(secret);
    const sent = report.cases[0]?.request?.headers ?? {};
    expect(sent['authorization']).toBe('[REDACTED]');
    expect(sent['x-amz-security-token']).toBe('[REDACTED]');
  }, RUN_TEST_TIMEOUT_MS);

  it('records every request as sent, with the Authorization header redacted', async () => {
    const grep = '^BatchSize/sqs/(11|omitted)$';
    const run = await runInProcess(['--grep', grep]);
    expect(run.code, run.stderr).toBe(0);
    const report = readResults(run);
    expect(report.cases).toHaveLength(seedCaseCount(grep));
    const omitted = report.cases.find((result) => result.id === 'BatchSize/sqs/omitted');
    expect(omitted?.request?.headers['authorization']).toBe('[REDACTED]');
    expect(JSON.parse(omitted?.request?.body ?? '{}')).toEqual({ FunctionName: expect.stringMatching(/^lesm-[a-z0-9]+-fn\d?$/), EventSourceArn: expect.stringMatching(/^arn:aws:sqs:us-east-1:\d{12}:lesm-/) });
    expect(omitted?.response).toMatchObject({ status: 202, body: { BatchSize: 10, State: 'Creating' } });
    const refused = report.cases.find((result) => result.id === 'BatchSize/sqs/11');
    expect(refused?.response).toMatchObject({ status: 400, headers: { 'x-amzn-errortype': 'InvalidParameterValueException' } });
  });
});

describe('run --edition current against the embedded reference server', () => {
  // Every case of the current edition conforming is run-aws-timing's (against AWS timing, stricter);
  // here, that the embedded server plays today's AWS: the cases where the editions differ, FIFO queues among them.
  it('starts the server as today\'s AWS and judges the cases of the current edition as conforming', async () => {
    const grep = '^(BatchSize/(sqsFifo|sqs|dynamodb)/|StartingPosition/kinesis/|FunctionName/absent$)';
    const run = await runInProcess(['--edition', 'current', '--grep', grep, '--property-runs', '1']);
    expect(run.code, run.stderr).toBe(0);
    const report = readResults(run);
    const total = editionCaseCount('current', grep);
    expect(total).toBeGreaterThan(30);
    expect(report).toMatchObject({ edition: 'current', complete: true });
    expect(report.summary).toEqual({ total, pass: total, fail: 0, error: 0, skip: 0 });
    expect(run.stderr).toContain(`${total} cases of the current edition against http://127.0.0.1:`);
    expect(readReport(run, 'junit.xml')).toContain('classname="BatchSize.sqs-fifo"');
    const fifo = report.cases.find((result) => result.id === 'BatchSize/sqsFifo/11');
    expect(JSON.parse(fifo?.request?.body ?? '{}')).toMatchObject({ EventSourceArn: expect.stringMatching(/^arn:aws:sqs:us-east-1:\d{12}:lesm-[a-z0-9]+-queue\.fifo$/) });
    expect(fifo?.response).toMatchObject({ status: 400, headers: { 'x-amzn-errortype': 'InvalidParameterValueException' } });
  });
});

describe('run --target against a reference server', () => {
  it('conforms with a function per request in flight (up to 4), and deletes every fixture and mapping it made on that server', async () => {
    const server = await startReferenceServer();
    try {
      const run = await runInProcess(['--target', server.url, '--concurrency', '4', '--grep', '^(BatchSize|Enabled)/', '--property-runs', '1']);
      expect(run.code, run.stderr).toBe(0);
      expect(readResults(run)).toMatchObject({ target: server.url, summary: { pass: seedCaseCount('^(BatchSize|Enabled)/') } });
      const runId = runIdIn(run.stderr);
      const functions = ['fn', 'fn2', 'fn3', 'fn4'].map((suffix) => `lesm-${runId}-${suffix}`);
      expect(functionsCreatedIn(run.stderr).sort()).toEqual(functions);
      // Cases on one source were sent with different functions (how many depends on how the cases
      // in flight fall on the sources), and with none but the run's.
      const sentTo = new Set(readResults(run).cases.flatMap((result) => result.request?.body?.match(/lesm-[a-z0-9]+-fn\d*(?![\w-])/g) ?? []));
      expect(sentTo.size).toBeGreaterThan(1);
      for (const name of sentTo) expect(functions).toContain(name);
      for (const name of functions) expect(run.stderr).toContain(`deleted Lambda function ${name}\n`);
      expect(await remainingMappings(server.url)).toEqual([]);
      expect(await remainingFixtures(server.url, runIdIn(run.stderr))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('sends every case again with --repeat, each under its own id, and still conforms', async () => {
    const server = await startReferenceServer();
    try {
      const run = await runInProcess(['--target', server.url, '--grep', '^BatchSize/sqs/', '--repeat', '3']);
      expect(run.code, run.stderr).toBe(0);
      const report = readResults(run);
      expect(report.summary).toMatchObject({ total: 3 * seedCaseCount('^BatchSize/sqs/'), fail: 0, error: 0 });
      expect(report.cases.map((result) => result.id)).toContain('BatchSize/sqs/omitted#3');
      expect(await remainingMappings(server.url)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('honours AWS_ENDPOINT_URL when no --target is given', async () => {
    const server = await startReferenceServer();
    try {
      const run = await runInProcess(['--grep', '^Duplicate/'], { env: { AWS_ENDPOINT_URL: server.url } });
      expect(run.code, run.stderr).toBe(0);
      expect(readResults(run).target).toBe(server.url);
    } finally {
      await server.close();
    }
  });
});

describe('the execution role', () => {
  /** A run through a proxy that records what CreateFunction was asked for. */
  async function runRecordingCreateFunction(args: readonly string[]) {
    const server = await startReferenceServer();
    const sent: string[] = [];
    const proxy = await startInterceptingProxy(server.url, { 'POST /2015-03-31/functions': { kind: 'mutate', request: (body) => (sent.push(body), body) } });
    try {
      const run = await runInProcess(['--target', proxy.url, '--grep', '^Duplicate/sqs', ...args]);
      return { run, seen: [...proxy.seen], roles: sent.map((body) => (JSON.parse(body) as { Role?: string }).Role), remaining: await remainingFixtures(server.url, runIdIn(run.stderr)) };
    } finally {
      await proxy.close();
      await server.close();
    }
  }

  it('is created for the run, given to the function, and deleted after it', async () => {
    const { run, seen, roles, remaining } = await runRecordingCreateFunction([]);
    expect(run.code, run.stderr).toBe(0);
    const runId = runIdIn(run.stderr);
    // Its four functions (one per request in flight, up to 4) share it.
    expect(roles).toEqual(Array(4).fill(`arn:aws:iam::123456789012:role/lesm-${runId}-role`));
    expect(run.stderr).toContain(`created IAM role lesm-${runId}-role`);
    expect(run.stderr.indexOf(`deleted IAM role lesm-${runId}-role`)).toBeGreaterThan(run.stderr.indexOf(`deleted Lambda function lesm-${runId}-fn`));
    expect(seen.filter((operation) => operation.startsWith('IAM.'))).toEqual(
      expect.arrayContaining(['IAM.CreateRole', 'IAM.PutRolePolicy', 'IAM.ListRolePolicies', 'IAM.DeleteRolePolicy', 'IAM.DeleteRole']),
    );
    expect(remaining).toEqual([]);
  });

  it('--role-arn gives the function that role and creates none', async () => {
    const given = 'arn:aws:iam::123456789012:role/users-own-role';
    const { run, seen, roles, remaining } = await runRecordingCreateFunction(['--role-arn', given]);
    expect(run.code, run.stderr).toBe(0);
    expect(roles).toEqual(Array(4).fill(given));
    expect(seen.filter((operation) => operation.startsWith('IAM.'))).toEqual([]);
    expect(run.stderr).not.toContain('IAM role');
    expect(remaining).toEqual([]);
  });
});
