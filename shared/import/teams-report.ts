/**
 * Microsoft Teams attendance report -> participants with first join, last
 * leave and time in the meeting. Pure; see ../shared/domain.md ("Microsoft
 * Teams attendance report").
 *
 * Layouts understood:
 * - current: sections "1. Summary", "2. Participants", "3. In-Meeting
 *   Activities" (tab separated as exported, or comma separated after a
 *   round trip through Excel);
 * - a participants/activities table on its own (Join Time, Leave Time);
 * - the older "Full Name / User Action / Timestamp" log (Joined, Left,
 *   Joined before).
 * Dates carry no time zone and follow the organiser's locale; the day/month
 * order is settled against the meeting date.
 */
import Papa from 'papaparse';
import { formatDate, isValidIsoDate } from '../format';
import { decodeImportBytes, importFail, importOk, type ImportResult } from './decode';

export interface TeamsParticipant {
  /** Display name with " (External)" / " (Unverified)" removed. */
  name: string;
  /** Email, else the UPN when it is an address, else ''. */
  email: string;
  role?: string;
  /** HH:MM (24-hour, seconds dropped) or null when the report has none. */
  firstJoin: string | null;
  lastLeave: string | null;
  durationSeconds: number | null;
  external: boolean;
  unverified: boolean;
}

export interface TeamsReport {
  title?: string;
  /** HH:MM of the meeting start and end from the summary, when given. */
  start?: string;
  end?: string;
  participants: TeamsParticipant[];
  warnings: string[];
}

export type TeamsReportResult = ImportResult<TeamsReport>;

/* ---------- columns ---------- */

type Column =
  | 'name'
  | 'firstJoin'
  | 'lastLeave'
  | 'duration'
  | 'joinTime'
  | 'leaveTime'
  | 'email'
  | 'upn'
  | 'role'
  | 'action'
  | 'timestamp';

/** Header text with case, spaces and punctuation removed -> column. */
const COLUMN_ALIASES: Record<string, Column> = {
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  participantname: 'name',
  participant: 'name',
  firstjoin: 'firstJoin',
  firstjoined: 'firstJoin',
  firstjointime: 'firstJoin',
  lastleave: 'lastLeave',
  lastleft: 'lastLeave',
  lastleavetime: 'lastLeave',
  inmeetingduration: 'duration',
  duration: 'duration',
  attendanceduration: 'duration',
  timeinmeeting: 'duration',
  jointime: 'joinTime',
  joined: 'joinTime',
  leavetime: 'leaveTime',
  left: 'leaveTime',
  email: 'email',
  emailaddress: 'email',
  participantidupn: 'upn',
  participantid: 'upn',
  upn: 'upn',
  userprincipalname: 'upn',
  role: 'role',
  useraction: 'action',
  action: 'action',
  timestamp: 'timestamp',
};

const normaliseHeader = (cell: string): string => cell.toLowerCase().replace(/[^a-z0-9]/g, '');

type TableKind = 'participants' | 'activities' | 'actions';

interface Table {
  kind: TableKind;
  headerRow: number;
  columns: Partial<Record<Column, number>>;
  width: number;
  rows: { row: number; cells: string[] }[];
}

function readHeader(cells: string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {};
  cells.forEach((cell, index) => {
    const column = COLUMN_ALIASES[normaliseHeader(cell)];
    if (column && columns[column] === undefined) columns[column] = index;
  });
  return columns;
}

function tableKind(columns: Partial<Record<Column, number>>): TableKind | null {
  if (columns.name === undefined) return null;
  if (columns.firstJoin !== undefined && columns.lastLeave !== undefined) return 'participants';
  if (columns.joinTime !== undefined && columns.leaveTime !== undefined) return 'activities';
  if (columns.action !== undefined && columns.timestamp !== undefined) return 'actions';
  return null;
}

/** A row that could be a header: a name column and at least one other known column. */
function looksLikeHeader(columns: Partial<Record<Column, number>>): boolean {
  return columns.name !== undefined && Object.keys(columns).length >= 2;
}

