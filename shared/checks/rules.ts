/**
 * The rules of the minutes checker, one small function each. Pure: the live
 * list in the renderer and the refusal in the service layer run the same
 * rules on the same record, so they agree.
 */
import { formatTime } from '../format';
import type { AgendaItem, MeetingRecord, Motion } from '../model';
import { minutesToText, type Block } from '../minutes/document';
import { isPreWorded } from '../minutes/standard-items';
import { fix, type Check, type CheckContext, type Rule } from './types';

const minuteOf = (ctx: CheckContext, item: AgendaItem) => ctx.numbers.get(item.id) ?? null;
const itemName = (ctx: CheckContext, item: AgendaItem) => {
  const n = minuteOf(ctx, item);
  return `${n === null ? '' : `Minute ${n}, `}${item.title.trim()} (agenda item ${item.agendaNumber})`;
};
/** Whether anything was minuted for an item (the wording the app puts there beforehand does not count). */
const recordedFor = (record: MeetingRecord, item: AgendaItem) =>
  record.entries.some((e) => e.agendaItemId === item.id && e.text.trim() && !isPreWorded(item, e)) ||
  record.motions.some((m) => m.agendaItemId === item.id) ||
  record.movements.some((m) => m.agendaItemId === item.id) ||
  record.chairChanges.some((c) => c.agendaItemId === item.id);

/** Items never taken up in a meeting that has closed: withdrawn, deferred or left out, but never minuted as if taken. */
const untakenItems: Rule = {
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

/** The blocks printed under each minute heading, by minute number. */
function bodiesByMinute(blocks: readonly Block[]): Map<number, Block[]> {
  const out = new Map<number, Block[]>();
  let current: Block[] | null = null;
  for (const block of blocks) {
    if (block.type === 'minute-heading') {
      current = [];
      out.set(block.number, current);
    } else if (block.type === 'closing' || block.type === 'signature') {
      current = null;
    } else current?.push(block);
  }
  return out;
}

/** A minute taken up but with nothing printed under its heading. */
const emptyMinutes: Rule = {
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

/** Resolutions left empty (they are dropped when printed, so the decision would go unminuted). */
const emptyResolutions: Rule = {
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

/** A declaration printed under Declarations of interest, after the minute of the item it concerns. */
const lateDeclarations: Rule = {
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

const votingPresent = (record: MeetingRecord) =>
  record.attendance.filter((a) => a.category === 'member' && a.status === 'present' && (a.voting || a.substituteForMemberId !== null)).length;

/** Votes that cannot be right: more votes than voting members present, counts that disagree with the names, carried with no votes for. */
const impossibleVotes: Rule = {
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

/** A decision taken while the meeting was inquorate. */
const inquorateDecisions: Rule = {
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

/** The meeting as a whole: a chair, and a close time once it has started. */
const meetingFacts: Rule = {
  id: 'meeting',
  run: ({ record }) => {
    const out: Check[] = [];
    if (record.startedAt !== null && record.chairChanges.length === 0) {
      out.push({ id: 'no-chair', rule: 'no-chair', severity: 'error', minute: null, message: 'No one is recorded in the chair: mark the chair in the attendance list (C on a member).', fixes: [], place: { to: 'attendance' } });
    }
    if (record.startedAt !== null && record.closedAt === null) {
      out.push({
        id: 'no-close-time',
        rule: 'no-close-time',
        severity: 'error',
        minute: null,
        message: 'The meeting has no close time.',
        fixes: [fix('Close the meeting now', 'meetings.close', { meetingId: record.id })],
        place: { to: 'meeting' },
      });
    }
    return out;
  },
};

/** An exempt item must cite its Schedule 12A paragraph: the exclusion resolution names it. */
const exemptParagraph: Rule = {
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

/** Sentences of an exempt minute found word for word in the public minutes. */
const exemptWords: Rule = {
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
const COMMON = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'and', 'in', 'on', 'at', 'be', 'that', 'by', 'from', 'with', 'was', 'were', 'is']);
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
const shingles = (list: string[], n: number) => (list.length < n ? [] : list.slice(0, list.length - n + 1).map((_, i) => list.slice(i, i + n).join(' ')));

/** Attendance that cannot be right: arrivals or departures outside the meeting, a substitute for a member who is present. */
const attendanceFacts: Rule = {
  id: 'attendance',
  run: ({ record }) => {
    const out: Check[] = [];
    const nameOf = (attendanceId: number) => record.attendance.find((a) => a.id === attendanceId)?.name ?? 'Someone';
    for (const m of record.movements) {
      const before = record.startedAt !== null && m.time < record.startedAt;
      const after = record.closedAt !== null && m.time > record.closedAt;
      if (before || after) {
        out.push({
          id: `movement-time:${m.id}`,
          rule: 'movement-time',
          severity: 'warning',
          minute: null,
          message: `${nameOf(m.attendanceId)} ${m.kind === 'arrived' ? 'arrived' : 'left'} at ${formatTime(m.time)}, ${before ? 'before the meeting started' : 'after it closed'}.`,
          fixes: [fix('Delete this arrival or departure', 'attendance.deleteMovement', { movementId: m.id })],
          place: { to: 'attendance' },
        });
      }
    }
    for (const a of record.attendance.filter((x) => x.substituteForMemberId !== null)) {
      const replaced = record.attendance.find((x) => x.memberId === a.substituteForMemberId);
      if (replaced?.status === 'present') {
        out.push({ id: `substitute-for-present:${a.id}`, rule: 'substitute-for-present', severity: 'error', minute: null, message: `${a.name} is recorded as substitute for ${replaced.name}, who is marked present.`, fixes: [], place: { to: 'attendance' } });
      }
    }
    return out;
  },
};

/** Actions the action log cannot carry: no one responsible, or no date. */
const actionsFacts: Rule = {
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

/** The meeting whose minutes are confirmed must be the last one held; two meetings of the body on one day are worth a look. */
const neighbours: Rule = {
  id: 'neighbours',
  run: (ctx) => {
    const { record } = ctx;
    const out: Check[] = [];
    const previous = record.previousMeeting;
    const confirming = record.items.find((i) => i.kind === 'previous_minutes' && !i.leftOut);
    if (confirming && previous && !previous.held) {
      out.push({
        id: 'previous-not-held',
        rule: 'previous-not-held',
        severity: 'warning',
        minute: minuteOf(ctx, confirming),
        message: `The minutes confirmed are those of the meeting on ${previous.date}, which has nothing recorded (it was never held). Check the date of that meeting, or delete it.`,
        fixes: [],
        place: { to: 'item', itemId: confirming.id },
      });
    }
    for (const other of [previous, record.nextMeeting]) {
      if (other && other.date === record.date) {
        out.push({ id: `same-date:${other.id}`, rule: 'same-date', severity: 'warning', minute: null, message: `The body has another meeting on the same date (${other.date}).`, fixes: [], place: { to: 'meeting' } });
      }
    }
    return out;
  },
};

/** Every rule, in the order their checks are listed. */
export const RULES: readonly Rule[] = [
  meetingFacts,
  untakenItems,
  emptyMinutes,
  emptyResolutions,
  lateDeclarations,
  impossibleVotes,
  inquorateDecisions,
  exemptParagraph,
  exemptWords,
  attendanceFacts,
  actionsFacts,
  neighbours,
];
