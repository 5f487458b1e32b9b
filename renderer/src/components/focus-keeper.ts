/**
 * Focus is never dropped on the page body. When the control that had focus
 * leaves the page (a deleted point's × button, a Start button replaced by
 * Close, a vote box redrawn with its new value, a tab panel swapped), focus
 * goes to the control that took its place: the same kind of control with the
 * same label in the nearest part of the page still there, or else the first
 * control of that part.
 *
 * One watcher for the whole app rather than a focus call after every action:
 * screens are drawn by many hands, and a rule in one place cannot be
 * forgotten by the next button added. Code that moves focus on purpose still
 * does so; this acts only when focus would otherwise be lost.
 */

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Remembered {
  element: HTMLElement;
  /** What the clerk would call it: its kind and label. */
  signature: string;
  /** Its ancestors, nearest first: where to look for its replacement. */
  ancestors: HTMLElement[];
}

let last: Remembered | null = null;

function labelOf(el: HTMLElement): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
  if (labelled) return labelled.trim();
  return (el.getAttribute('data-testid') ?? '') + '|' + (el.textContent ?? '').trim().slice(0, 60);
}

export function signatureOf(el: HTMLElement): string {
  return `${el.tagName}|${el.getAttribute('role') ?? ''}|${labelOf(el)}`;
}

export function isVisible(el: HTMLElement): boolean {
  if (!el.isConnected) return false;
  const box = el.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return false;
  return getComputedStyle(el).visibility !== 'hidden';
}

/** The first control in a part of the page that can take focus and is drawn. */
export function firstControlIn(root: ParentNode): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>(FOCUSABLE)) if (isVisible(el)) return el;
  return null;
}

function remember(el: HTMLElement): void {
  const ancestors: HTMLElement[] = [];
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) ancestors.push(p);
  last = { element: el, signature: signatureOf(el), ancestors };
}

function lost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === document.documentElement;
}

function restore(): void {
  if (!last || !lost() || last.element.isConnected) return;
  // A dialog open on the page keeps focus inside itself (Radix); anything else waits for the dialog.
  if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
  const remembered = last;
  for (const place of remembered.ancestors) {
    if (!place.isConnected) continue;
    const same = [...place.querySelectorAll<HTMLElement>(FOCUSABLE)].find((el) => signatureOf(el) === remembered.signature && isVisible(el));
    const target = same ?? firstControlIn(place);
    if (target) {
      target.focus({ preventScroll: false });
      return;
    }
  }
}

let scheduled = false;
function soon(): void {
  if (scheduled) return;
  scheduled = true;
  // After React has finished drawing this change (a replacement is often drawn in the same commit).
  requestAnimationFrame(() => {
    scheduled = false;
    restore();
  });
}

/** Starts watching (once, at start-up). */
export function keepFocus(): void {
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof HTMLElement && event.target !== document.body) remember(event.target);
  });
  new MutationObserver(() => {
    if (!last || last.element.isConnected || !lost()) return;
    // React draws a change in one commit, so the replacement is usually there already: move at once, before the
    // next key arrives (↑ pressed three times on a vote that is redrawn each time makes three steps).
    restore();
    if (lost()) soon();
  }).observe(document.body, { childList: true, subtree: true });
}
