import { parseArgs } from 'node:util';
import { changeLine, compareRuns } from '../../src/diff/compare-runs.ts';
import type { RunRecord } from '../../src/diff/run-record.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import type { CommandIo } from '../io.ts';
import { UsageError } from './flags.ts';
import { readRecord } from './results-files.ts';

/**
 * `diff A/results.json B/results.json`: one line per case that differs; exit 1 when any does, 0 when
 * none. Every line goes through the console's terminal-safe writer, as `run`'s do: the files hold
 * what a target chose.
 */
export async function diff(argv: string[], io: CommandIo): Promise<number> {
  const files = positionals(argv);
  const [a, b] = files.map(readRecord) as [RunRecord, RunRecord];
  const changes = compareRuns(a, b);
  const print = (line: string): void => io.stdout(`${consoleLine(line, [])}\n`);
  print(`A: ${a.file} (${a.cases.length} cases, ${a.edition} edition, ${a.target})`);
  print(`B: ${b.file} (${b.cases.length} cases, ${b.edition} edition, ${b.target})`);
  for (const change of changes) print(changeLine(change));
  print(changes.length === 0 ? 'No case differs.' : `${changes.length === 1 ? '1 case differs' : `${changes.length} cases differ`}.`);
  return changes.length === 0 ? 0 : 1;
}

function positionals(argv: string[]): [string, string] {
  let parsed: string[];
  try {
    parsed = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true }).positionals;
  } catch (error) {
    throw new UsageError(`diff: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}. Usage: lambda-esm-conformance diff A/results.json B/results.json`);
  }
  const [a, b] = parsed;
  if (parsed.length !== 2 || a === undefined || b === undefined) throw new UsageError(`diff takes two results.json files, not ${parsed.length}. Usage: lambda-esm-conformance diff A/results.json B/results.json`);
  return [a, b];
}
