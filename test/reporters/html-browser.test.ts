// report.html in a real browser (Debian's chromium through playwright-core): the filter works,
// nothing from a response runs, nothing is fetched, and without JS every case still shows.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports, type ReportPaths } from '../../reporters/write-reports.ts';
import { HOSTILE, sampleReport } from './support/build-report.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Opened {
  readonly page: Page;
  readonly requests: string[];
  readonly problems: string[];
  readonly dialogs: string[];
}

let browser: Browser;
let directory: string;
let paths: ReportPaths;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does so in CI)`);
  directory = await mkdtemp(join(tmpdir(), 'esm-report-browser-'));
  paths = await writeReports(sampleReport(), directory);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  if (directory !== undefined) await rm(directory, { recursive: true, force: true });
});

async function open(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Opened> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
  const page = await context.newPage();
  const opened: Opened = { page, requests: [], problems: [], dialogs: [] };
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('pageerror', (error) => opened.problems.push(`page error: ${error.message}`));
  // A Content-Security-Policy refusal (a blocked script or fetch) is reported on the console.
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(paths.html).href, { waitUntil: 'load' });
  return opened;
}

const visibleCases = (page: Page) => page.locator('details.case:visible');

describe('report.html in chromium', () => {
  it('runs its script without error and shows every case', async () => {
    const { page, problems } = await open();
    await expect.poll(() => page.locator('#filters').isVisible()).toBe(true);
    expect(await visibleCases(page).count()).toBe(6);
    expect(await page.locator('#shown-count').textContent()).toBe('showing 6 of 6');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('filters by text over id, clause and title, case-insensitively', async () => {
    const { page } = await open();
    await page.fill('#filter-text', 'BATCHSIZE');
    expect(await visibleCases(page).locator('.case-id').allTextContents()).toEqual(['BatchSize/sqs/0', 'BatchSize/kinesis/0']);
    await page.fill('#filter-text', 'functionname.required');
    expect(await visibleCases(page).locator('.case-id').allTextContents()).toEqual(['FunctionName/none/missing']);
    await page.fill('#filter-text', 'is echoed');
    expect(await visibleCases(page).locator('.case-id').allTextContents()).toEqual(['Enabled/dynamodb/false']);
    await page.fill('#filter-text', 'no such case');
    expect(await visibleCases(page).count()).toBe(0);
    expect(await page.locator('#shown-count').textContent()).toBe('showing 0 of 6');
    await page.fill('#filter-text', '');
    expect(await visibleCases(page).count()).toBe(6);
    await page.context().close();
  });

  it('filters by outcome', async () => {
    const { page } = await open();
    await page.uncheck('input[name="outcome"][value="pass"]');
    await page.uncheck('input[name="outcome"][value="skip"]');
    const outcomes = await visibleCases(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-outcome')));
    expect(outcomes).toEqual(['fail', 'fail', 'error']);
    await page.check('input[name="outcome"][value="pass"]');
    expect(await visibleCases(page).count()).toBe(5);
    await page.context().close();
  });

  it('filters to a matrix cell when it is clicked, until cleared', async () => {
    const { page } = await open();
    await page.click('a.cell[data-clause="BatchSize.range"][data-source-type="kinesis"]');
    expect(await visibleCases(page).locator('.case-id').allTextContents()).toEqual(['BatchSize/kinesis/0']);
    expect(await page.locator('#cell-filter-label').textContent()).toBe('BatchSize.range × kinesis');
    await page.click('a.cell[data-clause="FunctionName.required"][data-source-type=""]');
    expect(await visibleCases(page).locator('.case-id').allTextContents()).toEqual(['FunctionName/none/missing']);
    await page.click('#cell-filter-clear');
    expect(await visibleCases(page).count()).toBe(6);
    expect(await page.locator('#cell-filter').isVisible()).toBe(false);
    await page.context().close();
  });

  it('runs nothing from a response body and shows it as text', async () => {
    const { page, dialogs } = await open();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(dialogs).toEqual([]);
    const body = await page.locator('details.case[data-outcome="fail"] .response pre.body').nth(1).textContent();
    expect(body).toContain(`${HOSTILE.script}${HOSTILE.image}`);
    expect(await page.locator('#cases img, #cases iframe').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
    await page.context().close();
  });

  it('attempts no network request: only the file itself', async () => {
    const { page, requests } = await open();
    await page.fill('#filter-text', 'x');
    await page.click('a.cell[data-clause="Operation"]');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    await page.context().close();
  });

  it('shows every case, and no filter bar, without JavaScript', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    expect(await visibleCases(page).count()).toBe(6);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    // Failures and errors are open, so their request and answer are on screen.
    expect(await page.locator('details.case[open]').count()).toBe(3);
    expect(await page.locator('details.case[open] .exchange .request').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('fits a narrow window without sideways scrolling of the page', async () => {
    const { page } = await open({ width: 390 });
    const widths = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
    await page.context().close();
  });

  it('parses junit.xml as XML and agrees on its counts (an independent well-formedness check)', async () => {
    const { page } = await open();
    const xml = await readFile(paths.junit, 'utf8');
    const parsed = await page.evaluate((text) => {
      interface Node {
        getElementsByTagName(name: string): { length: number; item(index: number): { getAttribute(name: string): string | null } | null };
      }
      const { DOMParser } = globalThis as unknown as { DOMParser: new () => { parseFromString(source: string, type: string): Node } };
      const document = new DOMParser().parseFromString(text, 'application/xml');
      const count = (name: string): number => document.getElementsByTagName(name).length;
      return {
        errors: count('parsererror'),
        testcases: count('testcase'),
        failures: count('failure'),
        errorElements: count('error'),
        skipped: count('skipped'),
        firstClass: document.getElementsByTagName('testcase').item(0)?.getAttribute('classname'),
      };
    }, xml);
    expect(parsed).toEqual({ errors: 0, testcases: 6, failures: 2, errorElements: 1, skipped: 1, firstClass: 'BatchSize.range' });
    await page.context().close();
  });
});
