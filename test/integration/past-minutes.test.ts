/**
 * Past minutes brought in through the contract (issue 18), on a real SQLite
 * file: each reference read (import.readPastMinutes, nothing saved), saved
 * (import.savePastMinutes: confirmed, locked, marked imported), exported as
 * Word (real .docx bytes read back by LibreOffice) and compared word by word
 * with the published text from the first minute on; imported again from that
 * Word file, the words still match. Then a new meeting continues the
 * numbering and cites the last date, and search finds the imported words.
 * Bad input is refused with a clear message and no row changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFile, PastMinutesPreview } from '../../shared/contract';
import type { Services } from '../../electron/services';
import { READINGS, type ReferenceMeeting } from '../fixtures/reference/readings';
import { describeFidelity, fidelity } from '../helpers/fidelity';
import { call } from '../helpers/api';
import { officeText } from '../helpers/office-text';
import { countRows, createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import { minutesToHtml } from '../../shared/minutes/html';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MinutesPreview } from '../../renderer/src/components/MinutesPreview';
import { hugeSingleRunDocx, nestedTablesDocx, zipBombDocx } from '../helpers/hostile-docx';

const temp = useTempDirs();
const REFERENCE = join(import.meta.dirname, '..', 'fixtures', 'reference');
const PAST = join(import.meta.dirname, '..', 'fixtures', 'past-minutes');
const THRESHOLD = 0.99;

/** Each reference: the text pasted (the 2022 minutes inside the agenda pack they were printed in), and the published minutes compared with. */
const SOURCES: { reference: ReferenceMeeting; pasted: string; firstMinute: number }[] = [
  { reference: '2020-12-11', pasted: join(REFERENCE, '2020-12-11-minutes.txt'), firstMinute: 17 },
  // The web page shows no minute numbers: the clerk gives the first (the page's meeting began at 29).
  { reference: '2021-09-24', pasted: join(REFERENCE, '2021-09-24-minutes.txt'), firstMinute: 29 },
  { reference: '2022-06-17', pasted: join(PAST, '2022-12-09-agenda-pack.txt'), firstMinute: 1 },
];

