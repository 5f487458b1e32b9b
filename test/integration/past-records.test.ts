/**
 * Past minutes' words that record something (issue 18), placed as records
 * beside the words on a real SQLite file: remote attendance and whom a
 * substitute stood in for (attendance rows), a declaration of interest
 * (person, item, nature, category, what they did), each minute's agenda
 * reference, and the exclusion of the public (the minute after it exempt
 * under the paragraph cited). The Word export (real .docx read back by
 * LibreOffice) still prints the words as read, each once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFile, PastMinutesPreview } from '../../shared/contract';
import type { Services } from '../../electron/services';
import { buildMinutes } from '../../shared/minutes/document';
import { minutesToHtml } from '../../shared/minutes/html';
import { call } from '../helpers/api';
import { officeText } from '../helpers/office-text';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

/** Written for this test (a fictional parish council), in the layout of printed minutes. */
const MINUTES = [
  'Minutes of a meeting of the Wessex Parish Council held at the Village Hall on Tuesday, 14 March 2023 at 7.00 pm.',
  'PRESENT:',
  'Cllr A. Brown (in the Chair)',
  'Cllr C. Dean\tWessex District Council (attended remotely)',
  'Cllr E. Fox (substitute for Cllr B. Green)',
  'Officers:',
  'Ms J. Hart\tClerk to the Council',
  'Apologies:',
  'Cllr H. Irving',
  '1. Declarations of interest',
  'Cllr C. Dean declared a disclosable pecuniary interest in agenda item 3 as the owner of land next to the site, and left the meeting for that item.',
  'Cllr Z. Nobody declared that this sentence names no one present.',
  '2. Minutes of the previous meeting',
  'RESOLVED:',
  'That the minutes of the meeting held on 14 February 2023 be confirmed.',
  '3. Planning application 23/0042',
  "The Council considered the application, marked 'Agenda Item 3', for two houses on land off Mill Lane.",
  'RESOLVED:',
  'That the Council objects to the application.',
  '4. Exclusion of the press and public',
  'RESOLVED:',
  'That under Section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act.',
  '5. Grounds maintenance contract',
  'The Council considered the tenders received for the grounds maintenance contract.',
  'The meeting closed at 8.15 pm.',
].join('\n');

async function read(services: Services, bodyId: number, text = MINUTES): Promise<PastMinutesPreview> {
  const result = await services.call('import.readPastMinutes', { bodyId, source: { kind: 'text', text } });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PastMinutesPreview;
}

const count = (text: string, words: string) => text.replace(/\s+/g, ' ').split(words).length - 1;

