import { minuteOf } from '../helpers';
import { fix, type Rule } from '../types';

/** A declaration printed under Declarations of interest, after the minute of the item it concerns. */
export const lateDeclarations: Rule = {
  id: 'declaration-after-item',
  run: (ctx) => {
    const declarationsItem = ctx.record.items.find((i) => i.kind === 'declarations' && !i.leftOut);
    const under = declarationsItem ? minuteOf(ctx, declarationsItem) : null;
    if (under === null) return [];
    return ctx.record.declarations
      .filter((d) => !d.atItem)
      .flatMap((d) => {
        const item = ctx.record.items.find((i) => i.id === d.agendaItemId);
        const concerns = item ? minuteOf(ctx, item) : null;
        if (!item || concerns === null || concerns >= under) return [];
        const who = ctx.record.attendance.find((a) => a.id === d.attendanceId)?.name ?? 'A member';
        return [
          {
            id: `declaration-after-item:${d.id}`,
            rule: 'declaration-after-item',
            severity: 'error' as const,
            minute: under,
            message: `${who}’s declaration concerns minute ${concerns}, ${item.title.trim()}, but is minuted later, under minute ${under}, Declarations of interest. Minute it at minute ${concerns}, where it was made.`,
            fixes: [fix(`Minute it at minute ${concerns}`, 'declarations.update', { declarationId: d.id, patch: { atItem: true } })],
            place: { to: 'declarations' as const },
          },
        ];
      });
  },
};
