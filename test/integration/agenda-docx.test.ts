import { agendaItem as item, agendaValue as value, refusal as message } from '../helpers/import';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agendaHtmlToText, MAX_DOCX_BYTES, readAgendaDocx } from '../../electron/import/agenda-docx';
import type { ParsedAgenda, ParsedAgendaItem } from '../../shared/import/agenda-text';
import type { ImportResult } from '../../shared/import/decode';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '..', 'fixtures', 'import', name));



/** What scripts/make-import-fixtures.ts put in every .docx agenda. */
const DOCX_AGENDA: ParsedAgendaItem[] = [
  item(1, 'Appointment of Chairman', { standardKind: 'appointment_chair' }),
  item(2, 'Appointment of Deputy Chairman', { standardKind: 'appointment_deputy' }),
  item(3, 'Introductions and apologies', { standardKind: 'introductions' }),
  item(4, 'Minutes of previous meeting', { papers: 'Pages 3 - 10', standardKind: 'previous_minutes' }),
  item(5, 'Matters arising', { standardKind: 'matters_arising' }),
  item(6, 'Partnership Action Log', { papers: 'Pages 11 - 12', standardKind: 'action_log' }),
  item(7, 'Declarations of interest', { standardKind: 'declarations' }),
  item(8, 'Night-Time Economy and Street Safety Update', {
    papers: 'Pages 13 - 24',
    presenter: 'This report will be presented by Tobias Arkwright, Community Safety Manager, Ashdown County Council.',
  }),
  item(9, 'Domestic Abuse Support Services', {
    papers: 'Pages 25 - 30',
    presenter: 'A presentation will be given by Priya Venkataraman, Chief Executive, Riverside Trust.',
  }),
  item(10, 'Any other business', { standardKind: 'other_business' }),
  item(11, 'Dates of future meetings', { standardKind: 'next_meeting' }),
  item(12, 'Exclusion of the Press and Public', { standardKind: 'exclusion' }),
  item(13, 'Commissioning of Victim Support Services', { papers: 'Pages 31 - 40', exempt: true, exemptParagraph: 3 }),
];

describe('readAgendaDocx: the fixture agendas', () => {
  it('reads typed item numbers', async () => {
    const agenda = value(await readAgendaDocx(fixture('agenda-typed-numbers.docx')));
    expect(agenda.items).toEqual(DOCX_AGENDA);
    expect(agenda.warnings).toEqual([]);
  });

  it('gives Word auto-numbered items their numbers back, across the presenter lines that split the list', async () => {
    const bytes = fixture('agenda-auto-numbered.docx');
    // The numbers really are not in the document's text.
    const raw = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(raw).toContain('Appointment of Chairman.');
    expect(raw).not.toMatch(/\b1\.\s*Appointment/);
    const agenda = value(await readAgendaDocx(bytes));
    expect(agenda.items).toEqual(DOCX_AGENDA);
    expect(agenda.warnings).toEqual([]);
  });

  it('reads an agenda laid out as a table of number, business and pages', async () => {
    const agenda = value(await readAgendaDocx(fixture('agenda-table.docx')));
    expect(agenda.items).toEqual(DOCX_AGENDA);
  });

  it('accepts a Uint8Array as well as a Buffer', async () => {
    const bytes = new Uint8Array(fixture('agenda-typed-numbers.docx'));
    expect(value(await readAgendaDocx(bytes)).items).toHaveLength(13);
  });
});

describe('agendaHtmlToText', () => {
  it('numbers top-level list items on from a typed number, leaves bullets and nested items unnumbered', () => {
    const html =
      '<p>Agenda</p><ol><li>Apologies</li><li>Minutes</li></ol><p>Papers attached.</p><ol><li>Budget<ol><li>Revenue</li></ol></li></ol>' +
      '<p>7. Police update</p><ol><li>Other business &amp; close</li></ol><ul><li>Note this</li></ul>';
    expect(agendaHtmlToText(html).split('\n')).toEqual([
      'Agenda',
      '1. Apologies',
      '2. Minutes',
      'Papers attached.',
      '3. Budget',
      'Revenue',
      '7. Police update',
      '8. Other business & close',
      'Note this',
    ]);
  });
});

describe('readAgendaDocx: bad files get a clear message', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses an empty file', async () => {
    expect(message(await readAgendaDocx(Buffer.alloc(0)))).toBe('The Word document is empty.');
  });

  it('refuses a text file, an old .doc and a PDF', async () => {
    expect(message(await readAgendaDocx(Buffer.from('1. Apologies\n2. Minutes\n')))).toBe(
      'This is not a Word document. Choose the agenda saved as a Word .docx file, or paste the agenda as text.',
    );
    const doc = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(message(await readAgendaDocx(doc))).toBe(
      'This is an older Word .doc file. Open it in Word and save it as a .docx, or paste the agenda as text.',
    );
    expect(message(await readAgendaDocx(Buffer.from('%PDF-1.7\n%\xe2\xe3')))).toBe(
      'This is a PDF, not a text file. Choose the agenda saved as a Word .docx file, or paste the agenda as text.',
    );
  });

  it('refuses a corrupt or truncated .docx', async () => {
    const good = fixture('agenda-typed-numbers.docx');
    expect(message(await readAgendaDocx(good.subarray(0, 2000)))).toBe(
      'The Word document could not be read. It may be damaged or not a .docx file.',
    );
    const scrambled = Buffer.from(good);
    scrambled.fill(0x5a, 40, scrambled.length);
    expect(message(await readAgendaDocx(scrambled))).toBe(
      'The Word document could not be read. It may be damaged or not a .docx file.',
    );
  });

  it('refuses a zip with no Word document inside', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    expect(message(await readAgendaDocx(bytes))).toBe(
      'The Word document could not be read. It is a zip file but has no Word document inside (it may be an Excel or PowerPoint file).',
    );
  });

  it('refuses a Word document with no text, or with no numbered items', async () => {
    const blank = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] }));
    expect(message(await readAgendaDocx(blank))).toBe('The Word document contains no text.');
    const letter = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Dear colleague,'), new Paragraph('Please see attached.')] }] }),
    );
    expect(message(await readAgendaDocx(letter))).toBe(
      'No numbered agenda items were found. Each item should start with its number, for example "1. Apologies for absence".',
    );
  });

  it('refuses a 50 MB file on its size alone, without handing it to mammoth', async () => {
    const convert = vi.spyOn(mammoth, 'convertToHtml');
    const huge = Buffer.alloc(50 * 1024 * 1024);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    expect(message(await readAgendaDocx(huge))).toBe(
      'The Word document is 50 MB, over the 20 MB limit for imports. Check that you chose the right file.',
    );
    expect(convert).not.toHaveBeenCalled();
    // The spy is live: a real document does go through it.
    await readAgendaDocx(fixture('agenda-typed-numbers.docx'));
    expect(convert).toHaveBeenCalledTimes(1);
    expect(MAX_DOCX_BYTES).toBe(20 * 1024 * 1024);
  });
});
