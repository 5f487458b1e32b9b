/**
 * Confirmation at the next meeting, through the service layer on a real
 * SQLite file: the next meeting's "Minutes of the previous meeting" item
 * confirms the earlier minutes (approved → confirmed), an amendment agreed
 * there is opened on the earlier meeting with a reason citing the confirming
 * minute, worded by the clerk and recorded as a version that the Word export
 * prints; repeated calls change nothing; unapproved minutes are refused.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import { call, callError } from '../helpers/api';
import { createTempStore, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

/** A board's June meeting minuted (one resolution), and its September meeting with the standard items. */
function twoMeetings(services: Services) {
  const body = call(services, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  const member = call(services, 'members.create', { bodyId: body.id, name: 'Mrs D. Taylor CC', organisation: 'Wessex County Council' });
  const june = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
  const [item] = call(services, 'agendaItems.create', { meetingId: june.id, title: 'Serious Violence Duty' });
  call(services, 'attendance.setMember', { meetingId: june.id, memberId: member.id, status: 'present' });
  const record = call(services, 'entries.create', { meetingId: june.id, agendaItemId: item!.id, kind: 'resolution', text: 'That the report be noted.' });
  const september = call(services, 'meetings.create', { bodyId: body.id, date: '2026-09-18', startTime: '10:00', venue: 'County Hall', standardItems: true });
  const detail = call(services, 'meetings.get', { meetingId: september.id });
  const previousItem = detail.items.find((i) => i.kind === 'previous_minutes')!;
  return { juneId: june.id, septemberId: september.id, resolutionId: record.entries[0]!.id, previousItemId: previousItem.id, otherItemId: detail.items.find((i) => i.kind !== 'previous_minutes')!.id };
}

const text = (services: Services, meetingId: number) => {
  const record = call(services, 'meetings.get', { meetingId });
  return minutesToText(buildMinutes(record, { style: record.body.houseStyle }));
};

async function exportedWords(services: Services, meetingId: number): Promise<string> {
  const result = await services.call('exports.build', { meetingId, document: 'minutes' });
  if (!result.ok) throw new Error(result.error.message);
  return (await mammoth.extractRawText({ buffer: Buffer.from((result.value as { base64: string }).base64, 'base64') })).value;
}

describe('confirmation of the previous minutes at the next meeting', () => {
  it('refuses minutes the chair has not approved, saying so, and changes nothing', () => {
    const { services, store } = createTempStore(temp);
    const m = twoMeetings(services);
    const before = snapshotTables(store.db);
    const error = callError(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'correct_record' });
    expect(error).toEqual({
      code: 'conflict',
      message:
        'The minutes of the meeting held on Friday, 19 June 2026 cannot be confirmed: they are “Draft”, not approved by the chair. Record the chair’s approval on that meeting’s Review tab first',
    });
    expect(snapshotTables(store.db)).toEqual(before);
    // Only the "Minutes of the previous meeting" item confirms minutes.
    expect(callError(services, 'minutes.confirmPrevious', { itemId: m.otherItemId, outcome: 'correct_record' }).message).toMatch(
      /is not the “Minutes of the previous meeting”/,
    );
    // The amendment's words are required with "subject to an amendment", and refused without.
    expect(callError(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'subject_to_amendment', amendment: '  ' }).message).toMatch(
      /Say what the amendment is/,
    );
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('confirms approved minutes as a correct record once: the earlier meeting is Confirmed, a version cites the minute, a repeat changes nothing', () => {
    const { services, store } = createTempStore(temp);
    const m = twoMeetings(services);
    call(services, 'minutes.setStatus', { meetingId: m.juneId, status: 'approved' });
    const done = call(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'correct_record' });
    expect(done.confirmed).toMatchObject({ id: m.juneId, minutesStatus: 'confirmed', amendmentReason: null });
    expect(done.confirmation).toMatchObject({ meetingId: m.juneId, confirmingMeetingId: m.septemberId, confirmingItemId: m.previousItemId, outcome: 'correct_record', amendment: '', minuteNumber: 3 });
    expect(call(services, 'meetings.get', { meetingId: m.juneId }).minutesStatus).toBe('confirmed');
    const versions = call(services, 'minutes.versions', { meetingId: m.juneId });
    expect(versions.map((v) => [v.kind, v.status, v.reason])).toEqual([
      ['status', 'approved', 'Approved by the chair'],
      ['status', 'confirmed', 'Confirmed as a correct record at the meeting held on Friday, 18 September 2026, minute 3'],
    ]);
    // The confirming minute (minute 3 of September) says so.
    expect(text(services, m.septemberId)).toContain('3. Minutes of the previous meeting');
    expect(text(services, m.septemberId)).toContain('The minutes of the meeting held on 19 June 2026 were taken as read and confirmed as a correct record.');

    // The same call again: answered as it stands, nothing written.
    const before = snapshotTables(store.db);
    expect(call(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'correct_record' }).confirmation).toEqual(done.confirmation);
    expect(snapshotTables(store.db)).toEqual(before);
    // A different outcome afterwards is refused: the confirmation is recorded once.
    expect(callError(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'subject_to_amendment', amendment: 'minute 1' })).toEqual({
      code: 'conflict',
      message:
        'The minutes of the meeting held on Friday, 19 June 2026 were already confirmed at this item, as a correct record. A confirmation is recorded once; a further change to them is an amendment with a reason, made on that meeting’s Review tab',
    });
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('subject to an amendment: opens an amendment citing the minute, the clerk words it, and the versions and the Word export show it', async () => {
    const { services, store } = createTempStore(temp);
    const m = twoMeetings(services);
    call(services, 'minutes.setStatus', { meetingId: m.juneId, status: 'approved' });
    const amendment = 'minute 1 to read “That the report be approved.”';
    const done = call(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'subject_to_amendment', amendment: `  ${amendment}  ` });
    const reason = `Amendment agreed at the meeting held on Friday, 18 September 2026, minute 3: ${amendment}`;
    expect(done.confirmed).toMatchObject({ minutesStatus: 'confirmed', amendmentReason: reason });
    expect(done.record.items.find((i) => i.id === m.previousItemId)!.detail).toBe(amendment);
    expect(text(services, m.septemberId)).toContain(
      `The minutes of the meeting held on 19 June 2026 were taken as read and confirmed as a correct record, subject to an amendment to ${amendment}\n`,
    );
    // The confirming minute keeps the amendment's words recorded with the confirmation.
    const kept = snapshotTables(store.db);
    expect(callError(services, 'agendaItems.update', { itemId: m.previousItemId, patch: { detail: 'minute 2' } })).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^The previous minutes were confirmed at this item subject to an amendment to minute 1 to read/),
    });
    expect(snapshotTables(store.db)).toEqual(kept);
    // Idempotent while the amendment is open, too.
    const before = snapshotTables(store.db);
    call(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'subject_to_amendment', amendment });
    expect(snapshotTables(store.db)).toEqual(before);

    // The frozen record is unchanged until the clerk words the change and finishes the amendment.
    expect(await exportedWords(services, m.juneId)).toContain('That the report be noted.');
    call(services, 'entries.update', { entryId: m.resolutionId, patch: { text: 'That the report be approved.' } });
    const finished = call(services, 'minutes.finishAmendment', { meetingId: m.juneId });
    expect(finished).toMatchObject({ minutesStatus: 'confirmed', amendmentReason: null });
    // Locked again.
    expect(callError(services, 'entries.update', { entryId: m.resolutionId, patch: { text: 'Again' } }).code).toBe('locked');

    const versions = call(services, 'minutes.versions', { meetingId: m.juneId });
    expect(versions.map((v) => [v.kind, v.status, v.reason])).toEqual([
      ['status', 'approved', 'Approved by the chair'],
      ['status', 'confirmed', `Confirmed at the meeting held on Friday, 18 September 2026, minute 3, subject to an amendment to ${amendment}`],
      ['amendment', 'confirmed', reason],
    ]);
    expect(versions[1]!.text).toContain('That the report be noted.');
    expect(versions[2]!.text).toContain('That the report be approved.');
    expect(versions[2]!.text).not.toContain('That the report be noted.');
    const words = await exportedWords(services, m.juneId);
    expect(words).toContain('That the report be approved.');
    expect(words).not.toContain('That the report be noted.');
    expect(words).not.toMatch(/DRAFT/);
  });

  it('refuses while the earlier minutes are already confirmed elsewhere, or have an amendment under way', () => {
    const { services, store } = createTempStore(temp);
    const m = twoMeetings(services);
    call(services, 'minutes.setStatus', { meetingId: m.juneId, status: 'approved' });
    call(services, 'minutes.beginAmendment', { meetingId: m.juneId, reason: 'The presenter was misnamed' });
    const before = snapshotTables(store.db);
    expect(callError(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'correct_record' }).message).toBe(
      'The minutes of the meeting held on Friday, 19 June 2026 cannot be confirmed while an amendment is under way on them (The presenter was misnamed): finish it on that meeting’s Review tab first',
    );
    expect(snapshotTables(store.db)).toEqual(before);
    call(services, 'minutes.finishAmendment', { meetingId: m.juneId });
    call(services, 'minutes.setStatus', { meetingId: m.juneId, status: 'confirmed' });
    expect(callError(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'correct_record' }).message).toBe(
      'The minutes of the meeting held on Friday, 19 June 2026 cannot be confirmed: they are already “Confirmed at the next meeting”',
    );
  });
});
