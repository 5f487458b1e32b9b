/**
 * The one registry of every contract call: what each call is (a read, a
 * write, a call answered asynchronously, or one the running app answers
 * itself), and for every write which meetings' minutes and which bodies it
 * touches. The lock on approved minutes, the transaction and the mapping of
 * errors are applied here, once, for every call (see execute.ts); handlers
 * never remember to do it themselves.
 */
import { contract, type CallName, type ParsedInput } from '../../shared/contract';
import type { Motion } from '../../shared/model';
import type { ReadableDb } from './context';
import { confirmedMeetingOf } from './confirmation';
import { ATTENDANCE_SELECT, MEMBER_SELECT } from './lookups';
import {
  toAction,
  toAgendaItem,
  toAttendance,
  toBody,
  toDeclaration,
  toEntry,
  toMeeting,
  toMember,
  toMotion,
  toMovement,
  toPhrase,
  type ActionRow,
  type MotionRow,
} from './rows';

/** The fields of an action kept up in the action log after its minutes are approved (see actions.update below). */
const ACTION_LOG_FIELDS: ReadonlySet<string> = new Set(['status', 'owner', 'dueDate']);

/** How a call touches the database. */
export type CallMode =
  /** Reads only: given a database that refuses writes. */
  | 'read'
  /** Writes in one transaction; its declared meetings are checked against the lock first. */
  | 'write'
  /** Reads in one transaction, then finishes outside it (a Word file written, a file parsed). */
  | 'async'
  /** About the database file itself (backups, recovery): answered by the running app, see electron/runtime.ts. */
  | 'runtime';

export interface CallEffects {
  /** The meetings whose minutes the call changes: refused while those minutes are approved, unless an amendment is under way. */
  meetings: number[];
  /** The bodies it changes (name, members, rules, house style, phrases): their approved minutes are frozen, so these are allowed. */
  bodies: number[];
  /**
   * Other meetings whose minutes' status the call moves along the status chain (confirmation at the next
   * meeting), which keeps its own rules: not checked against the lock, whose only opening is an amendment.
   */
  statusOf?: number[];
}

export interface CallSpec<K extends CallName = CallName> {
  name: K;
  mode: CallMode;
  /** For writes: what the call touches, worked out from its (validated) input before it runs. */
  effects?: (input: ParsedInput<K>, db: ReadableDb) => CallEffects;
  /**
   * For writes that touch a meeting but not its printed minutes (an action's
   * status or comment, kept up at later meetings; the approval calls, which
   * manage the lock themselves): false means the lock does not apply.
   */
  locks?: (input: ParsedInput<K>) => boolean;
  /**
   * For updates of one row: the table and row they change. A save that says
   * which version of the row it was based on (baseVersion) is refused when
   * the row has changed since, so no window overwrites another's change unseen.
   */
  versioned?: {
    table: string;
    id: (input: ParsedInput<K>) => number;
    what: string;
    /** Its main words, quoted in the refusal. */
    text?: string;
    /** The row as the API shows it, for comparing a save's `was` values field by field. */
    current: (db: ReadableDb, id: number) => Record<string, unknown> | undefined;
  };
}

/** The registry: a call registered twice is a programming error and throws at start. */
export class CallRegistry {
  private readonly specs = new Map<CallName, CallSpec>();

  register<K extends CallName>(spec: CallSpec<K>): this {
    if (this.specs.has(spec.name)) throw new Error(`The call ${spec.name} is registered twice`);
    if (!Object.prototype.hasOwnProperty.call(contract, spec.name)) throw new Error(`The call ${spec.name} is not in the contract`);
    if (spec.mode === 'write' && !spec.effects) throw new Error(`The write call ${spec.name} must declare what it touches`);
    this.specs.set(spec.name, spec as unknown as CallSpec);
    return this;
  }

  /** Declares the row an update changes, for the check on stale saves. */
  versioned<K extends CallName>(name: K, versioned: NonNullable<CallSpec<K>['versioned']>): this {
    const spec = this.specs.get(name);
    if (!spec || spec.mode !== 'write') throw new Error(`${name} must be registered as a write before its row is declared`);
    spec.versioned = versioned as unknown as CallSpec['versioned'];
    return this;
  }

  get(name: CallName): CallSpec | undefined {
    return this.specs.get(name);
  }

  /** Contract calls with no entry: empty once the registry is complete (checked at start and by a test). */
  missing(): CallName[] {
    return (Object.keys(contract) as CallName[]).filter((name) => !this.specs.has(name));
  }

  all(): CallSpec[] {
    return [...this.specs.values()];
  }
}

