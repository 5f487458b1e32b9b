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
}
