// The results.json files `diff`, `merge` and `dashboard` read: each named by a path or a glob,
// read within bounds and type-checked (src/diff/run-record.ts) before anything walks it.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_RESULTS_DEPTH, RESULTS_FIX, runRecordOf, type RunRecord } from '../../src/diff/run-record.ts';
import { UserFileError } from '../../src/user-file/file-problem.ts';
import { parseJsonFile } from '../../src/user-file/json-source.ts';
import { readUserFile } from '../../src/user-file/read-user-file.ts';
import { UsageError } from './flags.ts';

/** A run of every case sent 100 times keeps at most 64 KiB of each answer; real runs are far smaller. */
const MAX_RESULTS_BYTES = 64 * 1024 * 1024;

/** Directory entries a glob may look at: a glob over a whole disk is a mistake, said as one. */
const MAX_GLOB_ENTRIES = 100_000;

export function readRecord(file: string): RunRecord {
  const subject = 'The results file';
  const read = readUserFile(file, { maxBytes: MAX_RESULTS_BYTES, expected: 'a results.json that "lambda-esm-conformance run" wrote' });
  if (read.problem !== null) throw new UserFileError(subject, [read.problem]);
  const parsed = parseJsonFile(file, read.text, RESULTS_FIX, MAX_RESULTS_DEPTH);
  if (parsed.problem !== null) throw new UserFileError(subject, [parsed.problem]);
  const { record, problems } = runRecordOf(parsed.value, file);
  if (record === null) throw new UserFileError(subject, problems);
  return record;
}

/**
 * The files the operands name, in order, each once: a path as it is, a glob (`*`, `?`, `**` for any
 * depth) by the regular files it matches, sorted, for a shell that did not expand it (a quoted glob
 * in a CI script). A glob matching nothing is refused.
 */
export function resultsFilesOf(command: string, operands: readonly string[]): string[] {
  const files = operands.flatMap((operand) => {
    if (!/[*?]/.test(operand)) return [operand];
    const matches = globFiles(operand);
    if (matches.length === 0) throw new UsageError(`${command}: "${operand}" matches no file; give the results.json files (or a glob such as 'shards/*/results.json').`);
    return matches;
  });
  return [...new Set(files)];
}

function globFiles(pattern: string): string[] {
  const absolute = path.isAbsolute(pattern);
  const segments = pattern.split(/[\\/]+/).filter((segment) => segment !== '');
  const fixed = segments.findIndex((segment) => /[*?]/.test(segment));
  const base = path.join(absolute ? path.sep : '.', ...segments.slice(0, fixed));
  const found: string[] = [];
  let seen = 0;
  const walk = (directory: string, rest: readonly string[]): void => {
    const [segment, ...after] = rest;
    if (segment === undefined) return;
    if (segment === '**') {
      walk(directory, after);
      for (const entry of entries(directory)) if (entry.isDirectory()) walk(path.join(directory, entry.name), rest);
      return;
    }
    const matcher = segmentPattern(segment);
    for (const entry of entries(directory)) {
      if (!matcher.test(entry.name)) continue;
      const child = path.join(directory, entry.name);
      if (after.length === 0 && isFile(child)) found.push(child);
      else if (after.length > 0 && entry.isDirectory()) walk(child, after);
    }
  };
  const entries = (directory: string) => {
    let listed;
    try {
      listed = readdirSync(directory, { withFileTypes: true });
    } catch {
      return [];
    }
    seen += listed.length;
    if (seen > MAX_GLOB_ENTRIES) throw new UsageError(`"${pattern}" looks at more than ${MAX_GLOB_ENTRIES} files: start it in the directory of the results, such as 'shards/*/results.json'.`);
    return listed;
  };
  walk(base, segments.slice(fixed));
  return found.sort();
}

function segmentPattern(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  // As a shell does, `*` does not match a leading dot.
  return new RegExp(`^(?!\\.)${body}$`);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
