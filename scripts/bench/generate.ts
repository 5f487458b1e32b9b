/**
 * The decade database for `npm run bench`: 10,000 meetings across 40 bodies
 * (about 150,000 agenda items and 400,000 resolutions, with paragraphs,
 * points, attendance and actions), written the same way on every machine.
 *
 *   tsx scripts/bench/generate.ts [--fresh] [--out .tmp/bench/decade.sqlite]
 *
 * Bodies and members are made through the service layer; the bulk of the
 * rows are inserted with SQL into the real schema (after openStore has run
 * every migration), so every CHECK constraint and foreign key applies and the
 * full-text triggers fire for each row. The file is written under a temporary
 * name and renamed when complete, with a sidecar .json describing it; a
 * complete file is reused unless --fresh is given.
 */
import { invokedDirectly } from '../invoked-directly';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BodyDetail } from '../../shared/model';
import { parseFlags, UsageError } from '../../electron/config/data-dir';
import { createServices, type Services } from '../../electron/services';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../electron/store/migrations';
import { openStore } from '../../electron/store/open-store';
import { freezeUnfrozen } from '../../electron/services/guards';
import { BODY_KINDS, BODY_NAMES, ORGANISATIONS, PLACES, seeded, Words } from './words';

/** Bump when the shape of the data changes: an older cache is then rebuilt. */
export const GENERATOR_VERSION = 1;
export const BODIES = 40;
export const MEETINGS_PER_BODY = 250;
const MEMBERS_PER_BODY = 12;
const FIRST_DAY = Date.UTC(2016, 4, 3); // Tuesday 3 May 2016: ten municipal years to April 2026
const DAYS = 3650;

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const DEFAULT_DECADE_FILE = join(root, '.tmp', 'bench', 'decade.sqlite');

export interface DecadeInfo {
  generatorVersion: number;
  file: string;
  bodies: number;
  meetings: number;
  items: number;
  resolutions: number;
  paragraphs: number;
  points: number;
  attendance: number;
  actions: number;
  bytes: number;
  seconds: number;
  /** Set when a file generated under an older schema was upgraded in place. */
  /** firstStartSeconds: the migrations and the app's first start on the upgraded file (freezing approved minutes). */
  upgrade?: { from: number; to: number; seconds: number; firstStartSeconds?: number };
}

const sidecar = (file: string) => `${file}.json`;

