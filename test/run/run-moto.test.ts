// The first real emulator a user points the suite at: moto's server, with auto fixtures, through
// the real CLI. moto deviates from the documentation, so the run exits 1; what is asserted is that
// every case is judged, the reports agree, facts that do not hang on moto's version are reported,
// and nothing the run made is left on moto. The spec follows the documentation, never moto.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { breakable } from '../../reporters/html/breakable.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { loadEdition } from '../../src/spec/load.ts';
import type { MotoServer } from '../support/moto-server.ts';
import { describeWithMoto } from './support/moto-describe.ts';
import { idsWith, readResults, runCli, seedCaseCount } from './support/cli-run.ts';

const nothing = { functions: [], roles: [], queues: [], streams: [], tables: [], mappings: [] };

describeWithMoto('run against moto (python3 -m moto.server), auto fixtures', (started) => {
  let moto: MotoServer;
  beforeAll(() => {
    moto = started();
  });

  it('judges every case, exits 1, writes three reports that agree, and leaves nothing on moto', async () => {
    const run = await runCli(['--target', moto.url], { limitMs: 90_000 });
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code, run.stderr).toBe(1);
    const report = readResults(run);
    const total = seedCaseCount();
    expect(report).toMatchObject({ target: moto.url, complete: true, interruption: null });
    expect(report.summary.total).toBe(total);
    expect(idsWith(report, 'error'), 'no case may be left "could not be judged"').toEqual([]);
    expect(idsWith(report, 'skip')).toEqual([]);
    expect(report.summary.pass + report.summary.fail).toBe(total);
    expect(run.stdout).toContain(`${report.summary.pass} of ${total} cases pass, ${report.summary.fail} fail, 0 could not be judged, 0 skipped`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`DOES NOT CONFORM: ${report.summary.fail} cases failed, out of ${total} cases.`);

    // The three reports agree.
    const junit = readFileSync(path.join(run.reportDir, 'junit.xml'), 'utf8');
    expect(junit).toMatch(new RegExp(`<testsuites [^>]*tests="${total}"[^>]*failures="${report.summary.fail}"[^>]*errors="0"`));
    const html = readFileSync(path.join(run.reportDir, 'report.html'), 'utf8');
    expect(html).toContain('DOES NOT CONFORM');
    for (const result of report.cases) expect(html).toContain(`<code class="case-id">${breakable(result.id)}</code>`);

    // moto answers a successful create with 201, not the documented 202: every case whose only
    // conforming answer is a success, and that moto created, says so under status_code_conformance.
    const successOnly = generateCases(loadEdition('seed')).filter((testCase) => testCase.expected.status === 202 && testCase.expected.alsoAccepted.length === 0);
    const created = successOnly.filter((testCase) => report.cases.find((entry) => entry.id === testCase.id)?.response?.status === 201);
    expect(created.length).toBeGreaterThan(successOnly.length / 2);
    for (const testCase of created) {
      const result = report.cases.find((entry) => entry.id === testCase.id);
      expect(result?.outcome, testCase.id).toBe('fail');
      expect(result?.reasons, testCase.id).toContainEqual({ check: 'status_code_conformance', clause: testCase.clause, message: 'expected 202, got 201' });
    }
    // …and its failures read as a short list of causes, that one first.
    expect(report.findings.length).toBeLessThanOrEqual(12);
    expect(report.findings[0]?.id).toBe('status-201-for-202');
    expect(report.findings[0]?.caseIds).toEqual(expect.arrayContaining(created.map((testCase) => testCase.id)));
    expect(report.certification.level).toBe(0);

    expect(await moto.everything()).toEqual(nothing);
  }, 100_000);

  it('stopped by SIGINT halfway, still deletes everything it made on moto', async () => {
    const grep = '^(BatchSize|MaximumBatchingWindowInSeconds)/';
    const count = seedCaseCount(grep);
    let sent = false;
    const run = await runCli(['--target', moto.url, '--grep', grep, '--concurrency', '1'], {
      limitMs: 60_000,
      watch: (stdout, kill) => {
        if (!sent && new RegExp(`\\[ *${Math.floor(count / 2)}/${count}\\]`).test(stdout)) {
          sent = true;
          kill('SIGINT');
        }
      },
    });
    expect(sent).toBe(true);
    expect(run.code, run.stderr).toBe(130);
    const report = readResults(run);
    expect(report.complete).toBe(false);
    expect(idsWith(report, 'skip').length).toBeGreaterThan(0);
    expect(await moto.everything()).toEqual(nothing);
  }, 70_000);
});
