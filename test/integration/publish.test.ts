/**
 * Publishing a meeting (issue 20), through the command line as a clerk would
 * run it (scripts/export.ts --publish, which calls exports.publish): the
 * folder and its files; the Word minutes' accessibility read from their XML;
 * the PDF checked with poppler (tagged, titled, fonts embedded, the Word
 * minutes' words); no exempt word in any public file; and every bad input
 * refused with one clear line and no folder left behind.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/config/data-dir';
import { publicationStyle } from '../../electron/export/publish';
import { DEFAULT_HOUSE_STYLE_FULL } from '../../shared/minutes/house-style';
import { createServices } from '../../electron/services';
import { openStore } from '../../electron/store/open-store';
import type { MeetingRecord } from '../../shared/model';
import { runExportCli } from '../../scripts/export';
import { officeText } from '../helpers/office-text';
import { FIXED_NOW } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const FOLDER = 'Wessex Safer Communities Board 2026-06-12';
const EXEMPT_FOLDER = `${FOLDER} EXEMPT - not for publication`;
const PUBLIC_FILES = ['action log.docx', 'decision sheet.docx', 'minutes.docx', 'minutes.html', 'minutes.pdf'].map((f) => `${FOLDER} ${f}`);
/** A 2 x 3 red PNG. */
const PNG_2x3 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEklEQVR4nGP4z8AARAwMDAwMACjkAv7xbBgvAAAAAElFTkSuQmCC';

/** A closed data folder holding the demo meeting; optionally approved, with a logo in the house style. */
function demoData(options: { approve?: boolean; logo?: boolean } = {}): { dataDir: string; meetingId: number; record: MeetingRecord } {
  const dataDir = temp.makeDir('meeting-clerk-data-');
  const store = openStore(join(dataDir, DATABASE_FILE_NAME));
  try {
    const services = createServices(store, { now: () => FIXED_NOW });
    const made = services.dispatch('demo.load', {});
    if (!made.ok) throw new Error(made.error.message);
    const { meetingId, bodyId } = made.value as { meetingId: number; bodyId: number };
    if (options.logo) {
      const body = services.dispatch('bodies.update', { bodyId, patch: { houseStyle: { logo: { mime: 'image/png', data: PNG_2x3 } } } });
      if (!body.ok) throw new Error(body.error.message);
    }
    if (options.approve) {
      const approved = services.dispatch('minutes.setStatus', { meetingId, status: 'approved' });
      if (!approved.ok) throw new Error(approved.error.message);
    }
    const got = services.dispatch('meetings.get', { meetingId });
    if (!got.ok) throw new Error(got.error.message);
    return { dataDir, meetingId, record: got.value as MeetingRecord };
  } finally {
    store.close();
  }
}

const parts = (file: string) => unzipSync(readFileSync(file));
const xmlOf = (file: string, part: string) => {
  const data = parts(file)[part];
  if (!data) throw new Error(`${part} is missing from ${file}`);
  return strFromU8(data);
};
const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');
const all = (node: { getElementsByTagNameNS(ns: string, name: string): ArrayLike<Element> }, name: string) =>
  Array.from(node.getElementsByTagNameNS(W, name));
const attr = (el: Element | undefined, name: string) => el?.getAttributeNS(W, name) ?? el?.getAttribute(`w:${name}`) ?? null;

/** Every paragraph's style id and text, in order. */
function paragraphsOf(documentXml: string): { style: string | null; text: string; numbered: boolean; el: Element }[] {
  return all(parse(documentXml), 'p').map((p) => ({
    style: attr(all(p, 'pStyle')[0], 'val'),
    text: all(p, 't').map((t) => t.textContent ?? '').join(''),
    numbered: all(p, 'numPr').length > 0,
    el: p,
  }));
}

/** The words of a text, for comparing texts word by word: quotes and dashes as typed, dotted leaders dropped. */
const wordsOf = (text: string) =>
  text
    .split(/\s+/)
    .map((w) => w.trim())
    .filter((w) => w && !/^\.+$/.test(w));

/** The words a person could read in markup: text between the tags and the attributes that carry words (alt text, titles, meta content), no style sheet. */
function readableText(markup: string): string {
  const attributes = [...markup.matchAll(/\b(?:descr|title|name|alt|content|string|w:val)="([^"]*)"/g)].map((m) => m[1]);
  const text = markup.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]*>/g, ' ');
  return [text, ...attributes].join(' ').replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"');
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

