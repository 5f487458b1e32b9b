/**
 * Minute headings and numbers other councils print, through the contract (issue 18) on a real SQLite file: a town
 * council's minutes with headings printed without a number before "Cou/285/07-08 Apologies for absence. Apologies were
 * …", and a parish council's "PC/23/045": read, corrected as the preview lets the clerk, saved, exported as Word (real
 * .docx bytes read back by LibreOffice) with the numbers and words as printed, read back from that Word file, and
 * continued by the next meeting in the same form. Fixtures are fictional, in real councils' layouts (their README).
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFile, PastMinutesPreview } from '../../shared/contract';
import { createServices, type Services } from '../../electron/services';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import { DEFAULT_HOUSE_STYLE_FULL } from '../../shared/minutes/house-style';
import { minutesToHtml } from '../../shared/minutes/html';
import { call } from '../helpers/api';
import { officeText } from '../helpers/office-text';
import { countRows, createTempStore, openTrackedStore } from '../helpers/store';
import { migrations } from '../../electron/store/migrations';
import { APPLICATION_ID } from '../../electron/store/open-store';
import { useTempDirs } from '../helpers/temp';
import { compareWords, linesOf, wordsOf } from '../helpers/fidelity';

const temp = useTempDirs();
const PAST = join(import.meta.dirname, '..', 'fixtures', 'past-minutes');

async function read(services: Services, bodyId: number, source: { kind: 'text'; text: string } | { kind: 'docx'; base64: string }): Promise<PastMinutesPreview> {
  const result = await services.call('import.readPastMinutes', { bodyId, source });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PastMinutesPreview;
}
async function word(services: Services, meetingId: number): Promise<Buffer> {
  const result = await services.call('exports.build', { meetingId, document: 'minutes' });
  if (!result.ok) throw new Error(result.error.message);
  return Buffer.from((result.value as ExportedFile).base64, 'base64');
}
/** The Word text's lines, trimmed, the tab after a number a space. */
const lines = (text: string) => text.split('\n').map((l) => l.replace(/\t/g, ' ').trim()).filter(Boolean);

