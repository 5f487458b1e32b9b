import { minutesToText } from '../../minutes/document';
import { minuteOf, itemName, COMMON, words, shingles } from '../helpers';
import type { Rule } from '../types';

/** Sentences of an exempt minute found word for word in the public minutes. */
export const exemptWords: Rule = {
  id: 'exempt-words',
  run: (ctx) => {
    const exempt = ctx.record.items.filter((i) => i.exempt);
    // Most meetings have no exempt item: the public minutes' words (some 10 ms for 60 items) are then never needed.
    if (!exempt.length) return [];
    // Every run of six words the public minutes print, once: looked up for each run of an exempt minute's words.
    const publicRuns = new Set(shingles(words(minutesToText(ctx.publicMinutes)), 6));
    return exempt
      .flatMap((item) => {
        const own = ctx.record.entries.filter((e) => e.agendaItemId === item.id).map((e) => e.text);
        // Runs of six words: long enough not to match ordinary phrases, short enough to catch a copied sentence.
        // A run made only of the item's title words (which the public minutes print) gives nothing away.
        const titleWords = new Set(words(item.title));
        const leaked = own
          .flatMap((text) => shingles(words(text), 6))
          .find((run) => run.split(' ').some((w) => !titleWords.has(w) && !COMMON.has(w)) && publicRuns.has(run));
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
