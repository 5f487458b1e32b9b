/**
 * The chair's round trip: what the review copy holds (each block of the
 * minutes under a stable key), what the chair's reply says about each block
 * (tracked insertions and deletions, edits made without tracking, comments),
 * and the words a block reads once some of those changes are accepted.
 * Pure: the parsing worker produces a ParsedReply, the Node side places it
 * against the copy sent (placeReply), and the Review tab shows it.
 */
import { diffWordsWithSpace } from 'diff';
import { markerFor, sentenceOf, type Block, type MinutesDocument, type SourceKey } from '../minutes/document';
import type { SentenceKey } from '../model';

/** What a meeting's own sentence is, in a change's label. */
const SENTENCE_WHAT: Record<string, string> = {
  preamble: 'the words before the first minute',
  afterClose: 'the words after the closing line',
  orderOfBusiness: 'the change to the order of business',
  closing: 'the closing line',
  exclusion: 'the exclusion of the press and public',
  movement: 'an arrival or departure',
  chair: 'a change of chair',
};
const sentenceWhat = (key: SentenceKey, paragraph: number) => `${SENTENCE_WHAT[key.split(':')[0]!]}${paragraph ? `, paragraph ${paragraph + 1}` : ''}`;

/** One block of the copy sent to the chair: the minute it belongs to and its words as printed. */
export interface SentBlock {
  key: SourceKey;
  itemId: number;
  minuteNumber: number;
  minuteTitle: string;
  /** "Minute 7, paragraph 2", "Minute 7, resolution (b)". */
  label: string;
  text: string;
}

/** A bookmark name in the review copy: mc_e12, mc_open5, mc_i5. */
export const bookmarkName = (key: SourceKey) => `mc_${key}`;
/** The bookmark around the title that says which meeting and which copy sent this is. */
export const markBookmark = (meetingId: number, sendId: number) => `mc_m${meetingId}_s${sendId}`;
export const MARK_PATTERN = /^mc_m(\d+)_s(\d+)$/;
export const KEY_PATTERN = /^mc_((?:e|open|i|a)\d+|std\d+_\d+|s[pocfxmh]\d+_\d+)$/;
/** A line of the attendance under PRESENT: its changes are listed for the clerk, never applied. */
export const isAttendanceKey = (key: string) => /^a\d+$/.test(key);
/** The item and paragraph of a standard wording's key ("std5_2"), or null for any other key. */
export const standardPart = (key: string): { itemId: number; index: number } | null => {
  const m = /^std(\d+)_(\d+)$/.exec(key);
  return m ? { itemId: Number(m[1]), index: Number(m[2]) } : null;
};

const norm = (t: string) => t.replace(/\s+/g, ' ').trim();

