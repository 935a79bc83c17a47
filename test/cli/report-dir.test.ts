// The report directory's check before the first case, on its own: what it refuses and what it never touches.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportDirProblem } from '../../cli/preflight/report-dir.ts';

const folder = (): string => mkdtempSync(path.join(tmpdir(), 'lesm-report-dir-'));

describe('reportDirProblem', () => {
  it.each(['report.html', 'junit.xml', 'results.json', 'badge.json'])('refuses a directory named %s, which no report can replace', (name) => {
    const dir = folder();
    mkdirSync(path.join(dir, name));
    expect(reportDirProblem(dir)).toBe(
      `--report-dir ${dir} holds a directory named ${name}, where the run writes that report: remove or rename ${path.join(dir, name)}, or give another --report-dir.`,
    );
  });

  it('accepts earlier reports, which a run replaces', () => {
    const dir = folder();
    for (const name of ['report.html', 'junit.xml', 'results.json', 'badge.json']) writeFileSync(path.join(dir, name), 'old');
    expect(reportDirProblem(dir)).toBeNull();
  });

  it('never follows a link planted where a write check with a predictable name would go', () => {
    const dir = folder();
    const victim = path.join(folder(), 'precious');
    writeFileSync(victim, 'keep me');
    for (const pid of [process.pid, process.pid + 1, process.pid - 1]) symlinkSync(victim, path.join(dir, `.lesm-write-check-${pid}`));
    expect(reportDirProblem(dir)).toBeNull();
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    // The probe went away again; only the planted links remain.
    expect(readdirSync(dir).filter((name) => !/^\.lesm-write-check-\d+$/.test(name))).toEqual([]);
  });
});
