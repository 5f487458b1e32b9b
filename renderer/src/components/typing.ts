/**
 * Never lose a keystroke while a new field is being made: from the moment
 * the clerk asks for a new paragraph, point or action until its field is on
 * screen, what they type is held here and then typed into the new field.
 */

/** Types text into a field as if the clerk had, so React and autosave see the change. */
export function insertAtCaret(field: HTMLTextAreaElement | HTMLInputElement, text: string, joinWithSpace = false): void {
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  const before = field.value.slice(0, start);
  // A phrase kept with its own leading space (' after a short adjournment') needs no other.
  const joiner = joinWithSpace && before && !/\s$/.test(before) && !/^\s/.test(text) ? ' ' : '';
  const next = `${before}${joiner}${text}${field.value.slice(end)}`;
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(field, next);
  field.dispatchEvent(new Event('input', { bubbles: true }));
  const caret = before.length + joiner.length + text.length;
  field.setSelectionRange(caret, caret);
}

let held: { text: string } | null = null;

// Capture phase on window: runs before any field sees the key.
window.addEventListener(
  'keydown',
  (event) => {
    if (!held || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.length === 1) held.text += event.key;
    else if (event.key === 'Backspace') held.text = held.text.slice(0, -1);
    else if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
  },
  true,
);

/** New fields are finished in the order they were asked for, so the caret ends in the last one. */
let queue: Promise<void> = Promise.resolve();

/**
 * Holds typing until `field` resolves to the new field (or null), then
 * focuses it and types what was held into it. Keys typed after a later
 * request go to that later field.
 */
export function holdTypingUntil(field: Promise<HTMLTextAreaElement | HTMLInputElement | null>): Promise<void> {
  const mine = { text: '' };
  held = mine;
  const done = queue.then(async () => {
    try {
      const el = await field;
      if (held === mine) held = null;
      if (!el) return;
      el.focus();
      if (mine.text) insertAtCaret(el, mine.text);
    } finally {
      if (held === mine) held = null;
    }
  });
  queue = done.catch(() => undefined);
  return done;
}

/** The element matching a selector once React has drawn it (next frames), or null. */
export function whenDrawn<T extends HTMLElement>(selector: string): Promise<T | null> {
  return new Promise((resolve) => {
    let tries = 0;
    const look = () => {
      const el = document.querySelector<T>(selector);
      if (el || tries++ > 30) resolve(el);
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}
