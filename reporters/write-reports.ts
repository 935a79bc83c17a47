import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunReport } from '../src/results.ts';
import { redactSecrets } from '../src/transport/index.ts';
import { badgeChunks } from './badge.ts';
import { htmlChunks } from './html/page.ts';
import { junitChunks } from './junit.ts';
import { resultsJsonChunks } from './results-json.ts';
import { writeFilesAtomically } from './write-atomically.ts';

export interface ReportPaths {
  readonly json: string;
  readonly junit: string;
  readonly html: string;
  readonly badge: string;
}

/** The files a run writes, in the order a person reads them. */
export const REPORT_FILES = ['report.html', 'junit.xml', 'results.json', 'badge.json'] as const;

/**
 * Writes results.json, junit.xml, report.html and badge.json into `directory` (created if needed);
 * returns their absolute paths. Each is streamed a case at a time, and every piece has `secrets` masked in
 * every spelling as a last pass, whatever the producers of the report did before.
 */
export async function writeReports(report: RunReport, directory: string, secrets: readonly string[] = []): Promise<ReportPaths> {
  const folder = resolve(directory);
  await mkdir(folder, { recursive: true });
  const paths: ReportPaths = { json: join(folder, 'results.json'), junit: join(folder, 'junit.xml'), html: join(folder, 'report.html'), badge: join(folder, 'badge.json') };
  // All four are complete before any replaces its predecessor, so that a rendering bug cannot leave a mixed set behind.
  await writeFilesAtomically([
    { path: paths.json, chunks: redacted(resultsJsonChunks(report), secrets) },
    { path: paths.junit, chunks: redacted(junitChunks(report), secrets) },
    { path: paths.html, chunks: redacted(htmlChunks(report), secrets) },
    { path: paths.badge, chunks: redacted(badgeChunks(report), secrets) },
  ]);
  return paths;
}

function* redacted(chunks: Iterable<string>, secrets: readonly string[]): Generator<string> {
  for (const chunk of chunks) yield redactSecrets(chunk, secrets);
}
