import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import type { PactFile } from '../../src/pact/pact-file.ts';
import { startInterceptingProxy, type Forwarded } from '../support/intercepting-proxy.ts';
import { commandInProcess, idsWith, readReport, readResults, type CliRun } from '../run/support/cli-run.ts';
import { remainingFixtures, remainingMappings, runIdIn } from '../run/support/reference-state.ts';

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
  }, 60_000);

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
      const full = JSON.parse(readFileSync(pactFile, 'utf8')) as PactFile;
      const subset = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-pact-subset-')), 'subset.json');
      writeFileSync(subset, JSON.stringify({ ...full, interactions: full.interactions.filter((interaction) => interaction.description.startsWith('BatchSize/sqs/')) }));
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
      expect(readReport(run, 'junit.xml')).toMatch(/<testcase [^>]*name="BatchSize\/sqs\/10[^"]*"[^>]*>\s*<failure/);
      expect(await remainingMappings(server.url)).toEqual([]);
    } finally {
      await proxy.close();
    }
  }, 60_000);

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
