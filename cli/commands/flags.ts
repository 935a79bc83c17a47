import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestWord } from '../../src/did-you-mean.ts';

/** A command line that cannot be carried out; its message says what is wrong and how to fix it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

interface ValueFlag {
  /** The placeholder of its value in the help, such as URL or N. */
  readonly value: string;
  /** Environment variables read, in order, when the flag is not given (an empty one counts as unset). */
  readonly env?: readonly string[];
  /** What happens when neither the flag nor the environment gives a value and there is no default, such as "the embedded reference server". */
  readonly otherwise?: string;
  readonly help: string;
}

export interface TextFlag extends ValueFlag {
  readonly type: 'string';
  readonly default?: string;
  /** The sentence refusing a value (what is wrong and how to fix it), or null for a usable one. */
  readonly refuse?: (text: string) => string | null;
  /** Given any number of times, each value checked: the values, in order (none when not given: no environment, no default). */
  readonly multiple?: true;
}

export interface WholeNumberFlag extends ValueFlag {
  readonly type: 'integer';
  readonly min: number;
  readonly max: number;
  readonly default?: number;
  /** What a value within the range means besides a count, such as "0 leaves property cases out". */
  readonly note?: string;
}

export interface SwitchFlag {
  readonly type: 'boolean';
  readonly help: string;
}

export type Flag = TextFlag | WholeNumberFlag | SwitchFlag;

/** A command's flags, by name without the dashes, in the order its help lists them. */
export type FlagTable = Readonly<Record<string, Flag>>;

/** The flags as given on the command line, before the environment, the defaults and the checks. */
export type GivenFlags<T extends FlagTable> = { readonly [K in keyof T]?: T[K] extends SwitchFlag ? boolean : T[K] extends RepeatedFlag ? string[] : string };

type RepeatedFlag = { readonly multiple: true };

/** The flags after the environment, the defaults and the checks: a value is missing only where the table has no default. */
export type FlagValues<T extends FlagTable> = {
  readonly [K in keyof T]: T[K] extends SwitchFlag
    ? boolean
    : T[K] extends RepeatedFlag
      ? readonly string[]
      : T[K] extends { readonly default: infer D }
      ? D extends number ? number : string
      : T[K] extends WholeNumberFlag ? number | undefined : string | undefined;
};

/** Where each value came from: its flag, or the environment variable that gave it; absent for a default. */
export type FlagSources<T extends FlagTable> = {
  readonly [K in keyof T]?: `--${K & string}` | (T[K] extends { readonly env: readonly (infer E)[] } ? E : never);
};

/**
 * parseArgs on the options the table declares. What it would refuse in its own words (an unknown
 * flag, a missing value, a value that starts with a dash) is refused first in ours, naming the
 * command, the closest flag and the command's help.
 */
export function parseFlags<T extends FlagTable>(command: string, argv: readonly string[], table: T): GivenFlags<T> {
  return parseCommandLine(command, argv, table, false).flags;
}

/** The flags and the operands (files) of a command that takes both, such as `merge A.json B.json --report-dir DIR`. */
export function parseFlagsAndOperands<T extends FlagTable>(command: string, argv: readonly string[], table: T): { flags: GivenFlags<T>; operands: string[] } {
  return parseCommandLine(command, argv, table, true);
}

function parseCommandLine<T extends FlagTable>(command: string, argv: readonly string[], table: T, allowPositionals: boolean): { flags: GivenFlags<T>; operands: string[] } {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, flag] of Object.entries(table)) {
    options[name] = { type: flag.type === 'boolean' ? 'boolean' : 'string', multiple: flag.type === 'string' && flag.multiple === true };
  }
  const refuse = (reason: string): UsageError => new UsageError(`${command}: ${reason} Run "lambda-esm-conformance ${command} --help" for the flags it takes.`);
  const args = checkedArguments(argv, table, refuse, allowPositionals);
  try {
    const parsed = parseArgs({ args, options, allowPositionals, strict: true });
    // The options are the table's, so the values parseArgs answers have the table's names and types.
    return { flags: parsed.values as GivenFlags<T>, operands: parsed.positionals };
  } catch (error) {
    const reason = (error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)).replace(/\.*$/, '');
    throw refuse(`${reason}.`);
  }
}

/**
 * The command line checked word by word against the table (an unknown flag, a switch given a value,
 * a value missing), each value joined to its flag: `--seed -1` becomes `--seed=-1`, so that a
 * negative number meets the flag's range and its sentence, not parseArgs' "ambiguous".
 */
function checkedArguments(argv: readonly string[], table: FlagTable, refuse: (reason: string) => UsageError, allowOperands: boolean): string[] {
  const args: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const word = argv[index] ?? '';
    args.push(word);
    if (word === '--') return [...args, ...argv.slice(index + 1)];
    if (!word.startsWith('--')) {
      if (!word.startsWith('-') && !allowOperands) throw refuse(`takes no argument "${word}": every value follows its flag, as in --NAME VALUE.`);
      continue;
    }
    const [name = '', value] = splitFlag(word.slice(2));
    const flag = table[name];
    if (flag === undefined) {
      const near = closestWord(name, Object.keys(table));
      throw refuse(`there is no flag --${name}${near === null ? '.' : `; did you mean --${near}?`}`);
    }
    if (flag.type === 'boolean') {
      if (value !== undefined) throw refuse(`--${name} is a switch and takes no value, not "${value}".`);
      continue;
    }
    if (value !== undefined) continue;
    const next = argv[index + 1];
    if (next === undefined) throw refuse(`--${name} needs a value: --${name} ${flag.value}.`);
    if (next.startsWith('-') && !/^-\d/.test(next)) throw refuse(`--${name} needs a value (${flag.value}), and "${next}" looks like a flag: write --${name}=${next} if that is the value.`);
    args[args.length - 1] = `--${name}=${next}`;
    index += 1;
  }
  return args;
}

