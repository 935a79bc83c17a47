// Look-alikes planted next to a killed run's leftovers: resources that merely look like the tool's.
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateQueueCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { runTagList, runTags } from '../../../src/provisioning/run-tags.ts';
import { runCli, type ChildRun } from '../../run/support/cli-run.ts';
import { runIdIn } from '../../run/support/reference-state.ts';

const CONFIG = { region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 };
const TRUST = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/** Plants a queue named `name`, tagged as run `runId` made it at `createdAt`, or untagged when `runId` is null. */
export async function plantQueue(url: string, name: string, runId: string | null, createdAt = new Date()): Promise<void> {
  const sqs = new SQSClient({ ...CONFIG, endpoint: url });
  try {
    await sqs.send(new CreateQueueCommand({ QueueName: name, ...(runId !== null && { tags: runTags(runId, createdAt) }) }));
  } finally {
    sqs.destroy();
  }
}

/** Plants a role named `name`, tagged as run `runId` made it at `createdAt`. */
export async function plantRole(url: string, name: string, runId: string, createdAt = new Date()): Promise<void> {
  const iam = new IAMClient({ ...CONFIG, endpoint: url });
  try {
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST, Tags: runTagList(runId, createdAt) }));
  } finally {
    iam.destroy();
  }
}

export async function queueExists(url: string, name: string): Promise<boolean> {
  const sqs = new SQSClient({ ...CONFIG, endpoint: url });
  try {
    await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
    return true;
  } catch (error) {
    const errorName = (error as { name?: string }).name;
    if (errorName === 'QueueDoesNotExist' || errorName === 'AWS.SimpleQueueService.NonExistentQueue') return false;
    throw error;
  } finally {
    sqs.destroy();
  }
}

/** A time `hours` before now. */
export function hoursAgo(hours: number): Date {
  return new Date(Date.now() - hours * 3_600_000);
}

/**
 * A run of the bin against `url`, killed with SIGKILL (no handler runs, nothing is cleaned up) once
 * its sixth case is judged; with the run id its lines named.
 */
export async function runKilledMidway(url: string): Promise<{ readonly run: ChildRun; readonly runId: string }> {
  let killed = false;
  const run = await runCli(['--target', url, '--concurrency', '2', '--property-runs', '1'], {
    watch: (stdout, kill) => {
      if (!killed && /\[ *6\//.test(stdout)) {
        killed = true;
        kill('SIGKILL');
      }
    },
  });
  if (!killed) throw new Error(`the run ended before its sixth case (exit ${String(run.code)}): ${run.stderr.slice(-1_000)}`);
  return { run, runId: runIdIn(run.stderr) };
}