describe('past minutes: what the words record, placed as records', () => {
  it('remote attendance, a substitute, a declaration, agenda references and the exclusion are read, saved as records, and printed once as read', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Parish Council', yearStartMonth: 5 }).id;
    const m = (await read(services, bodyId)).meeting;

    expect(m.attendance.present).toEqual([
      { name: 'Cllr C. Dean', detail: 'Wessex District Council (attended remotely)', remote: true },
      { name: 'Cllr E. Fox', detail: '(substitute for Cllr B. Green)', substituteFor: 'Cllr B. Green' },
    ]);
    const declared = m.minutes[0]!.blocks;
    expect(declared[0]).toEqual({
      type: 'paragraph',
      text: 'Cllr C. Dean declared a disclosable pecuniary interest in agenda item 3 as the owner of land next to the site, and left the meeting for that item.',
      declaration: {
        person: 'Cllr C. Dean',
        minute: 2,
        nature: 'declared a disclosable pecuniary interest in agenda item 3 as the owner of land next to the site, and left the meeting for that item.',
        category: 'dpi',
        action: 'left_no_part',
      },
    });
    // A name not in the attendance: the words stay a plain paragraph, nothing dropped.
    expect(declared[1]).toEqual({ type: 'paragraph', text: 'Cllr Z. Nobody declared that this sentence names no one present.' });
    expect(m.minutes.map((x) => [x.agendaRef, x.exempt])).toEqual([[null, null], [null, null], [3, null], [null, null], [null, 3]]);
    expect(m.warnings.join(' ')).toMatch(/The public were excluded at “Exclusion of the press and public”: the minute after it is kept as exempt \(paragraph 3 of Schedule 12A\)/);

    const saved = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: m, firstMinuteNumber: null, source: 'pasted text' }] });
    const meetingId = saved.meetingIds[0]!;
    const db = store.db;
    const rows = db
      .prepare(
        `SELECT mb.name, a.remote, sub.name AS substitute_for, a.status FROM attendance a JOIN member mb ON mb.id = a.member_id
         LEFT JOIN member sub ON sub.id = a.substitute_for_member_id WHERE a.meeting_id = ? ORDER BY a.position`,
      )
      .all(meetingId);
    expect(rows).toEqual([
      { name: 'Cllr A. Brown', remote: 0, substitute_for: null, status: 'present' },
      { name: 'Cllr C. Dean', remote: 1, substitute_for: null, status: 'present' },
      { name: 'Cllr E. Fox', remote: 0, substitute_for: 'Cllr B. Green', status: 'present' },
      { name: 'Cllr H. Irving', remote: 0, substitute_for: null, status: 'apologies' },
    ]);
    // The member stood in for is a member of the body.
    expect(call(services, 'bodies.get', { bodyId }).members.map((x) => x.name)).toContain('Cllr B. Green');
    expect(
      db
        .prepare(
          `SELECT mb.name, i.title, d.category, d.nature, d.action, d.at_item FROM declaration d JOIN attendance a ON a.id = d.attendance_id
           JOIN member mb ON mb.id = a.member_id JOIN agenda_item i ON i.id = d.agenda_item_id WHERE d.meeting_id = ?`,
        )
        .all(meetingId),
    ).toEqual([
      {
        name: 'Cllr C. Dean',
        title: 'Planning application 23/0042',
        category: 'dpi',
        nature: 'declared a disclosable pecuniary interest in agenda item 3 as the owner of land next to the site, and left the meeting for that item.',
        action: 'left_no_part',
        at_item: 0,
      },
    ]);
    expect(db.prepare('SELECT title, papers, exempt, exempt_paragraph FROM agenda_item WHERE meeting_id = ? ORDER BY position').all(meetingId)).toEqual([
      { title: 'Declarations of interest', papers: '', exempt: 0, exempt_paragraph: null },
      { title: 'Minutes of the previous meeting', papers: '', exempt: 0, exempt_paragraph: null },
      { title: 'Planning application 23/0042', papers: 'Agenda Item 3', exempt: 0, exempt_paragraph: null },
      { title: 'Exclusion of the press and public', papers: '', exempt: 0, exempt_paragraph: null },
      { title: 'Grounds maintenance contract', papers: '', exempt: 1, exempt_paragraph: 3 },
    ]);

    // Printed as read: each sentence and note once, nothing composed from the records added.
    const file = (await services.call('exports.build', { meetingId, document: 'minutes' })) as { ok: true; value: ExportedFile };
    expect(file.ok).toBe(true);
    const text = officeText(Buffer.from(file.value.base64, 'base64'));
    expect(count(text, 'Cllr C. Dean declared a disclosable pecuniary interest in agenda item 3')).toBe(1);
    expect(count(text, '(attended remotely)')).toBe(1);
    expect(count(text, 'substitute for Cllr B. Green')).toBe(1);
    // The exempt minute is left out of the public minutes, as a live meeting's is: its heading and that it was taken in private.
    expect(count(text, 'The Council considered the tenders received for the grounds maintenance contract.')).toBe(0);
    expect(count(text, 'This item was considered in private (exempt information under paragraph 3 of Schedule 12A to the Local Government Act 1972)')).toBe(1);
    expect(count(text, 'the public be excluded from the meeting for the following item of business')).toBe(1);
    expect(text).not.toMatch(/No declarations were made|The Chairman invited/);
    const exempt = await services.call('exports.build', { meetingId, document: 'exempt' });
    if (!exempt.ok) throw new Error(exempt.error.message);
    const exemptText = officeText(Buffer.from((exempt.value as ExportedFile).base64, 'base64'));
    expect(count(exemptText, 'The Council considered the tenders received for the grounds maintenance contract.')).toBe(1);
    expect(exemptText).not.toMatch(/objects to the application/);
  });

  it('the 2022 reference: the declaration read with its person and the agenda references of its minutes', async () => {
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Leicestershire Safer Communities Strategy Board', yearStartMonth: 5 }).id;
    const pack = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'past-minutes', '2022-12-09-agenda-pack.txt'), 'utf8');
    const m = (await read(services, bodyId, pack)).meeting;
    const declarations = m.minutes.flatMap((x) => x.blocks.flatMap((b) => (b.type === 'paragraph' && b.declaration ? [b.declaration] : [])));
    expect(declarations).toEqual([
      {
        person: 'Mr. N. Bannister CC',
        minute: null,
        nature: expect.stringMatching(/^declared that he was employed by the Crown Prosecution Service \(CPS\)/),
        category: null,
        action: 'not_recorded',
      },
    ]);
    expect(m.minutes.find((x) => x.title === 'LSCSB Action Log')!.agendaRef).toBe(4);
    expect(m.minutes.filter((x) => x.agendaRef !== null).map((x) => x.agendaRef)).toEqual([4, 9, 10, 11, 12, 13, 14, 15]);
  });
});

