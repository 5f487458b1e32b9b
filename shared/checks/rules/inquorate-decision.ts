import { formatTime } from '../../format';
import { minuteOf, itemName } from '../helpers';
import type { Rule } from '../types';

/** A decision taken while the meeting was inquorate. */
export const inquorateDecisions: Rule = {
  id: 'inquorate-decision',
  run: (ctx) => {
    const flagged = [
      ...ctx.record.entries.filter((e) => e.kind === 'resolution' && e.inquorate).map((e) => ({ id: `e${e.id}`, itemId: e.agendaItemId, time: e.recordedAt })),
      ...ctx.record.motions.filter((m) => m.inquorate).map((m) => ({ id: `m${m.id}`, itemId: m.agendaItemId, time: m.recordedAt })),
    ];
    return flagged.map((f) => {
      const item = ctx.record.items.find((i) => i.id === f.itemId)!;
      return {
        id: `inquorate-decision:${f.id}`,
        rule: 'inquorate-decision',
        severity: 'error' as const,
        minute: minuteOf(ctx, item),
        message: `${itemName(ctx, item)}: a decision was recorded at ${formatTime(f.time)} while the meeting was inquorate.`,
        fixes: [],
        place: { to: 'item' as const, itemId: item.id },
      };
    });
  },
};