async function asyncCall<T>(services: Services, name: string, input: unknown): Promise<T> {
  const result = await services.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

async function asyncError(services: Services, name: string, input: unknown): Promise<string> {
  const result = await services.call(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error.message;
}

function boardOf(services: Services): number {
  return call(services, 'bodies.create', { name: 'Leicestershire Safer Communities Strategy Board', yearStartMonth: 5 }).id;
}

async function exportWord(services: Services, meetingId: number): Promise<Buffer> {
  const file = await asyncCall<ExportedFile>(services, 'exports.build', { meetingId, document: 'minutes' });
  return Buffer.from(file.base64, 'base64');
}

describe('past minutes: read, saved as confirmed, exported with the published words', () => {
  for (const source of SOURCES) {
    it(`${source.reference}: imported from text and exported as Word, the words match`, async () => {
      const { services } = createTempStore(temp);
      const bodyId = boardOf(services);
      const text = readFileSync(source.pasted, 'utf8');
      const preview = await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text } });
      expect(preview.meeting.date).toBe(source.reference);
      const saved = call(services, 'import.savePastMinutes', {
        bodyId,
        meetings: [{ meeting: preview.meeting, firstMinuteNumber: source.firstMinute, source: 'pasted text' }],
      });
      const record = call(services, 'meetings.get', { meetingId: saved.meetingIds[0]! });
      expect(record.minutesStatus).toBe('confirmed');
      expect(record.importedFrom).toBe('pasted text');
      expect(record.firstMinuteNumber).toBe(source.firstMinute);

      const bytes = await exportWord(services, record.id);
      const published = readFileSync(join(REFERENCE, `${source.reference}-minutes.txt`), 'utf8');
      const report = fidelity(source.reference, published, READINGS[source.reference], officeText(bytes), source.firstMinute);
      console.log(describeFidelity(report, 12));
      expect(report.structure.difference, 'minute numbers, labels and lettering').toBeNull();
      expect(report.similarity).toBeGreaterThanOrEqual(THRESHOLD);

      // Imported again from its own Word export (into another body's file), it reads the same words.
      const again = createTempStore(temp).services;
      const againBody = boardOf(again);
      const fromWord = await asyncCall<PastMinutesPreview>(again, 'import.readPastMinutes', { bodyId: againBody, source: { kind: 'docx', base64: bytes.toString('base64') } });
      expect(fromWord.meeting.minutes.map((m) => m.number)).toEqual(record.items.map((_, i) => source.firstMinute + i));
      const savedAgain = call(again, 'import.savePastMinutes', { bodyId: againBody, meetings: [{ meeting: fromWord.meeting, firstMinuteNumber: null, source: 'minutes.docx' }] });
      const first = minutesToText(buildMinutes(record));
      const second = minutesToText(buildMinutes(call(again, 'meetings.get', { meetingId: savedAgain.meetingIds[0]! })));
      expect(second).toBe(first);
    }, 120_000);
  }

  it('after the 2020 and 2021 minutes, a new meeting continues their numbers and cites the last date; search finds their words', async () => {
    const { services } = createTempStore(temp);
    const bodyId = boardOf(services);
    const read = async (file: string) =>
      (await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text: readFileSync(join(REFERENCE, file), 'utf8') } })).meeting;
    const december = await read('2020-12-11-minutes.txt');
    const september = await read('2021-09-24-minutes.txt');
    call(services, 'import.savePastMinutes', {
      bodyId,
      meetings: [
        { meeting: december, firstMinuteNumber: null, source: '2020-12-11-minutes.txt' },
        { meeting: september, firstMinuteNumber: 29, source: '2021-09-24-minutes.txt' },
      ],
    });
    // The web page's 14 minutes from 29 end at 42; the next meeting of the municipal year starts at 43.
    const next = call(services, 'meetings.create', { bodyId, date: '2021-12-10', startTime: '10:00', venue: 'County Hall', standardItems: true });
    const record = call(services, 'meetings.get', { meetingId: next.id });
    expect(record.firstMinuteNumber).toBe(29 + september.minutes.length);
    expect(record.previousMeeting?.date).toBe('2021-09-24');
    const minutes = minutesToText(buildMinutes(record));
    expect(minutes).toContain('24 September 2021');

    const fromDecember = call(services, 'search.minutes', { query: 'Leicestershire Matters and Social media to publicise car thefts' });
    expect(fromDecember.map((h) => h.date)).toContain('2020-12-11');
    const fromSeptember = call(services, 'search.minutes', { query: 'BBC docudrama called Doing Money' });
    expect(fromSeptember.map((h) => h.date)).toContain('2021-09-24');
  }, 60_000);
});

