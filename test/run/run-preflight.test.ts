// Every setup mistake a new user makes is said before the first case, in one sentence with what
// to do, with exit 2, and never as a stack trace.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startReferenceServer } from '../../reference/server.ts';
import { startInterceptingProxy, write, type Interference } from '../support/intercepting-proxy.ts';
import { boundMs, RUN_TEST_TIMEOUT_MS, timed } from '../support/time-bounds.ts';
import { readResults, runInProcess, type CliRun } from './support/cli-run.ts';

const bin = new URL('../../bin/lambda-esm-conformance.js', import.meta.url).pathname;
const staticExample = new URL('../../fixtures/static.example.yaml', import.meta.url).pathname;

/** Exit 2, one `Nothing was judged:` sentence matching `advice`, no case run, no stack trace; and, unless fixtures were being made, nothing created. */
function expectRefusal(run: CliRun, advice: RegExp, { fixturesMade = false } = {}): void {
  expect(run.code, run.stderr).toBe(2);
  const refusal = run.stderr.split('\n').find((line) => line.startsWith('Nothing was judged: '));
  expect(refusal, run.stderr).toMatch(advice);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  if (!fixturesMade) expect(run.stderr).not.toMatch(/^created /m);
  expect(run.stdout).toBe('');
}

async function withReference<T>(use: (url: string) => Promise<T>, rules?: Record<string, Interference>): Promise<T> {
  const server = await startReferenceServer();
  const proxy = rules === undefined ? undefined : await startInterceptingProxy(server.url, rules);
  try {
    return await use(proxy?.url ?? server.url);
  } finally {
    await proxy?.close();
    await server.close();
  }
}

