/**
 * The search index, keyed by meeting date (migration 7): newest meetings
 * first, the page limit, date ranges, and every write that must keep the
 * index in step with the minutes, checked row by row against what the
 * minutes say, on a real SQLite file.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrations';
import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services';
import { migrations } from '../../electron/store/migrations';
import { call } from '../helpers/api';
import { createTempStore, openTrackedStore } from '../helpers/store';
import { APPLICATION_ID } from '../../electron/store/open-store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

/** The index rows the minutes call for: key (day × 2^30 + id × 4 + kind), text and item. */
function expectedIndex(db: Database.Database): string[] {
  const rows = db
    .prepare(
      `SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + i.id * 4 + 1 AS key, i.title || ' ' || i.topic || ' ' || i.author || ' ' || i.public_summary AS text, i.id AS item
         FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
       UNION ALL
       SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + e.id * 4 + 2, e.text, i.id
         FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id JOIN meeting m ON m.id = i.meeting_id
       UNION ALL
       SELECT CAST(julianday(m.date) AS INTEGER) * 1073741824 + x.id * 4 + 3, x.text, i.id
         FROM motion x JOIN agenda_item i ON i.id = x.agenda_item_id JOIN meeting m ON m.id = i.meeting_id`,
    )
    .all() as { key: number; text: string; item: number }[];
  return rows.map((r) => `${r.key} ${r.item} ${r.text}`).sort();
}
function actualIndex(db: Database.Database): string[] {
  const rows = db.prepare('SELECT rowid AS key, item_id AS item, text FROM search_text').all() as { key: number; text: string; item: number }[];
  return rows.map((r) => `${r.key} ${r.item} ${r.text}`).sort();
}
function expectIndexInStep(db: Database.Database): void {
  expect(actualIndex(db)).toEqual(expectedIndex(db));
  // FTS5's own check that its index matches its stored text.
  db.prepare(`INSERT INTO search_text (search_text) VALUES ('integrity-check')`).run();
}

/** A body with a meeting on each date given, each with one item whose paragraph mentions the word. */
function meetingsOn(services: Services, dates: string[], word = 'flood') {
  const body = call(services, 'bodies.create', { name: 'Environment Committee' });
  return dates.map((date, n) => {
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date, startTime: '10:00', venue: 'Council Chamber', standardItems: false });
    const [item] = call(services, 'agendaItems.create', { meetingId: meeting.id, title: `Item of ${date}` });
    const record = call(services, 'entries.create', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'paragraph', text: `Members discussed the ${word} defence scheme (${n + 1}).` });
    return { bodyId: body.id, meetingId: meeting.id, itemId: item!.id, entryId: record.entries[0]!.id };
  });
}

describe('search: the words typed', () => {
  it('finds a whole word in its other forms, and only the last word as the start of a longer one', () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Transport Board' });
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-02-03', startTime: '10:00', venue: 'Council Chamber', standardItems: false });
    const texts = {
      bus: 'The Board noted the improvements to bus services in the north of the county.',
      budget: 'The Board noted the budget for services in the north of the county.',
      business: 'The Board received the business plan for services.',
      name: 'Councillor Okafor presented the report.',
    };
    const itemOf = new Map<number, string>();
    for (const [key, text] of Object.entries(texts)) {
      const item = call(services, 'agendaItems.create', { meetingId: meeting.id, title: `Item ${key}` }).find((i) => i.title === `Item ${key}`);
      call(services, 'entries.create', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'paragraph', text });
      itemOf.set(item!.id, key);
    }
    const found = (query: string) => call(services, 'search.minutes', { query }).map((h) => itemOf.get(h.itemId!)).sort();
    // "bus" stems to "bu": as a prefix it would also find "budget" and "business".
    expect(found('bus service')).toEqual(['bus']);
    expect(found('bus services improvement')).toEqual(['bus']);
    // The last word may be the start of a word or name not typed out.
    expect(found('Okaf')).toEqual(['name']);
    expect(found('services budg')).toEqual(['budget']);
    // Only the last: a word before it is a word as typed.
    expect(found('Okaf report')).toEqual([]);
    expect(found('service')).toEqual(['budget', 'bus', 'business']);
  });
});