describe('past minutes with a gap in their numbers (a minute left out of the published minutes)', () => {
  const GAPPED = [
    'Minutes of a meeting of the Audit Committee held at County Hall on Friday, 11 December 2020.',
    'Present:',
    'Councillor J. Smith (in the Chair)',
    '1. Apologies for absence',
    'There were no apologies.',
    '2. Minutes of the previous meeting',
    'The minutes were agreed as a true record.',
    '4. Internal audit progress',
    'The Committee noted the progress of the quarrying compliance review.',
    '5. Date of next meeting',
    'RESOLVED:',
    'That the next meeting be held on 12 March 2021.',
  ].join('\n');

  it('keeps the printed numbers 1, 2, 4, 5 in the Word export, the next meeting continues at 6, and search cites minute 4', async () => {
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Audit Committee', yearStartMonth: 5 }).id;
    const preview = await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text: GAPPED } });
    expect(preview.meeting.minutes.map((m) => m.number)).toEqual([1, 2, 4, 5]);
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds;

    const word = officeText(await exportWord(services, id!));
    const headings = [...word.matchAll(/^\s*(\d+)\.\s+(Apologies for absence|Minutes of the previous meeting|Internal audit progress|Date of next meeting)\s*$/gm)].map((m) => `${m[1]}. ${m[2]}`);
    expect(headings).toEqual(['1. Apologies for absence', '2. Minutes of the previous meeting', '4. Internal audit progress', '5. Date of next meeting']);
    expect(word).not.toMatch(/^\s*3\.\s/m);

    // The municipal year runs from May: the meeting of March 2021 is in the same year, and continues after the last printed number.
    const next = call(services, 'meetings.create', { bodyId, date: '2021-03-12', startTime: '10:00', venue: 'County Hall', standardItems: true });
    expect(call(services, 'meetings.get', { meetingId: next.id }).firstMinuteNumber).toBe(6);

    const hits = call(services, 'search.minutes', { query: 'quarrying' });
    expect(hits.map((h) => [h.meetingId, h.minuteNumber, h.itemTitle])).toEqual([[id, 4, 'Internal audit progress']]);
  }, 60_000);
});

describe('past minutes whose decisions print their label’s line, then lettered or numbered resolutions', () => {
  const LETTERED = [
    'MINUTES of the meeting of the PLANNING COMMITTEE held in the Council Chamber, Borchester House on Tuesday, 10 March 2026 at 7.00 pm',
    '',
    'PRESENT: Councillor J Archer (Chairman); Councillors B Aldridge and S Pargetter.',
    '',
    '31. LOCAL PLAN REVIEW',
    '',
    'The Head of Planning introduced the report.',
    '',
    'RESOLVED – That:',
    '',
    '(a) the report be noted;',
    '',
    '(b) the Head of Planning report back in June 2026.',
    '',
    '32. AMBRIDGE VILLAGE GREEN',
    '',
    'RESOLVED: That the Committee:-',
    '(1) notes the timetable;',
    '(2) agrees the consultation draft.',
    '',
    '33. FOOTPATH DIVERSION ORDER',
    '',
    'RESOLVED – That: (a) the order be made; and (b) the Clerk notify the landowners.',
    '',
    'The meeting closed at 8.05 pm.',
  ].join('\n');

  it('imports each as a decision and exports it to Word with the label’s line and its resolutions word for word', async () => {
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Planning Committee', yearStartMonth: 5 }).id;
    const preview = await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text: LETTERED } });
    expect(preview.meeting.minutes.map((m) => m.blocks.map((b) => b.type))).toEqual([['paragraph', 'decision'], ['decision'], ['decision']]);
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds;

    const lines = officeText(await exportWord(services, id!)).split('\n').map((l) => l.trim()).filter(Boolean);
    const after = (first: string, count: number) => {
      const at = lines.indexOf(first);
      expect(at, `“${first}” in the Word export`).toBeGreaterThan(-1);
      return lines.slice(at, at + count);
    };
    expect(after('RESOLVED – That:', 3)).toEqual(['RESOLVED – That:', '(a)\tthe report be noted;', '(b)\tthe Head of Planning report back in June 2026.']);
    // Numbered as printed, "(1)", "(2)": not lettered again.
    expect(after('RESOLVED: That the Committee:-', 3)).toEqual(['RESOLVED: That the Committee:-', '(1)\tnotes the timetable;', '(2)\tagrees the consultation draft.']);
    // Run on after the label on one line, the resolutions print on lines of their own with the same words and markers.
    const runOn = lines.lastIndexOf('RESOLVED – That:');
    expect(lines.slice(runOn - 1, runOn + 3)).toEqual(['33.\tFOOTPATH DIVERSION ORDER', 'RESOLVED – That:', '(a)\tthe order be made; and', '(b)\tthe Clerk notify the landowners.']);
    // No word is added: the label is not printed a second time, nor is a “That” put before each resolution.
    expect(lines.filter((l) => /^RESOLVED/.test(l))).toEqual(['RESOLVED – That:', 'RESOLVED: That the Committee:-', 'RESOLVED – That:']);
  }, 60_000);
});

