/**
 * The council's own Word template chosen in the body's House style section
 * with the keyboard alone (issue 20): Tab to "Use the council's Word
 * template…", Enter opens the file chooser, the template's name is shown and
 * the exported minutes carry its header; a file that is not a template is
 * refused by the field, and "Use the built-in style" goes back. Screenshots
 * at 1440 and 480 px.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { expect } from '@playwright/test';
import { api } from './api';
import { test } from './host-fixture';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'templates');
/** axe-core's browser script (a devDependency): the accessibility rules run in the page itself. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

test('the clerk chooses the council’s Word template with the keyboard, and every Word export uses it', async ({ page, host }, testInfo) => {
  const { bodyId, meetingId } = await api(host.url, 'demo.load', {});
  const url = new URL(host.url);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/bodies/${bodyId}`);
  const section = page.getByRole('region', { name: 'House style' });
  await expect(section).toBeVisible();
  const group = section.getByRole('group', { name: 'Council’s Word template' });
  await expect(group).toContainText('None: the built-in house style above is used.');

  // Keyboard only: from the last margin field, Tab on until the template button has the focus.
  await section.getByLabel('Left margin (mm)').focus();
  const button = group.getByRole('button', { name: 'Use the council’s Word template…' });
  for (let i = 0; i < 6 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  // The focus is visible: the button draws an outline while focused from the keyboard.
  expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

  // A file that is not a Word template is refused beside the field, and nothing changes.
  let chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'template.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('not a Word file') });
  await expect(group.getByRole('alert')).toContainText('not a Word document or template');
  expect((await api(host.url, 'bodies.get', { bodyId })).houseStyle.wordTemplate).toBeNull();

  await button.focus();
  chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(join(FIXTURES, 'borsetshire-template.dotx'));
  await expect(group).toContainText('In use: borsetshire-template.dotx');
  await expect(group.getByRole('alert')).toHaveCount(0);
  expect((await api(host.url, 'bodies.get', { bodyId })).houseStyle.wordTemplate?.fileName).toBe('borsetshire-template.dotx');
  await group.screenshot({ path: testInfo.outputPath('word-template-1440.png') });
  await page.screenshot({ path: testInfo.outputPath('house-style-1440.png'), fullPage: true });

  // The Word minutes carry its header (the words beside the logo) and its heading font.
  const minutes = await api(host.url, 'exports.build', { meetingId, document: 'minutes' });
  const parts = unzipSync(Buffer.from(minutes.base64, 'base64'));
  const headers = Object.keys(parts).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => strFromU8(parts[n]!));
  expect(headers.some((h) => h.includes('Borsetshire Council'))).toBe(true);
  expect(strFromU8(parts['word/styles.xml']!)).toContain('DejaVu Sans');

  // At 480 px beside Teams the field still reads and works.
  await page.setViewportSize({ width: 480, height: 900 });
  await group.scrollIntoViewIfNeeded();
  await group.screenshot({ path: testInfo.outputPath('word-template-480.png') });
  const builtIn = group.getByRole('button', { name: 'Use the built-in style' });
  await builtIn.focus();
  await page.keyboard.press('Enter');
  await expect(group).toContainText('None: the built-in house style above is used.');
  expect((await api(host.url, 'bodies.get', { bodyId })).houseStyle.wordTemplate).toBeNull();
});

/** axe-core's WCAG 2.1 A and AA rules on the page as it is. */
async function axeViolations(page: import('@playwright/test').Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

/** Publishes the demo meeting with the template (its bytes changed by `change`, when given) and returns the web page. */
async function publishedWith(hostUrl: string, file: string, change?: (parts: Record<string, Uint8Array>) => void): Promise<string> {
  const { bodyId, meetingId } = await api(hostUrl, 'demo.load', {});
  const parts = unzipSync(readFileSync(join(FIXTURES, file)));
  change?.(parts);
  const base64 = Buffer.from(zipSync(parts)).toString('base64');
  await api(hostUrl, 'bodies.setWordTemplate', { bodyId, template: { fileName: file, base64 } });
  const folder = mkdtempSync(join(tmpdir(), 'meeting-clerk-template-publish-'));
  try {
    const published = await api(hostUrl, 'exports.publish', { meetingId, folder, draft: true });
    return readFileSync(join(published.folder, published.files.find((f) => f.endsWith('.html'))!), 'utf8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The masthead's logo: its alt text, whether it was drawn, and its box; every request the page made beyond itself. */
async function mastheadLogo(page: import('@playwright/test').Page) {
  const logo = page.locator('header.council img');
  await expect(logo).toBeVisible();
  return logo.evaluate((img: HTMLImageElement) => ({
    alt: img.alt,
    embedded: img.src.startsWith('data:'),
    drawn: img.complete && img.naturalWidth > 0,
    right: img.getBoundingClientRect().right,
  }));
}

test('the web page in the template’s fonts, heading colours and logo still passes axe-core’s WCAG 2.1 A and AA rules', async ({ page, host }, testInfo) => {
  const html = await publishedWith(host.url, 'borsetshire-template.dotx');
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
  });
  for (const width of [1440, 480]) {
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    // The template's look is there: its heading font and colour on each minute's heading.
    const heading = page.getByRole('heading', { level: 2 }).first();
    expect(await heading.evaluate((el) => [getComputedStyle(el).fontFamily, getComputedStyle(el).color])).toEqual(['"DejaVu Sans", Arial, "Liberation Sans", Helvetica, sans-serif', 'rgb(31, 78, 121)']);
    // Its logo heads the page, from the page itself, named for a screen reader, within the width.
    const logo = await mastheadLogo(page);
    expect(logo).toMatchObject({ alt: 'Wessex County Council logo', embedded: true, drawn: true });
    expect(logo.right).toBeLessThanOrEqual(width);
    await expect(page.getByRole('img', { name: 'Wessex County Council logo' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeViolations(page), `${width} px`).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`published-with-template-${width}.png`) });
  }
  expect(requests).toEqual([]);
});

test('the web page with a template saved by Microsoft Word (its header picture as the logo) passes axe-core’s WCAG 2.1 A and AA rules', async ({ page, host }, testInfo) => {
  const html = await publishedWith(host.url, 'word-2007-header-picture.docx');
  for (const width of [1440, 480]) {
    await page.setViewportSize({ width, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    // Word's own alt text for the picture.
    expect(await mastheadLogo(page)).toMatchObject({ alt: 'DOZOR', embedded: true, drawn: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeViolations(page), `${width} px`).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`published-with-word-template-${width}.png`) });
  }
});

test('a logo as wide as the page still fits the web page at 480 px, within the width', async ({ page, host }) => {
  // The template's header picture stretched to 17 cm by 1.25 cm (at 4 rem high it would be 870 px wide).
  const html = await publishedWith(host.url, 'borsetshire-template.docx', (parts) => {
    parts['word/header1.xml'] = strToU8(strFromU8(parts['word/header1.xml']!).replaceAll('cx="914400" cy="457200"', 'cx="6120000" cy="450000"'));
  });
  await page.setViewportSize({ width: 480, height: 900 });
  await page.setContent(html, { waitUntil: 'load' });
  const logo = await mastheadLogo(page);
  expect(logo).toMatchObject({ embedded: true, drawn: true });
  expect(logo.right).toBeLessThanOrEqual(480);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(480);
  expect(await axeViolations(page)).toEqual([]);
});