describe('search: newest meetings first', () => {
  it('lists the newest meetings first, whatever order they were written in, and stops at the page limit', () => {
    const { services, store } = createTempStore(temp);
    // Written out of date order, as when older minutes are typed up later.
    meetingsOn(services, ['2024-03-14', '2026-01-20', '2019-11-05', '2025-07-02', '2026-01-21']);
    const hits = call(services, 'search.minutes', { query: 'flood' });
    expect(hits.map((h) => h.date)).toEqual(['2026-01-21', '2026-01-20', '2025-07-02', '2024-03-14', '2019-11-05']);
    expect(hits[0]!.snippet).toContain('[flood]');
    expect(call(services, 'search.minutes', { query: 'flood', limit: 2 }).map((h) => h.date)).toEqual(['2026-01-21', '2026-01-20']);
    expect(call(services, 'search.minutes', { query: 'flood', from: '2024-03-14', to: '2025-07-02' }).map((h) => h.date)).toEqual(['2025-07-02', '2024-03-14']);
    // The range's end day is included whole; a range with nothing in it finds nothing.
    expect(call(services, 'search.minutes', { query: 'flood', to: '2019-11-05' }).map((h) => h.date)).toEqual(['2019-11-05']);
    expect(call(services, 'search.minutes', { query: 'flood', from: '2026-02-01' })).toEqual([]);
    expectIndexInStep(store.db);
  });

  it('keeps the items of one day together in agenda order when the page limit falls inside that day', () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Licensing Committee' });
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-03-03', startTime: '10:00', venue: 'Room 1', standardItems: false });
    const items = call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Taxi fares' });
    call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Taxi licensing conditions' });
    call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Taxi ranks' });
    const older = call(services, 'meetings.create', { bodyId: body.id, date: '2026-02-03', startTime: '10:00', venue: 'Room 1', standardItems: false });
    call(services, 'agendaItems.create', { meetingId: older.id, title: 'Taxi review' });
    expect(items).toHaveLength(1);
    const all = call(services, 'search.minutes', { query: 'taxi' });
    expect(all.map((h) => [h.date, h.agendaNumber])).toEqual([
      ['2026-03-03', 1],
      ['2026-03-03', 2],
      ['2026-03-03', 3],
      ['2026-02-03', 1],
    ]);
    // A page of two cuts the day's three items to its first two in agenda order, not the two written last.
    expect(call(services, 'search.minutes', { query: 'taxi', limit: 2 }).map((h) => h.itemTitle)).toEqual(['Taxi fares', 'Taxi licensing conditions']);
  });
});

