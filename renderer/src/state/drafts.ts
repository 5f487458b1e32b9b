/**
 * Words typed but not yet saved, by entry. Kept apart from the meeting
 * record so a keystroke re-renders only the field and the preview, not the
 * whole live screen.
 *
 * The preview takes a keystroke's words at the start of the next frame
 * (requestAnimationFrame), not inside the input event: the browser then lays
 * the page out once per frame, with the field and the preview together,
 * instead of once for the field's caret and again for the preview. The
 * words are on screen in the same frame either way.
 */
import { create } from 'zustand';
import type { AgendaItem, MeetingRecord, Motion } from '../../../shared/model';

type Fields = Record<string, unknown>;

interface DraftState {
  entries: Record<number, string>;
  /** An item's fields typed in the live minute (author, topic, detail …), not yet saved. */
  items: Record<number, Partial<AgendaItem>>;
  /** A motion's fields typed, not yet saved. */
  motions: Record<number, Partial<Motion>>;
  /** The meeting's own sentences being typed (closing line, movements …), by sentence key. */
  wording: Record<string, string>;
  setEntry(entryId: number, text: string): void;
  /** Once saved, the record holds the words: the draft goes (unless more was typed since). */
  settleEntry(entryId: number, saved: string): void;
  setItem(itemId: number, patch: Partial<AgendaItem>): void;
  settleItem(itemId: number, saved: Partial<AgendaItem>): void;
  setMotion(motionId: number, patch: Partial<Motion>): void;
  settleMotion(motionId: number, saved: Partial<Motion>): void;
  setWording(key: string, text: string): void;
  /** Once saved, the sentence's draft goes (unless more was typed since). */
  settleWording(key: string, saved: string): void;
}

/** Drops the drafted fields that now hold exactly what was saved; fields typed on since stay. */
function settled<T extends Record<number, Fields>>(drafts: T, id: number, saved: Fields): T {
  const draft = drafts[id];
  if (!draft) return drafts;
  const rest: Fields = {};
  for (const [key, value] of Object.entries(draft)) if (!(key in saved) || saved[key] !== value) rest[key] = value;
  const next = { ...drafts };
  if (Object.keys(rest).length) next[id as keyof T] = rest as T[keyof T];
  else delete next[id as keyof T];
  return next;
}

/**
 * The record as the clerk sees it: the confirmed record (what the store last
 * answered, which saves compare against) with the words still being typed laid over it.
 */
export function withDrafts(record: MeetingRecord, drafts: Pick<DraftState, 'entries' | 'items' | 'motions'> & Partial<Pick<DraftState, 'wording'>>): MeetingRecord {
  const { entries, items, motions, wording = {} } = drafts;
  const e = Object.keys(entries).length > 0;
  const i = Object.keys(items).length > 0;
  const m = Object.keys(motions).length > 0;
  const w = Object.keys(wording).length > 0;
  if (!e && !i && !m && !w) return record;
  return {
    ...record,
    ...(w ? { wording: { ...record.wording, ...wording } } : {}),
    entries: e ? record.entries.map((x) => (x.id in entries ? { ...x, text: entries[x.id]! } : x)) : record.entries,
    items: i ? record.items.map((x) => (x.id in items ? { ...x, ...items[x.id] } : x)) : record.items,
    motions: m ? record.motions.map((x) => (x.id in motions ? { ...x, ...motions[x.id] } : x)) : record.motions,
  };
}

/** Words typed since the last frame, by entry. */
const nextFrame = new Map<number, string>();
let frame = 0;

function takeNextFrame(): void {
  frame = 0;
  if (!nextFrame.size) return;
  const typed = Object.fromEntries(nextFrame);
  nextFrame.clear();
  useDrafts.setState((s) => ({ entries: { ...s.entries, ...typed } }));
}

export const useDrafts = create<DraftState>()((set) => ({
  entries: {},
  items: {},
  motions: {},
  wording: {},
  setWording: (key, text) => set((s) => ({ wording: { ...s.wording, [key]: text } })),
  settleWording: (key, saved) =>
    set((s) => {
      if (s.wording[key] !== saved) return s;
      const { [key]: _gone, ...rest } = s.wording;
      return { wording: rest };
    }),
  setItem: (itemId, patch) => set((s) => ({ items: { ...s.items, [itemId]: { ...s.items[itemId], ...patch } } })),
  settleItem: (itemId, saved) => set((s) => ({ items: settled(s.items, itemId, saved as Fields) })),
  setMotion: (motionId, patch) => set((s) => ({ motions: { ...s.motions, [motionId]: { ...s.motions[motionId], ...patch } } })),
  settleMotion: (motionId, saved) => set((s) => ({ motions: settled(s.motions, motionId, saved as Fields) })),
  setEntry: (entryId, text) => {
    nextFrame.set(entryId, text);
    if (!frame) frame = requestAnimationFrame(takeNextFrame);
  },
  settleEntry: (entryId, saved) => {
    // Words still waiting for the frame are newer than any save, unless they are the words saved.
    if (nextFrame.has(entryId)) {
      if (nextFrame.get(entryId) !== saved) return;
      nextFrame.delete(entryId);
    }
    set((s) => {
      if (!(entryId in s.entries)) return s;
      if (s.entries[entryId] !== saved) return s;
      const { [entryId]: _gone, ...rest } = s.entries;
      return { entries: rest };
    });
  },
}));
