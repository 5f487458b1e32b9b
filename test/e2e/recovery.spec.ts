import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './host-fixture';
import { api } from './api';

test('a damaged database opens on a recovery screen that changes nothing and restores the latest backup', async ({ page, host }) => {
  await api(host.url, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
  const backup = await api(host.url, 'backups.create', {});
  await host.stop();

  const dbFile = join(host.dataDir, 'meeting-clerk.sqlite');
  const damaged = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(50, 7)]);
  writeFileSync(dbFile, damaged);
  const url = await host.restart();

  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Meeting Clerk could not open its database' })).toBeVisible();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  expect(readFileSync(dbFile).equals(damaged)).toBe(true);

  const restore = page.getByRole('button', { name: /^Restore the backup from/ }).first();
  await restore.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog')).toContainText('kept aside');
  // The safe choice, Cancel, has the focus; the clerk moves to Restore on purpose.
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Restore', exact: true })).toBeEnabled();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Restore', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('is kept as meeting-clerk.replaced-');
  await page.getByRole('button', { name: 'Open Meeting Clerk' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: /Wessex Safer Communities Board/ }).first()).toBeVisible();
  expect(backup.name).toMatch(/manual\.sqlite$/);
});