describe('search: the index stays in step with every write', () => {
  it('follows a change of meeting date, edits, undos, and deletions of entries, motions, items and meetings', () => {
    const { services, store } = createTempStore(temp);
    const [a, b] = meetingsOn(services, ['2025-05-01', '2025-06-01']);
    expectIndexInStep(store.db);

    // The meeting is re-dated: its minutes move in the date order and out of the old date's range.
    call(services, 'meetings.update', { meetingId: a!.meetingId, patch: { date: '2025-07-01' } });
    expectIndexInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'flood' }).map((h) => h.date)).toEqual(['2025-07-01', '2025-06-01']);
    expect(call(services, 'search.minutes', { query: 'flood', to: '2025-05-31' })).toEqual([]);

    call(services, 'agendaItems.update', { itemId: a!.itemId, patch: { title: 'Riverside embankment', topic: 'culverts' } });
    call(services, 'entries.update', { entryId: a!.entryId, patch: { text: 'Members welcomed the sandbag store.' } });
    call(services, 'motions.create', { meetingId: a!.meetingId, agendaItemId: a!.itemId, kind: 'motion', text: 'That a culvert survey be commissioned.' });
    expectIndexInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'sandbag' }).map((h) => h.itemTitle)).toEqual(['Riverside embankment']);
    expect(call(services, 'search.minutes', { query: 'culvert survey' })).toHaveLength(1);

    // Deleted and restored (the clerk's undo): out of the index and back.
    const entry = call(services, 'meetings.get', { meetingId: a!.meetingId }).entries.find((e) => e.id === a!.entryId)!;
    call(services, 'entries.delete', { entryId: a!.entryId });
    expectIndexInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'sandbag' })).toEqual([]);
    call(services, 'entries.restore', { meetingId: a!.meetingId, agendaItemId: a!.itemId, kind: entry.kind, text: entry.text, position: entry.position, recordedAt: entry.recordedAt, inquorate: entry.inquorate });
    expectIndexInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'sandbag' })).toHaveLength(1);

    const motion = call(services, 'meetings.get', { meetingId: a!.meetingId }).motions[0]!;
    call(services, 'motions.delete', { motionId: motion.id });
    expectIndexInStep(store.db);
    call(services, 'agendaItems.delete', { itemId: a!.itemId });
    expectIndexInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'sandbag' })).toEqual([]);
    call(services, 'meetings.delete', { meetingId: b!.meetingId });
    expectIndexInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'flood' })).toEqual([]);

    expect(store.db.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(0);
  });

  it('re-keys an index built before version 7 when the file is upgraded', () => {
    const dir = temp.makeDir();
    const file = join(dir, 'meeting-clerk.sqlite');
    {
      // A version 6 file with minutes in it, written by the steps of the time.
      const db = new Database(file);
      db.pragma('foreign_keys = ON');
      for (const step of migrations.filter((m) => m.version <= 6)) db.exec(step.sql);
      db.pragma('user_version = 6');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      const now = '2025-01-01T00:00:00.000Z';
      db.prepare(
        `INSERT INTO body (id, name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum, year_start_month, decision_label, created_at, updated_at)
         VALUES (1, 'Planning Committee', 'Committee', 3, 0, 0, 5, 'RESOLVED', @now, @now)`,
      ).run({ now });
      const meeting = db.prepare(`INSERT INTO meeting (body_id, date, start_time, venue, mode, contact_officer, created_at, updated_at) VALUES (1, ?, '18:00', 'Town Hall', 'in_room', '', ?, ?)`);
      const item = db.prepare(`INSERT INTO agenda_item (meeting_id, position, title, presenter, papers, exempt) VALUES (?, 0, 'Hedgerows', '', '', 0)`);
      const entry = db.prepare(`INSERT INTO minute_entry (agenda_item_id, position, kind, text, recorded_at) VALUES (?, 0, 'paragraph', ?, '18:05')`);
      // Written in the opposite order to their dates.
      for (const [date, text] of [
        ['2025-02-11', 'The hedgerow replanting was agreed.'],
        ['2024-09-10', 'The hedgerow survey was received.'],
      ] as const) {
        const m = meeting.run(date, now, now).lastInsertRowid;
        const i = item.run(m).lastInsertRowid;
        entry.run(i, text);
      }
      expect(db.prepare('SELECT count(*) FROM search_text').pluck().get()).toBe(4);
      db.close();
    }
    const store = openTrackedStore(temp, file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expectIndexInStep(store.db);
    const hits = call(createServices(store), 'search.minutes', { query: 'hedgerow' });
    expect(hits.map((h) => [h.date, h.snippet])).toEqual([
      ['2025-02-11', 'The [hedgerow] replanting was agreed.'],
      ['2024-09-10', 'The [hedgerow] survey was received.'],
    ]);
  });
});

/**
 * The people index (migrations 12 and 14), worked out here from the minutes as plain rows: per meeting the
 * names of those present with their role and organisation, per item who declared (with the interest) and who
 * moved or seconded. Compared as the set of words of each row, so the order the names are joined in (and the
 * brackets and commas between them) does not matter.
 */