describe('a town council’s minutes: unnumbered headings, then “Cou/285/07-08 Apologies for absence. Apologies were …”', () => {
  const TEXT = readFileSync(join(PAST, 'town-prefixed-numbers.txt'), 'utf8');

  it('saves the unnumbered minutes without numbers, exports every number and word as printed, and the next meeting continues in that form', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Market Town Council', yearStartMonth: 5 }).id;
    const preview = await read(services, bodyId, { kind: 'text', text: TEXT });
    const saved = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'town-prefixed-numbers.txt' }] });
    const record = call(services, 'meetings.get', { meetingId: saved.meetingIds[0]! });
    expect(record.items.map((i) => [i.title, i.unnumbered === true])).toEqual([
      ["Chair's announcements", true],
      ['Public participation', true],
      ['Apologies for absence.', false],
      ['Declarations of interest', false],
      ['MINUTES', false],
      ['Christmas lights', false],
      ['Date of next meeting.', false],
    ]);
    expect(record.firstMinuteNumber).toBe(285);
    expect(call(services, 'bodies.get', { bodyId }).minuteNumberForm).toBe('Cou/{n}/{yy}-{yy+1}');
    // The numbering kept beside the frozen record says which items take no number.
    const kept = JSON.parse(store.db.prepare('SELECT items FROM frozen_numbering WHERE meeting_id = ?').pluck().get(record.id) as string) as { unnumbered?: boolean }[];
    expect(kept.map((i) => i.unnumbered === true)).toEqual([true, true, false, false, false, false, false]);

    const text = lines(officeText(await word(services, record.id)));
    const at = (l: string) => text.indexOf(l);
    // The unnumbered headings print their titles alone, before the numbered minutes; each word on a heading's line is its first paragraph.
    expect(at("Chair's announcements")).toBeGreaterThan(0);
    expect(text[at("Chair's announcements") + 1]).toBe('The Chair thanked the volunteers who had cleared the leaves from the churchyard paths in December.');
    expect(at('Public participation')).toBeGreaterThan(at("Chair's announcements"));
    expect(text.filter((l) => /^Cou\/\d+\/07-08 /.test(l))).toEqual([
      'Cou/285/07-08 Apologies for absence.',
      'Cou/286/07-08 Declarations of interest',
      'Cou/287/07-08 MINUTES',
      'Cou/288/07-08 Christmas lights',
      'Cou/290/07-08 Date of next meeting.',
    ]);
    expect(at('Cou/285/07-08 Apologies for absence.')).toBeGreaterThan(at('Public participation'));
    expect(text[at('Cou/285/07-08 Apologies for absence.') + 1]).toBe('Apologies were received from Cllr N. Oakes and Cllr P. Reed.');
    expect(text[at('Cou/287/07-08 MINUTES') + 1]).toBe('The minutes of the meeting held on 10 December 2007 were approved as a correct record and signed by the Chair.');
    expect(text.join('\n')).not.toMatch(/Cou\/(284|289)\//);

    // The next meeting of the municipal year carries on after 290, in the body's own form.
    const next = call(services, 'meetings.create', { bodyId, date: '2008-02-11', startTime: '19:30', venue: 'Corn Exchange', standardItems: true });
    const nextRecord = call(services, 'meetings.get', { meetingId: next.id });
    expect(nextRecord.firstMinuteNumber).toBe(291);
    expect(minutesToText(buildMinutes(nextRecord))).toMatch(/^Cou\/291\/07-08 /m);

    // Search cites a numbered minute by its number; an unnumbered one is found by its words.
    expect(call(services, 'search.minutes', { query: 'Market Cross' }).map((h) => h.minuteNumber)).toEqual([288]);
    expect(call(services, 'search.minutes', { query: 'churchyard paths' }).map((h) => h.date)).toEqual(['2008-01-14']);
  }, 90_000);

  it('reads its own Word export back with the same numbers, the unnumbered minutes and the form', async () => {
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Market Town Council', yearStartMonth: 5 }).id;
    const preview = await read(services, bodyId, { kind: 'text', text: TEXT });
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds;
    const bytes = await word(services, id!);

    const again = createTempStore(temp).services;
    const againBody = call(again, 'bodies.create', { name: 'Wessex Market Town Council', yearStartMonth: 5 }).id;
    const fromWord = (await read(again, againBody, { kind: 'docx', base64: bytes.toString('base64') })).meeting;
    expect(fromWord.minutes.map((m) => [m.number, m.unnumbered === true])).toEqual(preview.meeting.minutes.map((m) => [m.number, m.unnumbered === true]));
    expect(fromWord.numberForm).toBe('Cou/{n}/{yy}-{yy+1}');
    const [againId] = call(again, 'import.savePastMinutes', { bodyId: againBody, meetings: [{ meeting: fromWord, firstMinuteNumber: null, source: 'minutes.docx' }] }).meetingIds;
    expect(minutesToText(buildMinutes(call(again, 'meetings.get', { meetingId: againId! })))).toBe(minutesToText(buildMinutes(call(services, 'meetings.get', { meetingId: id! }))));
  }, 90_000);

  it('saves the numbers as the clerk corrected them in the preview: the gap closed, a heading marked unnumbered; a number out of order is refused', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Market Town Council', yearStartMonth: 5 }).id;
    const { meeting } = await read(services, bodyId, { kind: 'text', text: TEXT });
    const out = { ...meeting, minutes: meeting.minutes.map((m) => ({ ...m })) };
    out.minutes[6]!.number = 289;
    const before = countRows(store.db);
    const refused = await services.call('import.savePastMinutes', {
      bodyId,
      meetings: [{ meeting: { ...out, minutes: out.minutes.map((m, i) => (i === 3 ? { ...m, number: 299 } : m)) }, firstMinuteNumber: null, source: 'pasted text' }],
    });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/numbered 285 then 299: each minute's number must follow the one before/);
    expect(countRows(store.db)).toEqual(before);

    // "MINUTES" was printed as a heading of its own, with no number (the clerk says so): the ones after it number on.
    out.minutes[4] = { ...out.minutes[4]!, number: null, unnumbered: true };
    out.minutes[5]!.number = 287;
    out.minutes[6]!.number = 288;
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: out, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds;
    const text = lines(officeText(await word(services, id!)));
    expect(text.filter((l) => /^Cou\/\d+\/07-08 /.test(l))).toEqual([
      'Cou/285/07-08 Apologies for absence.',
      'Cou/286/07-08 Declarations of interest',
      'Cou/287/07-08 Christmas lights',
      'Cou/288/07-08 Date of next meeting.',
    ]);
    expect(text).toContain('MINUTES');
  }, 90_000);
});

