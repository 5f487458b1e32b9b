/**
 * Autosave bookkeeping: each field schedules its save under a key. A save
 * goes after a short pause in typing, at the latest SAVE_MAX_WAIT_MS after
 * a change however steadily the clerk types (so it is stored within a
 * second), on blur, and when the page is hidden or closed. See save-queue.ts.
 */
import { setPageClosing } from '../api/client';
import { SaveQueue } from './save-queue';

/** The pause in typing after which a change is saved. */
export const SAVE_PAUSE_MS = 400;
/** The longest a change waits while typing carries on; the rest of the second is for the save itself. */
export const SAVE_MAX_WAIT_MS = 600;

/** Who is told as saves queue, start and finish: the store's save slice, which registers itself (so this module does not import the store). */
export interface SaveListener {
  saveQueued(key: string): void;
  saveStarted(key: string): void;
  saveFinished(key: string): void;
}
let listener: SaveListener | null = null;
export const listenToSaves = (next: SaveListener) => {
  listener = next;
};

const queue = new SaveQueue({
  pauseMs: SAVE_PAUSE_MS,
  maxWaitMs: SAVE_MAX_WAIT_MS,
  onQueued: (key) => listener?.saveQueued(key),
  onStarted: (key) => listener?.saveStarted(key),
  onFinished: (key) => listener?.saveFinished(key),
});

export function scheduleSave(key: string, run: () => Promise<void>, delay = SAVE_PAUSE_MS): void {
  queue.schedule(key, run, delay);
}

export const flushSave = (key: string): Promise<void> => queue.flush(key);

export const flushAllSaves = (): Promise<void> => queue.flushAll();

export const hasPendingSaves = (): boolean => queue.size > 0;

/** A change is waiting or on its way for this field. */
export const isSavePending = (key: string): boolean => queue.isPending(key);

// Closing, reloading or hiding the window must not lose the last words typed: what is waiting is
// sent at once, and small saves go with keepalive so they reach the host after the page has gone.
function pageGoing(closing: boolean): void {
  setPageClosing(true);
  queue.sendAllNow(closing);
}
window.addEventListener('pagehide', () => pageGoing(true));
window.addEventListener('pageshow', () => setPageClosing(false));
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') pageGoing(false);
  else setPageClosing(false);
});