/** The blocks of a document built with `sources: true`, with the minute each sits in. */
export function sentBlocks(doc: MinutesDocument): SentBlock[] {
  const out: SentBlock[] = [];
  let minute: { number: number; title: string; itemId: number } | null = null;
  let paragraphs = 0;
  let attendance = 0;
  const push = (key: SourceKey | null | undefined, text: string, what: string) => {
    if (!key) return;
    const sentence = sentenceOf(key);
    // The attendance and the meeting's own sentences outside any minute (before the first, the closing line) are placed too.
    if (isAttendanceKey(key)) {
      out.push({ key, itemId: 0, minuteNumber: 0, minuteTitle: 'PRESENT', label: `Attendance (PRESENT), line ${++attendance}`, text: norm(text) });
      return;
    }
    if (sentence && (!minute || sentence.key === 'closing' || sentence.key === 'afterClose')) {
      const label = `${sentence.key === 'closing' || sentence.key === 'afterClose' ? 'After the minutes' : 'Before the first minute'}, ${sentenceWhat(sentence.key, sentence.paragraph)}`;
      out.push({ key, itemId: 0, minuteNumber: 0, minuteTitle: '', label, text: norm(text) });
      return;
    }
    if (!minute) return;
    const label = sentence ? `Minute ${minute.number}, ${sentenceWhat(sentence.key, sentence.paragraph)}` : `Minute ${minute.number}, ${what}`;
    out.push({ key, itemId: minute.itemId, minuteNumber: minute.number, minuteTitle: minute.title, label, text: norm(text) });
  };
  for (const b of doc.blocks as Block[]) {
    if (b.type === 'minute-heading') {
      // A minute the agenda did not list (the order of business, an exclusion) holds only the meeting's own sentences.
      minute = { number: b.number, title: b.text, itemId: b.source ? Number(b.source.slice(1)) : 0 };
      paragraphs = 0;
      push(b.source, b.text, 'heading');
    } else if (b.type === 'chair' || b.type === 'closing') {
      push(b.source, b.text, '');
    } else if (b.type === 'name-list') {
      b.rows.forEach((r, i) => {
        push(b.sources?.[i]?.[0], r.name, '');
        push(b.sources?.[i]?.[1], r.detail, '');
      });
    } else if (b.type === 'paragraph') {
      const part = b.source ? standardPart(b.source) : null;
      if (b.source?.startsWith('open')) push(b.source, b.text, 'opening sentence');
      else if (part) push(b.source, b.text, `standard wording, paragraph ${part.index + 1}`);
      else if (b.source && sentenceOf(b.source)) push(b.source, b.text, '');
      else if (b.source) push(b.source, b.text, `paragraph ${++paragraphs}`);
    } else if (b.type === 'lettered') {
      b.items.forEach((t, i) => push(b.sources?.[i], t, `point ${markerFor(i, b.style)}`));
    } else if (b.type === 'decision') {
      b.resolutions.forEach((t, i) => {
        const part = b.sources?.[i] ? standardPart(b.sources[i]!) : null;
        push(b.sources?.[i], t, part ? `standard wording, paragraph ${part.index + 1} (${b.label})` : b.resolutions.length === 1 ? 'resolution' : `resolution ${b.markers[i] || markerFor(i, 'alpha')}`);
      });
    }
  }
  return out;
}

/* ---------- What the parsing worker reads from the returned file ---------- */

/** A stretch of a block's words: unchanged, inserted or deleted (by the change with that id). */
export interface ReplySegment {
  kind: 'same' | 'ins' | 'del';
  text: string;
  /** The change it belongs to; '' for unchanged words. */
  change: string;
}

export interface TrackedChangeInfo {
  id: string;
  author: string;
  /** ISO date-time as the word processor wrote it, or null. */
  date: string | null;
  move: boolean;
}

export interface ReplyComment {
  id: string;
  author: string;
  date: string | null;
  text: string;
  /** The words the comment is attached to. */
  anchor: string;
  /** The block it sits in, or null when outside every marked block. */
  key: string | null;
  /** The comment this one replies to (Word's commentsExtended), or null. */
  parentId: string | null;
  done: boolean;
}

export interface FormattingChange {
  key: string | null;
  author: string;
  date: string | null;
  what: 'text formatting' | 'paragraph formatting';
}

export interface ParsedReply {
  /** The review copy's own mark (meeting and copy sent), or null when the file has none. */
  mark: { meetingId: number; sendId: number } | null;
  blocks: { key: string; segments: ReplySegment[] }[];
  changes: TrackedChangeInfo[];
  formatting: FormattingChange[];
  comments: ReplyComment[];
  /** Tracked changes outside every marked block (a paragraph the chair added, a name corrected in the attendance), after the block they follow. */
  added: { afterKey: string | null; before: string; text: string; change: string; newParagraph: boolean }[];
  trackRevisions: boolean;
}

/* ---------- Placed against the copy sent and the minutes now ---------- */

export interface ReviewChange {
  id: string;
  key: SourceKey;
  label: string;
  minuteNumber: number;
  minuteTitle: string;
  author: string;
  date: string | null;
  tracked: boolean;
  kind: 'insertion' | 'deletion' | 'replacement' | 'move';
  removed: string;
  added: string;
  /** The block's words with only this change made. */
  after: string;
  /** Whether the app can make the change itself (the clerk's own words, or a heading); else it is listed for the clerk. */
  applicable: boolean;
}

export interface ReviewBlock {
  key: SourceKey;
  label: string;
  itemId: number;
  minuteNumber: number;
  minuteTitle: string;
  sent: string;
  /** The block's words in the minutes now; null when it is no longer in them. */
  current: string | null;
  segments: ReplySegment[];
}

