/**
 * The meeting the chair's-reply fixtures were made from. A fresh database
 * given these calls has the same ids every time (meeting 1, copy sent 1,
 * the same entry ids), so a fixture's bookmarks name the same blocks here:
 * scripts/fixtures/make-review-copy.ts writes the review copy from it, and
 * the tests build it again before reading a fixture reply.
 */
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { MeetingRecord } from '../../shared/model';
import type { Result } from '../../shared/result';

/** A call through the service layer (dispatch) or the browser host's HTTP API. */
type Dispatch = (name: CallName, input: unknown) => Result<unknown> | Promise<Result<unknown>>;

const must =
  (dispatch: Dispatch) =>
  async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value as CallOutput<K>;
  };

export const CHAIR = { name: 'Mrs D. Taylor CC', email: 'd.taylor@example.org' } as const;

/** The words as the clerk typed them. */
export const WORDS = {
  funding: 'Members discussed the funding formula for the coming year.',
  thanks: 'The Board thanked Rik Basra for the update.',
  pointDuty: 'the duty applied to all specified authorities',
  pointStrategy: 'the strategy would be published in January',
  noted: 'That the report be noted',
  further: 'That a further update be brought to the next meeting',
  plan: 'Mrs Taylor summarised the plan’s priorities for the year ahead.',
  approved: 'That the plan be approved',
} as const;

export interface ReviewMeeting {
  bodyId: number;
  meetingId: number;
  violenceItemId: number;
  planItemId: number;
  entry: Record<keyof typeof WORDS, number>;
}

export async function buildReviewMeeting(dispatch: Dispatch): Promise<ReviewMeeting> {
  const call = must(dispatch);
  const body = await call('bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  const chair = await call('members.create', { bodyId: body.id, name: CHAIR.name, role: 'Chair', organisation: 'Wessex County Council', email: CHAIR.email });
  await call('members.create', { bodyId: body.id, name: 'Cllr. L. Hart', organisation: 'Blaby District Council', email: 'l.hart@example.org' });
  const meeting = await call('meetings.create', { bodyId: body.id, date: '2026-06-05', startTime: '10:00', venue: 'County Hall, Glenfield' });
  const [violence] = await call('agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
  const items = await call('agendaItems.create', { meetingId: meeting.id, title: 'Community Safety Partnership Plan' });
  const plan = items[items.length - 1]!;
  await call('agendaItems.update', { itemId: violence!.id, patch: { openingKind: 'report', author: 'Rik Basra, Community Safety Team Leader', topic: 'the Serious Violence Duty' } });
  let record: MeetingRecord = await call('attendance.setMember', { meetingId: meeting.id, memberId: chair.id, status: 'present' });
  const chairAttendance = record.attendance.find((a) => a.memberId === chair.id)!;
  await call('meetings.start', { meetingId: meeting.id, time: '10:00' });
  await call('attendance.setChair', { attendanceId: chairAttendance.id, agendaItemId: null, time: '10:00' });
  const add = async (itemId: number, kind: 'paragraph' | 'point' | 'resolution', text: string) => {
    record = await call('entries.create', { meetingId: meeting.id, agendaItemId: itemId, kind, text, time: '10:05' });
    return record.entries.find((e) => e.text === text)!.id;
  };
  const entry = {
    funding: await add(violence!.id, 'paragraph', WORDS.funding),
    thanks: await add(violence!.id, 'paragraph', WORDS.thanks),
    pointDuty: await add(violence!.id, 'point', WORDS.pointDuty),
    pointStrategy: await add(violence!.id, 'point', WORDS.pointStrategy),
    noted: await add(violence!.id, 'resolution', WORDS.noted),
    further: await add(violence!.id, 'resolution', WORDS.further),
    plan: await add(plan.id, 'paragraph', WORDS.plan),
    approved: await add(plan.id, 'resolution', WORDS.approved),
  };
  await call('meetings.close', { meetingId: meeting.id, time: '11:30' });
  return { bodyId: body.id, meetingId: meeting.id, violenceItemId: violence!.id, planItemId: plan.id, entry };
}
