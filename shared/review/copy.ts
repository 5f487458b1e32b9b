/**
 * What the chair's review copy holds: the draft minutes and, when the meeting
 * had exempt business, the exempt minutes after them (the chair approves
 * both; the copy marks them exempt and not for publication). Every block the
 * chair can correct is marked once: an exempt item's heading, printed in both
 * parts, is marked in the exempt minutes, where its words are.
 */
import { buildMinutes, type MinutesDocument } from '../minutes/document';
import type { MeetingRecord } from '../model';
import { sentBlocks, type SentBlock } from './reply';

export interface ReviewCopy {
  minutes: MinutesDocument;
  /** The exempt minutes, or null when the meeting had no exempt business minuted. */
  exempt: MinutesDocument | null;
}

export function reviewCopy(record: MeetingRecord): ReviewCopy {
  const style = record.body.houseStyle;
  const minutes = buildMinutes(record, { style, sources: true });
  if (!record.items.some((i) => i.exempt && !i.leftOut)) return { minutes, exempt: null };
  const built = buildMinutes(record, { style, sources: true, part: 'exempt' });
  // The closing line is printed in both parts: it is marked once, in the public minutes.
  const exempt = { ...built, blocks: built.blocks.map((b) => (b.type === 'closing' ? { type: 'closing' as const, text: b.text } : b)) };
  const inExempt = new Set(exempt.blocks.flatMap((b) => (b.type === 'minute-heading' && b.source ? [b.source] : [])));
  if (!inExempt.size) return { minutes, exempt: null };
  const blocks = minutes.blocks.map((b) => {
    if (b.type !== 'minute-heading' || !b.source || !inExempt.has(b.source)) return b;
    const { source: _marked, ...unmarked } = b;
    return unmarked;
  });
  return { minutes: { ...minutes, blocks }, exempt };
}

/** Every marked block of the copy, as sent: the exempt ones say so in their label. */
export function reviewBlocks(copy: ReviewCopy): SentBlock[] {
  const exempt = copy.exempt ? sentBlocks(copy.exempt).map((b) => ({ ...b, label: b.label.replace(/^Minute (\d+)/, 'Minute $1 (exempt)') })) : [];
  return [...sentBlocks(copy.minutes), ...exempt];
}