describe('minutes numbered paragraph by paragraph, with numbered, lettered and roman decisions (numbered-paragraphs.txt, in the layout of Brighton & Hove City Council’s Policy & Resources Committee minutes; see the fixtures README)', () => {
  /** The words from the first minute to the close, as a reader compares them: spacing, case and a stop or comma after a word aside. */
  const words = (text: string, first: string, last: RegExp) => {
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const from = lines.findIndex((l) => l.replace(/^(\d+)\.?\s+/, '$1 ') === first);
    const to = lines.findIndex((l, i) => i > from && last.test(l));
    expect(from, `“${first}” found`).toBeGreaterThan(-1);
    expect(to, `${last} found after it`).toBeGreaterThan(from);
    return lines
      .slice(from, to)
      .join(' ')
      .split(/\s+/)
      .map((w) => w.toLowerCase().replace(/[.,;:]+$/, ''))
      .filter(Boolean);
  };

  it('imports through the services, saves it frozen with each decision’s style, and re-exports Word with the same words', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Policy & Resources Committee', yearStartMonth: 5 }).id;
    const text = readFileSync(join(PAST, 'numbered-paragraphs.txt'), 'utf8');
    const preview = await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text } });
    const decisionsOf = (p: PastMinutesPreview) =>
      p.meeting.minutes.flatMap((m) => m.blocks.filter((b) => b.type === 'decision').map((b) => [m.number, b.intro, b.style ?? 'alpha', b.bracket ?? 'both', b.resolutions.length]));
    const decisions = decisionsOf(preview);
    expect(decisions).toEqual([
      [1, '1.4 RESOLVED:', 'alpha', 'both', 1],
      [2, '2.1 RESOLVED:', 'alpha', 'both', 1],
      [4, '4.3 RESOLVED – That:', 'alpha', 'both', 2],
      [5, '5.2 RESOLVED: That the Committee –', 'number', 'both', 3],
      [6, '6.2 RESOLVED:', 'roman', 'close', 2],
      [7, '7.1 RESOLVED:', 'alpha', 'both', 1],
    ]);
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'numbered-paragraphs.txt' }] }).meetingIds;

    // The frozen record (imported meetings are stored confirmed) carries the style on the resolutions.
    const frozen = store.db.prepare('SELECT record FROM frozen_record WHERE meeting_id = ?').get(id) as { record: string };
    const resolutions = (JSON.parse(frozen.record) as { entries: { kind: string; text: string; style: string | null; bracket?: string }[] }).entries.filter((e) => e.kind === 'resolution');
    expect(resolutions.filter((e) => e.style === 'number').map((e) => e.text)).toEqual([
      'Notes the provisional outturn position for the General Fund;',
      'Approves the carry forward requests set out in Appendix 3; and',
      'Notes the position of the Housing Revenue Account.',
    ]);
    expect(resolutions.filter((e) => e.style === 'roman' && e.bracket === 'close')).toHaveLength(2);

    const bytes = await exportWord(services, id!);
    const word = officeText(bytes);
    const lines = word.split('\n').map((l) => l.trim()).filter(Boolean);
    // Printed on one line with its label, as read: in Word, on the web page and in the preview alike.
    expect(lines).toContain('1.4 RESOLVED: That the agenda be taken in the order printed.');
    const record = call(services, 'meetings.get', { meetingId: id! });
    const doc = buildMinutes(record, { style: record.body.houseStyle });
    expect(minutesToHtml(doc, record.body.houseStyle)).toContain('<p><span class="decision-label">1.4 RESOLVED:</span> That the agenda be taken in the order printed.</p>');
    const drawn = renderToStaticMarkup(createElement(MinutesPreview, { doc }));
    expect(drawn.replace(/<!-- -->/g, '')).toContain('<p class="minutes-paragraph"><strong>1.4 RESOLVED:</strong> That the agenda be taken in the order printed.</p>');
    expect(lines).toContain('1.1 Declarations of Substitutes: Councillor Snell was present in substitution for Councillor Horrobin.');
    const at = lines.indexOf('5.2 RESOLVED: That the Committee –');
    expect(lines.slice(at, at + 4)).toEqual([
      '5.2 RESOLVED: That the Committee –',
      '(1)\tNotes the provisional outturn position for the General Fund;',
      '(2)\tApproves the carry forward requests set out in Appendix 3; and',
      '(3)\tNotes the position of the Housing Revenue Account.',
    ]);
    const roman = lines.indexOf('6.2 RESOLVED:');
    expect(lines.slice(roman + 1, roman + 3).map((l) => l.split(/\s/)[0])).toEqual(['i)', 'ii)']);
    // Word for word from the first minute to the close, markers and paragraph numbers included.
    expect(words(word, '1 Procedural Business', /^The meeting closed at/)).toEqual(words(text, '1 Procedural Business', /^The meeting closed at/));

    // Read again from its own Word export, the decisions and their styles are the same.
    const again = await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', { bodyId, source: { kind: 'docx', base64: bytes.toString('base64') } });
    expect(decisionsOf(again)).toEqual(decisions);
  }, 120_000);
});

