import { fix, type Rule, type Check } from '../types';

/** The meeting as a whole: a chair, and a close time once it has started. */
export const meetingFacts: Rule = {
  id: 'meeting',
  run: ({ record }) => {
    const out: Check[] = [];
    if (record.startedAt !== null && record.chairChanges.length === 0) {
      out.push({ id: 'no-chair', rule: 'no-chair', severity: 'error', minute: null, message: 'No one is recorded in the chair: mark the chair in the attendance list (C on a member).', fixes: [], place: { to: 'attendance' } });
    }
    if (record.startedAt !== null && record.closedAt === null) {
      out.push({
        id: 'no-close-time',
        rule: 'no-close-time',
        severity: 'error',
        minute: null,
        message: 'The meeting has no close time.',
        fixes: [fix('Close the meeting now', 'meetings.close', { meetingId: record.id })],
        place: { to: 'meeting' },
      });
    }
    return out;
  },
};
