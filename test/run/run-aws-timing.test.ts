// Whole runs against the reference server behaving as AWS does (reference/README.md, "AWS timing"),
// its durations cut to tens of milliseconds: a mapping Creating, then Deleting, after each case; a
// role Lambda cannot assume at first; a policy IAM has not yet propagated; functions Pending. A
// target that conforms must be judged so, and the run must leave nothing behind on it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { describe, it, type TestContext } from 'vitest';
import { handlerZip } from '../../src/provisioning/index.ts';
import { LAMBDA_TRUST_POLICY } from '../../src/provisioning/create-role.ts';
import { startReferenceServer, type AwsTimingOptions, type ReferenceServer, type ReferenceEdition } from '../../reference/server.ts';
import { observe } from '../support/reference-observer.ts';
import { idsWith, readResults, runInProcess } from './support/cli-run.ts';
import { remainingFixtures, remainingMappings, runIdIn } from './support/reference-state.ts';

/** The short durations; the rate limit set high, since pacing is tested on its own. */
const SHORT: AwsTimingOptions = { creatingMs: 50, deletingMs: 50, roleAssumableAfterMs: 100, policyPropagationMs: 150, functionPendingMs: 50, controlPlaneRps: 1000 };
/** Far longer than any run here takes: a policy that never counts, a role never assumable. */
const NEVER_MS = 3_600_000;

// Each test has a server of its own and measures no time, so the tests of a block run side by side,
// each with the `expect` of its context (the in-process runs share the environment they stub:
// commandInProcess, test/run/support/cli-run.ts). The two describe blocks (neither concurrent
// itself) run one after the other: the whole editions keep this process busy, and the check of the
// execution role gives up after 18 × a --timeout of 250 ms that a request to a server in a busy
// process could miss.

/** A server of the test's own, closed when it ends (by its context's hook: the global one may name another test running), and `Operation status` of every request it answered. */
async function timedServer({ onTestFinished }: TestContext, edition: ReferenceEdition, timing: AwsTimingOptions): Promise<{ server: ReferenceServer; operations: string[] }> {
  const operations: string[] = [];
  const server = await startReferenceServer({ edition, awsTiming: timing, onRequest: (entry) => operations.push(`${entry.operation} ${entry.status ?? 'none'}`) });
  onTestFinished(() => server.close());
  return { server, operations };
}

describe('a run of each edition against a conforming server with AWS timing', () => {
  it.concurrent.for(['seed', 'current'] as const)('%s: judges every case as conforming, and leaves nothing behind', { timeout: 60_000 }, async (edition, context) => {
    const { expect } = context;
    const { server, operations } = await timedServer(context, edition, SHORT);
    // Each value a property case draws is sent after the last one's mapping is gone: one each keeps the run short.
    const run = await runInProcess(['--target', server.url, '--edition', edition, '--seed', '1', '--property-runs', '1']);
    expect(run.code, run.stderr).toBe(0);
    const report = readResults(run);
    expect(report.complete).toBe(true);
    expect(report.cases.filter((result) => result.outcome !== 'pass').map((result) => `${result.id}: ${result.reasons[0]?.message ?? ''}`)).toEqual([]);
    // Cases' mappings were Creating when their cleanup first tried to delete them, and Deleting after.
    expect(operations).toContain('DeleteEventSourceMapping 400');
    expect(operations).toContain('GetEventSourceMapping 200');
    expect(await remainingMappings(server.url)).toEqual([]);
    expect(await remainingFixtures(server.url, runIdIn(run.stderr))).toEqual([]);
  });
});

