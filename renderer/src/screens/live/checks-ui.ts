/**
 * The minutes checker in the renderer: the same pure rules the service layer
 * runs before sending or approving (shared/checks), and where each check
 * takes the clerk.
 */
import { checkMinutes, type CallFix, type Check, type Place } from '../../../../shared/checks';
import { clockTime } from '../../../../shared/format';
import type { MeetingRecord } from '../../../../shared/model';
import { useApp } from '../../state/store';
import { revealRegion } from './regions';

export { checkMinutes, type Check };

/** The checks as they would be once the meeting closes now: shown before closing it. */
export function checksOnClosing(record: MeetingRecord, now = new Date()): Check[] {
  return checkMinutes({ ...record, closedAt: record.closedAt ?? clockTime(now) }).filter((c) => c.rule !== 'no-close-time');
}

/** Runs a fix (one API call), then reads the meeting again so every panel shows the result. */
export async function applyFix(record: MeetingRecord, fix: CallFix): Promise<string | null> {
  const app = useApp.getState();
  const result = await app.write(fix.call, fix.input);
  await app.loadMeeting(record.id);
  return result.ok ? null : result.error.message;
}

/** Moves focus to where a check is put right: the item in the order of business, the attendance list, the declarations. */
export function goTo(place: Place): boolean {
  // At 480 px the region may be folded away: the live screen shows it first (and draws it before the lookup).
  revealRegion(place.to === 'item' ? 'rail' : place.to === 'attendance' || place.to === 'declarations' ? 'attendance' : 'preview');
  const target =
    place.to === 'item'
      ? document.querySelector<HTMLElement>(`[data-testid="rail-item"][data-item-id="${place.itemId}"]`)
      : place.to === 'attendance'
        ? document.querySelector<HTMLElement>('[data-testid="member-attendance"]')
        : place.to === 'declarations'
          ? document.querySelector<HTMLElement>('#declarations-title')
          : document.querySelector<HTMLElement>('[aria-keyshortcuts="Alt+E"]') ?? document.querySelector<HTMLElement>('#checks-title');
  if (!target) return false;
  if (target.tabIndex < 0 && !target.matches('button, a, input, select, textarea')) target.tabIndex = -1;
  target.focus();
  target.scrollIntoView({ block: 'nearest' });
  return true;
}

/** Focuses the checks list (Alt+K, and the count in the top bar). */
export function focusChecks(): void {
  revealRegion('preview');
  const heading = document.getElementById('checks-title');
  heading?.focus();
  heading?.scrollIntoView({ block: 'nearest' });
}