const wordsOf = (text: string) => text.split(/[\s·(),]+/).filter(Boolean);
function expectedPeople(db: Database.Database): string[] {
  const day = (date: string) => Math.floor((Date.parse(`${date}T00:00:00Z`) / 86_400_000 + 2440587.5));
  const name = (a: { member_name: string | null; name: string }) => a.member_name ?? a.name;
  const rows = new Map<number, string[]>();
  const add = (key: number, words: string) => rows.set(key, [...(rows.get(key) ?? []), ...wordsOf(words)]);
  const people = db
    .prepare(
      `SELECT a.meeting_id, m.date, a.name, mb.name AS member_name, coalesce(mb.role, a.role) AS role, coalesce(mb.organisation, a.organisation) AS organisation
       FROM attendance a JOIN meeting m ON m.id = a.meeting_id LEFT JOIN member mb ON mb.id = a.member_id WHERE a.status = 'present'`,
    )
    .all() as { meeting_id: number; date: string; name: string; member_name: string | null; role: string; organisation: string }[];
  for (const p of people) add(day(p.date) * 1073741824 + p.meeting_id * 4 + 1, `${name(p)} ${p.role} ${p.organisation}`);
  const declared = db
    .prepare(
      `SELECT d.agenda_item_id AS item, m.date, d.nature, a.name, mb.name AS member_name FROM declaration d JOIN attendance a ON a.id = d.attendance_id
       LEFT JOIN member mb ON mb.id = a.member_id JOIN agenda_item i ON i.id = d.agenda_item_id JOIN meeting m ON m.id = i.meeting_id`,
    )
    .all() as { item: number; date: string; nature: string; name: string; member_name: string | null }[];
  for (const d of declared) add(day(d.date) * 1073741824 + d.item * 4 + 2, `${name(d)} ${d.nature}`);
  const moved = db
    .prepare(
      `SELECT x.agenda_item_id AS item, m.date, a.name, mb.name AS member_name FROM motion x JOIN attendance a ON a.id IN (x.proposer_id, x.seconder_id)
       LEFT JOIN member mb ON mb.id = a.member_id JOIN agenda_item i ON i.id = x.agenda_item_id JOIN meeting m ON m.id = i.meeting_id`,
    )
    .all() as { item: number; date: string; name: string; member_name: string | null }[];
  for (const x of moved) add(day(x.date) * 1073741824 + x.item * 4 + 2, name(x));
  return [...rows].map(([key, words]) => `${key} ${words.sort().join(' ')}`).sort();
}
function actualPeople(db: Database.Database): string[] {
  const rows = db.prepare('SELECT rowid AS key, text FROM search_people').all() as { key: number; text: string }[];
  return rows.map((r) => `${r.key} ${wordsOf(r.text).sort().join(' ')}`).sort();
}
function expectPeopleInStep(db: Database.Database): void {
  expect(actualPeople(db)).toEqual(expectedPeople(db));
  db.prepare(`INSERT INTO search_people (search_people) VALUES ('integrity-check')`).run();
}

