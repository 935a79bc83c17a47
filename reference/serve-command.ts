import type { FaultOptions } from './faults/fault-options.ts';
import { DEFAULT_AWS_TIMING } from './aws-timing.ts';
import { startReferenceServer, type AnswerFirst, type RequestLogEntry } from './server.ts';
import type { ServeSettings } from './serve-settings.ts';

// `lambda-esm-conformance serve` once its flags are read (cli/commands/serve.ts, with
// serve-settings.ts): runs the reference server until SIGINT or SIGTERM.
// The first line on stdout is the URL and nothing else, so a script can read it and point a run at it;
// everything else (the request log) goes to stderr and never shows request headers.

/** A layer answering before the server (cli/recording/replay.ts), and how the start line names it: "replaying AWS us-east-1, 2026-12-01". */
export interface AnsweringLayer {
  readonly answerFirst: AnswerFirst;
  readonly description: string;
}

/** Runs the server until SIGINT or SIGTERM: 0 once closed, 2 when it cannot listen. */
export async function serveUntilStopped(settings: ServeSettings, layer?: AnsweringLayer): Promise<number> {
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
      ...(layer === undefined ? {} : { answerFirst: layer.answerFirst }),
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
  process.stderr.write(`reference server (${settings.edition} edition) listening on ${server.url}${timing}${describeFaults(settings.faults)}${layer === undefined ? '' : `, ${layer.description}`}; stop it with Ctrl-C.\n`);

  await stopped;
  await server.close();
  return 0;
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