function unwrap<T>(services: Services, name: string, input: unknown): T {
  const result = services.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;

/** Reads the sidecar of a complete file, or null when there is none (or it is stale). */
export function readDecade(file = DEFAULT_DECADE_FILE): DecadeInfo | null {
  if (!existsSync(file) || !existsSync(sidecar(file))) return null;
  try {
    const info = JSON.parse(readFileSync(sidecar(file), 'utf8')) as DecadeInfo;
    if (info.generatorVersion !== GENERATOR_VERSION || info.meetings !== BODIES * MEETINGS_PER_BODY) return null;
    if (statSync(file).size !== info.bytes) return null;
    return { ...info, file };
  } catch {
    return null;
  }
}

/** A decade file from an older schema is upgraded in place once, as the app would upgrade a clerk's file, and the time it took kept. */
function upgradeDecade(info: DecadeInfo, log: (line: string) => void): DecadeInfo {
  const probe = new Database(info.file, { readonly: true, fileMustExist: true });
  const version = probe.pragma('user_version', { simple: true }) as number;
  probe.close();
  if (version >= LATEST_SCHEMA_VERSION) return info;
  log(`Upgrading it from schema ${version} to ${LATEST_SCHEMA_VERSION}…`);
  const started = performance.now();
  const store = openStore(info.file);
  const migrated = performance.now();
  // The app's first start on the upgraded file also freezes minutes approved before records were frozen (createServices
  // does it once): done here on the cache, so that each scratch copy does not spend minutes freezing 10,000 records again.
  createServices(store);
  store.close();
  const seconds = (t: number) => Math.round(t / 100) / 10;
  const upgraded: DecadeInfo = {
    ...info,
    bytes: statSync(info.file).size,
    upgrade: { from: version, to: LATEST_SCHEMA_VERSION, seconds: seconds(migrated - started), firstStartSeconds: seconds(performance.now() - started) },
  };
  writeFileSync(sidecar(info.file), `${JSON.stringify(upgraded, null, 2)}\n`);
  log(`Upgraded in ${upgraded.upgrade!.seconds} s (the first start, freezing approved minutes too, ${upgraded.upgrade!.firstStartSeconds} s)`);
  return upgraded;
}

/** The decade database: reused when complete, else (or with fresh) generated. */
export function ensureDecade(options: { file?: string; fresh?: boolean; log?: (line: string) => void } = {}): DecadeInfo {
  const file = options.file ?? DEFAULT_DECADE_FILE;
  const log = options.log ?? (() => {});
  if (!options.fresh) {
    const found = readDecade(file);
    if (found) {
      log(`Reusing ${file} (${found.meetings} meetings, ${(found.bytes / 1048576).toFixed(0)} MB); --fresh regenerates it`);
      return upgradeDecade(found, log);
    }
  }
  return generateDecade(file, log);
}

export function generateDecade(file: string, log: (line: string) => void = () => {}): DecadeInfo {
  const started = performance.now();
  const partial = `${file}.partial`;
  for (const f of [file, sidecar(file), partial, `${partial}-wal`, `${partial}-shm`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });

  const store = openStore(partial);
  const db = store.db;
  // Bulk load only: the bench copies the finished file before measuring, and opens it with the app's own settings.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  const services = createServices(store, { transport: 'browser-host', now: () => new Date('2016-04-01T09:00:00Z') });
  const w = new Words(seeded(20_160_503));

  const insertMeeting = db.prepare(
    `INSERT INTO meeting (body_id, date, start_time, venue, mode, contact_officer, created_at, updated_at, started_at, closed_at, minutes_status)
     VALUES (@bodyId, @date, @start, @venue, @mode, @officer, @created, @created, @start, @closed, @status)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO agenda_item (meeting_id, position, title, presenter, papers, exempt, exempt_paragraph, kind, taken_at, business_order,
       outcome, opening_kind, author, topic, public_summary)
     VALUES (@meetingId, @position, @title, @presenter, @papers, @exempt, @paragraph, @kind, @taken, @position,
       @outcome, @opening, @author, @topic, @summary)`,
  );
  const insertEntry = db.prepare(
    'INSERT INTO minute_entry (agenda_item_id, kind, position, text, recorded_at, inquorate) VALUES (?, ?, ?, ?, ?, 0)',
  );
  const insertAttendance = db.prepare(
    `INSERT INTO attendance (meeting_id, category, member_id, name, role, organisation, status, remote, position)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAction = db.prepare(
    `INSERT INTO action (agenda_item_id, resolution_id, position, text, owner, due_date, status, number) VALUES (?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const setCurrent = db.prepare('UPDATE meeting SET current_item_id = ? WHERE id = ?');

  const counts = { items: 0, resolutions: 0, paragraphs: 0, points: 0, attendance: 0, actions: 0 };

  for (let b = 0; b < BODIES; b++) {
    const place = PLACES[b % PLACES.length]!;
    const body = unwrap<BodyDetail>(services, 'bodies.create', {
      name: b < BODY_NAMES.length ? `${place} ${BODY_NAMES[b]}` : `Body ${b + 1}`,
      kind: BODY_KINDS[b % BODY_KINDS.length],
      quorumMinVoting: 3,
      yearStartMonth: 5,
      decisionLabel: b % 7 === 3 ? 'AGREED' : 'RESOLVED',
    });
    const members: { id: number }[] = [];
    for (let m = 0; m < MEMBERS_PER_BODY; m++) {
      members.push(
        unwrap<{ id: number }>(services, 'members.create', {
          bodyId: body.id,
          name: w.person(),
          role: m === 0 ? 'Chairman' : m === 1 ? 'Vice-Chairman' : 'Member',
          organisation: w.pick(ORGANISATIONS.slice(0, 3)),
          voting: m < 10,
        }),
      );
    }
    const venue = `${w.pick(['Council Chamber', 'Committee Room 1', 'Committee Room 2', 'The Guildhall'])}, ${place}`;
    const startMinutes = w.pick([570, 600, 600, 840, 1110]);
    let actionNumber = 0;

    store.transaction(() => {
      for (let k = 0; k < MEETINGS_PER_BODY; k++) {
        const day = FIRST_DAY + (Math.floor((k * DAYS) / MEETINGS_PER_BODY) + (b % 11)) * 86_400_000;
        const date = isoDay(day);
        const start = clock(startMinutes);
        const last = k === MEETINGS_PER_BODY - 1;
        const meetingId = Number(
          insertMeeting.run({
            bodyId: body.id,
            date,
            start,
            venue,
            mode: w.pick(['in_room', 'in_room', 'hybrid', 'teams']),
            officer: w.officer(),
            created: `${isoDay(day - 21 * 86_400_000)}T09:00:00.000Z`,
            closed: clock(startMinutes + w.int(70, 170)),
            status: last ? 'draft' : k >= MEETINGS_PER_BODY - 2 ? 'approved' : 'published',
          }).lastInsertRowid,
        );

        members.forEach((m, i) => {
          insertAttendance.run(meetingId, 'member', m.id, '', '', '', w.chance(0.85) ? 'present' : 'apologies', 0, i);
        });
        insertAttendance.run(meetingId, 'officer', null, w.officer().split(',')[0], 'Democratic Services Officer', ORGANISATIONS[0], 'present', 0, MEMBERS_PER_BODY);
        counts.attendance += MEMBERS_PER_BODY + 1;

        const business = w.int(7, 11);
        const kinds = ['introductions', 'declarations', 'previous_minutes', 'action_log', ...Array<string>(business).fill('business'), 'other_business', 'next_meeting'];
        let minute = startMinutes;
        let lastItem = 0;
        kinds.forEach((kind, position) => {
          const topic = kind === 'business' ? w.topic() : '';
          const exempt = kind === 'business' && w.chance(0.03);
          const title =
            kind === 'business'
              ? w.itemTitle(topic)
              : {
                  introductions: 'Introductions and apologies',
                  declarations: 'Declarations of interest',
                  previous_minutes: 'Minutes of the previous meeting',
                  action_log: 'Action Log',
                  other_business: 'Any other business',
                  next_meeting: 'Date of next meeting',
                }[kind]!;
          minute += w.int(3, 14);
          const taken = clock(minute);
          const officer = kind === 'business' ? w.officer() : '';
          const itemId = Number(
            insertItem.run({
              meetingId,
              position,
              title,
              presenter: officer ? `${officer}, presented the report.` : '',
              papers: kind === 'business' ? 'Report and appendices' : '',
              exempt: exempt ? 1 : 0,
              paragraph: exempt ? 3 : null,
              kind,
              taken,
              outcome: 'minuted',
              opening: kind === 'business' ? 'report' : 'none',
              author: officer,
              topic: kind === 'business' ? topic.toLowerCase() : '',
              summary: exempt ? `The committee considered a confidential report on the ${topic.toLowerCase()}.` : '',
            }).lastInsertRowid,
          );
          lastItem = itemId;
          counts.items++;

          const resolutions: string[] = [];
          if (kind === 'business') {
            const paragraphs = w.int(1, 3);
            for (let p = 0; p < paragraphs; p++) insertEntry.run(itemId, 'paragraph', p, w.paragraph(topic), taken);
            const points = w.int(0, 3);
            for (let p = 0; p < points; p++) insertEntry.run(itemId, 'point', p, w.point(topic), taken);
            counts.paragraphs += paragraphs;
            counts.points += points;
            const n = w.int(2, 6);
            for (let r = 0; r < n; r++) resolutions.push(w.resolution(topic));
          } else if (kind === 'previous_minutes') {
            resolutions.push('That the minutes of the previous meeting be confirmed as a correct record and signed by the Chairman.');
          } else if (kind === 'action_log') {
            resolutions.push('That the status of the Action Log be noted.');
          } else if (kind === 'next_meeting') {
            resolutions.push(`That the next meeting be held at ${venue}, at ${start}.`);
          }
          let firstResolution: number | null = null;
          resolutions.forEach((text, r) => {
            const id = Number(insertEntry.run(itemId, 'resolution', r, text, taken).lastInsertRowid);
            firstResolution ??= id;
          });
          counts.resolutions += resolutions.length;

          if (kind === 'business' && w.chance(0.15)) {
            actionNumber++;
            insertAction.run(
              itemId,
              firstResolution,
              `Bring a further report on the ${topic.toLowerCase()} to the next meeting.`,
              officer.split(',')[0],
              isoDay(day + 42 * 86_400_000),
              last ? 'Amber' : w.pick(['Complete', 'Complete', 'Complete', 'Green']),
              actionNumber,
            );
            counts.actions++;
          }
        });
        setCurrent.run(lastItem, meetingId);
      }
    });
    if ((b + 1) % 5 === 0) log(`  ${b + 1}/${BODIES} bodies, ${counts.items} items, ${counts.resolutions} resolutions (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }

  // Approved minutes print from their frozen record, as the app freezes them at approval: frozen here, as its first start would.
  log('  freezing the approved minutes…');
  services.context.store.transaction(() => freezeUnfrozen(services.context));
  db.pragma('wal_checkpoint(TRUNCATE)');
  const meetings = (db.prepare('SELECT count(*) AS n FROM meeting').get() as { n: number }).n;
  store.close();
  renameSync(partial, file);
  for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const info: DecadeInfo = {
    generatorVersion: GENERATOR_VERSION,
    file,
    bodies: BODIES,
    meetings,
    ...counts,
    bytes: statSync(file).size,
    seconds: Math.round((performance.now() - started) / 1000),
  };
  writeFileSync(sidecar(file), `${JSON.stringify(info, null, 2)}\n`);
  log(`Generated ${file}: ${meetings} meetings, ${counts.items} items, ${counts.resolutions} resolutions, ${(info.bytes / 1048576).toFixed(0)} MB in ${info.seconds} s`);
  return info;
}

if (invokedDirectly(import.meta.url)) {
  try {
    const flags = parseFlags(process.argv.slice(2), ['out'], ['fresh']);
    const file = flags.values.out ? resolve(flags.values.out) : DEFAULT_DECADE_FILE;
    ensureDecade({ file, fresh: flags.switches.has('fresh'), log: (line) => console.log(line) });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`generate: ${error.message}`);
    process.exitCode = 1;
  }
}