describe('a parish council’s minutes numbered “PC/23/045”', () => {
  it('exports each number with its noughts, as printed, and a body’s form can be set and refused through the contract', async () => {
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Little Wessex Parish Council', yearStartMonth: 5 }).id;
    const { meeting } = await read(services, bodyId, { kind: 'text', text: readFileSync(join(PAST, 'parish-pc-numbers.txt'), 'utf8') });
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting, firstMinuteNumber: null, source: 'parish-pc-numbers.txt' }] }).meetingIds;
    const text = lines(officeText(await word(services, id!)));
    expect(text.filter((l) => /^PC\/23\/\d{3} /.test(l))).toEqual([
      'PC/23/045 Election of Chair.',
      'PC/23/046 Apologies for absence:',
      'PC/23/047 MINUTES',
      "PC/23/048 Repairs to St. Mary's Church wall.",
      'PC/23/049 Planning applications',
    ]);
    expect(text[text.indexOf('PC/23/045 Election of Chair.') + 1]).toBe('It was proposed, seconded and AGREED that Cllr A. Brown be elected Chair of the Council for 2023/24.');

    const body = call(services, 'bodies.get', { bodyId });
    expect(body.minuteNumberForm).toBe('PC/{yy}/{nnn}');
    const changed = call(services, 'bodies.update', { bodyId, patch: { minuteNumberForm: 'FC {n}/{yy}' } });
    expect(changed.minuteNumberForm).toBe('FC {n}/{yy}');
    const refused = await services.call('bodies.update', { bodyId, patch: { minuteNumberForm: 'PC/{yy}' } });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/A form of minute numbers is an optional prefix of letters/);
    // The imported meeting still prints as it was frozen, in the form of its own minutes.
    expect(minutesToText(buildMinutes(call(services, 'meetings.get', { meetingId: id! })))).toMatch(/^PC\/23\/045 /m);
  }, 90_000);
});

