import { minuteOf, itemName } from '../helpers';
import type { Rule } from '../types';

/** An exempt item must cite its Schedule 12A paragraph: the exclusion resolution names it. */
export const exemptParagraph: Rule = {
  id: 'exempt-paragraph',
  run: (ctx) =>
    ctx.record.items
      .filter((i) => i.exempt && i.exemptParagraph === null && !i.leftOut)
      .map((item) => ({
        id: `exempt-paragraph:${item.id}`,
        rule: 'exempt-paragraph',
        severity: 'error' as const,
        minute: minuteOf(ctx, item),
        message: `${itemName(ctx, item)} is exempt but cites no paragraph of Schedule 12A, so the exclusion of the press and public has no grounds.`,
        fixes: [],
        place: { to: 'item' as const, itemId: item.id },
      })),
};
