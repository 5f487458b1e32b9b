import { expect, type Locator, type Page } from '@playwright/test';

/** The Live meeting tab, driven from the keyboard. */
export class LivePage {
  constructor(readonly page: Page) {}

  async open(hostUrl: string, meetingId: number): Promise<void> {
    const url = new URL(hostUrl);
    await this.page.goto(`${url.origin}/?token=${url.searchParams.get('token')}#/meetings/${meetingId}`);
    // Wait for the meeting screen itself: a shortcut pressed before it mounts would be lost.
    const tab = this.page.getByRole('tab', { name: 'Live meeting' });
    await expect(tab).toBeVisible();
    await this.page.keyboard.press('Alt+1');
    await expect(this.page.getByRole('tab', { name: 'Live meeting' })).toHaveAttribute('aria-selected', 'true');
  }

  member(name: string): Locator {
    return this.page.getByTestId('member-attendance').filter({ hasText: name });
  }

  /** Focuses a member's row and presses one of the single-key actions. */
  async press(name: string, key: string): Promise<void> {
    await this.member(name).focus();
    await this.page.keyboard.press(key);
  }

  quorum(): Locator {
    return this.page.getByTestId('quorum');
  }

  preview(): Locator {
    return this.page.getByTestId('minutes-preview');
  }

  async takeNextItem(): Promise<void> {
    await this.page.keyboard.press('Alt+PageDown');
  }

  currentItem(): Locator {
    return this.page.locator('.rail-item[aria-current="step"]');
  }

  /** An item in the order of business, by its title. */
  railItem(title: string): Locator {
    return this.page.getByTestId('rail-item').filter({ hasText: title });
  }

  /** Takes up an item from the keyboard: focus it in the order of business and press Enter. */
  async take(title: string): Promise<void> {
    await this.railItem(title).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.page.locator('#item-minute-title')).toContainText(title);
  }

  minute(): Locator {
    return this.page.getByTestId('item-minute');
  }

  /** Types entries of one kind: the shortcut adds the first, Enter starts each next one. */
  async typeEntries(shortcut: string, kind: 'paragraph' | 'point' | 'resolution', texts: string[]): Promise<void> {
    const rows = this.minute().getByTestId(`${kind}-row`);
    const before = await rows.count();
    await this.page.keyboard.press(shortcut);
    for (const [i, text] of texts.entries()) {
      const field = rows.nth(before + i).locator('textarea');
      await expect(field).toBeFocused();
      await this.page.keyboard.type(text);
      if (i < texts.length - 1) await this.page.keyboard.press('Enter');
    }
  }

  /** The preview as lines of text, blank lines dropped. */
  async previewLines(): Promise<string[]> {
    const text = await this.preview().innerText();
    return text
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .filter(Boolean);
  }
}
