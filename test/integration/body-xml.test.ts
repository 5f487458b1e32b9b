/**
 * The minutes' body written straight to XML (electron/export/body-xml.ts)
 * against the docx library's own objects for the same body: document.xml and
 * numbering.xml must be the same bytes, for the three reference meetings
 * re-entered through the API, the demo meeting, the decision sheet, the
 * exempt minutes, and a document with every kind of block and awkward text.
 * Each file is also checked to be one the XML writer really wrote.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { bodyXml } from '../../electron/export/body-xml';
import { decisionSheetToDocx, metricsFor, minutesBody, minutesToDocx } from '../../electron/export/minutes-docx';
import { decisionSheet } from '../../shared/minutes/decision-sheet';
import { blocksFrom, buildMinutes, decisionBlock, listBlock, type MinutesDocument } from '../../shared/minutes/document';
import { DEFAULT_HOUSE_STYLE_FULL, type HouseStyle } from '../../shared/minutes/house-style';
import type { MeetingRecord } from '../../shared/model';
import { minuteByCalls, setUp, type Caller } from '../fidelity/enter';
import { NOTES } from '../fidelity/notes-index';
import { planMeeting } from '../fidelity/plan';
import { call } from '../helpers/api';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

async function parts(bytes: Buffer): Promise<{ document: string; numbering: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return { document: await zip.file('word/document.xml')!.async('string'), numbering: await zip.file('word/numbering.xml')!.async('string') };
}

/** Written both ways, the Word parts that hold the body are identical, and the XML writer did write it. */
async function expectSameBothWays(doc: MinutesDocument, style: HouseStyle, exemptParagraphs: number[] = []): Promise<string> {
  expect(bodyXml(minutesBody(doc, metricsFor(style), exemptParagraphs, false)), 'written by the XML writer').not.toBeNull();
  const fast = await parts(await minutesToDocx(doc, style, { exemptParagraphs }));
  const objects = await parts(await minutesToDocx(doc, style, { exemptParagraphs, bodyAsObjects: true }));
  expect(fast.document).toBe(objects.document);
  expect(fast.numbering).toBe(objects.numbering);
  return fast.document;
}

/** Not the default measures, so the widths and indents are worked out, not taken as they are. */
const STYLE: HouseStyle = { ...DEFAULT_HOUSE_STYLE_FULL, councilName: 'Northmoor Council', fontFamily: 'Georgia', fontSize: 13, margins: { top: 18, right: 22, bottom: 25, left: 27 } };

/** Every kind of block, lists of every style and bracket, and text that XML must escape or cannot hold. */
const AWKWARD: MinutesDocument = {
  title: 'Minutes of the Northmoor Licensing Committee, 20 May 2026',
  bodyName: 'Northmoor Licensing Committee',
  meetingDate: '2026-05-20',
  draft: true,
  part: 'public',
  blocks: [
    ...blocksFrom([
      { type: 'opening', text: 'Minutes of a meeting of the "Board" & its <guests> held at O\'Neill House.' },
      { type: 'lettered', style: 'alpha', items: ['A point before any minute.', ''] },
      { type: 'section-heading', text: 'PRESENT' },
      { type: 'chair', text: 'Mrs D. Taylor CC (in the Chair)' },
      { type: 'name-list', rows: [{ name: 'Cllr. L. Hart', detail: '' }, { name: 'Supt. R. Ellery & Co', detail: 'Wessex Police <North>' }] },
      { type: 'paragraph', text: 'After the table, with a control character \u0007 dropped and {braces} kept.' },
      { type: 'section-heading', text: 'Officers' },
      { type: 'name-list', rows: [{ name: 'Jo Clerk', detail: 'Democratic Services Officer' }] },
      { type: 'decision', label: 'RESOLVED', resolutions: ['A decision before any minute.'] },
      { type: 'minute-heading', number: 17, agendaNumber: 1, text: 'Introductions' },
      { type: 'paragraph', text: 'The following points were noted:' },
      { type: 'lettered', style: 'roman', items: ['Roman one.', 'Roman two.'] },
      { type: 'paragraph', text: 'A paragraph between the points.' },
    ]),
    listBlock(['Roman three, carrying on.'], 'roman', 2, true),
    listBlock(['Numbered one.'], 'number'),
    listBlock(['A bullet.'], 'bullet'),
    { type: 'minute-heading', number: 18, agendaNumber: 2, mark: '', text: 'A minute printed with no number' },
    decisionBlock('RESOLVED', ['Numbered.', 'Numbered again.'], 'number'),
    decisionBlock('AGREED', ['Closed.', 'Closed again.'], 'roman', 'close'),
    // Printed on one line with its label, as imported minutes had it.
    { ...(decisionBlock('RESOLVED', ['That the report be noted.']) as Extract<MinutesDocument['blocks'][number], { type: 'decision' }>), heading: 'RESOLVED –', runOn: true },
    { type: 'decision', label: 'NOTED', heading: 'NOTED – the report.', resolutions: ['A resolution with no marker.'], markers: [''] },
    { type: 'minute-heading', number: 19, agendaNumber: 3, mark: '19A.', text: 'A minute with its own mark\tand a tab' },
    { type: 'paragraph', text: '' },
    { type: 'closing', text: 'The meeting closed at 12.05 pm.' },
    { type: 'signature', chairTitle: 'Chair & Vice-Chair' },
  ],
};

