// Runs the CLI against a hostile target and checks what must hold whatever a target does: the run
// ends within a bound, its peak memory stays near a normal run's (a run in a child process; one in
// this process is for what is not about the process), the reports are written and parse, and no
// credential appears in any output, in any encoding. The bound on time is
// relative (test/support/time-bounds.ts): a normal run of the cases the tests run, measured in the same file,
// stretched by how much slower a start of the bin has become since, plus what the misbehaviour
// may cost by the limits the README promises.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { RunReport } from '../../../src/results.ts';
import { descendants, parseXml, type XmlElement } from '../../reporters/support/xml.ts';
import { credentialSpellings } from '../../support/credential-spellings.ts';
import { startHostileTarget } from '../../support/hostile-target.ts';
import { boundMs, timed } from '../../support/time-bounds.ts';
import { binStartMs, runCli, runInProcess, type ChildRun, type CliOptions, type CliRun, type InProcessRun } from './cli-run.ts';

/** Canary credentials, long enough to count as secrets, with the `/` and `+` real ones hold. */
export const CANARY = {
  AWS_ACCESS_KEY_ID: 'AKIACANARY7Q2W4E6R8T',
  AWS_SECRET_ACCESS_KEY: 'canary/Secret+Access/Key0123456789abcdefgh',
  AWS_SESSION_TOKEN: 'canary//Session+Token/IQoJb3JpZ2luX2VjEJr==',
} as const;

/** How far above a normal run's peak a hostile run's may go. */
export const RSS_HEADROOM_KB = 100 * 1024;

export interface HostileRun<Run extends CliRun = ChildRun> {
  readonly run: Run;
  /** results.json as parsed, its summary checked against its cases. */
  readonly report: RunReport;
  readonly junit: XmlElement;
  readonly html: string;
  /** What a start of the bin cost right before this run (`binStartMs`): the baseline of a bound on part of it. */
  readonly startMs: number;
}

/** A normal run against an honest target, of as many cases as any test here runs to its end: its peak RSS in kilobytes, its wall-clock time, and what a start of the bin cost just before it. */
export interface NormalRun {
  readonly rssKb: number;
  readonly elapsedMs: number;
  readonly startMs: number;
}

export interface HostileRunOptions extends Pick<CliOptions, 'watch' | 'started'> {
  /** What the misbehaviour may add to a normal run, by the limits the README promises (a few --timeout, the signal deadline, reading what the target sends). */
  readonly misbehaviourMs: number;
  readonly normal: NormalRun;
}

/**
 * What the normal run runs: every test that lets its run end runs these cases or fewer (a test that
 * stops it with a signal, or whose fixtures fail, runs no further). The whole edition would add 8 MB
 * to the peak (measured) and seconds of cases no test here sends.
 */
const NORMAL_RUN_CASES = ['--grep', '^BatchSize/sqs/', '--repeat', '3'];

