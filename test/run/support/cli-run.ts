import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, vi } from 'vitest';
import { main } from '../../../cli/main.ts';
import { SIGNAL_DEADLINE_MS } from '../../../cli/target-session.ts';
import { selectCases } from '../../../src/cases/select.ts';
import { DEFAULT_PROPERTY_RUNS } from '../../../cli/commands/flag-tables.ts';
import type { RunReport } from '../../../src/results.ts';
import { loadEdition } from '../../../src/spec/load.ts';
import { editionCases } from '../../../src/cases/edition-cases.ts';
import { boundMs } from '../../support/time-bounds.ts';

const bin = new URL('../../../bin/lambda-esm-conformance.js', import.meta.url).pathname;
const maxRssPreload = new URL('../../support/max-rss.mjs', import.meta.url).href;

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly reportDir: string;
}

/** A run in this process, which also saw in what order the two streams were written. */
export interface InProcessRun extends CliRun {
  /** Every line of both streams in the order written, each marked with its stream. */
  readonly lines: readonly { readonly stream: 'stdout' | 'stderr'; readonly text: string }[];
}

/** A run in a child process, measured. */
export interface ChildRun extends CliRun {
  /** The child's peak resident set size in kilobytes; null if it died before it could say. */
  readonly maxRssKb: number | null;
  /** Wall-clock time from spawn to exit. */
  readonly elapsedMs: number;
  /** `performance.now()` when the child had exited: a test that signalled it measures from there, not from after its own checks. */
  readonly endedAt: number;
  /** True when the child outlived `limitMs` and was killed. */
  readonly killed: boolean;
}

export interface CliOptions {
  /** The command and its subcommand; default `run`. */
  readonly command?: readonly string[];
  /** Replaces the AWS variables of this process's environment; others are kept. */
  readonly env?: Record<string, string>;
  /** Called with all stdout so far after each chunk; may send the child a signal. */
  readonly watch?: (stdout: string, signal: (name: NodeJS.Signals) => void) => void;
  /** SIGKILL the child after this long (a run that hangs must not hang the test). Default 120 s. */
  readonly limitMs?: number;
  /** Called once the child runs, with a way to signal it (a test that stops the run on its own cue). */
  readonly started?: (signal: (name: NodeJS.Signals) => void) => void;
}

/** This process's environment without the AWS variables a developer's shell may carry. */
function environmentWithoutAws(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') || name === 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'));
}

/** Runs `lambda-esm-conformance run …` (or `options.command`) in a child process with a fresh report directory: for what is about the process (signals, exit, the bin). */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<ChildRun> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'lesm-run-'));
  const env = environmentWithoutAws();
  const rssFile = path.join(reportDir, '.max-rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', maxRssPreload, bin, ...(options.command ?? ['run']), '--report-dir', reportDir, ...args], {
    env: { ...env, ...options.env, LESM_MAX_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let killed = false;
  const limit = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, options.limitMs ?? 120_000);
  options.started?.((name) => child.kill(name));
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    options.watch?.(stdout, (name) => child.kill(name));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(limit);
      const endedAt = performance.now();
      const maxRssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : null;
      resolve({ code, stdout, stderr, reportDir, maxRssKb, elapsedMs: endedAt - started, endedAt, killed });
    });
  });
}

/**
 * How long the bin takes here and now to start, print its version and exit: what a process of it
 * costs under the machine's present load, the baseline of a bound on a child's time (test/support/time-bounds.ts).
 */
export function binStartMs(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, '--version'], { env: environmentWithoutAws(), stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`the bin's --version exited ${code}`))));
  });
}

/**
 * The promise of SIGINT and SIGTERM: the process is over within SIGNAL_DEADLINE_MS of the signal
 * (`sentAt`, a `performance.now()`), plus what a start of the bin costs here now (`binStartMs`,
 * measured right before): the load stretches the report and the cleanup as it stretches a start.
 */
export function expectEndedWithinSignalDeadline(run: ChildRun, sentAt: number | null, startMs: number): void {
  expect(sentAt, 'the signal was never sent').not.toBeNull();
  const bound = boundMs(SIGNAL_DEADLINE_MS, startMs);
  expect(run.endedAt - (sentAt ?? 0), `bound ${Math.round(bound)} ms: a start of the bin took ${Math.round(startMs)} ms`).toBeLessThan(bound);
}