describe('the migration that lets a body’s form carry a prefix, and an item print without a number', () => {
  const step = migrations.find((m) => /prefix of its own/.test(m.description))!;

  it('keeps each body’s form, then takes a prefixed one and refuses one with no number part; items stay numbered', () => {
    const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
    const old = new Database(file);
    for (const m of migrations.filter((m) => m.version < step.version)) old.exec(m.sql);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.pragma(`user_version = ${step.version - 1}`);
    const at = '2020-01-01T00:00:00.000Z';
    const body = old.prepare(
      `INSERT INTO body (id, name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum, year_start_month, decision_label, created_at, updated_at, minute_number_form)
       VALUES (?, ?, 'Council', 1, 0, 1, 5, 'RESOLVED', ?, ?, ?)`,
    );
    body.run(1, 'Melton Parish Council', at, at, '{yy}.{n}');
    body.run(2, 'Audit Committee', at, at, '{n}.');
    old.prepare(`INSERT INTO meeting (id, body_id, date, start_time, venue, mode, contact_officer, created_at, updated_at) VALUES (1, 1, '2021-05-05', '19:00', 'Zoom', 'teams', '', ?, ?)`).run(at, at);
    old.prepare(`INSERT INTO agenda_item (id, meeting_id, position, title, presenter, papers, exempt, exempt_paragraph) VALUES (1, 1, 0, 'Election of Chair', '', '', 0, NULL)`).run();
    old.close();

    const store = openTrackedStore(temp, file);
    const db = store.db;
    expect(db.prepare('SELECT id, minute_number_form AS form FROM body ORDER BY id').all()).toEqual([
      { id: 1, form: '{yy}.{n}' },
      { id: 2, form: '{n}.' },
    ]);
    expect(db.prepare('SELECT unnumbered FROM agenda_item WHERE id = 1').pluck().get()).toBe(0);
    db.prepare("UPDATE body SET minute_number_form = 'PC/{yy}/{nnn}' WHERE id = 2").run();
    expect(db.prepare('SELECT minute_number_form FROM body WHERE id = 2').pluck().get()).toBe('PC/{yy}/{nnn}');
    expect(() => db.prepare("UPDATE body SET minute_number_form = 'PC/' WHERE id = 2").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE agenda_item SET unnumbered = 2 WHERE id = 1').run()).toThrow(/CHECK constraint failed/);
    const services = createServices(store);
    expect(call(services, 'meetings.get', { meetingId: 1 }).body.minuteNumberForm).toBe('{yy}.{n}');
  });
});

describe('a parish council’s minutes under headings with no numbers (fixture parish-headed-minutes.txt)', () => {
  it('saves the headings as minutes without numbers; the Word export has the printed words from the first heading on, and reads back the same', async () => {
    const TEXT = readFileSync(join(PAST, 'parish-headed-minutes.txt'), 'utf8');
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Holmsworth Parish Council', yearStartMonth: 5 }).id;
    const preview = await read(services, bodyId, { kind: 'text', text: TEXT });
    const saved = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'parish-headed-minutes.txt' }] });
    const record = call(services, 'meetings.get', { meetingId: saved.meetingIds[0]! });
    expect(record.items.map((i) => [i.title, i.unnumbered === true])).toEqual([
      ['Minutes:', true],
      ['Matters Arising:', true],
      ['Planning:', true],
      ['Payments:', true],
      ['Correspondence', true],
      ['Any Other Business:', true],
    ]);
    const bytes = await word(services, record.id);
    const exported = linesOf(officeText(bytes));
    const printed = linesOf(TEXT);
    // From the first heading on, without the signature: the Chairman's welcome, printed above it, is the first minute's first words.
    const from = (l: readonly string[], first: string) => l.slice(l.findIndex((x) => x.startsWith(first)));
    const published = from(printed, 'Minutes: It was proposed');
    // The app's signature lines, after the words printed after the close, are not in the published text.
    const ours = from(exported, 'Minutes:').filter((l) => !/^(Chairman|Date)$/.test(l));
    // The Chairman's welcome, printed between the attendance and the first heading, is printed there again.
    const welcome = exported.indexOf('The Chairman opened the meeting and welcomed Mrs. Tate to her first meeting.');
    expect(welcome).toBeGreaterThan(exported.findIndex((l) => /^PRESENT/i.test(l)));
    expect(welcome).toBeLessThan(exported.indexOf('Minutes:'));
    expect(record.wording?.preamble).toBe('The Chairman opened the meeting and welcomed Mrs. Tate to her first meeting.');
    const cmp = compareWords(wordsOf(published), wordsOf(ours));
    console.log(`parish-headed-minutes: ${(cmp.similarity * 100).toFixed(1)} % of words the same`, JSON.stringify(cmp.differences.slice(0, 8)));
    expect(cmp.similarity).toBeGreaterThanOrEqual(0.99);
    // The closing line as printed, not in the app's form, and "Parish Clerk" after it, as printed, then the app's signature lines.
    expect(exported.slice(exported.indexOf('The meeting closed at 8.40p.m.'))).toEqual(['The meeting closed at 8.40p.m.', 'Parish Clerk', 'Chairman', 'Date']);
    expect(record.wording?.afterClose).toBe('Parish Clerk');
    expect(exported.join('\n')).not.toMatch(/^\d+\.\s+(Minutes|Planning)/m);
    // Read back from its own Word file: the same headings, still without numbers.
    const other = createTempStore(temp).services;
    const otherBody = call(other, 'bodies.create', { name: 'Holmsworth Parish Council', yearStartMonth: 5 }).id;
    const again = await read(other, otherBody, { kind: 'docx', base64: bytes.toString('base64') });
    expect(again.meeting.minutes.map((m) => [m.title, m.number])).toEqual(record.items.map((i) => [i.title, null]));
    expect(again.meeting.afterClose?.[0]).toBe('Parish Clerk');
  }, 90_000);

  it('prints the signature, the clerk’s title and name printed after the close after it again, without the app’s signature lines beside them', async () => {
    const after = ['Signed ……………………… Chairman', 'Date ……………………', 'Parish Clerk', 'Jane Smith'];
    const TEXT = readFileSync(join(PAST, 'parish-headed-minutes.txt'), 'utf8').replace('Parish Clerk', after.join('\n\n'));
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Holmsworth Parish Council', yearStartMonth: 5 }).id;
    const preview = await read(services, bodyId, { kind: 'text', text: TEXT });
    expect(preview.meeting.afterClose).toEqual(after);
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'signed.txt' }] }).meetingIds;
    const exported = linesOf(officeText(await word(services, id!)));
    // Every word from the first heading to the end, as printed: nothing before the close moved, nothing added after it.
    const from = (l: readonly string[]) => l.slice(l.findIndex((x) => x.startsWith('Minutes:')));
    const cmp = compareWords(wordsOf(from(linesOf(TEXT))), wordsOf(from(exported)));
    console.log(`parish-headed-minutes signed: ${(cmp.similarity * 100).toFixed(1)} % of words the same`, JSON.stringify(cmp.differences.slice(0, 8)));
    expect(cmp.similarity).toBe(1);
    expect(exported.slice(exported.indexOf('The meeting closed at 8.40p.m.'))).toEqual(['The meeting closed at 8.40p.m.', ...after]);
  }, 90_000);
});

