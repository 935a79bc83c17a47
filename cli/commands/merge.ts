import path from 'node:path';
import { mergeShards } from '../../src/run-record/merge-shards.ts';
import { verdictOf } from '../../src/run-record/verdict.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import { toolIdentity } from '../../reporters/tool-identity.ts';
import { writeReports } from '../../reporters/write-reports.ts';
import type { CommandIo } from '../io.ts';
import { reportDirProblem } from '../preflight/report-dir.ts';
import { CASE_WORDS, printRecap } from '../recap.ts';
import { MERGE_FLAGS } from './flag-tables.ts';
import { parseFlagsAndOperands, resolveFlags, UsageError } from './flags.ts';
import { readRecord, resultsFilesOf } from './results-files.ts';

const USAGE = 'Usage: lambda-esm-conformance merge SHARD/results.json… --report-dir DIR';

/**
 * `merge`: the results.json of the shards of one run (run --shard I/N) joined into the record an
 * unsplit run would have written, and the usual reports written from it; the exit code is the
 * joined run's, as `run` would have exited. Shards that are not of one run are refused (exit 2).
 */
export async function merge(argv: string[], io: CommandIo): Promise<number> {
  const { flags, operands } = parseFlagsAndOperands('merge', argv, MERGE_FLAGS);
  const reportDir = resolveFlags(MERGE_FLAGS, flags, process.env).values['report-dir'];
  if (operands.length === 0) throw new UsageError(`merge takes the results.json of every shard. ${USAGE}`);
  const records = resultsFilesOf('merge', operands).map(readRecord);
  const { report, problems } = mergeShards(records, toolIdentity());
  if (report === null) throw new UsageError(`these are not the shards of one run:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  const problem = reportDirProblem(reportDir);
  if (problem !== null) throw new UsageError(problem);
  await writeReports(report, path.resolve(reportDir));
  const print = (line: string): void => io.stdout(`${consoleLine(line, [])}\n`);
  print(`Merged ${records.length === 1 ? '1 shard' : `${records.length} shards`} of ${report.label} (${report.edition} edition, seed ${report.scope.seed ?? 'none'}).`);
  printRecap(report, reportDir, CASE_WORDS, print);
  return verdictOf(report).passes ? 0 : 1;
}
