// report.html in a real browser (Debian's chromium through playwright-core), asserting what a
// person sees: the verdict and level at the top, the findings in order and each one's cases, the
// cases closed, the filters narrowing the list together; and that nothing from a response runs,
// nothing is fetched, and without JS every case still shows; the gate's pills filtering; and, for a
// recorded moto run, the page's height, its regressions on the first screen and its charts.
// Screenshots of the pages are kept in test-artifacts/ for CI to upload.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPaths } from '../../reporters/report-files.ts';
import { writeReports } from '../../reporters/write-reports.ts';
import { HOSTILE, personReport, sampleReport } from './support/build-report.ts';
import { MOTO_PAGE_HEIGHT_BEFORE, motoGateReport } from './support/moto-report.ts';
import { renderHtml } from './support/render.ts';
import { browserPart, findBrowser } from '../support/browser.ts';
import { requirePart, skippedWithout } from '../support/outside-part.ts';

const BROWSER = findBrowser();
const BROWSER_PART = browserPart(BROWSER);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Opened {
  readonly page: Page;
  readonly requests: string[];
  readonly problems: string[];
  readonly dialogs: string[];
}

// Skipped, said on one line, where no browser can be found, except under CI=true, where that fails.
describe.skipIf(skippedWithout('the browser tests of report.html (test/reporters/html-browser.test.ts)', BROWSER_PART))('report.html in a browser', () => {
  let browser: Browser;
  let directory: string;
  let paths: ReportPaths;
  let personPaths: ReportPaths;
  let motoPage: string;

  /** Where the screenshot (and the page it shows) are kept, for CI to upload: gitignored. */
  const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

  beforeAll(async () => {
    requirePart(BROWSER_PART);
    directory = await mkdtemp(join(tmpdir(), 'esm-report-browser-'));
    paths = await writeReports(sampleReport(), join(directory, 'hostile'));
    personPaths = await writeReports(personReport(), join(directory, 'person'));
    // Only its page: the other reports of this run have nothing to show here.
    motoPage = join(directory, 'moto-report.html');
    await writeFile(motoPage, renderHtml(motoGateReport()));
    browser = await chromium.launch({ executablePath: 'path' in BROWSER ? BROWSER.path : undefined, args: ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  async function open(options: { javaScriptEnabled?: boolean; width?: number; file?: string } = {}): Promise<Opened> {
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
    await page.goto(pathToFileURL(options.file ?? paths.html).href, { waitUntil: 'load' });
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
      await page.uncheck('input[data-facet="outcome"][value="pass"]');
      await page.uncheck('input[data-facet="outcome"][value="skip"]');
      const outcomes = await visibleCases(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('data-outcome')));
      expect(outcomes).toEqual(['fail', 'fail', 'error']);
      await page.check('input[data-facet="outcome"][value="pass"]');
      expect(await visibleCases(page).count()).toBe(5);
      await page.context().close();
    });

    it('filters to a matrix cell when it is clicked, until cleared', async () => {
      const { page } = await open();
      await page.click('a.cell[data-clause="BatchSize.range"][data-source="kinesis"]');
      expect(await visibleCases(page).locator('.case-id').allTextContents()).toEqual(['BatchSize/kinesis/0']);
      expect(await page.locator('#cell-filter-label').textContent()).toBe('BatchSize.range × kinesis');
      await page.click('a.cell[data-clause="FunctionName.required"][data-source="any"]');
      expect(await visibleCases(page).locator('.case-id').allTextContents()).toEqual(['FunctionName/none/missing']);
      expect(await page.locator('#cell-filter-label').textContent()).toBe('FunctionName.required × any source');
      await page.click('#filters-clear');
      expect(await visibleCases(page).count()).toBe(6);
      expect(await page.locator('#cell-filter').isVisible()).toBe(false);
      await page.context().close();
    });

    it('runs nothing from a response body and shows it as text', async () => {
      const { page, dialogs } = await open();
      for (const summary of await page.locator('details.case[data-outcome="fail"] > summary').all()) await summary.click();
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
      // Every case closed, and a person opens one by its summary.
      expect(await page.locator('details.case[open]').count()).toBe(0);
      await page.locator('details.case[data-outcome="fail"] > summary').first().click();
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

  describe('report.html as a person uses it, in chromium', () => {
    const openPerson = (width?: number) => open({ file: personPaths.html, ...(width === undefined ? {} : { width }) });
    const shownIds = (page: Page) => visibleCases(page).locator('.case-id').allTextContents();

    it('shows the verdict, the level and the gate counts at the top of the first screen, and keeps a screenshot', async () => {
      const { page, problems } = await openPerson();
      const verdict = page.locator('h1.verdict-label');
      expect(await verdict.textContent()).toBe('DOES NOT CONFORM');
      const box = await verdict.boundingBox();
      expect(box !== null && box.y < 200).toBe(true);
      expect(await page.locator('.level-label').textContent()).toBe('no level');
      expect(await page.locator('.certification').isVisible()).toBe(true);
      const level = await page.locator('.level').boundingBox();
      expect(level !== null && level.y + level.height < 900).toBe(true);
      expect(await page.locator('ul[aria-label="gate"]').innerText()).toContain('2 regression');
      expect(await page.locator('#findings-heading').isVisible()).toBe(true);
      expect(problems).toEqual([]);
      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
      await copyFile(personPaths.html, join(ARTIFACTS, 'report.html'));
      await page.context().close();
    });

    it('lists the findings most cases first; expanding one shows its curl line and its cases, which lead to their cards', async () => {
      const { page } = await openPerson();
      const summaries = await page.locator('li.finding > details > summary').allInnerTexts();
      expect(summaries.map((text) => text.split('\n')[0])).toEqual(['3 cases', '1 case', '1 case']);
      expect(summaries[0]).toContain('a successful create answered 201, the documentation says 202');
      const first = page.locator('li.finding').first();
      expect(await first.locator('.case-links').isVisible()).toBe(false);
      await first.locator('summary').click();
      expect(await first.locator('.case-links a').allInnerTexts()).toEqual(['BatchSize/sqs/1', 'BatchSize/kinesis/1', 'Enabled/dynamodb/true']);
      expect(await first.locator('pre.reproduce').innerText()).toMatch(/^curl -sS -i -X 'POST' 'http:\/\/127\.0\.0\.1:4566\//);
      // Following a case link opens that case's card.
      await first.locator('.case-links a', { hasText: 'Enabled/dynamodb/true' }).click();
      const card = page.locator('details.case', { has: page.locator('.case-id', { hasText: 'Enabled/dynamodb/true' }) });
      await expect.poll(() => card.evaluate((element) => (element as unknown as { open: boolean }).open)).toBe(true);
      expect(await card.locator('.reasons').isVisible()).toBe(true);
      expect(await card.locator('figure.doc blockquote').innerText()).toBe('Enabled: If true, the event source mapping is active.');
      // "Show only these" narrows the case list to the finding.
      await first.locator('button.show-finding').click();
      expect(await shownIds(page)).toEqual(['BatchSize/sqs/1', 'BatchSize/kinesis/1', 'Enabled/dynamodb/true']);
      await page.context().close();
    });

    it('shows every case closed, failing ones too, until a person opens one', async () => {
      const { page } = await openPerson();
      expect(await visibleCases(page).count()).toBe(8);
      expect(await page.locator('details.case[open]').count()).toBe(0);
      const failing = page.locator('details.case[data-outcome="fail"]').first();
      expect(await failing.locator('.case-body').isVisible()).toBe(false);
      expect(await failing.locator('summary .badge').allTextContents()).toEqual(['fail', 'expected deviation']);
      await failing.locator('summary').click();
      expect(await failing.locator('.case-body').isVisible()).toBe(true);
      await page.context().close();
    });

    it('narrows the cases by each filter and by the gate\'s and outcomes\' pills, combines them, and keeps the counts current', async () => {
      const { page } = await openPerson();
      await page.uncheck('input[data-facet="outcome"][value="pass"]');
      expect(await visibleCases(page).count()).toBe(5);
      await page.uncheck('input[data-facet="gate"][value="expected"]');
      expect(await shownIds(page)).toEqual(['BatchSize/wrong-type/string', 'Enabled/dynamodb/true']);
      await page.click('#filters-clear');
      expect(await visibleCases(page).count()).toBe(8);

      await page.selectOption('#filter-finding', 'status-201-for-202');
      expect(await shownIds(page)).toEqual(['BatchSize/sqs/1', 'BatchSize/kinesis/1', 'Enabled/dynamodb/true']);
      await page.selectOption('#filter-source', 'kinesis');
      expect(await shownIds(page)).toEqual(['BatchSize/kinesis/1']);
      expect(await page.locator('#shown-count').textContent()).toBe('showing 1 of 8');
      // Each choice counts what it would show with the other filters as they are.
      expect(await page.locator('#filter-finding option[value="status-201-for-400-invalid-parameter-value"]').textContent()).toBe('status-201-for-400-invalid-parameter-value (1)');
      expect(await page.locator('#filter-source option[value="sqs"]').textContent()).toBe('sqs (1)');
      expect(await page.locator('[data-count="outcome:fail"]').textContent()).toBe('fail (1)');

      await page.click('#filters-clear');
      await page.selectOption('#filter-source', 'any');
      expect(await shownIds(page)).toEqual(['BatchSize/wrong-type/string', 'Enabled/wrong-type/number']);
      await page.selectOption('#filter-finding', '-');
      expect(await shownIds(page)).toEqual(['Enabled/wrong-type/number']);
      await page.click('#filters-clear');

      await page.fill('#filter-text', 'enabled/sqs/false');
      expect(await shownIds(page)).toEqual(['Enabled/sqs/false']);
      await page.uncheck('input[data-facet="gate"][value="conforms"]');
      expect(await visibleCases(page).count()).toBe(0);
      expect(await page.locator('#shown-count').textContent()).toBe('showing 0 of 8');
      // A count's pill shows only its cases: a gate status, an outcome.
      await page.click('a.pill[data-only-facet="gate"][data-only-value="regression"]');
      expect(await shownIds(page)).toEqual(['BatchSize/wrong-type/string', 'Enabled/dynamodb/true']);
      expect(await page.locator('#shown-count').textContent()).toBe('showing 2 of 8');
      await page.click('a.pill[data-only-facet="gate"][data-only-value="unexpected-pass"]');
      expect(await shownIds(page)).toEqual(['BatchSize/sqs/10']);
      await page.click('a.pill[data-only-facet="outcome"][data-only-value="pass"]');
      expect(await visibleCases(page).count()).toBe(3);
      await page.context().close();
    });

    it('files the cases about no source in the matrix\'s "any source" column, and a cell lists its cases', async () => {
      const { page } = await openPerson();
      expect(await page.locator('table.matrix thead th').allInnerTexts()).toEqual(['clause', 'kinesis', 'dynamodb', 'sqs', 'any source']);
      const row = page.locator('table.matrix tbody tr', { has: page.locator('th code', { hasText: /^BatchSize\.type$/ }) });
      expect(await row.locator('th').getAttribute('title')).toBe('BatchSize: Type: Integer');
      expect(await row.locator('td').allInnerTexts()).toEqual(['·', '·', '·', '✗1']);
      await row.locator('td a.cell').click();
      expect(await shownIds(page)).toEqual(['BatchSize/wrong-type/string']);
      await page.context().close();
    });

    it('shows a case the filters hide when a link leads to it', async () => {
      const { page } = await openPerson();
      await page.selectOption('#filter-source', 'sqs');
      await page.locator('details.kept-back').nth(1).locator('summary').click();
      await page.locator('details.kept-back').nth(1).locator('a', { hasText: 'BatchSize/wrong-type/string' }).click();
      const card = page.locator('details.case', { has: page.locator('.case-id', { hasText: 'BatchSize/wrong-type/string' }) });
      await expect.poll(() => card.isVisible()).toBe(true);
      expect(await card.locator('.case-body').isVisible()).toBe(true);
      expect(await visibleCases(page).count()).toBe(8);
      await page.context().close();
    });

  });

  describe("moto's report in chromium (a recorded run, test/reporters/support/moto-report.ts)", () => {
    it(`is at most half the height of moto's page before the charts (${MOTO_PAGE_HEIGHT_BEFORE} px), opens with the gate's regressions, has its charts, fits a phone, and keeps a screenshot`, async () => {
      const { page, problems } = await open({ file: motoPage });
      const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
      expect(height).toBeLessThanOrEqual(MOTO_PAGE_HEIGHT_BEFORE / 2);
      // The verdict, then every regression and unexpected pass, all on the first screen.
      expect(await page.locator('h1.verdict-label').textContent()).toBe('DOES NOT CONFORM');
      const changes = page.locator('table.gate-changes tbody tr');
      expect(await changes.locator('td:nth-child(2)').allInnerTexts()).toEqual(['BatchSize/kinesis/10', 'BatchSize/dynamodb/1', 'Enabled/sqs/false', 'FunctionName/absent']);
      const table = await page.locator('table.gate-changes').boundingBox();
      expect(table !== null && table.y + table.height <= 900).toBe(true);
      // The charts: the gate's and the outcomes' bars, a bar per finding, the ladder, the heatmap.
      expect(await page.locator('svg.stacked-bar').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('aria-label')))).toEqual([
        'the gate: 3 regressions, 1 unexpected pass, 123 expected deviations, 8 conform',
        'the 135 cases: 9 pass, 126 fail, 0 error, 0 skip',
      ]);
      expect(await page.locator('svg.count-bar').count()).toBe(12);
      expect(await page.locator('li.shared-cases .shared-note').innerText()).toBe('These 2 causes share the same 47 cases: fix both, and those cases pass.');
      expect(await page.locator('ol.ladder .rung-state').allInnerTexts()).toEqual(['kept back by 110 cases', 'kept back by 126 cases', 'kept back by 126 cases']);
      expect(await page.locator('table.matrix tbody tr').count()).toBe(37);
      expect(problems).toEqual([]);
      await mkdir(ARTIFACTS, { recursive: true });
      await page.setViewportSize({ width: 390, height: 900 });
      const widths = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
      expect(widths[0], 'a phone scrolls it sideways').toBeLessThanOrEqual(widths[1]);
      await page.setViewportSize({ width: 1280, height: 900 });
      // JPEG: a PNG of a page this long takes twice as long to encode.
      await page.screenshot({ path: join(ARTIFACTS, 'report-moto.jpeg'), fullPage: true, type: 'jpeg', quality: 60 });
      await page.context().close();
    });
  });
});
