/**
 * The Word writers, checked against the bytes they write: the .docx is read
 * back with mammoth (its text, as Word would give it) and unzipped with jszip
 * (its XML parts), and one document goes through LibreOffice to PDF.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { actionLogToDocx, shortDate, type ActionLogInput } from '../../electron/export/action-log-docx';
import { decisionSheetToDocx, imageSize, minutesToDocx } from '../../electron/export/minutes-docx';
import { decisionSheet } from '../../shared/minutes/decision-sheet';
import { blocksFrom, buildMinutes, type MinutesDocument } from '../../shared/minutes/document';
import { DEFAULT_HOUSE_STYLE_FULL, houseStyleSchema, type HouseStyle } from '../../shared/minutes/house-style';
import { officeText } from '../helpers/office-text';
import { useTempDirs } from '../helpers/temp';
import { attend, declaration, other, record } from '../unit/fixtures/meeting-record';

const temp = useTempDirs();

interface ReadBack {
  text: string;
  document: string;
  styles: string;
  headers: string;
  footers: string;
  core: string;
  files: string[];
}

/** Everything a test looks at in a written .docx. */
async function readBack(bytes: Buffer): Promise<ReadBack> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const part = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`${name} is missing from the .docx`);
    return file.async('string');
  };
  const all = async (pattern: RegExp) => (await Promise.all(files.filter((f) => pattern.test(f)).sort().map(part))).join('\n');
  return {
    text: (await mammoth.extractRawText({ buffer: bytes })).value,
    document: await part('word/document.xml'),
    styles: await part('word/styles.xml'),
    headers: await all(/^word\/header\d*\.xml$/),
    footers: await all(/^word\/footer\d*\.xml$/),
    core: await part('docProps/core.xml'),
    files,
  };
}

/** The paragraphs of document.xml, each with its style id and its text (tabs as \t). */
function paragraphs(documentXml: string): { style: string | null; text: string; xml: string }[] {
  return [...documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map(([xml, inner]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(inner!)?.[1] ?? null,
    text: [...inner!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : m[1])).join(''),
    xml,
  }));
}

/** The definition of one style in styles.xml. */
function styleXml(stylesXml: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml);
  if (!match) throw new Error(`style ${id} is not defined`);
  return match[0];
}

/** A minutes document with every kind of block, as a clerk might have minuted it. */
const EVERY_BLOCK: MinutesDocument = {
  title: 'Minutes of the Wessex Safer Communities Board, Friday, 11 December 2026',
  bodyName: 'Wessex Safer Communities Board',
  meetingDate: '2026-12-11',
  draft: true,
  part: 'public',
  blocks: blocksFrom([
    { type: 'opening', text: 'Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 11 December 2026.' },
    { type: 'section-heading', text: 'PRESENT' },
    { type: 'chair', text: 'Mrs D. Taylor CC (in the Chair)' },
    {
      type: 'name-list',
      rows: [
        { name: 'Cllr. L. Hart', detail: 'Community Safety Partnership Strategy Group Chair – Kingsbridge District Council' },
        { name: 'Supt. R. Ellery', detail: 'Wessex Police' },
      ],
    },
    { type: 'section-heading', text: 'Officers' },
    { type: 'name-list', rows: [{ name: 'Jo Clerk', detail: 'Democratic Services Officer – Wessex County Council' }] },
    { type: 'section-heading', text: 'Apologies for absence' },
    { type: 'name-list', rows: [{ name: 'Mr B. Bearne', detail: 'Probation Service' }] },
    { type: 'minute-heading', number: 17, agendaNumber: 1, text: 'Introductions' },
    { type: 'paragraph', text: 'The Chairman introduced herself and welcomed everyone to the meeting.' },
    { type: 'minute-heading', number: 18, agendaNumber: 6, text: 'Safer Communities Performance - Quarter 2.' },
    { type: 'paragraph', text: 'Arising from discussions the following points were noted:' },
    { type: 'lettered', style: 'roman', items: ['Referrals had decreased.', 'First time entrants had increased.', 'Data was recorded differently by partners.'] },
    { type: 'decision', label: 'RESOLVED', resolutions: ['That the performance information be noted.'] },
    { type: 'minute-heading', number: 19, agendaNumber: 4, text: 'Action Log' },
    { type: 'lettered', style: 'alpha', items: ['Action 1 was overdue.', 'Action 2 was complete.'] },
    {
      type: 'decision',
      label: 'RESOLVED',
      resolutions: [
        'That the status of the Action Log be noted;',
        'That the Communications Plan be considered in March;',
        'That a report be submitted to the next meeting.',
      ],
    },
    { type: 'minute-heading', number: 20, agendaNumber: 7, text: 'Any other business' },
    { type: 'paragraph', text: 'There was no other business.' },
    { type: 'closing', text: 'The meeting closed at 12.05 pm.' },
    { type: 'signature', chairTitle: 'Chairman' },
  ]),
};

