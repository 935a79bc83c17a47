// Every command's flags, one table each: the parser, the checks, the environment fallbacks, the
// defaults and `--help` come from here, and test/cli/flag-docs.test.ts holds the README to it.
// Kept light (no HTTP, no AWS SDK): cli/main.ts shows the help without loading a command.
import { DEFAULT_CONSUMER, DEFAULT_PROVIDER } from '../../src/pact/export.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS } from '../../src/transport/defaults.ts';
import { AWS_START_RPS } from '../../src/transport/request-pacer.ts';
import { allowedAccountsProblem, grepProblem, type FlagTable, type TextFlag, type WholeNumberFlag } from './flags.ts';
import { MAX_SEED } from '../../src/gate/expectations.ts';
import { checkRunId } from '../../src/provisioning/resource-names.ts';
import { durationProblem } from './duration.ts';
import { labelProblem, REFERENCE_LABEL } from './label.ts';
import { shardProblem } from './shard.ts';
import { editionProblem } from '../../src/spec/edition-names.ts';
import { AWS_TIMING_NAMES, DEFAULT_AWS_TIMING } from '../../reference/aws-timing.ts';
import { ACCOUNT_ID } from '../../reference/account.ts';
import { DEFAULT_FAULT_SEED } from '../../reference/faults/fault-options.ts';
import {
  awsTimingSetting,
  DEFAULT_SERVE_PORT,
  faultScopeProblem,
  faultSetting,
  SERVE_FAULTS,
  serveEditionProblem,
  settingProblem,
} from '../../reference/serve-settings.ts';

/** Where `pact export` writes and `pact verify` reads, unless told otherwise. */
export const DEFAULT_PACT_DIR = 'pacts';

/** The Pact convention for a file name: consumer-provider.json. */
export function pactFileName(consumer: string, provider: string): string {
  return `${consumer}-${provider}.json`;
}

/** Against real AWS every value drawn is a call: a few per property by default. */
export const DEFAULT_PROPERTY_RUNS = 10;

/**
 * Values a failing property sends while shrinking, at most. Measured on both editions' property
 * domains (8 seeds, a wrong server failing above the 10th, 50th or 90th percentile of the values
 * drawn): an integer counterexample shrank fully within 33 values every time (1,056 shrinks); a
 * string one (a function name, an event source ARN) took a median of 99 and up to 156,751. Against AWS each value
 * is a create, a delete and the polls until it is gone, on a quota of 15 calls per second the whole
 * account shares: 50 lets every integer property finish and keeps a string one to a few seconds.
 */
export const DEFAULT_MAX_SHRINK_REQUESTS = 50;

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

const allowAccount = {
  type: 'string',
  value: 'IDS',
  env: ['LESM_ALLOWED_ACCOUNTS'],
  refuse: allowedAccountsProblem,
  otherwise: 'an AWS endpoint is refused, any other target is not checked',
  help: 'the AWS accounts (12 digits each, comma-separated) the command may touch: STS GetCallerIdentity is asked first, and credentials of any other account are refused (exit 2) before any other request',
} as const satisfies TextFlag;

