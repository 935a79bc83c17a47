import { invalidParameter } from '../service-error.ts';

// FunctionName, as the 2019 documentation defines it:
//   Pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?
//   Length Constraints: Minimum length of 1. Maximum length of 140.
//   "The length constraint applies only to the full ARN. If you specify only the function name,
//    it's limited to 64 characters in length."
// AWS patterns match the whole value, hence the anchors.
const DOCUMENTED_PATTERN =
  /^(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\$LATEST|[a-zA-Z0-9-_]+))?$/;

export const MAX_FUNCTION_NAME_LENGTH = 140;
export const MAX_BARE_NAME_LENGTH = 64;

// What a FunctionName points at once the parts it leaves out are filled in from the request.
export interface FunctionReference {
  readonly name: string;
  readonly region: string;
  readonly account: string;
  readonly partition: string;
  readonly qualifier: string | undefined;
  // arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME — the key functions are stored under.
  readonly unqualifiedArn: string;
  // The same, plus ":QUALIFIER" when one was given: what the mapping's FunctionArn reports.
  readonly arn: string;
}

// Checks a FunctionName against the documented length and pattern and resolves it. Any of the four
// documented forms (name, function ARN, version or alias ARN, partial ARN) resolves; the region of a
// form without one is the request's region, the account of a form without one is the server's.
export function resolveFunctionName(value: string, requestRegion: string, account: string, field = 'FunctionName'): FunctionReference {
  if (value.length < 1) {
    throw invalidParameter(`${field} must not be empty.`);
  }
  if (value.length > MAX_FUNCTION_NAME_LENGTH) {
    throw invalidParameter(
      `${field} is ${value.length} characters long; a function name or ARN may be at most ${MAX_FUNCTION_NAME_LENGTH}.`,
    );
  }
  // "Only the function name" is the form with no colon at all: no ARN parts, no qualifier.
  if (!value.includes(':') && value.length > MAX_BARE_NAME_LENGTH) {
    throw invalidParameter(
      `${field} "${value}" is ${value.length} characters long; a function name on its own may be at most ${MAX_BARE_NAME_LENGTH}.`,
    );
  }
  const match = DOCUMENTED_PATTERN.exec(value);
  const name = match?.[7];
  if (match === null || name === undefined) {
    throw invalidParameter(
      `${field} "${value}" is not a function name, function ARN, version or alias ARN, or partial ARN ` +
        '(names may contain only letters, digits, hyphens and underscores).',
    );
  }
  return functionReference({ partition: match[2], region: match[3]?.slice(0, -1), account: match[5]?.slice(0, -1), name, qualifier: match[9] }, requestRegion, account);
}

// The parts a FunctionName pattern matched; absent ones are filled in from the request.
export interface FunctionNameParts {
  readonly partition: string | undefined;
  readonly region: string | undefined;
  readonly account: string | undefined;
  readonly name: string;
  readonly qualifier: string | undefined;
}

export function functionReference(parts: FunctionNameParts, requestRegion: string, serverAccount: string): FunctionReference {
  const partition = parts.partition === undefined || parts.partition === '' ? 'aws' : parts.partition;
  const region = parts.region ?? requestRegion;
  const account = parts.account ?? serverAccount;
  const { name, qualifier } = parts;
  const unqualifiedArn = `arn:${partition}:lambda:${region}:${account}:function:${name}`;
  return {
    name,
    region,
    account,
    partition,
    qualifier,
    unqualifiedArn,
    arn: qualifier === undefined ? unqualifiedArn : `${unqualifiedArn}:${qualifier}`,
  };
}
