import type { FaultOptions, FaultScope } from './faults/fault-options.ts';
import { faultOptionsProblem } from './faults/fault-options.ts';
import { isReferenceEdition, REFERENCE_EDITIONS, type ReferenceEdition } from './edition.ts';
import { AWS_TIMING_NAMES, awsTimingProblem, DEFAULT_AWS_TIMING, type AwsTimingOptions } from './aws-timing.ts';
import { startReferenceServer, type RequestLogEntry } from './server.ts';

// `lambda-esm-conformance serve`: runs the reference server until SIGINT or SIGTERM.
// The first line on stdout is the URL and nothing else, so a script can read it and point a run at it;
// everything else (the request log) goes to stderr and never shows request headers.

const DEFAULT_PORT = 4566; // LocalStack's port, so tools already configured for it just work

export const serveUsage = `Usage: lambda-esm-conformance serve [options]

Runs the embedded reference server: Lambda (CreateEventSourceMapping and friends), plus the SQS,
Kinesis and DynamoDB calls fixtures need, on one endpoint. Prints its URL as the first line of
stdout, logs requests to stderr, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

Options:
  --edition seed|current   which AWS to behave as: seed (default), the 2019 documentation;
                           current, today's AWS (its current model and recorded answers)
  --port N                 port to listen on (default ${DEFAULT_PORT}; 0 picks any free port)
  --host ADDRESS           address to listen on (default 127.0.0.1)
  --fault NAME=VALUE       inject a fault; repeat for several:
                             latency=MS      add MS milliseconds before every answer
                             throttle=RATE   answer 429 TooManyRequestsException
                             error=RATE      answer 500 ServiceException
                             reset=RATE      reset the connection without answering
                             malformed=RATE  answer 202 with a truncated JSON body
                             hang=RATE       never answer (the client must time out)
                           RATE is a probability from 0 to 1; the rates may add up to at most 1.
  --fault-seed N           seed for the fault draws: the same seed gives the same faults (default 1)
  --fault-scope esm|all    esm (default): faults hit only CreateEventSourceMapping;
                           all: every request, fixture provisioning included
  --aws-timing             behave asynchronously as AWS does (reference/README.md, "AWS timing"):
                           mappings Creating and Deleting, IAM propagation, functions Pending,
                           ${DEFAULT_AWS_TIMING.controlPlaneRps} Lambda control-plane requests per second
  --aws-timing-option NAME=VALUE
                           change one of its values (implies --aws-timing); repeat for several:
${AWS_TIMING_NAMES.map((name) => `                             ${name}=${DEFAULT_AWS_TIMING[name]}`).join('\n')}
  --account ID             the 12-digit account the server plays (ARNs, STS GetCallerIdentity;
                           default 123456789012)
  --quiet                  do not log requests
  --help                   show this help
`;

const RATE_FAULTS: Readonly<Record<string, keyof FaultOptions>> = {
  throttle: 'throttleRate',
  error: 'errorRate',
  reset: 'resetRate',
  malformed: 'malformedRate',
  hang: 'hangRate',
};

interface ServeSettings {
  readonly edition: ReferenceEdition;
  readonly host: string;
  readonly port: number;
  readonly faults: FaultOptions;
  readonly awsTiming: AwsTimingOptions | undefined;
  readonly account: string | undefined;
  readonly quiet: boolean;
}

class UsageError extends Error {}

export async function serve(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(serveUsage);
    return 0;
  }
  let settings: ServeSettings;
  try {
    settings = parseServeArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`lambda-esm-conformance serve: ${error.message} Run "lambda-esm-conformance serve --help" for the options.\n`);
    return 2;
  }

  let server;
  try {
    server = await startReferenceServer({
      edition: settings.edition,
      host: settings.host,
      port: settings.port,
      faults: settings.faults,
      ...(settings.awsTiming === undefined ? {} : { awsTiming: settings.awsTiming }),
      ...(settings.account === undefined ? {} : { account: settings.account }),
      ...(settings.quiet ? {} : { onRequest: logRequest }),
    });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? `port ${settings.port} on ${settings.host} is already in use; choose another with --port (0 picks a free one).`
      : `could not listen on ${settings.host}:${settings.port} (${error instanceof Error ? error.message : String(error)}).`;
    process.stderr.write(`lambda-esm-conformance serve: ${reason}\n`);
    return 2;
  }

  // The signal handlers go in before the URL is printed: whoever reads the URL may signal at once,
  // and a signal arriving before its handler would kill the process with no clean exit.
  const stopped = new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write(`${server.url}\n`);
  const timing = settings.awsTiming === undefined ? '' : `, with AWS timing${describeSettings({ ...DEFAULT_AWS_TIMING, ...settings.awsTiming })}`;
  process.stderr.write(`reference server (${settings.edition} edition) listening on ${server.url}${timing}${describeFaults(settings.faults)}; stop it with Ctrl-C.\n`);

  await stopped;
  await server.close();
  return 0;
}

