import { writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, GetFunctionCommand } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { handlerZip } from '../../src/provisioning/index.ts';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { idsWith, readResults, runInProcess } from './support/cli-run.ts';
import { observe } from '../support/reference-observer.ts';
import { remainingMappings } from './support/reference-state.ts';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('run refuses what it cannot judge, with exit code 2 and one clear sentence', () => {
  it('a target nobody listens on, before creating anything', async () => {
    const port = await closedPort();
    const run = await runInProcess(['--target', `http://127.0.0.1:${port}`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`Nothing was judged: the target http://127\\.0\\.0\\.1:${port} cannot be reached \\(connection-refused`));
    expect(run.stderr).not.toMatch(/created /);
    expect(existsSync(path.join(run.reportDir, 'results.json'))).toBe(false);
  });

  it.each([
    [['--concurency', '2'], /run: there is no flag --concurency; did you mean --concurrency\?/],
    [['--concurrency', 'many'], /--concurrency must be a whole number/],
    [['--repeat', '0'], /--repeat must be a whole number from 1 to 100, not "0"/],
    [['--edition', 'tomorrow'], /there is no edition "tomorrow"/],
    [['--grep', 'no-such-case'], /--grep "no-such-case" matches no case/],
    [['--fixtures', '/nonexistent/fixtures.yaml'], /The fixtures file has a problem:\n\/nonexistent\/fixtures\.yaml: the file does not exist/],
    [['--edition', '/../../../etc/x'], /the edition "\/\.\.\/\.\.\/\.\.\/etc\/x" is not a name/],
    // A fragment used to pass the CLI's own check and crash the run later, in the transport.
    [['--target', 'http://127.0.0.1:9/#frag'], /the target "http:\/\/127\.0\.0\.1:9\/#frag" has the fragment "#frag"/],
  ])('bad input %j', async (args, message) => {
    const run = await runInProcess(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  describe('a fixtures file that is not what it seems', () => {
    const inFolder = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), 'lesm-hostile-file-')), name);

    it('a huge value is quoted as a bounded excerpt', async () => {
      const file = inFolder('fixtures.yaml');
      writeFileSync(file, `function: ${'x'.repeat(60_000)}\n`);
      const run = await runInProcess(['--fixtures', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/`function` is not an unqualified Lambda function ARN: "x+"… \(60000 characters\)/);
      expect(run.stderr.length).toBeLessThan(2_000);
    });

    it('an alias bomb is a problem at its line and column', async () => {
      const file = inFolder('fixtures.yaml');
      const lines = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...['b', 'c', 'd', 'e', 'f'].map((name, index) => `${name}: &${name} [${Array(10).fill(`*${'abcdef'[index]}`).join(',')}]`)];
      writeFileSync(file, `${lines.join('\n')}\n`);
      const run = await runInProcess(['--fixtures', file]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${file}:1:1: the YAML cannot be read`);
    });
  });

  it('a target that answers but cannot create the fixtures', async () => {
    const broken = createHttpServer((_request, response) => {
      response.writeHead(500, { 'content-type': 'application/json', 'x-amzn-errortype': 'ServiceException' });
      response.end('{"Message":"down for maintenance"}');
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const address = broken.address();
    try {
      const run = await runInProcess(['--target', `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Nothing was judged: the fixtures could not be created: \S+ for .+ failed \(.+\): check that the target offers \w+ \(LocalStack and moto do\)/);
      expect(existsSync(path.join(run.reportDir, 'results.json'))).toBe(false);
    } finally {
      broken.closeAllConnections();
      await new Promise((resolve) => broken.close(resolve));
    }
  });
});

/** A function and a queue of the user's own on the server, and a fixtures file naming them. */
async function userResources(server: ReferenceServer) {
  const observer = observe(server.url);
  const { lambda, sqs } = observer;
  const created = await lambda.send(
    new CreateFunctionCommand({ FunctionName: 'users-fn', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::123456789012:role/r', Code: { ZipFile: handlerZip() } }),
  );
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'users-queue' }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  const queueArn = Attributes?.QueueArn ?? '';
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-static-')), 'fixtures.yaml');
  writeFileSync(file, `function: ${created.FunctionArn}\nsources:\n  sqs: ${queueArn}\n`);
  return {
    lambda,
    sqs,
    queueArn,
    file,
    destroy: () => observer.destroy(),
  };
}

describe('run --fixtures FILE', () => {
  it('never deletes a mapping that may be the user\'s, even when answers are lost', async () => {
    const server = await startReferenceServer({ faults: { resetRate: 0.3, seed: 3 } });
    const user = await userResources(server);
    try {
      // The user's own mapping, made before the run: CreateEventSourceMapping may be reset by the
      // fault plan, so try until it exists.
      let own: string | undefined;
      while (own === undefined) {
        own = await user.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'users-fn', EventSourceArn: user.queueArn })).then((mapping) => mapping.UUID, () => undefined);
      }
      const run = await runInProcess(['--target', server.url, '--fixtures', user.file, '--grep', '/sqs/']);
      expect(run.code).toBe(1);
      expect(idsWith(readResults(run), 'error').length).toBeGreaterThan(0);
      expect(await remainingMappings(server.url)).toEqual([own]);
    } finally {
      user.destroy();
      await server.close();
    }
  });

  it('uses existing resources, creates none, skips the cases whose source is absent and deletes only its own mappings', async () => {
    const server = await startReferenceServer();
    const user = await userResources(server);
    try {
      const run = await runInProcess(['--target', server.url, '--fixtures', user.file]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/created /);
      const report = readResults(run);
      const skipped = idsWith(report, 'skip');
      expect(skipped.length).toBeGreaterThan(0);
      for (const result of report.cases.filter((entry) => entry.outcome === 'skip')) {
        // A case about a stream, or about no source but sent on one (a wrong JSON type): never one on the queue the file names.
        expect(result.sourceType).not.toBe('sqs');
        expect(result.reasons[0]?.message).toMatch(/not run: no (kinesis|dynamodb) fixture/);
      }
      expect(report.cases.find((result) => result.id === 'BatchSize/sqs/omitted')?.outcome).toBe('pass');
      expect(report.summary.fail + report.summary.error).toBe(0);
      expect(await remainingMappings(server.url)).toEqual([]);
      await expect(user.lambda.send(new GetFunctionCommand({ FunctionName: 'users-fn' }))).resolves.toBeDefined();
      await expect(user.sqs.send(new GetQueueUrlCommand({ QueueName: 'users-queue' }))).resolves.toBeDefined();
    } finally {
      user.destroy();
      await server.close();
    }
  });
});
