import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useState } from 'react';
import { ChecksList } from './ChecksList';
import { countText, type Check } from '../../../shared/checks';
import { focusChecks } from '../screens/live/checks-ui';

interface Pending {
  checks: Check[];
  proceedLabel: string;
  proceed: () => void;
}

/**
 * Before closing the meeting or exporting, the checks are shown first: the
 * clerk may go on (a draft may be closed or exported with problems), but the
 * safe choice, going back to the checks, has the focus.
 */
export function useChecksGate() {
  const [pending, setPending] = useState<Pending | null>(null);
  const ask = (checks: Check[], proceedLabel: string, proceed: () => void) => {
    if (!checks.length) return proceed();
    setPending({ checks, proceedLabel, proceed });
  };
  const element = (
    <AlertDialog.Root open={pending !== null} onOpenChange={(open) => (open ? null : setPending(null))}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog"
          onCloseAutoFocus={(event) => {
            // Focus goes to the checks list, not back to the page body.
            event.preventDefault();
            requestAnimationFrame(focusChecks);
          }}
        >
          <AlertDialog.Title className="dialog-title">The checks found {pending ? countText(pending.checks) : ''}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">Look at them first, or go on anyway.</AlertDialog.Description>
          <ChecksList checks={pending?.checks ?? []} />
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button" className="button-primary" autoFocus>
                Go back to the checks
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" onClick={() => pending?.proceed()}>
                {pending?.proceedLabel}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
  return { ask, element };
}
