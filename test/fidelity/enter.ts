/**
 * Enters a meeting plan (./plan.ts) through the contract calls, as the
 * screens make them. `setUp` is what a clerk prepares before the meeting
 * (body, members, the previous meeting, the meeting and its agenda) and the
 * attendance; `minuteByCalls` takes each item up in turn and minutes it. The
 * API test runs both; the Chromium test runs `setUp` and minutes by keyboard.
 */
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { AgendaItem, MeetingRecord } from '../../shared/model';
import { standardWordingText } from '../../shared/minutes/document';
import { takenAt, type MeetingPlan } from './plan';

/** The standard wording with the clerk's sentence typed in before the words given. */
export function withInsert(shown: string, insert: { before: string; text: string }): string {
  const at = shown.indexOf(insert.before);
  if (at < 0) throw new Error(`The standard wording has no "${insert.before}": ${shown}`);
  return `${shown.slice(0, at)}${insert.text}${shown.slice(at)}`;
}

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
  const meeting = await call('meetings.create', {
    bodyId: body.id,
    date: notes.meeting.date,
    startTime: notes.meeting.startTime,
    venue: notes.meeting.venue,
    mode: notes.meeting.mode,
    minuteNumberStart: notes.meeting.firstMinuteNumber,
  });
  // The last meeting held before this one is not in the app: its date is typed, and the standard items cite it.
  await call('meetings.update', { meetingId: meeting.id, patch: { previousDate: notes.meeting.previousMeeting } });
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
    if (p.insertIntoStandard) {
      // The clerk edits the standard wording in place, as the field shows it.
      record = await call('meetings.get', { meetingId });
      const shown = standardWordingText(itemOf(record, p.agendaNumber), record, record.body.houseStyle);
      await call('agendaItems.update', { itemId: item.id, patch: { standardText: withInsert(shown, p.insertIntoStandard) } });
    }
    for (const b of p.blocks) {
      const { kind, text } = b;
      const shape = b.kind === 'point' ? { style: b.style, ...(b.intro !== undefined ? { intro: b.intro } : {}) } : b.kind === 'resolution' && b.label ? { label: b.label } : {};
      record = await call('entries.create', { meetingId, agendaItemId: item.id, kind, text, time, ...shape });
    }
    for (const d of p.declarations) {
      const at = d.agendaNumber === null ? null : itemOf(record, d.agendaNumber).id;
      record = await call('declarations.create', { meetingId, attendanceId: attendanceOf(record, d.member).id, agendaItemId: at, category: d.category, nature: d.wording });
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
