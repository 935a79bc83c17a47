import { fieldNaming, requestField } from '../cases/fields.ts';
import { defineResponseCheck, type JudgeContext } from './response-check.ts';
import { ofSuccess } from './wording.ts';

/**
 * The returned FunctionArn has the documented form (`pattern`, from the spec) and names the function
 * the request named, in the target's account and region, with the version or alias it named.
 */
export interface FunctionArnCheck {
  readonly kind: 'function_arn_conformance';
  readonly clause: string;
  /** The documented form of a function ARN (a whole-value regular expression), or null when the spec gives none. */
  readonly pattern: string | null;
}

export const functionArn = defineResponseCheck<FunctionArnCheck>({
  name: 'function_arn_conformance',
  level: 3,
  wording: { prefix: 'function-arn', headline: ofSuccess('names a FunctionArn other than that of the mapped function') },
  // Cites the form the request names its function in: the ARN must name that function.
  attach: {
    toAnswer: ({ spec, form }) => {
      const named = requestField(spec, fieldNaming(spec, 'function'));
      return [{ kind: 'function_arn_conformance', clause: named.forms?.[form].clause ?? named.type.clause, pattern: spec.response.fields['FunctionArn']?.pattern ?? null }];
    },
  },
  judge: {
    body: (check, { body, sent, context }) => functionArnProblems(body['FunctionArn'], sent['FunctionName'], check.pattern, context).map((message) => ({ message })),
  },
  pact: {
    // Only the form: the account and region of the function differ from target to target, and the
    // verifier's provider states, not the file, name it.
    express: (check, draft) => {
      if (check.pattern === null || draft.members.has('FunctionArn')) return;
      draft.members.set('FunctionArn', { example: draft.example('FunctionArn'), matchers: [{ match: 'regex', regex: `^(?:${check.pattern})$` }] });
    },
    explains: (mismatch) => mismatch.path === '$.FunctionArn',
  },
});

interface FunctionArnParts {
  readonly name: string;
  readonly region: string;
  readonly account: string;
  readonly qualifier: string | undefined;
}

/** What is wrong with a returned FunctionArn, in sentences; empty when it conforms. */
function functionArnProblems(returned: unknown, requested: unknown, pattern: string | null, context: JudgeContext): string[] {
  if (typeof returned !== 'string') return [`FunctionArn should be a function ARN, got ${JSON.stringify(returned) ?? 'nothing'}`];
  const documented = pattern === null || new RegExp(`^(?:${pattern})$`).test(returned);
  const parsed = partsOf(returned);
  if (!documented || parsed === undefined) return [`FunctionArn "${returned}" is not a function ARN of the documented form`];
  const home = partsOf(context.functionArn);
  const problems: string[] = [];
  const named = typeof requested === 'string' ? namedIn(requested) : undefined;
  if (named !== undefined && parsed.name !== named.name) problems.push(`FunctionArn "${returned}" names function "${parsed.name}", not the requested "${named.name}"`);
  // A version or an alias is a function of its own: the answer names the one the request named.
  if (named?.qualifier !== undefined && parsed.qualifier !== named.qualifier) {
    problems.push(`FunctionArn "${returned}" drops the requested qualifier ":${named.qualifier}"`);
  }
  if (home !== undefined && (parsed.account !== home.account || parsed.region !== home.region)) {
    problems.push(`FunctionArn "${returned}" is not in the target's account ${home.account} and region ${home.region}`);
  }
  return problems;
}

/** The parts of arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER], the layout every ARN of a function has. */
function partsOf(arn: string): FunctionArnParts | undefined {
  const [prefix, , service, region, account, resource, name, ...rest] = arn.split(':');
  if (prefix !== 'arn' || service !== 'lambda' || resource !== 'function' || name === undefined || rest.length > 1) return undefined;
  if (region === undefined || account === undefined) return undefined;
  return { name, region, account, qualifier: rest[0] };
}

/** The bare function name and its qualifier in any documented FunctionName form. */
function namedIn(functionName: string): { name: string; qualifier: string | undefined } | undefined {
  const parts = functionName.split(':');
  const marker = parts.indexOf('function');
  const at = marker >= 0 ? marker + 1 : 0;
  const name = parts[at];
  return name === undefined ? undefined : { name, qualifier: parts[at + 1] };
}