export async function normalRun(): Promise<NormalRun> {
  const target = await startHostileTarget({});
  try {
    const startMs = await binStartMs();
    const run = await runCli(['--target', target.url, ...NORMAL_RUN_CASES], { env: { ...CANARY } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.maxRssKb).not.toBeNull();
    return { rssKb: run.maxRssKb ?? 0, elapsedMs: run.elapsedMs, startMs };
  } finally {
    await target.close();
  }
}

/**
 * Runs the CLI in a child process against a hostile target, for what is about the process: its
 * peak memory, signals. The run must end within its bound and write reports that hold (`checkedOutputs`).
 */
export async function runHostile(targetUrl: string, args: readonly string[], options: HostileRunOptions): Promise<HostileRun<ChildRun>> {
  const { withinMs, startMs, measured } = await boundOf(options);
  const limitMs = withinMs + 30_000;
  const run = await runCli(['--target', targetUrl, ...args], {
    env: { ...CANARY },
    limitMs,
    ...(options.watch !== undefined && { watch: options.watch }),
    ...(options.started !== undefined && { started: options.started }),
  });
  expect(run.killed, `the run was still going after ${Math.round(limitMs)} ms; stderr:\n${run.stderr.slice(-2000)}`).toBe(false);
  expect(run.elapsedMs, `the run took longer than its bound (${Math.round(withinMs)} ms: ${measured})`).toBeLessThan(withinMs);
  expect(run.maxRssKb, 'the child did not record its peak memory').not.toBeNull();
  expect(run.maxRssKb ?? Infinity, `peak RSS ${run.maxRssKb} kB against a normal run's ${options.normal.rssKb} kB`).toBeLessThan(options.normal.rssKb + RSS_HEADROOM_KB);
  return { ...checkedOutputs(run), startMs };
}

/**
 * The same run through main() in this process, for a misbehaviour that threatens what the run
 * writes (a leak, a character that acts on a terminal, a finding lost), not the process: a child
 * costs a start of the bin and its modules. Its time is bounded as a child's is.
 */
export async function runHostileInProcess(targetUrl: string, args: readonly string[], options: Pick<HostileRunOptions, 'misbehaviourMs' | 'normal'>): Promise<HostileRun<InProcessRun>> {
  const { withinMs, startMs, measured } = await boundOf(options);
  const { value: run, ms } = await timed(() => runInProcess(['--target', targetUrl, ...args], { env: { ...CANARY } }));
  expect(ms, `the run took longer than its bound (${Math.round(withinMs)} ms: ${measured})`).toBeLessThan(withinMs);
  return { ...checkedOutputs(run), startMs };
}

/** How long a run may take: what the misbehaviour may add, plus the normal run stretched by how much slower a start of the bin has become since. */
async function boundOf(options: Pick<HostileRunOptions, 'misbehaviourMs' | 'normal'>): Promise<{ withinMs: number; startMs: number; measured: string }> {
  const { normal } = options;
  // No test here runs more cases than the normal run; the load may have grown since it was measured, which a start of the bin now shows.
  const startMs = await binStartMs();
  const slowdown = Math.max(1, startMs / normal.startMs);
  const withinMs = boundMs(options.misbehaviourMs, normal.elapsedMs * slowdown);
  const measured = `the normal run took ${Math.round(normal.elapsedMs)} ms, a start of the bin ${Math.round(normal.startMs)} ms then and ${Math.round(startMs)} ms now`;
  return { withinMs, startMs, measured };
}

/** What must hold whatever the target did: all four reports written, agreeing and parsing, and no credential in them or on the console. */
function checkedOutputs<Run extends CliRun>(run: Run): Omit<HostileRun<Run>, 'startMs'> {
  const files = ['results.json', 'junit.xml', 'report.html'].map((name) => path.join(run.reportDir, name));
  for (const file of files) expect(existsSync(file), `${path.basename(file)} was not written; stderr:\n${run.stderr.slice(-2000)}`).toBe(true);
  const [json, xml, html] = files.map((file) => readFileSync(file, 'utf8')) as [string, string, string];
  const report = JSON.parse(json) as RunReport;
  expect(report.summary.total).toBe(report.cases.length);
  for (const outcome of ['pass', 'fail', 'error', 'skip'] as const) expect(report.summary[outcome]).toBe(report.cases.filter((result) => result.outcome === outcome).length);
  const junit = parseXml(xml);
  expect(descendants(junit, 'testcase')).toHaveLength(report.cases.length);
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html.trimEnd().endsWith('</html>')).toBe(true);
  expect(html.match(/<details class="case"/g) ?? []).toHaveLength(report.cases.length);

  expectNoCanary({ stdout: run.stdout, stderr: run.stderr, 'results.json': json, 'junit.xml': xml, 'report.html': html });
  return { run, report, junit, html };
}

/** Every spelling of a canary value that a reader or a decoder could turn back into it, also as report.html and junit.xml would escape it. */
export function canarySpellings(value: string): string[] {
  const spellings = Object.values(credentialSpellings(value));
  return [...new Set([...spellings, ...spellings.map((spelling) => spelling.replace(/&/g, '&amp;'))])];
}

/** Fails naming the output and the spelling when any canary credential appears anywhere. */
export function expectNoCanary(outputs: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(outputs)) {
    for (const [variable, value] of Object.entries(CANARY)) {
      for (const spelling of canarySpellings(value)) {
        expect(text.includes(spelling), `${variable} appears in ${name} as ${spelling}`).toBe(false);
      }
    }
  }
}
