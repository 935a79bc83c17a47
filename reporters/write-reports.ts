import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunReport } from '../src/results.ts';
import { renderHtml } from './html/page.ts';
import { renderJunit } from './junit.ts';
import { renderResultsJson } from './results-json.ts';
import { writeFileAtomically } from './write-atomically.ts';

export interface ReportPaths {
  readonly json: string;
  readonly junit: string;
  readonly html: string;
}

/** Writes results.json, junit.xml and report.html into `directory` (created if needed); returns their absolute paths. */
export async function writeReports(report: RunReport, directory: string): Promise<ReportPaths> {
  const folder = resolve(directory);
  await mkdir(folder, { recursive: true });
  const paths: ReportPaths = { json: join(folder, 'results.json'), junit: join(folder, 'junit.xml'), html: join(folder, 'report.html') };
  // Render all three before writing any, so that a rendering bug cannot leave a mixed set behind.
  const contents = [renderResultsJson(report), renderJunit(report), renderHtml(report)] as const;
  await Promise.all([
    writeFileAtomically(paths.json, contents[0]),
    writeFileAtomically(paths.junit, contents[1]),
    writeFileAtomically(paths.html, contents[2]),
  ]);
  return paths;
}
