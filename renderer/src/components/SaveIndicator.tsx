import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/store';
import { plainReason, savedTime } from './save-words';

type SaveTone = 'pending' | 'saving' | 'error' | 'ok';

/**
 * Always tells the clerk whether what they typed is safely stored: changes
 * waiting to go, a save on its way, the last save refused (and why), or
 * everything stored and when.
 */
export function SaveIndicator() {
  const { queued, saving, lastError, savedAt } = useApp(
    useShallow((s) => ({ queued: s.queuedKeys.length, saving: s.inFlight + s.saving, lastError: s.lastError, savedAt: s.savedAt })),
  );
  let text: string;
  let tone: SaveTone;
  if (saving > 0) {
    text = 'Saving…';
    tone = 'saving';
  } else if (lastError) {
    text = `Not saved: ${plainReason(lastError)}`;
    tone = 'error';
  } else if (queued > 0) {
    text = 'Unsaved changes';
    tone = 'pending';
  } else {
    text = savedAt ? `All changes saved (${savedTime(savedAt)})` : 'All changes saved';
    tone = 'ok';
  }
  return (
    <p className={`save-indicator save-${tone}`} title={text} role="status" aria-live="polite" data-testid="save-state" data-state={tone}>
      {text}
    </p>
  );
}
