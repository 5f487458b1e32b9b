/** Typed calls through the service dispatcher, and the standard seed data. */
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/result';
import type { Services } from '../../electron/services';

/** Dispatches a call that must succeed and returns its value. */
export function call<K extends CallName>(services: Services, name: K, input: CallInput<K>): CallOutput<K> {
  const result = services.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as CallOutput<K>;
}

/** Dispatches a call that must fail and returns its error. */
export function callError(services: Services, name: unknown, input: unknown): ApiError {
  const result = services.dispatch(name, input) as Result<unknown>;
  if (result.ok) throw new Error(`${String(name)} unexpectedly succeeded: ${JSON.stringify(result.value).slice(0, 300)}`);
  return result.error;
}

export interface Seed {
  /** Body with members, meetings and agenda items. */
  boardId: number;
  /** A second body with one member, one meeting and one item. */
  commissionId: number;
  /** A body with nothing in it (safe to delete). */
  emptyPanelId: number;
  /** Members of the board: chair, vice-chair, and a substitute for the chair. */
  chairId: number;
  viceChairId: number;
  substituteId: number;
  /** The commission's only member. */
  commissionMemberId: number;
  /** Board meetings. */
  decemberMeetingId: number;
  marchMeetingId: number;
  commissionMeetingId: number;
  /** Items of the December meeting, in agenda order; the last is exempt. */
  itemIds: [number, number, number];
  commissionItemId: number;
}

export function seed(services: Services): Seed {
  const board = call(services, 'bodies.create', { name: 'Safer Communities Partnership Board', kind: 'Board' });
  const commission = call(services, 'bodies.create', { name: 'Scrutiny Commission' });
  const emptyPanel = call(services, 'bodies.create', { name: 'Empty Panel', kind: 'Panel' });

  const chair = call(services, 'members.create', { bodyId: board.id, name: 'Mrs D. Taylor CC', role: 'Chair', organisation: 'County Council' });
  const viceChair = call(services, 'members.create', { bodyId: board.id, name: 'Cllr J. Smith', organisation: 'District Council' });
  const substitute = call(services, 'members.create', {
    bodyId: board.id,
    name: 'Cllr A. Patel',
    voting: false,
    substitutesFor: [chair.id],
  });
  const commissionMember = call(services, 'members.create', { bodyId: commission.id, name: 'Mr K. Jones' });

  const december = call(services, 'meetings.create', { bodyId: board.id, date: '2020-12-11', startTime: '10:00', venue: 'County Hall' });
  const march = call(services, 'meetings.create', { bodyId: board.id, date: '2021-03-04', startTime: '14:00', venue: 'Microsoft Teams', mode: 'teams' });
  const commissionMeeting = call(services, 'meetings.create', { bodyId: commission.id, date: '2021-01-20', startTime: '09:30', venue: 'Room 1' });

  call(services, 'agendaItems.create', { meetingId: december.id, title: 'Apologies for absence' });
  call(services, 'agendaItems.create', { meetingId: december.id, title: 'Minutes of the previous meeting', papers: 'Pages 3 - 10' });
  const items = call(services, 'agendaItems.create', { meetingId: december.id, title: 'Contract award', exempt: true, exemptParagraph: 3 });
  const commissionItems = call(services, 'agendaItems.create', { meetingId: commissionMeeting.id, title: 'Budget scrutiny' });

  return {
    boardId: board.id,
    commissionId: commission.id,
    emptyPanelId: emptyPanel.id,
    chairId: chair.id,
    viceChairId: viceChair.id,
    substituteId: substitute.id,
    commissionMemberId: commissionMember.id,
    decemberMeetingId: december.id,
    marchMeetingId: march.id,
    commissionMeetingId: commissionMeeting.id,
    itemIds: items.map((i) => i.id) as [number, number, number],
    commissionItemId: commissionItems[0]!.id,
  };
}

