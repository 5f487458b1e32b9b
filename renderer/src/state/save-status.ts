/**
 * Autosave bookkeeping: each field schedules its save under a key; saves
 * run after a short pause in typing, on blur, and when the page is hidden.
 */
import { useApp } from './store';

const DEBOUNCE_MS = 400;

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  run: () => Promise<void>;
}

const pending = new Map<string, Pending>();

export function scheduleSave(key: string, run: () => Promise<void>, delay = DEBOUNCE_MS): void {
  const existing = pending.get(key);
  if (existing) clearTimeout(existing.timer);
  else useApp.getState().saveQueued(key);
  const timer = setTimeout(() => void flushSave(key), delay);
  pending.set(key, { timer, run });
}

export async function flushSave(key: string): Promise<void> {
  const entry = pending.get(key);
  if (!entry) return;
  clearTimeout(entry.timer);
  pending.delete(key);
  await entry.run();
  useApp.getState().saveSettled(key);
}

export function flushAllSaves(): Promise<void> {
  return Promise.all([...pending.keys()].map((key) => flushSave(key))).then(() => undefined);
}

export const hasPendingSaves = () => pending.size > 0;

// Closing, reloading or hiding the window must not lose the last words typed.
window.addEventListener('pagehide', () => void flushAllSaves());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void flushAllSaves();
});
