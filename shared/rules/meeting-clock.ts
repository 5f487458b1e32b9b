/**
 * Times within a meeting, on the meeting's own clock.
 *
 * Times are stored as the clock shows them ('HH:MM'), without a date. An
 * evening meeting can run past midnight (a planning committee that starts
 * at 6.30 pm and closes at 12.15 am), so "12.15 am" is then after "11.50 pm".
 * Every comparison of two times of one meeting is made here, counting the
 * minutes from its start: a time earlier in the day than the start is taken
 * as after midnight when that puts it no more than MAX_MEETING_HOURS after
 * the start, and otherwise as before the start (a member who arrived at
 * 9.50 am for a 10.00 am meeting).
 */

/** No meeting lasts longer; a later time is read as before the start. */
export const MAX_MEETING_HOURS = 12;

const DAY = 24 * 60;

function minutesOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Not a time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Minutes from the start of the meeting to a time on its clock: negative
 * before the start, and past midnight when the meeting ran on. Without a
 * start time, the minutes of the day.
 */
export function minutesIntoMeeting(startedAt: string | null, time: string): number {
  const t = minutesOfDay(time);
  if (startedAt === null) return t;
  const s = minutesOfDay(startedAt);
  if (t >= s) return t - s;
  const pastMidnight = t + DAY - s;
  return pastMidnight <= MAX_MEETING_HOURS * 60 ? pastMidnight : t - s;
}

/** Compares two times of a meeting in the order they happened (negative when a came first). */
export function compareInMeeting(startedAt: string | null, a: string, b: string): number {
  return minutesIntoMeeting(startedAt, a) - minutesIntoMeeting(startedAt, b);
}

/** Whether a time on the meeting's clock came before it started. */
export function isBeforeStart(startedAt: string | null, time: string): boolean {
  return startedAt !== null && minutesIntoMeeting(startedAt, time) < 0;
}

/** Whether a time on the meeting's clock came after it closed. */
export function isAfterClose(record: { startedAt: string | null; closedAt: string | null }, time: string): boolean {
  return record.closedAt !== null && compareInMeeting(record.startedAt, time, record.closedAt) > 0;
}

/** Sorts records with times (movements, for instance) in the order they happened, then by id. */
export function byMeetingTime(startedAt: string | null) {
  return (a: { time: string; id: number }, b: { time: string; id: number }) => compareInMeeting(startedAt, a.time, b.time) || a.id - b.id;
}
