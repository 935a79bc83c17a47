import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line that cannot be carried out; its message says what is wrong and how to fix it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs, with its errors turned into one readable sentence naming the command. */
export function parseFlags<O extends Options>(command: string, argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${command}: ${reason}. Run "lambda-esm-conformance help" for the flags it takes.`);
  }
}

/** Checks a --grep pattern before any work starts. */
export function checkGrep(grep: string | undefined): string | undefined {
  if (grep === undefined) return undefined;
  try {
    new RegExp(grep, 'i');
  } catch {
    throw new UsageError(`--grep "${grep}" is not a valid regular expression. Escape special characters such as ( [ + with a backslash.`);
  }
  return grep;
}
