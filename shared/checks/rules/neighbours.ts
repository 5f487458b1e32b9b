import { minuteOf } from '../helpers';
import type { Rule, Check } from '../types';

/** The meeting whose minutes are confirmed must be the last one held; two meetings of the body on one day are worth a look. */
export const neighbours: Rule = {
  id: 'neighbours',
  run: (ctx) => {
    const { record } = ctx;
    const out: Check[] = [];
    const previous = record.previousMeeting;
    const confirming = record.items.find((i) => i.kind === 'previous_minutes' && !i.leftOut);
    if (confirming && previous && !previous.held) {
      out.push({
        id: 'previous-not-held',
        rule: 'previous-not-held',
        severity: 'warning',
        minute: minuteOf(ctx, confirming),
        message: `The minutes confirmed are those of the meeting on ${previous.date}, which has nothing recorded (it was never held). Check the date of that meeting, or delete it.`,
        fixes: [],
        place: { to: 'item', itemId: confirming.id },
      });
    }
    for (const other of [previous, record.nextMeeting]) {
      if (other && other.date === record.date) {
        out.push({ id: `same-date:${other.id}`, rule: 'same-date', severity: 'warning', minute: null, message: `The body has another meeting on the same date (${other.date}).`, fixes: [], place: { to: 'meeting' } });
      }
    }
    return out;
  },
};
