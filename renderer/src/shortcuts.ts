/** Every keyboard shortcut, listed once: the handler and the help dialog both read this. */
export interface Shortcut {
  keys: string;
  does: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Alt+N', does: 'Jump to the “add” field of this screen (new agenda item, member or meeting)' },
  { keys: 'Alt+↑ / Alt+↓', does: 'Move the agenda item or member you are in up or down' },
  { keys: 'Ctrl+S', does: 'Save now (everything also saves as you type)' },
  { keys: 'Alt+B', does: 'Back to the body of this meeting' },
  { keys: 'Alt+H', does: 'Home: all bodies' },
  { keys: 'F1 or Ctrl+/', does: 'Show these shortcuts' },
  { keys: 'Tab / Shift+Tab', does: 'Next / previous field' },
  { keys: 'Enter', does: 'Submit an “add” form; confirm a dialog' },
  { keys: 'Escape', does: 'Close a dialog' },
];