/** Written for this test (a fictional board): the public excluded in a minute not titled as an exclusion, two exempt minutes after it. */
const PRIVATE = [
  'Minutes of a meeting of the Wessex Estates Board held at County Hall on Thursday, 8 June 2023 at 2.00 pm.',
  'PRESENT:',
  'Mr A. Brown (in the Chair)',
  'Ms C. Dean',
  '21. Minutes of the previous meeting',
  'RESOLVED:',
  'That the minutes of the meeting held on 11 May 2023 be confirmed.',
  '22. Depot roof repairs',
  'The Board noted the report on the depot roof.',
  '23. Confidential business',
  'RESOLVED:',
  'That under Section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the remaining items of business on the grounds that they involve the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act.',
  '24. Sale of the old library',
  'The Board considered the offers received for the old library building.',
  'RESOLVED:',
  'That the highest offer be accepted.',
  '25. Staffing restructure',
  'The Board noted the proposed restructure of the estates team.',
  'The meeting closed at 3.40 pm.',
].join('\n');

describe('past minutes: an exclusion of the public', () => {
  it('keeps the minutes after it exempt: out of the public Word and HTML minutes, in the exempt minutes, numbers and the exclusion’s words as read', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Estates Board', yearStartMonth: 5 }).id;
    const m = (await read(services, bodyId, PRIVATE)).meeting;
    expect(m.minutes.map((x) => [x.number, x.exempt])).toEqual([[21, null], [22, null], [23, null], [24, 3], [25, 3]]);
    const meetingId = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: m, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds[0]!;
    expect(store.db.prepare('SELECT title, kind, exempt, exempt_paragraph FROM agenda_item WHERE meeting_id = ? ORDER BY position').all(meetingId)).toEqual([
      { title: 'Minutes of the previous meeting', kind: 'previous_minutes', exempt: 0, exempt_paragraph: null },
      { title: 'Depot roof repairs', kind: 'business', exempt: 0, exempt_paragraph: null },
      // The minute that excluded the public is the exclusion, so the numbering adds none of its own.
      { title: 'Confidential business', kind: 'exclusion', exempt: 0, exempt_paragraph: null },
      { title: 'Sale of the old library', kind: 'business', exempt: 1, exempt_paragraph: 3 },
      { title: 'Staffing restructure', kind: 'business', exempt: 1, exempt_paragraph: 3 },
    ]);

    const word = async (document: 'minutes' | 'exempt') => {
      const file = await services.call('exports.build', { meetingId, document });
      if (!file.ok) throw new Error(file.error.message);
      return officeText(Buffer.from((file.value as ExportedFile).base64, 'base64')).replace(/\s+/g, ' ');
    };
    const open = await word('minutes');
    const exclusionWords = 'the public be excluded from the meeting for the remaining items of business';
    // The exclusion printed once, as read (the app's own wording of it is not added).
    expect(count(open, exclusionWords)).toBe(1);
    expect(open).not.toMatch(/for the following items? of business on the grounds that/);
    expect(open).toMatch(/24\.? Sale of the old library This item was considered in private \(exempt information under paragraph 3 of Schedule 12A to the Local Government Act 1972\)\. 25/);
    expect(open).toMatch(/25\.? Staffing restructure This item was considered in private/);
    for (const secret of ['offers received for the old library', 'highest offer be accepted', 'restructure of the estates team']) expect(open).not.toContain(secret);
    expect(open).toMatch(/The meeting closed at 3\.40 pm/);

    const exempt = await word('exempt');
    expect(exempt).toMatch(/Exempt minutes of/);
    for (const secret of ['The Board considered the offers received for the old library building.', 'That the highest offer be accepted.', 'The Board noted the proposed restructure of the estates team.']) {
      expect(count(exempt, secret)).toBe(1);
    }
    expect(exempt).toMatch(/24\.? Sale of the old library/);
    expect(exempt).not.toContain('depot roof');
    expect(exempt).not.toContain(exclusionWords);

    // The published web page is made from the same frozen record: the exempt words are not in it.
    const record = call(services, 'meetings.get', { meetingId });
    const html = minutesToHtml(buildMinutes(record, { style: record.body.houseStyle }), record.body.houseStyle);
    expect(html).toContain('Sale of the old library');
    expect(html).not.toContain('highest offer');
    expect(html).toContain('This item was considered in private');
  });
});