/* ---------- Working out what a write touches ---------- */

const one = (db: ReadableDb, sql: string, id: number): number | null => {
  const row = db.prepare(sql).get(id) as { id: number | null } | undefined;
  return row?.id ?? null;
};
/** Reads one row through its mapper, as the API shows it. */
const row =
  <R,>(sql: string, map: (r: R) => object) =>
  (db: ReadableDb, id: number): Record<string, unknown> | undefined => {
    const found = db.prepare(sql).get(id) as R | undefined;
    return found === undefined ? undefined : (map(found) as Record<string, unknown>);
  };
/** A motion with its named votes, as the API shows it. */
const motionRow = (db: ReadableDb, id: number): Record<string, unknown> | undefined => {
  const found = db.prepare('SELECT * FROM motion WHERE id = ?').get(id) as MotionRow | undefined;
  if (!found) return undefined;
  const names = db.prepare('SELECT attendance_id AS attendanceId, choice FROM vote_name WHERE motion_id = ? ORDER BY attendance_id').all(id) as Motion['names'];
  return toMotion(found, names) as unknown as Record<string, unknown>;
};
const list = (...ids: (number | null)[]): number[] => ids.filter((id): id is number => id !== null);

/** The meeting a row belongs to, or null when the row does not exist (the handler then says so). */
export const meetingOf = {
  item: (db: ReadableDb, id: number) => one(db, 'SELECT meeting_id AS id FROM agenda_item WHERE id = ?', id),
  entry: (db: ReadableDb, id: number) =>
    one(db, 'SELECT i.meeting_id AS id FROM minute_entry e JOIN agenda_item i ON i.id = e.agenda_item_id WHERE e.id = ?', id),
  motion: (db: ReadableDb, id: number) =>
    one(db, 'SELECT i.meeting_id AS id FROM motion m JOIN agenda_item i ON i.id = m.agenda_item_id WHERE m.id = ?', id),
  action: (db: ReadableDb, id: number) =>
    one(db, 'SELECT i.meeting_id AS id FROM action a JOIN agenda_item i ON i.id = a.agenda_item_id WHERE a.id = ?', id),
  attendance: (db: ReadableDb, id: number) => one(db, 'SELECT meeting_id AS id FROM attendance WHERE id = ?', id),
  movement: (db: ReadableDb, id: number) =>
    one(db, 'SELECT a.meeting_id AS id FROM movement v JOIN attendance a ON a.id = v.attendance_id WHERE v.id = ?', id),
  declaration: (db: ReadableDb, id: number) => one(db, 'SELECT meeting_id AS id FROM declaration WHERE id = ?', id),
};
export const bodyOf = {
  member: (db: ReadableDb, id: number) => one(db, 'SELECT body_id AS id FROM member WHERE id = ?', id),
  phrase: (db: ReadableDb, id: number) => one(db, 'SELECT body_id AS id FROM phrase WHERE id = ?', id),
  meeting: (db: ReadableDb, id: number) => one(db, 'SELECT body_id AS id FROM meeting WHERE id = ?', id),
};

const inMeeting = (meetingId: number | null, db: ReadableDb): CallEffects => ({
  meetings: list(meetingId),
  bodies: meetingId === null ? [] : list(bodyOf.meeting(db, meetingId)),
});
const ofMeeting = <K extends CallName>(pick: (input: ParsedInput<K>, db: ReadableDb) => number | null) => (input: ParsedInput<K>, db: ReadableDb) =>
  inMeeting(pick(input, db), db);
const ofBody = <K extends CallName>(pick: (input: ParsedInput<K>, db: ReadableDb) => number | null) => (input: ParsedInput<K>, db: ReadableDb): CallEffects => ({
  meetings: [],
  bodies: list(pick(input, db)),
});
const nothing = (): CallEffects => ({ meetings: [], bodies: [] });

type WithMeeting = { meetingId: number };
const byMeetingId = ofMeeting<CallName>((input) => (input as WithMeeting).meetingId);

