// The report files a run writes, each with its renderer: the one list the writer, the check of the
// report directory before the first case and the recap all read.
import type { RunReport } from '../src/results.ts';
import { badgeChunks } from './badge.ts';
import { htmlChunks } from './html/page.ts';
import { junitChunks } from './junit.ts';
import { resultsJsonChunks } from './results-json.ts';

export interface ReportFile {
  readonly name: string;
  /** The file's text, a case at a time, so that a large run is never held whole as a string. */
  readonly render: (report: RunReport) => Iterable<string>;
}

/** In the order a person reads them. */
export const REPORTS = {
  html: { name: 'report.html', render: htmlChunks },
  junit: { name: 'junit.xml', render: junitChunks },
  json: { name: 'results.json', render: resultsJsonChunks },
  badge: { name: 'badge.json', render: badgeChunks },
} as const satisfies Record<string, ReportFile>;

/** Where each report was written. */
export type ReportPaths = { readonly [kind in keyof typeof REPORTS]: string };

export const REPORT_FILE_NAMES: readonly string[] = Object.values(REPORTS).map((report) => report.name);