/** Written for this test (a fictional parish council), in a parish council's layout: members listed as absent between Present and In attendance. */
const ABSENT = [
  'Minutes of a meeting of the Wessex Parish Council held at the Village Hall on Tuesday, 9 May 2023 at 7.00 pm.',
  'Present:',
  'Cllr A. Brown (Chair)',
  'Cllr C. Dean',
  'Absent:',
  'Cllr K. Lamb',
  'Cllr M. North',
  'In attendance:',
  'Ms J. Hart\tClerk to the Council',
  'Apologies:',
  'Cllr H. Irving',
  '1. Minutes of the previous meeting',
  'RESOLVED:',
  'That the minutes of the meeting held on 11 April 2023 be confirmed.',
].join('\n');

describe('past minutes: members listed as absent', () => {
  it('are read, shown, saved as absent and printed under “Absent” as the minutes printed them', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Parish Council', yearStartMonth: 5 }).id;
    const m = (await read(services, bodyId, ABSENT)).meeting;
    expect(m.attendance.absent).toEqual([
      { name: 'Cllr K. Lamb', detail: '' },
      { name: 'Cllr M. North', detail: '' },
    ]);
    expect(m.attendance.present.map((p) => p.name)).toEqual(['Cllr C. Dean']);
    expect(m.warnings.join(' ')).not.toMatch(/absent/i);
    const meetingId = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: m, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds[0]!;
    expect(
      store.db.prepare(`SELECT coalesce(mb.name, a.name) AS name, a.category, a.status FROM attendance a LEFT JOIN member mb ON mb.id = a.member_id WHERE a.meeting_id = ? ORDER BY a.position`).all(meetingId),
    ).toEqual([
      { name: 'Cllr A. Brown', category: 'member', status: 'present' },
      { name: 'Cllr C. Dean', category: 'member', status: 'present' },
      { name: 'Ms J. Hart', category: 'officer', status: 'present' },
      { name: 'Cllr H. Irving', category: 'member', status: 'apologies' },
      { name: 'Cllr K. Lamb', category: 'member', status: 'absent' },
      { name: 'Cllr M. North', category: 'member', status: 'absent' },
    ]);
    // Absent members are members of the body.
    expect(call(services, 'bodies.get', { bodyId }).members.map((x) => x.name)).toEqual(expect.arrayContaining(['Cllr K. Lamb', 'Cllr M. North']));
    const file = await services.call('exports.build', { meetingId, document: 'minutes' });
    if (!file.ok) throw new Error(file.error.message);
    const text = officeText(Buffer.from((file.value as ExportedFile).base64, 'base64')).replace(/\s+/g, ' ');
    expect(text).toMatch(/Apologies for absence (?:Name Role and organisation )?Cllr H\. Irving Absent (?:Name Role and organisation )?Cllr K\. Lamb Cllr M\. North 1\. Minutes/);
    expect(count(text, 'Cllr K. Lamb')).toBe(1);
  });

  it('“There were no absences” names no one: no one is saved as absent and its words are kept', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Parish Council', yearStartMonth: 5 }).id;
    const m = (await read(services, bodyId, ABSENT.replace('Cllr K. Lamb\nCllr M. North', 'There were no absences'))).meeting;
    expect(m.attendance.absent).toEqual([]);
    const meetingId = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: m, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds[0]!;
    expect(store.db.prepare(`SELECT count(*) AS n FROM attendance WHERE meeting_id = ? AND status = 'absent'`).get(meetingId)).toEqual({ n: 0 });
    const file = await services.call('exports.build', { meetingId, document: 'minutes' });
    if (!file.ok) throw new Error(file.error.message);
    const text = officeText(Buffer.from((file.value as ExportedFile).base64, 'base64')).replace(/\s+/g, ' ');
    expect(count(text, 'There were no absences')).toBe(1);
    expect(text).not.toMatch(/\bAbsent\b/);
  });
});

