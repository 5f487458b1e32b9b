/** Declarations of interest: member, item, category, nature (or sensitive), dispensation, what they did. */
import type { Declaration } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { notFound, type Handlers, type ServiceContext, definedOnly } from './context';
import { assertItemInMeeting, loadAttendance, loadMeetingRow } from './lookups';
import { loadRecord } from './meeting-record';
import { toDeclaration, type DeclarationRow } from './rows';

const LEAVING_ACTIONS: Declaration['action'][] = ['left_no_part', 'spoke_then_left'];

function loadDeclaration(ctx: ServiceContext, declarationId: number): Declaration {
  const row = ctx.store.db.prepare('SELECT * FROM declaration WHERE id = ?').get(declarationId) as DeclarationRow | undefined;
  if (!row) notFound('Declaration', declarationId);
  return toDeclaration(row);
}

/** The whole declaration must make sense together, whichever fields changed. */
function validate(ctx: ServiceContext, meetingId: number, d: Omit<Declaration, 'id' | 'meetingId' | 'version'>): void {
  const person = loadAttendance(ctx, d.attendanceId);
  if (person.meetingId !== meetingId) throw new DomainError('invalid_input', 'attendanceId: that person is recorded at another meeting');
  if (person.category !== 'member') throw new DomainError('invalid_input', `${person.name} is not a member; only members declare interests`);
  if (person.status !== 'present') throw new DomainError('invalid_input', `${person.name} is not marked present at this meeting`);
  if (d.agendaItemId !== null) assertItemInMeeting(ctx, meetingId, d.agendaItemId);
  if (d.atItem && d.agendaItemId === null) throw new DomainError('invalid_input', 'atItem: a declaration minuted at its item needs the item it concerns');
  if (d.sensitive && d.nature.trim()) {
    throw new DomainError('invalid_input', 'nature: a sensitive interest is declared without its nature; leave the nature empty');
  }
  if (!LEAVING_ACTIONS.includes(d.action) && (d.leftAt || d.returnedAt)) {
    throw new DomainError('invalid_input', 'leftAt: times of leaving and returning apply only when the member left the room');
  }
  if (d.returnedAt && !d.leftAt) throw new DomainError('invalid_input', 'returnedAt: give the time they left as well');
  if (d.leftAt && d.returnedAt && d.returnedAt < d.leftAt) {
    throw new DomainError('invalid_input', `returnedAt: ${d.returnedAt} is before the time they left (${d.leftAt})`);
  }
}

function write(ctx: ServiceContext, id: number | null, meetingId: number, d: Omit<Declaration, 'id' | 'meetingId' | 'version'>): void {
  const params = {
    meetingId,
    attendanceId: d.attendanceId,
    agendaItemId: d.agendaItemId,
    category: d.category,
    nature: d.sensitive ? '' : d.nature,
    sensitive: d.sensitive ? 1 : 0,
    dispensation: d.dispensation,
    action: d.action,
    leftAt: d.leftAt,
    returnedAt: d.returnedAt,
    atItem: d.atItem ? 1 : 0,
  };
  if (id === null) {
    ctx.store.db
      .prepare(
        `INSERT INTO declaration (meeting_id, attendance_id, agenda_item_id, category, nature, sensitive, dispensation, action, left_at, returned_at, at_item)
         VALUES (@meetingId, @attendanceId, @agendaItemId, @category, @nature, @sensitive, @dispensation, @action, @leftAt, @returnedAt, @atItem)`,
      )
      .run(params);
  } else {
    ctx.store.db
      .prepare(
        `UPDATE declaration SET attendance_id = @attendanceId, agenda_item_id = @agendaItemId, category = @category, nature = @nature,
           sensitive = @sensitive, dispensation = @dispensation, action = @action, left_at = @leftAt, returned_at = @returnedAt,
           at_item = @atItem
         WHERE id = @id`,
      )
      .run({ ...params, id });
  }
}

export const declarationHandlers: Handlers<'declarations.create' | 'declarations.update' | 'declarations.delete'> = {
  'declarations.create': (input, ctx) => {
    loadMeetingRow(ctx, input.meetingId);
    const { meetingId, ...fields } = input;
    validate(ctx, meetingId, fields);
    write(ctx, null, meetingId, fields);
    return loadRecord(ctx, meetingId);
  },

  'declarations.update': (input, ctx) => {
    const current = loadDeclaration(ctx, input.declarationId);
    const { id, meetingId, version: _version, ...fields } = current;
    // A key sent as undefined (possible over Electron IPC) changes nothing.
    const next = { ...fields, ...definedOnly(input.patch) };
    // Marking an interest sensitive removes its nature from the record.
    if (input.patch.sensitive === true && input.patch.nature === undefined) next.nature = '';
    if (!LEAVING_ACTIONS.includes(next.action) && input.patch.leftAt === undefined && input.patch.returnedAt === undefined) {
      next.leftAt = null;
      next.returnedAt = null;
    }
    validate(ctx, meetingId, next);
    write(ctx, id, meetingId, next);
    return loadRecord(ctx, meetingId);
  },

  'declarations.delete': (input, ctx) => {
    const current = loadDeclaration(ctx, input.declarationId);
    ctx.store.db.prepare('DELETE FROM declaration WHERE id = ?').run(current.id);
    return loadRecord(ctx, current.meetingId);
  },
};