async function publishDemo(extra: string[] = []) {
  const out = temp.makeDir('meeting-clerk-publish-');
  const result = await runExportCli(['--demo', '--publish', out, ...extra]);
  return { out, result };
}

describe('npm run export -- --demo --publish <folder>', () => {
  it(
    'publishes the approved demo minutes: one folder of public files, the exempt minutes apart, nothing else left',
    async () => {
      const { out, result } = await publishDemo();
      expect(result.code, result.message).toBe(0);
      expect(result.message).toMatch(
        new RegExp(`^Published minutes of Wessex Safer Communities Board on Friday, 12 June 2026 to ${out}/${FOLDER} \\(5 files, PDF by (LibreOffice|Chromium)\\); exempt minutes apart in ${out}/${EXEMPT_FOLDER}$`),
      );
      // No temporary folder is left: only the publication and the exempt folder beside it.
      expect(readdirSync(out).sort()).toEqual([FOLDER, EXEMPT_FOLDER]);
      expect(readdirSync(join(out, FOLDER)).sort()).toEqual(PUBLIC_FILES);
      expect(readdirSync(join(out, EXEMPT_FOLDER))).toEqual([`${FOLDER} exempt minutes.docx`]);
      // Approved: no DRAFT anywhere.
      const html = readFileSync(join(out, FOLDER, `${FOLDER} minutes.html`), 'utf8');
      expect(/.{0,60}draft.{0,60}/i.exec(html)?.[0] ?? null).toBeNull();
      expect(pdftotext(join(out, FOLDER, `${FOLDER} minutes.pdf`))).not.toMatch(/DRAFT/);
    },
    90_000,
  );

  it(
    'writes a tagged PDF with its title and an outline, every font embedded, and the Word minutes’ words',
    async () => {
      const { out, result } = await publishDemo();
      expect(result.code, result.message).toBe(0);
      const pdf = join(out, FOLDER, `${FOLDER} minutes.pdf`);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Title:\s+Minutes of the Wessex Safer Communities Board, Friday, 12 June 2026$/m);
      expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);
      // The document outline (bookmarks from the headings).
      expect(readFileSync(pdf).toString('latin1')).toMatch(/\/Outlines\s+\d+ 0 R/);

      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const row of fonts) {
        // name, type (one or two words), encoding, then emb sub uni: the emb column must say yes.
        const columns = row.trim().split(/\s+/);
        expect(columns.at(-5), row).toBe('yes');
      }

      // The words of the PDF are the Word minutes' words (as Word shows them, list markers included), page headers and footers aside.
      const word = officeText(join(out, FOLDER, `${FOLDER} minutes.docx`));
      const header = 'Wessex Safer Communities Board – Friday, 12 June 2026';
      const pdfText = pdftotext(pdf)
        .split('\n')
        .filter((line) => line.trim() !== header && !/^Page \d+ of \d+$/.test(line.trim()))
        .join('\n');
      expect(wordsOf(pdfText).sort()).toEqual(wordsOf(word).sort());
      expect(word).toContain('(a)\tThat the contents of the report be noted;');
    },
    90_000,
  );

  it(
    'leaves every exempt word out of every public file, and the exempt minutes hold them all',
    async () => {
      const { out, result } = await publishDemo();
      expect(result.code, result.message).toBe(0);
      const exemptFile = join(out, EXEMPT_FOLDER, `${FOLDER} exempt minutes.docx`);
      const exemptWords = new Set(wordsOf(officeText(exemptFile)).map((w) => w.replace(/[.,;:()'’]+$|^[('‘]+/g, '').toLowerCase()));
      const publicText = officeText(join(out, FOLDER, `${FOLDER} minutes.docx`));
      // The words that only the exempt minutes may hold: those of the exempt minutes that the public minutes do not print.
      const publicWords = new Set(wordsOf(publicText).map((w) => w.replace(/[.,;:()'’]+$|^[('‘]+/g, '').toLowerCase()));
      const secret = [...exemptWords].filter((w) => w.length > 2 && !publicWords.has(w));
      expect(secret).toEqual(expect.arrayContaining(['brightpath', '£412,000', 'tenders', 'evaluated']));

      // Every public file, read every way it can be: every XML part of the Word files (words and attributes) and their text, the web page's text and attributes, the PDF's text.
      const texts: [string, string][] = [];
      for (const file of readdirSync(join(out, FOLDER))) {
        const path = join(out, FOLDER, file);
        if (file.endsWith('.docx')) {
          texts.push([file, Object.values(parts(path)).map((p) => readableText(strFromU8(p))).join('\n')]);
          texts.push([`${file} (text)`, (await mammoth.extractRawText({ path })).value]);
        } else if (file.endsWith('.pdf')) {
          texts.push([file, pdftotext(path)]);
        } else {
          texts.push([file, readableText(readFileSync(path, 'utf8'))]);
        }
      }
      expect(texts.length).toBe(8); // three Word files read two ways, the web page and the PDF
      const found: string[] = [];
      for (const [file, text] of texts) {
        const words = new Set(text.toLowerCase().split(/[^\p{L}\p{N}£,%-]+/u).map((w) => w.replace(/,$/, '')));
        for (const w of secret) if (words.has(w)) found.push(`${w} in ${file}`);
      }
      expect(found).toEqual([]);

      // The exempt minutes are marked and cite the paragraph of Schedule 12A.
      const exemptText = officeText(exemptFile);
      expect(exemptText).toContain('EXEMPT – NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972');
      expect(exemptText).toContain('That the contract for the Youth Diversion Service be awarded to Brightpath Youth Trust');
      expect(xmlOf(exemptFile, 'word/header1.xml') + xmlOf(exemptFile, 'docProps/core.xml')).toContain('EXEMPT');
    },
    90_000,
  );

  it(
    'publishes draft minutes only when asked (--draft), then marked DRAFT in the folder name and in every file',
    async () => {
      const { dataDir, meetingId } = demoData();
      const out = temp.makeDir('meeting-clerk-publish-');
      const refused = await runExportCli(['--data', dataDir, '--meeting', String(meetingId), '--publish', out]);
      expect(refused.code).toBe(2);
      expect(refused.message).toBe(
        'The minutes of this meeting are not approved (they are “Draft”): approve them first, or publish them as a marked draft',
      );
      expect(readdirSync(out)).toEqual([]);

      const draft = await runExportCli(['--data', dataDir, '--meeting', String(meetingId), '--publish', out, '--draft']);
      expect(draft.code, draft.message).toBe(0);
      expect(draft.message).toMatch(/^Published DRAFT minutes of Wessex Safer Communities Board/);
      const folder = `${FOLDER} DRAFT`;
      expect(readdirSync(out).sort()).toEqual([folder, `${folder} EXEMPT - not for publication`]);
      const file = (what: string) => join(out, folder, `${folder} ${what}`);
      expect(xmlOf(file('minutes.docx'), 'word/header1.xml')).toMatch(/<w:t[^>]*>DRAFT<\/w:t>/);
      expect(readFileSync(file('minutes.html'), 'utf8')).toContain('<p class="marking draft">DRAFT – not yet approved</p>');
      expect(pdftotext(file('minutes.pdf'))).toContain('DRAFT');
    },
    90_000,
  );
});

