import { minuteOf, itemName } from '../helpers';
import type { Rule } from '../types';

/** Actions the action log cannot carry: no one responsible, or no date. */
export const actionsFacts: Rule = {
  id: 'action',
  run: (ctx) =>
    ctx.record.actions
      .filter((a) => !a.owner.trim() || a.dueDate === null)
      .map((a) => {
        const item = ctx.record.items.find((i) => i.id === a.agendaItemId)!;
        const missing = [!a.owner.trim() ? 'no one responsible' : '', a.dueDate === null ? 'no due date' : ''].filter(Boolean).join(' and ');
        return {
          id: `action:${a.id}`,
          rule: 'action',
          severity: 'warning' as const,
          minute: minuteOf(ctx, item),
          message: `${itemName(ctx, item)}: the action “${a.text.trim().slice(0, 60)}” has ${missing}.`,
          fixes: [],
          place: { to: 'item' as const, itemId: item.id },
        };
      }),
};
