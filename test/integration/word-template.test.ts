/**
 * The council's own Word template (issue 20): chosen through the contract
 * (bodies.setWordTemplate, read in the parsing worker), kept by its hash, and
 * put on every Word export the way pandoc's --reference-doc is: the Word
 * files are read back from their bytes (styles.xml, the header and footer
 * parts, the section's page set-up) and opened in LibreOffice. Approved
 * minutes keep the template they were approved with. Files that are not Word
 * templates, zip bombs, macro-enabled templates and oversized files are
 * refused with clear messages and change nothing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { stopIdleWorkers } from '../../electron/import/isolated';
import { readWordTemplate } from '../../electron/import/word-template';
import type { Services } from '../../electron/services';
import { MAX_TEMPLATE_BYTES } from '../../shared/limits';
import { buildMinutes } from '../../shared/minutes/document';
import { minutesToHtml } from '../../shared/minutes/html';
import type { BodyDetail, MeetingRecord } from '../../shared/model';
import type { Result } from '../../shared/result';
import { zipBombDocx } from '../helpers/hostile-docx';
import { officeText } from '../helpers/office-text';
import { createTempStore, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
afterAll(() => stopIdleWorkers());

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'templates');
const DOTX = readFileSync(join(FIXTURES, 'borsetshire-template.dotx'));
const DOCX = readFileSync(join(FIXTURES, 'borsetshire-template.docx'));
/** Saved by Microsoft Word 2007 (from Apache POI's test data; see the fixtures' README). */
const WORD_2007 = readFileSync(join(FIXTURES, 'word-2007-header-picture.docx'));
/** Microsoft's own "Chronological resume" Word template, saved by Word 2013 (also from Apache POI's test data). */
const WORD_2013_DOTX = readFileSync(join(FIXTURES, 'word-2013-chronological-resume.dotx'));
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

/** The fixture with its parts changed: a second council's template, a macro-enabled one, and so on. */
function variant(bytes: Buffer, change: (parts: Record<string, Uint8Array>) => void): Buffer {
  const parts = unzipSync(bytes);
  change(parts);
  return Buffer.from(zipSync(parts));
}
const edit = (parts: Record<string, Uint8Array>, name: string, fn: (xml: string) => string) => {
  parts[name] = strToU8(fn(strFromU8(parts[name]!)));
};
/** Another council's template: its header and footer name Ambridge, its headings are red. */
const AMBRIDGE = variant(DOCX, (p) => {
  edit(p, 'word/header1.xml', (x) => x.replace('<w:t>Borsetshire Council</w:t>', '<w:t>Ambridge Parish Council</w:t>'));
  edit(p, 'word/footer1.xml', (x) => x.replace('Borsetshire Council, County Hall, Borchester BC1 1AA', 'Ambridge Parish Council, The Village Hall'));
  edit(p, 'word/styles.xml', (x) => x.replace('<w:color w:val="1F4E79"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TextBody">', '<w:color w:val="9C0006"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TextBody">'));
});

function valueOf<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');
const els = (doc: ReturnType<typeof parse> | Element, local: string): Element[] => Array.from(doc.getElementsByTagNameNS(W, local));
const wval = (el: Element | undefined, name = 'val') => el?.getAttributeNS(W, name) ?? null;

function setup() {
  const { services, store } = createTempStore(temp);
  const made = services.dispatch('demo.load', {});
  if (!made.ok) throw new Error(made.error.message);
  const { meetingId, bodyId } = made.value as { meetingId: number; bodyId: number };
  return { services, store, meetingId, bodyId };
}

async function choose(services: Services, bodyId: number, bytes: Buffer | null, fileName = 'borsetshire-template.dotx') {
  return services.call('bodies.setWordTemplate', { bodyId, template: bytes ? { fileName, base64: bytes.toString('base64') } : null });
}

async function exported(services: Services, meetingId: number, document: 'minutes' | 'exempt' | 'decisions' | 'actions' = 'minutes') {
  const result = await services.call('exports.build', { meetingId, document });
  if (!result.ok) throw new Error(result.error.message);
  const bytes = Buffer.from((result.value as { base64: string }).base64, 'base64');
  return { bytes, parts: unzipSync(bytes) };
}