function splitFlag(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Flags beat the environment, which beats the defaults; every value is checked against the table. */
export function resolveFlags<T extends FlagTable>(table: T, given: GivenFlags<T>, env: NodeJS.ProcessEnv): { values: FlagValues<T>; sources: FlagSources<T> } {
  const values: Record<string, unknown> = {};
  const sources: Record<string, string> = {};
  for (const [name, flag] of Object.entries(table)) {
    const flagValue: unknown = given[name];
    if (flag.type === 'boolean') {
      values[name] = flagValue === true;
      continue;
    }
    if (flag.type === 'string' && flag.multiple === true) {
      const texts = Array.isArray(flagValue) ? flagValue.map(String) : [];
      if (texts.length > 0) sources[name] = `--${name}`;
      values[name] = texts.map((text) => checked(flag, text, `--${name}`));
      continue;
    }
    const found = typeof flagValue === 'string' ? { text: flagValue, source: `--${name}` } : fromEnvironment(flag, env);
    if (found !== undefined) sources[name] = found.source;
    values[name] = found === undefined ? flag.default : checked(flag, found.text, found.source);
  }
  // Built entry by entry from the same table the types are derived from.
  return { values: values as FlagValues<T>, sources: sources as FlagSources<T> };
}

function fromEnvironment(flag: TextFlag | WholeNumberFlag, env: NodeJS.ProcessEnv): { text: string; source: string } | undefined {
  for (const name of flag.env ?? []) {
    const text = env[name];
    if (text !== undefined && text !== '') return { text, source: name };
  }
  return undefined;
}

function checked(flag: TextFlag | WholeNumberFlag, text: string, source: string): string | number {
  if (flag.type === 'string') {
    const problem = flag.refuse?.(text) ?? null;
    if (problem !== null) throw new UsageError(problem);
    return text;
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < flag.min || value > flag.max) {
    throw new UsageError(`${source} must be a whole number from ${flag.min} to ${flag.max}${flag.note === undefined ? '' : ` (${flag.note})`}, not "${text}".`);
  }
  return value;
}

/** The refusal of a --grep pattern that is not a regular expression. */
export function grepProblem(grep: string): string | null {
  try {
    new RegExp(grep, 'i');
    return null;
  } catch {
    return `--grep "${grep}" is not a valid regular expression. Escape special characters such as ( [ + with a backslash.`;
  }
}

const ACCOUNT_ID = /^\d{12}$/;

/** The accounts an --allow-account (or LESM_ALLOWED_ACCOUNTS) value lists, in order. */
export function allowedAccountsOf(text: string): string[] {
  return text.split(',').map((id) => id.trim());
}

/** The refusal of an --allow-account value that is not a comma-separated list of 12-digit account ids. */
export function allowedAccountsProblem(text: string): string | null {
  const wrong = allowedAccountsOf(text).filter((id) => !ACCOUNT_ID.test(id));
  if (wrong.length === 0) return null;
  return `--allow-account (or LESM_ALLOWED_ACCOUNTS) "${text}" lists ${wrong.map((id) => `"${id}"`).join(', ')}, not an AWS account id: give 12 digits each, comma-separated, such as 111122223333,444455556666 (aws sts get-caller-identity --query Account prints the one of your credentials).`;
}

/** The flag with its value's placeholder, as the help and the README name it: `--target URL`. */
export function flagSynopsis(name: string, flag: Flag): string {
  return flag.type === 'boolean' ? `--${name}` : `--${name} ${flag.value}`;
}

/** What a flag that is not given amounts to, in words: the environment variables, then the default or what happens; null when nothing does. */
export function defaultWords(flag: Flag): string | null {
  if (flag.type === 'boolean') return null;
  const fallback = flag.default === undefined ? flag.otherwise : String(flag.default);
  const words = [...(flag.env ?? []), ...(fallback === undefined ? [] : [fallback])];
  if (words.length === 0) return null;
  return words.length === 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')}, else ${words.at(-1) ?? ''}`;
}

/** A whole number's range in words, with what a value in it means besides a count. */
export function rangeWords(flag: Flag): string | null {
  if (flag.type !== 'integer') return null;
  return `${flag.min} to ${flag.max}${flag.note === undefined ? '' : `, ${flag.note}`}`;
}

const HELP_INDENT = 8;
const HELP_COLUMN = 30;
const HELP_WIDTH = 100;

/** The option lines of a command's help: each flag, its help, its range and its default, wrapped. */
export function flagHelp(table: FlagTable): string {
  return Object.entries(table)
    .map(([name, flag]) => {
      const synopsis = `${' '.repeat(HELP_INDENT)}${flagSynopsis(name, flag)}`;
      const fallback = defaultWords(flag);
      const bounds = [rangeWords(flag), fallback === null ? null : `default ${fallback}`].filter((part): part is string => part !== null);
      const text = bounds.length === 0 ? flag.help : `${flag.help} (${bounds.join('; ')})`;
      const lines = wrap(text, HELP_WIDTH - HELP_COLUMN);
      // A synopsis too long for its column gets a line of its own.
      const head = synopsis.length < HELP_COLUMN - 1 ? [`${synopsis.padEnd(HELP_COLUMN)}${lines.shift() ?? ''}`] : [synopsis];
      return [...head, ...lines.map((line) => `${' '.repeat(HELP_COLUMN)}${line}`)].join('\n');
    })
    .join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}
