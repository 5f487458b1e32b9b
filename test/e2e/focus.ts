/** Where focus is, in words: "ok" when it is on a visible, named control, or what is wrong with it. */
import { expect, type Page } from '@playwright/test';

export async function focusReport(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return 'on the page body';
    if (!el.isConnected) return 'on an element no longer on the page';
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return `on a hidden ${el.tagName.toLowerCase()}`;
    if (box.bottom <= 0 || box.top >= window.innerHeight) return `on a ${el.tagName.toLowerCase()} scrolled out of view`;
    const labelledBy = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ||
      (el as HTMLInputElement).labels?.[0]?.textContent ||
      (labelledBy ? document.getElementById(labelledBy)?.textContent : '') ||
      el.getAttribute('title') ||
      el.textContent;
    if (!name?.trim()) return `on an unnamed ${el.tagName.toLowerCase()}`;
    return 'ok';
  });
}

/** What has focus, for a failure message. */
export const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"` : 'nothing';
  });

/** Waits for the app to finish what the key started: saves answered, then a few frames drawn. */
export async function settle(page: Page): Promise<void> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', /ok|error/);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let frames = 0;
        const next = () => (++frames >= 4 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
  );
}

export async function expectFocusKept(page: Page, after: string): Promise<void> {
  await settle(page);
  await expect.poll(() => focusReport(page), { message: `focus after ${after}` }).toBe('ok');
}