export function parseServeArguments(argv: readonly string[]): ServeSettings {
  let edition: ReferenceEdition = 'seed';
  let host = '127.0.0.1';
  let port = DEFAULT_PORT;
  let quiet = false;
  let awsTiming: Record<string, number> | undefined;
  let account: string | undefined;
  const faults: { -readonly [K in keyof FaultOptions]: FaultOptions[K] } = {};

  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    const equals = argument.indexOf('=');
    const flag = argument.startsWith('--') && equals > 0 ? argument.slice(0, equals) : argument;
    const inlineValue = flag === argument ? undefined : argument.slice(equals + 1);
    const value = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value.`);
      index += 1;
      return next;
    };
    switch (flag) {
      case '--edition': {
        const name = value();
        if (!isReferenceEdition(name)) throw new UsageError(`--edition "${name}" is not an edition of the reference server; choose ${REFERENCE_EDITIONS.join(' or ')}.`);
        edition = name;
        break;
      }
      case '--port':
        port = parsePort(value());
        break;
      case '--host':
        host = value();
        if (host === '') throw new UsageError('--host needs an address, such as 127.0.0.1.');
        break;
      case '--fault':
        addFault(faults, value());
        break;
      case '--fault-seed': {
        const seed = value();
        if (!/^-?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed))) throw new UsageError(`--fault-seed "${seed}" must be an integer, such as 42.`);
        faults.seed = Number(seed);
        break;
      }
      case '--fault-scope': {
        const scope = value();
        const scopes: Readonly<Record<string, FaultScope>> = { esm: 'create-event-source-mapping', all: 'all' };
        const chosen = scopes[scope];
        if (chosen === undefined) throw new UsageError(`--fault-scope "${scope}" must be "esm" or "all".`);
        faults.scope = chosen;
        break;
      }
      case '--aws-timing':
        awsTiming ??= {};
        break;
      case '--aws-timing-option':
        awsTiming = { ...awsTiming, ...timingOption(value()) };
        break;
      case '--account':
        account = value();
        if (!/^\d{12}$/.test(account)) throw new UsageError(`--account "${account}" must be an AWS account id: 12 digits, such as 111122223333.`);
        break;
      case '--quiet':
        quiet = true;
        break;
      default:
        throw new UsageError(`unknown option "${argument}".`);
    }
  }
  const problem = faultOptionsProblem(faults);
  if (problem !== undefined) throw new UsageError(`the --fault options are not usable: ${problem}`);
  return { edition, host, port, faults, awsTiming, account, quiet };
}

function timingOption(spec: string): Record<string, number> {
  const [name = '', text, ...extra] = spec.split('=');
  if (text === undefined || text === '' || extra.length > 0) {
    throw new UsageError(`--aws-timing-option "${spec}" must look like NAME=VALUE, such as creatingMs=3000.`);
  }
  if (!(AWS_TIMING_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`--aws-timing-option "${name}" is not an AWS timing value; use ${AWS_TIMING_NAMES.join(', ')}.`);
  }
  const option = { [name]: Number(text) };
  const problem = awsTimingProblem(option);
  if (problem !== undefined) throw new UsageError(`--aws-timing-option ${spec}: ${problem}`);
  return option;
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new UsageError(`--port "${text}" must be a whole number from 0 to 65535.`);
  return port;
}

function addFault(faults: { -readonly [K in keyof FaultOptions]: FaultOptions[K] }, spec: string): void {
  const [name = '', text, ...extra] = spec.split('=');
  if (text === undefined || extra.length > 0 || text === '') {
    throw new UsageError(`--fault "${spec}" must look like NAME=VALUE, such as throttle=0.3 or latency=200.`);
  }
  const value = Number(text);
  if (name === 'latency') {
    if (!Number.isFinite(value) || value < 0) throw new UsageError(`--fault latency=${text} must be a number of milliseconds of at least 0.`);
    faults.latencyMs = value;
    return;
  }
  const option = RATE_FAULTS[name];
  if (option === undefined) {
    throw new UsageError(`--fault "${name}" is not a fault; use latency, ${Object.keys(RATE_FAULTS).join(', ')}.`);
  }
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(`--fault ${name}=${text} must be a probability from 0 to 1.`);
  (faults as Record<string, unknown>)[option] = value;
}

function describeFaults(faults: FaultOptions): string {
  const parts = describeSettings(faults);
  return parts === '' ? '' : ` with faults${parts}`;
}

function describeSettings(settings: object): string {
  const parts = Object.entries(settings).map(([key, value]) => `${key}=${String(value)}`);
  return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
}

// Method, path (no query string), operation, status, time: never headers, so never credentials.
function logRequest(entry: RequestLogEntry): void {
  const status = entry.status === undefined ? 'no answer' : String(entry.status);
  const fault = entry.fault === undefined ? '' : ` [fault: ${entry.fault}]`;
  process.stderr.write(`${entry.method} ${entry.path} ${entry.service}:${entry.operation} -> ${status} ${entry.durationMs}ms${fault}\n`);
}
