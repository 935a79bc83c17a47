// AWS's asynchrony, for a server asked to behave like AWS rather than answer at once (`awsTiming`):
// how long a mapping is Creating and Deleting, how long IAM takes to make a new role assumable and a
// new policy usable, how long a new function is Pending, and how many control-plane requests Lambda
// allows per second. reference/README.md ("AWS timing") names the documentation behind each value.

export interface AwsTimingOptions {
  // A new mapping answers Creating, and Delete meanwhile answers ResourceInUseException.
  readonly creatingMs?: number;
  // A deleted mapping stays visible as Deleting, and blocks a new mapping of its function and source.
  readonly deletingMs?: number;
  // After CreateRole, CreateFunction with the role answers "cannot be assumed by Lambda".
  readonly roleAssumableAfterMs?: number;
  // After PutRolePolicy or AttachRolePolicy, the policy does not yet let Lambda read a source.
  readonly policyPropagationMs?: number;
  // A new function is Pending before it is Active.
  readonly functionPendingMs?: number;
  // Lambda control-plane requests allowed per second for the account, shared by every operation but GetFunction.
  readonly controlPlaneRps?: number;
  // Milliseconds on any monotonic scale; tests pass their own to move time without sleeping.
  readonly now?: () => number;
}

export type AwsTiming = Required<AwsTimingOptions>;

export const DEFAULT_AWS_TIMING: Omit<AwsTiming, 'now'> = {
  creatingMs: 2000,
  deletingMs: 2000,
  roleAssumableAfterMs: 5000,
  policyPropagationMs: 5000,
  functionPendingMs: 1000,
  controlPlaneRps: 15,
};

export const AWS_TIMING_NAMES = Object.keys(DEFAULT_AWS_TIMING) as ReadonlyArray<keyof typeof DEFAULT_AWS_TIMING>;

// `true` or `{}` picks every default; undefined or `false` keeps the server answering at once.
export function resolveAwsTiming(option: boolean | AwsTimingOptions | undefined): AwsTiming | undefined {
  if (option === undefined || option === false) return undefined;
  const given = option === true ? {} : option;
  const problem = awsTimingProblem(given);
  if (problem !== undefined) throw new RangeError(`awsTiming: ${problem}`);
  // A value given as undefined keeps its default, as one left out does.
  const chosen = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_AWS_TIMING, now: Date.now, ...chosen };
}

// A sentence saying which value is unusable and what it may be, or undefined when all are usable.
export function awsTimingProblem(options: AwsTimingOptions): string | undefined {
  for (const name of AWS_TIMING_NAMES) {
    const value = options[name];
    if (value === undefined) continue;
    if (name === 'controlPlaneRps') {
      if (!(Number.isFinite(value) && value > 0)) return `controlPlaneRps must be a number of requests per second above 0, not ${String(value)}.`;
    } else if (!(Number.isFinite(value) && value >= 0)) {
      return `${name} must be a number of milliseconds of at least 0, not ${String(value)}.`;
    }
  }
  return undefined;
}
