import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import type { RunReport } from '../../src/results.ts';
import { attributeOf, descendants, parseXml } from '../reporters/support/xml.ts';
import { startInterceptingProxy, type Interference } from '../support/intercepting-proxy.ts';
import { readReport, readResults, runInProcess, type InProcessRun } from './support/cli-run.ts';

// One wrong behaviour, one finding: the reference server behind a proxy that answers every
// successful create with 201 instead of the documented 202, against clean runs of the reference.
const createMapping = 'POST /2015-03-31/event-source-mappings/';
const canary = {
  AWS_ACCESS_KEY_ID: 'AKIACANARYFINDINGS01',
  AWS_SECRET_ACCESS_KEY: 'canary/Findings+Secret0123456789abcdefgh',
  AWS_SESSION_TOKEN: 'canary//Findings+Token/IQoJb3JpZ2luX2VjEJr==',
};

let first: ReferenceServer;
let second: ReferenceServer;
let proxy: Awaited<ReturnType<typeof startInterceptingProxy>>;
const mutations: Record<string, Interference> = {
  [createMapping]: { kind: 'mutate', answer: (answer) => (answer.status === 202 ? { ...answer, status: 201 } : answer) },
};
let clean: InProcessRun;
let cleanElsewhere: InProcessRun;
let wrong: InProcessRun;

beforeAll(async () => {
  first = await startReferenceServer();
  second = await startReferenceServer();
  proxy = await startInterceptingProxy(first.url, mutations);
  // Every case, a property case drawing one value: the finding is about the status of every success, whatever was drawn.
  clean = await runInProcess(['--target', first.url, '--property-runs', '1']);
  cleanElsewhere = await runInProcess(['--target', second.url, '--property-runs', '1']);
  wrong = await runInProcess(['--target', proxy.url, '--property-runs', '1'], { env: canary });
}, 120_000);

afterAll(async () => {
  await proxy.close();
  await Promise.all([first.close(), second.close()]);
});

function succeeded(report: RunReport): string[] {
  return report.cases.filter((result) => result.response?.status === 202).map((result) => result.id);
}

describe('findings of a run', () => {
  it('read as one finding when a server does one thing wrong, naming every case it explains', () => {
    expect(clean.code, clean.stderr).toBe(0);
    expect(wrong.code, wrong.stderr).toBe(1);
    const report = readResults(wrong);
    const expected = succeeded(readResults(clean));
    expect(expected.length).toBeGreaterThan(20);
    expect(report.findings.map((finding) => finding.id)).toEqual(['status-201-for-202']);
    expect(report.findings[0]).toMatchObject({ headline: 'a successful create answered 201, the documentation says 202', caseIds: expected, observed: { status: 201, errorType: null } });
    for (const result of report.cases) expect(result.finding).toBe(expected.includes(result.id) ? 'status-201-for-202' : null);
  });

  it('certify Level 3 for the reference server, and no level when every success has the wrong status', () => {
    expect(readResults(clean).certification).toEqual({ level: 3, uncertified: null, keptBack: [] });
    const { certification } = readResults(wrong);
    expect(certification.level).toBe(0);
    expect(certification.keptBack.map((entry) => [entry.level, entry.caseIds])).toEqual([1, 2, 3].map((level) => [level, succeeded(readResults(clean))]));
    expect(JSON.parse(readFileSync(path.join(wrong.reportDir, 'badge.json'), 'utf8'))).toEqual({ schemaVersion: 1, label: 'Lambda ESM conformance', message: 'no level (seed)', color: 'red' });
  });
});

describe('the console', () => {
  it('ends on stdout with the recap after the cleanup: the finding and its reproduce command, the level, the reports, the verdict last', () => {
    const lines = wrong.lines;
    const last = lines.at(-1);
    expect(last).toEqual({ stream: 'stdout', text: `DOES NOT CONFORM: ${readResults(wrong).summary.fail} cases failed, out of ${readResults(wrong).summary.total} cases.` });
    const recapStart = lines.findIndex((line) => line.text.startsWith('1 finding'));
    const lastCleanup = lines.findLastIndex((line) => line.text.startsWith('deleted '));
    expect(lastCleanup).toBeGreaterThan(0);
    expect(recapStart).toBeGreaterThan(lastCleanup);
    const recap = lines.slice(recapStart);
    for (const line of recap) expect(line.stream).toBe('stdout');
    const texts = recap.map((line) => line.text);
    expect(texts[1]).toMatch(/^ {2}status-201-for-202: a successful create answered 201, the documentation says 202 \(\d+ cases, such as \S+\)$/);
    expect(texts[2]).toMatch(new RegExp(`^ {4}lambda-esm-conformance reproduce \\S+ --target ${proxy.url}$`));
    expect(texts[3]).toBe(`No level; Level 1 (every status code right) is kept back by ${succeeded(readResults(clean)).length} cases.`);
    expect(texts.slice(-6, -1)).toEqual([expect.stringMatching(/ Reports:$/), ...['report.html', 'junit.xml', 'results.json', 'badge.json'].map((name) => `  ${path.join(wrong.reportDir, name)}`)]);
  });

  it('prints no credential, in the recap or anywhere else: the curl lines of the reports name the variables', () => {
    expect(readFileSync(path.join(wrong.reportDir, 'results.json'), 'utf8')).toContain('--user \\"${AWS_ACCESS_KEY_ID:-test}:${AWS_SECRET_ACCESS_KEY:-test}\\"');
    const everything = [wrong.stdout, wrong.stderr, ...['results.json', 'junit.xml', 'report.html', 'badge.json'].map((name) => readFileSync(path.join(wrong.reportDir, name), 'utf8'))].join('\n');
    for (const secret of Object.values(canary)) expect(everything).not.toContain(secret);
  });
});

describe('junit.xml', () => {
  it('names its suite and cases the same in two runs against servers on different ports', () => {
    const names = (run: InProcessRun): string[] => {
      const root = parseXml(readReport(run, 'junit.xml'));
      return [root, ...descendants(root, 'testsuite'), ...descendants(root, 'testcase')].map((element) => `${element.attributes['classname'] ?? ''}|${attributeOf(element, 'name')}`);
    };
    expect(new URL(first.url).port).not.toBe(new URL(second.url).port);
    expect(names(clean)).toEqual(names(cleanElsewhere));
    expect(names(clean).join('\n')).not.toContain(new URL(first.url).port);
    expect(names(clean).length).toBe(readResults(clean).summary.total + 2);
  });
});