describe('other councils’ house styles import without error, every minute number found', () => {
  // Each minute's number as read, and as the export prints it (a parish numbering within the year keeps the year: 21.44, 70/17).
  for (const [file, body, numbers, printed] of [
    ['moderngov-numbered-page.txt', 'Licensing Committee', [1, 2, 3, 4, 5], (n: number) => `${n}.`],
    ['parish-council-minutes.txt', 'Ambridge Parish Council', [44, 45, 46, 47], (n: number) => `21.${n}`],
    ['parish-slash-numbered.txt', 'Loxley Barrett Parish Council', [70, 71, 72, 73, 74, 75, 76], (n: number) => `${n}/17`],
    ['parish-inline-attendance.txt', 'Brambleford Parish Council', [1, 2, 3, 4, 5], (n: number) => `${n}.`],
    ['parish-two-line-opening.md', 'Ashcombe Parish Council', [1, 2, 3], (n: number) => `${n}.`],
  ] as const) {
    it(file, async () => {
      const { services } = createTempStore(temp);
      const bodyId = call(services, 'bodies.create', { name: body }).id;
      const preview = await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text: readFileSync(join(PAST, file), 'utf8') } });
      expect(preview.meeting.minutes.map((m) => m.number)).toEqual(numbers);
      const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: file }] }).meetingIds;
      const text = minutesToText(buildMinutes(call(services, 'meetings.get', { meetingId: id! })));
      for (const [i, n] of numbers.entries()) expect(text).toContain(`${printed(n)} ${preview.meeting.minutes[i]!.title}`);
    });
  }
});

