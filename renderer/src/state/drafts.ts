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

interface DraftState {
  entries: Record<number, string>;
  setEntry(entryId: number, text: string): void;
  /** Once saved, the record holds the words: the draft goes (unless more was typed since). */
  settleEntry(entryId: number, saved: string): void;
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
