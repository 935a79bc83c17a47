// What a gated run prints: each case as the gate reads it, the regressions and unexpected passes
// named before the verdict, a last line that agrees with the exit code; --quiet; the job summary
// and annotations under GitHub Actions; a Ctrl-C while the fixtures are made. Against the reference
// server behind a proxy that answers as a target with deviations would.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Interference } from '../support/intercepting-proxy.ts';
import { proxiedReferenceServer } from '../support/proxied-reference.ts';
import { readResults, runInProcess } from './support/cli-run.ts';
import { markdownText } from '../../cli/github-actions.ts';

const createMapping = 'POST /2015-03-31/event-source-mappings/';
const createFunction = 'POST /2015-03-31/functions';
const GREP = '^BatchSize/sqs/(0|1|10|omitted)$';
const folder = mkdtempSync(path.join(tmpdir(), 'lesm-console-'));
const canary = {
  AWS_ACCESS_KEY_ID: 'AKIACANARYCONSOLE001',
  AWS_SECRET_ACCESS_KEY: 'canary/Console+Secret0123456789abcdefgh',
  AWS_SESSION_TOKEN: 'canary//Console+Token/IQoJb3JpZ2luX2VjEJr==',
};
// An error type a hostile target chose: markdown, HTML, a forged workflow command and a credential.
const hostileType = `Evil|*bold*<img src=x>%0A\r\n${canary.AWS_SECRET_ACCESS_KEY}\r\n::error::forged`;

// Successful creates answer 201; a batch of 10 is refused with the hostile error type.
const rules: Record<string, Interference> = {
  [createMapping]: {
    kind: 'mutate',
    answer: (answer, body) => {
      if (answer.status !== 202) return answer;
      if (body.includes('"BatchSize":10')) return { status: 400, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ __type: hostileType, message: hostileType })) };
      return { ...answer, status: 201 };
    },
  },
};

// BatchSize/sqs/1 deviates as listed; /10 is listed with another answer and /omitted not at all
// (two regressions); /0 is listed but passes (an unexpected pass); /omited is a typo of /omitted.
const expectations = path.join(folder, 'known.yaml');
writeFileSync(
  expectations,
  `expectations:
  - case: BatchSize/sqs/1
    outcome: fail
    form: { status: 201, errorType: null }
    reason: answers 201
  - case: BatchSize/sqs/10
    outcome: fail
    form: { status: 201, errorType: null }
    reason: answers 201
  - case: BatchSize/sqs/0
    outcome: fail
    form: { status: 201, errorType: null }
    reason: accepted a batch of 0 once
  - case: BatchSize/sqs/omited
    outcome: fail
    form: { status: 201, errorType: null }
    reason: a typo
`,
);

const target = proxiedReferenceServer(rules);

const lastLine = (text: string): string => text.trimEnd().split('\n').at(-1) ?? '';

describe('a gated run on the console', () => {
  it('marks each case as the gate reads it and names every regression and unexpected pass before the verdict', async () => {
    const run = await runInProcess(['--target', target.proxy.url, '--grep', GREP, '--property-runs', '0', '--expectations', expectations]);
    expect(run.code, run.stderr).toBe(1);
    const stdout = run.stdout;
    expect(stdout).toMatch(/\] expected deviation BatchSize\/sqs\/1 \(/);
    expect(stdout).toMatch(/\] REGRESSION {9}BatchSize\/sqs\/10 \(/);
    expect(stdout).toMatch(/\] REGRESSION {9}BatchSize\/sqs\/omitted \(/);
    expect(stdout).toMatch(/\] unexpected pass {4}BatchSize\/sqs\/0 \(/);
    expect(stdout).not.toMatch(/\] FAIL /);
    expect(run.stderr).toContain(`stale expectation ${expectations}:14: "BatchSize/sqs/omited" matches no case of the seed edition: did you mean BatchSize/sqs/omitted?\n`);
    // The short recap: no finding with its curl line, the gate's failures right before the verdict.
    expect(stdout).not.toContain('curl');
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(-5)).toEqual([
      `The gate ${expectations} fails on 2 regressions and 1 unexpected pass:`,
      '  unexpected pass BatchSize/sqs/0: listed as answered 201 (no error type), but it passes: remove the entry',
      expect.stringMatching(/^ {2}REGRESSION {6}BatchSize\/sqs\/10: listed as answered 201 \(no error type\), answered 400 Evil/),
      '  REGRESSION      BatchSize/sqs/omitted: not in the expectations file; answered 201 (no error type)',
      expect.stringMatching(/^DOES NOT CONFORM \(partial: 4 cases of \d+\): /),
    ]);
  });
});