/** Written for this test (a fictional parish council): declarations naming members otherwise than the attendance does. */
const DECLARING = [
  'Minutes of a meeting of the Wessex Parish Council held at the Village Hall on Tuesday, 13 June 2023 at 7.00 pm.',
  'Present:',
  'Cllr A. Brown (Chair)',
  'Cllr Mrs K. Brown',
  'Cllr C. Dean',
  'Councillor Peter Quill',
  '1. Declarations of interest',
  'Councillor Christopher Dean declared an other registrable interest in item 2 as a trustee of the village hall.',
  'Cllr Quill also declared a non-registrable interest in item 2 as a regular user of the hall.',
  'Cllr Brown declared an interest in item 2 as a neighbour of the hall.',
  '2. Village hall lease',
  'RESOLVED:',
  'That the lease be renewed for five years.',
].join('\n');

describe('past minutes: a declaration names the member otherwise than the attendance', () => {
  it('is matched to that member (title, given name, surname alone); a name two members could have stays words only', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Parish Council', yearStartMonth: 5 }).id;
    const m = (await read(services, bodyId, DECLARING)).meeting;
    const blocks = m.minutes[0]!.blocks;
    expect(blocks.map((b) => (b.type === 'paragraph' ? (b.declaration?.person ?? null) : 'other'))).toEqual(['Cllr C. Dean', 'Councillor Peter Quill', null]);
    const meetingId = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: m, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds[0]!;
    expect(
      store.db
        .prepare(
          `SELECT mb.name, i.title, d.category, d.at_item FROM declaration d JOIN attendance a ON a.id = d.attendance_id JOIN member mb ON mb.id = a.member_id
           LEFT JOIN agenda_item i ON i.id = d.agenda_item_id WHERE d.meeting_id = ? ORDER BY mb.name`,
        )
        .all(meetingId),
    ).toEqual([
      // "item 2" is not an agenda reference these minutes cite, so the item is not guessed.
      { name: 'Cllr C. Dean', title: null, category: 'other_registrable', at_item: 0 },
      { name: 'Councillor Peter Quill', title: null, category: 'non_registrable', at_item: 0 },
    ]);
    // Each sentence printed once, as read, the ambiguous one too.
    const file = await services.call('exports.build', { meetingId, document: 'minutes' });
    if (!file.ok) throw new Error(file.error.message);
    const text = officeText(Buffer.from((file.value as ExportedFile).base64, 'base64')).replace(/\s+/g, ' ');
    for (const line of DECLARING.split('\n').slice(7, 10)) expect(count(text, line)).toBe(1);
  });
});

/** Written for this test: officers under "In attendance", a guest heading, and a PRESENT line the body knows as its clerk. */
const PEOPLE = [
  'Minutes of a meeting of the Wessex Parish Council held at the Village Hall on Tuesday, 11 April 2023 at 7.00 pm.',
  'Present:',
  'Cllr A. Brown (Chair)',
  'Cllr Christopher Dean',
  'Ms J. Hart\tClerk to the Council',
  'Cllr P. Quill',
  'In attendance:',
  'Mr R. Tucker\tLocum Clerk',
  'Two members of the public',
  'Guests:',
  'PCSO S. Ward\tWessex Police',
  '1. Apologies for absence',
  'There were none.',
].join('\n');

