/**
 * Enters a meeting plan (./plan.ts) through the contract calls, as the
 * screens make them. `setUp` is what a clerk prepares before the meeting
 * (body, members, the previous meeting, the meeting and its agenda) and the
 * attendance; `minuteByCalls` takes each item up in turn and minutes it. The
 * API test runs both; the Chromium test runs `setUp` and minutes by keyboard.
 */
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { AgendaItem, MeetingRecord } from '../../shared/model';
import { takenAt, type MeetingPlan } from './plan';

/** A contract call that must succeed: the service dispatcher in-process, or the browser host over HTTP. */
export type Caller = <K extends CallName>(name: K, input: CallInput<K>) => Promise<CallOutput<K>>;

export interface SetUp {
  bodyId: number;
  meetingId: number;
  /** Item kinds the app gave the agenda's titles that differ from the notes (then corrected, and reported). */
  misrecognised: string[];
  record: MeetingRecord;
}

export const itemOf = (record: MeetingRecord, agendaNumber: number): AgendaItem => {
  const item = record.items.find((i) => i.agendaNumber === agendaNumber);
  if (!item) throw new Error(`No agenda item ${agendaNumber}`);
  return item;
};

export const attendanceOf = (record: MeetingRecord, name: string) => {
  const a = record.attendance.find((x) => x.name === name);
  if (!a) throw new Error(`${name} is not in the attendance`);
  return a;
};

export async function setUp(call: Caller, plan: MeetingPlan): Promise<SetUp> {
  const { notes } = plan;
  const body = await call('bodies.create', { name: notes.body.name, kind: notes.body.kind, quorumMinVoting: 1, yearStartMonth: notes.body.yearStartMonth });
  for (const m of plan.members) {
    await call('members.create', { bodyId: body.id, name: m.name, role: m.role ?? '', organisation: m.organisation ?? '', voting: m.voting });
  }
  // The last meeting held before this one, which the standard items cite.
  const previous = await call('meetings.create', { bodyId: body.id, date: notes.meeting.previousMeeting, startTime: '10:00', venue: notes.meeting.venue, mode: notes.meeting.mode });
  await call('meetings.start', { meetingId: previous.id, time: '10:00' });

  const meeting = await call('meetings.create', {
    bodyId: body.id,
    date: notes.meeting.date,
    startTime: notes.meeting.startTime,
    venue: notes.meeting.venue,
    mode: notes.meeting.mode,
    minuteNumberStart: notes.meeting.firstMinuteNumber,
  });
  // At its agenda place: an item added without one goes before the closing items (Other business, Dates of future meetings).
  for (const a of notes.agenda) await call('agendaItems.create', { meetingId: meeting.id, title: a.title, position: a.agendaNumber - 1 });
  let record = await call('meetings.get', { meetingId: meeting.id });
  const misrecognised: string[] = [];
  for (const p of plan.items) {
    const item = itemOf(record, p.agendaNumber);
    if (item.kind !== p.kind) {
      misrecognised.push(`"${item.title}" recognised as ${item.kind}, not ${p.kind}`);
      await call('agendaItems.update', { itemId: item.id, patch: { kind: p.kind } });
    }
  }

  record = await call('meetings.start', { meetingId: meeting.id, time: notes.meeting.startTime });
  for (const m of plan.members) {
    const member = record.members.find((x) => x.name === m.name)!;
    record = await call('attendance.setMember', { meetingId: meeting.id, memberId: member.id, status: m.status });
  }
  for (const [category, people] of [['officer', notes.attendance.officers], ['attendee', notes.attendance.others]] as const) {
    for (const p of people) {
      record = await call('attendance.addPerson', { meetingId: meeting.id, category, name: p.name, role: p.role ?? '', organisation: p.organisation ?? '' });
    }
  }
  record = await call('attendance.setChair', { attendanceId: attendanceOf(record, notes.attendance.chair.name).id, agendaItemId: null, time: notes.meeting.startTime });
  return { bodyId: body.id, meetingId: meeting.id, misrecognised, record };
}

/** Each item taken up in the order of the notes and minuted through the calls. */
export async function minuteByCalls(call: Caller, plan: MeetingPlan, set: SetUp): Promise<void> {
  let record = set.record;
  const meetingId = set.meetingId;
  for (const [index, p] of plan.items.entries()) {
    const item = itemOf(record, p.agendaNumber);
    const time = takenAt(index);
    record = await call('meetings.takeItem', { meetingId, itemId: item.id, time });
    if (Object.keys(p.fields).length) await call('agendaItems.update', { itemId: item.id, patch: p.fields });
    for (const [kind, texts] of [['paragraph', p.paragraphs], ['point', p.points], ['resolution', p.resolutions]] as const) {
      for (const text of texts) record = await call('entries.create', { meetingId, agendaItemId: item.id, kind, text, time });
    }
    for (const d of p.declarations) {
      record = await call('declarations.create', { meetingId, attendanceId: attendanceOf(record, d.member).id, agendaItemId: item.id, category: d.category, nature: d.nature });
    }
    if (p.chair) record = await call('attendance.setChair', { attendanceId: attendanceOf(record, p.chair).id, agendaItemId: item.id, time });
  }
}

/** Everything the plan cannot say, one line each, for the report. */
export const gapsOf = (plan: MeetingPlan, set: Pick<SetUp, 'misrecognised'>): string[] => [
  ...plan.gaps,
  ...set.misrecognised,
  ...plan.items.flatMap((i) => i.gaps.map((g) => `minute for agenda item ${i.agendaNumber}: ${g}`)),
];