const SECTION = /^\s*(\d{1,2})\.\s+\S/;
const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');
const nonEmptyCount = (cells: string[]): number => cells.filter((c) => c.trim() !== '').length;

/* ---------- dates, times, durations ---------- */

interface RawStamp {
  /** The cell as written, for messages. */
  text: string;
  a: number;
  b: number;
  c: number;
  yearFirst: boolean;
  minutesOfDay: number;
  seconds: number;
}

const STAMP =
  /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})\.?(?:,|\s|T)\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:[.,]\d+)?\s*(?:([AaPp])\.?\s*[Mm]\.?)?$/;

function readStamp(cell: string): RawStamp | null {
  const text = cell.trim();
  const m = STAMP.exec(text);
  if (!m) return null;
  const [a, b, c, h, min, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const yearFirst = (m[1] ?? '').length === 4;
  if (!yearFirst && (m[3] ?? '').length !== 2 && (m[3] ?? '').length !== 4) return null;
  let hour = h;
  const meridiem = m[7]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    if (meridiem === 'a' && hour === 12) hour = 0;
    if (meridiem === 'p' && hour !== 12) hour += 12;
  }
  if (hour > 23 || min > 59 || s > 59) return null;
  return { text, a, b, c, yearFirst, minutesOfDay: hour * 60 + min, seconds: s };
}

type DateOrder = 'ymd' | 'dmy' | 'mdy';

const pad = (n: number): string => String(n).padStart(2, '0');

function isoFor(stamp: RawStamp, order: DateOrder): string | null {
  let y: number;
  let mo: number;
  let d: number;
  if (order === 'ymd') [y, mo, d] = [stamp.a, stamp.b, stamp.c];
  else if (order === 'dmy') [d, mo, y] = [stamp.a, stamp.b, stamp.c];
  else [mo, d, y] = [stamp.a, stamp.b, stamp.c];
  if (y < 100) y += 2000;
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  return isValidIsoDate(iso) ? iso : null;
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

const hhmm = (minutesOfDay: number): string => `${pad(Math.floor(minutesOfDay / 60))}:${pad(minutesOfDay % 60)}`;

/** "1h 27m 51s", "27m 3s", "45s", "1h", "01:27:51", "27:03" -> seconds. */
export function parseDuration(cell: string): number | null {
  const text = cell.trim().toLowerCase();
  if (text === '') return null;
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) {
    const [x, y, z] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? null : Number(clock[3])];
    return z === null ? x * 60 + y : x * 3600 + y * 60 + z;
  }
  const units = /^(?:(\d+)\s*h(?:rs?|ours?)?)?\s*(?:(\d+)\s*m(?:in(?:ute)?s?)?)?\s*(?:(\d+)\s*s(?:ec(?:ond)?s?)?)?$/.exec(
    text,
  );
  if (!units || (units[1] === undefined && units[2] === undefined && units[3] === undefined)) return null;
  return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
}

/* ---------- names ---------- */

const SUFFIX = /\s*\((external|unverified|guest)\)\s*$/i;

/** "Jo Bloggs (External)" -> { name: 'Jo Bloggs', external: true, unverified: false } */
export function splitNameFlags(raw: string): { name: string; external: boolean; unverified: boolean } {
  let name = raw.trim();
  let external = false;
  let unverified = false;
  for (let m = SUFFIX.exec(name); m; m = SUFFIX.exec(name)) {
    const flag = (m[1] ?? '').toLowerCase();
    if (flag === 'unverified') unverified = true;
    else external = true;
    name = name.slice(0, m.index).trim();
  }
  return { name, external, unverified };
}

/* ---------- the parser ---------- */

interface PendingParticipant {
  name: string;
  email: string;
  role?: string;
  external: boolean;
  unverified: boolean;
  joins: RawStamp[];
  leaves: RawStamp[];
  durationSeconds: number | null;
  /** Old layout: the actions in file order, to tell who was still in the meeting. */
  events: { kind: 'join' | 'leave'; stamp: RawStamp }[];
}

function detectDelimiter(text: string): string {
  if (text.includes('\t')) return '\t';
  const headerLine = text
    .split('\n')
    .find((line) => /name/i.test(line) && /(join|leave|action|timestamp)/i.test(line));
  if (headerLine && (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0)) return ';';
  return ',';
}

