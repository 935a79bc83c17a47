import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, DeleteEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { CreateStreamCommand, DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import type { PactFile } from '../../src/pact/pact-file.ts';
import { handlerZip } from '../../src/provisioning/index.ts';
import { startInterceptingProxy, write, type Forwarded } from '../support/intercepting-proxy.ts';
import { startHostileTarget } from '../support/hostile-target.ts';
import { observe } from '../support/reference-observer.ts';
import { binStartMs, commandInProcess, expectEndedWithinSignalDeadline, idsWith, readReport, readResults, runCli, type CliRun } from '../run/support/cli-run.ts';
import { remainingFixtures, remainingMappings, runIdIn } from '../run/support/reference-state.ts';
import { RUN_TEST_TIMEOUT_MS } from '../support/time-bounds.ts';

// `pact export`, then Pact's verifier through `pact verify`, against the reference server and
// against the reference server behind a proxy that gets one thing wrong.
let server: ReferenceServer;
let pactFile: string;
let exported: CliRun;

function pactCommand(...argv: string[]): Promise<CliRun> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'lesm-pact-'));
  return commandInProcess(['pact', ...argv, ...(argv[0] === 'verify' ? ['--report-dir', reportDir] : [])], reportDir);
}

beforeAll(async () => {
  server = await startReferenceServer();
  const out = mkdtempSync(path.join(tmpdir(), 'lesm-pact-out-'));
  exported = await pactCommand('export', '--out', out);
  pactFile = path.join(out, 'lambda-esm-client-aws-lambda-event-source-mappings.json');
});

afterAll(async () => {
  await server.close();
});

/** The command lines of the verifier children running now, as any local user can read them in /proc. */
function verifierArgvs(): string[] {
  const argvs: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const argv = (() => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        return '';
      }
    })();
    if (argv.includes('verifier-child.mjs')) argvs.push(argv.split('\0').join(' '));
  }
  return argvs;
}

/** The exported Pact file with only the interactions `keep` picks (and `more` after them), written to a file of its own. */
function pactWith(keep: (description: string) => boolean, more: readonly object[] = []): string {
  const full = JSON.parse(readFileSync(pactFile, 'utf8')) as PactFile;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-pact-subset-')), 'subset.json');
  writeFileSync(file, JSON.stringify({ ...full, interactions: [...full.interactions.filter((interaction) => keep(interaction.description)), ...more] }));
  return file;
}