describe('a quiet run under GitHub Actions', () => {
  it('prints only the annotations, the recap and the verdict, and appends a job summary, escaped and masked', async () => {
    const summary = path.join(folder, 'summary.md');
    writeFileSync(summary, '# an earlier step\n');
    const run = await runInProcess(['--target', target.proxy.url, '--grep', GREP, '--property-runs', '0', '--expectations', expectations, '--quiet'], {
      env: { ...canary, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).not.toMatch(/^\[/m);
    expect(run.stderr).not.toContain('lambda-esm-conformance 0');
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toEqual([
      '::error title=unexpected pass BatchSize/sqs/0::BatchSize/sqs/0: listed as answered 201 (no error type), but it passes: remove the entry',
      '::error title=REGRESSION BatchSize/sqs/10::BatchSize/sqs/10: listed as answered 201 (no error type), answered 400 Evil|*bold*<img src=x>%250A%0D%0A[REDACTED]',
      '::error title=REGRESSION BatchSize/sqs/omitted::BatchSize/sqs/omitted: not in the expectations file; answered 201 (no error type)',
    ]);
    expect(lastLine(run.stdout)).toMatch(/^DOES NOT CONFORM/);

    const markdown = readFileSync(summary, 'utf8');
    expect(markdown.startsWith('# an earlier step\n\n## lambda\\-esm\\-conformance: ❌ DOES NOT CONFORM \\(partial\\: 4 cases of')).toBe(true);
    expect(markdown).toContain('\n| a successful create answered 201, the documentation says 202 | 2 cases | BatchSize/sqs/1 |\n');
    expect(markdown).toContain(`\n### The gate ${markdownText(expectations, [])} fails on 2 regressions and 1 unexpected pass\\:\n`);
    expect(markdown).toContain('\n- REGRESSION      BatchSize/sqs/omitted\\: not in the expectations file; answered 201 \\(no error type\\)\n');
    // The target's bytes make no table cell, emphasis, HTML or line of their own, and carry no credential.
    expect(markdown).toContain('\n- REGRESSION      BatchSize/sqs/10\\: listed as answered 201 \\(no error type\\), answered 400 Evil\\|\\*bold\\*&lt;img src=x&gt;%0A\\\\u000D\\\\u000A\\[REDACTED\\]\n');
    for (const secret of Object.values(canary)) expect(markdown + run.stdout + run.stderr).not.toContain(secret);
  });
});

describe('--update-expectations', () => {
  it('ends on the file it wrote, not on the verdict the exit code does not follow', async () => {
    const written = path.join(folder, 'written.yaml');
    const run = await runInProcess(['--target', target.proxy.url, '--grep', GREP, '--property-runs', '0', '--update-expectations', written]);
    expect(run.code, run.stderr).toBe(0);
    expect(lastLine(run.stdout)).toBe(`expectations written to ${written}: 3 entries`);
    expect(run.stdout).not.toContain('DOES NOT CONFORM');
  });
});

describe('a Ctrl-C while the fixtures are made', () => {
  it('says the reports were written, and nothing of a run that judged nothing or of a bug', async () => {
    // CreateFunction never answers: the signal comes while the fixtures are being made.
    rules[createFunction] = { kind: 'forward-then-hang' };
    const exited = new Promise<number>((resolve) => {
      vi.spyOn(process, 'exit').mockImplementation((code) => {
        resolve(Number(code));
        return undefined as never;
      });
    });
    const waiting = setInterval(() => {
      if (!target.proxy.seen.includes(createFunction)) return;
      clearInterval(waiting);
      process.emit('SIGINT');
    }, 20);
    try {
      const run = await runInProcess(['--target', target.proxy.url, '--grep', GREP, '--property-runs', '0']);
      expect(await exited).toBe(130);
      expect(run.code).toBe(130);
      expect(run.stderr).toContain(`SIGINT: the reports of what was judged before it (0 of 4 cases, the others marked not run) are written to ${run.reportDir}`);
      expect(run.stderr).not.toContain('Nothing was judged');
      expect(run.stderr).not.toContain('report it as a bug');
      expect(existsSync(path.join(run.reportDir, 'results.json'))).toBe(true);
      expect(readResults(run).complete).toBe(false);
    } finally {
      clearInterval(waiting);
      vi.restoreAllMocks();
      delete rules[createFunction];
    }
  });
});

describe('https:// to a port that speaks plain HTTP', () => {
  it('is refused before any case with the http:// URL to use', async () => {
    const https = target.server.url.replace(/^http:/, 'https:');
    const run = await runInProcess(['--target', https, '--grep', GREP]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Nothing was judged: the target ${https} cannot be reached over TLS: this port speaks plain HTTP: use --target ${target.server.url}.\n`);
    expect(run.stderr).not.toContain('SSL routines');
  });
});
