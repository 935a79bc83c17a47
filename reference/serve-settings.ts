// What the values of `lambda-esm-conformance serve` mean for the server: the faults and AWS timing
// values its NAME=VALUE flags name, their checks, and the settings they make together. Kept light
// (no server): the command's flag table and help in cli/ read it without loading the server.
import { faultOptionsProblem, type FaultOptions, type FaultScope } from './faults/fault-options.ts';
import { isReferenceEdition, REFERENCE_EDITIONS, type ReferenceEdition } from './edition.ts';
import { AWS_TIMING_NAMES, awsTimingProblem, type AwsTimingOptions } from './aws-timing.ts';

/** LocalStack's port, so tools already configured for it just work. */
export const DEFAULT_SERVE_PORT = 4566;

/** The faults --fault NAME=VALUE injects, by NAME: the option it sets and what it does, as the help says it. */
export const SERVE_FAULTS = {
  latency: { option: 'latencyMs', value: 'MS', does: 'adds MS milliseconds before every answer' },
  throttle: { option: 'throttleRate', value: 'RATE', does: 'answers 429 TooManyRequestsException' },
  error: { option: 'errorRate', value: 'RATE', does: 'answers 500 ServiceException' },
  reset: { option: 'resetRate', value: 'RATE', does: 'resets the connection without answering' },
  malformed: { option: 'malformedRate', value: 'RATE', does: 'answers 202 with a truncated JSON body' },
  hang: { option: 'hangRate', value: 'RATE', does: 'never answers (the client must time out)' },
} as const satisfies Readonly<Record<string, { readonly option: keyof FaultOptions; readonly value: 'MS' | 'RATE'; readonly does: string }>>;

/** The --fault-scope words and the scope each one means. */
const SERVE_FAULT_SCOPES: Readonly<Record<string, FaultScope>> = { esm: 'create-event-source-mapping', all: 'all' };

const editionRefusal = (name: string): string => `--edition "${name}" is not an edition of the reference server; choose ${REFERENCE_EDITIONS.join(' or ')}.`;
const scopeRefusal = (word: string): string => `--fault-scope "${word}" must be "esm" or "all".`;

export function serveEditionProblem(name: string): string | null {
  return isReferenceEdition(name) ? null : editionRefusal(name);
}

export function faultScopeProblem(word: string): string | null {
  return Object.hasOwn(SERVE_FAULT_SCOPES, word) ? null : scopeRefusal(word);
}

/** The values of serve's flags, once parsed: as typed, but for the numbers. */
export interface ServeFlagValues {
  readonly edition: string;
  readonly host: string;
  readonly port: number;
  readonly faults: readonly string[];
  readonly faultSeed: number | undefined;
  readonly faultScope: string | undefined;
  readonly awsTiming: boolean;
  readonly awsTimingOptions: readonly string[];
  readonly account: string | undefined;
  readonly quiet: boolean;
}

export interface ServeSettings {
  readonly edition: ReferenceEdition;
  readonly host: string;
  readonly port: number;
  readonly faults: FaultOptions;
  readonly awsTiming: AwsTimingOptions | undefined;
  readonly account: string | undefined;
  readonly quiet: boolean;
}

type Setting = { readonly name: string; readonly value: number } | { readonly problem: string };

/** One --fault NAME=VALUE as the option it sets, or the sentence refusing it. */
export function faultSetting(spec: string): Setting {
  const [name = '', text, ...extra] = spec.split('=');
  if (text === undefined || extra.length > 0 || text === '') {
    return { problem: `--fault "${spec}" must look like NAME=VALUE, such as throttle=0.3 or latency=200.` };
  }
  if (!Object.hasOwn(SERVE_FAULTS, name)) return { problem: `--fault "${name}" is not a fault; use ${Object.keys(SERVE_FAULTS).join(', ')}.` };
  const fault = SERVE_FAULTS[name as keyof typeof SERVE_FAULTS];
  const value = Number(text);
  if (fault.value === 'MS') {
    if (!Number.isFinite(value) || value < 0) return { problem: `--fault ${name}=${text} must be a number of milliseconds of at least 0.` };
  } else if (!Number.isFinite(value) || value < 0 || value > 1) {
    return { problem: `--fault ${name}=${text} must be a probability from 0 to 1.` };
  }
  return { name: fault.option, value };
}

/** One --aws-timing-option NAME=VALUE as the value it sets, or the sentence refusing it. */
export function awsTimingSetting(spec: string): Setting {
  const [name = '', text, ...extra] = spec.split('=');
  if (text === undefined || text === '' || extra.length > 0) {
    return { problem: `--aws-timing-option "${spec}" must look like NAME=VALUE, such as creatingMs=3000.` };
  }
  if (!(AWS_TIMING_NAMES as readonly string[]).includes(name)) {
    return { problem: `--aws-timing-option "${name}" is not an AWS timing value; use ${AWS_TIMING_NAMES.join(', ')}.` };
  }
  const problem = awsTimingProblem({ [name]: Number(text) });
  return problem === undefined ? { name, value: Number(text) } : { problem: `--aws-timing-option ${spec}: ${problem}` };
}

/** The refusal of a NAME=VALUE value, for a flag table: null for a usable one. */
export function settingProblem(read: (spec: string) => Setting): (spec: string) => string | null {
  return (spec) => {
    const setting = read(spec);
    return 'problem' in setting ? setting.problem : null;
  };
}

/** The server's settings from serve's flags, or the sentence refusing them (fault rates adding up past 1, say). */
export function serveSettings(values: ServeFlagValues): ServeSettings | { readonly problem: string } {
  const { edition, faultScope } = values;
  if (!isReferenceEdition(edition)) return { problem: editionRefusal(edition) };
  if (faultScope !== undefined && !Object.hasOwn(SERVE_FAULT_SCOPES, faultScope)) return { problem: scopeRefusal(faultScope) };
  const rates = settingsOf(values.faults, faultSetting);
  if ('problem' in rates) return rates;
  const faults = {
    ...rates.settings,
    ...(values.faultSeed === undefined ? {} : { seed: values.faultSeed }),
    ...(faultScope === undefined ? {} : { scope: SERVE_FAULT_SCOPES[faultScope] }),
  };
  const problem = faultOptionsProblem(faults);
  if (problem !== undefined) return { problem: `the --fault options are not usable: ${problem}` };
  const timing = settingsOf(values.awsTimingOptions, awsTimingSetting);
  if ('problem' in timing) return timing;
  const awsTiming = values.awsTiming || values.awsTimingOptions.length > 0 ? timing.settings : undefined;
  return { edition, host: values.host, port: values.port, faults, awsTiming, account: values.account, quiet: values.quiet };
}

// A later value of the same name wins.
function settingsOf(specs: readonly string[], read: (spec: string) => Setting): { readonly settings: Record<string, number> } | { readonly problem: string } {
  const settings: Record<string, number> = {};
  for (const spec of specs) {
    const setting = read(spec);
    if ('problem' in setting) return setting;
    settings[setting.name] = setting.value;
  }
  return { settings };
}
