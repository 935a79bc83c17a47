import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_FLAGS, RUN_FLAGS } from '../../cli/commands/flag-tables.ts';
import { defaultWords, flagSynopsis, rangeWords, type FlagTable } from '../../cli/commands/flags.ts';
import { main } from '../../cli/main.ts';

// A flag a command accepts is documented: its --help and the README's table for it say it, with
// its default (and, for a number, its range) in the table's own words.

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

interface ReadmeRow {
  readonly defaultWords: string;
  readonly meaning: string;
}

/** The rows of the README's table headed "| `COMMAND` flag |", by the flag's synopsis (`--target URL`). */
function readmeRows(readme: string, command: string): Map<string, ReadmeRow> | null {
  const lines = readme.split('\n');
  const header = lines.findIndex((line) => line.startsWith(`| \`${command}\` flag |`));
  if (header === -1) return null;
  const rows = new Map<string, ReadmeRow>();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [synopsis = '', fallback = '', meaning = ''] = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => plain(cell));
    rows.set(synopsis, { defaultWords: fallback, meaning });
  }
  return rows;
}

/** Markdown cell text as words: no code ticks, no escaped pipes, single spaces. */
function plain(text: string): string {
  return text.replaceAll('`', '').replaceAll('\\|', '|').replace(/\s+/g, ' ').trim();
}

/** What the README's table for a command gets wrong about its flag table, as sentences. */
function readmeDrift(readme: string, command: string, table: FlagTable): string[] {
  const rows = readmeRows(readme, command);
  if (rows === null) return [`the README has no table headed "| \`${command}\` flag |"`];
  const problems: string[] = [];
  const synopses = new Set<string>();
  for (const [name, flag] of Object.entries(table)) {
    const synopsis = flagSynopsis(name, flag);
    synopses.add(synopsis);
    const row = rows.get(synopsis);
    if (row === undefined) {
      problems.push(`${command} ${synopsis} has no row in the README`);
      continue;
    }
    const fallback = defaultWords(flag) ?? '—';
    if (row.defaultWords !== fallback) problems.push(`${command} ${synopsis}: the README's default is "${row.defaultWords}", the table's "${fallback}"`);
    const range = rangeWords(flag)?.split(',')[0];
    if (range !== undefined && !row.meaning.includes(range)) problems.push(`${command} ${synopsis}: the README does not give its range, ${range}`);
  }
  for (const synopsis of rows.keys()) if (!synopses.has(synopsis)) problems.push(`${command} ${synopsis} is in the README but not a flag of the command`);
  return problems;
}

/** The flags of a table a help text leaves out or words otherwise, as sentences. */
function helpDrift(help: string, table: FlagTable): string[] {
  const words = plain(help);
  return Object.entries(table).flatMap(([name, flag]) => {
    const synopsis = flagSynopsis(name, flag);
    const fallback = defaultWords(flag);
    if (!words.includes(`${synopsis} `)) return [`${synopsis} is not in the help`];
    return fallback === null || words.includes(`default ${fallback}`) ? [] : [`${synopsis}: the help does not say "default ${fallback}"`];
  });
}

async function helpOf(argv: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: () => undefined });
  return { code, stdout };
}

describe('every flag a command accepts is documented', () => {
  it.each(Object.entries(COMMAND_FLAGS))('%s: in its --help, in the top-level help and in the README, with its default', async (command, table) => {
    const own = await helpOf([...command.split(' '), '--help']);
    expect(own.code).toBe(0);
    expect(helpDrift(own.stdout, table)).toEqual([]);
    expect(helpDrift((await helpOf(['help'])).stdout, table)).toEqual([]);
    expect(readmeDrift(README, command, table)).toEqual([]);
  });

  it('run --help lists --seed and --property-runs, with their ranges and defaults', async () => {
    const words = plain((await helpOf(['run', '--help'])).stdout);
    expect(words).toContain('--seed N the seed property cases draw their values from');
    expect(words).toContain("(0 to 4294967295; default the expectations file's seed, else a random 32-bit seed; printed with where it came from)");
    expect(words).toContain('(0 to 10000, 0 leaves property cases out; default 10)');
  });

  it('names a flag added to a table without README docs, a changed default, a missing range and a row for a flag that is gone', () => {
    const grown: FlagTable = { ...RUN_FLAGS, 'dry-run': { type: 'boolean', help: 'send nothing' } };
    expect(readmeDrift(README, 'run', grown)).toEqual(['run --dry-run has no row in the README']);
    const changed: FlagTable = { ...RUN_FLAGS, repeat: { ...RUN_FLAGS.repeat, default: 2, max: 50 } };
    expect(readmeDrift(README, 'run', changed)).toEqual([
      'run --repeat N: the README\'s default is "1", the table\'s "2"',
      'run --repeat N: the README does not give its range, 1 to 50',
    ]);
    const { grep: _grep, ...shrunk } = RUN_FLAGS;
    expect(readmeDrift(README, 'run', shrunk)).toEqual(['run --grep PATTERN is in the README but not a flag of the command']);
    expect(readmeDrift(README, 'no-such-command', {})).toEqual(['the README has no table headed "| `no-such-command` flag |"']);
  });

  it('names a flag the help leaves out, or whose default it words otherwise', () => {
    expect(helpDrift('--grep PATTERN only these (default 9)', { grep: RUN_FLAGS.grep, repeat: RUN_FLAGS.repeat })).toEqual(['--repeat N is not in the help']);
    expect(helpDrift('--repeat N send every case N times (default 2)', { repeat: RUN_FLAGS.repeat })).toEqual(['--repeat N: the help does not say "default 1"']);
  });
});
