import * as Dialog from '@radix-ui/react-dialog';
import { SHORTCUTS } from '../shortcuts';

/**
 * Every shortcut (Ctrl+/): the list scrolls between a fixed title and a
 * fixed Close button, so Close is always on screen, even at 480 px.
 */
export function ShortcutsDialog({
  open,
  onOpenChange,
  onCloseAutoFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <button type="button" className="quiet-button" aria-keyshortcuts="Control+/">
          Shortcuts
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-long dialog-wide" onCloseAutoFocus={onCloseAutoFocus}>
          <Dialog.Title className="dialog-title">Keyboard shortcuts</Dialog.Title>
          <Dialog.Description className="dialog-description">
            Everything in Meeting Clerk works from the keyboard. Ctrl+K finds any command by name. F1 opens the clerk’s guide.
          </Dialog.Description>
          <div className="dialog-body" tabIndex={0} role="region" aria-label="Shortcuts list">
            <dl className="shortcut-list">
              {SHORTCUTS.map((s) => (
                <div key={s.keys} className="shortcut-row">
                  <dt>
                    <kbd>{s.keys}</kbd>
                  </dt>
                  <dd>{s.does}</dd>
                </div>
              ))}
            </dl>
          </div>
          <div className="dialog-actions">
            <Dialog.Close asChild>
              <button type="button" className="button-primary">
                Close
              </button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
