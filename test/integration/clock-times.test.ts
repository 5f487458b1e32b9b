/**
 * The meeting's start and close times and each item's time taken up are
 * stamped by the clock and corrected by the clerk (issue 16): the
 * corrections are stored and minuted, and impossible ones are refused with
 * a clear message, changing nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
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
    expect(refused.message).toMatch(/closing time 09:30 is before the start time 10:00/);
    expect(callError(services, 'meetings.update', { meetingId: meeting.id, patch: { startedAt: '25:00' } }).code).toBe('invalid_input');
    expect(call(services, 'meetings.get', { meetingId: meeting.id }).closedAt).toBe('11:45');
  });
});