describe('the PDF where LibreOffice is not installed', () => {
  it(
    'is printed by Chromium from the web page: tagged, titled, with an outline and every font embedded, and says so',
    async () => {
      const saved = process.env.MEETING_CLERK_SOFFICE;
      temp.onCleanup(() => {
        if (saved === undefined) delete process.env.MEETING_CLERK_SOFFICE;
        else process.env.MEETING_CLERK_SOFFICE = saved;
      });
      const out = temp.makeDir('meeting-clerk-publish-');
      process.env.MEETING_CLERK_SOFFICE = join(out, 'no-soffice');
      const result = await runExportCli(['--demo', '--publish', out]);
      expect(result.code, result.message).toBe(0);
      expect(result.message).toContain('(5 files, PDF by Chromium)');
      const pdf = join(out, FOLDER, `${FOLDER} minutes.pdf`);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      expect(info).toMatch(/^Title:\s+Minutes of the Wessex Safer Communities Board, Friday, 12 June 2026$/m);
      expect(info).toMatch(/\(A4\)/);
      expect(readFileSync(pdf).toString('latin1')).toMatch(/\/Outlines\s+\d+ 0 R/);
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const row of fonts) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
      const text = pdftotext(pdf).replace(/\s+/g, ' ');
      expect(text).toContain('(a) That the contents of the report be noted;');
      expect(text).toMatch(/Page 1 of \d+/);
      expect(text).not.toContain('Brightpath');
    },
    90_000,
  );
});