describe('search: minute numbers of drafts after approved minutes', () => {
  it('cites the numbers the minutes will print, reading on from the approved minutes of the year and any draft between', () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Planning Committee', quorumMinVoting: 1, yearStartMonth: 5 });
    const meetingOn = (date: string, titles: string[]) => {
      const meeting = call(services, 'meetings.create', { bodyId: body.id, date, startTime: '10:00', venue: 'Town Hall', standardItems: false });
      for (const title of titles) call(services, 'agendaItems.create', { meetingId: meeting.id, title });
      return meeting.id;
    };
    const june = meetingOn('2026-06-04', ['Apologies', 'Quarry extension', 'Solar farm']);
    const july = meetingOn('2026-07-02', ['Apologies', 'Housing allocation']);
    const august = meetingOn('2026-08-06', ['Apologies', 'Wind turbine appeal']);
    const september = meetingOn('2026-09-03', ['Apologies', 'Wind turbine conditions']);
    call(services, 'minutes.setStatus', { meetingId: june, status: 'approved' });
    // July approved, August still a draft: September reads on from both.
    call(services, 'minutes.setStatus', { meetingId: july, status: 'approved' });
    const cited = () => call(services, 'search.minutes', { query: 'wind turbine' }).map((h) => [h.date, h.minuteNumber, h.itemTitle]);
    expect(cited()).toEqual([
      ['2026-09-03', 9, 'Wind turbine conditions'],
      ['2026-08-06', 7, 'Wind turbine appeal'],
    ]);
    // Approved minutes cite the numbers they were frozen with (read from the frozen record's items).
    expect(call(services, 'search.minutes', { query: 'housing allocation' }).map((h) => [h.date, h.minuteNumber])).toEqual([['2026-07-02', 5]]);
    // The same numbers as the meetings print.
    expect(call(services, 'meetings.get', { meetingId: september }).firstMinuteNumber).toBe(8);
    expect(call(services, 'meetings.get', { meetingId: august }).firstMinuteNumber).toBe(6);
    // A point of order in the August draft moves September's numbers on.
    call(services, 'agendaItems.create', { meetingId: august, title: 'Urgent business' });
    expect(cited()).toEqual([
      ['2026-09-03', 10, 'Wind turbine conditions'],
      ['2026-08-06', 7, 'Wind turbine appeal'],
    ]);
  });
});

describe('search: the numbering of approved minutes, kept beside their frozen records', () => {
  it('is written at approval, filled in when a version 19 file is upgraded, and never needed for the numbers to be right', () => {
    const { services, store, file } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Planning Committee', quorumMinVoting: 1, yearStartMonth: 5 });
    const ids: number[] = [];
    for (const [date, titles] of [
      ['2026-06-04', ['Apologies', 'Quarry extension', 'Solar farm']],
      ['2026-07-02', ['Apologies', 'Housing allocation', 'Solar farm appeal']],
    ] as const) {
      const meeting = call(services, 'meetings.create', { bodyId: body.id, date, startTime: '10:00', venue: 'Town Hall', standardItems: false });
      for (const title of titles) call(services, 'agendaItems.create', { meetingId: meeting.id, title });
      ids.push(meeting.id);
    }
    for (const id of ids) call(services, 'minutes.setStatus', { meetingId: id, status: 'approved' });
    const cited = (s: Services) => call(s, 'search.minutes', { query: 'solar farm' }).map((h) => [h.date, h.minuteNumber, h.itemTitle]);
    const expected = [
      ['2026-07-02', 6, 'Solar farm appeal'],
      ['2026-06-04', 3, 'Solar farm'],
    ];
    expect(cited(services)).toEqual(expected);
    const rows = () => store.db.prepare('SELECT meeting_id, first_minute_number, items FROM frozen_numbering ORDER BY meeting_id').all() as { meeting_id: number; first_minute_number: number; items: string }[];
    const written = rows();
    expect(written.map((r) => [r.meeting_id, r.first_minute_number])).toEqual([[ids[0], 1], [ids[1], 4]]);
    expect(JSON.parse(written[1]!.items)).toEqual(
      call(services, 'meetings.get', { meetingId: ids[1]! }).items.map(({ id, position, businessOrder, leftOut, exempt, kind, numbersSkipped }) => ({ id, position, businessOrder, leftOut, exempt, kind, numbersSkipped })),
    );

    // Without the rows (a file edited by hand), the numbers are read from the frozen records and still right.
    store.db.exec('DELETE FROM frozen_numbering');
    expect(cited(services)).toEqual(expected);

    // A version 19 file had no such table: the upgrade fills it in from the frozen records, the same as approval writes.
    store.db.exec('DROP TABLE frozen_numbering');
    // Nor the columns later migrations add (an item printed with no number, a resolution's bracket form, a decision on one
    // line with its label), which the upgrade adds again.
    store.db.exec('ALTER TABLE agenda_item DROP COLUMN unnumbered');
    store.db.exec('ALTER TABLE minute_entry DROP COLUMN marker_form');
    store.db.exec('ALTER TABLE minute_entry DROP COLUMN run_on');
    store.db.pragma('user_version = 19');
    store.close();
    const upgraded = openTrackedStore(temp, file);
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const filled = upgraded.db.prepare('SELECT meeting_id, first_minute_number, items FROM frozen_numbering ORDER BY meeting_id').all() as typeof written;
    expect(filled.map((r) => [r.meeting_id, r.first_minute_number, JSON.parse(r.items)])).toEqual(written.map((r) => [r.meeting_id, r.first_minute_number, JSON.parse(r.items)]));
    expect(cited(createServices(upgraded))).toEqual(expected);
  });
});

