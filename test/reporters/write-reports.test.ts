import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReports } from '../../reporters/write-reports.ts';
import type { RunReport } from '../../src/results.ts';
import { renderHtml, renderJunit, renderResultsJson } from './support/render.ts';
import { caseResult, judgedReport, personReport, runReport, sampleReport } from './support/build-report.ts';
import { attributeOf, descendants, parseXml, type XmlElement } from './support/xml.ts';

const readReport = (text: string): RunReport => JSON.parse(text) as RunReport;

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'esm-write-reports-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('creates the directory and writes results.json, junit.xml, report.html and badge.json, returning their paths', async () => {
    const report = sampleReport();
    const paths = await writeReports(report, join(directory, 'a', 'b'));
    expect(paths).toEqual({ json: join(directory, 'a', 'b', 'results.json'), junit: join(directory, 'a', 'b', 'junit.xml'), html: join(directory, 'a', 'b', 'report.html'), badge: join(directory, 'a', 'b', 'badge.json') });
    expect(await readFile(paths.json, 'utf8')).toBe(renderResultsJson(report));
    expect(await readFile(paths.junit, 'utf8')).toBe(renderJunit(report));
    expect(await readFile(paths.html, 'utf8')).toBe(renderHtml(report));
    expect((await readdir(join(directory, 'a', 'b'))).sort()).toEqual(['badge.json', 'junit.xml', 'report.html', 'results.json']);
  });

  it('masks the secrets it is given as a last pass over report.html: in a finding\'s curl line, a doc, a response', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY';
    const leaky = personReport();
    const cases = leaky.cases.map((result) => ({ ...result, doc: `${result.doc} ${secret}`, request: result.request && { ...result.request, body: `{"FunctionName":"${secret}"}` } }));
    const report = { ...judgedReport(cases), gate: leaky.gate };
    expect(renderHtml(report)).toContain(secret);
    const paths = await writeReports(report, directory, [secret]);
    const html = await readFile(paths.html, 'utf8');
    expect(html).not.toContain(secret);
    expect(html).not.toContain('CANARYKEY');
    expect(html).toContain('<pre class="reproduce curl"><code>curl');
  });

  it('replaces earlier reports whole', async () => {
    await writeReports(sampleReport(), directory);
    const second = runReport([caseResult({ id: 'only' })]);
    const paths = await writeReports(second, directory);
    expect(readReport(await readFile(paths.json, 'utf8')).cases.map((result) => result.id)).toEqual(['only']);
    expect((await readdir(directory)).sort()).toEqual(['badge.json', 'junit.xml', 'report.html', 'results.json']);
  });

  it('fails without leaving temporary files behind when a report cannot be put in place', async () => {
    await mkdir(join(directory, 'junit.xml'));
    await mkdir(join(directory, 'junit.xml', 'occupied'));
    await expect(writeReports(sampleReport(), directory)).rejects.toThrow();
    expect((await readdir(directory)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old set whole when a later report cannot be put in place', async () => {
    const first = await writeReports(sampleReport(), directory);
    const before = await Promise.all([first.json, first.junit, first.badge].map((file) => readFile(file, 'utf8')));
    await rm(first.html);
    await mkdir(first.html);
    await expect(writeReports(runReport([caseResult({ id: 'only' })]), directory)).rejects.toThrow();
    expect(await Promise.all([first.json, first.junit, first.badge].map((file) => readFile(file, 'utf8')))).toEqual(before);
    expect((await readdir(directory)).sort()).toEqual(['badge.json', 'junit.xml', 'report.html', 'results.json']);
  });
});

/** Per-case outcomes and the counts, as each of the three files states them. */
async function statedBy(report: RunReport, directoryName: string) {
  const paths = await writeReports(report, join(directory, directoryName));
  const json = readReport(await readFile(paths.json, 'utf8'));
  const junit = parseXml(await readFile(paths.junit, 'utf8'));
  const html = await readFile(paths.html, 'utf8');

  const junitOutcome = (testcase: XmlElement): string => {
    const element = testcase.children.find((child): child is XmlElement => typeof child !== 'string' && child.name !== 'properties');
    return element === undefined ? 'pass' : ({ failure: 'fail', error: 'error', skipped: 'skip' }[element.name] ?? element.name);
  };
  const [suite] = descendants(junit, 'testsuite');
  const htmlCount = (outcome: string): number => Number(new RegExp(`data-only-value="${outcome}">(\\d+) ${outcome}</a>`).exec(html)?.[1]);
  return {
    json: {
      cases: json.cases.map((result) => [result.id, result.outcome]),
      counts: [json.summary.total, json.summary.fail, json.summary.error, json.summary.skip],
    },
    junit: {
      cases: descendants(junit, 'testcase').map((testcase) => [attributeOf(testcase, 'name'), junitOutcome(testcase)]),
      counts: ['tests', 'failures', 'errors', 'skipped'].map((name) => Number(attributeOf(suite!, name))),
    },
    html: {
      cases: [...html.matchAll(/<details class="case" id="case-\d+" data-outcome="(\w+)"[^>]*>\n<summary>.*?<code class="case-id">(.*?)<\/code>/g)].map((match) => [match[2]?.replaceAll('<wbr>', ''), match[1]]),
      counts: [Number(/<li>(\d+) cases<\/li>/.exec(html)?.[1]), htmlCount('fail'), htmlCount('error'), htmlCount('skip')],
    },
  };
}

describe('the three reports', () => {
  it.each([
    ['the sample run', sampleReport()],
    ['an interrupted run', sampleReport({ complete: false, interruption: 'Interrupted by SIGINT.' })],
    ['an empty run', runReport([])],
  ])('agree with each other on counts and per-case outcomes: %s', async (_name, report) => {
    const stated = await statedBy(report, 'agree');
    const expectedCases = report.cases.map((result) => [result.id, result.outcome]);
    const expectedCounts = [report.summary.total, report.summary.fail, report.summary.error, report.summary.skip];
    expect(stated.json).toEqual({ cases: expectedCases, counts: expectedCounts });
    expect(stated.junit).toEqual({ cases: expectedCases, counts: expectedCounts });
    expect(stated.html).toEqual({ cases: expectedCases, counts: expectedCounts });
  });
});
