import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { compareRecordings, recordingChangeLine } from '../../src/diff/compare-recordings.ts';
import { changeLine, compareRuns, type CaseChange } from '../../src/diff/compare-runs.ts';
import type { RunRecord } from '../../src/diff/run-record.ts';
import { escapeActingCharactersInJson } from '../../src/control-characters.ts';
import { RECORDING_FILE } from '../../src/recording/recording.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import type { CommandIo } from '../io.ts';
import { loadRecording, type LoadedRecording } from '../recording/load-recording.ts';
import { DIFF_FLAGS } from './flag-tables.ts';
import { parseFlagsAndOperands, UsageError } from './flags.ts';
import { readRecord } from './results-files.ts';

const USAGE = 'Usage: lambda-esm-conformance diff A/results.json B/results.json [--json] (or two recording directories)';

/**
 * `diff A/results.json B/results.json [--json]`, or two recordings: one line per case that differs,
 * or one JSON object; exit 1 when any does, 0 when none. Every line goes through the console's
 * terminal-safe writer, as `run`'s do, and the JSON escapes what would act on a terminal: the files
 * hold what a target chose.
 */
export async function diff(argv: string[], io: CommandIo): Promise<number> {
  const { flags, operands } = parseFlagsAndOperands('diff', argv, DIFF_FLAGS);
  const [fileA, fileB] = operands;
  if (operands.length !== 2 || fileA === undefined || fileB === undefined) throw new UsageError(`diff takes two results.json files or two recordings, not ${operands.length}. ${USAGE}`);
  const files = [fileA, fileB];
  const print = (line: string): void => io.stdout(`${consoleLine(line, [])}\n`);
  const recordings = files.filter(isRecording);
  if (recordings.length === 1) throw new UsageError(`diff compares two recordings or two results.json files, not one of each: ${recordings[0] ?? ''} is a recording.`);
  if (recordings.length === 2) {
    if (flags.json === true) throw new UsageError('diff --json compares two results.json files; two recordings are compared as lines.');
    return diffRecordings(files, print);
  }
  const [a, b] = files.map(readRecord) as [RunRecord, RunRecord];
  const changes = compareRuns(a, b);
  if (flags.json === true) {
    const runOf = ({ file, target, edition, scope, cases }: RunRecord) => ({ file, target, edition, seed: scope.seed, cases: cases.length });
    io.stdout(`${escapeActingCharactersInJson(JSON.stringify({ a: runOf(a), b: runOf(b), changes }, null, 2))}\n`);
    return changes.length === 0 ? 0 : 1;
  }
  const described = (run: RunRecord): string => `${run.file} (${run.cases.length} cases, ${run.edition} edition, ${seedWords(run.scope.seed)}, ${run.target})`;
  return printChanges([described(a), described(b)], changes.map(changeLine), print, a.scope.seed !== b.scope.seed && drewOtherwise(changes));
}

/** Whether a property case's counterexample is among the changes: with other seeds, it may be the seed's doing. */
function drewOtherwise(changes: readonly CaseChange[]): boolean {
  return changes.some((change) => change.before?.counterexample != null || change.after?.counterexample != null);
}

function seedWords(seed: number | null): string {
  return seed === null ? 'no seed recorded' : `seed ${seed}`;
}

/** The two sides, a line per change, the count last; exit 1 when any case differs. */
function printChanges([a, b]: readonly [string, string], lines: readonly string[], print: (line: string) => void, otherSeeds = false): number {
  print(`A: ${a}`);
  print(`B: ${b}`);
  if (otherSeeds) print('The runs drew from different seeds: property cases drew other values, and may have found other counterexamples.');
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
