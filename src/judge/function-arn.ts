import type { JudgeContext } from './judge-context.ts';

const functionArn = /^arn:(?<partition>aws[a-zA-Z-]*)?:lambda:(?<region>[a-z]{2}(-gov)?-[a-z]+-\d):(?<account>\d{12}):function:(?<name>[a-zA-Z0-9-_]+)(:(?<qualifier>\$LATEST|[a-zA-Z0-9-_]+))?$/;

/**
 * Whether a returned FunctionArn names the function the request named, in the target's account
 * and region. Returns what is wrong, in sentences; empty when it conforms.
 */
export function checkFunctionArn(returned: unknown, requested: unknown, context: JudgeContext): string[] {
  if (typeof returned !== 'string') return [`FunctionArn should be a function ARN, got ${JSON.stringify(returned) ?? 'nothing'}`];
  const parsed = functionArn.exec(returned)?.groups;
  if (parsed === undefined) return [`FunctionArn "${returned}" is not a function ARN of the documented form`];
  const home = functionArn.exec(context.functionArn)?.groups;
  const problems: string[] = [];
  const name = typeof requested === 'string' ? nameIn(requested) : undefined;
  if (name !== undefined && parsed['name'] !== name) problems.push(`FunctionArn "${returned}" names function "${parsed['name']}", not the requested "${name}"`);
  if (home !== undefined && (parsed['account'] !== home['account'] || parsed['region'] !== home['region'])) {
    problems.push(`FunctionArn "${returned}" is not in the target's account ${home['account']} and region ${home['region']}`);
  }
  return problems;
}

/** The bare function name in any documented FunctionName form. */
function nameIn(functionName: string): string | undefined {
  const parts = functionName.split(':');
  const marker = parts.indexOf('function');
  return marker >= 0 ? parts[marker + 1] : parts[0];
}
