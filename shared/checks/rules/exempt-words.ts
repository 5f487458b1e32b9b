import { minutesToText } from '../../minutes/document';
import { minuteOf, itemName, COMMON, words, shingles } from '../helpers';
import type { Rule } from '../types';

/** Sentences of an exempt minute found word for word in the public minutes. */
export const exemptWords: Rule = {
  id: 'exempt-words',
  run: (ctx) => {
    const publicText = ` ${words(minutesToText(ctx.publicMinutes)).join(' ')} `;
    return ctx.record.items
      .filter((i) => i.exempt)
      .flatMap((item) => {
        const own = ctx.record.entries.filter((e) => e.agendaItemId === item.id).map((e) => e.text);
        // Runs of six words: long enough not to match ordinary phrases, short enough to catch a copied sentence.
        // A run made only of the item's title words (which the public minutes print) gives nothing away.
        const titleWords = new Set(words(item.title));
        const leaked = own
          .flatMap((text) => shingles(words(text), 6))
          .find((run) => run.split(' ').some((w) => !titleWords.has(w) && !COMMON.has(w)) && publicText.includes(` ${run} `));
        if (!leaked) return [];
        return [
          {
            id: `exempt-words:${item.id}`,
            rule: 'exempt-words',
            severity: 'error' as const,
            minute: minuteOf(ctx, item),
            message: `Words of the exempt minute ${itemName(ctx, item)} appear in the public minutes: “${leaked}…”. Reword the public summary or the public minute.`,
            fixes: [],
            place: { to: 'item' as const, itemId: item.id },
          },
        ];
      });
  },
};
