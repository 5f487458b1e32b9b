/**
 * Every keyboard shortcut, listed once: the handlers, the help dialog, the
 * command palette (Ctrl+K) and the focus sweep in the e2e tests all read
 * this. `press` gives the keys as they are pressed (Playwright's names:
 * "Alt+PageDown", "Control+Shift+F"); `place` says where they act, so the
 * palette runs them there and the sweep tries each one in its place.
 */
export type ShortcutPlace =
  /** Anywhere in the app. */
  | 'anywhere'
  /** On the meeting screen (any tab) of a meeting under way. */
  | 'meeting'
  /** On a meeting not yet started. */
  | 'before-start'
  /** On the Set-up tab, in an agenda item's field. */
  | 'setup-row'
  /** On an item in the order of business. */
  | 'rail'
  /** In a paragraph, point or resolution. */
  | 'entry'
  /** On a member in the attendance list. */
  | 'attendance'
  /** Just after a delete (something to undo). */
  | 'after-delete'
  /** In any form or dialog: general keys, not commands of their own. */
  | 'form';

export interface Shortcut {
  keys: string;
  does: string;
  press: string[];
  place: ShortcutPlace;
  /** One short name per key in `press`, for the command palette (when the keys do different things). */
  names?: string[];
}

export const SHORTCUTS: Shortcut[] = [
  { keys: 'Ctrl+K', does: 'Command palette: find any command or screen by name, and run it', press: ['Control+K'], place: 'anywhere' },
  { keys: 'Alt+N', does: 'Jump to the “add” field of this screen (new agenda item, member or meeting)', press: ['Alt+N'], place: 'anywhere' },
  { keys: 'Alt+↑ / Alt+↓', does: 'Move the agenda item or member you are in up or down', press: ['Alt+ArrowDown', 'Alt+ArrowUp'], place: 'setup-row', names: ['Move the agenda item or member down', 'Move the agenda item or member up'] },
  { keys: 'Alt+1 / Alt+2 / Alt+3', does: 'Meeting: Live meeting / Set-up and agenda / Review and approval tab', press: ['Alt+2', 'Alt+3', 'Alt+1'], place: 'meeting', names: ['Set-up and agenda tab', 'Review and approval tab', 'Live meeting tab'] },
  { keys: 'Alt+S', does: 'Start the meeting (stamps the time)', press: ['Alt+S'], place: 'before-start' },
  { keys: 'Alt+E', does: 'Close the meeting (stamps the time; the checks are shown first)', press: ['Alt+E'], place: 'meeting' },
  { keys: 'Alt+K', does: 'Go to the checks of the minutes (what is wrong, or worth a look, with fixes)', press: ['Alt+K'], place: 'meeting' },
  { keys: 'Alt+G', does: 'Go to the order of business (the item being taken)', press: ['Alt+G'], place: 'meeting' },
  { keys: 'Alt+I', does: 'Go to the minute being written (its first field)', press: ['Alt+I'], place: 'meeting' },
  { keys: 'Alt+T', does: 'Go to the attendance list (the first member)', press: ['Alt+T'], place: 'meeting' },
  { keys: 'Alt+V', does: 'Go to the minutes preview; then ↑ ↓ Page Up Page Down scroll it', press: ['Alt+V'], place: 'meeting' },
  { keys: 'Alt+PageDown / Alt+PageUp', does: 'Take up the next / previous agenda item (stamps its start time)', press: ['Alt+PageDown', 'Alt+PageUp'], place: 'meeting', names: ['Take up the next agenda item', 'Take up the previous agenda item'] },
  { keys: 'Enter (order of business)', does: 'Take up the item: stamps its start time and, if out of turn, varies the order of business', press: ['Enter'], place: 'rail' },
  { keys: 'Alt+↑ / Alt+↓ (order of business)', does: 'Move the item earlier or later in the order of business (or drag its ⠿ handle)', press: ['Alt+ArrowDown', 'Alt+ArrowUp'], place: 'rail', names: ['Move the item later in the order of business', 'Move the item earlier in the order of business'] },
  { keys: 'Alt+P / Alt+O / Alt+R', does: 'Add a narrative paragraph / a point noted / a resolution to the item being taken', press: ['Alt+P', 'Alt+O', 'Alt+R'], place: 'meeting', names: ['Add a narrative paragraph', 'Add a point noted', 'Add a resolution'] },
  { keys: 'Alt+M / Alt+A', does: 'Add a motion or vote / an action arising', press: ['Alt+M', 'Alt+A'], place: 'meeting', names: ['Add a motion or vote', 'Add an action arising'] },
  {
    keys: 'Enter (in a paragraph, point or resolution)',
    does: 'Start the next one; Shift+Enter for a new line; Backspace in an empty one removes it',
    press: ['Enter', 'Backspace'],
    place: 'entry',
    names: ['Start the next paragraph, point or resolution', 'Remove this empty paragraph, point or resolution'],
  },
  {
    keys: 'Alt+↑ / Alt+↓ (in the minute)',
    does: 'Move the paragraph, point, resolution, motion or standard wording you are in up or down the minute',
    press: ['Alt+ArrowDown', 'Alt+ArrowUp'],
    place: 'entry',
    names: ['Move this block down the minute', 'Move this block up the minute'],
  },
  {
    keys: 'Alt+Shift+Backspace',
    does: 'In edited standard wording or one of the meeting’s sentences: put the app’s wording back',
    press: ['Alt+Shift+Backspace'],
    place: 'entry',
    names: ['Put the standard wording back'],
  },
  { keys: 'Ctrl+Space', does: 'Insert a phrase from the body’s phrase bank', press: ['Control+Space'], place: 'entry' },
  { keys: 'Alt+Z / Alt+Y', does: 'Undo / redo the last delete, move or relabel (also Ctrl+Z / Ctrl+Y outside a text field)', press: ['Alt+Z', 'Alt+Y'], place: 'after-delete', names: ['Undo', 'Redo'] },
  {
    keys: 'P A X R S C J L D',
    does: 'On a member in the attendance list: present, apologies, absent, remote, substitute for…, in the chair, arrived now (marks present), left now, declare an interest',
    press: ['P', 'R', 'C', 'J', 'L', 'A', 'X', 'D'],
    place: 'attendance',
    names: ['Member present', 'Member attending remotely (on/off)', 'Member in the chair', 'Member arrived now', 'Member left now', 'Member sent apologies', 'Member absent', 'Member declares an interest'],
  },
  { keys: '↑ / ↓', does: 'Move between members in the attendance list', press: ['ArrowDown', 'ArrowUp'], place: 'attendance', names: ['Next member', 'Previous member'] },
  { keys: 'Alt+W', does: 'Export the minutes as a Word document (other documents: the Export buttons)', press: ['Alt+W'], place: 'meeting' },
  { keys: 'Alt+U', does: 'Publish: the public minutes as Word, PDF and a web page, decisions and action log in one folder, exempt minutes apart', press: ['Alt+U'], place: 'meeting' },
  { keys: 'Ctrl+P', does: 'Print the minutes, the action log and an attendance register for signing (A4, page numbers)', press: ['Control+P'], place: 'meeting' },
  { keys: 'Ctrl+S', does: 'Save now (everything also saves as you type)', press: ['Control+S'], place: 'anywhere' },
  { keys: 'Alt+L', does: 'The action log of this body: every open action, with owner, due date and status', press: ['Alt+L'], place: 'meeting' },
  { keys: 'Alt+B', does: 'Back to the body of this meeting', press: ['Alt+B'], place: 'meeting' },
  { keys: 'Alt+H', does: 'Home: all bodies', press: ['Alt+H'], place: 'anywhere' },
  { keys: 'Ctrl+Shift+F', does: 'Search the minutes of every body', press: ['Control+Shift+F'], place: 'anywhere' },
  { keys: 'F1', does: 'The clerk’s guide: setting up a body, minuting a meeting, approval, publishing, backups', press: ['F1'], place: 'anywhere', names: ['Open the clerk’s guide (help)'] },
  { keys: 'Ctrl+/', does: 'Show these shortcuts', press: ['Control+/'], place: 'anywhere', names: ['Show the keyboard shortcuts'] },
  { keys: 'Tab / Shift+Tab', does: 'Next / previous field', press: [], place: 'form' },
  { keys: 'Enter', does: 'Submit an “add” form; confirm a dialog', press: [], place: 'form' },
  { keys: 'Escape', does: 'Close a dialog', press: [], place: 'form' },
];