describe('past minutes: bad input refused, nothing saved', () => {
  it('an agenda, text that is not minutes, minutes of another body, damaged and encrypted files, and a meeting imported twice', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = boardOf(services);
    const before = countRows(store.db);
    const agenda = readFileSync(join(REFERENCE, '2022-12-09-agenda.txt'), 'utf8');
    expect(await asyncError(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text: agenda } })).toMatch(/looks like an agenda, not minutes/);
    expect(await asyncError(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text: 'Shopping list\nEggs\nMilk' } })).toMatch(/does not look like minutes/);
    const other = readFileSync(join(REFERENCE, '2020-12-11-minutes.txt'), 'utf8').replace('Leicestershire Safer Communities Strategy Board', 'Borsetshire Planning Committee');
    expect(await asyncError(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text: other } })).toMatch(/minutes of the Borsetshire Planning Committee, not of the Leicestershire/);
    const notWord = Buffer.from('%PDF-1.4 scanned pages').toString('base64');
    expect(await asyncError(services, 'import.readPastMinutes', { bodyId, source: { kind: 'docx', base64: notWord } })).toMatch(/Word|PDF/);
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]).toString('base64');
    expect(await asyncError(services, 'import.readPastMinutes', { bodyId, source: { kind: 'docx', base64: damaged } })).toMatch(/could not be read|damaged/);
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le')]).toString('base64');
    expect(await asyncError(services, 'import.readPastMinutes', { bodyId, source: { kind: 'docx', base64: encrypted } })).toMatch(/password/);
    expect(countRows(store.db)).toEqual(before);

    // Saving: one meeting of two refused (a gap in its numbers), so neither is saved.
    const december = (await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', {
      bodyId,
      source: { kind: 'text', text: readFileSync(join(REFERENCE, '2020-12-11-minutes.txt'), 'utf8') },
    })).meeting;
    const june = (await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text: readFileSync(join(PAST, '2022-12-09-agenda-pack.txt'), 'utf8') } })).meeting;
    const gap = { ...june, minutes: june.minutes.map((m, i) => (i === 3 ? { ...m, number: 9 } : m)) };
    const refused = services.dispatch('import.savePastMinutes', {
      bodyId,
      meetings: [
        { meeting: december, firstMinuteNumber: null, source: 'a' },
        { meeting: gap, firstMinuteNumber: null, source: 'b' },
      ],
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/numbered 3 then 9/);
    expect(countRows(store.db)).toEqual(before);

    call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: december, firstMinuteNumber: null, source: 'a' }] });
    const twice = services.dispatch('import.savePastMinutes', { bodyId, meetings: [{ meeting: december, firstMinuteNumber: null, source: 'a' }] });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toMatch(/already has a meeting on Friday, 11 December 2020/);
  }, 60_000);

  it('hostile Word files (a zip bomb, tables nested thousands deep, one enormous run) are refused in the guarded worker', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = boardOf(services);
    const before = countRows(store.db);
    const docx = (bytes: Buffer) => ({ bodyId, source: { kind: 'docx', base64: bytes.toString('base64') } });
    expect(await asyncError(services, 'import.readPastMinutes', docx(zipBombDocx(400)))).toMatch(/too large to read/);
    expect(await asyncError(services, 'import.readPastMinutes', docx(nestedTablesDocx(20_000)))).toMatch(/does not look like minutes|could not be read/);
    expect(await asyncError(services, 'import.readPastMinutes', docx(hugeSingleRunDocx(8)))).toMatch(/does not look like minutes|took longer|more memory/);
    expect(countRows(store.db)).toEqual(before);
    // The worker is still there for the next file.
    const ok = await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', { bodyId, source: { kind: 'text', text: readFileSync(join(REFERENCE, '2020-12-11-minutes.txt'), 'utf8') } });
    expect(ok.meeting.minutes).toHaveLength(12);
  }, 120_000);

  it('an imported meeting is locked like approved minutes', async () => {
    const { services } = createTempStore(temp);
    const bodyId = boardOf(services);
    const meeting = (await asyncCall<PastMinutesPreview>(services, 'import.readPastMinutes', {
      bodyId,
      source: { kind: 'text', text: readFileSync(join(REFERENCE, '2020-12-11-minutes.txt'), 'utf8') },
    })).meeting;
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting, firstMinuteNumber: null, source: 'a' }] }).meetingIds;
    const record = call(services, 'meetings.get', { meetingId: id! });
    const change = services.dispatch('agendaItems.update', { itemId: record.items[0]!.id, patch: { title: 'Changed' } });
    expect(change.ok).toBe(false);
    if (!change.ok) expect(change.error.code).toBe('locked');
  });
});
