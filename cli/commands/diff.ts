import { changeLine, compareRuns } from '../../src/diff/compare-runs.ts';
import { MAX_RESULTS_DEPTH, RESULTS_FIX, runRecordOf, type RunRecord } from '../../src/diff/run-record.ts';
import { UserFileError } from '../../src/user-file/file-problem.ts';
import { parseJsonFile } from '../../src/user-file/json-source.ts';
import { readUserFile } from '../../src/user-file/read-user-file.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import type { CommandIo } from '../io.ts';
import { parseFlags, UsageError } from './flags.ts';
import { DIFF_FLAGS } from './flag-tables.ts';
import { escapeActingCharactersInJson } from '../../src/control-characters.ts';

/** A run of every case sent 100 times keeps at most 64 KiB of each answer; real runs are far smaller. */
const MAX_RESULTS_BYTES = 64 * 1024 * 1024;

/**
 * `diff A/results.json B/results.json [--json]`: one line per case that differs, or one JSON
 * object; exit 1 when any does, 0 when none. Every line goes through the console's terminal-safe
 * writer, as `run`'s do, and the JSON escapes what would act on a terminal: the files hold what a
 * target chose.
 */
export async function diff(argv: string[], io: CommandIo): Promise<number> {
  const { files, json } = diffArguments(argv);
  const [a, b] = files.map(readRecord) as [RunRecord, RunRecord];
  const changes = compareRuns(a, b);
  if (json) {
    const runOf = ({ file, target, edition, seed, cases }: RunRecord) => ({ file, target, edition, seed, cases: cases.length });
    io.stdout(`${escapeActingCharactersInJson(JSON.stringify({ a: runOf(a), b: runOf(b), changes }, null, 2))}\n`);
    return changes.length === 0 ? 0 : 1;
  }
  const print = (line: string): void => io.stdout(`${consoleLine(line, [])}\n`);
  print(`A: ${a.file} (${a.cases.length} cases, ${a.edition} edition, ${seedWords(a.seed)}, ${a.target})`);
  print(`B: ${b.file} (${b.cases.length} cases, ${b.edition} edition, ${seedWords(b.seed)}, ${b.target})`);
  if (a.seed !== b.seed && changes.some((change) => change.before?.counterexample != null || change.after?.counterexample != null)) {
    print('The runs drew from different seeds: property cases drew other values, and may have found other counterexamples.');
  }
  for (const change of changes) print(changeLine(change));
  print(changes.length === 0 ? 'No case differs.' : `${changes.length === 1 ? '1 case differs' : `${changes.length} cases differ`}.`);
  return changes.length === 0 ? 0 : 1;
}

function seedWords(seed: number | null): string {
  return seed === null ? 'no seed recorded' : `seed ${seed}`;
}

const USAGE = 'Usage: lambda-esm-conformance diff A/results.json B/results.json [--json]';

function diffArguments(argv: string[]): { files: [string, string]; json: boolean } {
  const words = argv.filter((word) => word !== '--json');
  const flags = words.filter((word) => word.startsWith('-') && word !== '-');
  if (flags.length > 0) parseFlags('diff', flags, DIFF_FLAGS);
  const parsed = words.filter((word) => !flags.includes(word));
  const [a, b] = parsed;
  if (parsed.length !== 2 || a === undefined || b === undefined) throw new UsageError(`diff takes two results.json files, not ${parsed.length}. ${USAGE}`);
  return { files: [a, b], json: words.length < argv.length };
}

function readRecord(file: string): RunRecord {
  const subject = 'The results file';
  const read = readUserFile(file, { maxBytes: MAX_RESULTS_BYTES, expected: 'a results.json that "lambda-esm-conformance run" wrote' });
  if (read.problem !== null) throw new UserFileError(subject, [read.problem]);
  const parsed = parseJsonFile(file, read.text, RESULTS_FIX, MAX_RESULTS_DEPTH);
  if (parsed.problem !== null) throw new UserFileError(subject, [parsed.problem]);
  const { record, problems } = runRecordOf(parsed.value, file);
  if (record === null) throw new UserFileError(subject, problems);
  return record;
}
