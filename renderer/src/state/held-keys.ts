/**
 * The meeting screen's shortcuts pressed before it can act on them. Opening a
 * meeting draws its screen only once its code (a chunk of its own, loaded
 * after the first screen) and the meeting's record have arrived; a clerk who
 * opens a meeting and at once presses Alt+3 for the approval would otherwise
 * find the key gone. From the moment a meeting is opened until its screen is
 * drawn with its record, the keys of SHORTCUTS that act on a meeting are held,
 * in order, and handed to the screen as soon as it is ready (as the command
 * palette runs a shortcut: a keydown at the focused element). Leaving for
 * another screen first drops them. Every other key goes on as usual.
 */
import { keyEventOf, SHORTCUTS } from '../shortcuts';
import type { Route } from './route';
import { useApp } from './store';

type Keys = Pick<KeyboardEventInit, 'key' | 'altKey' | 'ctrlKey' | 'shiftKey' | 'metaKey'>;
const signature = (e: Keys) => `${e.altKey ? 'A' : ''}${e.ctrlKey ? 'C' : ''}${e.shiftKey ? 'S' : ''}${e.metaKey ? 'M' : ''}+${(e.key ?? '').toLowerCase()}`;

/** The keys that act on the meeting on screen (any tab, or before it starts). */
const MEETING_KEYS = new Set(SHORTCUTS.filter((s) => s.place === 'meeting' || s.place === 'before-start').flatMap((s) => s.press.map((p) => signature(keyEventOf(p)))));

/** Whether a key pressed is one of the meeting screen's shortcuts. */
export const isMeetingShortcut = (event: Keys): boolean => MEETING_KEYS.has(signature(event));

/** The meeting whose screen is awaited, or null when keys go straight on. */
let awaited: number | null = null;
let held: KeyboardEventInit[] = [];

const meetingOf = (route: Route): number | null => (route.name === 'meeting' ? route.meetingId : null);

/**
 * Follows the route: opening a meeting (a different one from the route before) starts holding its keys; leaving
 * it drops any held. Staying on the same meeting changes nothing, so a screen already drawn is not waited for.
 */
export function followRoute(route: Route, previous: Route | null): void {
  const meetingId = meetingOf(route);
  if (previous && meetingId === meetingOf(previous)) return;
  awaited = meetingId;
  held = [];
}

/** The meeting screen is drawn with the meeting's record: the keys held for it are pressed now, in order. */
export function meetingScreenReady(meetingId: number): void {
  if (awaited !== meetingId) return;
  awaited = null;
  const keys = held;
  held = [];
  for (const init of keys) (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', init));
}

/** Follows the route, and listens (before any other listener of the page) for the keys to hold. Called once at start. */
export function holdMeetingKeys(): void {
  followRoute(useApp.getState().route, null);
  useApp.subscribe((state, before) => {
    if (state.route !== before.route) followRoute(state.route, before.route);
  });
  window.addEventListener(
    'keydown',
    (event) => {
      if (awaited === null || !isMeetingShortcut(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const { key, code, altKey, ctrlKey, shiftKey, metaKey } = event;
      held.push({ key, code, altKey, ctrlKey, shiftKey, metaKey, bubbles: true, cancelable: true });
    },
    { capture: true },
  );
}
