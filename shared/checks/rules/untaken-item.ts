import { minuteOf, itemName, recordedFor } from '../helpers';
import { fix, type Rule } from '../types';

/** Items never taken up in a meeting that has closed: withdrawn, deferred or left out, but never minuted as if taken. */
export const untakenItems: Rule = {
  id: 'untaken-item',
  run: ({ record, ...ctx }) =>
    record.closedAt === null
      ? []
      : record.items
          .filter((i) => i.takenAt === null && i.outcome === 'minuted' && !i.leftOut && !recordedFor(record, i))
          .map((item) => ({
            id: `untaken-item:${item.id}`,
            rule: 'untaken-item',
            severity: 'error',
            minute: minuteOf({ record, ...ctx }, item),
            message: `${itemName({ record, ...ctx }, item)} was never taken up. Mark it withdrawn or deferred, or leave it out of the minutes.`,
            fixes: [
              fix('Withdrawn', 'agendaItems.update', { itemId: item.id, patch: { outcome: 'withdrawn' } }),
              fix('Deferred', 'agendaItems.update', { itemId: item.id, patch: { outcome: 'deferred' } }),
              fix('Not minuted', 'agendaItems.update', { itemId: item.id, patch: { leftOut: true } }),
            ],
            place: { to: 'item', itemId: item.id },
          })),
};
