import { minuteOf, itemName, bodiesByMinute } from '../helpers';
import type { Rule } from '../types';

/** A minute taken up but with nothing printed under its heading. */
export const emptyMinutes: Rule = {
  id: 'empty-minute',
  run: (ctx) => {
    const bodies = bodiesByMinute(ctx.publicMinutes.blocks);
    return ctx.record.items
      .filter((i) => !i.exempt && i.takenAt !== null && i.outcome === 'minuted' && !i.leftOut)
      .filter((i) => {
        const n = minuteOf(ctx, i);
        return n !== null && (bodies.get(n)?.length ?? 0) === 0;
      })
      .map((item) => ({
        id: `empty-minute:${item.id}`,
        rule: 'empty-minute',
        severity: 'error' as const,
        minute: minuteOf(ctx, item),
        message: `${itemName(ctx, item)} has nothing minuted under it.`,
        fixes: [],
        place: { to: 'item' as const, itemId: item.id },
      }));
  },
};
