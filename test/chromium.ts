/**
 * The Chromium the e2e tests and the benchmarks drive: a system Chromium
 * (CHROMIUM_PATH, or Debian's /usr/bin/chromium) when there is one, otherwise
 * Playwright's own browser, where `npx playwright install` can fetch it; and
 * the switches both launch it with (headless, quiet, British English).
 */
import { existsSync } from 'node:fs';

export function systemChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=en-GB',
];