describe('the house style for publication', () => {
  it('keeps the council’s font and raises body text to 12 pt', () => {
    const style = { ...DEFAULT_HOUSE_STYLE_FULL, fontFamily: 'Verdana', fontSize: 11 };
    expect(publicationStyle(style)).toMatchObject({ fontFamily: 'Verdana', fontSize: 12 });
    expect(publicationStyle({ ...style, fontSize: 14 }).fontSize).toBe(14);
  });
});

describe('the published Word minutes, read from their XML', () => {
  it(
    'have headings in order, Word-numbered lists, header rows, title, subject, author, en-GB, alt text and 12 pt sans-serif left-aligned text',
    async () => {
      const { dataDir, meetingId } = demoData({ approve: true, logo: true });
      const out = temp.makeDir('meeting-clerk-publish-');
      const result = await runExportCli(['--data', dataDir, '--meeting', String(meetingId), '--publish', out]);
      expect(result.code, result.message).toBe(0);
      const file = join(out, FOLDER, `${FOLDER} minutes.docx`);
      const documentXml = xmlOf(file, 'word/document.xml');
      const paras = paragraphsOf(documentXml);

      // Headings: the Title first, then levels that never skip one (no Heading 2 before a Heading 1).
      const levels = paras
        .map((p) => (p.style === 'Title' ? 0 : /^Heading(\d)$/.exec(p.style ?? '')?.[1]))
        .filter((l) => l !== undefined)
        .map(Number);
      expect(levels[0]).toBe(0);
      expect(levels.filter((l) => l === 0)).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]!, `heading ${i}`).toBeLessThanOrEqual(Math.max(levels[i - 1]!, 0) + 1);
      expect(paras.find((p) => p.style === 'Heading1')?.text).toBe('PRESENT');
      expect(paras.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(['Officers', 'Other attendees', 'Apologies for absence']);

      // Lists: the points are Word numbering (numPr), each list an instance of its own, "(%1)" in lowerLetter / lowerRoman.
      const points = paras.filter((p) => p.style === 'LetteredPoint');
      expect(points.length).toBeGreaterThan(10);
      expect(points.every((p) => p.numbered)).toBe(true);
      expect(points.some((p) => /^\(?[a-z]+\)/.test(p.text))).toBe(false); // no typed markers left
      const numbering = parse(xmlOf(file, 'word/numbering.xml'));
      const formats = all(numbering, 'abstractNum')
        .map((a) => all(a, 'lvl')[0]!)
        .map((lvl) => `${attr(all(lvl, 'numFmt')[0], 'val')} ${attr(all(lvl, 'lvlText')[0], 'val')}`);
      expect(formats).toEqual(expect.arrayContaining(['lowerLetter (%1)', 'lowerRoman (%1)']));
      const numIds = points.map((p) => attr(all(p.el, 'numId')[0], 'val'));
      const listsInDocument = paras.filter((p, i) => p.style === 'LetteredPoint' && paras[i - 1]?.style !== 'LetteredPoint').length;
      expect(new Set(numIds).size).toBe(listsInDocument);

      // Every table has a header row, repeated on each page.
      const tables = all(parse(documentXml), 'tbl');
      expect(tables.length).toBe(4);
      for (const table of tables) {
        const firstRow = all(table, 'tr')[0]!;
        expect(all(firstRow, 'tblHeader')).toHaveLength(1);
        expect(all(firstRow, 't').map((t) => t.textContent)).toEqual(['Name', 'Role and organisation']);
      }

      // Core properties and language.
      const core = xmlOf(file, 'docProps/core.xml');
      expect(core).toContain('<dc:title>Minutes of the Wessex Safer Communities Board, Friday, 12 June 2026</dc:title>');
      expect(core).toContain('<dc:subject>Wessex Safer Communities Board</dc:subject>');
      expect(core).toContain('<dc:creator>Wessex County Council</dc:creator>');
      expect(core).toContain('<dc:language>en-GB</dc:language>');
      const styles = parse(xmlOf(file, 'word/styles.xml'));
      const defaults = all(styles, 'docDefaults')[0]!;
      expect(attr(all(defaults, 'lang')[0], 'val')).toBe('en-GB');
      expect(attr(all(defaults, 'rFonts')[0], 'ascii')).toBe('Arial');
      expect(Number(attr(all(defaults, 'sz')[0], 'val'))).toBeGreaterThanOrEqual(24); // 12 pt in half-points
      expect(attr(all(defaults, 'jc')[0], 'val')).toBe('left');
      expect(documentXml).not.toMatch(/<w:jc w:val="(both|distribute)"/);

      // The logo has alt text.
      const drawing = paras.find((p) => all(p.el, 'drawing').length)!;
      expect(drawing.el.toString()).toMatch(/<wp:docPr [^>]*descr="Wessex County Council logo"/);
    },
    90_000,
  );
});

