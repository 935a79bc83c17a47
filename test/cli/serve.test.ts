import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { serveSettingsOf } from '../../cli/commands/serve.ts';
import { main } from '../../cli/main.ts';
import { binStartMs } from '../run/support/cli-run.ts';
import { boundMs, timed } from '../support/time-bounds.ts';
import { callerIdentity, MAPPINGS_PATH, postMapping, rawRequest } from '../reference/support/raw-http.ts';

// `lambda-esm-conformance serve` as a user runs it: a child process through the real bin.
const BIN = fileURLToPath(new URL('../../bin/lambda-esm-conformance.js', import.meta.url));
const children: ChildProcess[] = [];

interface Serving {
  readonly child: ChildProcess;
  readonly firstLine: Promise<string>;
  readonly exit: Promise<number | null>;
  stdout(): string;
  stderr(): string;
}

function runServe(args: readonly string[]): Serving {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0] ?? '');
    });
    child.on('exit', () => reject(new Error(`serve exited before printing a line; stderr: ${stderr}`)));
  });
  firstLine.catch(() => undefined); // a test that expects an early exit does not await it
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, firstLine, exit, stdout: () => stdout, stderr: () => stderr };
}

/** `serve …` through main(), as the bin calls it, for what is decided before the server starts. */
async function serveInProcess(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['serve', ...args], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('serve', () => {
  it('prints the URL as its first line, serves on it, logs without secrets, and exits 0 on SIGTERM', async () => {
    const startMs = await binStartMs();
    const serving = runServe(['--port', '0']);
    const { value: url, ms: readyMs } = await timed(() => serving.firstLine);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(url).port)).toBeGreaterThan(0);
    // The brief asks for well under a second beyond a start of the bin, which the load stretches: measured right before.
    expect(readyMs, `a start of the bin took ${Math.round(startMs)} ms`).toBeLessThan(boundMs(1000, startMs));

    const answer = await rawRequest(url, {
      method: 'GET',
      path: MAPPINGS_PATH,
      headers: {
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIDSECRETKEYID/20191126/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=feedfacesignature',
        'x-amz-security-token': 'SESSIONTOKENSECRET',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ EventSourceMappings: [] });

    serving.child.kill('SIGTERM');
    expect(await serving.exit).toBe(0);
    expect(serving.stderr()).toContain(`GET ${MAPPINGS_PATH}`);
    expect(serving.stderr()).toContain('ListEventSourceMappings');
    for (const secret of ['AKIDSECRETKEYID', 'feedfacesignature', 'SESSIONTOKENSECRET']) expect(serving.stderr()).not.toContain(secret);
    expect(serving.stdout()).toBe(`${url}\n`);
  });

  it('injects the faults its flags ask for', async () => {
    const serving = runServe(['--port=0', '--fault', 'throttle=1', '--fault-seed', '42', '--fault', 'latency=10']);
    const url = await serving.firstLine;
    expect((await postMapping(url, {})).status).toBe(429);
    expect((await rawRequest(url, { method: 'GET', path: MAPPINGS_PATH })).status).toBe(200);
    serving.child.kill('SIGTERM');
    expect(await serving.exit).toBe(0);
    expect(serving.stderr()).toContain('[fault: throttle]');
  });

  it('with --fault-scope all faults every request', async () => {
    const serving = runServe(['--port', '0', '--fault', 'error=1', '--fault-scope', 'all']);
    const url = await serving.firstLine;
    expect((await rawRequest(url, { method: 'GET', path: MAPPINGS_PATH })).status).toBe(500);
    serving.child.kill('SIGTERM');
    expect(await serving.exit).toBe(0);
  });

  it('with --edition current answers as today\'s AWS, and says which edition it serves', async () => {
    const serving = runServe(['--port', '0', '--edition', 'current']);
    const url = await serving.firstLine;
    // The seed answers a missing FunctionName with InvalidParameterValueException; today's AWS by its model.
    const answer = await postMapping(url, { EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-amzn-errortype')).toBe('ValidationException');
    serving.child.kill('SIGTERM');
    expect(await serving.exit).toBe(0);
    expect(serving.stderr()).toContain('reference server (current edition) listening on');
  });

  it('serves the seed edition by default, with --account plays that account, and exits 0 on SIGINT', async () => {
    const serving = runServe(['--port', '0', '--quiet', '--account', '111122223333']);
    const url = await serving.firstLine;
    const answer = await postMapping(url, { EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:q' });
    expect(answer.headers.get('x-amzn-errortype')).toBe('InvalidParameterValueException');
    expect((await callerIdentity(url)).text).toContain('<Account>111122223333</Account>');
    serving.child.kill('SIGINT');
    expect(await serving.exit).toBe(0);
    expect(serving.stderr()).toContain('(seed edition)');
  });

  it('with --aws-timing behaves as AWS does, its values changed by --aws-timing-option, and says so', async () => {
    const serving = runServe(['--port', '0', '--aws-timing', '--aws-timing-option', 'controlPlaneRps=1', '--aws-timing-option=creatingMs=3000']);
    const url = await serving.firstLine;
    expect((await rawRequest(url, { method: 'GET', path: MAPPINGS_PATH })).status).toBe(200);
    expect((await rawRequest(url, { method: 'GET', path: MAPPINGS_PATH })).status).toBe(429);
    serving.child.kill('SIGTERM');
    expect(await serving.exit).toBe(0);
    expect(serving.stderr()).toContain('with AWS timing creatingMs=3000, deletingMs=2000');
    expect(serving.stderr()).toContain('controlPlaneRps=1');
  });

  it('reads --aws-timing, --aws-timing-option and --account, and refuses unusable timing values naming the fix', () => {
    expect(serveSettingsOf([]).awsTiming).toBeUndefined();
    expect(serveSettingsOf(['--aws-timing']).awsTiming).toEqual({});
    expect(serveSettingsOf(['--aws-timing-option', 'deletingMs=5000', '--aws-timing-option', 'policyPropagationMs=9000']).awsTiming).toEqual({
      deletingMs: 5000,
      policyPropagationMs: 9000,
    });
    expect(serveSettingsOf(['--account', '111122223333']).account).toBe('111122223333');
    expect(() => serveSettingsOf(['--aws-timing-option', 'slowMs=1'])).toThrow('"slowMs" is not an AWS timing value; use creatingMs, deletingMs,');
    expect(() => serveSettingsOf(['--aws-timing-option', 'creatingMs=soon'])).toThrow('creatingMs must be a number of milliseconds of at least 0, not NaN.');
    expect(() => serveSettingsOf(['--aws-timing-option', 'creatingMs'])).toThrow('must look like NAME=VALUE, such as creatingMs=3000.');
  });

  // What only parsing decides, through main() in this process: a child each was most of this file's time.
  it('explains its options with --help, naming every fault and AWS timing value, and exits 0', async () => {
    const help = await serveInProcess(['--help']);
    expect(help.code).toBe(0);
    const words = help.stdout.replace(/\s+/g, ' ');
    for (const flag of ['--edition NAME', 'current, today', '--port N', '--host', '--fault NAME=VALUE', '--fault-seed', '--fault-scope', 'hang=RATE never answers', 'latency=MS', '--aws-timing', 'creatingMs=2000', 'controlPlaneRps=15', '--account ID']) expect(words).toContain(flag);
  });

  const badArguments: ReadonlyArray<readonly [string[], string]> = [
    [['--nope'], 'serve: there is no flag --nope. Run "lambda-esm-conformance serve --help" for the flags it takes.'],
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535 (0 picks any free port), not "abc".'],
    [['--port', '70000'], 'not "70000"'],
    [['--port'], 'serve: --port needs a value: --port N.'],
    [['--fault', 'throttle=2'], 'probability from 0 to 1'],
    [['--fault', 'bogus=0.1'], '"bogus" is not a fault'],
    [['--fault', 'throttle'], 'NAME=VALUE'],
    [['--fault', 'throttle=0.6', '--fault', 'error=0.6'], 'at most 1'],
    [['--fault-scope', 'everything'], '"esm" or "all"'],
    [['--fault-seed', 'x'], '--fault-seed must be a whole number from 0 to 4294967295, not "x".'],
    [['--edition', 'tomorrow'], '--edition "tomorrow" is not an edition of the reference server; choose seed or current.'],
    [['--edition'], '--edition needs a value: --edition NAME.'],
    [['--host='], '--host needs an address, such as 127.0.0.1.'],
    [['--account', '12345'], '--account "12345" must be an AWS account id: 12 digits'],
  ];
  for (const [args, message] of badArguments) {
    it(`refuses ${args.join(' ')} with exit 2 and one sentence on stderr`, async () => {
      const refused = await serveInProcess(args);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(message);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('exits 2 with a clear sentence when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const serving = runServe(['--port', String(port)]);
      expect(await serving.exit).toBe(2);
      expect(serving.stderr()).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