export interface ReviewReading {
  sendId: number;
  fileName: string;
  sha256: string;
  /** The date of the chair's latest change or comment (YYYY-MM-DD), else the day it was read. */
  replyDate: string;
  sentTo: string;
  sentAt: string;
  blocks: ReviewBlock[];
  changes: ReviewChange[];
  comments: (ReplyComment & { label: string | null })[];
  formatting: (FormattingChange & { label: string | null })[];
  /** Changes outside the clerk's own words: listed for the clerk to make by hand. */
  added: { afterLabel: string | null; before: string; text: string; author: string; newParagraph: boolean }[];
  /** Minutes changed since the copy was sent: each changed block's label. */
  changedSince: string[];
}

/** A block's words once the given changes are accepted (the rest rejected). */
export function wordsAfter(segments: readonly ReplySegment[], accepted: (change: string) => boolean): string {
  return norm(segments.map((s) => (s.kind === 'same' ? s.text : s.kind === 'ins' ? (accepted(s.change) ? s.text : '') : accepted(s.change) ? '' : s.text)).join(''));
}

/**
 * The segments of a block measured against the copy sent. The reply's own
 * baseline (its words with every tracked change rejected) should be the
 * text sent; where it is not, the chair edited without tracking, and those
 * differences become changes of their own ("u1", "u2", ...), by whole words.
 */
export function withUntracked(sent: string, segments: readonly ReplySegment[], nextId: () => string): ReplySegment[] {
  const baseline = segments.filter((s) => s.kind !== 'ins').map((s) => s.text).join('');
  if (norm(baseline) === norm(sent)) return [...segments];
  // Characters of the baseline, each with the segment it came from; insertions anchored before the character they precede.
  const chars: { ch: string; seg: ReplySegment }[] = [];
  const before = new Map<number, ReplySegment[]>();
  for (const s of segments) {
    if (s.kind === 'ins') {
      const at = chars.length;
      before.set(at, [...(before.get(at) ?? []), s]);
    } else for (const ch of s.text) chars.push({ ch, seg: s });
  }
  const out: ReplySegment[] = [];
  const push = (s: ReplySegment) => {
    const last = out[out.length - 1];
    if (last && last.kind === s.kind && last.change === s.change) last.text += s.text;
    else out.push({ ...s });
  };
  let at = 0;
  let pending: string | null = null;
  for (const part of diffWordsWithSpace(sent, baseline)) {
    if (part.removed) {
      pending = nextId();
      push({ kind: 'del', text: part.value, change: pending });
      continue;
    }
    const id = part.added ? (pending ?? nextId()) : '';
    pending = null;
    const chunk = [...part.value];
    for (let k = 0; k < chunk.length; k++, at++) {
      for (const ins of before.get(at) ?? []) push(ins);
      const { ch, seg } = chars[at]!;
      if (seg.kind === 'del') push({ kind: 'del', text: ch, change: seg.change });
      else push(part.added ? { kind: 'ins', text: ch, change: id } : { kind: 'same', text: ch, change: '' });
    }
  }
  for (const ins of before.get(at) ?? []) push(ins);
  return out;
}

function withoutNumber(segments: ReplySegment[] | undefined): ReplySegment[] | undefined {
  if (!segments) return segments;
  const [first, ...rest] = segments;
  if (!first || first.kind !== 'same') return segments;
  const text = first.text.replace(/^\s*\d+\.\s*/, '');
  return text ? [{ ...first, text }, ...rest] : rest;
}

const dayOf = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null);

/**
 * Places a parsed reply against the copy sent: every change on the block
 * it touches (by the bookmarks), edits made without tracking found by
 * comparison, and the blocks changed in the minutes since the copy was sent.
 */
