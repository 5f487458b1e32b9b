/**
 * Text boxes that grow with their words, so the clerk sees the whole
 * paragraph being typed, up to the box's CSS max-height (then it scrolls).
 * A box grows and never shrinks while it is on screen: shrinking would mean
 * laying out the page again at every deleted character. It starts from its
 * rows each time it is shown, and fits again when the window is resized.
 *
 * Boxes are measured together, all reads before any write, in a microtask
 * after React's commit: showing an item's dozen boxes costs two layouts, not
 * a dozen, and a keystroke reads only the box typed in (a relayout boundary,
 * see live.css), laying out the page only when the box gains a line.
 */
const pending = new Set<HTMLTextAreaElement>();
/**
 * The boxes on the page: when the window narrows (set beside a Teams call), their words take more lines, so each is
 * fitted again once per frame of resizing.
 */
const shown = new Set<HTMLTextAreaElement>();
const maxHeights = new WeakMap<HTMLTextAreaElement, number>();
let scheduled = false;

function maxHeight(box: HTMLTextAreaElement): number {
  let max = maxHeights.get(box);
  if (max === undefined) {
    const css = Number.parseFloat(getComputedStyle(box).maxHeight);
    max = Number.isFinite(css) ? css : Number.POSITIVE_INFINITY;
    maxHeights.set(box, max);
  }
  return max;
}

function fitPending(): void {
  scheduled = false;
  const boxes = [...pending].filter((box) => box.isConnected);
  pending.clear();
  const heights = boxes.map((box) => {
    const now = box.offsetHeight;
    if (now === 0 || now >= maxHeight(box)) return null; // hidden, or as tall as it may be
    const wanted = box.scrollHeight + (now - box.clientHeight); // border-box: the text plus the borders
    return wanted > now + 1 ? Math.min(wanted, maxHeight(box)) : null;
  });
  boxes.forEach((box, i) => {
    const height = heights[i];
    if (height != null) box.style.height = `${Math.ceil(height)}px`;
  });
}

/** Grows the box to show its text, once the current commit is done. */
export function growToFit(box: HTMLTextAreaElement | null): void {
  if (!box) return;
  shown.add(box);
  pending.add(box);
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(fitPending);
  }
}

/** The box has left the page. */
export function forgetBox(box: HTMLTextAreaElement | null): void {
  if (box) shown.delete(box);
}

let resizeFrame = 0;
if (typeof window !== 'undefined') {
  window.addEventListener('resize', () => {
    if (resizeFrame) return;
    resizeFrame = requestAnimationFrame(() => {
      resizeFrame = 0;
      for (const box of shown) growToFit(box);
    });
  });
}
