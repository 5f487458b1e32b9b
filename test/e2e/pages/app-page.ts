/** Page objects: how a clerk drives each screen, by label and keyboard. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('link', { name: 'Meeting Clerk' })).toBeVisible();
  }

  saveState(): Locator {
    return this.page.getByTestId('save-state');
  }

  /** Waits until the indicator says everything typed is stored. */
  async expectSaved(): Promise<void> {
    await expect(this.saveState()).toHaveAttribute('data-state', 'ok');
  }

  async createBody(name: string, kind = 'Committee'): Promise<BodyPage> {
    await this.page.getByRole('link', { name: '+ New body' }).click();
    await this.page.locator('#new-body-name').fill(name);
    await this.page.locator('#new-body-kind').selectOption(kind);
    await this.page.locator('#new-body-name').press('Enter');
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
    return new BodyPage(this.page);
  }

  async openBody(name: string): Promise<BodyPage> {
    await this.page.getByRole('navigation', { name: 'Bodies' }).getByRole('link', { name }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
    return new BodyPage(this.page);
  }
}

export class BodyPage {
  constructor(readonly page: Page) {}

  memberRows(): Locator {
    return this.page.getByTestId('member-row');
  }

  async addMember(member: { name: string; role?: string; organisation?: string; voting?: boolean }): Promise<void> {
    const count = await this.memberRows().count();
    await this.page.keyboard.press('Alt+N');
    await expect(this.page.locator('#new-member-name')).toBeFocused();
    await this.page.keyboard.type(member.name);
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(member.role ?? '');
    await this.page.keyboard.press('Tab');
    await this.page.keyboard.type(member.organisation ?? '');
    if (member.voting === false) {
      await this.page.keyboard.press('Tab');
      await this.page.keyboard.press('Space');
    }
    await this.page.keyboard.press('Enter');
    await expect(this.memberRows()).toHaveCount(count + 1);
  }

  async createMeeting(meeting: { date: string; startTime: string; venue: string; mode?: string; standardItems?: boolean }): Promise<MeetingPage> {
    const standard = this.page.locator('#new-meeting-standard');
    if ((await standard.isChecked()) !== (meeting.standardItems ?? true)) {
      await standard.focus();
      await this.page.keyboard.press('Space');
    }
    await this.page.locator('#new-meeting-date').fill(meeting.date);
    await this.page.locator('#new-meeting-time').fill(meeting.startTime);
    if (meeting.mode) await this.page.locator('#new-meeting-mode').selectOption(meeting.mode);
    await this.page.locator('#new-meeting-venue').fill(meeting.venue);
    await this.page.locator('#new-meeting-venue').press('Enter');
    await expect(this.page.locator('#agenda-title')).toBeVisible();
    return new MeetingPage(this.page);
  }

  meetingLinks(): Locator {
    return this.page.getByTestId('meeting-link');
  }
}

export class MeetingPage {
  constructor(readonly page: Page) {}

  rows(): Locator {
    return this.page.getByTestId('agenda-row');
  }

  titles(): Locator {
    return this.page.getByTestId('agenda-title');
  }

  async addItem(title: string): Promise<void> {
    const count = await this.rows().count();
    await this.page.keyboard.press('Alt+N');
    await expect(this.page.locator('#new-item-title')).toBeFocused();
    await this.page.keyboard.type(title);
    await this.page.keyboard.press('Enter');
    await expect(this.rows()).toHaveCount(count + 1);
  }

  /** Focuses an item's title and moves the item with Alt+↑ / Alt+↓. */
  async moveItem(index: number, direction: 'up' | 'down'): Promise<void> {
    await this.titles().nth(index).focus();
    await this.page.keyboard.press(direction === 'up' ? 'Alt+ArrowUp' : 'Alt+ArrowDown');
  }

  async titleValues(): Promise<string[]> {
    return this.titles().evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  }
}
