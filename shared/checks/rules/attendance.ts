import { formatTime } from '../../format';
import { isAfterClose, isBeforeStart } from '../../rules/meeting-clock';
import { fix, type Rule, type Check } from '../types';

/** Attendance that cannot be right: arrivals or departures outside the meeting, a substitute for a member who is present. */
export const attendanceFacts: Rule = {
  id: 'attendance',
  run: ({ record }) => {
    const out: Check[] = [];
    const nameOf = (attendanceId: number) => record.attendance.find((a) => a.id === attendanceId)?.name ?? 'Someone';
    for (const m of record.movements) {
      const before = isBeforeStart(record.startedAt, m.time);
      const after = isAfterClose(record, m.time);
      if (before || after) {
        out.push({
          id: `movement-time:${m.id}`,
          rule: 'movement-time',
          severity: 'warning',
          minute: null,
          message: `${nameOf(m.attendanceId)} ${m.kind === 'arrived' ? 'arrived' : 'left'} at ${formatTime(m.time)}, ${before ? 'before the meeting started' : 'after it closed'}.`,
          fixes: [fix('Delete this arrival or departure', 'attendance.deleteMovement', { movementId: m.id })],
          place: { to: 'attendance' },
        });
      }
    }
    for (const a of record.attendance.filter((x) => x.substituteForMemberId !== null)) {
      const replaced = record.attendance.find((x) => x.memberId === a.substituteForMemberId);
      if (replaced?.status === 'present') {
        out.push({ id: `substitute-for-present:${a.id}`, rule: 'substitute-for-present', severity: 'error', minute: null, message: `${a.name} is recorded as substitute for ${replaced.name}, who is marked present.`, fixes: [], place: { to: 'attendance' } });
      }
    }
    return out;
  },
};
