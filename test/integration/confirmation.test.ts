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
import { createServices } from '../../electron/services';
import { createTempStore, FIXED_NOW, openTrackedStore, snapshotTables } from '../helpers/store';
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
      message: expect.stringMatching(
        /^The minutes of the meeting held on Friday, 19 June 2026 were confirmed at minute 3 \(agenda item 2, “Minutes of the previous meeting”\) of the meeting held on Friday, 18 September 2026, subject to an amendment to minute 1 to read .*: so that minute keeps those words\./,
      ),
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

  it('reads back how the minutes were confirmed (where, at which minute, the amendment) after the app is reopened', () => {
    const { services, store, file } = createTempStore(temp);
    const m = twoMeetings(services);
    expect(call(services, 'minutes.getConfirmation', { meetingId: m.juneId })).toEqual({ confirmation: null });
    call(services, 'minutes.setStatus', { meetingId: m.juneId, status: 'approved' });
    const amendment = 'minute 1 to read “That the report be approved.”';
    const done = call(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'subject_to_amendment', amendment });
    store.close();

    // A new process on the same file: nothing held in memory.
    const reopened = createServices(openTrackedStore(temp, file), { now: () => FIXED_NOW, version: '9.9.9-test', window: { setAlwaysOnTop: (on) => on } });
    const read = call(reopened, 'minutes.getConfirmation', { meetingId: m.juneId });
    expect(read.confirmation).toEqual(done.confirmation);
    expect(read.confirmation).toMatchObject({
      meetingId: m.juneId,
      confirmingMeetingId: m.septemberId,
      confirmingItemId: m.previousItemId,
      confirmingDate: '2026-09-18',
      minuteNumber: 3,
      outcome: 'subject_to_amendment',
      amendment,
    });
    // The confirming meeting's own minutes were not confirmed by anything; an unknown meeting is refused by name.
    expect(call(reopened, 'minutes.getConfirmation', { meetingId: m.septemberId })).toEqual({ confirmation: null });
    expect(callError(reopened, 'minutes.getConfirmation', { meetingId: 9999 })).toEqual({ code: 'not_found', message: 'Meeting 9999 does not exist' });
    // Validated by the call's schema like every other.
    expect(callError(reopened, 'minutes.getConfirmation', { meetingId: 'june' } as never).code).toBe('invalid_input');
  });

  it('keeps the minute that confirmed them: deleting it, its meeting, or removing it on an agenda import is refused naming the confirmed meeting, and nothing changes', () => {
    const { services, store } = createTempStore(temp);
    const m = twoMeetings(services);
    call(services, 'minutes.setStatus', { meetingId: m.juneId, status: 'approved' });
    call(services, 'minutes.confirmPrevious', { itemId: m.previousItemId, outcome: 'correct_record' });
    const before = snapshotTables(store.db);
    const record =
      'The minutes of the meeting held on Friday, 19 June 2026 were confirmed at minute 3 (agenda item 2, “Minutes of the previous meeting”) of the meeting held on Friday, 18 September 2026, as a correct record, and the confirmation is recorded with them';
    const after = 'The earlier minutes stay confirmed; a further change to them is an amendment with a reason, made on that meeting’s Review tab.';
    expect(callError(services, 'agendaItems.delete', { itemId: m.previousItemId })).toEqual({ code: 'conflict', message: `${record}: so that item cannot be deleted. ${after}` });
    expect(callError(services, 'meetings.delete', { meetingId: m.septemberId })).toEqual({ code: 'conflict', message: `${record}: so that meeting cannot be deleted. ${after}` });
    expect(
      callError(services, 'import.applyAgenda', { meetingId: m.septemberId, items: [{ title: 'Serious Violence Duty' }], removeUnlisted: [m.previousItemId] }),
    ).toEqual({ code: 'conflict', message: `${record}: so that item cannot be deleted. ${after}` });
    expect(callError(services, 'agendaItems.update', { itemId: m.previousItemId, patch: { kind: 'business' } }).message).toBe(
      `${record}: so that item stays the “Minutes of the previous meeting”. ${after}`,
    );
    expect(callError(services, 'agendaItems.update', { itemId: m.previousItemId, patch: { leftOut: true } }).message).toBe(`${record}: so that item stays in the minutes. ${after}`);
    expect(callError(services, 'agendaItems.update', { itemId: m.previousItemId, patch: { outcome: 'withdrawn' } }).message).toBe(
      `${record}: so that item stays minuted (not withdrawn or deferred). ${after}`,
    );
    expect(snapshotTables(store.db)).toEqual(before);
    expect(call(services, 'meetings.get', { meetingId: m.juneId }).minutesStatus).toBe('confirmed');
    expect(call(services, 'minutes.getConfirmation', { meetingId: m.juneId }).confirmation).toMatchObject({ confirmingItemId: m.previousItemId, minuteNumber: 3 });
    // Its other words and its place on the agenda are the clerk's as ever.
    call(services, 'agendaItems.update', { itemId: m.previousItemId, patch: { title: 'Minutes of the last meeting' } });
    call(services, 'agendaItems.move', { itemId: m.previousItemId, toPosition: 0 });

    // Another item of the meeting, and a meeting that confirmed nothing, are deleted as before.
    call(services, 'agendaItems.delete', { itemId: m.otherItemId });
    const other = createTempStore(temp).services;
    const n = twoMeetings(other);
    call(other, 'agendaItems.delete', { itemId: n.previousItemId });
    expect(call(other, 'meetings.delete', { meetingId: n.septemberId })).toEqual({ deleted: true });
  });
});
