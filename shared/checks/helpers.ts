/** Look-ups the checker's rules share: minute numbers, how an item is named, what was minuted, words. */
import type { AgendaItem, MeetingRecord } from '../model';
import type { Block } from '../minutes/document';
import { isPreWorded } from '../minutes/standard-items';
import type { CheckContext } from './types';

export const minuteOf = (ctx: CheckContext, item: AgendaItem) => ctx.numbers.get(item.id) ?? null;

export const itemName = (ctx: CheckContext, item: AgendaItem) => {
  const n = minuteOf(ctx, item);
  return `${n === null ? '' : `Minute ${n}, `}${item.title.trim()} (agenda item ${item.agendaNumber})`;
};

/** Whether anything was minuted for an item (the wording the app puts there beforehand does not count). */
export const recordedFor = (record: MeetingRecord, item: AgendaItem) =>
  record.entries.some((e) => e.agendaItemId === item.id && e.text.trim() && !isPreWorded(item, e)) ||
  record.motions.some((m) => m.agendaItemId === item.id) ||
  record.movements.some((m) => m.agendaItemId === item.id) ||
  record.chairChanges.some((c) => c.agendaItemId === item.id);

/** The blocks printed under each minute heading, by minute number. */
export function bodiesByMinute(blocks: readonly Block[]): Map<number, Block[]> {
  const out = new Map<number, Block[]>();
  let current: Block[] | null = null;
  for (const block of blocks) {
    if (block.type === 'minute-heading') {
      current = [];
      // A minute printed with no number (imported past minutes) is not the minute whose number it would take.
      if (block.mark !== '') out.set(block.number, current);
    } else if (block.type === 'closing' || block.type === 'signature') {
      current = null;
    } else current?.push(block);
  }
  return out;
}

export const votingPresent = (record: MeetingRecord) =>
  record.attendance.filter((a) => a.category === 'member' && a.status === 'present' && (a.voting || a.substituteForMemberId !== null)).length;

export const COMMON = new Set(['the', 'a', 'an', 'of', 'for', 'to', 'and', 'in', 'on', 'at', 'be', 'that', 'by', 'from', 'with', 'was', 'were', 'is']);

export const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];

export const shingles = (list: string[], n: number) => (list.length < n ? [] : list.slice(0, list.length - n + 1).map((_, i) => list.slice(i, i + n).join(' ')));
