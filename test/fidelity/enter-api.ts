/**
 * Enters a meeting plan (./plan.ts) through the contract calls, as the
 * screens make them: body, members, the previous meeting, the meeting, its
 * agenda, attendance, then each item taken up in turn and minuted.
 */
import type { Services } from '../../electron/services';
import type { MeetingRecord } from '../../shared/model';
import { call } from '../helpers/api';
import { takenAt, type MeetingPlan } from './plan';

export interface Entered {
  bodyId: number;
  meetingId: number;
  /** Item kinds the app gave the agenda's titles that differ from the notes (then corrected, and reported). */
  misrecognised: string[];
}

export function enterByApi(services: Services, plan: MeetingPlan): Entered {
  const { notes } = plan;
  const body = call(services, 'bodies.create', { name: notes.body.name, kind: notes.body.kind, quorumMinVoting: 1, yearStartMonth: notes.body.yearStartMonth });
  for (const m of plan.members) {
    call(services, 'members.create', { bodyId: body.id, name: m.name, role: m.role ?? '', organisation: m.organisation ?? '', voting: m.voting });
  }
  // The last meeting held before this one, which the standard items cite.
  const previous = call(services, 'meetings.create', { bodyId: body.id, date: notes.meeting.previousMeeting, startTime: '10:00', venue: notes.meeting.venue, mode: notes.meeting.mode });
  call(services, 'meetings.start', { meetingId: previous.id, time: '10:00' });

  const meeting = call(services, 'meetings.create', {
    bodyId: body.id,
    date: notes.meeting.date,
    startTime: notes.meeting.startTime,
    venue: notes.meeting.venue,
    mode: notes.meeting.mode,
    minuteNumberStart: notes.meeting.firstMinuteNumber,
  });
  const misrecognised: string[] = [];
  // At its agenda place: an item added without one goes before the closing items (Other business, Dates of future meetings).
  for (const a of notes.agenda) call(services, 'agendaItems.create', { meetingId: meeting.id, title: a.title, position: a.agendaNumber - 1 });
  let record: MeetingRecord = call(services, 'meetings.get', { meetingId: meeting.id });
  const itemOf = (agendaNumber: number) => {
    const item = record.items.find((i) => i.agendaNumber === agendaNumber);
    if (!item) throw new Error(`No agenda item ${agendaNumber}`);
    return item;
  };
  for (const p of plan.items) {
    const item = itemOf(p.agendaNumber);
    if (item.kind !== p.kind) {
      misrecognised.push(`"${item.title}" recognised as ${item.kind}, not ${p.kind}`);
      call(services, 'agendaItems.update', { itemId: item.id, patch: { kind: p.kind } });
    }
  }

  record = call(services, 'meetings.start', { meetingId: meeting.id, time: notes.meeting.startTime });
  for (const m of plan.members) {
    const member = record.members.find((x) => x.name === m.name)!;
    record = call(services, 'attendance.setMember', { meetingId: meeting.id, memberId: member.id, status: m.status });
  }
  for (const [category, people] of [['officer', notes.attendance.officers], ['attendee', notes.attendance.others]] as const) {
    for (const p of people) {
      record = call(services, 'attendance.addPerson', { meetingId: meeting.id, category, name: p.name, role: p.role ?? '', organisation: p.organisation ?? '' });
    }
  }
  const attendanceOf = (name: string) => record.attendance.find((a) => a.name === name)!;
  record = call(services, 'attendance.setChair', { attendanceId: attendanceOf(notes.attendance.chair.name).id, agendaItemId: null, time: notes.meeting.startTime });

  for (const [index, p] of plan.items.entries()) {
    const item = itemOf(p.agendaNumber);
    const time = takenAt(index);
    record = call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: item.id, time });
    if (Object.keys(p.fields).length) call(services, 'agendaItems.update', { itemId: item.id, patch: p.fields });
    for (const [kind, texts] of [['paragraph', p.paragraphs], ['point', p.points], ['resolution', p.resolutions]] as const) {
      for (const text of texts) record = call(services, 'entries.create', { meetingId: meeting.id, agendaItemId: item.id, kind, text, time });
    }
    for (const d of p.declarations) {
      record = call(services, 'declarations.create', { meetingId: meeting.id, attendanceId: attendanceOf(d.member).id, agendaItemId: item.id, category: d.category, nature: d.nature });
    }
    if (p.chair) record = call(services, 'attendance.setChair', { attendanceId: attendanceOf(p.chair).id, agendaItemId: item.id, time });
  }
  return { bodyId: body.id, meetingId: meeting.id, misrecognised };
}