export function placeReply(
  parsed: ParsedReply,
  sent: readonly SentBlock[],
  current: ReadonlyMap<string, string>,
  info: { sendId: number; fileName: string; sha256: string; today: string; sentTo: string; sentAt: string },
): ReviewReading {
  const byKey = new Map(parsed.blocks.map((b) => [b.key, b.segments]));
  const sentByKey = new Map(sent.map((b) => [b.key as string, b]));
  const tracked = new Map(parsed.changes.map((c) => [c.id, c]));
  let untracked = 0;
  const nextId = () => `u${++untracked}`;
  // A change to the attendance (tracked, or found by comparing with the copy sent) is listed with the reason it is
  // not applied: each name is a member or attendee, with votes, declarations and the quorum hanging on it.
  const attendance: ReviewReading['added'] = [];
  for (const b of sent.filter((b) => isAttendanceKey(b.key))) {
    const found = byKey.get(b.key);
    const segments = found ? withUntracked(b.text, found, nextId) : [{ kind: 'del' as const, text: b.text, change: nextId() }];
    const ids = [...new Set(segments.filter((x) => x.change).map((x) => x.change))];
    if (!ids.length) continue;
    const text = wordsAfter(segments, () => true);
    if (text === b.text) continue;
    const author = ids.map((id) => tracked.get(id)?.author).find(Boolean) ?? (ids.some((id) => tracked.has(id)) ? 'Unknown author' : 'Not tracked');
    attendance.push({ afterLabel: null, before: b.text, text, author, newParagraph: false });
  }
  const blocks: ReviewBlock[] = sent.filter((b) => !isAttendanceKey(b.key)).map((b) => {
    // Word and LibreOffice may widen a heading's bookmark over its number ("1." and the tab): the number is the app's.
    const found = b.key.startsWith('i') ? withoutNumber(byKey.get(b.key)) : byKey.get(b.key);
    // A block whose bookmark is gone was deleted (or retyped) without tracking: compare what is left with nothing.
    const segments = found ? withUntracked(b.text, found, nextId) : [{ kind: 'del' as const, text: b.text, change: nextId() }];
    return {
      key: b.key,
      label: b.label,
      itemId: b.itemId,
      minuteNumber: b.minuteNumber,
      minuteTitle: b.minuteTitle,
      sent: b.text,
      current: current.get(b.key) ?? null,
      segments,
    };
  });
  const changes: ReviewChange[] = [];
  for (const block of blocks) {
    const ids = [...new Set(block.segments.filter((s) => s.change).map((s) => s.change))];
    for (const id of ids) {
      const mine = block.segments.filter((s) => s.change === id);
      const removed = norm(mine.filter((s) => s.kind === 'del').map((s) => s.text).join(''));
      const added = norm(mine.filter((s) => s.kind === 'ins').map((s) => s.text).join(''));
      if (!removed && !added) continue;
      const t = tracked.get(id);
      changes.push({
        id,
        key: block.key,
        label: block.label,
        minuteNumber: block.minuteNumber,
        minuteTitle: block.minuteTitle,
        author: t?.author || (t ? 'Unknown author' : 'Not tracked'),
        date: t?.date ?? null,
        tracked: t !== undefined,
        kind: t?.move ? 'move' : removed && added ? 'replacement' : added ? 'insertion' : 'deletion',
        removed,
        added,
        after: wordsAfter(block.segments, (c) => c === id),
        // Every marked block can take the chair's words: entries, headings, and the standard wording (as its edited wording).
        applicable: true,
      });
    }
  }
  const labelOf = (key: string | null) => (key ? (sentByKey.get(key)?.label ?? null) : null);
  const dates = [...parsed.changes.map((c) => c.date), ...parsed.comments.map((c) => c.date)].map(dayOf).filter((d): d is string => d !== null).sort();
  return {
    sendId: info.sendId,
    fileName: info.fileName,
    sha256: info.sha256,
    replyDate: dates[dates.length - 1] ?? info.today,
    sentTo: info.sentTo,
    sentAt: info.sentAt,
    blocks,
    changes,
    comments: parsed.comments.map((c) => ({ ...c, label: labelOf(c.key) })),
    formatting: parsed.formatting.map((f) => ({ ...f, label: labelOf(f.key) })),
    added: [
      ...attendance,
      ...parsed.added.map((a) => ({
      afterLabel: labelOf(a.afterKey),
      before: a.before,
      text: a.text,
      author: tracked.get(a.change)?.author || 'Unknown author',
      newParagraph: a.newParagraph,
    })),
    ],
    changedSince: blocks.filter((b) => b.current === null || norm(b.current) !== b.sent).map((b) => b.label),
  };
}

/** The stored words of an entry from its words as printed: a resolution's closing ";" or "." is the app's, not the clerk's. */
export function storedFromPrinted(key: SourceKey, printed: string, entryKind: 'paragraph' | 'point' | 'resolution' | null): string {
  const text = norm(printed);
  if (key.startsWith('e') && entryKind === 'resolution') return text.replace(/[\s.;]+$/, '');
  return text;
}
