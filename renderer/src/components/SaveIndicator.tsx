import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/store';

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', second: '2-digit' });

/** Always tells the clerk whether what they typed is safely stored. */
export function SaveIndicator() {
  const { queued, inFlight, lastError, savedAt } = useApp(
    useShallow((s) => ({ queued: s.queuedKeys.length, inFlight: s.inFlight, lastError: s.lastError, savedAt: s.savedAt })),
  );
  let text: string;
  let tone: 'busy' | 'error' | 'ok';
  if (queued > 0 || inFlight > 0) {
    text = 'Saving…';
    tone = 'busy';
  } else if (lastError) {
    text = `Not saved: ${lastError}`;
    tone = 'error';
  } else {
    text = savedAt ? `All changes saved (${timeFormat.format(savedAt)})` : 'All changes saved';
    tone = 'ok';
  }
  return (
    <p className={`save-indicator save-${tone}`} role="status" aria-live="polite" data-testid="save-state" data-state={tone}>
      {text}
    </p>
  );
}