describe('pact verify', () => {
  it('passes every exported interaction against the reference server, and the state handlers leave nothing behind', async () => {
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('9 cases are left out');
    const run = await pactCommand('verify', '--target', server.url, '--pact', pactFile);
    expect(run.code, run.stderr).toBe(0);
    const report = readResults(run);
    expect(report.summary).toMatchObject({ total: 110, pass: 110 });
    expect(report.edition).toBe('seed');
    // The request the verifier sent carries the values the state setup returned, padded where the case says.
    const padded = report.cases.find((result) => result.id === 'FunctionName/length/arn-140');
    expect((JSON.parse(padded?.request?.body ?? '{}') as { FunctionName?: string }).FunctionName).toMatch(/^arn:aws:lambda:us-east-1:\d{12}:function:lesm-[a-z0-9]+-fn:x+$/);
    expect((JSON.parse(padded?.request?.body ?? '{}') as { FunctionName?: string }).FunctionName).toHaveLength(140);
    expect(run.stdout).toContain('Given function F exists');
    expect(readReport(run, 'junit.xml')).toContain('tests="110"');
    expect(await remainingMappings(server.url)).toEqual([]);
    expect(await remainingFixtures(server.url, runIdIn(run.stderr))).toEqual([]);
  }, RUN_TEST_TIMEOUT_MS);

  it('fails against a wrong server, naming each failing interaction', async () => {
    // BatchSize echoed one too high: every accepted BatchSize case on SQS must fail, and only those.
    const proxy = await startInterceptingProxy(server.url, {
      'POST /2015-03-31/event-source-mappings/': {
        kind: 'mutate',
        answer: (answer: Forwarded) => {
          if (answer.status !== 202) return answer;
          const body = JSON.parse(answer.body.toString('utf8')) as { BatchSize: number };
          return { ...answer, body: Buffer.from(JSON.stringify({ ...body, BatchSize: body.BatchSize + 1 })) };
        },
      },
    });
    try {
      const subset = pactWith((description) => description.startsWith('BatchSize/sqs/'));
      const run = await pactCommand('verify', '--target', proxy.url, '--pact', subset);
      expect(run.code, run.stderr).toBe(1);
      const report = readResults(run);
      expect(idsWith(report, 'fail')).toEqual(['BatchSize/sqs/1', 'BatchSize/sqs/10', 'BatchSize/sqs/omitted']);
      expect(idsWith(report, 'pass')).toEqual(['BatchSize/sqs/0', 'BatchSize/sqs/1000', 'BatchSize/sqs/10001', 'BatchSize/sqs/11']);
      expect(report.cases.find((result) => result.id === 'BatchSize/sqs/10')?.reasons).toEqual([
        { check: 'response_schema_conformance', clause: 'BatchSize.sqs', message: expect.stringContaining('$.BatchSize') },
      ]);
      expect(run.stdout).toMatch(/Verifying a pact between .* - BatchSize\/sqs\/10\n/);
      expect(run.stderr).toContain('4 of 7 interactions verified, 3 fail');
      expect(run.stderr).toMatch(/\nDOES NOT CONFORM: 3 cases failed, out of 7 cases\.\n/);
      expect(readReport(run, 'junit.xml')).toMatch(/<testcase [^>]*name="BatchSize\/sqs\/10[^"]*"[^>]*>\s*<properties>[\s\S]*?<\/properties>\s*<failure/);
      expect(await remainingMappings(server.url)).toEqual([]);
    } finally {
      await proxy.close();
    }
  }, RUN_TEST_TIMEOUT_MS);

  it('verifies nothing, exit 2, when the Pact file cannot be read or the target cannot be reached', async () => {
    const missing = await pactCommand('verify', '--target', server.url, '--pact', '/nonexistent/pact.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The Pact file has a problem:\n/nonexistent/pact.json: the file does not exist');
    const notPact = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-pact-bad-')), 'bad.json');
    writeFileSync(notPact, '{"consumer": {"name": "x"}}');
    expect((await pactCommand('verify', '--target', server.url, '--pact', notPact)).stderr).toContain('it has no "interactions" list');
    const unreachable = await pactCommand('verify', '--target', 'http://127.0.0.1:9', '--pact', pactFile);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain('Nothing was verified: the target http://127.0.0.1:9 cannot be reached');
  });
});