describe('past minutes: people kept in their roles', () => {
  it('officers and guests are not made members; the clerk’s choices in the preview (another member, an officer) are saved', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Parish Council', yearStartMonth: 5 }).id;
    const dean = call(services, 'members.create', { bodyId, name: 'Cllr C. Dean', role: '', organisation: '' });
    // The body already knows its clerk as an officer (from an earlier meeting minuted here).
    const earlier = call(services, 'meetings.create', { bodyId, date: '2023-01-10', startTime: '19:00', venue: 'Village Hall' });
    call(services, 'attendance.addPerson', { meetingId: earlier.id, category: 'officer', name: 'Ms J. Hart', role: 'Clerk', organisation: '' });
    const membersBefore = call(services, 'bodies.get', { bodyId }).members.length;

    const m = (await read(services, bodyId, PEOPLE)).meeting;
    const a = m.attendance;
    expect(a.chair?.name).toBe('Cllr A. Brown');
    expect(a.present.map((p) => [p.name, p.as ?? null])).toEqual([
      ['Cllr Christopher Dean', null],
      // Known to the body as an officer, so taken as one though listed under Present.
      ['Ms J. Hart', 'officer'],
      ['Cllr P. Quill', null],
    ]);
    expect(a.officers.map((p) => [p.name, p.as ?? null])).toEqual([
      ['Mr R. Tucker', null],
      ['Two members of the public', 'guest'],
    ]);
    expect(a.others.map((p) => [p.name, p.as ?? null])).toEqual([['PCSO S. Ward', 'guest']]);

    // In the preview the clerk matches "Cllr Christopher Dean" to the member Cllr C. Dean, and takes Cllr P. Quill as an officer.
    const chosen = {
      ...m,
      attendance: { ...a, present: a.present.map((p) => (p.name === 'Cllr Christopher Dean' ? { ...p, as: 'member' as const, memberId: dean.id } : p.name === 'Cllr P. Quill' ? { ...p, as: 'officer' as const } : p)) },
    };
    const saved = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: chosen, firstMinuteNumber: null, source: 'pasted text' }] });
    const rows = store.db
      .prepare(`SELECT a.category, coalesce(mb.name, a.name) AS name, a.status FROM attendance a LEFT JOIN member mb ON mb.id = a.member_id WHERE a.meeting_id = ? ORDER BY a.position`)
      .all(saved.meetingIds[0]!);
    expect(rows).toEqual([
      { category: 'member', name: 'Cllr A. Brown', status: 'present' },
      { category: 'member', name: 'Cllr C. Dean', status: 'present' },
      { category: 'officer', name: 'Ms J. Hart', status: 'present' },
      { category: 'officer', name: 'Cllr P. Quill', status: 'present' },
      { category: 'officer', name: 'Mr R. Tucker', status: 'present' },
      { category: 'guest', name: 'Two members of the public', status: 'present' },
      { category: 'guest', name: 'PCSO S. Ward', status: 'present' },
    ]);
    // Only the chair was new to the body's members; officers and guests are remembered as such for its next meetings.
    expect(call(services, 'bodies.get', { bodyId }).members.map((x) => x.name)).toEqual(['Cllr C. Dean', 'Cllr A. Brown']);
    expect(call(services, 'bodies.get', { bodyId }).members.length).toBe(membersBefore + 1);
    expect(call(services, 'knownAttendees.list', { bodyId }).map((k) => [k.name, k.category])).toEqual([
      ['Cllr P. Quill', 'officer'],
      ['Mr R. Tucker', 'officer'],
      ['Ms J. Hart', 'officer'],
      ['PCSO S. Ward', 'guest'],
    ]);

    // A member of another body is refused, nothing saved.
    const other = call(services, 'bodies.create', { name: 'Another Parish Council', yearStartMonth: 5 }).id;
    const stranger = call(services, 'members.create', { bodyId: other, name: 'Cllr X. Stranger', role: '', organisation: '' });
    const wrong = { ...m, date: '2023-05-09', attendance: { ...a, present: [{ ...a.present[0]!, as: 'member' as const, memberId: stranger.id }] } };
    const refused = await services.call('import.savePastMinutes', { bodyId, meetings: [{ meeting: wrong, firstMinuteNumber: null, source: 'pasted text' }] });
    expect(refused.ok).toBe(false);
    expect(call(services, 'meetings.list', { bodyId }).length).toBe(2);
  });
});