/**
 * Runs `lambda-esm-conformance run …` in this process, through the same entry point as the bin,
 * with its output captured: the same run without paying for a new process each time. The
 * environment is the one the child would get, for the duration of the run.
 */
export async function runInProcess(args: readonly string[], options: Pick<CliOptions, 'env'> = {}): Promise<InProcessRun> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'lesm-run-'));
  return commandInProcess(['run', '--report-dir', reportDir, ...args], reportDir, options);
}

/** Any command line, in this process as runInProcess runs `run`; `reportDir` is where the test will look for reports. */
export async function commandInProcess(argv: readonly string[], reportDir: string, options: Pick<CliOptions, 'env'> = {}): Promise<InProcessRun> {
  const release = environmentForRun(options.env ?? {});
  let stdout = '';
  let stderr = '';
  const lines: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const written = (stream: 'stdout' | 'stderr', text: string): void => {
    for (const line of text.replace(/\n$/, '').split('\n')) lines.push({ stream, text: line });
  };
  try {
    const code = await main(argv, {
      stdout: (text) => {
        stdout += text;
        written('stdout', text);
      },
      stderr: (text) => {
        stderr += text;
        written('stderr', text);
      },
    });
    return { code, stdout, stderr, reportDir, lines };
  } finally {
    release();
  }
}

/** The environment of the in-process runs going on now (tests run concurrently may overlap them), and how many there are. */
let sharedEnvironment: { readonly extra: string; runs: number } | null = null;

/**
 * Stubs the environment a child would get, for a run in this process; the function it returns
 * gives the environment back. Runs of concurrent tests overlap: the last one to end unstubs, for a
 * run reads the environment until its end (the GitHub summary), and a run may not start with other
 * variables than those of a run still going, which would change that one's under it.
 */
function environmentForRun(extra: Readonly<Record<string, string | undefined>>): () => void {
  const key = JSON.stringify(Object.entries(extra).sort(([a], [b]) => a.localeCompare(b)));
  if (sharedEnvironment === null) {
    const wanted = { ...environmentWithoutAws(), ...extra };
    for (const name of Object.keys(process.env)) if (!(name in wanted)) vi.stubEnv(name, undefined);
    for (const [name, value] of Object.entries(wanted)) vi.stubEnv(name, value);
    sharedEnvironment = { extra: key, runs: 0 };
  } else if (sharedEnvironment.extra !== key) {
    throw new Error(`an in-process run with other environment variables (${key}) started while one with ${sharedEnvironment.extra} was going: run such tests one after the other`);
  }
  const shared = sharedEnvironment;
  shared.runs += 1;
  return () => {
    shared.runs -= 1;
    if (shared.runs === 0) {
      sharedEnvironment = null;
      vi.unstubAllEnvs();
    }
  };
}

export function readResults(run: CliRun): RunReport {
  const file = path.join(run.reportDir, 'results.json');
  if (!existsSync(file)) throw new Error(`no results.json was written; stderr:\n${run.stderr}`);
  return JSON.parse(readFileSync(file, 'utf8')) as RunReport;
}

export function readReport(run: CliRun, name: 'junit.xml' | 'report.html'): string {
  return readFileSync(path.join(run.reportDir, name), 'utf8');
}

/** Ids of the cases with a given outcome. */
export function idsWith(report: RunReport, outcome: RunReport['cases'][number]['outcome']): string[] {
  return report.cases.filter((result) => result.outcome === outcome).map((result) => result.id).sort();
}

/** How many cases a run of the seed edition has (property cases included, as by default), selected by `grep` as run --grep selects them: the count follows the spec. */
export function seedCaseCount(grep?: string): number {
  return editionCaseCount('seed', grep);
}

export function editionCaseCount(edition: string, grep?: string): number {
  const spec = loadEdition(edition);
  return selectCases(editionCases(spec, { runs: DEFAULT_PROPERTY_RUNS, seed: 0 }), grep).length;
}
