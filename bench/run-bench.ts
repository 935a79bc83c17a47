// `npm run bench`: what a whole run costs against the physical limit of its work.
//
// For each scenario: the reference server with N ms added to every request (fixture calls too),
// behind a proxy that records every request; a whole `run` through the real bin, start-up
// included; then the same requests replayed with ideal scheduling at the run's own peak
// concurrency, through the same latency. Ratios are against that replay, measured in the same
// run, so that a noisy machine moves both sides alike.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startReferenceServer } from '../reference/server.ts';
import { startRecordingProxy, type RecordedExchange } from './recording-proxy.ts';
import { replay } from './replay.ts';

const bin = new URL('../bin/lambda-esm-conformance.js', import.meta.url).pathname;
const maxRssPreload = new URL('../test/support/max-rss.mjs', import.meta.url).href;

interface Measurement {
  readonly latencyMs: number;
  readonly repeat: number;
  readonly cases: number;
  readonly requests: number;
  readonly requestsPerCase: number;
  /** Spawn of the command to its exit. */
  readonly runMs: number;
  /** The same requests, ideally scheduled. */
  readonly replayMs: number;
  readonly ratio: number;
  /** Spawn of the command to the first request reaching the target. */
  readonly firstRequestMs: number;
  readonly peakConcurrency: number;
  readonly peakRssKb: number;
  readonly rssPerCaseKb: number;
}

async function measure(latencyMs: number, repeat: number): Promise<Measurement> {
  const faults = { latencyMs, scope: 'all' as const };
  const server = await startReferenceServer({ faults });
  const proxy = await startRecordingProxy(server.url);
  const folder = mkdtempSync(path.join(tmpdir(), 'lesm-bench-'));
  let run: { ms: number; startedAt: number; cases: number; rssKb: number };
  try {
    run = await runCommand(proxy.url, folder, repeat);
  } finally {
    await proxy.close();
    await server.close();
  }
  const exchanges = [...proxy.exchanges];
  const peakConcurrency = proxy.peakInFlight();
  const replayMs = await replayAgainstFreshServer(exchanges, latencyMs, peakConcurrency);
  rmSync(folder, { recursive: true, force: true });
  return {
    latencyMs,
    repeat,
    cases: run.cases,
    requests: exchanges.length,
    requestsPerCase: round(exchanges.length / run.cases, 2),
    runMs: Math.round(run.ms),
    replayMs: Math.round(replayMs),
    ratio: round(run.ms / replayMs, 2),
    firstRequestMs: Math.round((exchanges[0]?.arrivedAt ?? Number.NaN) - run.startedAt),
    peakConcurrency,
    peakRssKb: run.rssKb,
    rssPerCaseKb: round(run.rssKb / run.cases, 1),
  };
}

function runCommand(target: string, folder: string, repeat: number): Promise<{ ms: number; startedAt: number; cases: number; rssKb: number }> {
  const reportDir = path.join(folder, 'reports');
  const rssFile = path.join(folder, 'max-rss');
  const startedAt = performance.now();
    // The run's own default unless told: --property-runs 0 measures the example cases alone.
  const properties = propertyRuns === undefined ? [] : ['--property-runs', propertyRuns];
  const child = spawn(process.execPath, ['--import', maxRssPreload, bin, 'run', '--target', target, '--report-dir', reportDir, '--repeat', String(repeat), '--seed', '1', ...properties], {
    env: { ...process.env, LESM_MAX_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - startedAt;
      if (code !== 0) return reject(new Error(`the run exited ${code}; the bench measures a conforming run:\n${stderr.slice(-2000)}`));
      const results = JSON.parse(readFileSync(path.join(reportDir, 'results.json'), 'utf8')) as { summary: { total: number } };
      resolve({ ms, startedAt, cases: results.summary.total, rssKb: Number(readFileSync(rssFile, 'utf8')) });
    });
  });
}

async function replayAgainstFreshServer(exchanges: readonly RecordedExchange[], latencyMs: number, concurrency: number): Promise<number> {
  const server = await startReferenceServer({ faults: { latencyMs, scope: 'all' } });
  const proxy = await startRecordingProxy(server.url);
  try {
    return await replay(proxy.url, exchanges, concurrency);
  } finally {
    await proxy.close();
    await server.close();
  }
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function table(rows: readonly Measurement[]): string {
  const columns: ReadonlyArray<readonly [string, (row: Measurement) => string]> = [
    ['latency', (row) => `${row.latencyMs} ms`],
    ['cases', (row) => `${row.cases} (${row.repeat}×)`],
    ['requests', (row) => String(row.requests)],
    ['req/case', (row) => row.requestsPerCase.toFixed(2)],
    ['run', (row) => `${(row.runMs / 1000).toFixed(2)} s`],
    ['replay', (row) => `${(row.replayMs / 1000).toFixed(2)} s`],
    ['run/replay', (row) => `${row.ratio.toFixed(2)}×`],
    ['first request', (row) => `${row.firstRequestMs} ms`],
    ['peak conc.', (row) => String(row.peakConcurrency)],
    ['peak RSS', (row) => `${Math.round(row.peakRssKb / 1024)} MB`],
    ['RSS/case', (row) => `${row.rssPerCaseKb} kB`],
  ];
  const cells = [columns.map(([title]) => title), ...rows.map((row) => columns.map(([, cell]) => cell(row)))];
  const widths = columns.map((_, column) => Math.max(...cells.map((line) => line[column]?.length ?? 0)));
  return cells.map((line) => line.map((cell, column) => cell.padStart(widths[column] ?? 0)).join('  ')).join('\n');
}

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '50' },
    scales: { type: 'string', default: '1,4,16' },
    json: { type: 'boolean', default: false },
    'property-runs': { type: 'string' },
  },
});
const latencyMs = Number(values.latency);
const scales = values.scales.split(',').map(Number);
const propertyRuns = values['property-runs'];
if (!Number.isFinite(latencyMs) || latencyMs < 0 || scales.some((scale) => !Number.isInteger(scale) || scale < 1 || scale > 100) || (propertyRuns !== undefined && !/^\d+$/.test(propertyRuns))) {
  process.stderr.write('usage: npm run bench -- [--latency MS] [--scales 1,4,16] [--property-runs N] [--json]\n');
  process.exit(2);
}

const rows: Measurement[] = [];
for (const scale of scales) {
  rows.push(await measure(latencyMs, scale));
  if (!values.json) process.stderr.write(`measured ${rows.at(-1)?.cases} cases at ${latencyMs} ms\n`);
}
if (latencyMs !== 0) rows.push(await measure(0, scales[0] ?? 1));
process.stdout.write(values.json ? `${JSON.stringify(rows, null, 2)}\n` : `${table(rows)}\n`);
