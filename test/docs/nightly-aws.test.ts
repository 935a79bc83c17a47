// The nightly against an AWS sandbox, as the README's "Run nightly against an AWS sandbox" gives it:
// the runner's policy lists exactly the AWS actions the code can call (read from the code, see
// test/support/aws-actions.ts), and examples/nightly-aws.yml is a workflow that does what the
// section says.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadEdition } from '../../src/spec/load.ts';
import { isJsonObject } from '../../src/json-object.ts';
import { collectAwsActions, lambdaRouteOf } from '../support/aws-actions.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(new URL('README.md', `file://${root}`), 'utf8');

/** Where the code that runs against a target lives: `run`, `cleanup`, `pact verify`, the vitest adapter; not the reference server, the tests or the benchmarks. */
const CALLING_PARTS = ['cli', 'src', 'fixtures', 'suites'];

/** Actions AWS answers for any credentials, which no policy can deny (STS API reference, GetCallerIdentity). */
const NEEDS_NO_PERMISSION = new Set(['sts:GetCallerIdentity']);

const POLICY_MARK = "<!-- the runner's policy: test/docs/nightly-aws.test.ts -->";

interface PolicyStatement {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  /** The policy's Condition, as JSON text ('' without one). */
  readonly condition: string;
}

/** The statements of the policy that follows the mark in the README. */
function readmeStatements(readme: string): PolicyStatement[] {
  const at = readme.indexOf(POLICY_MARK);
  if (at === -1) throw new Error(`the README has no "${POLICY_MARK}" before the runner's policy`);
  const block = /^```json\n([\s\S]*?)\n```$/m.exec(readme.slice(at));
  if (block?.[1] === undefined) throw new Error("no ```json block follows the mark of the runner's policy in the README");
  const policy: unknown = JSON.parse(block[1]);
  const statements = isJsonObject(policy) && Array.isArray(policy['Statement']) ? policy['Statement'] : [];
  const list = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).map(String);
  return statements.filter(isJsonObject).map((statement) => ({
    sid: String(statement['Sid']),
    actions: list(statement['Action']),
    resources: list(statement['Resource']),
    condition: statement['Condition'] === undefined ? '' : JSON.stringify(statement['Condition']),
  }));
}

/** The actions of the README's policy, each with the statement (Sid) that grants it. */
function readmePolicy(readme: string): Map<string, string> {
  return new Map(readmeStatements(readme).flatMap((statement) => statement.actions.map((action) => [action, statement.sid] as const)));
}

/** Every action the code can call, with where: the collected calls, and the operation every case sends, as each edition writes it. */
function calledActions(): { actions: Map<string, readonly string[]>; unnamed: readonly string[] } {
  const collected = collectAwsActions(root, CALLING_PARTS);
  const actions = new Map(collected.actions);
  const unnamed = [...collected.unnamed];
  for (const file of readdirSync(new URL('specs/', `file://${root}`))) {
    const edition = /^create-event-source-mapping\.([a-z][a-z0-9-]*)\.yaml$/.exec(file)?.[1];
    if (edition === undefined) continue;
    const { method, path } = loadEdition(edition).operation;
    const action = lambdaRouteOf(method, path);
    if (action === null) unnamed.push(`specs/${file}: the operation ${method} ${path} is no route the test knows`);
    else actions.set(action, [...(actions.get(action) ?? []), `specs/${file} (every case)`]);
  }
  return { actions, unnamed };
}

