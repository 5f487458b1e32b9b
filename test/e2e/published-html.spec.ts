/**
 * The published web page (issue 20) in real Chromium, at a desktop width and
 * at 480 px (beside a Teams window, or a phone): axe-core's WCAG 2.1 A and AA
 * rules find no violation, and the structure a screen reader relies on is
 * there (language, title, headings in order, lists, tables with column
 * headers, no scripts, nothing fetched, no sideways scrolling, 12 pt text).
 * The page is the one `npm run export -- --demo --publish` writes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runExportCli } from '../../scripts/export';

const require = createRequire(import.meta.url);
/** axe-core's browser script (a devDependency): the accessibility rules run in the page itself. */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let html = '';
let folder = '';

test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'meeting-clerk-published-'));
  const result = await runExportCli(['--demo', '--publish', folder]);
  if (result.code !== 0) throw new Error(result.message);
  const publication = readdirSync(folder).find((name) => !name.includes('EXEMPT'))!;
  const page = readdirSync(join(folder, publication)).find((name) => name.endsWith('.html'))!;
  html = readFileSync(join(folder, publication, page), 'utf8');
});

test.afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

for (const width of [1440, 480]) {
  test.describe(`the published minutes at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('pass axe-core’s WCAG 2.1 A and AA rules with no violations', async ({ page }) => {
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
        const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
    });

    test('have the structure a screen reader relies on, fit the width, and fetch nothing', async ({ page }, testInfo) => {
      const requests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
      });
      await page.setContent(html, { waitUntil: 'load' });
      await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
      await expect(page).toHaveTitle('Minutes of the Wessex Safer Communities Board, Friday, 12 June 2026');
      expect(await page.locator('script, link[rel="stylesheet"], iframe').count()).toBe(0);

      // Headings: one h1, then levels that never skip one.
      const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
      await expect(page.getByRole('heading', { level: 2, name: 'PRESENT' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name: 'Officers' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: '9. Domestic Abuse Support Services' })).toBeVisible();

      // Lists are lists, lettered "(a)" and "(i)" by the browser; tables have column headers.
      const lists = page.locator('main ol.points');
      expect(await lists.count()).toBeGreaterThan(5);
      expect(await page.locator('main ol.roman').first().evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('paren-roman');
      expect(await page.locator('main ol.alpha').first().evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('paren-alpha');
      await expect(page.getByRole('list').getByRole('listitem').filter({ hasText: 'That the contents of the report be noted;' }).first()).toBeVisible();
      const tables = page.getByRole('table');
      expect(await tables.count()).toBe(4);
      for (const table of await tables.all()) {
        await expect(table.getByRole('columnheader')).toHaveText(['Name', 'Role and organisation']);
      }

      // Text: at least 12 pt (16 px), left aligned, black on white, sans-serif; no sideways scrolling.
      const text = await page.locator('main p').nth(2).evaluate((p) => {
        const s = getComputedStyle(p);
        return { size: parseFloat(s.fontSize), align: s.textAlign, color: s.color, font: s.fontFamily };
      });
      expect(text.size).toBeGreaterThanOrEqual(16);
      expect(['left', 'start']).toContain(text.align);
      expect(text.color).toBe('rgb(0, 0, 0)');
      expect(text.font).toMatch(/sans-serif$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // The exempt item shows only the exclusion and the fair summary.
      await expect(page.getByText('This item was considered in private (exempt information under paragraph 3 of Schedule 12A')).toBeVisible();
      expect(await page.content()).not.toContain('Brightpath');
      expect(requests).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`published-minutes-${width}.png`), fullPage: false });
    });
  });
}
