import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './test/chromium';
import { useAfternoonClock } from './test/e2e/afternoon';

const executablePath = systemChromium();
// Host processes, test code and Chromium all read 2 pm local time (see test/e2e/afternoon.ts).
const timezoneId = useAfternoonClock();

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    locale: 'en-GB',
    timezoneId,
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [...CHROMIUM_ARGS],
    },
  },
});
