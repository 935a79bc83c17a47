// The dashboard in a real browser (Debian's chromium through playwright-core), as a person sees it:
// a column per target, the first row one where they differ, a chart with a point per run, the
// filters narrowing the cases; nothing fetched, no script error, every row without JavaScript.
// A screenshot is kept in test-artifacts/ beside report.png, for CI to upload.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRecordOf, type RunRecord } from '../../src/diff/run-record.ts';
import { dashboardOf } from '../../src/dashboard/dashboard.ts';
import type { CaseOutcome, CaseResult } from '../../src/results.ts';
import { dashboardHtmlChunks } from '../../reporters/dashboard-html.ts';
import { browserPart, findBrowser } from '../support/browser.ts';
import { requirePart, skippedWithout } from '../support/outside-part.ts';
import { caseResult, runReport } from './support/build-report.ts';

const BROWSER = findBrowser();
const BROWSER_PART = browserPart(BROWSER);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

const CASES: readonly Pick<CaseResult, 'id' | 'clause' | 'sourceType'>[] = [
  { id: 'BatchSize/sqs/0', clause: 'BatchSize.range', sourceType: 'sqs' },
  { id: 'BatchSize/kinesis/0', clause: 'BatchSize.range', sourceType: 'kinesis' },
  { id: 'Enabled/sqs/false', clause: 'Enabled.values', sourceType: 'sqs' },
  { id: 'FunctionName/none/missing', clause: 'FunctionName.required', sourceType: null },
];

function run(label: string, day: number, outcomes: readonly CaseOutcome[]): RunRecord {
  const cases = CASES.map((identity, index) => caseResult({ ...identity, outcome: outcomes[index] ?? 'skip' }));
  const read = runRecordOf(JSON.parse(JSON.stringify(runReport(cases, { label, startedAt: `2026-12-0${day}T00:00:00.000Z` }))), `${label}-${day}/results.json`);
  if (read.record === null) throw new Error(read.problems.map((problem) => problem.message).join('\n'));
  return read.record;
}

describe.skipIf(skippedWithout('the browser tests of the dashboard (test/reporters/dashboard-browser.test.ts)', BROWSER_PART))('the dashboard in a browser', () => {
  let browser: Browser;
  let directory: string;
  let file: string;

  beforeAll(async () => {
    requirePart(BROWSER_PART);
    directory = await mkdtemp(join(tmpdir(), 'esm-dashboard-browser-'));
    const records = [
      run('reference server', 1, ['pass', 'pass', 'pass', 'pass']),
      run('moto', 1, ['pass', 'pass', 'fail', 'pass']),
      run('moto', 2, ['fail', 'pass', 'fail', 'pass']),
      run('moto', 3, ['pass', 'fail', 'pass', 'error']),
    ];
    file = join(directory, 'index.html');
    await writeFile(file, [...dashboardHtmlChunks(dashboardOf(records))].join(''));
    browser = await chromium.launch({ executablePath: 'path' in BROWSER ? BROWSER.path : undefined, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  async function open(javaScriptEnabled = true): Promise<{ page: Page; requests: string[]; problems: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, requests, problems };
  }

  const shownCases = (page: Page) => page.locator('#cases tr.case-row:visible .case-id').allTextContents();

  it('shows a column per target, the differing rows first, a chart point per run, and keeps a screenshot', async () => {
    const { page, requests, problems } = await open();
    expect(await page.locator('#cases thead .column-label').allTextContents()).toEqual(['reference server', 'moto']);
    expect(await page.locator('#cases thead .column-edition').allTextContents()).toEqual(['judges by the seed edition', 'judges by the seed edition']);
    expect(await page.locator('#cases thead .column-pass').allTextContents()).toEqual(['4 of 4 pass', '2 of 4 pass']);
    expect(await shownCases(page)).toEqual(['BatchSize/kinesis/0', 'FunctionName/none/missing', 'BatchSize/sqs/0', 'Enabled/sqs/false']);
    expect(await page.locator('#cases tr.case-row').first().locator('td').allTextContents()).toEqual(['pass', 'fail']);
    const charts = page.locator('#over-time svg.chart');
    expect(await charts.count()).toBe(2);
    expect(await charts.nth(1).locator('circle.point').count()).toBe(3);
    expect(await page.locator('#history-1 li.change').allTextContents()).toEqual([
      expect.stringMatching(/^newly failing BatchSize\/sqs\/0: /) as unknown as string,
      expect.stringMatching(/^newly failing BatchSize\/kinesis\/0: /) as unknown as string,
      expect.stringMatching(/^newly failing FunctionName\/none\/missing: /) as unknown as string,
      expect.stringMatching(/^newly passing BatchSize\/sqs\/0: /) as unknown as string,
      expect.stringMatching(/^newly passing Enabled\/sqs\/false: /) as unknown as string,
    ]);
    await mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    await copyFile(file, join(ARTIFACTS, 'dashboard.html'));
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('filters the cases by clause, source, outcome and where they differ, together', async () => {
    const { page } = await open();
    expect(await page.locator('#shown-count').textContent()).toBe('showing 4 of 4 cases');
    await page.check('#filter-differ');
    expect(await shownCases(page)).toEqual(['BatchSize/kinesis/0', 'FunctionName/none/missing']);
    await page.selectOption('#filter-clause', 'BatchSize.range');
    expect(await shownCases(page)).toEqual(['BatchSize/kinesis/0']);
    expect(await page.locator('#clauses tr.clause-row:visible th').allTextContents()).toEqual(['BatchSize.range']);
    await page.uncheck('#filter-differ');
    await page.selectOption('#filter-source', 'sqs');
    expect(await shownCases(page)).toEqual(['BatchSize/sqs/0']);
    await page.selectOption('#filter-clause', '');
    await page.selectOption('#filter-source', '');
    await page.selectOption('#filter-outcome', 'could not be judged');
    expect(await shownCases(page)).toEqual(['FunctionName/none/missing']);
    expect(await page.locator('#shown-count').textContent()).toBe('showing 1 of 4 cases');
    await page.context().close();
  });

  it('shows every row, and no filter, without JavaScript', async () => {
    const { page } = await open(false);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await shownCases(page)).toHaveLength(4);
    await page.context().close();
  });
});
