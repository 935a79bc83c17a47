import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunReport } from '../src/results.ts';
import { redactSecrets } from '../src/transport/index.ts';
import { REPORTS, type ReportPaths } from './report-files.ts';
import { writeFilesAtomically } from './write-atomically.ts';

/**
 * Writes every report of REPORTS into `directory` (created if needed);
 * returns their absolute paths. Each is streamed a case at a time, and every piece has `secrets` masked in
 * every spelling as a last pass, whatever the producers of the report did before.
 */
export async function writeReports(report: RunReport, directory: string, secrets: readonly string[] = []): Promise<ReportPaths> {
  const folder = resolve(directory);
  await mkdir(folder, { recursive: true });
  const kinds = Object.keys(REPORTS) as (keyof typeof REPORTS)[];
  const paths = Object.fromEntries(kinds.map((kind) => [kind, join(folder, REPORTS[kind].name)])) as ReportPaths;
  // All are complete before any replaces its predecessor, so that a rendering bug cannot leave a mixed set behind.
  await writeFilesAtomically(kinds.map((kind) => ({ path: paths[kind], chunks: redacted(REPORTS[kind].render(report), secrets) })));
  return paths;
}

function* redacted(chunks: Iterable<string>, secrets: readonly string[]): Generator<string> {
  for (const chunk of chunks) yield redactSecrets(chunk, secrets);
}
