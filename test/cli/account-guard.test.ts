import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountIsGuarded, accountProblem, stsEndpointOf } from '../../cli/preflight/account.ts';
import { startReferenceServer, type ReferenceServer, type RequestLogEntry } from '../../reference/server.ts';
import { commandInProcess, runInProcess } from '../run/support/cli-run.ts';
import { credentials } from '../support/reference-observer.ts';

// The account guard: STS GetCallerIdentity is the first request, and credentials of an account not
// allowed stop the command before any other. The reference server plays another account than the
// one allowed; its request log shows what it was sent.
const ITS_ACCOUNT = '111122223333';
const ANOTHER = '444455556666';
let server: ReferenceServer;
const seen: RequestLogEntry[] = [];

beforeAll(async () => {
  server = await startReferenceServer({ account: ITS_ACCOUNT, onRequest: (entry) => seen.push(entry) });
});
afterAll(async () => {
  await server.close();
});

function operationsSeen(): string[] {
  return seen.splice(0).map((entry) => `${entry.service}:${entry.operation}`);
}

describe('run', () => {
  it('refuses with exit 2 credentials of an account --allow-account does not list, having sent nothing but STS GetCallerIdentity', async () => {
    operationsSeen();
    const run = await runInProcess(['--target', server.url, '--allow-account', `${ANOTHER},999988887777`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the credentials in use are of account ${ITS_ACCOUNT}, which --allow-account (or LESM_ALLOWED_ACCOUNTS) does not list (it lists ${ANOTHER}, 999988887777)`);
    expect(operationsSeen()).toEqual(['sts:GetCallerIdentity']);
  });

  it('reads LESM_ALLOWED_ACCOUNTS as --allow-account', async () => {
    operationsSeen();
    const run = await runInProcess(['--target', server.url], { env: { LESM_ALLOWED_ACCOUNTS: ANOTHER } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`account ${ITS_ACCOUNT}, which --allow-account (or LESM_ALLOWED_ACCOUNTS) does not list (it lists ${ANOTHER})`);
    expect(operationsSeen()).toEqual(['sts:GetCallerIdentity']);
  });

  it('goes on once the account is listed, STS asked first', async () => {
    operationsSeen();
    const run = await runInProcess(['--target', server.url, '--allow-account', `${ANOTHER},${ITS_ACCOUNT}`, '--grep', '^BatchSize/sqs/', '--property-runs', '0']);
    expect(run.stderr).not.toContain('Nothing was judged');
    expect(run.code).toBe(0);
    const operations = operationsSeen();
    expect(operations[0]).toBe('sts:GetCallerIdentity');
    expect(operations.filter((operation) => operation === 'sts:GetCallerIdentity')).toHaveLength(1);
    expect(operations).toContain('lambda:CreateEventSourceMapping');
  });

  it('asks nothing of STS on a target that is not an AWS endpoint when no account is named', async () => {
    operationsSeen();
    const run = await runInProcess(['--target', server.url, '--grep', '^BatchSize/sqs/', '--property-runs', '0']);
    expect(run.code).toBe(0);
    expect(operationsSeen()).not.toContain('sts:GetCallerIdentity');
  });
});

describe('pact verify', () => {
  it('refuses an account not allowed before any request but STS', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'lesm-guard-'));
    expect((await commandInProcess(['pact', 'export', '--out', out], out)).code).toBe(0);
    operationsSeen();
    const verify = await commandInProcess(
      ['pact', 'verify', '--target', server.url, '--pact', path.join(out, 'lambda-esm-client-aws-lambda-event-source-mappings.json'), '--report-dir', out, '--allow-account', ANOTHER],
      out,
    );
    expect(verify.code).toBe(2);
    expect(verify.stderr).toContain(`account ${ITS_ACCOUNT}, which --allow-account`);
    expect(operationsSeen()).toEqual(['sts:GetCallerIdentity']);
  });
});

describe('cleanup', () => {
  it('refuses an account not allowed before listing anything', async () => {
    operationsSeen();
    const run = await commandInProcess(['cleanup', '--target', server.url, '--allow-account', ANOTHER], tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Nothing was deleted: the credentials in use are of account ${ITS_ACCOUNT}, which --allow-account`);
    expect(operationsSeen()).toEqual(['sts:GetCallerIdentity']);
  });

  it('lists once the account is allowed, STS asked first', async () => {
    operationsSeen();
    const run = await commandInProcess(['cleanup', '--target', server.url, '--allow-account', ITS_ACCOUNT], tmpdir());
    expect(run.code).toBe(0);
    const operations = operationsSeen();
    expect(operations[0]).toBe('sts:GetCallerIdentity');
    expect(operations).toEqual(expect.arrayContaining(['lambda:ListFunctions', 'sqs:ListQueues', 'kinesis:ListStreams', 'dynamodb:ListTables', 'iam:ListRoles']));
  });
});

describe('an AWS endpoint', () => {
  const settings = { region: 'eu-west-1', timeoutMs: 5_000 };

  it('is always guarded; another target only when accounts are named', () => {
    expect(accountIsGuarded('https://lambda.eu-west-1.amazonaws.com', { allowedAccounts: null })).toBe(true);
    expect(accountIsGuarded('https://lambda.cn-north-1.amazonaws.com.cn', { allowedAccounts: null })).toBe(true);
    expect(accountIsGuarded('https://lambda.eu-west-1.api.aws', { allowedAccounts: null })).toBe(true);
    expect(accountIsGuarded('http://127.0.0.1:4566', { allowedAccounts: null })).toBe(false);
    expect(accountIsGuarded('http://127.0.0.1:4566', { allowedAccounts: [ANOTHER] })).toBe(true);
  });

  it("asks STS's regional endpoint in the target's partition; any other target at its own origin", () => {
    expect(stsEndpointOf('https://lambda.eu-west-1.amazonaws.com', 'eu-west-1')).toBe('https://sts.eu-west-1.amazonaws.com');
    expect(stsEndpointOf('https://lambda.cn-north-1.amazonaws.com.cn', 'cn-north-1')).toBe('https://sts.cn-north-1.amazonaws.com.cn');
    expect(stsEndpointOf('https://lambda.us-east-1.api.aws', 'us-east-1')).toBe('https://sts.us-east-1.amazonaws.com');
    expect(stsEndpointOf('http://localstack:4566', 'us-east-1')).toBe('http://localstack:4566');
  });

  it('is refused without --allow-account, naming the account of the credentials (STS played by the reference server)', async () => {
    const problem = await accountProblem('https://lambda.eu-west-1.amazonaws.com', credentials, { ...settings, allowedAccounts: null }, server.url);
    expect(problem).toBe(
      `https://lambda.eu-west-1.amazonaws.com is an AWS endpoint and the credentials in use are of account ${ITS_ACCOUNT}: name the accounts the tool may touch with ` +
        `--allow-account ${ITS_ACCOUNT} (or LESM_ALLOWED_ACCOUNTS=${ITS_ACCOUNT}) if it is a sandbox you mean to use, or pass --profile NAME for other credentials.`,
    );
    expect(await accountProblem('https://lambda.eu-west-1.amazonaws.com', credentials, { ...settings, allowedAccounts: [ITS_ACCOUNT] }, server.url)).toBeNull();
  });

  it('is refused when STS cannot say which account it is', async () => {
    const problem = await accountProblem('https://lambda.eu-west-1.amazonaws.com', credentials, { ...settings, allowedAccounts: [ITS_ACCOUNT] }, 'http://127.0.0.1:1');
    expect(problem).toMatch(/^STS at http:\/\/127\.0\.0\.1:1 could not be asked which account the credentials belong to \(.+\), so nothing is sent to https:\/\/lambda\.eu-west-1\.amazonaws\.com;/);
  });
});