/** A key as pressed ("Alt+Shift+F") turned into what a keydown event carries, so the palette can run it. */
export function keyEventOf(press: string): KeyboardEventInit {
  const parts = press.split('+');
  // "Control+/" and "Alt++" : the last part is the key, even when it is a "+" itself.
  const key = press.endsWith('++') ? '+' : parts.pop()!;
  const mods = new Set(press.endsWith('++') ? parts.slice(0, -2) : parts);
  const named: Record<string, string> = { Space: ' ' };
  const value = named[key] ?? (key.length === 1 ? (mods.has('Shift') ? key.toUpperCase() : key.toLowerCase()) : key);
  return {
    key: value,
    code: key === 'Space' ? 'Space' : key.length === 1 && /[a-z]/i.test(key) ? `Key${key.toUpperCase()}` : key.length === 1 && /\d/.test(key) ? `Digit${key}` : key,
    altKey: mods.has('Alt'),
    ctrlKey: mods.has('Control'),
    shiftKey: mods.has('Shift'),
    metaKey: mods.has('Meta'),
    bubbles: true,
    cancelable: true,
  };
}

/** Where a key acts, in words (the palette says it beside commands that need a place). */
export const PLACE_WORDS: Record<ShortcutPlace, string> = {
  anywhere: '',
  meeting: 'on a meeting',
  'before-start': 'on a meeting not yet started',
  'setup-row': 'in an agenda item or member',
  rail: 'on an item in the order of business',
  entry: 'in a paragraph, point or resolution',
  attendance: 'on a member in the attendance list',
  'after-delete': 'on a meeting',
  form: 'in a form or dialog',
};

export interface Command {
  name: string;
  keys: string;
  press: string;
  place: ShortcutPlace;
}

/** One command per key of every shortcut (general keys such as Tab are help, not commands). */
export function commandsOf(shortcuts: Shortcut[] = SHORTCUTS): Command[] {
  return shortcuts
    .filter((s) => s.place !== 'form')
    .flatMap((s) => s.press.map((press, i) => ({ name: s.names?.[i] ?? s.does, keys: press.replace('Control', 'Ctrl').replace('Arrow', ''), press, place: s.place })));
}