describe('the check before the first case that Lambda can use the execution role', () => {
  it.concurrent('waits, saying so, while IAM propagates the policy of the role the run made', async (context) => {
    const { expect } = context;
    const { server } = await timedServer(context, 'seed', { ...SHORT, policyPropagationMs: 2_500 });
    const run = await runInProcess(['--target', server.url, '--grep', '^BatchSize/(sqs|kinesis)/1$']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Lambda cannot use the new execution role on the (SQS queue|Kinesis stream), (SQS queue|Kinesis stream) yet \(IAM takes a few seconds to propagate a role and its policy\): trying again shortly/);
    expect(run.stderr).toMatch(/Lambda can use the execution role on every source, \d+ (ms|s) after the first try/);
    expect(idsWith(readResults(run), 'pass')).toEqual(['BatchSize/kinesis/1', 'BatchSize/sqs/1']);
    expect(await remainingMappings(server.url)).toEqual([]);
  }, 30_000);

  it.concurrent('gives up on a role that never gets the permission within 18 × --timeout: exit 2, one sentence naming it, nothing left behind', async (context) => {
    const { expect } = context;
    const { server } = await timedServer(context, 'seed', { ...SHORT, policyPropagationMs: NEVER_MS });
    // --timeout 250: the wait is 4.5 s.
    const run = await runInProcess(['--target', server.url, '--grep', '^BatchSize/sqs/1$', '--timeout', '250']);
    expect(run.code).toBe(2);
    expect(nothingJudged(run.stderr)).toMatch(
      /^Nothing was judged: Lambda still refuses the execution role the run made after 5 s \(18 × --timeout 250\): a mapping of lesm-\w+-fn to the SQS queue arn:aws:sqs:\S+ is answered 400 InvalidParameterValueException "The function execution role does not have permissions to call ReceiveMessage on SQS", though the role was given sqs:ReceiveMessage, sqs:DeleteMessage and sqs:GetQueueAttributes on the SQS queue \S+; .* run again with a larger --timeout, or pass --role-arn ARN of a role that has it\.$/,
    );
    expect(run.stderr).toMatch(/trying again shortly/);
    expect(await remainingMappings(server.url)).toEqual([]);
    expect(await remainingFixtures(server.url, runIdIn(run.stderr))).toEqual([]);
  }, 30_000);

  it.concurrent('tries a role of the user\'s once (--fixtures FILE, --role-arn), and names what it lacks', async (context) => {
    const { expect } = context;
    const { server, operations } = await timedServer(context, 'seed', SHORT);
    const user = await userResourcesWithoutPermission(server);
    for (const [flags, role] of [
      [['--fixtures', user.file], /give the execution role of users-fn \(aws lambda get-function-configuration --function-name users-fn --query Role names it\)/],
      [['--role-arn', user.roleArn], /give the role arn:aws:iam::123456789012:role\/users-role given by --role-arn/],
    ] as const) {
      operations.splice(0);
      const run = await runInProcess(['--target', server.url, '--grep', '^BatchSize/sqs/1$', ...flags]);
      expect(run.code).toBe(2);
      const sentence = nothingJudged(run.stderr);
      expect(sentence).toMatch(/^Nothing was judged: Lambda cannot use the execution role of \S+: a mapping to the SQS queue arn:aws:sqs:\S+ is answered 400 InvalidParameterValueException "The function execution role does not have permissions to call ReceiveMessage on SQS"; /);
      expect(sentence).toMatch(role);
      expect(sentence).toMatch(/sqs:ReceiveMessage, sqs:DeleteMessage and sqs:GetQueueAttributes on the SQS queue \S+, then run again\.$/);
      expect(run.stderr).not.toMatch(/trying again/);
      expect(operations.filter((operation) => operation.startsWith('CreateEventSourceMapping '))).toEqual(['CreateEventSourceMapping 400']);
    }
    user.destroy();
    expect(await remainingMappings(server.url)).toEqual([]);
  }, 30_000);
});

/** The line saying why nothing was judged (the cleanup's lines come after it). */
function nothingJudged(stderr: string): string {
  return stderr.split('\n').find((line) => line.startsWith('Nothing was judged')) ?? stderr;
}

/** A role that trusts Lambda but may read nothing, a function running as it, a queue, and a fixtures file naming them. */
async function userResourcesWithoutPermission(server: ReferenceServer) {
  const observer = observe(server.url);
  const { Role } = await observer.iam.send(new CreateRoleCommand({ RoleName: 'users-role', AssumeRolePolicyDocument: LAMBDA_TRUST_POLICY }));
  const roleArn = Role?.Arn ?? '';
  // The role is assumable only after roleAssumableAfterMs.
  let functionArn: string | undefined;
  while (functionArn === undefined) {
    functionArn = await observer.lambda
      .send(new CreateFunctionCommand({ FunctionName: 'users-fn', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: roleArn, Code: { ZipFile: handlerZip() } }))
      .then((created) => created.FunctionArn, () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 50)));
  }
  const { QueueUrl } = await observer.sqs.send(new CreateQueueCommand({ QueueName: 'users-queue' }));
  const { Attributes } = await observer.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-static-')), 'fixtures.yaml');
  writeFileSync(file, `function: ${functionArn}\nsources:\n  sqs: ${Attributes?.QueueArn ?? ''}\n`);
  return { file, roleArn, destroy: () => observer.destroy() };
}
