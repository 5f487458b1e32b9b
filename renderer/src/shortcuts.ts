/** Every keyboard shortcut, listed once: the handler and the help dialog both read this. */
export interface Shortcut {
  keys: string;
  does: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Alt+N', does: 'Jump to the “add” field of this screen (new agenda item, member or meeting)' },
  { keys: 'Alt+↑ / Alt+↓', does: 'Move the agenda item or member you are in up or down' },
  { keys: 'Alt+1 / Alt+2 / Alt+3', does: 'Meeting: Live meeting / Set-up and agenda / Review and approval tab' },
  { keys: 'Alt+S', does: 'Start the meeting (stamps the time)' },
  { keys: 'Alt+E', does: 'Close the meeting (stamps the time; the checks are shown first)' },
  { keys: 'Alt+K', does: 'Go to the checks of the minutes (what is wrong, or worth a look, with fixes)' },
  { keys: 'Alt+PageDown / Alt+PageUp', does: 'Take up the next / previous agenda item (stamps its start time)' },
  { keys: 'Enter (order of business)', does: 'Take up the item: stamps its start time and, if out of turn, varies the order of business' },
  { keys: 'Alt+↑ / Alt+↓ (order of business)', does: 'Move the item earlier or later in the order of business (or drag its ⠿ handle)' },
  { keys: 'Alt+P / Alt+O / Alt+R', does: 'Add a narrative paragraph / a point noted / a resolution to the item being taken' },
  { keys: 'Alt+M / Alt+A', does: 'Add a motion or vote / an action arising' },
  { keys: 'Enter (in a paragraph, point or resolution)', does: 'Start the next one; Shift+Enter for a new line; Backspace in an empty one removes it' },
  { keys: 'Ctrl+Space', does: 'Insert a phrase from the body’s phrase bank' },
  { keys: 'Alt+Z / Alt+Y', does: 'Undo / redo the last delete, move or relabel (also Ctrl+Z / Ctrl+Y outside a text field)' },
  { keys: 'P A X R S C J L D', does: 'On a member in the attendance list: present, apologies, absent, remote, substitute for…, in the chair, arrived, left, declare an interest' },
  { keys: '↑ / ↓', does: 'Move between members in the attendance list' },
  { keys: 'Alt+W', does: 'Export the minutes as a Word document (other documents: the Export buttons)' },
  { keys: 'Alt+U', does: 'Publish: the public minutes as Word, PDF and a web page, decisions and action log in one folder, exempt minutes apart' },
  { keys: 'Ctrl+P', does: 'Print the minutes, the action log and an attendance register for signing (A4, page numbers)' },
  { keys: 'Ctrl+S', does: 'Save now (everything also saves as you type)' },
  { keys: 'Alt+B', does: 'Back to the body of this meeting' },
  { keys: 'Alt+H', does: 'Home: all bodies' },
  { keys: 'Ctrl+Shift+F', does: 'Search the minutes of every body' },
  { keys: 'F1 or Ctrl+/', does: 'Show these shortcuts' },
  { keys: 'Tab / Shift+Tab', does: 'Next / previous field' },
  { keys: 'Enter', does: 'Submit an “add” form; confirm a dialog' },
  { keys: 'Escape', does: 'Close a dialog' },
];