const EXPECTED_COLUMNS =
  'Name, First Join, Last Leave (or Join Time, Leave Time; or the older Full Name, User Action, Timestamp)';

/**
 * Parses a Teams attendance report. `meetingDate` (YYYY-MM-DD) settles the
 * day/month order and must be the date the report covers.
 */
export function parseTeamsReport(text: string, meetingDate: string): TeamsReportResult {
  if (!isValidIsoDate(meetingDate)) return importFail(`The meeting date "${meetingDate}" is not a date.`);
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return importFail('The attendance report is empty.');
  if (clean.includes('\uFFFD')) {
    return importFail(
      'The attendance report contains garbled characters (it was probably saved in the wrong encoding). Download it from Teams again.',
    );
  }

  const parsed = Papa.parse<string[]>(clean, { delimiter: detectDelimiter(clean), skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    return importFail(
      `The attendance report is damaged or cut short: a quoted value opened on row ${(quoteError.row ?? 0) + 1} is never closed.`,
    );
  }
  const rows = parsed.data.map((cells) => cells.map((c) => c.trim()));
  const warnings: string[] = [];

  /* Summary: key/value rows before the first table. */
  const summary = new Map<string, { value: string; row: number }>();
  const tables: Table[] = [];
  let rejectedHeader: string[] | null = null;
  let current: Table | null = null;
  rows.forEach((cells, index) => {
    if (isBlank(cells)) {
      current = null;
      return;
    }
    if (nonEmptyCount(cells) === 1 && SECTION.test(cells[0] ?? '')) {
      current = null;
      return;
    }
    const columns = readHeader(cells);
    if (looksLikeHeader(columns)) {
      const kind = tableKind(columns);
      if (kind) {
        current = { kind, headerRow: index, columns, width: cells.length, rows: [] };
        tables.push(current);
      } else {
        rejectedHeader ??= cells.filter((c) => c !== '');
        current = null;
      }
      return;
    }
    if (current) {
      (current as Table).rows.push({ row: index, cells });
      return;
    }
    if (nonEmptyCount(cells) === 2 && cells[0] && cells[1] !== undefined) {
      summary.set(normaliseHeader(cells[0]), { value: cells[1], row: index });
    }
  });

  const table =
    tables.find((t) => t.kind === 'participants') ??
    tables.find((t) => t.kind === 'activities') ??
    tables.find((t) => t.kind === 'actions');
  if (!table) {
    if (rejectedHeader) {
      return importFail(
        `This is not a Teams attendance report this importer understands: its columns are ${(rejectedHeader as string[]).join(', ')}, but it needs ${EXPECTED_COLUMNS}.`,
      );
    }
    return importFail(
      `This does not look like a Microsoft Teams attendance report: no table with the columns ${EXPECTED_COLUMNS} was found.`,
    );
  }
  if (table.rows.length === 0) return importFail('The attendance report lists no participants.');

  const cell = (cells: string[], column: Column): string => {
    const index = table.columns[column];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };

  /* Cut-short rows: the last data row of a truncated file has fewer cells. */
  const lastNeeded = Math.max(
    ...(['name', 'firstJoin', 'lastLeave', 'joinTime', 'leaveTime', 'action', 'timestamp', 'duration'] as Column[])
      .map((c) => table.columns[c])
      .filter((i): i is number => i !== undefined),
  );
  for (const { row, cells } of table.rows) {
    if (cells.length <= lastNeeded) {
      const who = cells[table.columns.name ?? 0] ?? '';
      return importFail(
        `The attendance report is cut short or damaged: row ${row + 1}${who ? ` ("${who}")` : ''} has ${cells.length} of ${table.width} columns.`,
      );
    }
  }

  /* Read every timestamp first, so the day/month order is settled once for the whole file. */
  const stamps: RawStamp[] = [];
  const stampOf = (value: string, row: number, what: string): RawStamp | null | string => {
    if (value === '') return null;
    const stamp = readStamp(value);
    if (!stamp) return `Row ${row + 1} has "${value}" as its ${what}, which is not a date and time. The file may be damaged.`;
    stamps.push(stamp);
    return stamp;
  };

  const summaryStamp = (keys: string[]): RawStamp | null => {
    for (const key of keys) {
      const entry = summary.get(key);
      if (entry) {
        const stamp = readStamp(entry.value);
        if (stamp) {
          stamps.push(stamp);
          return stamp;
        }
        warnings.push(`The summary's "${entry.value}" is not a date and time, so it was ignored.`);
      }
    }
    return null;
  };
  const startStamp = summaryStamp(['starttime', 'meetingstarttime', 'start']);
  const endStamp = summaryStamp(['endtime', 'meetingendtime', 'end']);

  const people = new Map<string, PendingParticipant>();
  /** One participant per row of a Participants table; activity and log rows are gathered per person. */
  const personFor = (cells: string[], row: number): PendingParticipant | null => {
    const raw = cell(cells, 'name');
    if (raw === '') return null;
    const { name, external, unverified } = splitNameFlags(raw);
    const email = cell(cells, 'email') || (cell(cells, 'upn').includes('@') ? cell(cells, 'upn') : '');
    const key = table.kind === 'participants' ? `row ${row}` : email ? email.toLowerCase() : name.toLowerCase();
    let person = people.get(key);
    if (!person) {
      person = { name, email, external, unverified, joins: [], leaves: [], durationSeconds: null, events: [] };
      const role = cell(cells, 'role');
      if (role) person.role = role;
      people.set(key, person);
    }
    return person;
  };

  for (const { row, cells } of table.rows) {
    const person = personFor(cells, row);
    if (!person) {
      warnings.push(`Row ${row + 1} has no name, so it was skipped.`);
      continue;
    }
    if (table.kind === 'actions') {
      const stamp = stampOf(cell(cells, 'timestamp'), row, 'timestamp');
      if (typeof stamp === 'string') return importFail(stamp);
      if (!stamp) return importFail(`Row ${row + 1} ("${person.name}") has no timestamp. The file may be damaged.`);
      const action = cell(cells, 'action').toLowerCase();
      if (action.startsWith('joined') || action === 'join') {
        person.joins.push(stamp);
        person.events.push({ kind: 'join', stamp });
      } else if (action.startsWith('left') || action === 'leave') {
        person.leaves.push(stamp);
        person.events.push({ kind: 'leave', stamp });
      } else {
        warnings.push(`Row ${row + 1} ("${person.name}") has the action "${cell(cells, 'action')}", which was ignored.`);
      }
      continue;
    }
    const joinColumn: Column = table.kind === 'participants' ? 'firstJoin' : 'joinTime';
    const leaveColumn: Column = table.kind === 'participants' ? 'lastLeave' : 'leaveTime';
    const join = stampOf(cell(cells, joinColumn), row, 'join time');
    if (typeof join === 'string') return importFail(join);
    const leave = stampOf(cell(cells, leaveColumn), row, 'leave time');
    if (typeof leave === 'string') return importFail(leave);
    if (join) person.joins.push(join);
    if (leave) person.leaves.push(leave);
    const durationText = cell(cells, 'duration');
    if (durationText !== '') {
      const seconds = parseDuration(durationText);
      if (seconds === null) {
        return importFail(
          `Row ${row + 1} ("${person.name}") has "${durationText}" as its duration, which is not a length of time. The file may be damaged.`,
        );
      }
      person.durationSeconds = (person.durationSeconds ?? 0) + seconds;
    }
  }

  if (stamps.length === 0) return importFail('The attendance report has no join or leave times.');

  /* Settle the day/month order against the meeting date. */
  const orders: DateOrder[] = stamps.every((s) => s.yearFirst) ? ['ymd'] : ['dmy', 'mdy'];
  const nextDay = addDays(meetingDate, 1);
  const fits = (order: DateOrder): boolean => {
    const dates = stamps.map((s) => isoFor(s, order));
    return dates.every((d) => d === meetingDate || d === nextDay) && dates.includes(meetingDate);
  };
  const order = orders.find(fits);
  if (!order) {
    const firstStamp = stamps[0] as RawStamp;
    const readings = [...new Set(orders.map((o) => isoFor(firstStamp, o)).filter((d): d is string => d !== null))];
    const onDay = readings.length > 0 ? readings.map((d) => formatDate(d)).join(' or ') : `"${firstStamp.text}"`;
    const mixed = readings.includes(meetingDate);
    return importFail(
      mixed
        ? `The attendance report's dates do not all fall on the meeting date, ${formatDate(meetingDate)}; it may cover more than one meeting.`
        : `This attendance report is for ${onDay}, but the meeting is on ${formatDate(meetingDate)}. Choose the report for this meeting.`,
    );
  }
  const stampKey = (s: RawStamp): number => ((isoFor(s, order) === nextDay ? 1 : 0) * 1440 + s.minutesOfDay) * 60 + s.seconds;
  let overMidnight = false;
  const timeOf = (s: RawStamp | undefined): string | null => {
    if (!s) return null;
    if (isoFor(s, order) === nextDay) overMidnight = true;
    return hhmm(s.minutesOfDay);
  };
  const earliest = (list: RawStamp[]): RawStamp | undefined =>
    list.reduce<RawStamp | undefined>((best, s) => (!best || stampKey(s) < stampKey(best) ? s : best), undefined);
  const latest = (list: RawStamp[]): RawStamp | undefined =>
    list.reduce<RawStamp | undefined>((best, s) => (!best || stampKey(s) > stampKey(best) ? s : best), undefined);

  const participants: TeamsParticipant[] = [];
  for (const person of people.values()) {
    let lastLeave = latest(person.leaves);
    let durationSeconds = person.durationSeconds;
    if (table.kind === 'actions') {
      const events = [...person.events].sort((x, y) => stampKey(x.stamp) - stampKey(y.stamp));
      let openedAt: RawStamp | null = null;
      let total = 0;
      for (const event of events) {
        if (event.kind === 'join') openedAt ??= event.stamp;
        else if (openedAt) {
          total += stampKey(event.stamp) - stampKey(openedAt);
          openedAt = null;
        }
      }
      if (openedAt) {
        lastLeave = undefined;
        durationSeconds = null;
        warnings.push(`${person.name} has no "Left" after their last "Joined"; they were still in the meeting when the report was taken.`);
      } else {
        durationSeconds = events.length > 0 ? total : null;
      }
    }
    const participant: TeamsParticipant = {
      name: person.name,
      email: person.email,
      firstJoin: timeOf(earliest(person.joins)),
      lastLeave: timeOf(lastLeave),
      durationSeconds,
      external: person.external,
      unverified: person.unverified,
    };
    if (person.role !== undefined) participant.role = person.role;
    participants.push(participant);
  }

  /* The summary's participant count catches a report cut short between rows. */
  const countEntry = summary.get('attendedparticipants') ?? summary.get('totalnumberofparticipants');
  if (countEntry && table.kind === 'participants' && /^\d+$/.test(countEntry.value)) {
    const expected = Number(countEntry.value);
    if (table.rows.length < expected) {
      return importFail(
        `The attendance report is cut short: its summary lists ${expected} participants but only ${table.rows.length} were found.`,
      );
    }
  }

  const report: TeamsReport = { participants, warnings };
  const title = summary.get('meetingtitle') ?? summary.get('title');
  if (title?.value) report.title = title.value;
  const start = timeOf(startStamp ?? undefined);
  const end = timeOf(endStamp ?? undefined);
  if (start) report.start = start;
  if (end) report.end = end;
  if (overMidnight) warnings.push('Some times in the report are after midnight, on the day after the meeting.');
  return importOk(report);
}

/** Decodes the file's bytes (UTF-16 or UTF-8) and parses the report. */
export function readTeamsReport(bytes: Uint8Array, meetingDate: string): TeamsReportResult {
  const decoded = decodeImportBytes(bytes, 'attendance report');
  if (!decoded.ok) return decoded;
  return parseTeamsReport(decoded.value.text, meetingDate);
}
