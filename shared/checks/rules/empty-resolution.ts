import { minuteOf, itemName } from '../helpers';
import { fix, type Rule } from '../types';

/** Resolutions left empty (they are dropped when printed, so the decision would go unminuted). */
export const emptyResolutions: Rule = {
  id: 'empty-resolution',
  run: (ctx) =>
    ctx.record.entries
      .filter((e) => e.kind === 'resolution' && !e.text.trim())
      .map((e) => {
        const item = ctx.record.items.find((i) => i.id === e.agendaItemId)!;
        return {
          id: `empty-resolution:${e.id}`,
          rule: 'empty-resolution',
          severity: 'error' as const,
          minute: minuteOf(ctx, item),
          message: `${itemName(ctx, item)} has an empty resolution: write it, or delete it.`,
          fixes: [fix('Delete the empty resolution', 'entries.delete', { entryId: e.id })],
          place: { to: 'item' as const, itemId: item.id },
        };
      }),
};
