import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareRecordings, recordingChangeLine } from '../../src/diff/compare-recordings.ts';
import { RECORDING_FILE } from '../../src/recording/recording.ts';
import { loadRecording, type LoadedRecording } from '../recording/load-recording.ts';
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
  const print = (line: string): void => io.stdout(`${consoleLine(line, [])}\n`);
  const recordings = files.filter(isRecording);
  if (recordings.length === 2) return diffRecordings(files, print);
  if (recordings.length === 1) throw new UsageError(`diff compares two recordings or two results.json files, not one of each: ${recordings[0] ?? ''} is a recording.`);
  const [a, b] = files.map(readRecord) as [RunRecord, RunRecord];
  const described = (run: RunRecord): string => `${run.file} (${run.cases.length} cases, ${run.edition} edition, ${run.target})`;
  return printChanges([described(a), described(b)], compareRuns(a, b).map(changeLine), print);
}

/** The two sides, a line per change, the count last; exit 1 when any case differs. */
function printChanges([a, b]: readonly [string, string], lines: readonly string[], print: (line: string) => void): number {
  print(`A: ${a}`);
  print(`B: ${b}`);
  for (const line of lines) print(line);
  print(lines.length === 0 ? 'No case differs.' : `${lines.length === 1 ? '1 case differs' : `${lines.length} cases differ`}.`);
  return lines.length === 0 ? 0 : 1;
}

/** A recording's directory (or its recording.json): what `run --record DIR` wrote. */
function isRecording(path: string): boolean {
  return basename(path) === RECORDING_FILE || existsSync(join(path, RECORDING_FILE));
}

function diffRecordings(paths: readonly string[], print: (line: string) => void): number {
  const [a, b] = paths.map((path) => loadRecording(basename(path) === RECORDING_FILE ? dirname(path) : path)) as [LoadedRecording, LoadedRecording];
  const described = (recording: LoadedRecording): string => `${recording.directory} (${recording.cases.size} cases, ${recording.index.edition} edition, ${recording.label})`;
  return printChanges([described(a), described(b)], compareRecordings(a.cases, b.cases).map(recordingChangeLine), print);
}

function positionals(argv: string[]): [string, string] {
  let parsed: string[];
  try {
    parsed = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true }).positionals;
  } catch (error) {
    throw new UsageError(`diff: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}. Usage: lambda-esm-conformance diff A/results.json B/results.json (or two recording directories)`);
  }
  const [a, b] = parsed;
  if (parsed.length !== 2 || a === undefined || b === undefined) throw new UsageError(`diff takes two results.json files or two recordings, not ${parsed.length}. Usage: lambda-esm-conformance diff A/results.json B/results.json (or two recording directories)`);
  return [a, b];
}