const STYLE: HouseStyle = {
  ...DEFAULT_HOUSE_STYLE_FULL,
  councilName: 'Wessex County Council',
  fontFamily: 'Verdana',
  fontSize: 11,
  margins: { top: 20, right: 15, bottom: 30, left: 25 },
};

/** A 2 x 3 red PNG. */
const PNG_2x3 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEklEQVR4nGP4z8AARAwMDAwMACjkAv7xbBgvAAAAAElFTkSuQmCC';

describe('minutes from a meeting record', () => {
  const r = record({
    attendance: [
      attend(1, 1),
      attend(2, 2),
      attend(4, 4, { status: 'apologies' }),
      other('officer', 20, 'Jo Clerk', 'Democratic Services Officer', 'Wessex County Council'),
    ],
    chairChanges: [{ id: 1, attendanceId: 1, agendaItemId: null, time: '10:00' }],
    declarations: [declaration()],
    closedAt: '11:48',
  });
  // Every item was taken up (a closed meeting prints no standard wording for an item never taken).
  r.items = r.items.map((i, n) => ({ ...i, takenAt: `10:0${n}` }));
  const doc = buildMinutes(r, { firstMinuteNumber: 17 });

  it('prints the opening line as the Title, PRESENT and the minutes as Heading 1s in order, and the PRESENT block', async () => {
    const out = await readBack(await minutesToDocx(doc, DEFAULT_HOUSE_STYLE_FULL));
    expect(out.text).toContain(
      'Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 11 December 2026.',
    );
    const paras = paragraphs(out.document);
    expect(paras.find((p) => p.style === 'Title')?.text).toBe(
      'Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 11 December 2026.',
    );
    // PRESENT heads the attendance as a Heading 1, so no Heading 2 comes before the first Heading 1.
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      'PRESENT',
      '17.\tIntroductions',
      '18.\tDeclarations of interest',
      '19.\tTown Centre Regeneration',
    ]);
    expect(paras.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(['Officers', 'Apologies for absence']);
    expect(out.text).toContain('Mrs D. Taylor CC (in the Chair)');
    expect(out.text).toMatch(/Cllr\. L\. Hart\s+Kingsbridge District Council/);
    expect(out.text).toMatch(/Cllr\. L\. Hart declared a Disclosable Pecuniary Interest/);
    expect(out.text).toContain('The meeting closed at 11.48 am.');
    // Minute order in the text follows the numbers.
    const at = (s: string) => out.text.indexOf(s);
    expect(at('17.')).toBeLessThan(at('18.'));
    expect(at('18.')).toBeLessThan(at('19.'));
    expect(at('19.')).toBeLessThan(at('The meeting closed'));
  });
});