/** The document's section and the parts its default header and footer are in. */
function sectionOf(parts: Record<string, Uint8Array>) {
  const document = parse(strFromU8(parts['word/document.xml']!));
  const body = els(document, 'body')[0]!;
  const sectPr = Array.from(body.childNodes).find((n) => (n as Element).localName === 'sectPr') as Element;
  const rels = parse(strFromU8(parts['word/_rels/document.xml.rels']!));
  const target = (local: string) => {
    const ref = els(sectPr, local).find((r) => wval(r, 'type') === 'default')!;
    const id = ref.getAttributeNS(R, 'id');
    const rel = Array.from(rels.getElementsByTagName('Relationship')).find((r) => r.getAttribute('Id') === id)!;
    return `word/${rel.getAttribute('Target')}`;
  };
  return { sectPr, header: target('headerReference'), footer: target('footerReference') };
}
const styleOf = (parts: Record<string, Uint8Array>, id: string) =>
  els(parse(strFromU8(parts['word/styles.xml']!)), 'style').find((s) => wval(s, 'styleId') === id);
const textOf = (parts: Record<string, Uint8Array>, name: string) =>
  els(parse(strFromU8(parts[name]!)), 't')
    .map((t) => t.textContent)
    .join('');

describe('the council’s Word template', () => {
  it('is chosen for the body and shown by name, with the look read from its styles', async () => {
    const { services, bodyId } = setup();
    const result = await choose(services, bodyId, DOTX);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const ref = valueOf<BodyDetail>(result).houseStyle.wordTemplate!;
    expect(ref).toMatchObject({ fileName: 'borsetshire-template.dotx', kind: 'dotx', notes: [] });
    expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ref.look.heading1).toMatchObject({ font: 'DejaVu Sans', sizePt: 14, colour: '1F4E79', bold: true });
    expect(ref.look.body).toMatchObject({ font: 'Carlito', sizePt: 11 });
    expect(ref.look.page).toEqual({ widthMm: 210, heightMm: 297, margins: { top: 33.6, right: 20, bottom: 20.9, left: 20 } });
    expect(ref.look.headerText).toBe('Borsetshire Council');
    // The other house style fields are left as they were.
    const body = services.dispatch('bodies.get', { bodyId });
    expect(body.ok && (body.value as BodyDetail).houseStyle.councilName).toBe('Wessex County Council');
  });

  it('is chosen only from its file: a house style sent back whole keeps it, one naming another template is refused', async () => {
    const { services, store, bodyId } = setup();
    const body = valueOf<BodyDetail>(await choose(services, bodyId, DOTX));
    const whole = services.dispatch('bodies.update', { bodyId, patch: { houseStyle: { ...body.houseStyle, councilName: 'Borsetshire County Council' } } });
    expect(whole.ok, JSON.stringify(whole)).toBe(true);
    expect(valueOf<BodyDetail>(whole).houseStyle.wordTemplate).toEqual(body.houseStyle.wordTemplate);
    const before = snapshotTables(store.db);
    const forged = { ...body.houseStyle.wordTemplate!, sha256: 'f'.repeat(64) };
    const refused = services.dispatch('bodies.update', { bodyId, patch: { houseStyle: { wordTemplate: forged } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!refused.ok && refused.error.message).toMatch(/chosen from its file \(bodies\.setWordTemplate\)/);
    expect(services.dispatch('bodies.update', { bodyId, patch: { houseStyle: { wordTemplate: null } } }).ok).toBe(false);
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('puts its styles, header, footer and page set-up on the Word minutes, which LibreOffice opens', async () => {
    const { services, bodyId, meetingId } = setup();
    expect((await choose(services, bodyId, DOTX)).ok).toBe(true);
    const { bytes, parts } = await exported(services, meetingId);

    // Its heading style: the font and colour of the template, its list numbering left behind.
    const heading1 = styleOf(parts, 'Heading1')!;
    const based = wval(els(heading1, 'basedOn')[0]);
    expect(based).toBe('Heading');
    const parent = styleOf(parts, 'Heading')!;
    expect(wval(els(parent, 'rFonts')[0], 'ascii')).toBe('DejaVu Sans');
    expect(wval(els(parent, 'color')[0])).toBe('1F4E79');
    expect(els(heading1, 'numPr')).toHaveLength(0);
    expect(wval(els(styleOf(parts, 'Normal')!, 'rFonts')[0], 'ascii')).toBe('Carlito');
    // Our own styles are there too, based on its Normal; the language stays en-GB.
    expect(wval(els(styleOf(parts, 'MinuteText')!, 'basedOn')[0])).toBe('Normal');
    const styles = parse(strFromU8(parts['word/styles.xml']!));
    expect(wval(els(els(styles, 'docDefaults')[0]!, 'lang')[0])).toBe('en-GB');

    // Its header (with the logo) and footer; the DRAFT marking stays on top of the header, as the demo is a draft.
    const { sectPr, header, footer } = sectionOf(parts);
    expect(textOf(parts, header)).toContain('Borsetshire Council');
    expect(textOf(parts, header)).toContain('DRAFT');
    expect(textOf(parts, footer)).toContain('Borsetshire Council, County Hall, Borchester BC1 1AA');
    const headerRels = strFromU8(parts[header.replace('word/', 'word/_rels/') + '.rels']!);
    const image = /Target="media\/([^"]+)"/.exec(headerRels)![1]!;
    expect(Buffer.from(parts[`word/media/${image}`]!)).toEqual(readFileSync(join(FIXTURES, 'logo.png')));
    for (const id of strFromU8(parts[header]!).matchAll(/r:(?:embed|id)="([^"]+)"/g)) expect(headerRels).toContain(`Id="${id[1]}"`);

    // Its page: A4 with its margins, in twips.
    expect({ w: wval(els(sectPr, 'pgSz')[0], 'w'), h: wval(els(sectPr, 'pgSz')[0], 'h') }).toEqual({ w: '11906', h: '16838' });
    const mar = els(sectPr, 'pgMar')[0]!;
    expect(['top', 'right', 'bottom', 'left', 'header', 'footer'].map((side) => wval(mar, side))).toEqual(['1904', '1134', '1183', '1134', '850', '680']);

    // A real word processor opens it, words and header alike.
    const text = officeText(bytes);
    expect(text).toContain('Appointment of Chairman');
  }, 60_000);

  it('is used by the action log (landscape, with its header) and the decision sheet', async () => {
    const { services, bodyId, meetingId } = setup();
    expect((await choose(services, bodyId, DOCX, 'borsetshire-template.docx')).ok).toBe(true);
    for (const document of ['actions', 'decisions'] as const) {
      const { parts } = await exported(services, meetingId, document);
      const { sectPr, header } = sectionOf(parts);
      expect(textOf(parts, header), document).toContain('Borsetshire Council');
      expect(wval(els(styleOf(parts, 'Heading')!, 'rFonts')[0], 'ascii'), document).toBe('DejaVu Sans');
      if (document === 'actions') expect(wval(els(sectPr, 'pgSz')[0], 'orient')).toBe('landscape');
    }
  }, 60_000);

  it('bases lettered points on its List Paragraph, and draws the action log with its Table Grid', async () => {
    const withGrid = variant(DOCX, (p) => {
      edit(p, 'word/styles.xml', (x) =>
        x.replace(
          '</w:styles>',
          '<w:style w:type="table" w:styleId="TableauGrille"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="double" w:sz="6" w:color="1F4E79"/><w:bottom w:val="double" w:sz="6" w:color="1F4E79"/><w:insideH w:val="single" w:sz="4" w:color="1F4E79"/></w:tblBorders></w:tblPr></w:style></w:styles>',
        ),
      );
    });
    const { services, bodyId, meetingId } = setup();
    expect((await choose(services, bodyId, withGrid, 'grid.docx')).ok).toBe(true);
    const minutes = (await exported(services, meetingId)).parts;
    expect(wval(els(styleOf(minutes, 'LetteredPoint')!, 'basedOn')[0])).toBe('ListParagraph');
    const log = (await exported(services, meetingId, 'actions')).parts;
    const table = els(parse(strFromU8(log['word/document.xml']!)), 'tbl')[0]!;
    const tblPr = els(table, 'tblPr')[0]!;
    expect(wval(els(tblPr, 'tblStyle')[0])).toBe('TableGrid');
    expect(els(tblPr, 'tblBorders')).toHaveLength(0);
    expect(els(styleOf(log, 'TableGrid')!, 'top').map((b) => wval(b))).toEqual(['double']);
  }, 30_000);

  it('carries a different first page: its first-page header on page one, its own header after', async () => {
    const firstPage = variant(DOCX, (p) => {
      p['word/header2.xml'] = strToU8(strFromU8(p['word/header1.xml']!).replace('<w:t>Borsetshire Council</w:t>', '<w:t>Borsetshire Council: Democratic Services</w:t>'));
      p['word/_rels/header2.xml.rels'] = p['word/_rels/header1.xml.rels']!;
      edit(p, 'word/_rels/document.xml.rels', (x) =>
        x.replace('</Relationships>', '<Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>'),
      );
      edit(p, 'word/document.xml', (x) => x.replace('<w:headerReference w:type="default" r:id="rId2"/>', '<w:headerReference w:type="default" r:id="rId2"/><w:headerReference w:type="first" r:id="rId20"/>').replace('<w:pgNumType', '<w:titlePg/><w:pgNumType'));
      edit(p, '[Content_Types].xml', (x) =>
        x.replace('</Types>', '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>'),
      );
    });
    const { services, bodyId, meetingId } = setup();
    expect((await choose(services, bodyId, firstPage, 'first-page.docx')).ok).toBe(true);
    const { bytes, parts } = await exported(services, meetingId);
    const { sectPr } = sectionOf(parts);
    expect(els(sectPr, 'titlePg')).toHaveLength(1);
    const rels = parse(strFromU8(parts['word/_rels/document.xml.rels']!));
    const partOf = (type: string) => {
      const id = els(sectPr, 'headerReference').find((r) => wval(r, 'type') === type)!.getAttributeNS(R, 'id');
      return `word/${Array.from(rels.getElementsByTagName('Relationship')).find((r) => r.getAttribute('Id') === id)!.getAttribute('Target')}`;
    };
    expect(textOf(parts, partOf('first'))).toContain('Borsetshire Council: Democratic Services');
    expect(textOf(parts, partOf('default'))).not.toContain('Democratic Services');
    // The draft's marking is on the first page too.
    expect(textOf(parts, partOf('first'))).toContain('DRAFT');
    expect(officeText(bytes)).toContain('Appointment of Chairman');
  }, 60_000);

  it('reads fonts and colours a template takes from its theme, as Word’s own templates do', () => {
    const THEME =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Council"><a:themeElements>' +
      '<a:clrScheme name="Council"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1></a:clrScheme>' +
      '<a:fontScheme name="Council"><a:majorFont><a:latin typeface="Liberation Serif"/></a:majorFont><a:minorFont><a:latin typeface="Liberation Sans"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>';
    const themed = variant(DOCX, (p) => {
      p['word/theme/theme1.xml'] = strToU8(THEME);
      edit(p, 'word/_rels/document.xml.rels', (x) =>
        x.replace('</Relationships>', '<Relationship Id="rId30" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>'),
      );
      edit(p, '[Content_Types].xml', (x) => x.replace('</Types>', '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>'));
      edit(p, 'word/styles.xml', (x) =>
        x
          .replace('<w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans"/><w:b/><w:color w:val="1F4E79"/>', '<w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/><w:color w:val="2F5496" w:themeColor="accent1" w:themeShade="BF"/>')
          .replace('<w:rFonts w:ascii="Carlito" w:hAnsi="Carlito" w:eastAsia="DejaVu Sans" w:cs="DejaVu Sans"/><w:color w:val="262626"/>', '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:color w:val="262626"/>'),
      );
    });
    const read = readWordTemplate(themed);
    expect(read.ok, JSON.stringify(!read.ok && read.error)).toBe(true);
    if (!read.ok) return;
    const { look, themeXml } = read.value.kit;
    expect(look.heading1.font).toBe('Liberation Serif');
    expect(look.body.font).toBe('Liberation Sans');
    // Accent 1 darkened by a quarter (themeShade BF), about as Word draws it.
    expect(look.heading1.colour).toBe('335593');
    expect(themeXml).toContain('Liberation Serif');
  });

  it('keeps styles named in another language: Word’s built-in names decide which is Heading 1', () => {
    const german = variant(DOCX, (p) => {
      // As a German Word writes them: its own ids, Word's built-in names.
      edit(p, 'word/styles.xml', (x) =>
        x
          .replaceAll('w:styleId="Heading1"', 'w:styleId="berschrift1"')
          .replaceAll('w:styleId="Normal"', 'w:styleId="Standard"')
          .replaceAll('<w:basedOn w:val="Normal"/>', '<w:basedOn w:val="Standard"/>')
          .replaceAll('<w:next w:val="Normal"/>', '<w:next w:val="Standard"/>'),
      );
    });
    const read = readWordTemplate(german);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const styles = parse(read.value.kit.stylesXml);
    const ids = els(styles, 'style').map((s) => wval(s, 'styleId'));
    expect(ids).toContain('Heading1');
    expect(ids).toContain('Normal');
    expect(ids).not.toContain('Standard');
    // References follow the rename.
    expect(els(styles, 'basedOn').map((b) => wval(b))).not.toContain('Standard');
    expect(read.value.kit.look.body.font).toBe('Carlito');
  });

  it('carries its fonts, heading colours and page into the web page', async () => {
    const { services, bodyId, meetingId } = setup();
    const body = valueOf<BodyDetail>(await choose(services, bodyId, DOTX));
    const record = valueOf<MeetingRecord>(services.dispatch('meetings.get', { meetingId }));
    const style = body.houseStyle;
    const html = minutesToHtml(buildMinutes(record, { style }), style);
    expect(html).toMatch(/h2 \{ font-family: "DejaVu Sans"[^}]*font-size: 14pt;[^}]*color: #1F4E79; \}/);
    expect(html).toMatch(/body \{ margin: 0; font-family: Carlito, Arial/);
    // At least 12 pt on the web page, though the template's body text is 11 pt.
    expect(html).toMatch(/font-size: 12pt; line-height/);
    expect(html).toContain('margin: 33.6mm 20mm 20.9mm 20mm;');
    expect(html).toContain('@top-left { content: "Borsetshire Council";');
  });

  it('raises a published Word file’s body text to 12 pt though the template says 11', async () => {
    const { services, bodyId, meetingId } = setup();
    expect((await choose(services, bodyId, DOTX)).ok).toBe(true);
    const folder = temp.makeDir('meeting-clerk-publish-');
    const published = await services.call('exports.publish', { meetingId, folder, draft: true });
    expect(published.ok, JSON.stringify(published)).toBe(true);
    const { folder: out, files } = valueOf<{ folder: string; files: string[] }>(published);
    const parts = unzipSync(readFileSync(join(out, files.find((f) => f.endsWith('minutes.docx'))!)));
    expect(wval(els(styleOf(parts, 'Normal')!, 'sz')[0])).toBe('24');
    expect(textOf(parts, sectionOf(parts).header)).toContain('Borsetshire Council');
  }, 90_000);
});

/** The pictures of a header part: each drawing's alt text and the bytes its relationship points at. */
function headerPictures(parts: Record<string, Uint8Array>, header: string) {
  const doc = parse(strFromU8(parts[header]!));
  const rels = parse(strFromU8(parts[header.replace('word/', 'word/_rels/') + '.rels']!));
  return Array.from(doc.getElementsByTagNameNS(W, 'drawing')).map((drawing) => {
    const embed = Array.from(drawing.getElementsByTagNameNS(A, 'blip'))[0]!.getAttributeNS(R, 'embed');
    const rel = Array.from(rels.getElementsByTagName('Relationship')).find((r) => r.getAttribute('Id') === embed)!;
    return {
      alt: Array.from(drawing.getElementsByTagNameNS(WP, 'docPr'))[0]!.getAttribute('descr'),
      bytes: Buffer.from(parts[`word/${rel.getAttribute('Target')}`]!),
    };
  });
}

describe('a template saved by Microsoft Word itself', () => {
  it('is accepted, and its styles (by Word’s built-in names), page set-up and header with its picture are applied', async () => {
    const { services, bodyId, meetingId } = setup();
    const chosen = await choose(services, bodyId, WORD_2007, 'word-2007-header-picture.docx');
    expect(chosen.ok, JSON.stringify(chosen)).toBe(true);
    const ref = valueOf<BodyDetail>(chosen).houseStyle.wordTemplate!;
    expect(ref).toMatchObject({ kind: 'docx', notes: [] });
    expect(ref.look.body.font).toBe('Baltica');
    expect(ref.look.page).toEqual({ widthMm: 210, heightMm: 297, margins: { top: 10, right: 10, bottom: 5, left: 12.5 } });

    const { bytes, parts } = await exported(services, meetingId);
    // Word's Russian style ids ("a" for Normal, "1" for Heading 1, "a7" for Header) are renamed to the ids the export writes.
    expect(wval(els(styleOf(parts, 'Normal')!, 'rFonts')[0], 'ascii')).toBe('Baltica');
    expect(wval(els(styleOf(parts, 'Normal')!, 'ind')[0], 'firstLine')).toBe('720');
    expect(wval(els(styleOf(parts, 'Heading1')!, 'sz')[0])).toBe('24');
    expect(styleOf(parts, 'Header')).toBeDefined();
    expect(styleOf(parts, 'a7')).toBeUndefined();
    const styles = parse(strFromU8(parts['word/styles.xml']!));
    expect(wval(els(els(styles, 'docDefaults')[0]!, 'lang')[0])).toBe('en-GB');

    // Its page: A4 (Word's 11907 × 16840) with its narrow margins.
    const { sectPr, header } = sectionOf(parts);
    expect({ w: wval(els(sectPr, 'pgSz')[0], 'w'), h: wval(els(sectPr, 'pgSz')[0], 'h') }).toEqual({ w: '11907', h: '16840' });
    const mar = els(sectPr, 'pgMar')[0]!;
    expect(['top', 'right', 'bottom', 'left'].map((side) => wval(mar, side))).toEqual(['567', '567', '284', '709']);

    // Its header: the picture Word put there, with Word's alt text, in a paragraph of the Header style, right aligned.
    const jpeg = Buffer.from(unzipSync(WORD_2007)['word/media/image1.jpeg']!);
    expect(headerPictures(parts, header)).toEqual([{ alt: 'DOZOR', bytes: jpeg }]);
    const pictured = els(parse(strFromU8(parts[header]!)), 'p').find((p) => els(p, 'drawing').length > 0)!;
    expect(wval(els(pictured, 'pStyle')[0])).toBe('Header');
    expect(wval(els(pictured, 'jc')[0])).toBe('right');
    expect(officeText(bytes)).toContain('Appointment of Chairman');
  }, 60_000);
});

describe('a Word template (.dotx) saved by Microsoft Word 2013', () => {
  it('is accepted: its theme’s fonts and colours, its Letter page with a wide left margin and its footer’s page number reach the Word minutes, and a heading colour too pale for the web page is left off it', async () => {
    const { services, bodyId, meetingId } = setup();
    const chosen = await choose(services, bodyId, WORD_2013_DOTX, 'Chronological resume.dotx');
    expect(chosen.ok, JSON.stringify(chosen)).toBe(true);
    const ref = valueOf<BodyDetail>(chosen).houseStyle.wordTemplate!;
    expect(ref).toMatchObject({ fileName: 'Chronological resume.dotx', kind: 'dotx', notes: [] });
    // Calibri is the theme's minor font, the heading colour its accent 3 (#969696, 3:1 on white).
    expect(ref.look.body.font).toBe('Calibri');
    expect(ref.look.heading1).toMatchObject({ font: 'Calibri', colour: '969696' });
    expect(ref.look.page).toEqual({ widthMm: 215.9, heightMm: 279.4, margins: { top: 19.1, right: 12.7, bottom: 19.1, left: 83.8 } });

    const { bytes, parts } = await exported(services, meetingId);
    expect(wval(els(styleOf(parts, 'Heading1')!, 'color')[0])).toBe('969696');
    expect(wval(els(styleOf(parts, 'Heading1')!, 'caps')[0])).toBeNull();
    expect(els(styleOf(parts, 'Heading1')!, 'caps')).toHaveLength(1);
    const theme = strFromU8(parts['word/theme/theme1.xml']!);
    expect(theme).toContain('<a:latin typeface="Calibri"');
    const { sectPr, footer } = sectionOf(parts);
    expect({ w: wval(els(sectPr, 'pgSz')[0], 'w'), h: wval(els(sectPr, 'pgSz')[0], 'h') }).toEqual({ w: '12240', h: '15840' });
    expect(wval(els(sectPr, 'pgMar')[0], 'left')).toBe('4752');
    expect(strFromU8(parts[footer]!)).toMatch(/<w:instrText[^>]*>\s*PAGE\b/);
    expect(officeText(bytes)).toContain('Appointment of Chairman');

    // On the web page the pale heading colour gives way to black (WCAG AA asks 4.5:1); the font stays.
    const record = valueOf<MeetingRecord>(services.dispatch('meetings.get', { meetingId }));
    const style = valueOf<BodyDetail>(chosen).houseStyle;
    const html = minutesToHtml(buildMinutes(record, { style }), style);
    expect(html).toMatch(/h2 \{ font-family: Calibri, Arial[^}]*\}/);
    expect(html).not.toContain('#969696');
  }, 60_000);
});

describe('the logo in the template’s header', () => {
  it('has alt text in the Word files: the template’s own, else the council’s name', async () => {
    const { services, bodyId, meetingId } = setup();
    expect((await choose(services, bodyId, DOCX, 'borsetshire-template.docx')).ok).toBe(true);
    for (const document of ['minutes', 'actions'] as const) {
      const { parts } = await exported(services, meetingId, document);
      const pictures = headerPictures(parts, sectionOf(parts).header);
      expect(pictures.map((p) => p.alt), document).toEqual(['Wessex County Council logo']);
      expect(pictures[0]!.bytes).toEqual(readFileSync(join(FIXTURES, 'logo.png')));
    }
  }, 60_000);

  it(
    'heads the published web page, and the header and footer run on every page of the PDF Chromium prints from it',
    async () => {
      const saved = process.env.MEETING_CLERK_SOFFICE;
      temp.onCleanup(() => {
        if (saved === undefined) delete process.env.MEETING_CLERK_SOFFICE;
        else process.env.MEETING_CLERK_SOFFICE = saved;
      });
      const { services, bodyId, meetingId } = setup();
      expect((await choose(services, bodyId, DOCX, 'borsetshire-template.docx')).ok).toBe(true);
      const folder = temp.makeDir('meeting-clerk-publish-');
      process.env.MEETING_CLERK_SOFFICE = join(folder, 'no-soffice');
      const published = await services.call('exports.publish', { meetingId, folder, draft: true });
      expect(published.ok, JSON.stringify(published)).toBe(true);
      const { folder: out, files, pdfMadeBy } = valueOf<{ folder: string; files: string[]; pdfMadeBy: string }>(published);
      expect(pdfMadeBy).toBe('Chromium');

      const html = readFileSync(join(out, files.find((f) => f.endsWith('.html'))!), 'utf8');
      const logo = readFileSync(join(FIXTURES, 'logo.png')).toString('base64');
      expect(html).toContain(`<header class="council"><img src="data:image/png;base64,${logo}" alt="Wessex County Council logo"`);

      const pdf = join(out, files.find((f) => f.endsWith('.pdf'))!);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      // Still tagged, every font (the template's Carlito and DejaVu Sans among them) embedded.
      expect(info).toMatch(/^Tagged:\s+yes$/m);
      const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(fonts.some((row) => row.includes('Carlito'))).toBe(true);
      for (const row of fonts) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
      const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
      expect(pages).toBeGreaterThan(2);
      for (let page = 1; page <= pages; page++) {
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
        expect(text, `page ${page}`).toContain(`Borsetshire Council, County Hall, Borchester BC1 1AA – Page ${page}`);
        expect(text.trim().startsWith('Borsetshire Council'), `page ${page}`).toBe(true);
      }
      // The logo is drawn on every page (pdfimages lists each image drawn, by page).
      const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
      const drawnOn = new Set(images.map((row) => Number(row.trim().split(/\s+/)[0])));
      for (let page = 1; page <= pages; page++) expect(drawnOn.has(page), `page ${page}`).toBe(true);
    },
    120_000,
  );
});

describe('approved minutes keep the template they were approved with', () => {
  it('prints with the first template after the body chooses another, and after it goes back to the built-in style', async () => {
    const { services, bodyId, meetingId } = setup();
    expect((await choose(services, bodyId, DOTX)).ok).toBe(true);
    const approved = services.dispatch('minutes.setStatus', { meetingId, status: 'approved' });
    expect(approved.ok, JSON.stringify(approved)).toBe(true);
    const before = await exported(services, meetingId);

    const changed = await choose(services, bodyId, AMBRIDGE, 'ambridge.docx');
    expect(changed.ok, JSON.stringify(changed)).toBe(true);
    expect(valueOf<BodyDetail>(changed).houseStyle.wordTemplate?.fileName).toBe('ambridge.docx');
    const after = await exported(services, meetingId);
    expect(textOf(after.parts, sectionOf(after.parts).header)).toContain('Borsetshire Council');
    expect(textOf(after.parts, sectionOf(after.parts).header)).not.toContain('Ambridge');
    expect(strFromU8(after.parts['word/styles.xml']!)).toBe(strFromU8(before.parts['word/styles.xml']!));

    // A new meeting of the body (a draft) is printed with the body's template as it is now.
    const next = services.dispatch('meetings.create', { bodyId, date: '2026-09-11', startTime: '10:00', venue: 'County Hall' });
    expect(next.ok, JSON.stringify(next)).toBe(true);
    const draft = await exported(services, valueOf<{ id: number }>(next).id);
    expect(textOf(draft.parts, sectionOf(draft.parts).header)).toContain('Ambridge Parish Council');
    expect(strFromU8(draft.parts['word/styles.xml']!)).toContain('9C0006');

    expect((await choose(services, bodyId, null)).ok).toBe(true);
    const cleared = await exported(services, meetingId);
    expect(textOf(cleared.parts, sectionOf(cleared.parts).header)).toContain('Borsetshire Council');
    const builtIn = await exported(services, valueOf<{ id: number }>(next).id);
    expect(textOf(builtIn.parts, sectionOf(builtIn.parts).header)).not.toMatch(/Borsetshire|Ambridge/);
  }, 90_000);
});

describe('a file that is not a usable template is refused, and nothing changes', () => {
  const macroEnabled = variant(DOTX, (p) => {
    p['word/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]);
    edit(p, '[Content_Types].xml', (x) =>
      x
        .replace('wordprocessingml.template.main+xml', 'ms-word.template.macroEnabledTemplate.main+xml')
        .replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
  });
  const workbook = variant(DOCX, (p) => {
    edit(p, '[Content_Types].xml', (x) => x.replace('application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml').replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'));
  });
  const cases: [string, Buffer, string, RegExp][] = [
    ['a text file', Buffer.from('Borsetshire Council minutes template\n'), 'template.dotx', /not a Word document or template/],
    ['a PNG renamed .docx', readFileSync(join(FIXTURES, 'logo.png')), 'template.docx', /not a Word document or template/],
    ['a zip bomb', zipBombDocx(200), 'template.docx', /too large to read: it would take more than 10 MB once unpacked/],
    ['a zip bomb that lies about its size', zipBombDocx(40, { declaredMb: 1 }), 'template.docx', /could not be read/],
    ['a broken zip', DOTX.subarray(0, Math.floor(DOTX.length / 2)), 'template.dotx', /could not be read\. It may be damaged/],
    ['a macro-enabled template (.dotm)', macroEnabled, 'template.dotm', /holds macros/],
    ['an Excel workbook', workbook, 'template.docx', /an Excel workbook, not a Word document/],
  ];

  it.each(cases)('%s', async (_label, bytes, fileName, message) => {
    const { services, store, bodyId } = setup();
    expect((await choose(services, bodyId, DOTX)).ok).toBe(true);
    const before = snapshotTables(store.db);
    const result = await choose(services, bodyId, bytes, fileName);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(message);
    expect(result.error.message).toMatch(/Nothing was changed\.$/);
    expect(snapshotTables(store.db)).toEqual(before);
    expect(valueOf<BodyDetail>(services.dispatch('bodies.get', { bodyId })).houseStyle.wordTemplate?.fileName).toBe('borsetshire-template.dotx');
  }, 30_000);

  it('an oversized file, before it is read', async () => {
    const { services, store, bodyId } = setup();
    const before = snapshotTables(store.db);
    const big = Buffer.concat([DOTX, Buffer.alloc(MAX_TEMPLATE_BYTES)]);
    const result = await choose(services, bodyId, big);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(/template is too large: a template is at most 5 MB/);
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('a footer with a field that fetches a picture from the internet is left out', async () => {
    const fetching = variant(DOTX, (p) => {
      edit(p, 'word/footer1.xml', (x) => x.replace('<w:instrText xml:space="preserve"> PAGE </w:instrText>', '<w:instrText xml:space="preserve"> INCLUDEPICTURE "https://tracker.example/p.png" \\d </w:instrText>'));
    });
    const { services, bodyId, meetingId } = setup();
    const result = await choose(services, bodyId, fetching);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(valueOf<BodyDetail>(result).houseStyle.wordTemplate?.notes).toEqual([
      'The template’s footer holds an embedded object, a picture from outside the file or a field that fetches one, so the built-in footer is used instead.',
    ]);
    const { parts } = await exported(services, meetingId);
    expect(Object.values(parts).some((bytes) => strFromU8(bytes).includes('tracker.example'))).toBe(false);
    expect(textOf(parts, sectionOf(parts).footer)).toContain('Page');
    expect(textOf(parts, sectionOf(parts).header)).toContain('Borsetshire Council');
  }, 30_000);

  it('a header that embeds an object is left out, and the clerk is told why', async () => {
    const withObject = variant(DOTX, (p) => {
      edit(p, 'word/header1.xml', (x) => x.replace('<w:t>Borsetshire Council</w:t>', '<w:t>Borsetshire Council</w:t><w:object><v:imagedata r:id="rId9"/></w:object>'));
      edit(p, 'word/_rels/header1.xml.rels', (x) =>
        x.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://tracker.example/pixel.png" TargetMode="External"/></Relationships>'),
      );
    });
    const { services, bodyId, meetingId } = setup();
    const result = await choose(services, bodyId, withObject);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(valueOf<BodyDetail>(result).houseStyle.wordTemplate?.notes).toEqual([
      'The template’s header holds an embedded object, a picture from outside the file or a field that fetches one, so the built-in header is used instead.',
    ]);
    const { parts } = await exported(services, meetingId);
    const header = strFromU8(parts[sectionOf(parts).header]!);
    expect(header).not.toContain('tracker.example');
    expect(textOf(parts, sectionOf(parts).header)).toContain('Wessex Safer Communities Board');
    // The footer had nothing foreign in it, so it is the template's.
    expect(textOf(parts, sectionOf(parts).footer)).toContain('Borsetshire Council, County Hall');
  }, 30_000);
});