/** Every call in the contract, once. */
export function buildRegistry(): CallRegistry {
  const r = new CallRegistry();
  const read = (...names: CallName[]) => names.forEach((name) => r.register({ name, mode: 'read' }));
  const writeMeeting = (...names: CallName[]) => names.forEach((name) => r.register({ name, mode: 'write', effects: byMeetingId }));

  read('app.info', 'bodies.list', 'bodies.get', 'meetings.list', 'meetings.get', 'knownAttendees.list', 'phrases.list');
  read('minutes.versions', 'minutes.getConfirmation', 'actions.log', 'search.minutes', 'settings.get', 'review.list', 'review.replyFile');
  // Changes the desktop window, not the database.
  read('app.setAlwaysOnTop');

  r.register({ name: 'bodies.create', mode: 'write', effects: nothing });
  r.register({ name: 'bodies.update', mode: 'write', effects: ofBody<'bodies.update'>((i) => i.bodyId) });
  r.register({ name: 'bodies.delete', mode: 'write', effects: ofBody<'bodies.delete'>((i) => i.bodyId) });
  r.register({ name: 'members.create', mode: 'write', effects: ofBody<'members.create'>((i) => i.bodyId) });
  for (const name of ['members.update', 'members.move', 'members.delete'] as const) {
    r.register({ name, mode: 'write', effects: ofBody<typeof name>((i, db) => bodyOf.member(db, i.memberId)) });
  }
  r.register({ name: 'phrases.create', mode: 'write', effects: ofBody<'phrases.create'>((i) => i.bodyId) });
  for (const name of ['phrases.update', 'phrases.delete'] as const) {
    r.register({ name, mode: 'write', effects: ofBody<typeof name>((i, db) => bodyOf.phrase(db, i.phraseId)) });
  }
  // A new meeting of the body: the body's approved minutes are frozen, so their numbers stay as approved.
  r.register({ name: 'meetings.create', mode: 'write', effects: ofBody<'meetings.create'>((i) => i.bodyId) });

  writeMeeting('meetings.update', 'meetings.delete', 'meetings.start', 'meetings.close', 'meetings.takeItem');
  writeMeeting('agendaItems.create', 'attendance.setMember', 'attendance.addPerson', 'declarations.create');
  writeMeeting('entries.create', 'entries.restore', 'motions.create', 'actions.create', 'import.applyAgenda', 'import.applyTeams');
  for (const name of ['agendaItems.update', 'agendaItems.move', 'agendaItems.delete', 'agendaItems.reorderBusiness'] as const) {
    r.register({ name, mode: 'write', effects: ofMeeting<typeof name>((i, db) => meetingOf.item(db, i.itemId)) });
  }
  for (const name of ['attendance.updatePerson', 'attendance.remove', 'attendance.recordMovement', 'attendance.setChair'] as const) {
    r.register({ name, mode: 'write', effects: ofMeeting<typeof name>((i, db) => meetingOf.attendance(db, i.attendanceId)) });
  }
  r.register({ name: 'attendance.updateMovement', mode: 'write', effects: ofMeeting<'attendance.updateMovement'>((i, db) => meetingOf.movement(db, i.movementId)) });
  r.register({ name: 'attendance.deleteMovement', mode: 'write', effects: ofMeeting<'attendance.deleteMovement'>((i, db) => meetingOf.movement(db, i.movementId)) });
  for (const name of ['declarations.update', 'declarations.delete'] as const) {
    r.register({ name, mode: 'write', effects: ofMeeting<typeof name>((i, db) => meetingOf.declaration(db, i.declarationId)) });
  }
  for (const name of ['entries.update', 'entries.move', 'entries.delete'] as const) {
    r.register({ name, mode: 'write', effects: ofMeeting<typeof name>((i, db) => meetingOf.entry(db, i.entryId)) });
  }
  for (const name of ['motions.update', 'motions.delete', 'motions.move'] as const) {
    r.register({ name, mode: 'write', effects: ofMeeting<typeof name>((i, db) => meetingOf.motion(db, i.motionId)) });
  }
  r.register({ name: 'actions.delete', mode: 'write', effects: ofMeeting<'actions.delete'>((i, db) => meetingOf.action(db, i.actionId)) });
  // An action's status, owner and due date belong to the action log, kept up at later meetings (an officer
  // takes it over, a date is put back); its wording and resolution belong to the minutes. Approved minutes
  // print their frozen copy, so a later owner or date never changes what was approved.
  r.register({
    name: 'actions.update',
    mode: 'write',
    effects: ofMeeting<'actions.update'>((i, db) => meetingOf.action(db, i.actionId)),
    locks: (i) => Object.entries(i.patch).some(([key, value]) => !ACTION_LOG_FIELDS.has(key) && value !== undefined),
  });
  r.register({ name: 'actions.comment', mode: 'write', effects: ofMeeting<'actions.comment'>((i, db) => meetingOf.action(db, i.actionId)), locks: () => false });
  // The approval calls open and close the lock themselves.
  for (const name of ['minutes.setStatus', 'minutes.beginAmendment', 'minutes.finishAmendment'] as const) {
    r.register({ name, mode: 'write', effects: byMeetingId, locks: () => false });
  }
  // Confirming the previous minutes minutes this meeting's item (locked like any write) and moves the earlier
  // meeting's status (approved to confirmed, an agreed amendment opened), which the status chain guards.
  r.register({
    name: 'minutes.confirmPrevious',
    mode: 'write',
    effects: (i, db) => ({ ...inMeeting(meetingOf.item(db, i.itemId), db), statusOf: list(confirmedMeetingOf(db, i.itemId)) }),
  });
  // The chair's corrections change the draft's entries; approved minutes are locked against them like any write.
  r.register({ name: 'review.apply', mode: 'write', effects: byMeetingId });
  r.register({ name: 'settings.update', mode: 'write', effects: nothing });
  r.register({ name: 'demo.load', mode: 'write', effects: nothing });

  r.register({ name: 'exports.build', mode: 'async' });
  r.register({ name: 'exports.publish', mode: 'async' });
  r.register({ name: 'import.readAgenda', mode: 'async' });
  // The template is read in the parsing worker first, then written like any change of the body's settings.
  r.register({ name: 'bodies.setWordTemplate', mode: 'async', effects: ofBody<'bodies.setWordTemplate'>((i) => i.bodyId) });
  // The reply is read in the parsing worker and placed against the copy sent; nothing is saved.
  r.register({ name: 'review.readReply', mode: 'async' });
  // The review copy is written after its words are read, then the send is recorded as a write (effects declared for that write).
  r.register({ name: 'review.send', mode: 'async', effects: byMeetingId });
  // The Teams report is read and matched in the parsing worker, after the meeting's people are read.
  r.register({ name: 'import.readTeams', mode: 'async' });
  // Past minutes are read in the parsing worker (nothing saved), then saved as new, confirmed meetings of the body.
  r.register({ name: 'import.readPastMinutes', mode: 'async' });
  r.register({ name: 'import.savePastMinutes', mode: 'write', effects: ofBody<'import.savePastMinutes'>((i) => i.bodyId) });
  for (const name of ['recovery.status', 'backups.list', 'backups.compare', 'backups.create', 'backups.restore'] as const) r.register({ name, mode: 'runtime' });

  r.versioned('bodies.update', { table: 'body', current: row('SELECT * FROM body WHERE id = ?', toBody), id: (i) => i.bodyId, what: 'The body’s settings' });
  r.versioned('members.update', { table: 'member', current: row(`${MEMBER_SELECT} WHERE m.id = ?`, toMember), id: (i) => i.memberId, what: 'This member' });
  r.versioned('phrases.update', { table: 'phrase', current: row('SELECT * FROM phrase WHERE id = ?', toPhrase), text: 'text', id: (i) => i.phraseId, what: 'This phrase' });
  r.versioned('meetings.update', { table: 'meeting', current: row('SELECT * FROM meeting WHERE id = ?', toMeeting), id: (i) => i.meetingId, what: 'The meeting’s details' });
  r.versioned('agendaItems.update', { table: 'agenda_item', current: row('SELECT * FROM agenda_item WHERE id = ?', toAgendaItem), id: (i) => i.itemId, what: 'This agenda item' });
  r.versioned('attendance.updatePerson', { table: 'attendance', current: row(`${ATTENDANCE_SELECT} WHERE a.id = ?`, toAttendance), id: (i) => i.attendanceId, what: 'This attendee' });
  r.versioned('attendance.updateMovement', { table: 'movement', current: row('SELECT * FROM movement WHERE id = ?', toMovement), id: (i) => i.movementId, what: 'This arrival or departure' });
  r.versioned('declarations.update', { table: 'declaration', current: row('SELECT * FROM declaration WHERE id = ?', toDeclaration), id: (i) => i.declarationId, what: 'This declaration' });
  r.versioned('entries.update', { table: 'minute_entry', current: row('SELECT * FROM minute_entry WHERE id = ?', toEntry), text: 'text', id: (i) => i.entryId, what: 'This paragraph' });
  r.versioned('motions.update', { table: 'motion', current: motionRow, text: 'text', id: (i) => i.motionId, what: 'This motion' });
  r.versioned('actions.update', { table: 'action', current: row('SELECT * FROM action WHERE id = ?', (r: ActionRow) => toAction(r)), text: 'text', id: (i) => i.actionId, what: 'This action' });

  const missing = r.missing();
  if (missing.length) throw new Error(`Calls in the contract with no registry entry: ${missing.join(', ')}`);
  return r;
}