describe('past minutes numbered within the year', () => {
  it('keep their full number (21.44) in the export, and a new meeting of the body carries on in that rule (21.48)', async () => {
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Ambridge Parish Council', yearStartMonth: 5 }).id;
    const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'past-minutes', 'parish-council-minutes.txt'), 'utf8');
    const m = (await read(services, bodyId, text)).meeting;
    expect(m.minutes.map((x) => x.number)).toEqual([44, 45, 46, 47]);
    expect([m.numberForm, m.numberYear]).toEqual(['{yy}.{n}', '21']);
    expect(m.warnings.join(' ')).not.toMatch(/Check the month/);
    const saved = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: m, firstMinuteNumber: null, source: 'pasted text' }] });
    expect(call(services, 'bodies.get', { bodyId }).minuteNumberForm).toBe('{yy}.{n}');

    const wordOf = async (meetingId: number) => {
      const file = await services.call('exports.build', { meetingId, document: 'minutes' });
      if (!file.ok) throw new Error(file.error.message);
      return officeText(Buffer.from((file.value as ExportedFile).base64, 'base64')).replace(/\s+/g, ' ');
    };
    const imported = await wordOf(saved.meetingIds[0]!);
    expect(imported).toMatch(/21\.44 ELECTION OF CHAIR OF THE COUNCIL/);
    expect(imported).toMatch(/21\.47 DATE OF NEXT MEETING/);
    expect(imported).not.toMatch(/\b44\. ELECTION/);

    // The next meeting of the same municipal year: its first minute is 21.48.
    const next = call(services, 'meetings.create', { bodyId, date: '2021-06-02', startTime: '19:00', venue: 'Village Hall' });
    call(services, 'agendaItems.create', { meetingId: next.id, title: 'Apologies for absence' });
    expect(call(services, 'meetings.get', { meetingId: next.id }).firstMinuteNumber).toBe(48);
    expect(await wordOf(next.id)).toMatch(/21\.48 Apologies for absence/);

    // A year printed that the body's year does not give (the body's year said to start in September): the preview says so.
    const other = call(services, 'bodies.create', { name: 'Ambridge Parish Council', yearStartMonth: 9 }).id;
    const warned = (await read(services, other, text)).meeting;
    expect(warned.warnings.join(' ')).toMatch(/The minutes print the year as “21”, but Ambridge Parish Council’s municipal year \(starting in September\) makes this meeting’s first minute 20\.44/);
  });
});

describe('past minutes: the body as the minutes name it', () => {
  const heading = (...lines: string[]) => [...lines, '', 'Present: Cllr A. Brown - Chairman, Cllr C. Dean.', '', '1. Apologies for Absence', 'None.', '', '2. Footpaths', 'The Clerk reported on the footpaths.'].join('\n');
  it('minutes naming no body, or naming it only in capitals, print the name of the body they are imported into; others print it as read', async () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Deepford Parish Council', kind: 'Council', quorumMinVoting: 1 });
    const save = async (text: string) => {
      const preview = await read(services, body.id, text);
      const meetingId = call(services, 'import.savePastMinutes', { bodyId: body.id, meetings: [{ meeting: preview.meeting, firstMinuteNumber: null, source: 'pasted text' }] }).meetingIds[0]!;
      const record = call(services, 'meetings.get', { meetingId });
      return { warnings: preview.meeting.warnings, name: record.body.name, opening: buildMinutes(record).blocks.find((b) => b.type === 'opening') };
    };
    const unnamed = await save(heading('Minutes of the meeting held on Thursday 13th June 2002 at 8.00pm in the Village Hall'));
    expect(unnamed.name).toBe('Deepford Parish Council');
    expect(unnamed.warnings.some((w) => w.includes('do not name the body'))).toBe(true);
    expect(JSON.stringify(unnamed.opening)).toContain('Deepford Parish Council');
    const capitals = await save(heading('MINUTES OF DEEPFORD PARISH COUNCIL MEETING', 'HELD AT THE VILLAGE HALL', 'THURSDAY 4 DECEMBER 2014'));
    expect(capitals.name).toBe('Deepford Parish Council');
    const asRead = await save(heading('Minutes of the meeting of the Deepford Parish Council', 'held on Thursday 8th March 2007 in', 'The Village Hall at 8.00p.m.'));
    expect(asRead.name).toBe('Deepford Parish Council');
    // Another body's minutes are still refused, however the heading is set out.
    const other = await services.call('import.readPastMinutes', { bodyId: body.id, source: { kind: 'text', text: heading('MINUTES OF STOKEBURY TOWN COUNCIL MEETING', 'HELD AT THE GUILDHALL', 'MONDAY 3 MARCH 2014') } });
    expect(other.ok).toBe(false);
  });
});
