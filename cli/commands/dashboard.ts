import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { escapeActingCharactersInJson } from '../../src/control-characters.ts';
import { dashboardOf } from '../../src/dashboard/dashboard.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import { dashboardHtmlChunks } from '../../reporters/dashboard-html.ts';
import { writeFilesAtomically } from '../../reporters/write-atomically.ts';
import type { CommandIo } from '../io.ts';
import { reportDirProblem } from '../preflight/report-dir.ts';
import { DASHBOARD_FLAGS } from './flag-tables.ts';
import { parseFlagsAndOperands, resolveFlags, UsageError } from './flags.ts';
import { readRecord, resultsFilesOf } from './results-files.ts';

/**
 * `dashboard RESULTS… --out DIR`: many runs on one page, index.html and dashboard.json: targets side
 * by side (one column per target and edition), and each target's runs over time. Exit 0 once written.
 */
export async function dashboard(argv: string[], io: CommandIo): Promise<number> {
  const { flags, operands } = parseFlagsAndOperands('dashboard', argv, DASHBOARD_FLAGS);
  const out = resolveFlags(DASHBOARD_FLAGS, flags, process.env).values.out;
  if (operands.length === 0) throw new UsageError('dashboard takes the results.json of one run or more. Usage: lambda-esm-conformance dashboard RESULTS… --out DIR');
  const records = resultsFilesOf('dashboard', operands).map(readRecord);
  const problem = reportDirProblem(out);
  if (problem !== null) throw new UsageError(problem.replaceAll('--report-dir', '--out'));
  const view = dashboardOf(records);
  const folder = path.resolve(out);
  await mkdir(folder, { recursive: true });
  const page = path.join(folder, 'index.html');
  const data = path.join(folder, 'dashboard.json');
  await writeFilesAtomically([
    { path: page, chunks: dashboardHtmlChunks(view) },
    { path: data, chunks: [escapeActingCharactersInJson(`${JSON.stringify(view, null, 2)}\n`)] },
  ]);
  const print = (line: string): void => io.stdout(`${consoleLine(line, [])}\n`);
  const differing = view.cases.filter((row) => row.differs).length;
  print(`${records.length === 1 ? '1 run' : `${records.length} runs`} of ${view.columns.length === 1 ? '1 target' : `${view.columns.length} targets`}; ${differing === 1 ? '1 case differs' : `${differing} cases differ`} between them.`);
  print(`  ${page}`);
  print(`  ${data}`);
  return 0;
}
