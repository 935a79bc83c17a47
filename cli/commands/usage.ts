import { COMMAND_FLAGS } from './flag-tables.ts';
import { flagHelp, type FlagTable } from './flags.ts';

/** One form of a command in the help: its synopsis, what it does (wrapped by hand), and its flags' table. */
interface HelpSection {
  readonly synopsis: string;
  readonly about: string;
  readonly flags?: FlagTable;
}

function sectionText({ synopsis, about, flags }: HelpSection): string {
  return `  lambda-esm-conformance ${synopsis}\n${about}${flags === undefined ? '' : `${flagHelp(flags)}\n`}`;
}

const runSection: HelpSection = {
  synopsis: 'run [options]',
  about: `      Sends every case to a target, judges each answer, writes report.html, junit.xml,
      results.json and badge.json. Without --target (or AWS_ENDPOINT_URL) it starts the embedded reference server.
`,
  flags: COMMAND_FLAGS.run,
};

const listSections: readonly HelpSection[] = [
  {
    synopsis: 'list [options]',
    about: `      The generated cases: a table, or with --json one object per case.
`,
    flags: COMMAND_FLAGS.list,
  },
  {
    synopsis: 'list --edition-diff A B [--json] [--grep PATTERN]',
    about: `      The cases two editions judge differently (only in one, sent differently, another outcome or
      other success checks), each with the clause behind it.
`,
  },
];

const pactSections: readonly HelpSection[] = [
  {
    synopsis: 'pact export [options]',
    about: `      Writes the contract as a Pact file (specification V4), one interaction per case with one
      answer (cases the documentation leaves open are left out, and listed), to OUT/CONSUMER-PROVIDER.json.
`,
    flags: COMMAND_FLAGS['pact export'],
  },
  {
    synopsis: 'pact verify [options]',
    about: `      Pact's verifier checks the target against a Pact file. The fixtures its provider states name
      are created and deleted again as for run. Same reports and exit codes as run.
`,
    flags: COMMAND_FLAGS['pact verify'],
  },
];

const diffSection: HelpSection = {
  synopsis: 'diff A/results.json B/results.json [--json] | diff RECORDING_A RECORDING_B',
  about: `      One line per case that differs between two runs: newly failing, newly passing, answer
      changed (status or error type), only in A, only in B, with each run's seed and each failing
      property case's counterexample. Given two recording directories (run --record), what the
      target answered differently. Exit 1 when any differs, 0 when none, 2 when a file is not a
      results.json or a recording of this tool.
`,
  flags: COMMAND_FLAGS.diff,
};

const cleanupSection: HelpSection = {
  synopsis: 'cleanup --target URL [options]',
  about: `      Deletes what runs left on a target (a run killed with SIGKILL deletes nothing): resources named
      lesm-<run id>-… whose lesm-run-id tag names that run, never one without both; the mappings of
      their functions first, then the functions and sources, then the role. Exit 0 when everything
      chosen is gone, 1 when something could not be deleted, 2 for bad flags or an account not allowed.
`,
  flags: COMMAND_FLAGS.cleanup,
};

const serveSection: HelpSection = {
  synopsis: 'serve [options]',
  about: `      The embedded reference server: Lambda (CreateEventSourceMapping and friends), plus the SQS,
      Kinesis and DynamoDB calls fixtures need, on one endpoint. Prints its URL as the first line of
      stdout, logs requests to stderr, and exits 0 on Ctrl-C (SIGINT) or SIGTERM; 2 for bad flags.
`,
  flags: COMMAND_FLAGS.serve,
};

const reproduceSection: HelpSection = {
  synopsis: 'reproduce CASE_ID [options]',
  about: `      One case, as run sends it: makes the fixtures it needs, sends it (a property case: the
      value its seed draws and shrinks to, so give the run's --seed), prints the request, the answer
      and the verdict, and deletes what it made. Writes no reports. Exit 0 the case conforms, 1 it
      does not, 2 it could not be judged or nothing was sent.
`,
  flags: COMMAND_FLAGS.reproduce,
};

const driftSection: HelpSection = {
  synopsis: 'drift --model FILE [options]',
  about: `      The edition held against AWS's service model for Lambda (botocore's service-2.json, gzipped
      or not, or the Smithy JSON AST): CreateEventSourceMapping's members the edition does not mention
      or the model no longer has, ranges, lengths, patterns and values that differ, errors the edition
      never expects, and documentation changed since the edition's document was extracted; one line
      each with what to do. Members the spec lists under outOfScope: are left out. Exit 0 when
      nothing differs, 1 when something does, 2 for a file that cannot be read.
`,
  flags: COMMAND_FLAGS.drift,
};

const mergeSection: HelpSection = {
  synopsis: 'merge SHARD/results.json… [options]',
  about: `      Joins the results.json of the shards of one run (run --shard I/N, paths or globs) into the
      record one unsplit run would have written, case for case, and writes the four reports from it;
      exits as that run would have. Exit 2, naming them, for shards of different editions, seeds or
      selections, a shard given twice, or a shard missing.
`,
  flags: COMMAND_FLAGS.merge,
};

const dashboardSection: HelpSection = {
  synopsis: 'dashboard RESULTS… [options]',
  about: `      Many runs on one page: index.html and dashboard.json from results.json files (paths or
      globs). Side by side, one column per target (its --label) and edition, the cases where they
      disagree first; over time, each target's runs as a chart, with the cases that changed.
`,
  flags: COMMAND_FLAGS.dashboard,
};

const helpSection: HelpSection = {
  synopsis: 'help | --help | --version',
  about: `      This text; the version.
`,
};

const exitCodes = `Exit codes: 0 every case conforms (with --expectations: no regression and no unexpected
pass), 1 some case does not (or could not be judged; or the run was cut short),
2 nothing could be judged (bad flags, an unreadable spec, a report directory that cannot be
written, no credentials, a target that cannot be reached or is not Lambda, fixtures that cannot
be made or found), 130/143 stopped by SIGINT/SIGTERM (the report of what was judged is still written).
`;

const sections = (...parts: readonly HelpSection[]): string => parts.map(sectionText).join('');

/** What `COMMAND --help` prints, for each command that has no help of its own. */
export const commandUsage = {
  run: `Usage:\n${sections(runSection)}\n${exitCodes}`,
  list: `Usage:\n${sections(...listSections)}`,
  pact: `Usage:\n${sections(...pactSections)}\n${exitCodes}`,
  diff: `Usage:\n${sections(diffSection)}`,
  cleanup: `Usage:\n${sections(cleanupSection)}`,
  serve: `Usage:\n${sections(serveSection)}`,
  reproduce: `Usage:\n${sections(reproduceSection)}`,
  drift: `Usage:\n${sections(driftSection)}`,
  merge: `Usage:\n${sections(mergeSection)}`,
  dashboard: `Usage:\n${sections(dashboardSection)}`,
} as const;

export const usage = `lambda-esm-conformance: conformance tests for the AWS Lambda CreateEventSourceMapping API

Usage:
${sections(runSection, ...listSections, ...pactSections, diffSection, cleanupSection, serveSection, reproduceSection, driftSection, mergeSection, dashboardSection, helpSection)}
${exitCodes}`;
