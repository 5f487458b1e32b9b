/**
 * The regions of the live screen, each one key away (Alt+G order of
 * business, Alt+I the minute, Alt+T attendance, Alt+V the preview, Alt+K the
 * checks). In the narrow layout beside Teams a region may sit in a closed
 * disclosure or an unshown pane: it is opened first.
 */
import { firstControlIn } from '../../components/focus-keeper';

export type Region = 'rail' | 'minute' | 'attendance' | 'preview';

/**
 * Shows the pane holding a region, if the narrow layout has folded it away: the live screen listens, and
 * draws the pane at once (flushSync), so a lookup straight after finds it on screen.
 */
export function revealRegion(region: Region): void {
  window.dispatchEvent(new CustomEvent('clerk:reveal', { detail: region }));
}

function target(region: Region): HTMLElement | null {
  switch (region) {
    case 'rail':
      return (
        document.querySelector<HTMLElement>('.rail-item[aria-current="step"]') ??
        document.querySelector<HTMLElement>('[data-testid="rail-item"]') ??
        document.querySelector<HTMLElement>('#rail-title')
      );
    case 'minute': {
      const minute = document.querySelector<HTMLElement>('.item-minute');
      if (!minute) return null;
      // The first field to write in; with no item taken, the first control (or the heading that says what to do).
      const field = [...minute.querySelectorAll<HTMLElement>('input, select, textarea')].find((el) => el.getClientRects().length > 0);
      return field ?? firstControlIn(minute) ?? minute.querySelector<HTMLElement>('#item-minute-title');
    }
    case 'attendance':
      return document.querySelector<HTMLElement>('[data-testid="member-attendance"]') ?? (document.querySelector<HTMLElement>('.attendance') && firstControlIn(document.querySelector('.attendance')!));
    case 'preview':
      return document.querySelector<HTMLElement>('[data-testid="preview-scroll"]');
  }
}

/**
 * Moves focus to a region: at once when it is already drawn (the common case, and the narrow layout's pane is drawn
 * by revealRegion), else once it is drawn in the next frames; true if it got there. A click elsewhere while it waits
 * wins: the focus is never taken away from where the clerk has just put it.
 */
export function focusRegion(region: Region): Promise<boolean> {
  revealRegion(region);
  const place = (): boolean => {
    const el = target(region);
    if (!el || el.getClientRects().length === 0) return false;
    if (el.tabIndex < 0 && !el.matches('button, a, input, select, textarea')) el.tabIndex = -1;
    el.focus();
    el.scrollIntoView({ block: 'nearest' });
    return true;
  };
  if (place()) return Promise.resolve(true);
  return new Promise((resolve) => {
    let tries = 0;
    let clicked = false;
    const onPointer = () => {
      clicked = true;
    };
    window.addEventListener('pointerdown', onPointer, { capture: true, once: true });
    const done = (placed: boolean) => {
      window.removeEventListener('pointerdown', onPointer, { capture: true });
      resolve(placed);
    };
    const look = () => {
      if (clicked) done(false);
      else if (place()) done(true);
      else if (tries++ > 30) done(false);
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}