describe('pact verify touches only what is its own', () => {
  // One verification for two rules: a verifier child costs a second or more.
  it('with static fixtures, deletes only the mappings the verification was answered, leaving one the user already had; and hands the verifier the proxy\'s address outside its argv, where any local user could read it', async () => {
    const observer = observe(server.url);
    const argvs: string[] = [];
    const proxy = await startInterceptingProxy(server.url, {
      'POST /2015-03-31/event-source-mappings/': {
        kind: 'take-over',
        answer: async (exchange) => {
          argvs.push(...verifierArgvs());
          const forwarded = await exchange.forward();
          write(exchange.response, forwarded.status, forwarded.headers, forwarded.body);
        },
      },
    });
    let own: string | undefined;
    try {
      const fn = await observer.lambda.send(
        new CreateFunctionCommand({ FunctionName: 'users-fn', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: handlerZip() } }),
      );
      const { QueueUrl } = await observer.sqs.send(new CreateQueueCommand({ QueueName: 'users-queue' }));
      const { Attributes } = await observer.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
      await observer.kinesis.send(new CreateStreamCommand({ StreamName: 'users-stream', ShardCount: 1 }));
      const stream = await observer.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'users-stream' }));
      const streamArn = stream.StreamDescriptionSummary?.StreamARN ?? '';
      // The user's own mapping, there before the verification, on a source the fixtures file names.
      for (let attempt = 0; own === undefined && attempt < 50; attempt += 1) {
        own = await observer.lambda
          .send(new CreateEventSourceMappingCommand({ FunctionName: 'users-fn', EventSourceArn: streamArn, StartingPosition: 'LATEST' }))
          .then((mapping) => mapping.UUID, () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100)));
      }
      expect(own).toBeDefined();
      const fixturesFile = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-static-')), 'fixtures.yaml');
      writeFileSync(fixturesFile, `function: ${fn.FunctionArn ?? ''}\nsources:\n  sqs: ${Attributes?.QueueArn ?? ''}\n  kinesis: ${streamArn}\n`);

      const run = await pactCommand('verify', '--target', proxy.url, '--pact', pactWith((description) => description === 'BatchSize/sqs/10'), '--fixtures', fixturesFile);
      expect(run.code, run.stderr).toBe(0);
      expect(await remainingMappings(server.url)).toEqual([own]);
      expect(await observer.functionExists('users-fn')).toBe(true);
      expect(argvs.length).toBeGreaterThan(0);
      for (const argv of argvs) expect(argv).not.toMatch(/127\.0\.0\.1|providerBaseUrl/);
    } finally {
      // The other tests of this file count the mappings left on the server.
      if (own !== undefined) await observer.lambda.send(new DeleteEventSourceMappingCommand({ UUID: own }));
      observer.destroy();
      await proxy.close();
    }
  }, RUN_TEST_TIMEOUT_MS);

  it('refuses a Pact file with any request but CreateEventSourceMapping before anything is made, naming the interaction', async () => {
    const proxy = await startInterceptingProxy(server.url, {});
    try {
      const stray = [
        { type: 'Synchronous/HTTP', description: 'get the function', request: { method: 'GET', path: '/2015-03-31/functions/victim' }, response: { status: 200 } },
        { type: 'Synchronous/HTTP', description: 'open it to all', request: { method: 'POST', path: '/2015-03-31/functions/victim/policy', body: { Principal: '*' } }, response: { status: 201 } },
        { type: 'Synchronous/HTTP', description: 'list with a query', request: { method: 'POST', path: '/2015-03-31/event-source-mappings/', query: { FunctionName: ['x'] } }, response: { status: 200 } },
      ];
      const run = await pactCommand('verify', '--target', proxy.url, '--pact', pactWith((description) => description === 'BatchSize/sqs/10', stray));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('interaction 2 ("get the function") sends "GET /2015-03-31/functions/victim": pact verify sends only CreateEventSourceMapping (POST /2015-03-31/event-source-mappings/) to a target, so the file is refused before anything is made');
      expect(run.stderr).toContain('interaction 3 ("open it to all") sends "POST /2015-03-31/functions/victim/policy"');
      expect(run.stderr).toContain('interaction 4 ("list with a query") sends a query string');
      expect(proxy.seen).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});

describe('pact verify stopped by SIGTERM', () => {
  it('writes its report within 5 s, every interaction not run, deletes what it made and exits 143', async () => {
    let signal: ((name: NodeJS.Signals) => void) | undefined;
    let signalledAt = 0;
    const startMs = await binStartMs();
    // A target that takes the first CreateEventSourceMapping and never answers: the verifier waits on it.
    const target = await startHostileTarget({
      'POST /2015-03-31/event-source-mappings/': {
        kind: 'take-over',
        answer: () => {
          if (signalledAt !== 0) return;
          signalledAt = performance.now();
          signal?.('SIGTERM');
        },
      },
    });
    try {
      const subset = pactWith((description) => description.startsWith('BatchSize/sqs/'));
      const run = await runCli(['--target', target.url, '--pact', subset], { command: ['pact', 'verify'], started: (send) => (signal = send), limitMs: 60_000 });
      expect(signalledAt, run.stderr).toBeGreaterThan(0);
      expect(run.code, run.stderr).toBe(143);
      expectEndedWithinSignalDeadline(run, signalledAt, startMs);
      const report = readResults(run);
      expect(report.complete).toBe(false);
      expect(report.interruption).toMatch(/^Interrupted by SIGTERM\./);
      expect(report.cases).toHaveLength(7);
      expect(report.cases.map((result) => result.reasons[0]?.message)).toEqual(Array(7).fill('not run: the verification was interrupted'));
      expect(await remainingMappings(target.upstream)).toEqual([]);
      expect(await remainingFixtures(target.upstream, runIdIn(run.stderr))).toEqual([]);
    } finally {
      await target.close();
    }
  }, RUN_TEST_TIMEOUT_MS);
});
