/**
 * Undo and redo of structural changes (deleting, moving, relabelling,
 * withdrawing): each records how to reverse itself. Typing has the text
 * field's own undo; this stack is for what a text field cannot undo.
 */
import { create } from 'zustand';

export interface UndoStep {
  /** What the step did, as the clerk would say it: "delete point (b)". */
  label: string;
  undo: () => Promise<boolean>;
  redo: () => Promise<boolean>;
}

interface UndoState {
  done: UndoStep[];
  undone: UndoStep[];
  busy: boolean;
  /** Records a step just done; a new step clears what could be redone. */
  push(step: UndoStep): void;
  undo(): Promise<void>;
  redo(): Promise<void>;
  clear(): void;
}

const LIMIT = 100;

export const useUndo = create<UndoState>()((set, get) => ({
  done: [],
  undone: [],
  busy: false,
  push: (step) => set((s) => ({ done: [...s.done.slice(-(LIMIT - 1)), step], undone: [] })),
  undo: async () => {
    const { done, busy } = get();
    const step = done.at(-1);
    if (!step || busy) return;
    set({ busy: true });
    const ok = await step.undo();
    set((s) => ({ busy: false, done: ok ? s.done.slice(0, -1) : s.done, undone: ok ? [...s.undone, step] : s.undone }));
  },
  redo: async () => {
    const { undone, busy } = get();
    const step = undone.at(-1);
    if (!step || busy) return;
    set({ busy: true });
    const ok = await step.redo();
    set((s) => ({ busy: false, undone: ok ? s.undone.slice(0, -1) : s.undone, done: ok ? [...s.done, step] : s.done }));
  },
  clear: () => set({ done: [], undone: [] }),
}));

/** Whether a key event happened in a place that has its own undo (a text field). */
export function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'TEXTAREA' || el.isContentEditable) return true;
  return el.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes((el as HTMLInputElement).type);
}
