import * as AlertDialog from '@radix-ui/react-alert-dialog';

interface Props {
  /** What is being deleted, e.g. "agenda item 3, Budget monitoring". */
  what: string;
  consequence?: string;
  onConfirm: () => void;
  triggerLabel?: string;
  triggerClassName?: string;
}

/** Deleting always asks first; Enter confirms, Escape cancels. */
export function ConfirmDelete({ what, consequence, onConfirm, triggerLabel = 'Delete', triggerClassName }: Props) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className={triggerClassName ?? 'button-danger-quiet'} aria-label={`${triggerLabel} ${what}`}>
          {triggerLabel}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog-title">Delete {what}?</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">{consequence ?? 'This cannot be undone.'}</AlertDialog.Description>
          <div className="dialog-actions">
            <AlertDialog.Cancel asChild>
              <button type="button">Cancel</button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className="button-danger" onClick={onConfirm} autoFocus>
                Delete
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