export const RUN_FLAGS = {
  target,
  edition: {
    type: 'string',
    value: 'NAME',
    default: 'seed',
    refuse: editionProblem,
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
  'allow-account': allowAccount,
  'max-shrink-requests': {
    type: 'integer',
    value: 'N',
    min: 0,
    max: 100_000,
    note: '0 reports the first failing value drawn',
    default: DEFAULT_MAX_SHRINK_REQUESTS,
    help: "values a failing property case sends while shrinking its counterexample, at most; when reached, the counterexample is the smallest failure found so far, and says so",
  },
  'max-rps': {
    type: 'integer',
    value: 'N',
    min: 1,
    max: 10_000,
    otherwise: `${AWS_START_RPS} against an AWS endpoint, else none`,
    help: 'requests per second to the target, never more, the fixtures\' calls included; the run slows down by itself when throttled and speeds up again after a quiet second',
  },
  'keep-fixtures': {
    type: 'boolean',
    help: "leave the role, functions and sources auto fixtures made on the target (the cases' own mappings are still deleted), so that the reports' curl lines can be sent as they are; prints the cleanup command that deletes them",
  },
  label: {
    type: 'string',
    value: 'NAME',
    otherwise: `the target's origin, or "${REFERENCE_LABEL}"`,
    refuse: labelProblem,
    help: "the target's name in every report and on the dashboard, such as \"moto 5.2.1\"",
  },
  shard: {
    type: 'string',
    value: 'I/N',
    refuse: shardProblem,
    help: 'run only the I-th of N slices of the selected cases (the same slice for the same seed, edition and selection), each provisioning its own fixtures; merge joins the slices\' results.json',
  },
  record: {
    type: 'string',
    value: 'DIR',
    help: 'also write what the target answered, case by case, as a recording in DIR (recording.json and cases/), normalised with placeholders and without credentials',
  },
  'compare-recording': {
    type: 'string',
    value: 'DIR',
    help: 'also judge each case against the recording in DIR: another status, error type or body member is a recording_conformance failure, which keeps back no level',
  },
  'compare-messages': { type: 'boolean', help: 'with --compare-recording, compare error messages too' },
  quiet: { type: 'boolean', help: 'no line per case and no header: stdout has only the recap and the verdict (warnings and what the fixtures do still go to stderr)' },
} as const satisfies FlagTable;

/** `reproduce` sends one case as `run` sends it: the same flags, less those about a whole run, its reports and its gate. */
export const REPRODUCE_FLAGS = {
  target: RUN_FLAGS.target,
  edition: RUN_FLAGS.edition,
  region,
  profile,
  fixtures,
  'role-arn': RUN_FLAGS['role-arn'],
  timeout,
  seed: { ...seed, otherwise: 'a random 32-bit seed, printed for a property case', help: 'the seed a property case draws from: the seed of the run that found the counterexample draws it again' },
  'property-runs': propertyRuns,
  'allow-account': allowAccount,
  'max-shrink-requests': RUN_FLAGS['max-shrink-requests'],
  'max-rps': RUN_FLAGS['max-rps'],
} as const satisfies FlagTable;

export const LIST_FLAGS = {
  edition: { type: 'string', value: 'NAME', default: 'seed', refuse: editionProblem, help: 'the edition whose cases are listed' },
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
  edition: { type: 'string', value: 'NAME', default: 'seed', refuse: editionProblem, help: 'the edition exported' },
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
  'allow-account': allowAccount,
} as const satisfies FlagTable;

export const CLEANUP_FLAGS = {
  target: { ...target, otherwise: 'refused: cleanup needs a target', help: 'the API endpoint whose leftovers are deleted, as for run' },
  region,
  profile,
  'older-than': {
    type: 'string',
    value: 'DURATION',
    refuse: durationProblem('--older-than'),
    otherwise: 'whatever their age',
    help: 'only resources created at least this long ago (their lesm-created-at tag), such as 90m, 2h or 7d: a nightly sweep leaves a run in progress alone',
  },
  'run-id': {
    type: 'string',
    value: 'ID',
    refuse: runIdProblem,
    otherwise: "every run's",
    help: 'only the resources of this run (the id in their names, lesm-ID-…, and in their lesm-run-id tag)',
  },
  'dry-run': { type: 'boolean', help: 'list what would be deleted and what is left alone, and delete nothing' },
  timeout: { ...timeout, help: 'per request; a busy resource (a mapping still Creating) is tried again for 18 times as long' },
  'allow-account': allowAccount,
} as const satisfies FlagTable;

function runIdProblem(text: string): string | null {
  try {
    checkRunId(text);
    return null;
  } catch (error) {
    return `--run-id: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const faultWords = Object.entries(SERVE_FAULTS).map(([name, fault]) => `${name}=${fault.value} ${fault.does}`);
const timingWords = AWS_TIMING_NAMES.map((name) => `${name}=${DEFAULT_AWS_TIMING[name]}`);

export const SERVE_FLAGS = {
  edition: {
    type: 'string',
    value: 'NAME',
    default: 'seed',
    refuse: serveEditionProblem,
    help: "which AWS to behave as: seed, the 2019 documentation; current, today's AWS (its current model and recorded answers)",
  },
  port: { type: 'integer', value: 'N', min: 0, max: 65_535, note: '0 picks any free port', default: DEFAULT_SERVE_PORT, help: 'the port to listen on' },
  host: {
    type: 'string',
    value: 'ADDRESS',
    default: '127.0.0.1',
    refuse: (host) => (host === '' ? '--host needs an address, such as 127.0.0.1.' : null),
    help: 'the address to listen on',
  },
  fault: {
    type: 'string',
    value: 'NAME=VALUE',
    multiple: true,
    refuse: settingProblem(faultSetting),
    help: `inject a fault, repeat for several: ${faultWords.join('; ')}. RATE is a probability from 0 to 1; the rates may add up to at most 1`,
  },
  'fault-seed': {
    type: 'integer',
    value: 'N',
    min: 0,
    max: MAX_SEED,
    otherwise: String(DEFAULT_FAULT_SEED),
    help: 'the seed of the fault draws: the same seed gives the same faults',
  },
  'fault-scope': {
    type: 'string',
    value: 'esm|all',
    otherwise: 'esm',
    refuse: faultScopeProblem,
    help: 'esm: faults hit only CreateEventSourceMapping; all: every request, fixture provisioning included',
  },
  'aws-timing': {
    type: 'boolean',
    help: `behave asynchronously as AWS does (reference/README.md, "AWS timing"): mappings Creating and Deleting, IAM propagation, functions Pending, ${DEFAULT_AWS_TIMING.controlPlaneRps} Lambda control-plane requests per second`,
  },
  'aws-timing-option': {
    type: 'string',
    value: 'NAME=VALUE',
    multiple: true,
    refuse: settingProblem(awsTimingSetting),
    help: `change one of its values (implies --aws-timing), repeat for several; the values and their defaults: ${timingWords.join(', ')}`,
  },
  account: {
    type: 'string',
    value: 'ID',
    refuse: (account) => (/^\d{12}$/.test(account) ? null : `--account "${account}" must be an AWS account id: 12 digits, such as 111122223333.`),
    otherwise: ACCOUNT_ID,
    help: 'the 12-digit account the server plays: in its ARNs and its STS GetCallerIdentity answer',
  },
  quiet: { type: 'boolean', help: 'do not log requests' },
  replay: {
    type: 'string',
    value: 'DIR',
    help: "answer each case's request with the answer the recording in DIR holds for it (fixture calls as ever; a request it lacks gets 501)",
  },
} as const satisfies FlagTable;

export const DRIFT_FLAGS = {
  edition: { type: 'string', value: 'NAME', default: 'current', help: "the edition held against the model: current (today's AWS) or seed" },
  model: {
    type: 'string',
    value: 'FILE',
    otherwise: 'refused: drift needs a model',
    help: "AWS's service model for Lambda: botocore's data/lambda/2015-03-31/service-2.json, gzipped or not, or the Smithy JSON AST AWS publishes",
  },
  json: { type: 'boolean', help: 'the differences as one JSON object instead of a line each' },
} as const satisfies FlagTable;

export const MERGE_FLAGS = {
  'report-dir': { ...reportDir, help: "where the joined run's report.html, junit.xml, results.json and badge.json go" },
} as const satisfies FlagTable;

export const DASHBOARD_FLAGS = {
  out: { type: 'string', value: 'DIR', default: 'dashboard', help: 'where index.html and dashboard.json go' },
} as const satisfies FlagTable;

export const DIFF_FLAGS = {
  json: { type: 'boolean', help: 'one JSON object: both runs (file, target, edition, seed) and every change, with each side\'s outcome, status, error type and counterexample' },
} as const satisfies FlagTable;

/** Each command that takes flags, as it is typed, with its table: what the help and the README are checked against. */
export const COMMAND_FLAGS = {
  run: RUN_FLAGS,
  list: LIST_FLAGS,
  'pact export': PACT_EXPORT_FLAGS,
  'pact verify': PACT_VERIFY_FLAGS,
  cleanup: CLEANUP_FLAGS,
  serve: SERVE_FLAGS,
  reproduce: REPRODUCE_FLAGS,
  drift: DRIFT_FLAGS,
  merge: MERGE_FLAGS,
  dashboard: DASHBOARD_FLAGS,
  diff: DIFF_FLAGS,
} as const satisfies Readonly<Record<string, FlagTable>>;
