// Every command's flags, one table each: the parser, the checks, the environment fallbacks, the
// defaults and `--help` come from here, and test/cli/flag-docs.test.ts holds the README to it.
// Kept light (no HTTP, no AWS SDK): cli/main.ts shows the help without loading a command.
import { DEFAULT_CONSUMER, DEFAULT_PROVIDER } from '../../src/pact/export.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from '../../src/transport/defaults.ts';
import { AWS_START_RPS } from '../../src/transport/request-pacer.ts';
import { grepProblem, type FlagTable, type TextFlag, type WholeNumberFlag } from './flags.ts';
import { MAX_SEED } from '../../src/gate/expectations.ts';

/** Where `pact export` writes and `pact verify` reads, unless told otherwise. */
export const DEFAULT_PACT_DIR = 'pacts';

/** The Pact convention for a file name: consumer-provider.json. */
export function pactFileName(consumer: string, provider: string): string {
  return `${consumer}-${provider}.json`;
}

/** Against real AWS every value drawn is a call: a few per property by default. */
export const DEFAULT_PROPERTY_RUNS = 10;

const target = {
  type: 'string',
  value: 'URL',
  env: ['AWS_ENDPOINT_URL_LAMBDA', 'AWS_ENDPOINT_URL'],
  otherwise: 'the embedded reference server',
  help: 'the API endpoint, an origin such as http://127.0.0.1:4566 (LocalStack), http://127.0.0.1:5000 (moto) or https://lambda.eu-west-1.amazonaws.com',
} as const satisfies TextFlag;

const region = {
  type: 'string',
  value: 'REGION',
  env: ['AWS_REGION', 'AWS_DEFAULT_REGION'],
  default: 'us-east-1',
  help: 'the SigV4 signing region',
} as const satisfies TextFlag;

const profile = {
  type: 'string',
  value: 'NAME',
  env: ['AWS_PROFILE'],
  otherwise: "the AWS SDK's usual chain",
  help: 'the AWS profile credentials come from',
} as const satisfies TextFlag;

const fixtures = {
  type: 'string',
  value: 'auto|FILE',
  default: 'auto',
  help: 'auto: create a role, functions, a queue, a stream and a table on the target and delete them after; FILE: use the existing ARNs it lists (the format of fixtures/static.example.yaml) and create nothing',
} as const satisfies TextFlag;

const reportDir = {
  type: 'string',
  value: 'DIR',
  default: 'reports',
  help: 'where report.html, junit.xml, results.json and badge.json go',
} as const satisfies TextFlag;

const timeout = {
  type: 'integer',
  value: 'MS',
  min: 1,
  max: 600_000,
  default: DEFAULT_TIMEOUT_MS,
  help: 'per request; a request that gets no answer is a case that could not be judged',
} as const satisfies WholeNumberFlag;

const grep = {
  type: 'string',
  value: 'PATTERN',
  refuse: grepProblem,
  help: 'only the cases whose id, clause or title match (a case-insensitive regular expression)',
} as const satisfies TextFlag;

const seed = {
  type: 'integer',
  value: 'N',
  min: 0,
  max: MAX_SEED,
  otherwise: 'a random 32-bit seed, printed',
  help: 'the seed property cases draw their values from: the same seed draws the same values again',
} as const satisfies WholeNumberFlag;

const propertyRuns = {
  type: 'integer',
  value: 'N',
  min: 0,
  max: 10_000,
  note: '0 leaves property cases out',
  default: DEFAULT_PROPERTY_RUNS,
  help: 'values each property case draws, before shrinking; against real AWS every value is a call',
} as const satisfies WholeNumberFlag;

export const RUN_FLAGS = {
  target,
  edition: {
    type: 'string',
    value: 'NAME',
    default: 'seed',
    help: "the contract to judge by: seed (the 2019 documentation) or current (today's AWS); without a target, the embedded server behaves as that edition",
  },
  region,
  profile,
  fixtures,
  'role-arn': {
    type: 'string',
    value: 'ARN',
    help: 'with auto fixtures: give the functions this existing execution role instead of creating one',
  },
  'report-dir': reportDir,
  concurrency: { type: 'integer', value: 'N', min: 1, max: 256, default: DEFAULT_CONCURRENCY, help: 'requests in flight at once' },
  timeout,
  grep,
  repeat: {
    type: 'integer',
    value: 'N',
    min: 1,
    max: 100,
    default: 1,
    help: 'send every case N times, to see whether answers are stable and what a larger run costs',
  },
  expectations: {
    type: 'string',
    value: 'FILE',
    help: 'gate on known deviations (YAML, see examples/moto.expectations.yaml): exit 0 unless a case regresses or a listed case passes',
  },
  'update-expectations': {
    type: 'string',
    value: 'FILE',
    help: "write the run's deviations to FILE in that format, with the seed, edition and version it was made with, keeping the file's comments and the reasons of entries that still apply; exits 0 once written",
  },
  seed: { ...seed, otherwise: "the expectations file's seed, else a random 32-bit seed; printed with where it came from" },
  'property-runs': propertyRuns,
  'max-rps': {
    type: 'integer',
    value: 'N',
    min: 1,
    max: 10_000,
    otherwise: `${AWS_START_RPS} against an AWS endpoint, else none`,
    help: 'requests per second to the target, never more, the fixtures\' calls included; the run slows down by itself when throttled and speeds up again after a quiet second',
  },
} as const satisfies FlagTable;

export const LIST_FLAGS = {
  edition: { type: 'string', value: 'NAME', default: 'seed', help: 'the edition whose cases are listed' },
  json: { type: 'boolean', help: 'one JSON object per case instead of a table; a property case shows the values it draws first' },
  grep,
  seed,
  'property-runs': propertyRuns,
} as const satisfies FlagTable;

function pacticipant(party: 'consumer' | 'provider', fallback: string): TextFlag & { readonly default: string } {
  return {
    type: 'string',
    value: 'NAME',
    default: fallback,
    help: `the ${party} the Pact file names, and its file name with the ${party === 'consumer' ? 'provider' : 'consumer'}`,
    refuse: (name) =>
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) ? null : `--${party} "${name}" is not a usable pacticipant name: use letters, digits, ".", "_" and "-" (it names the file too).`,
  };
}

export const PACT_EXPORT_FLAGS = {
  edition: { type: 'string', value: 'NAME', default: 'seed', help: 'the edition exported' },
  out: { type: 'string', value: 'DIR', default: DEFAULT_PACT_DIR, help: 'where the Pact file goes, as CONSUMER-PROVIDER.json' },
  consumer: pacticipant('consumer', DEFAULT_CONSUMER),
  provider: pacticipant('provider', DEFAULT_PROVIDER),
} as const satisfies FlagTable;

export const PACT_VERIFY_FLAGS = {
  target,
  pact: {
    type: 'string',
    value: 'FILE',
    default: `${DEFAULT_PACT_DIR}/${pactFileName(DEFAULT_CONSUMER, DEFAULT_PROVIDER)}`,
    help: 'the Pact file to verify, such as the one pact export writes',
  },
  region,
  profile,
  fixtures,
  'report-dir': reportDir,
  timeout,
} as const satisfies FlagTable;

/** Each command that takes flags, as it is typed, with its table: what the help and the README are checked against. */
export const COMMAND_FLAGS = {
  run: RUN_FLAGS,
  list: LIST_FLAGS,
  'pact export': PACT_EXPORT_FLAGS,
  'pact verify': PACT_VERIFY_FLAGS,
} as const satisfies Readonly<Record<string, FlagTable>>;
