// Whether the reports can be written where --report-dir says, asked before anything else: a run
// that judged every case and then cannot write its reports has wasted everyone's time. The folder
// is made level by level (Node's recursive mkdir spins for ever on some paths, such as /proc/x),
// a file is written into it and removed again, and no report's name is taken by something the
// reports cannot replace (a directory called report.html).
import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { REPORT_FILE_NAMES } from '../../reporters/report-files.ts';

/** A sentence saying why the reports cannot go to `reportDir` and what to do, or null when they can. */
export function reportDirProblem(reportDir: string): string | null {
  const folder = path.resolve(reportDir);
  const fix = 'give a directory you can write to, e.g. --report-dir ./reports';
  const missing: string[] = [];
  let existing: { at: string; stats: Stats } | undefined;
  for (let at = folder; existing === undefined; at = path.dirname(at)) {
    const stats = statOrUndefined(at);
    if (stats !== undefined) existing = { at, stats };
    else missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  if (existing !== undefined && !existing.stats.isDirectory()) {
    return existing.at === folder
      ? `--report-dir ${reportDir} is a file, not a directory: ${fix}.`
      : `--report-dir ${reportDir} cannot be made, since ${existing.at} is a file, not a directory: ${fix}.`;
  }
  try {
    for (const level of missing) mkdirSync(level);
  } catch (error) {
    return `--report-dir ${reportDir} cannot be made (${reasonOf(error)}): ${fix}.`;
  }
  // A random name, created exclusively: a file or symlink planted under a name one can predict is
  // never opened, let alone truncated.
  const probe = path.join(folder, `.lesm-write-check-${randomBytes(8).toString('hex')}`);
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe, { force: true });
  } catch (error) {
    return `--report-dir ${reportDir} is not writable (${reasonOf(error)}): ${fix}, or check its owner and mode with ls -ld ${folder}.`;
  }
  return occupiedReportName(reportDir, folder);
}

/**
 * A sentence naming the first report whose name a directory takes, or null. Renaming a finished
 * report into place replaces any other kind of entry (a file, a link, a FIFO) but never a directory.
 */
function occupiedReportName(reportDir: string, folder: string): string | null {
  for (const name of REPORT_FILE_NAMES) {
    const at = path.join(folder, name);
    if (lstatSync(at, { throwIfNoEntry: false })?.isDirectory() !== true) continue;
    return `--report-dir ${reportDir} holds a directory named ${name}, where the run writes that report: remove or rename ${at}, or give another --report-dir.`;
  }
  return null;
}

// A path under a regular file (ENOTDIR) is as absent as a missing one: the walk goes on up to the file.
function statOrUndefined(at: string): Stats | undefined {
  try {
    return statSync(at);
  } catch {
    return undefined;
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message.replace(/,.*$/, '') : String(error);
  return typeof code === 'string' && !text.startsWith(code) ? `${code}: ${text}` : text;
}