describe('search: within one body', () => {
  it('finds the body’s own minutes and people only, also when another body met the same day', () => {
    const { services } = createTempStore(temp);
    const planning = call(services, 'bodies.create', { name: 'Planning Committee', quorumMinVoting: 1 });
    const licensing = call(services, 'bodies.create', { name: 'Licensing Committee', quorumMinVoting: 1 });
    const member = call(services, 'members.create', { bodyId: planning.id, name: 'Cllr. B. Okafor' });
    const other = call(services, 'members.create', { bodyId: licensing.id, name: 'Cllr. J. Okafor' });
    const meetingOf = (bodyId: number, date: string, title: string, memberId: number) => {
      const meeting = call(services, 'meetings.create', { bodyId, date, startTime: '10:00', venue: 'Town Hall', standardItems: false });
      call(services, 'agendaItems.create', { meetingId: meeting.id, title });
      call(services, 'attendance.setMember', { meetingId: meeting.id, memberId, status: 'present' });
    };
    meetingOf(planning.id, '2026-03-12', 'Quarry extension report', member.id);
    meetingOf(licensing.id, '2026-03-12', 'Taxi fares report', other.id);
    meetingOf(licensing.id, '2026-04-09', 'Street trading report', other.id);
    meetingOf(planning.id, '2026-05-14', 'Solar farm report', member.id);
    const within = (bodyId: number, query: string) => call(services, 'search.minutes', { query, bodyId }).map((h) => [h.date, h.itemTitle || 'present']);
    expect(within(planning.id, 'report')).toEqual([['2026-05-14', 'Solar farm report'], ['2026-03-12', 'Quarry extension report']]);
    expect(within(licensing.id, 'report')).toEqual([['2026-04-09', 'Street trading report'], ['2026-03-12', 'Taxi fares report']]);
    expect(within(licensing.id, 'Okafor')).toEqual([['2026-04-09', 'present'], ['2026-03-12', 'present']]);
    expect(call(services, 'search.minutes', { query: 'report' })).toHaveLength(4);
    // A body with no meetings finds nothing.
    const empty = call(services, 'bodies.create', { name: 'New Panel' });
    expect(within(empty.id, 'report')).toEqual([]);
  });
});