describe('the report directory, before anything else', () => {
  const folder = () => mkdtempSync(path.join(tmpdir(), 'lesm-report-dir-'));

  it('a file given as the report directory', async () => {
    const file = path.join(folder(), 'reports');
    writeFileSync(file, 'old');
    const run = await runInProcess(['--report-dir', file]);
    expectRefusal(run, /^Nothing was judged: --report-dir \S+ is a file, not a directory: give a directory you can write to, e.g. --report-dir \.\/reports\.$/);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('a directory under a regular file, which no user can make', async () => {
    const file = path.join(folder(), 'file');
    writeFileSync(file, '');
    const run = await runInProcess(['--report-dir', path.join(file, 'reports')]);
    expectRefusal(run, /cannot be made, since \S+\/file is a file, not a directory: give a directory you can write to/);
  });

  it('a directory where report.html goes, refused before the first case rather than after the last', async () => {
    const reports = folder();
    mkdirSync(path.join(reports, 'report.html'));
    const run = await runInProcess(['--report-dir', reports]);
    expectRefusal(run, /^Nothing was judged: --report-dir \S+ holds a directory named report\.html, where the run writes that report: remove or rename \S+, or give another --report-dir\.$/);
    expect(existsSync(path.join(reports, 'results.json'))).toBe(false);
  });

  it('/proc/x, where a recursive mkdir would spin for ever: refused at once', async () => {
    // The baseline: another directory that cannot be made, refused through the same steps, right before.
    const file = path.join(folder(), 'file');
    writeFileSync(file, '');
    const baselineMs = (await timed(() => runInProcess(['--report-dir', path.join(file, 'reports')]))).ms;
    const { value: run, ms: refusalMs } = await timed(() => runInProcess(['--report-dir', '/proc/x/reports']));
    expectRefusal(run, /^Nothing was judged: --report-dir \/proc\/x\/reports cannot be made \(ENOENT: no such file or directory\)/);
    expect(refusalMs, `the same refusal of another directory took ${Math.round(baselineMs)} ms`).toBeLessThan(boundMs(1_000, baselineMs));
  });

  // The machine runs tests as root, who may write anywhere. The child keeps its user (so it can still
  // read the clone, wherever it lies) but loses the capabilities that let root ignore permission
  // bits, and so meets the permission as any user would.
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((candidate) => existsSync(candidate));
  it.skipIf(setpriv === undefined || process.getuid?.() !== 0)('a directory the user may not write to', async () => {
    const owned = path.join(folder(), 'reports');
    mkdirSync(owned);
    writeFileSync(path.join(owned, 'results.json'), '{"old":true}');
    chmodSync(owned, 0o555);
    const child = spawn(setpriv ?? '', ['--bounding-set=-dac_override,-dac_read_search', '--inh-caps=-all', process.execPath, bin, 'run', '--report-dir', owned], {
      env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expectRefusal({ code, stdout, stderr, reportDir: owned }, /^Nothing was judged: --report-dir \S+ is not writable \(EACCES: permission denied\): .*ls -ld /);
    expect(readFileSync(path.join(owned, 'results.json'), 'utf8')).toBe('{"old":true}');
  }, RUN_TEST_TIMEOUT_MS);
});

describe('credentials', () => {
  it('an unknown --profile is named, with how to list the profiles there are', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'lesm-aws-config-'));
    const run = await runInProcess(['--profile', 'no-such-profile'], {
      env: { AWS_CONFIG_FILE: path.join(empty, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(empty, 'credentials') },
    });
    expectRefusal(run, /the profile "no-such-profile" \(--profile or AWS_PROFILE\) gives no credentials: it is not in ~\/\.aws\/config or ~\/\.aws\/credentials.*aws configure list-profiles/);
  });

  // A CI service is reached by its name (http://localstack:4566): signed with dummy credentials, as
  // a loopback target is, when no keys are set. Any name this machine resolves to itself will do.
  const hosts = existsSync('/etc/hosts') ? readFileSync('/etc/hosts', 'utf8') : '';
  const name = hosts
    .split('\n')
    .map((line) => line.split('#')[0]?.trim().split(/\s+/) ?? [])
    .filter(([address]) => address?.startsWith('127.') === true)
    .flatMap(([, ...names]) => names)
    .find((host) => host !== 'localhost' && !host.endsWith('.localhost') && /^[a-z][a-z0-9-]*$/.test(host));
  it.skipIf(name === undefined)('a target reached by a host name other than localhost, with no AWS keys set, is signed with dummies', async () => {
    await withReference(async (url) => {
      const run = await runInProcess(['--target', url.replace('127.0.0.1', name ?? ''), '--grep', '^Duplicate/sqs$']);
      expect(run.code, run.stderr).toBe(0);
      expect(readResults(run).cases[0]?.request?.headers['authorization']).toBe('[REDACTED]');
    });
  });
});

describe('a target that is not Lambda', () => {
  it('a plain web server on the port', async () => {
    const web = createServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not Found</h1>');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const address = web.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    try {
      const run = await runInProcess(['--target', url]);
      expectRefusal(
        run,
        /does not answer as AWS Lambda does: GET \/2015-03-31\/event-source-mappings\/ got 404 text\/html, not 200 with EventSourceMappings or an AWS error; point --target at the emulator's endpoint .*curl -i http/,
      );
      expect(existsSync(path.join(run.reportDir, 'results.json'))).toBe(false);
    } finally {
      web.closeAllConnections();
      await new Promise((resolve) => web.close(resolve));
    }
  });

  it('credentials the target refuses', async () => {
    const refuse: Interference = {
      kind: 'take-over',
      answer: (exchange) =>
        write(exchange.response, 403, { 'content-type': 'application/json', 'x-amzn-errortype': 'UnrecognizedClientException' }, '{"message":"The security token included in the request is invalid."}'),
    };
    const run = await withReference((url) => runInProcess(['--target', url]), { 'GET /2015-03-31/event-source-mappings': refuse });
    expectRefusal(run, /refused the credentials \(403 UnrecognizedClientException\): pass --profile NAME or set AWS_PROFILE for other ones; aws sts get-caller-identity/);
  });
});

describe('static fixtures, checked on the target', () => {
  it("the README's example names another region: the flag to pass is named", async () => {
    const run = await runInProcess(['--fixtures', staticExample]);
    expectRefusal(run, /static\.example\.yaml names resources in eu-west-1, but the run signs for us-east-1: pass --region eu-west-1/);
  });

  it('in its region, resources the target does not have are named, not reported as the target\'s deviations', async () => {
    const run = await runInProcess(['--fixtures', staticExample, '--region', 'eu-west-1']);
    expectRefusal(
      run,
      /arn:aws:lambda:eu-west-1:111122223333:function:my-fn, named in \S+static\.example\.yaml, does not exist on \S+ \(lambda:GetFunctionConfiguration: ResourceNotFoundException, HTTP 404: .*\), nor can 3 more of the resources it names be found: create it or correct the ARN, or drop --fixtures/,
    );
  });
});

describe('fixtures that cannot be made: the call, and the flag that gets past it', () => {
  const denied = (action: string): Interference => ({
    kind: 'take-over',
    answer: (exchange) =>
      write(
        exchange.response,
        403,
        { 'content-type': 'text/xml' },
        `<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: iam:${action}</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
      ),
  });

  it('credentials that may not create a role: --role-arn or --fixtures FILE', async () => {
    const run = await withReference((url) => runInProcess(['--target', url]), { CreateRole: denied('CreateRole') });
    expectRefusal(
      run,
      /^Nothing was judged: the fixtures could not be created: the credentials may not call iam:CreateRole for IAM role lesm-\w+-role on \S+ \(AccessDenied, HTTP 403: .*\): grant iam:CreateRole, pass --role-arn ARN to use an existing execution role and create none, or pass --fixtures FILE .*aws sts get-caller-identity/,
      { fixturesMade: true },
    );
  });

  it('a --role-arn Lambda cannot assume: its trust policy, and how to read it', async () => {
    const cannotAssume: Interference = {
      kind: 'take-over',
      answer: (exchange) =>
        write(
          exchange.response,
          400,
          { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidParameterValueException' },
          '{"Type":"User","message":"The role defined for the function cannot be assumed by Lambda."}',
        ),
    };
    const role = 'arn:aws:iam::123456789012:role/not-for-lambda';
    const run = await withReference((url) => runInProcess(['--target', url, '--role-arn', role]), { 'POST /2015-03-31/functions': cannotAssume });
    expectRefusal(
      run,
      new RegExp(`Nothing was judged: the fixtures could not be created: Lambda cannot assume the role ${role} given by --role-arn \\(.*\\): give a role whose trust policy lets lambda\\.amazonaws\\.com assume it \\(aws iam get-role --role-name NAME --query Role\\.AssumeRolePolicyDocument`),
      { fixturesMade: true },
    );
  });
});

describe('the first line and the help', () => {
  it('names the version, the edition and where the target came from', async () => {
    const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    const embedded = await runInProcess(['--grep', '^Duplicate/sqs$']);
    expect(embedded.stderr.split('\n')[0]).toMatch(new RegExp(`^lambda-esm-conformance ${version.replace(/\./g, '\\.')}: 1 cases of the seed edition against http://127\\.0\\.0\\.1:\\d+ \\(the embedded reference server\\)$`));
    await withReference(async (url) => {
      const byFlag = await runInProcess(['--target', url, '--grep', '^Duplicate/sqs$']);
      expect(byFlag.stderr.split('\n')[0]).toMatch(/ against http:\/\/127\.0\.0\.1:\d+ \(from --target\)$/);
      const byEnv = await runInProcess(['--grep', '^Duplicate/sqs$'], { env: { AWS_ENDPOINT_URL_LAMBDA: url } });
      expect(byEnv.stderr.split('\n')[0]).toMatch(/ \(from AWS_ENDPOINT_URL_LAMBDA\)$/);
    });
  });
});
