// `serve`: the embedded reference server on its own. The flags are read here, from SERVE_FLAGS;
// what their values mean and the server itself are reference/'s (serve-settings.ts, serve-command.ts).
import { SERVE_FLAGS } from './flag-tables.ts';
import { parseFlags, resolveFlags, UsageError } from './flags.ts';
import { serveSettings, type ServeSettings } from '../../reference/serve-settings.ts';
import { loadRecording } from '../recording/load-recording.ts';
import { replayLayer } from '../recording/replay.ts';

/** Exit 0 once stopped by SIGINT or SIGTERM; 2 for bad flags or an address it cannot listen on. */
export async function serve(argv: string[]): Promise<number> {
  const settings = serveSettingsOf(argv);
  // A recording that cannot be replayed is refused before the server listens.
  const layer = settings.replay === null ? undefined : replayLayer(loadRecording(settings.replay));
  // The server is loaded once the flags are known to be usable.
  const { serveUntilStopped } = await import('../../reference/serve-command.ts');
  return serveUntilStopped(settings, layer);
}

/** The server's settings from serve's command line; a UsageError says what is wrong with it. */
export function serveSettingsOf(argv: readonly string[]): ServeSettings & { readonly replay: string | null } {
  const { values } = resolveFlags(SERVE_FLAGS, parseFlags('serve', argv, SERVE_FLAGS), process.env);
  const settings = serveSettings({
    edition: values.edition,
    host: values.host,
    port: values.port,
    faults: values.fault,
    faultSeed: values['fault-seed'],
    faultScope: values['fault-scope'],
    awsTiming: values['aws-timing'],
    awsTimingOptions: values['aws-timing-option'],
    account: values.account,
    quiet: values.quiet,
  });
  if ('problem' in settings) throw new UsageError(`serve: ${settings.problem}`);
  return { ...settings, replay: values.replay ?? null };
}