describe("the README's policy for the nightly runner", () => {
  it('lists exactly the AWS actions the code can call, saying which are missing or extra', () => {
    const { actions: called, unnamed } = calledActions();
    const listed = readmePolicy(README);
    const problems = [
      ...unnamed.map((call) => `a call the test cannot name, so the policy cannot be checked for it: ${call}`),
      ...[...called]
        .filter(([action]) => !listed.has(action) && !NEEDS_NO_PERMISSION.has(action))
        .map(([action, where]) => `missing from the README's policy: ${action}, called at ${where.join(', ')}`),
      ...[...listed]
        .filter(([action]) => !called.has(action))
        .map(([action, sid]) => `extra in the README's policy: ${action} (statement ${sid}), which no code calls`),
      ...[...listed.keys()].filter((action) => NEEDS_NO_PERMISSION.has(action)).map((action) => `${action} needs no permission: drop it from the README's policy`),
    ];
    expect(problems).toEqual([]);
    // The run's own calls and the provisioning's, at least: a collection that missed a part of the code would pass against a policy as short.
    expect([...called.keys()]).toEqual(
      expect.arrayContaining(['lambda:CreateEventSourceMapping', 'lambda:DeleteEventSourceMapping', 'lambda:GetEventSourceMapping', 'lambda:ListEventSourceMappings', 'lambda:CreateFunction', 'iam:CreateRole', 'iam:PassRole']),
    );
  });

  it('grants no wildcard action, and holds every statement to the lesm- names but for the actions the README says why', () => {
    const statements = readmeStatements(README);
    expect(statements.flatMap((statement) => statement.actions).filter((action) => action.includes('*'))).toEqual([]);
    // The words after the policy, up to the next section.
    const policyEnd = README.indexOf('\n```\n', README.indexOf(POLICY_MARK));
    const whyNot = README.slice(policyEnd, README.indexOf('\n## ', policyEnd));
    const unexplained = statements
      .filter((statement) => !statement.resources.every((resource) => resource.includes(':lesm-') || resource.includes('/lesm-')) && !statement.condition.includes(':lesm-'))
      .flatMap((statement) => statement.actions)
      .filter((action) => !whyNot.includes(`\`${action}\``));
    expect(unexplained).toEqual([]);
  });
});

describe('the collection of AWS actions from the code', () => {
  const collect = (sources: Record<string, string>) => collectAwsActions(root, [], new Map(Object.entries(sources)));

  it('names SDK commands, the tagging a create with tags needs, and the role a function is given', () => {
    const { actions, unnamed } = collect({
      'fixtures/x.ts': [
        "import { CreateQueueCommand, ListQueuesCommand as Listing } from '@aws-sdk/client-sqs';",
        "import { CreateFunctionCommand } from '@aws-sdk/client-lambda';",
        "await sqs.send(new CreateQueueCommand({ QueueName: name, tags: runTags(id) }));",
        'await sqs.send(new Listing({}));',
        "await lambda.send(new CreateFunctionCommand({ FunctionName: name, Role: role }));",
      ].join('\n'),
    });
    expect([...actions.keys()].sort()).toEqual(['iam:PassRole', 'lambda:CreateFunction', 'sqs:CreateQueue', 'sqs:ListQueues', 'sqs:TagQueue']);
    expect(actions.get('sqs:TagQueue')).toEqual(['fixtures/x.ts:3']);
    expect(unnamed).toEqual([]);
  });

  it('names the Lambda REST requests the transport sends, following a path to the const that writes it, across an import', () => {
    const { actions, unnamed } = collect({
      'src/paths.ts': "export const MAPPINGS = '/2015-03-31/event-source-mappings/';",
      'src/y.ts': [
        "import { MAPPINGS } from './paths.ts';",
        "await target.send({ method: 'GET', path: `${MAPPINGS}?${query}`, headers: {}, body: undefined });",
        'const path = `${MAPPINGS}${encodeURIComponent(uuid)}`;',
        "await target.send({ method: 'DELETE', path, headers: {}, body: undefined });",
        // A copy of the case's request passes that one on: its action is the spec's operation.
        'const sent = { method: request.method, path: request.path };',
      ].join('\n'),
    });
    expect(Object.fromEntries(actions)).toEqual({ 'lambda:ListEventSourceMappings': ['src/y.ts:2'], 'lambda:DeleteEventSourceMapping': ['src/y.ts:4'] });
    expect(unnamed).toEqual([]);
  });

  it('names a query-protocol request by the Action in its body and the service its transport signs for', () => {
    const { actions, unnamed } = collect({
      'cli/sts.ts': [
        "const IDENTITY = 'Action=GetCallerIdentity&Version=2011-06-15';",
        "const transport = createTransport({ url: sts, region, credentials, service: 'sts' });",
        "await transport.send({ method: 'POST', path: '/', headers: {}, body: IDENTITY });",
      ].join('\n'),
    });
    expect(Object.fromEntries(actions)).toEqual({ 'sts:GetCallerIdentity': ['cli/sts.ts:3'] });
    expect(unnamed).toEqual([]);
  });

  it('reports what it cannot name: a request off the known routes, a create with tags it knows no tagging action of', () => {
    const { unnamed } = collect({
      'cli/z.ts': [
        "import { CreateTopicCommand } from '@aws-sdk/client-sns';",
        "await sns.send(new CreateTopicCommand({ Name: name, Tags: tags }));",
        "await target.send({ method: 'POST', path: '/', headers: {}, body: '{}' });",
      ].join('\n'),
    });
    expect(unnamed).toEqual([
      'cli/z.ts:2: (no IAM prefix known for @aws-sdk/client-sns: add it to IAM_PREFIX_OF_CLIENT):CreateTopic with Tags: which action authorizes its tagging? (add it to ALSO_AUTHORIZED)',
      'cli/z.ts:3: POST / is no route of LAMBDA_ROUTES',
    ]);
  });
});

