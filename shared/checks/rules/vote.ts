import type { Motion } from '../../model';
import { minuteOf, itemName, votingPresent } from '../helpers';
import { fix, type Rule, type Check } from '../types';

/** Votes that cannot be right: more votes than voting members present, counts that disagree with the names, carried with no votes for. */
export const impossibleVotes: Rule = {
  id: 'vote',
  run: (ctx) => {
    const voters = votingPresent(ctx.record);
    return ctx.record.motions.flatMap((m: Motion) => {
      const item = ctx.record.items.find((i) => i.id === m.agendaItemId)!;
      const what = `${itemName(ctx, item)}: the ${m.kind} “${m.text.trim().slice(0, 60)}”`;
      const out: Check[] = [];
      const add = (key: string, message: string, fixes: Check['fixes'] = []) =>
        out.push({ id: `vote-${key}:${m.id}`, rule: 'vote', severity: 'error', minute: minuteOf(ctx, item), message, fixes, place: { to: 'item', itemId: item.id } });
      const clearCounts = fix('Clear the vote counts', 'motions.update', { motionId: m.id, patch: { votesFor: null, votesAgainst: null, votesAbstained: null } });
      const [f, a, x] = [m.votesFor ?? 0, m.votesAgainst ?? 0, m.votesAbstained ?? 0];
      if (f + a + x > voters) add('too-many', `${what} has ${f + a + x} votes recorded but only ${voters} voting members were present.`, m.recorded ? [] : [clearCounts]);
      if (m.recorded && m.names.length) {
        const named = (c: string) => m.names.filter((n) => n.choice === c).length;
        if (named('for') !== f || named('against') !== a || named('abstained') !== x) add('names', `${what}: the vote counts do not agree with the names recorded.`);
      }
      if (m.outcome === 'carried' && m.votesFor !== null && f === 0) {
        add('carried-without-for', `${what} is recorded as carried with no votes for it.`, [fix('Record it as lost', 'motions.update', { motionId: m.id, patch: { outcome: 'lost' } })]);
      }
      if (m.outcome === 'carried' && m.votesFor !== null && f > 0 && f <= a) add('carried-not-majority', `${what} is recorded as carried with ${f} for and ${a} against.`);
      if (m.outcome === 'lost' && m.votesFor !== null && f > a) add('lost-with-majority', `${what} is recorded as lost with ${f} for and ${a} against.`);
      return out;
    });
  },
};
