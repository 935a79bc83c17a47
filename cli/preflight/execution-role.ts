// Whether Lambda can read each source the cases need with the function's execution role, asked
// before the first case by making a mapping of the function on each source and deleting it again.
// IAM is eventually consistent: for some seconds after a role is made or given a policy, Lambda
// refuses a mapping as if the role lacked it. A case never retries its own request, so a case sent
// then would be judged on IAM's delay; this check waits it out instead (the role the run made), or
// says at once what the role lacks (a role that is the user's).
import { SOURCE_READ_ACTIONS } from '../../src/provisioning/execution-role-actions.ts';
import { doublingPauses } from '../../src/doubling-pauses.ts';
import { cutToLength, MAX_MESSAGE_LENGTH } from '../../src/bounded-text.ts';
import { isSourceFixture, type Fixture, type SourceFixture } from '../../src/cases/case.ts';
import type { FixtureValues } from '../../src/cases/placeholders.ts';
import { createdMapping, deleteMappings, mayHaveCreatedUnknownMapping, sweepMappings } from '../../src/runner/mapping-cleanup.ts';
import { smallestMappingRequest } from '../../src/runner/smallest-mapping.ts';
import { createTransport, describeObservation, errorMessageOf, errorTypeOf, type AwsCredentialIdentityProvider, type Observation, type RequestPacer, type Transport } from '../../src/transport/index.ts';
import { FIXTURE_WAIT_TIMEOUTS } from '../commands/run-fixtures.ts';
import type { RunSettings } from '../commands/run-settings.ts';

/** The refusals AWS documents while IAM has not yet propagated a role or its policy (and for ever when the role lacks them). */
const CANNOT_BE_ASSUMED = /cannot be assumed by Lambda/i;
const ROLE_NOT_USABLE = [CANNOT_BE_ASSUMED, /execution role does not have permissions/i, /ensure the role can perform/i];

/** Between two tries while IAM propagates, doubling from the first to the last. */
const FIRST_PAUSE_MS = 250;
const MAX_PAUSE_MS = 5_000;

const SOURCE_NAMES: Readonly<Record<SourceFixture, string>> = {
  sqs: 'SQS queue',
  sqsFifo: 'SQS FIFO queue',
  sqsShortVisibility: 'SQS queue with a short visibility timeout',
  kinesis: 'Kinesis stream',
  dynamodb: 'DynamoDB stream',
};

export interface ExecutionRoleCheck {
  readonly targetUrl: string;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly settings: Pick<RunSettings, 'region' | 'timeoutMs' | 'fixtures' | 'roleArn'>;
  readonly values: FixtureValues;
  /** What the cases need: each source of it the fixtures have is checked. */
  readonly needs: readonly Fixture[];
  /** Progress lines, while IAM is waited for. */
  readonly log: (line: string) => void;
  /** The run's one rate limiter: the check's requests count against the account's quota too. */
  readonly pacer: RequestPacer;
}

/**
 * A sentence naming the source the function's execution role cannot be used on and the permission
 * it lacks, or null when every source took a mapping (or refused it for another reason: the cases
 * judge that). The role the run made is asked again while Lambda refuses it, within
 * FIXTURE_WAIT_TIMEOUTS × --timeout; a role that is the user's (--fixtures FILE, --role-arn) once.
 */
export async function executionRoleProblem(check: ExecutionRoleCheck): Promise<string | null> {
  const { targetUrl, credentials, settings, values, log } = check;
  const sources = check.needs.filter((need): need is SourceFixture => isSourceFixture(need) && values.sourceArns[need] !== undefined);
  if (values.functionName === '' || sources.length === 0) return null;
  const roleIsNew = settings.fixtures === 'auto' && settings.roleArn === null;
  const boundMs = FIXTURE_WAIT_TIMEOUTS * settings.timeoutMs;
  const transport = createTransport({ url: targetUrl, region: settings.region, credentials, timeoutMs: settings.timeoutMs, concurrency: sources.length, pacer: check.pacer });
  const started = Date.now();
  try {
    // Each round tries every source still refused, side by side; one line says what is waited for.
    let waiting = sources;
    const pauses = doublingPauses({ firstMs: FIRST_PAUSE_MS, maxMs: MAX_PAUSE_MS, deadline: started + boundMs });
    for (let round = 1; ; round += 1) {
      const outcomes = await Promise.all(waiting.map((source) => tryMapping(check, transport, source)));
      const problem = outcomes.find((outcome): outcome is string => typeof outcome === 'string');
      if (problem !== undefined) return problem;
      const refused = outcomes.filter((outcome): outcome is RoleRefusal => outcome !== null);
      const waited = Date.now() - started;
      const [first] = refused;
      if (first === undefined) {
        if (round > 1) log(`Lambda can use the execution role on every source, ${seconds(waited)} after the first try`);
        return null;
      }
      if (!roleIsNew) return userRoleSentence(check, first);
      if (waited >= boundMs) return newRoleSentence(check, first, boundMs);
      waiting = refused.map(({ source }) => source);
      log(
        `Lambda cannot use the new execution role on the ${waiting.map((source) => SOURCE_NAMES[source]).join(', ')} yet (IAM takes a few seconds to propagate a role and its policy): ` +
          `trying again shortly (${seconds(waited)} of at most ${seconds(boundMs)})`,
      );
      await pauses.next();
    }
  } finally {
    await transport.close();
  }
}

