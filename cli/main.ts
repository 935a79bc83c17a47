import { commandUsage, usage } from './commands/usage.ts';
import { UsageError } from './commands/flags.ts';
import { UserFileError } from '../src/user-file/file-problem.ts';
import { processIo, type CommandIo } from './io.ts';
import { VERSION } from './version.ts';
import { closestWord } from '../src/did-you-mean.ts';

type Command = (argv: string[], io: CommandIo) => Promise<number>;

/** Every command has its own help: a command missing from `commandUsage` does not type-check. */
export type CommandName = keyof typeof commandUsage;

// Commands are loaded lazily: `serve` must be ready fast, and `list` needs no HTTP or reporter stack.
export const commands: Readonly<Record<CommandName, Command>> = {
  list: async (argv, io) => (await import('./commands/list.ts')).list(argv, io),
  run: async (argv, io) => (await import('./commands/run.ts')).run(argv, io),
  pact: async (argv, io) => (await import('./commands/pact.ts')).pact(argv, io),
  diff: async (argv, io) => (await import('./commands/diff.ts')).diff(argv, io),
  cleanup: async (argv, io) => (await import('./commands/cleanup.ts')).cleanup(argv, io),
  serve: async (argv) => (await import('./commands/serve.ts')).serve(argv),
  reproduce: async (argv, io) => (await import('./commands/reproduce.ts')).reproduce(argv, io),
  drift: async (argv, io) => (await import('./commands/drift.ts')).drift(argv, io),
  merge: async (argv, io) => (await import('./commands/merge.ts')).merge(argv, io),
  dashboard: async (argv, io) => (await import('./commands/dashboard.ts')).dashboard(argv, io),
};

export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(usage);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`lambda-esm-conformance ${VERSION}\n`);
    return 0;
  }
  if (!isCommand(name)) {
    const near = closestWord(name, Object.keys(commands));
    io.stderr(`lambda-esm-conformance: unknown command "${name}"${near === null ? '.' : `; did you mean ${near}?`} Run "lambda-esm-conformance help" for the list of commands.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(commandUsage[name]);
    return 0;
  }
  try {
    return await commands[name](rest, io);
  } catch (error) {
    // Bad input is the user's to fix: one clear message and exit 2. Anything else is our bug, but
    // still one sentence: no stack trace reaches a user.
    if (error instanceof UsageError || error instanceof UserFileError) {
      io.stderr(`lambda-esm-conformance: ${error.message}\n`);
      return 2;
    }
    io.stderr(`lambda-esm-conformance: ${unexpected(error)}\n`);
    if (process.env['LESM_DEBUG'] === '1' && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return 2;
  }
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

/** One sentence for a failure nobody foresaw, with what to do about it. */
export function unexpected(error: unknown): string {
  const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0] ?? '';
  return `stopped by an unexpected error (${message}); run again, and if it repeats, report it as a bug with the command line (LESM_DEBUG=1 prints where it happened).`;
}