describe('examples/nightly-aws.yml', () => {
  interface Step {
    readonly name?: string;
    readonly uses?: string;
    readonly run?: string;
    readonly if?: string;
    readonly shell?: string;
    readonly with?: Readonly<Record<string, unknown>>;
    readonly 'timeout-minutes'?: number;
  }
  const text = readFileSync(new URL('examples/nightly-aws.yml', `file://${root}`), 'utf8');
  const workflow = parse(text) as { on: { schedule?: ReadonlyArray<{ cron?: string }> }; permissions: Readonly<Record<string, string>>; jobs: Readonly<Record<string, { steps: readonly Step[]; 'timeout-minutes'?: number }>> };
  const jobs = Object.values(workflow.jobs);
  const steps = jobs[0]?.steps ?? [];
  const runLine = (step: Step | undefined): string => (step?.run ?? '').replace(/\s+/g, ' ');

  it('is one scheduled job that may ask GitHub for an OIDC token, and assumes a role with it before the run', () => {
    expect(jobs).toHaveLength(1);
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(workflow.permissions['id-token']).toBe('write');
    const assume = steps.findIndex((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@') === true);
    expect(steps[assume]?.with).toMatchObject({ 'role-to-assume': expect.stringContaining('${{ vars.') });
    const run = steps.findIndex((step) => runLine(step).includes('lambda-esm-conformance run '));
    expect(assume).toBeGreaterThanOrEqual(0);
    expect(run).toBeGreaterThan(assume);
  });

  it('runs the current edition against Lambda in the sandbox, guarded by its account, and uploads the reports whatever the verdict', () => {
    const run = runLine(steps.find((step) => runLine(step).includes('lambda-esm-conformance run ')));
    expect(run).toContain('run --edition current --allow-account ${{ vars.AWS_SANDBOX_ACCOUNT }}');
    expect(run).toMatch(/--target "\$TARGET" --region "\$AWS_REGION"/);
    expect(text).toContain('TARGET: https://lambda.${{ vars.AWS_SANDBOX_REGION }}.amazonaws.com');
    const reportDir = /--report-dir (\S+)/.exec(run)?.[1];
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-artifact@') === true)).toMatchObject({ if: 'always()', with: { path: reportDir } });
  });

  it('holds the current edition against the latest botocore model with drift, whatever the run found, failing the step on a difference', () => {
    const drift = steps.find((step) => runLine(step).includes('lambda-esm-conformance drift '));
    expect(drift?.if).toBe('always()');
    expect(runLine(drift)).toContain('pip install --upgrade --quiet botocore');
    expect(runLine(drift)).toContain('lambda-esm-conformance drift --edition current --model "$MODEL"');
    expect(runLine(drift)).toContain('/data/lambda/2015-03-31/service-2.json.gz');
    // Piped to the summary: only bash's pipefail keeps drift's exit code.
    expect(drift?.shell).toBe('bash');
  });

  it('always runs cleanup of what is older than 2 h, guarded by the same account, as its last step, with time left for it', () => {
    const last = steps.at(-1);
    expect(last?.if).toBe('always()');
    const runStep = steps.find((step) => runLine(step).includes('lambda-esm-conformance run '));
    expect(runStep?.['timeout-minutes']).toBeLessThan(jobs[0]?.['timeout-minutes'] ?? 0);
    expect(runLine(last)).toContain('lambda-esm-conformance cleanup --older-than 2h --allow-account ${{ vars.AWS_SANDBOX_ACCOUNT }}');
  });
});
