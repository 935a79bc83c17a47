// The dashboard of three targets, from results.json files real runs wrote: the embedded reference
// server, moto, and the reference server behind a proxy that answers one case wrongly. The rows
// listed first must be exactly the cases where their verdicts disagree.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dashboard } from '../../src/dashboard/dashboard.ts';
import type { RunReport } from '../../src/results.ts';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { startInterceptingProxy, type InterceptingProxy } from '../support/intercepting-proxy.ts';
import { commandInProcess, readResults, runInProcess, type InProcessRun } from './support/cli-run.ts';
import { describeWithMoto } from './support/moto-describe.ts';

// A few cases of one source, no property case (their values depend on the seed, not on the target).
const SELECTION = ['--grep', '^BatchSize/sqs/', '--property-runs', '0'];
/** The one case the wrong proxy spoils: a BatchSize of 10 on a queue, answered 201 instead of 202. */
const SPOILED = 'BatchSize/sqs/10';

describeWithMoto('dashboard of the reference server, moto and a wrong proxy', (started) => {
  let server: ReferenceServer;
  let proxy: InterceptingProxy;
  let runs: InProcessRun[];

  beforeAll(async () => {
    server = await startReferenceServer();
    proxy = await startInterceptingProxy(server.url, {
      'POST /2015-03-31/event-source-mappings/': {
        kind: 'mutate',
        answer: (answer, body) => {
          const sent = JSON.parse(body) as { BatchSize?: number; EventSourceArn?: string };
          return sent.BatchSize === 10 && sent.EventSourceArn?.includes(':sqs:') === true ? { ...answer, status: 201 } : answer;
        },
      },
    });
    runs = await Promise.all([
      runInProcess(SELECTION),
      runInProcess([...SELECTION, '--target', started().url, '--label', 'moto 5.2.1']),
      runInProcess([...SELECTION, '--target', proxy.url, '--label', 'wrong proxy']),
    ]);
  }, 90_000);

  afterAll(async () => {
    await proxy?.close();
    await server?.close();
  });

  it('lists first exactly the cases whose verdicts differ between the three, the spoiled one among them', async () => {
    const reports = runs.map((run) => readResults(run));
    const [reference, moto, wrong] = reports as [RunReport, RunReport, RunReport];
    expect(runs[0]?.code, runs[0]?.stderr).toBe(0);
    expect(runs[2]?.code, runs[2]?.stderr).toBe(1);
    const outcome = (report: RunReport, id: string) => report.cases.find((result) => result.id === id)?.outcome;
    const disagreeing = reference.cases.map((result) => result.id).filter((id) => new Set(reports.map((report) => outcome(report, id))).size > 1);
    expect(disagreeing).toContain(SPOILED);
    expect(wrong.cases.filter((result) => result.outcome !== 'pass').map((result) => result.id)).toEqual([SPOILED]);

    const out = mkdtempSync(path.join(tmpdir(), 'lesm-dashboard-'));
    const made = await commandInProcess(['dashboard', ...runs.map((run) => path.join(run.reportDir, 'results.json')), '--out', out], out);
    expect(made.code, made.stderr).toBe(0);
    const view = JSON.parse(readFileSync(path.join(out, 'dashboard.json'), 'utf8')) as Dashboard;
    expect(view.columns.map((column) => [column.label, column.edition])).toEqual([
      ['reference server', 'seed'],
      ['moto 5.2.1', 'seed'],
      ['wrong proxy', 'seed'],
    ]);
    expect(view.cases.slice(0, disagreeing.length).map((row) => row.id).sort()).toEqual([...disagreeing].sort());
    expect(view.cases.slice(disagreeing.length).every((row) => !row.differs)).toBe(true);
    expect(view.cases.find((row) => row.id === SPOILED)?.cells).toEqual(['pass', moto.cases.find((result) => result.id === SPOILED)?.outcome === 'pass' ? 'pass' : 'fail', 'fail']);
    const page = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(page.indexOf(`>${view.cases[0]?.id ?? '?'}<`)).toBeLessThan(page.indexOf(`>${view.cases.at(-1)?.id ?? '?'}<`));
  });
});
