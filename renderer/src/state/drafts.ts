/**
 * Words typed but not yet saved, by entry. Kept apart from the meeting
 * record so a keystroke re-renders only the field and the preview, not the
 * whole live screen.
 */
import { create } from 'zustand';

interface DraftState {
  entries: Record<number, string>;
  setEntry(entryId: number, text: string): void;
  /** Once saved, the record holds the words: the draft goes (unless more was typed since). */
  settleEntry(entryId: number, saved: string): void;
}

export const useDrafts = create<DraftState>()((set) => ({
  entries: {},
  setEntry: (entryId, text) => set((s) => ({ entries: { ...s.entries, [entryId]: text } })),
  settleEntry: (entryId, saved) =>
    set((s) => {
      if (s.entries[entryId] !== saved) return s;
      const { [entryId]: _gone, ...rest } = s.entries;
      return { entries: rest };
    }),
}));
