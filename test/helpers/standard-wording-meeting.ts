/**
 * The meeting the chair's reply to standard wording of several paragraphs was
 * made from (test/fixtures/chair-replies/standard-wording-reply.docx): the
 * Declarations of interest item (the Chair's invitation and a declaration)
 * and the Date of next meeting (a decision and its dates, one to a line). A
 * fresh database given these calls has the same ids every time, so the
 * fixture's bookmarks name the same paragraphs here:
 * scripts/fixtures/make-review-copy.ts --standard-wording writes the review
 * copy from it, and the tests build it again before reading the reply.
 */
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { CHAIR } from './review-meeting';

type Dispatch = (name: CallName, input: unknown) => Result<unknown> | Promise<Result<unknown>>;

export interface StandardWordingMeeting {
  meetingId: number;
  declarationsItemId: number;
  nextMeetingItemId: number;
}

export async function buildStandardWordingMeeting(dispatch: Dispatch): Promise<StandardWordingMeeting> {
  const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value as CallOutput<K>;
  };
  const body = await call('bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  const chair = await call('members.create', { bodyId: body.id, name: CHAIR.name, role: 'Chair', organisation: 'Wessex County Council', email: CHAIR.email });
  const hart = await call('members.create', { bodyId: body.id, name: 'Cllr. L. Hart', organisation: 'Blaby District Council', email: 'l.hart@example.org' });
  const meeting = await call('meetings.create', { bodyId: body.id, date: '2026-06-05', startTime: '10:00', venue: 'County Hall, Glenfield', standardItems: true });
  const detail = await call('meetings.get', { meetingId: meeting.id });
  const itemOf = (kind: string) => detail.items.find((i) => i.kind === kind)!;
  // Only the two items whose standard wording runs to several paragraphs are minuted here; the rest are left out.
  for (const item of detail.items) if (item.kind !== 'declarations' && item.kind !== 'next_meeting') await call('agendaItems.update', { itemId: item.id, patch: { leftOut: true } });
  const declarations = itemOf('declarations');
  const next = itemOf('next_meeting');
  await call('agendaItems.update', { itemId: next.id, patch: { nextForm: 'resolved_take_place', detail: 'Friday, 18 September 2026 at 10.00 am\nFriday, 11 December 2026 at 10.00 am' } });
  await call('meetings.start', { meetingId: meeting.id, time: '10:00' });
  let record = await call('attendance.setMember', { meetingId: meeting.id, memberId: chair.id, status: 'present' });
  record = await call('attendance.setMember', { meetingId: meeting.id, memberId: hart.id, status: 'present' });
  await call('attendance.setChair', { attendanceId: record.attendance.find((a) => a.memberId === chair.id)!.id, agendaItemId: null, time: '10:00' });
  await call('meetings.takeItem', { meetingId: meeting.id, itemId: declarations.id, time: '10:02' });
  await call('declarations.create', {
    meetingId: meeting.id,
    attendanceId: record.attendance.find((a) => a.memberId === hart.id)!.id,
    category: 'other_registrable',
    nature: 'a governor of Glenfield Academy',
    action: 'remained',
  });
  await call('meetings.takeItem', { meetingId: meeting.id, itemId: next.id, time: '11:20' });
  await call('meetings.close', { meetingId: meeting.id, time: '11:30' });
  return { meetingId: meeting.id, declarationsItemId: declarations.id, nextMeetingItemId: next.id };
}
