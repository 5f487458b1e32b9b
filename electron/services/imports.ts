/**
 * Bringing the meeting in: an agenda (read, then applied as the clerk
 * confirmed it) and a Microsoft Teams attendance report (read and matched
 * to the body's people, then applied as confirmed). Reading saves nothing.
 */
import type { TeamsPreview } from '../../shared/contract';
import type { ParsedAgenda } from '../../shared/import/agenda-text';
import { planAgendaImport, removalBlocker } from '../../shared/import/agenda-plan';
import { OPENING_FOR_FORM, parsePresenterLine } from '../../shared/import/presenter-line';
import { inferKind } from '../../shared/minutes/standard-items';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import { compareInMeeting, minutesIntoMeeting } from '../../shared/rules/meeting-clock';
import { parseIsolated } from '../import/isolated';
import type { ParseTask } from '../import/parse-task';
import type { TeamsCandidate } from '../import/teams-preview';
import { agendaList, insertItem, isVaried, syncBusinessOrder } from './agenda-order';
import { addPerson, recordMovement, setMemberAttendance } from './attendance-ops';
import type { ParsedInput } from '../../shared/contract';
import type { Handlers, ReadContext, ServiceContext } from './context';
import { assertConfirmationKept } from './guards';
import { loadMeeting } from './lookups';
import { loadRecord } from './meeting-record';
import { moveInList, renumberList } from './ordering';

/**
 * Reads an agenda from pasted text or a .docx file. Both are parsed in a
 * worker with memory and time limits (electron/import/isolated.ts), so a
 * hostile or huge file is refused with a clear message while every other
 * call carries on; nothing is saved either way.
 */
export async function readAgenda(source: { kind: 'text'; text: string } | { kind: 'docx'; base64: string }): Promise<ParsedAgenda> {
  const task: ParseTask = source.kind === 'text' ? { kind: 'agenda-text', text: source.text } : { kind: 'agenda-docx', bytes: Buffer.from(source.base64, 'base64') };
  const result = await parseIsolated(task, {}, { handOver: true }); // the bytes were decoded for this call only
  if (!result.ok) throw new DomainError('invalid_input', result.error.message);
  return result.value;
}

/**
 * import.readTeams: the meeting and the body's people are read in one
 * transaction; the report itself is read and matched to them in the parsing
 * worker, so a hostile or huge report never holds up another call. Saves nothing.
 */
export async function readTeams(
  input: ParsedInput<'import.readTeams'>,
  ctx: ReadContext,
  inReadTransaction: <T>(fn: () => T) => T,
): Promise<Result<TeamsPreview>> {
  try {
    const { meetingDate, candidates } = inReadTransaction(() => {
      const record = loadRecord(ctx, input.meetingId);
      const known = ctx.store.db.prepare('SELECT id, name FROM known_attendee WHERE body_id = ?').all(record.bodyId) as { id: number; name: string }[];
      const people: TeamsCandidate[] = [
        ...record.members.map((m) => ({ id: m.id, name: m.name, email: m.email || null, kind: 'member' as const })),
        ...known.map((k) => ({ id: k.id, name: k.name, email: null, kind: 'known' as const })),
      ];
      return { meetingDate: record.date, candidates: people };
    });
    const read = await parseIsolated({ kind: 'teams-report', bytes: Buffer.from(input.base64, 'base64'), meetingDate, candidates }, {}, { handOver: true });
    return read.ok ? ok(read.value) : fail('invalid_input', read.error.message);
  } catch (error) {
    if (error instanceof DomainError) return fail(error.code, error.message);
    return fail('internal', `The attendance report could not be read: ${(error as Error)?.message ?? String(error)}`);
  }
}