/**
 * Makes a mapping of the function on one source and deletes it again: the refusal when Lambda
 * cannot use the role there, a sentence when what was made cannot be deleted, null otherwise.
 */
async function tryMapping(check: ExecutionRoleCheck, transport: Transport, source: SourceFixture): Promise<RoleRefusal | string | null> {
  const { values } = check;
  const sourceArn = values.sourceArns[source] ?? '';
  const answer = await transport.send(smallestMappingRequest(values.functionName, source, sourceArn));
  const leftBehind = await deleteWhatWasMade(check, transport, answer, sourceArn);
  if (leftBehind !== null) {
    return `the mapping of ${values.functionName} to ${sourceNamed(source, sourceArn)} that the check of the execution role made could not be deleted (${leftBehind}), and every case on that source would meet it: delete it, then run again.`;
  }
  return roleRefusal(source, sourceArn, answer);
}

/** A refusal of the documented kind: what it says, as `400 InvalidParameterValueException "…"`, and whether it is about assuming the role. */
interface RoleRefusal {
  readonly source: SourceFixture;
  readonly sourceArn: string;
  readonly quoted: string;
  readonly assume: boolean;
}

/** The refusal, when the answer is one of those IAM's delay gives; null for any other answer (the cases judge those). */
function roleRefusal(source: SourceFixture, sourceArn: string, answer: Observation): RoleRefusal | null {
  const response = answer.response;
  if (response === null || response.status < 400) return null;
  const message = errorMessageOf(response);
  if (!ROLE_NOT_USABLE.some((pattern) => pattern.test(message))) return null;
  const quoted = [response.status, errorTypeOf(response), JSON.stringify(cutToLength(message, MAX_MESSAGE_LENGTH))].filter((part) => part !== null).join(' ');
  return { source, sourceArn, quoted, assume: CANNOT_BE_ASSUMED.test(message) };
}

/**
 * Deletes the mapping the check made, or, when the answer leaves in doubt whether one was made (no
 * answer, no usable UUID), sweeps those of the run's own function to the source: what may be left,
 * or null. On the user's function nothing is looked for: that is said, and the cases go on.
 */
async function deleteWhatWasMade(check: ExecutionRoleCheck, transport: Transport, answer: Observation, sourceArn: string): Promise<string | null> {
  const { settings, values, log } = check;
  const uuid = createdMapping(answer);
  const outcomes = [await deleteMappings(transport, uuid === null ? [] : [uuid])];
  if (mayHaveCreatedUnknownMapping(answer)) {
    if (settings.fixtures === 'auto') outcomes.push(await sweepMappings(transport, values, sourceArn));
    else log(`the answer to the check's mapping of ${values.functionName} to ${sourceArn} (${describeObservation(answer)}) leaves in doubt whether it was made; the function is not this run's, so none was looked for: look for one by hand`);
  }
  const problems = outcomes.flatMap((outcome) => outcome.problems);
  return problems.length === 0 ? null : problems.join('; ');
}

/** What the role must allow for the refusal to stop: Lambda's right to assume it, or the source's read actions. */
function permissionOf(refusal: RoleRefusal): string {
  if (refusal.assume) return 'a trust policy letting lambda.amazonaws.com call sts:AssumeRole';
  const actions = SOURCE_READ_ACTIONS[refusal.source];
  return `${actions.slice(0, -1).join(', ')} and ${actions.at(-1) ?? ''} on ${sourceNamed(refusal.source, refusal.sourceArn)}`;
}

function newRoleSentence(check: ExecutionRoleCheck, refusal: RoleRefusal, boundMs: number): string {
  return (
    `Lambda still refuses the execution role the run made after ${seconds(boundMs)} (${FIXTURE_WAIT_TIMEOUTS} × --timeout ${check.settings.timeoutMs}): ` +
    `a mapping of ${check.values.functionName} to ${sourceNamed(refusal.source, refusal.sourceArn)} is answered ${refusal.quoted}, though the role was given ${permissionOf(refusal)}; ` +
    'a permissions boundary or a service control policy of the account may deny it, or IAM is slower than that here: run again with a larger --timeout, or pass --role-arn ARN of a role that has it.'
  );
}

function userRoleSentence(check: ExecutionRoleCheck, refusal: RoleRefusal): string {
  const { settings, values } = check;
  const role =
    settings.roleArn !== null
      ? `the role ${settings.roleArn} given by --role-arn`
      : `the execution role of ${values.functionName} (aws lambda get-function-configuration --function-name ${values.functionName} --query Role names it)`;
  return `Lambda cannot use the execution role of ${values.functionName}: a mapping to ${sourceNamed(refusal.source, refusal.sourceArn)} is answered ${refusal.quoted}; give ${role} ${permissionOf(refusal)}, then run again.`;
}

function sourceNamed(source: SourceFixture, sourceArn: string): string {
  return `the ${SOURCE_NAMES[source]} ${sourceArn}`;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 1000)} s`;
}
