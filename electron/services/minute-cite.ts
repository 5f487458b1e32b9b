/**
 * The minute number of an item, as its minutes print it (the order taken, from the body's first number of
 * the municipal year), for lists that cite minutes: search results and the action log. Minutes cite minute
 * numbers; the agenda number is the paper's, not the minute's.
 */
import { minuteNumbers } from '../../shared/minutes/document';
import type { ReadContext } from './context';
import type { NumberedMeeting } from '../../shared/rules/numbering';
import { loadNumbering } from './meeting-record';

/** Item id → minute number, for the items of these meetings (an item left out of the minutes has none). */
export function minuteNumbersOf(ctx: ReadContext, meetingIds: Iterable<number>): Map<number, number> {
  const numbers = new Map<number, number>();
  const years = new Map<string, NumberedMeeting[]>();
  for (const meetingId of new Set(meetingIds)) {
    for (const [itemId, number] of minuteNumbers(loadNumbering(ctx, meetingId, years))) numbers.set(itemId, number);
  }
  return numbers;
}
