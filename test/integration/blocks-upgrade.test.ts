/**
 * Minutes written before the block structure (a version 8 file) upgrade into
 * it and export the same words in the same order as before: paragraphs, the
 * points with their introduction, motions, then the decision. Minutes
 * approved and frozen before the change keep their old order too, and new
 * blocks added to an upgraded draft go where the clerk puts them.
 */
import mammoth from 'mammoth';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services';
import { APPLICATION_ID } from '../../electron/store/open-store';
import { migrations } from '../../electron/store/migrations';
import type { ExportedFile } from '../../shared/contract';
import { call } from '../helpers/api';
import { openTrackedStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

async function wordText(services: Services, meetingId: number): Promise<string> {
  const result = await services.call('exports.build', { meetingId, document: 'minutes' });
  if (!result.ok) throw new Error(result.error.message);
  const bytes = Buffer.from((result.value as ExportedFile).base64, 'base64');
  return (await mammoth.extractRawText({ buffer: bytes })).value.replace(/\n+/g, '\n').trim();
}

/** The minute of the item from its heading to the signature. */
const minuteOf = (text: string, heading: string) => text.slice(text.indexOf(heading), text.indexOf('Chairman\n', text.indexOf(heading))).trim();

/** A version 8 file written as the app of that version did: positions counted within each kind. */
function versionEightFile(): string {
  const file = join(temp.makeDir(), 'meeting-clerk.sqlite');
  const db = new Database(file);
  for (const step of migrations.filter((m) => m.version <= 8)) db.exec(step.sql);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 8');
  const at = '2020-12-11T09:00:00.000Z';
  db.prepare(
    `INSERT INTO body (id, name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum, year_start_month, decision_label, created_at, updated_at)
     VALUES (1, 'Wessex Safer Communities Board', 'Board', 1, 0, 1, 5, 'RESOLVED', ?, ?)`,
  ).run(at, at);
  db.prepare(`INSERT INTO member (id, body_id, name, role, organisation, email, voting, position) VALUES (1, 1, 'Mrs D. Taylor CC', '', 'Wessex County Council', '', 1, 0)`).run();
  db.prepare(
    `INSERT INTO meeting (id, body_id, date, start_time, venue, mode, contact_officer, started_at, created_at, updated_at) VALUES (1, 1, '2020-12-11', '10:00', 'County Hall', 'in_room', '', '10:00', ?, ?)`,
  ).run(at, at);
  db.prepare(
    `INSERT INTO agenda_item (id, meeting_id, position, title, presenter, papers, exempt, exempt_paragraph, kind, opening_kind, author, topic, taken_at, points_style)
     VALUES (1, 1, 0, 'Serious Violence Duty', '', '', 0, NULL, 'business', 'report', 'the Director of Public Health', 'the Serious Violence Duty', '10:05', 'roman')`,
  ).run();
  db.prepare(`INSERT INTO attendance (id, meeting_id, category, member_id, name, role, organisation, status, remote, substitute_for_member_id, position) VALUES (1, 1, 'member', 1, '', '', '', 'present', 0, NULL, 0)`).run();
  // Entered in the order a clerk typed them live: a resolution first, then points, then paragraphs.
  const entry = db.prepare(`INSERT INTO minute_entry (agenda_item_id, kind, position, text, recorded_at) VALUES (1, ?, ?, ?, '10:10')`);
  entry.run('resolution', 0, 'That the report be noted');
  entry.run('point', 0, 'Funding had been secured until March');
  entry.run('paragraph', 0, 'The Board discussed the Duty at length.');
  entry.run('resolution', 1, 'That the slides be circulated');
  entry.run('point', 1, 'Referrals had risen by 12%');
  entry.run('paragraph', 1, 'Members asked about funding.');
  db.prepare(
    `INSERT INTO motion (agenda_item_id, position, kind, text, outcome, votes_for, votes_against, recorded, recorded_at) VALUES (1, 0, 'motion', 'that the report be noted', 'carried', 5, 1, 0, '10:20')`,
  ).run();
  db.close();
  return file;
}

const OLD_ORDER = [
  'The Board considered a report of the Director of Public Health, which provided an update regarding the Serious Violence Duty. A copy of the report, marked \'Agenda Item 1\', is filed with these minutes.',
  'The Board discussed the Duty at length.',
  'Members asked about funding.',
  'Arising from discussions the following points were noted:',
  'Funding had been secured until March.',
  'Referrals had risen by 12%.',
  'It was proposed and seconded that the report be noted.',
  'The motion was put to the vote and was CARRIED (5 for, 1 against).',
  'RESOLVED:',
  'That the report be noted;',
  'That the slides be circulated.',
].join('\n');

describe('minutes written before the block structure', () => {
  it('upgrade into blocks in their old printed order and export the same words', async () => {
    const store = openTrackedStore(temp, versionEightFile());
    const services = createServices(store);
    const record = call(services, 'meetings.get', { meetingId: 1 });
    expect(record.layout).toBe(2);
    // One order across entries and motions: paragraphs, points, the motion, resolutions.
    const order = [...record.entries.map((e) => [e.position, e.text]), ...record.motions.map((m) => [m.position, m.text])].sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(order.map((o) => o[0])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(minuteOf(await wordText(services, 1), '1.')).toBe(`1.\tSerious Violence Duty\n${OLD_ORDER}`);
  });

  it('an upgraded draft takes new blocks where the clerk puts them, and its standard wording can be moved', async () => {
    const store = openTrackedStore(temp, versionEightFile());
    const services = createServices(store);
    call(services, 'entries.create', { meetingId: 1, agendaItemId: 1, kind: 'paragraph', text: 'The Chairman thanked the Director.', position: 7 });
    call(services, 'agendaItems.update', { itemId: 1, patch: { standardAt: 2 } });
    const text = minuteOf(await wordText(services, 1), '1.');
    expect(text.endsWith('That the slides be circulated.\nThe Chairman thanked the Director.')).toBe(true);
    expect(text).toContain('Members asked about funding.\nThe Board considered a report of the Director');
  });

  it('minutes approved and frozen before the change keep their old order', async () => {
    const file = versionEightFile();
    // Approve it under version 8: its record was frozen then, positions counted within each kind and no block layout.
    {
      const store = openTrackedStore(temp, file);
      const services = createServices(store);
      const live = call(services, 'meetings.get', { meetingId: 1 });
      const perKind = new Map<string, number>();
      const legacy = {
        ...live,
        layout: undefined,
        entries: [...live.entries]
          .sort((a, b) => a.id - b.id)
          .map((e) => {
            const n = perKind.get(e.kind) ?? 0;
            perKind.set(e.kind, n + 1);
            const { style: _s, intro: _i, label: _l, ...rest } = e;
            return { ...rest, position: e.kind === 'resolution' ? [0, 1][n]! : n };
          }),
        motions: live.motions.map((m) => ({ ...m, position: 0 })),
        items: live.items.map(({ standardText: _t, standardAt: _a, filed: _f, nextForm: _n, ...rest }) => rest),
        minutesStatus: 'approved',
      };
      store.db.prepare(`UPDATE meeting SET minutes_status = 'approved' WHERE id = 1`).run();
      store.db.prepare('INSERT INTO frozen_record (meeting_id, record) VALUES (1, ?)').run(JSON.stringify(legacy));
      store.close();
    }
    const services = createServices(openTrackedStore(temp, file));
    expect(call(services, 'meetings.get', { meetingId: 1 }).layout).toBeUndefined();
    expect(minuteOf(await wordText(services, 1), '1.')).toBe(`1.\tSerious Violence Duty\n${OLD_ORDER}`);
  });
});
