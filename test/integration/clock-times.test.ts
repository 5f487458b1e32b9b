/**
 * The meeting's start and close times and each item's time taken up are
 * stamped by the clock and corrected by the clerk (issue 16): the
 * corrections are stored and minuted, and impossible ones are refused with
 * a clear message, changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { checkMinutes } from '../../shared/checks';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import { quorumAt } from '../../shared/rules/quorum';
import { call, callError } from '../helpers/api';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

describe('correcting the clock', () => {
  it('start, close and item times are corrected, minuted, and refused when impossible', () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
    const [item] = call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
    expect(callError(services, 'meetings.update', { meetingId: meeting.id, patch: { startedAt: '10:00' } }).message).toMatch(/not been started/);
    call(services, 'meetings.start', { meetingId: meeting.id, time: '07:44' });
    call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: item!.id, time: '07:50' });
    call(services, 'meetings.close', { meetingId: meeting.id, time: '07:57' });

    call(services, 'meetings.update', { meetingId: meeting.id, patch: { startedAt: '10:00', closedAt: '11:45' } });
    call(services, 'agendaItems.update', { itemId: item!.id, patch: { takenAt: '10:05' } });
    const record = call(services, 'meetings.get', { meetingId: meeting.id });
    expect([record.startedAt, record.closedAt, record.items[0]!.takenAt]).toEqual(['10:00', '11:45', '10:05']);
    expect(minutesToText(buildMinutes(record))).toContain('The meeting closed at 11.45 am.');

    const refused = callError(services, 'meetings.update', { meetingId: meeting.id, patch: { closedAt: '09:30' } });
    expect(refused.message).toMatch(/closing time 9\.30 am is before the start time 10\.00 am/);
    expect(callError(services, 'meetings.update', { meetingId: meeting.id, patch: { startedAt: '25:00' } }).code).toBe('invalid_input');
    expect(call(services, 'meetings.get', { meetingId: meeting.id }).closedAt).toBe('11:45');
  });

  it('an evening meeting that runs past midnight is closed, minuted and checked in the order things happened', () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Wessex Planning Committee', kind: 'Committee', quorumMinVoting: 2 });
    const [ada, ben, cy] = ['Cllr. A. Ash', 'Cllr. B. Birch', 'Cllr. C. Cedar'].map((name) => call(services, 'members.create', { bodyId: body.id, name }));
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '18:30', venue: 'County Hall' });
    const [late, last] = call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Land off Mill Lane' }).concat(
      call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Appeals lodged' }),
    );
    call(services, 'meetings.start', { meetingId: meeting.id, time: '18:30' });
    let record = call(services, 'meetings.get', { meetingId: meeting.id });
    for (const m of [ada!, ben!, cy!]) record = call(services, 'attendance.setMember', { meetingId: meeting.id, memberId: m.id, status: 'present' });
    const at = (memberId: number) => record.attendance.find((a) => a.memberId === memberId)!.id;
    call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: late!.id, time: '23:40' });
    call(services, 'attendance.recordMovement', { attendanceId: at(ben!.id), kind: 'left', time: '23:55' });
    call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: last!.id, time: '00:02' });
    call(services, 'attendance.recordMovement', { attendanceId: at(cy!.id), kind: 'left', time: '00:05' });
    record = call(services, 'meetings.close', { meetingId: meeting.id, time: '00:15' });
    expect(record.closedAt).toBe('00:15');

    const text = minutesToText(buildMinutes(record));
    expect(text).toContain('The meeting closed at 12.15 am.');
    // 11.55 pm comes before 12.05 am, in the minutes as in the room.
    expect(text.indexOf('left the meeting at 11.55 pm')).toBeGreaterThan(-1);
    expect(text.indexOf('left the meeting at 11.55 pm')).toBeLessThan(text.indexOf('left the meeting at 12.05 am'));
    // Neither departure is "after the meeting closed", and at 12.10 am only one member remains.
    expect(checkMinutes(record).filter((c) => c.rule === 'movement-time')).toEqual([]);
    expect(quorumAt(record, '00:10').votingPresent).toBe(1);
    expect(quorumAt(record, '23:50').votingPresent).toBe(3);
    // A departure corrected to after the close is refused, as on the same day.
    const movement = record.movements.find((m) => m.time === '00:05')!;
    expect(callError(services, 'attendance.updateMovement', { movementId: movement.id, patch: { time: '00:20' } }).message).toMatch(/after the meeting closed \(12\.15 am\)/);

    // More than twelve hours on is not a long meeting but a time before the start.
    expect(callError(services, 'meetings.update', { meetingId: meeting.id, patch: { closedAt: '06:31' } }).message).toMatch(/closing time 6\.31 am is before the start time 6\.30 pm/);
    call(services, 'meetings.update', { meetingId: meeting.id, patch: { closedAt: '06:30' } });
    expect(call(services, 'meetings.get', { meetingId: meeting.id }).closedAt).toBe('06:30');
  });
});