describe('search: people', () => {
  it('finds the minutes where a person attended, declared or moved, cites their minute numbers, and keeps the index in step', () => {
    const { services, store } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Licensing Committee', quorumMinVoting: 1 });
    const okafor = call(services, 'members.create', { bodyId: body.id, name: 'Cllr. B. Okafor' });
    const hart = call(services, 'members.create', { bodyId: body.id, name: 'Cllr. L. Hart' });
    const meetingOn = (date: string) => {
      const meeting = call(services, 'meetings.create', { bodyId: body.id, date, startTime: '10:00', venue: 'Town Hall', standardItems: false });
      call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Taxi fares' });
      return { meetingId: meeting.id, items: call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Street trading' }) };
    };
    const march = meetingOn('2026-03-12');
    const june = meetingOn('2026-06-18');
    expectPeopleInStep(store.db);

    // Present at both; declares at the second item in June; an officer present in March; Hart moves a motion in June.
    const present = (meetingId: number, memberId: number) =>
      call(services, 'attendance.setMember', { meetingId, memberId, status: 'present' }).attendance.find((a) => a.memberId === memberId)!;
    present(march.meetingId, okafor.id);
    const inJune = present(june.meetingId, okafor.id);
    const hartInJune = present(june.meetingId, hart.id);
    call(services, 'attendance.addPerson', { meetingId: march.meetingId, category: 'officer', name: 'Rik Basra', role: 'Licensing Manager', organisation: '' });
    call(services, 'declarations.create', { meetingId: june.meetingId, attendanceId: inJune.id, agendaItemId: june.items[1]!.id, category: 'other_registrable', nature: 'holds a street trading consent' });
    const withMotion = call(services, 'motions.create', { meetingId: june.meetingId, agendaItemId: june.items[0]!.id, text: 'That the fares be approved.' });
    call(services, 'motions.update', { motionId: withMotion.motions[0]!.id, patch: { proposerId: hartInJune.id } });
    expectPeopleInStep(store.db);

    const okaforHits = call(services, 'search.minutes', { query: 'Okafor' });
    expect(okaforHits.map((h) => [h.date, h.itemId === null ? 'present' : `minute ${h.minuteNumber}: ${h.itemTitle}`])).toEqual([
      ['2026-06-18', 'present'],
      ['2026-06-18', 'minute 2: Street trading'],
      ['2026-03-12', 'present'],
    ]);
    expect(okaforHits[1]!.snippet).toContain('street trading consent');
    expect(call(services, 'search.minutes', { query: 'Basra' }).map((h) => [h.date, h.itemId])).toEqual([['2026-03-12', null]]);
    expect(call(services, 'search.minutes', { query: 'Hart' }).map((h) => h.itemTitle)).toEqual(['', 'Taxi fares']);
    // Words of the minutes still cite minute numbers (the agenda number is the paper's).
    expect(call(services, 'search.minutes', { query: 'fares' }).map((h) => [h.date, h.minuteNumber])).toEqual([['2026-06-18', 1], ['2026-03-12', 1]]);

    // Every write that changes who is named keeps the index in step.
    call(services, 'members.update', { memberId: okafor.id, patch: { name: 'Cllr. B. Okafor-Reid' } });
    expectPeopleInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'Reid' })).toHaveLength(3);
    call(services, 'attendance.setMember', { meetingId: march.meetingId, memberId: okafor.id, status: 'apologies' });
    expectPeopleInStep(store.db);
    call(services, 'meetings.update', { meetingId: june.meetingId, patch: { date: '2026-07-02' } });
    expectPeopleInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'Reid', from: '2026-07-01' }).map((h) => h.date)).toEqual(['2026-07-02', '2026-07-02']);
    call(services, 'motions.update', { motionId: withMotion.motions[0]!.id, patch: { proposerId: null } });
    expectPeopleInStep(store.db);
    call(services, 'agendaItems.delete', { itemId: june.items[1]!.id });
    expectPeopleInStep(store.db);
    call(services, 'meetings.delete', { meetingId: march.meetingId });
    expectPeopleInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'Basra' })).toEqual([]);
  });

  it('finds people by their role and organisation ("Vice-Chair", "Wessex Police"), and follows a change of either', () => {
    const { services, store } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
    const taylor = call(services, 'members.create', { bodyId: body.id, name: 'Mrs D. Taylor CC', role: 'Vice-Chair', organisation: 'Wessex County Council' });
    const okafor = call(services, 'members.create', { bodyId: body.id, name: 'Supt. B. Okafor', role: 'Board member', organisation: 'Wessex Police' });
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall', standardItems: false });
    call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
    for (const m of [taylor, okafor]) call(services, 'attendance.setMember', { meetingId: meeting.id, memberId: m.id, status: 'present' });
    call(services, 'attendance.addPerson', { meetingId: meeting.id, category: 'officer', name: 'Priya Desai', role: 'Community Safety Analyst', organisation: 'Wessex Fire and Rescue' });
    expectPeopleInStep(store.db);

    const vice = call(services, 'search.minutes', { query: 'Vice-Chair' });
    expect(vice.map((h) => [h.date, h.itemId])).toEqual([['2026-06-19', null]]);
    expect(vice[0]!.snippet).toContain('Taylor CC ([Vice]-[Chair], Wessex County Council)');
    expect(call(services, 'search.minutes', { query: 'Wessex Police' })[0]!.snippet).toContain('Supt. B. Okafor (Board member, [Wessex] [Police])');
    // An officer's role and organisation, which are the attendance row's own.
    expect(call(services, 'search.minutes', { query: 'analyst' })).toHaveLength(1);
    expect(call(services, 'search.minutes', { query: 'Fire Rescue' })).toHaveLength(1);

    // A new role is found at once; the old one no longer.
    call(services, 'members.update', { memberId: taylor.id, patch: { role: 'Chairman' } });
    expectPeopleInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'Vice-Chair' })).toEqual([]);
    expect(call(services, 'search.minutes', { query: 'Chairman' })).toHaveLength(1);
    call(services, 'members.update', { memberId: okafor.id, patch: { organisation: 'Wessex Constabulary' } });
    expectPeopleInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'constabulary' })).toHaveLength(1);
    const officer = call(services, 'meetings.get', { meetingId: meeting.id }).attendance.find((a) => a.name === 'Priya Desai')!;
    call(services, 'attendance.updatePerson', { attendanceId: officer.id, patch: { role: 'Head of Community Safety' } });
    expectPeopleInStep(store.db);
    expect(call(services, 'search.minutes', { query: 'analyst' })).toEqual([]);
    expect(call(services, 'search.minutes', { query: 'Head of Community Safety' })).toHaveLength(1);
  });

  it('indexes roles and organisations already recorded when a version 12 file is upgraded', () => {
    const dir = temp.makeDir();
    const file = join(dir, 'meeting-clerk.sqlite');
    {
      const db = new Database(file);
      db.pragma('foreign_keys = ON');
      for (const step of migrations.filter((m) => m.version <= 12)) db.exec(step.sql);
      db.pragma('user_version = 12');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      // A member with a role, present at a meeting, as version 12 wrote them (its people index names her only).
      const now = '2026-06-01T00:00:00.000Z';
      db.prepare(
        `INSERT INTO body (id, name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum, year_start_month, decision_label, created_at, updated_at)
         VALUES (1, 'Wessex Safer Communities Board', 'Board', 1, 0, 0, 5, 'RESOLVED', @now, @now)`,
      ).run({ now });
      db.prepare(`INSERT INTO member (id, body_id, name, role, organisation, email, voting, position) VALUES (1, 1, 'Mrs D. Taylor CC', 'Vice-Chair', 'Wessex County Council', '', 1, 0)`).run();
      db.prepare(`INSERT INTO meeting (id, body_id, date, start_time, venue, mode, contact_officer, created_at, updated_at) VALUES (1, 1, '2026-06-19', '10:00', 'County Hall', 'in_room', '', @now, @now)`).run({ now });
      db.prepare(`INSERT INTO attendance (meeting_id, category, member_id, name, role, organisation, status, remote, position) VALUES (1, 'member', 1, '', '', '', 'present', 0, 0)`).run();
      expect(db.prepare('SELECT text FROM search_people').pluck().all()).toEqual(['Mrs D. Taylor CC']);
      db.close();
    }
    const store = openTrackedStore(temp, file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expectPeopleInStep(store.db);
    expect(call(createServices(store), 'search.minutes', { query: 'Vice-Chair' }).map((h) => [h.date, h.snippet])).toEqual([
      ['2026-06-19', 'Mrs D. Taylor CC ([Vice]-[Chair], Wessex County Council)'],
    ]);
  });
});
