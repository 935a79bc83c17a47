// What to do when the fixtures could not be made: one sentence naming the call that failed, why,
// and the flag or permission that gets past it.
import type { ProvisioningFailed, StepFailure } from '../../src/provisioning/index.ts';
import type { RunSettings } from './run-settings.ts';

const SERVICE_NAMES: Readonly<Record<string, string>> = { iam: 'IAM', lambda: 'Lambda', sqs: 'SQS', kinesis: 'Kinesis', dynamodb: 'DynamoDB' };

export function fixtureAdvice(failure: ProvisioningFailed, settings: Pick<RunSettings, 'roleArn'>): string {
  const [first, ...rest] = failure.failures;
  if (first === undefined) return `${failure.message}.`;
  const more = rest.length === 0 ? '' : ` (and ${rest.length} more: ${rest.map((other) => other.call).join(', ')})`;
  const what = `${first.call} for ${first.resource} on ${failure.endpoint}${more}`;
  const useExisting = 'or pass --fixtures FILE to use resources that exist (fixtures/static.example.yaml)';
  const orRole = first.kind === 'role' ? 'pass --role-arn ARN to use an existing execution role and create none, ' : '';

  if (!first.answered) {
    return `${what} got no complete answer (${first.detail}): run again with a larger --timeout if the target is slow, ${orRole}${useExisting}.`;
  }
  if (accessDenied(first)) {
    return (
      `the credentials may not call ${what} (${first.detail}): grant ${first.call}, ${orRole}${useExisting}; ` +
      'aws sts get-caller-identity shows which identity they are.'
    );
  }
  if (first.kind === 'function' && /cannot be assumed/i.test(first.detail)) {
    const trust = 'aws iam get-role --role-name NAME --query Role.AssumeRolePolicyDocument shows whom a role trusts';
    return settings.roleArn !== null
      ? `Lambda cannot assume the role ${settings.roleArn} given by --role-arn (${first.detail}): give a role whose trust policy lets lambda.amazonaws.com assume it (${trust}), or drop --role-arn to let the run create one.`
      : `Lambda could not assume the role the run created, within the wait for IAM (${first.detail}): pass --role-arn ARN of a role that trusts lambda.amazonaws.com (${trust}), ${useExisting}.`;
  }
  const service = SERVICE_NAMES[first.call.split(':')[0] ?? ''] ?? first.call;
  return `${what} failed (${first.detail}): check that the target offers ${service} (LocalStack and moto do), ${orRole}${useExisting}.`;
}

function accessDenied(failure: StepFailure): boolean {
  return failure.status === 403 || /AccessDenied|NotAuthorized|UnauthorizedOperation/.test(failure.errorName);
}