describe('the body written as XML is what the docx library writes', () => {
  it('for every kind of block, every list style, and text XML must escape or cannot hold', async () => {
    const document = await expectSameBothWays(AWKWARD, STYLE);
    expect(document).toContain('the &quot;Board&quot; &amp; its &lt;guests&gt; held at O&apos;Neill House.');
    expect(document).toContain('{braces} kept');
    expect(document).not.toContain('\u0007');
  });

  it('for the exempt minutes and the decision sheet', async () => {
    await expectSameBothWays({ ...AWKWARD, part: 'exempt', draft: false }, STYLE, [1, 3]);
    const sheet = decisionSheet(AWKWARD);
    expect(bodyXml(minutesBody(sheet, metricsFor(STYLE), [], false))).not.toBeNull();
    const fast = await parts(await decisionSheetToDocx(AWKWARD, STYLE));
    const objects = await parts(await minutesToDocx(sheet, STYLE, { bodyAsObjects: true }));
    // The decision sheet's own description differs from the minutes', but not the body.
    expect(fast.document).toBe(objects.document);
  });

  it('falls back to the docx library for a minute whose title is a page-number field name, and prints the same', async () => {
    const doc: MinutesDocument = { ...AWKWARD, blocks: [{ type: 'minute-heading', number: 1, agendaNumber: 1, text: 'CURRENT' }] };
    expect(bodyXml(minutesBody(doc, metricsFor(STYLE), [], false))).toBeNull();
    const fast = await parts(await minutesToDocx(doc, STYLE));
    const objects = await parts(await minutesToDocx(doc, STYLE, { bodyAsObjects: true }));
    expect(fast.document).toBe(objects.document);
  });

  it('for the demo meeting as the export builds it', async () => {
    const { services } = createTempStore(temp);
    const { meetingId } = call(services, 'demo.load', {});
    const record = call(services, 'meetings.get', { meetingId }) as MeetingRecord;
    const style = record.body.houseStyle;
    await expectSameBothWays(buildMinutes(record, { style }), style);
  });

  for (const notes of NOTES) {
    it(`for the ${notes.reference} reference minutes re-entered through the API`, async () => {
      const { services } = createTempStore(temp);
      const caller: Caller = async (name, input) => call(services, name, input);
      const plan = planMeeting(notes);
      const set = await setUp(caller, plan);
      await minuteByCalls(caller, plan, set);
      const record = call(services, 'meetings.get', { meetingId: set.meetingId }) as MeetingRecord;
      const style = record.body.houseStyle;
      await expectSameBothWays(buildMinutes(record, { style }), style);
    }, 120_000);
  }
});