export const importHandlers: Handlers<'import.applyAgenda' | 'import.applyTeams' | 'app.setAlwaysOnTop'> = {
  /**
   * Adds the confirmed items in the agenda's order. An item recognised as a
   * standard one the meeting already has (pre-worded) takes that item's
   * place and wording instead of being added twice. The standard items the
   * agenda did not list that the clerk chose to remove (removeUnlisted) are
   * deleted in the same transaction; each must be one of them, not taken up
   * and with nothing of its minute recorded, or nothing changes.
   */
  'import.applyAgenda': (input, ctx) => {
    const record = loadRecord(ctx, input.meetingId);
    const kinds = input.items.map((item) => item.kind ?? inferKind(item.title));
    const plan = planAgendaImport(record.items, kinds);
    assertConfirmationKept(ctx, { itemIds: input.removeUnlisted }, 'delete');
    for (const id of input.removeUnlisted) {
      const blocker = removalBlocker(record, id);
      if (blocker) throw new DomainError('invalid_input', `removeUnlisted: ${blocker}, so it cannot be removed`);
      if (!plan.unlisted.includes(id)) {
        const item = record.items.find((i) => i.id === id)!;
        throw new DomainError('invalid_input', `removeUnlisted: Item ${item.agendaNumber} (${item.title}) is on the imported agenda, so it cannot be removed`);
      }
    }
    for (const [place, item] of input.items.entries()) {
      const kind = kinds[place]!;
      const existing = plan.matches[place] ?? null;
      if (existing !== null) {
        ctx.store.db
          .prepare('UPDATE agenda_item SET title = ?, presenter = ?, papers = ?, exempt = ?, exempt_paragraph = ? WHERE id = ?')
          .run(item.title, item.presenter, item.papers, item.exempt ? 1 : 0, item.exemptParagraph, existing);
        if (item.author !== undefined) ctx.store.db.prepare('UPDATE agenda_item SET author = ? WHERE id = ?').run(item.author, existing);
        moveInList(ctx.store.db, agendaList(input.meetingId), existing, place);
        // The order of business follows the agenda while nothing has been taken out of turn.
        moveInList(ctx.store.db, { ...agendaList(input.meetingId), column: 'business_order' }, existing, place);
      } else {
        // A presenter line that says how the item is presented decides its opening; otherwise the body's default does (insertItem).
        const form = kind === 'business' ? parsePresenterLine(item.presenter).form : 'unknown';
        const openingKind = item.openingKind ?? (form === 'unknown' ? undefined : OPENING_FOR_FORM[form]);
        const id = insertItem(ctx, input.meetingId, { ...item, kind, position: place, openingKind });
        if (item.author !== undefined) ctx.store.db.prepare('UPDATE agenda_item SET author = ? WHERE id = ?').run(item.author, id);
      }
    }
    if (input.removeUnlisted.length > 0) {
      const wasVaried = isVaried(ctx, input.meetingId);
      const remove = ctx.store.db.prepare('DELETE FROM agenda_item WHERE id = ? AND meeting_id = ?');
      for (const id of input.removeUnlisted) remove.run(id, input.meetingId);
      renumberList(ctx.store.db, agendaList(input.meetingId));
      syncBusinessOrder(ctx, input.meetingId, wasVaried);
    }
    return loadMeeting(ctx, input.meetingId).items;
  },

  /**
   * Marks confirmed members present (remote as confirmed), adds confirmed
   * others as officers, attendees or guests, and stamps a late arrival or an
   * early departure (more than five minutes from the start or the end) with
   * the time and the item being taken then.
   */
  'import.applyTeams': (input, ctx) => {
    let record = loadRecord(ctx, input.meetingId);
    const start = record.startedAt ?? record.startTime;
    const leaves = input.rows.map((r) => r.lastLeave).filter((t): t is string => t !== null);
    const later = (a: string, b: string) => compareInMeeting(start, a, b) > 0;
    const end = record.closedAt ?? (leaves.length ? leaves.reduce((a, b) => (later(a, b) ? a : b)) : null);
    const itemAt = (time: string) =>
      [...record.items]
        .filter((i) => i.takenAt !== null && !later(i.takenAt, time))
        .sort((a, b) => compareInMeeting(start, b.takenAt!, a.takenAt!))[0]?.id ?? null;
    const GRACE = 5;

    for (const row of input.rows) {
      let attendanceId: number | undefined;
      if (row.memberId !== null) {
        if (!record.members.some((m) => m.id === row.memberId)) {
          throw new DomainError('invalid_input', `Member ${row.memberId} is not a member of ${record.body.name}`);
        }
        setMemberAttendance(ctx, { meetingId: input.meetingId, memberId: row.memberId, status: 'present', remote: row.remote });
        record = loadRecord(ctx, input.meetingId);
        attendanceId = record.attendance.find((a) => a.memberId === row.memberId)?.id;
      } else if (row.addAs !== null) {
        const already = record.attendance.find((a) => a.category !== 'member' && a.name.trim().toLowerCase() === row.name.trim().toLowerCase());
        if (already) attendanceId = already.id;
        else {
          addPerson(ctx,
            { meetingId: input.meetingId, category: row.addAs, name: row.name, role: '', organisation: '', remote: row.remote },
          );
          record = loadRecord(ctx, input.meetingId);
          attendanceId = record.attendance.find((a) => a.category !== 'member' && a.name === row.name.trim())?.id;
        }
      }
      if (attendanceId === undefined) continue;
      const has = (kind: 'arrived' | 'left') => record.movements.some((m) => m.attendanceId === attendanceId && m.kind === kind);
      if (row.firstJoin && minutesIntoMeeting(start, row.firstJoin) > GRACE && !has('arrived')) {
        recordMovement(ctx, { attendanceId, kind: 'arrived', time: row.firstJoin, agendaItemId: itemAt(row.firstJoin) });
        record = loadRecord(ctx, input.meetingId);
      }
      if (row.lastLeave && end && minutesIntoMeeting(start, row.lastLeave) < minutesIntoMeeting(start, end) - GRACE && !has('left')) {
        recordMovement(ctx, { attendanceId, kind: 'left', time: row.lastLeave, agendaItemId: itemAt(row.lastLeave) });
        record = loadRecord(ctx, input.meetingId);
      }
    }
    // Participants the clerk left unmatched are kept, so the checks can say who is not in the minutes.
    const unmatched = input.rows.filter((r) => r.memberId === null && r.addAs === null).map((r) => r.name.trim());
    ctx.store.db.prepare('UPDATE meeting SET teams_unmatched = ? WHERE id = ?').run(JSON.stringify(unmatched), input.meetingId);
    return loadRecord(ctx, input.meetingId);
  },

  'app.setAlwaysOnTop': (input, ctx) => {
    if (!ctx.window) throw new DomainError('unavailable', 'Only the desktop app can stay on top of other windows; in a browser, use the compact layout beside Teams');
    return { on: ctx.window.setAlwaysOnTop(input.on) };
  },
};
