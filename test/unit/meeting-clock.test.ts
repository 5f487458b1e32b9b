import { describe, expect, it } from 'vitest';
import { byMeetingTime, compareInMeeting, isAfterClose, isBeforeStart, minutesIntoMeeting } from '../../shared/rules/meeting-clock';

describe('the meeting clock', () => {
  it('counts minutes from the start, past midnight when the meeting runs on', () => {
    expect(minutesIntoMeeting('18:30', '18:30')).toBe(0);
    expect(minutesIntoMeeting('18:30', '23:59')).toBe(329);
    expect(minutesIntoMeeting('18:30', '00:15')).toBe(345);
    expect(minutesIntoMeeting('18:30', '06:30')).toBe(720);
    // Beyond twelve hours on, a time is before the start: an early arrival, or a slip.
    expect(minutesIntoMeeting('18:30', '06:31')).toBe(6 * 60 + 31 - (18 * 60 + 30));
    expect(minutesIntoMeeting('10:00', '09:50')).toBe(-10);
    expect(minutesIntoMeeting(null, '09:50')).toBe(590);
  });

  it('orders, and says what is before the start or after the close', () => {
    expect(compareInMeeting('18:30', '00:05', '23:55')).toBeGreaterThan(0);
    expect(compareInMeeting('10:00', '00:05', '23:55')).toBeLessThan(0);
    expect(isBeforeStart('18:30', '00:15')).toBe(false);
    expect(isBeforeStart('18:30', '18:29')).toBe(true);
    expect(isBeforeStart(null, '00:00')).toBe(false);
    expect(isAfterClose({ startedAt: '18:30', closedAt: '00:15' }, '23:59')).toBe(false);
    expect(isAfterClose({ startedAt: '18:30', closedAt: '00:15' }, '00:16')).toBe(true);
    expect(isAfterClose({ startedAt: '18:30', closedAt: null }, '00:16')).toBe(false);
    const moves = [{ id: 3, time: '00:05' }, { id: 1, time: '23:55' }, { id: 2, time: '23:55' }];
    expect([...moves].sort(byMeetingTime('18:30')).map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('refuses what is not a time', () => {
    expect(() => minutesIntoMeeting('18:30', '7pm')).toThrow('Not a time: 7pm');
  });
});
