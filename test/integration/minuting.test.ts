/**
 * Minuting through the service layer on a real SQLite file: standard items,
 * the order of business, minute numbers across meetings and municipal years,
 * the inquorate flag, and bad input that changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import type { Services } from '../../electron/services';
import { call, callError } from '../helpers/api';
import { countRows, createTempStore, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

function boardWithMembers(services: Services, quorum = 2) {
  const body = call(services, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: quorum, yearStartMonth: 5 });
  const a = call(services, 'members.create', { bodyId: body.id, name: 'Mrs D. Taylor CC', organisation: 'Wessex County Council' });
  const b = call(services, 'members.create', { bodyId: body.id, name: 'Cllr. L. Hart', organisation: 'Kingsbridge District Council' });
  return { body, a, b };
}

const meeting = (services: Services, bodyId: number, date: string, titles: string[], extra: Record<string, unknown> = {}) => {
  const m = call(services, 'meetings.create', { bodyId, date, startTime: '10:00', venue: 'County Hall', ...extra });
  for (const title of titles) call(services, 'agendaItems.create', { meetingId: m.id, title });
  return m.id;
};

describe('standard items', () => {
  it('creates the pre-worded items with a new meeting, appointments only at the first meeting of the municipal year', () => {
    const { services } = createTempStore(temp);
    const { body } = boardWithMembers(services);
    const june = call(services, 'meetings.create', { bodyId: body.id, date: '2022-06-17', startTime: '10:00', venue: 'County Hall', standardItems: true });
    expect(june.items.map((i) => [i.agendaNumber, i.title, i.kind])).toEqual([
      [1, 'Appointment of Chairman', 'appointment_chair'],
      [2, 'Appointment of Deputy Chairman', 'appointment_deputy'],
      [3, 'Introductions and apologies', 'introductions'],
      [4, 'Minutes of the previous meeting', 'previous_minutes'],
      [5, 'Matters arising', 'matters_arising'],
      [6, 'Action Log', 'action_log'],
      [7, 'Declarations of interest', 'declarations'],
      [8, 'Any other business', 'other_business'],
      [9, 'Date of next meeting', 'next_meeting'],
    ]);
    // Business added later goes before the closing items.
    const items = call(services, 'agendaItems.create', { meetingId: june.id, title: 'Serious Violence Duty' });
    expect(items.map((i) => i.title).slice(-3)).toEqual(['Serious Violence Duty', 'Any other business', 'Date of next meeting']);
    expect(items.find((i) => i.title === 'Serious Violence Duty')).toMatchObject({ kind: 'business', openingKind: 'report', agendaNumber: 8 });

    const december = call(services, 'meetings.create', { bodyId: body.id, date: '2022-12-09', startTime: '10:00', venue: 'County Hall', standardItems: true });
    expect(december.items[0]!.title).toBe('Introductions and apologies');
    const record = call(services, 'meetings.get', { meetingId: december.id });
    expect(record.previousMeeting?.date).toBe('2022-06-17');
    const text = minutesToText(buildMinutes(record));
    expect(text).toContain('The minutes of the meeting held on 17 June 2022 were taken as read and confirmed as a correct record.');
    expect(text).toContain("The Board considered the Action Log, a copy of which, marked 'Agenda Item 4', is filed with these minutes.\n\nRESOLVED:\n\nThat the status of the Action Log be noted.");
    const juneText = minutesToText(buildMinutes(call(services, 'meetings.get', { meetingId: june.id })));
    expect(juneText).toContain('It was NOTED that the next meeting of the Board would be held on Friday, 9 December 2022 at 10.00 am.');
  });
});

describe('minute numbers across meetings', () => {
  it('continue through the municipal year, count order-of-business minutes, and restart in a new year', () => {
    const { services } = createTempStore(temp);
    const { body } = boardWithMembers(services);
    const june = meeting(services, body.id, '2022-06-17', ['A', 'B', 'C']);
    const december = meeting(services, body.id, '2022-12-09', ['D', 'E', 'F', 'G']);
    const march = meeting(services, body.id, '2023-03-10', ['H']);
    const nextJune = meeting(services, body.id, '2023-06-16', ['I', 'J']);
    const first = (id: number) => call(services, 'meetings.get', { meetingId: id }).firstMinuteNumber;
    expect([first(june), first(december), first(march), first(nextJune)]).toEqual([1, 4, 8, 1]);

    // December takes item G before E and F: a consent minute is added, so March moves on by one.
    const items = call(services, 'meetings.get', { meetingId: december }).items;
    call(services, 'meetings.takeItem', { meetingId: december, itemId: items[0]!.id, time: '10:01' });
    const taken = call(services, 'meetings.takeItem', { meetingId: december, itemId: items[3]!.id, time: '10:20' });
    expect([...taken.items].sort((x, y) => x.businessOrder - y.businessOrder).map((i) => i.title)).toEqual(['D', 'G', 'E', 'F']);
    const text = minutesToText(buildMinutes(taken));
    expect(text).toMatch(/4\. D[\s\S]*5\. Change to the Order of Business[\s\S]*6\. G[\s\S]*7\. E[\s\S]*8\. F/);
    expect(first(march)).toBe(9);

    // The clerk's own first number wins and later meetings follow it.
    call(services, 'meetings.update', { meetingId: june, patch: { minuteNumberStart: 17 } });
    expect([first(june), first(december), first(march), first(nextJune)]).toEqual([17, 20, 25, 1]);
  });

  it('lets the clerk drag an item in the order of business, and going back to a taken item keeps its place', () => {
    const { services } = createTempStore(temp);
    const { body } = boardWithMembers(services);
    const id = meeting(services, body.id, '2022-06-17', ['A', 'B', 'C', 'D']);
    const items = call(services, 'meetings.get', { meetingId: id }).items;
    let record = call(services, 'agendaItems.reorderBusiness', { itemId: items[3]!.id, toPlace: 1 });
    const order = () => [...record.items].sort((x, y) => x.businessOrder - y.businessOrder).map((i) => i.title);
    expect(order()).toEqual(['A', 'D', 'B', 'C']);
    record = call(services, 'meetings.takeItem', { meetingId: id, itemId: items[2]!.id, time: '10:05' });
    expect(order()).toEqual(['C', 'A', 'D', 'B']);
    record = call(services, 'meetings.takeItem', { meetingId: id, itemId: items[0]!.id, time: '10:10' });
    record = call(services, 'meetings.takeItem', { meetingId: id, itemId: items[2]!.id, time: '10:15' });
    expect(order()).toEqual(['C', 'A', 'D', 'B']);
    expect(record.items.find((i) => i.title === 'C')!.takenAt).toBe('10:05');
    // Agenda numbers never change with the order of business.
    expect(record.items.map((i) => `${i.agendaNumber}${i.title}`)).toEqual(['1A', '2B', '3C', '4D']);
  });
});

describe('decisions while inquorate', () => {
  it('flags a resolution or a decided motion recorded while the meeting is inquorate', () => {
    const { services } = createTempStore(temp);
    const { body, a, b } = boardWithMembers(services, 2);
    const id = meeting(services, body.id, '2022-06-17', ['Budget']);
    const itemId = call(services, 'meetings.get', { meetingId: id }).items[0]!.id;
    call(services, 'meetings.start', { meetingId: id, time: '10:00' });
    call(services, 'attendance.setMember', { meetingId: id, memberId: a.id, status: 'present' });
    let record = call(services, 'entries.create', { meetingId: id, agendaItemId: itemId, kind: 'resolution', text: 'That the budget be noted.', time: '10:10' });
    expect(record.entries[0]).toMatchObject({ kind: 'resolution', inquorate: true, recordedAt: '10:10' });
    record = call(services, 'attendance.setMember', { meetingId: id, memberId: b.id, status: 'present' });
    record = call(services, 'entries.create', { meetingId: id, agendaItemId: itemId, kind: 'resolution', text: 'That the budget be approved.', time: '10:20' });
    expect(record.entries.map((e) => e.inquorate)).toEqual([true, false]);
    // A point is never flagged; a motion is flagged when its outcome is decided while inquorate.
    record = call(services, 'entries.create', { meetingId: id, agendaItemId: itemId, kind: 'point', text: 'Members asked about reserves.', time: '10:21' });
    expect(record.entries.find((e) => e.kind === 'point')!.inquorate).toBe(false);
    const hart = record.attendance.find((x) => x.memberId === b.id)!;
    call(services, 'attendance.recordMovement', { attendanceId: hart.id, kind: 'left', time: '10:25' });
    record = call(services, 'motions.create', { meetingId: id, agendaItemId: itemId, text: 'That reserves be used', outcome: 'carried', votesFor: 1, time: '10:30' });
    expect(record.motions[0]!.inquorate).toBe(true);
  });
});

describe('bad minuting input changes nothing', () => {
  it('refuses a resolution on an item of another meeting, negative vote counts and an exempt item without a paragraph', () => {
    const { services, store } = createTempStore(temp);
    const { body } = boardWithMembers(services);
    const one = meeting(services, body.id, '2022-06-17', ['Budget']);
    const two = meeting(services, body.id, '2022-09-23', ['Other']);
    const otherItem = call(services, 'meetings.get', { meetingId: two }).items[0]!.id;
    const ownItem = call(services, 'meetings.get', { meetingId: one }).items[0]!.id;
    const before = snapshotTables(store.db);
    const counts = countRows(store.db);

    const elsewhere = callError(services, 'entries.create', { meetingId: one, agendaItemId: otherItem, kind: 'resolution', text: 'That it be noted.' });
    expect(elsewhere).toMatchObject({ code: 'invalid_input' });
    expect(elsewhere.message).toMatch(/belongs to another meeting/);
    const negative = callError(services, 'motions.create', { meetingId: one, agendaItemId: ownItem, outcome: 'carried', votesFor: 5, votesAgainst: -2 });
    expect(negative.message).toMatch(/votesAgainst: A vote count cannot be negative/);
    const noParagraph = callError(services, 'agendaItems.create', { meetingId: one, title: 'Contract award', exempt: true });
    expect(noParagraph.message).toMatch(/Schedule 12A paragraph/);
    const noParagraphUpdate = callError(services, 'agendaItems.update', { itemId: ownItem, patch: { exempt: true } });
    expect(noParagraphUpdate.message).toMatch(/Schedule 12A paragraph/);

    expect(countRows(store.db)).toEqual(counts);
    expect(snapshotTables(store.db)).toEqual(before);
  });
});

describe('a decision typed live: how its resolutions are marked', () => {
  it('is lettered (a), (b) unless the clerk chooses roman or numbered on its first resolution; bulleted is refused and changes nothing', () => {
    const { services, store } = createTempStore(temp);
    const { body } = boardWithMembers(services);
    const id = meeting(services, body.id, '2026-06-19', ['Budget monitoring']);
    const itemId = call(services, 'meetings.get', { meetingId: id }).items.find((i) => i.title === 'Budget monitoring')!.id;
    call(services, 'entries.create', { meetingId: id, agendaItemId: itemId, kind: 'resolution', text: 'That the budget be noted.', time: '10:10' });
    let record = call(services, 'entries.create', { meetingId: id, agendaItemId: itemId, kind: 'resolution', text: 'That the reserves be reviewed.', time: '10:12' });
    expect(minutesToText(buildMinutes(record))).toContain('(a) That the budget be noted;\n(b) That the reserves be reviewed.');

    const first = record.entries.find((e) => e.text === 'That the budget be noted.')!;
    const updated = call(services, 'entries.update', { baseVersion: first.version, entryId: first.id, patch: { style: 'number' } });
    expect(updated.style).toBe('number');
    record = call(services, 'meetings.get', { meetingId: id });
    expect(minutesToText(buildMinutes(record))).toContain('(1) That the budget be noted;\n(2) That the reserves be reviewed.');

    const before = snapshotTables(store.db);
    expect(callError(services, 'entries.update', { baseVersion: updated.version, entryId: first.id, patch: { style: 'bullet' } }).message).toMatch(/lettered \(a\), roman \(i\) or numbered \(1\), not bulleted/);
    expect(snapshotTables(store.db)).toEqual(before);
  });
});