describe('bad input to --publish: one clear line, exit code 2, nothing left behind', () => {
  it('refuses a meeting that does not exist', async () => {
    const { dataDir } = demoData();
    const out = temp.makeDir('meeting-clerk-publish-');
    const result = await runExportCli(['--data', dataDir, '--meeting', '999', '--publish', out]);
    expect(result.code).toBe(2);
    expect(result.message).not.toContain('\n');
    expect(result.message).toMatch(/meeting/i);
    expect(readdirSync(out)).toEqual([]);
  });

  it('refuses a folder that does not exist, and a folder that cannot be written to (as any user)', async () => {
    const parent = temp.makeDir('meeting-clerk-publish-');
    const missing = join(parent, 'not-there');
    const gone = await runExportCli(['--demo', '--publish', missing]);
    expect(gone).toEqual({ code: 2, message: `The folder to publish into does not exist: ${missing}` });
    expect(existsSync(missing)).toBe(false);
    // /proc is never writable, even by root.
    const proc = await runExportCli(['--demo', '--publish', '/proc']);
    expect(proc.code).toBe(2);
    expect(proc.message).toMatch(/^The folder to publish into cannot be written to: \/proc \(E[A-Z]+\)$/);
  });

  // root ignores file permissions, so this case runs only where they apply.
  it.skipIf(process.getuid?.() === 0)('refuses a read-only folder', async () => {
    const locked = join(temp.makeDir(), 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    temp.onCleanup(() => chmodSync(locked, 0o755));
    const result = await runExportCli(['--demo', '--publish', locked]);
    expect(result.code).toBe(2);
    expect(result.message).toMatch(/^The folder to publish into cannot be written to: .* \(E[A-Z]+\)$/);
    expect(readdirSync(locked)).toEqual([]);
  });

  it(
    'refuses to publish over a publication already there, and leaves that one as it was',
    async () => {
      const { out, result } = await publishDemo();
      expect(result.code, result.message).toBe(0);
      const before = readdirSync(join(out, FOLDER)).sort();
      const again = await runExportCli(['--demo', '--publish', out]);
      expect(again).toEqual({ code: 2, message: `${join(out, FOLDER)} already exists: move it away or publish into another folder` });
      expect(readdirSync(out).sort()).toEqual([FOLDER, EXEMPT_FOLDER]);
      expect(readdirSync(join(out, FOLDER)).sort()).toEqual(before);
    },
    60_000,
  );

  it('refuses --publish with --out, and --draft without --publish', async () => {
    const out = temp.makeDir();
    expect(await runExportCli(['--demo', '--publish', out, '--out', join(out, 'x.docx')])).toEqual({
      code: 2,
      message: '--publish writes every document into one folder: leave out --out and --document',
    });
    expect((await runExportCli(['--demo', '--out', join(out, 'x.docx'), '--draft'])).code).toBe(2);
    expect(readdirSync(out)).toEqual([]);
  });

  it(
    'says what to install when there is no PDF maker, and a failing PDF maker leaves no partial folder',
    async () => {
      const saved = { soffice: process.env.MEETING_CLERK_SOFFICE, chromium: process.env.CHROMIUM_PATH };
      temp.onCleanup(() => {
        for (const [key, value] of [['MEETING_CLERK_SOFFICE', saved.soffice], ['CHROMIUM_PATH', saved.chromium]] as const) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      });
      const out = temp.makeDir('meeting-clerk-publish-');
      process.env.MEETING_CLERK_SOFFICE = join(out, 'no-soffice');
      process.env.CHROMIUM_PATH = join(out, 'no-chromium');
      const none = await runExportCli(['--demo', '--publish', out]);
      expect(none.code).toBe(2);
      expect(none.message).toMatch(/^Nothing was published: No PDF maker was found: install LibreOffice .* or Chromium/);
      expect(readdirSync(out)).toEqual([]);

      // A maker that fails half way: the temporary folders go, nothing is renamed into place.
      process.env.MEETING_CLERK_SOFFICE = '/bin/false';
      const failed = await runExportCli(['--demo', '--publish', out]);
      expect(failed.code).toBe(1);
      expect(failed.message).toMatch(/^The export failed: Nothing was published: \/bin\/false failed/);
      expect(readdirSync(out)).toEqual([]);
    },
    60_000,
  );
});