export interface LiveSeed {
  /** The December meeting is started; the chair is present, in the chair, has left once and declared an interest on item 1. */
  chairAttendanceId: number;
  /** An officer recorded at the December meeting. */
  officerAttendanceId: number;
  movementId: number;
  declarationId: number;
  /** On item 2 of the December meeting: a resolution, a motion moved by the chair, an action tied to the resolution. */
  resolutionId: number;
  motionId: number;
  actionId: number;
  /** The board's first phrase. */
  phraseId: number;
  /** Commission meetings whose minutes are approved; the second has an amendment under way. */
  approvedMeetingId: number;
  draftMeetingId: number;
  amendingMeetingId: number;
  /** The "Minutes of the previous meeting" item of a commission meeting held after the approved one. */
  previousMinutesItemId: number;
}

/** Live-meeting records on the seed's December meeting (explicit times throughout). */
export function seedLive(services: Services, s: Seed): LiveSeed {
  const meetingId = s.decemberMeetingId;
  // Started at midnight so that closing "now" (local clock) is never before the start.
  call(services, 'meetings.start', { meetingId, time: '00:00' });
  call(services, 'meetings.takeItem', { meetingId, itemId: s.itemIds[0], time: '10:01' });
  let record = call(services, 'attendance.setMember', { meetingId, memberId: s.chairId, status: 'present' });
  const chair = record.attendance.find((a) => a.memberId === s.chairId)!;
  record = call(services, 'attendance.addPerson', { meetingId, category: 'officer', name: 'Mr E. Walters', role: 'Democratic Services Officer' });
  const officer = record.attendance.find((a) => a.name === 'Mr E. Walters')!;
  call(services, 'attendance.setChair', { attendanceId: chair.id, agendaItemId: null, time: '10:00' });
  record = call(services, 'attendance.recordMovement', { attendanceId: chair.id, kind: 'left', time: '10:05', agendaItemId: s.itemIds[0] });
  const movement = record.movements[0]!;
  record = call(services, 'declarations.create', {
    meetingId,
    attendanceId: chair.id,
    agendaItemId: s.itemIds[0],
    category: 'other_registrable',
    nature: 'Trustee of a local charity',
  });
  const declaration = record.declarations[0]!;
  const itemB = s.itemIds[1];
  record = call(services, 'entries.create', { meetingId, agendaItemId: itemB, kind: 'resolution', text: 'That the report be noted.', time: '10:15' });
  const resolution = record.entries.find((e) => e.kind === 'resolution')!;
  record = call(services, 'motions.create', { meetingId, agendaItemId: itemB, text: 'That the report be noted', proposerId: chair.id, time: '10:14' });
  const motion = record.motions[0]!;
  record = call(services, 'actions.create', { meetingId, agendaItemId: itemB, text: 'Circulate the slides', owner: 'Mr E. Walters', resolutionId: resolution.id });
  const action = record.actions[0]!;
  const phrase = call(services, 'phrases.list', { bodyId: s.boardId })[0]!;
  const approved = call(services, 'meetings.create', { bodyId: s.commissionId, date: '2021-02-17', startTime: '09:30', venue: 'Room 1' });
  const amending = call(services, 'meetings.create', { bodyId: s.commissionId, date: '2021-03-17', startTime: '09:30', venue: 'Room 1' });
  for (const m of [approved, amending]) call(services, 'minutes.setStatus', { meetingId: m.id, status: 'approved' });
  // A draft with nothing wrong with it (the checks find no error), for the approval calls.
  const draft = call(services, 'meetings.create', { bodyId: s.commissionId, date: '2021-04-21', startTime: '09:30', venue: 'Room 1' });
  call(services, 'minutes.beginAmendment', { meetingId: amending.id, reason: 'Apologies from Mr K. Jones were omitted' });
  // The meeting after the approved one, whose "Minutes of the previous meeting" item confirms them.
  const confirming = call(services, 'meetings.create', { bodyId: s.commissionId, date: '2021-03-03', startTime: '09:30', venue: 'Room 1' });
  const [previousMinutes] = call(services, 'agendaItems.create', { meetingId: confirming.id, title: 'Minutes of the previous meeting', kind: 'previous_minutes' });
  return {
    previousMinutesItemId: previousMinutes!.id,
    approvedMeetingId: approved.id,
    draftMeetingId: draft.id,
    amendingMeetingId: amending.id,
    chairAttendanceId: chair.id,
    officerAttendanceId: officer.id,
    movementId: movement.id,
    declarationId: declaration.id,
    resolutionId: resolution.id,
    motionId: motion.id,
    actionId: action.id,
    phraseId: phrase.id,
  };
}