describe('minutes with every kind of block', () => {
  it('writes A4 pages with the house style margins, font, size and en-GB as document defaults', async () => {
    const out = await readBack(await minutesToDocx(EVERY_BLOCK, STYLE));
    expect(out.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // 20 mm = 1134 twips, 15 mm = 850, 30 mm = 1701, 25 mm = 1417.
    expect(out.document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1701" w:left="1417"/);
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(out.styles)?.[0] ?? '';
    expect(defaults).toContain('w:ascii="Verdana"');
    expect(defaults).toContain('w:hAnsi="Verdana"');
    expect(defaults).toContain('<w:sz w:val="22"/>'); // 11 pt in half-points
    expect(defaults).toMatch(/<w:lang w:val="en-GB"/);
    expect(styleXml(out.styles, 'Heading1')).toContain('<w:b/>');
    expect(styleXml(out.styles, 'Heading1')).toContain('w:ascii="Verdana"');
  });

  it('prints numbered headings, "(a)"/"(i)" points as Word numbering with a hanging indent, and the decision label', async () => {
    const bytes = await minutesToDocx(EVERY_BLOCK, STYLE);
    const out = await readBack(bytes);
    expect(out.text).toMatch(/^17\.\tIntroductions$/m);
    expect(out.text).toMatch(/^18\.\tSafer Communities Performance - Quarter 2\.$/m);
    // The words are the same; the markers now come from Word's numbering, so the text a reader sees is LibreOffice's.
    const seen = officeText(bytes).split('\n');
    for (const line of ['(i)\tReferrals had decreased.', '(ii)\tFirst time entrants had increased.', '(iii)\tData was recorded differently by partners.']) {
      expect(seen).toContain(line);
    }
    // A single resolution follows its label unlettered; several are lettered (a), (b), (c) in order.
    const first = seen.indexOf('RESOLVED:');
    expect(seen[first + 1]).toBe('That the performance information be noted.');
    const second = seen.indexOf('RESOLVED:', first + 1);
    expect(seen.slice(second, second + 4)).toEqual([
      'RESOLVED:',
      '(a)\tThat the status of the Action Log be noted;',
      '(b)\tThat the Communications Plan be considered in March;',
      '(c)\tThat a report be submitted to the next meeting.',
    ]);
    // The action log's own lettered points start again at (a).
    expect(seen).toContain('(a)\tAction 1 was overdue.');

    const paras = paragraphs(out.document);
    const label = paras.find((p) => p.text === 'RESOLVED:')!;
    expect(label.style).toBe('DecisionLabel');
    expect(styleXml(out.styles, 'DecisionLabel')).toContain('<w:b/>');
    const point = paras.find((p) => p.text === 'That the Communications Plan be considered in March;')!;
    expect(point.style).toBe('LetteredPoint');
    expect(point.xml).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(styleXml(out.styles, 'LetteredPoint')).toMatch(/<w:ind w:left="(\d+)" w:hanging="\d+"\/>/);
    // Minute headings hang their number too, and use the Heading 1 style.
    expect(paras.filter((p) => p.style === 'Heading1')).toHaveLength(5);
    expect(styleXml(out.styles, 'Heading1')).toMatch(/w:hanging="\d+"/);
  }, 60_000);

  it('lays the PRESENT names out as a two-column borderless table', async () => {
    const out = await readBack(await minutesToDocx(EVERY_BLOCK, STYLE));
    const tables = [...out.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(3);
    const rows = [...tables[0]!.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => paragraphs(m[0]).map((p) => p.text));
    // A header row names the columns for a screen reader.
    expect(rows).toEqual([
      ['Name', 'Role and organisation'],
      ['Cllr. L. Hart', 'Community Safety Partnership Strategy Group Chair – Kingsbridge District Council'],
      ['Supt. R. Ellery', 'Wessex Police'],
    ]);
    expect(tables[0]).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="none"/);
    expect(tables[0]!.match(/<w:gridCol /g)).toHaveLength(2);
  });

  it('ends with the closing line and a signature block kept together', async () => {
    const out = await readBack(await minutesToDocx(EVERY_BLOCK, STYLE));
    const paras = paragraphs(out.document);
    const closing = paras.findIndex((p) => p.text === 'The meeting closed at 12.05 pm.');
    expect(closing).toBeGreaterThan(0);
    const tail = paras.slice(closing + 1);
    expect(tail.map((p) => p.text)).toEqual(['\t', 'Chairman', 'Date \t']);
    expect(tail.every((p) => p.style === 'Signature')).toBe(true);
    expect(styleXml(out.styles, 'Signature')).toContain('<w:keepNext/>');
    expect(tail[0]!.xml).toMatch(/<w:tab w:val="right" w:pos="\d+" w:leader="dot"\/>/);
    expect(paras[closing]!.xml).toContain('<w:keepNext/>');
  });

  it('puts the body, the long date, DRAFT and "Page X of Y" (PAGE and NUMPAGES fields) on every page of a draft', async () => {
    const out = await readBack(await minutesToDocx(EVERY_BLOCK, STYLE));
    expect(out.headers).toContain('Wessex Safer Communities Board – Friday, 11 December 2026');
    expect(out.headers).toMatch(/<w:t[^>]*>DRAFT<\/w:t>/);
    expect(out.headers).toContain('string="DRAFT"'); // the watermark
    expect(out.footers).toMatch(/<w:t[^>]*>Page <\/w:t>/);
    expect(out.footers).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(out.footers).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    // One section, whose default header and footer are those parts.
    expect(out.document).toMatch(/<w:headerReference w:type="default"/);
    expect(out.document).toMatch(/<w:footerReference w:type="default"/);
  });

  it('has no DRAFT marking anywhere once approved', async () => {
    const bytes = await minutesToDocx({ ...EVERY_BLOCK, draft: false }, STYLE);
    const out = await readBack(bytes);
    expect(out.headers).toContain('Wessex Safer Communities Board – Friday, 11 December 2026');
    for (const part of [out.headers, out.footers, out.document, out.text, out.core]) expect(part).not.toMatch(/draft/i);
  });

  it('sets the title, author, description and language properties', async () => {
    const out = await readBack(await minutesToDocx(EVERY_BLOCK, STYLE));
    expect(out.core).toContain('<dc:title>Minutes of the Wessex Safer Communities Board, Friday, 11 December 2026</dc:title>');
    expect(out.core).toContain('<dc:creator>Wessex County Council</dc:creator>');
    expect(out.core).toContain('<dc:description>Draft minutes of the Wessex Safer Communities Board, Friday, 11 December 2026</dc:description>');
    const anonymous = await readBack(await minutesToDocx(EVERY_BLOCK, DEFAULT_HOUSE_STYLE_FULL));
    expect(anonymous.core).toContain('<dc:creator>Meeting Clerk</dc:creator>');
    // The council's name heads the page only when the house style has one.
    expect(paragraphs(out.document)[0]).toMatchObject({ style: 'CouncilName', text: 'Wessex County Council' });
    expect(paragraphs(anonymous.document)[0]!.style).toBe('Title');
  });

  it('marks exempt minutes on every page and in the title; public minutes carry no such marking', async () => {
    const exempt = { ...EVERY_BLOCK, part: 'exempt' } as MinutesDocument;
    const out = await readBack(await minutesToDocx(exempt, STYLE));
    expect(out.headers).toContain('EXEMPT – NOT FOR PUBLICATION');
    expect(out.core).toContain('<dc:title>EXEMPT – Minutes of the Wessex Safer Communities Board');
    const pub = await readBack(await minutesToDocx({ ...EVERY_BLOCK, part: 'public' } as MinutesDocument, STYLE));
    expect(pub.headers + pub.core + pub.text).not.toContain('EXEMPT');
  });

  it('puts the logo at the top of the first page, at its own proportions', async () => {
    const out = await readBack(await minutesToDocx(EVERY_BLOCK, { ...STYLE, logo: { mime: 'image/png', data: PNG_2x3 } }));
    expect(out.files.filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
    const first = paragraphs(out.document)[0]!;
    expect(first.xml).toContain('<w:drawing>');
    expect(first.xml).toContain('descr="Wessex County Council logo"');
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(first.xml)!;
    expect(Number(extent[2]) / Number(extent[1])).toBeCloseTo(1.5, 2);
    expect(imageSize(Buffer.from(PNG_2x3, 'base64'))).toEqual({ width: 2, height: 3 });
  });
});

describe('the decision sheet', () => {
  it('keeps the opening line and each minute that decided something, with its decisions only', () => {
    const sheet = decisionSheet(EVERY_BLOCK);
    expect(sheet.title).toBe('Decisions of the Wessex Safer Communities Board, Friday, 11 December 2026');
    expect(sheet.blocks.map((b) => b.type)).toEqual(['opening', 'minute-heading', 'decision', 'minute-heading', 'decision']);
    expect(sheet.blocks[0]).toMatchObject({ text: expect.stringMatching(/^Decisions of a meeting of the Wessex Safer Communities Board/) });
    expect(sheet.blocks.filter((b) => b.type === 'minute-heading').map((b) => b.number)).toEqual([18, 19]);
    expect(EVERY_BLOCK.blocks).toHaveLength(21); // the minutes themselves are untouched
  });

  it('writes only headings and decisions to Word', async () => {
    const bytes = await decisionSheetToDocx(EVERY_BLOCK, STYLE);
    const out = await readBack(bytes);
    expect(out.text).toMatch(/^18\.\tSafer Communities Performance/m);
    expect(officeText(bytes).split('\n')).toContain('(c)\tThat a report be submitted to the next meeting.');
    expect(out.text).not.toContain('Introductions');
    expect(out.text).not.toContain('Referrals had decreased.');
    expect(out.text).not.toContain('PRESENT');
    expect(out.core).toContain('<dc:title>Decisions of the Wessex Safer Communities Board');
  }, 60_000);
});

describe('the action log', () => {
  const log: ActionLogInput = {
    bodyName: 'Wessex Safer Communities Board',
    title: 'Wessex Safer Communities Board Action Log',
    rows: [
      { number: 1, date: '2020-06-26', action: 'Report on lessons learned.', owner: 'Sam Whitcombe', comments: 'For a future meeting.', status: 'Amber' },
      { number: 2, date: '2022-06-17', action: 'Arrange a site visit.', owner: 'Ade Lawal', comments: 'Postponed.', status: 'Red' },
      { number: 3, date: '2022-12-09', action: 'Circulate slides.', owner: 'Jo Clerk', comments: 'Circulated.', status: 'Green' },
      { number: 4, date: '2023-03-17', action: 'Invite the Regional Adviser.', owner: 'Jo Clerk', comments: 'Attended.', status: 'Complete' },
    ],
  };

  it('is a landscape A4 table with a repeated header row, dd/mm/yy dates and shaded statuses', async () => {
    const out = await readBack(await actionLogToDocx(log, STYLE));
    expect(out.document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const rows = [...out.document.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(paragraphs(rows[0]!).map((p) => p.text)).toEqual(['No.', 'Date', 'Action', 'Responsible Officer', 'Comments', 'Status']);
    expect(paragraphs(rows[2]!).map((p) => p.text)).toEqual(['2', '17/06/22', 'Arrange a site visit.', 'Ade Lawal', 'Postponed.', 'Red']);
    const fillOf = (row: string) => [...row.matchAll(/w:fill="([0-9A-F]{6})"/g)].map((m) => m[1]).at(-1);
    expect(rows.slice(1).map(fillOf)).toEqual(['FFC000', 'FF0000', '00B050', 'D9D9D9']);
    expect(out.text).toContain('Wessex Safer Communities Board Action Log');
    expect(out.core).toContain('<dc:title>Wessex Safer Communities Board Action Log</dc:title>');
    expect(out.footers).toMatch(/NUMPAGES/);
    expect(shortDate('2026-01-05')).toBe('05/01/26');
  });
});

describe('house style settings', () => {
  it('defaults to Arial 12, one-inch margins, "Chairman" and no logo', () => {
    expect(houseStyleSchema.parse({})).toEqual(DEFAULT_HOUSE_STYLE_FULL);
    expect(DEFAULT_HOUSE_STYLE_FULL).toMatchObject({ fontFamily: 'Arial', fontSize: 12, chairTitle: 'Chairman', logo: null });
  });

  it('refuses sizes, margins and logos out of range', () => {
    expect(houseStyleSchema.safeParse({ fontSize: 7 }).success).toBe(false);
    expect(houseStyleSchema.safeParse({ fontSize: 21 }).success).toBe(false);
    expect(houseStyleSchema.safeParse({ margins: { top: 61, right: 25, bottom: 25, left: 25 } }).success).toBe(false);
    expect(houseStyleSchema.safeParse({ chairTitle: 'Convenor' }).success).toBe(false);
    expect(houseStyleSchema.safeParse({ logo: { mime: 'image/jpeg', data: PNG_2x3 } }).success).toBe(false);
    expect(houseStyleSchema.safeParse({ logo: { mime: 'image/png', data: 'not base64!' } }).success).toBe(false);
    expect(houseStyleSchema.safeParse({ logo: { mime: 'image/png', data: PNG_2x3 } }).success).toBe(true);
    expect(houseStyleSchema.safeParse({ fontSize: 10.5, chairTitle: 'Chair' }).success).toBe(true);
  });
});

describe('LibreOffice', () => {
  it(
    'converts the minutes to a PDF with the opening line and "Page 1 of"',
    async () => {
      const dir = temp.makeDir('meeting-clerk-docx-');
      const file = join(dir, 'minutes.docx');
      writeFileSync(file, await minutesToDocx(EVERY_BLOCK, STYLE));
      // A profile of its own, so conversions can run side by side.
      const profile = temp.makeDir('meeting-clerk-soffice-');
      execFileSync(
        'soffice',
        [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file],
        { env: { ...process.env, HOME: profile }, stdio: 'pipe', timeout: 55_000 },
      );
      const text = execFileSync('pdftotext', [join(dir, 'minutes.pdf'), '-'], { encoding: 'utf8' });
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(
        'Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge on Friday, 11 December 2026.',
      );
      expect(flat).toMatch(/Page 1 of \d/);
      expect(flat).toContain('DRAFT');
      expect(flat).toContain('RESOLVED:');
      expect(readFileSync(join(dir, 'minutes.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    },
    60_000,
  );
});