describe('a ModernGov minutes document printing each minute’s number below its heading (fixture moderngov-number-below.txt)', () => {
  const TEXT = readFileSync(join(PAST, 'moderngov-number-below.txt'), 'utf8');

  it('saves “01/22” as the minute’s number, exports “1. Election of Chairman” then “01/22” with the printed words, and the next meeting numbers on in that form', async () => {
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Vale Licensing Committee', yearStartMonth: 5 }).id;
    const preview = await read(services, bodyId, { kind: 'text', text: TEXT });
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'moderngov-number-below.txt' }] }).meetingIds;
    expect(call(services, 'bodies.get', { bodyId }).minuteNumberForm).toBe('{a}.\n{nn}/{yy}');
    expect(call(services, 'meetings.get', { meetingId: id! }).firstMinuteNumber).toBe(1);

    const bytes = await word(services, id!);
    const text = lines(officeText(bytes));
    expect(text[text.indexOf('1. Election of Chairman') + 1]).toBe('01/22');
    expect(text[text.indexOf('5. Review of the Statement of Licensing Policy') + 1]).toBe('05/22');
    // The web page and the text print it there too.
    const doc = buildMinutes(call(services, 'meetings.get', { meetingId: id! }));
    expect(minutesToHtml(doc, DEFAULT_HOUSE_STYLE_FULL)).toMatch(/<span class="number">1\.<\/span> Election of Chairman<\/h2>\s*<p class="minute-number">01\/22<\/p>/);
    expect(minutesToText(doc)).toContain('1. Election of Chairman\n\n01/22\n\nRESOLVED\n\nThat Cllr Hartley');
    // The words from the first minute on, as printed (ModernGov's item markers aside), the signature block aside.
    const from = (l: readonly string[]) => l.slice(l.indexOf('1. Election of Chairman'));
    const published = from(lines(TEXT)).filter((l) => !/^<\/?AI\d+>$/.test(l));
    const ours = from(text).filter((l) => !/^(Chairman|Date|\.+)$/.test(l));
    const cmp = compareWords(wordsOf(published), wordsOf(ours));
    console.log(`moderngov-number-below: ${(cmp.similarity * 100).toFixed(1)} % of words the same`, JSON.stringify(cmp.differences.slice(0, 8)));
    expect(cmp.similarity).toBe(1);

    // The next meeting of the municipal year carries on at 06/22, printed below its first heading.
    const next = call(services, 'meetings.create', { bodyId, date: '2022-07-14', startTime: '10:00', venue: 'Council Chamber', standardItems: true });
    const nextText = minutesToText(buildMinutes(call(services, 'meetings.get', { meetingId: next.id }))).split('\n\n');
    const first = nextText.findIndex((l) => /^1\. /.test(l));
    expect(first).toBeGreaterThan(0);
    expect(nextText[first + 1]).toBe('06/22');

    // Read back from its own Word file: the same numbers and form.
    const other = createTempStore(temp).services;
    const otherBody = call(other, 'bodies.create', { name: 'Wessex Vale Licensing Committee', yearStartMonth: 5 }).id;
    const again = await read(other, otherBody, { kind: 'docx', base64: bytes.toString('base64') });
    expect(again.meeting.minutes.map((m) => m.number)).toEqual([1, 2, 3, 4, 5]);
    expect(again.meeting.numberForm).toBe('{a}.\n{nn}/{yy}');
  }, 90_000);
});

describe('minutes whose opening line gives the date without its year', () => {
  const text = (opening: string) =>
    [
      opening,
      'Present: Cllr R. Lanning (Chairman), Cllr G. Orme and Cllr D. Whitcombe.',
      '1. Minutes',
      'The minutes of the meeting held on 12 July 2021 were approved as a correct record.',
      '2. Planning',
      'No applications had been received.',
      'The meeting closed at 8.40 pm.',
    ].join('\n\n');

  it('takes the year the minutes name, says so in the preview, and saves the meeting on that date; with nothing to name it, refuses and saves nothing', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Holmsworth Parish Council', yearStartMonth: 5 }).id;
    const preview = await read(services, bodyId, { kind: 'text', text: text('Minutes of a meeting of the Holmsworth Parish Council held at the Village Hall on 13th September at 7.30 pm') });
    expect(preview.meeting.date).toBe('2021-09-13');
    expect(preview.meeting.warnings.some((w) => /no year \(“13th September”\): Monday, 13 September 2021 was taken/.test(w))).toBe(true);
    const [id] = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds;
    expect(call(services, 'meetings.get', { meetingId: id! }).date).toBe('2021-09-13');

    const before = countRows(store.db);
    const refused = await services.call('import.readPastMinutes', { bodyId, source: { kind: 'text', text: text('Minutes of a meeting of the Holmsworth Parish Council held at the Village Hall on 14th October at 7.30 pm').replace(' held on 12 July 2021', '') } });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(/^The minutes’ date has no year \(“14th October”\), and nothing else in them names it .*add the year to the date in the opening line/);
    expect(countRows(store.db)).toEqual(before);
  }, 90_000);
});
