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

export interface BrowserSources {
  /** A system Chromium's path, if there is one. */
  system: string | undefined;
  /** Where Playwright keeps its own Chromium (the file may not exist yet). */
  bundled: string;
  exists(path: string): boolean;
  /** Runs `playwright install chromium`; returns its exit code and output. */
  install(): { status: number | null; output: string };
}

/**
 * The browser the e2e tests will launch, fetched first when there is none: a system Chromium, else
 * Playwright's own, installed with `playwright install chromium` if it is not there yet (so `npm test`
 * works on a fresh desktop with the internet). Throws one clear message when neither can be had.
 */
export function ensureChromium(sources: BrowserSources): { path: string; installed: boolean } {
  if (sources.system) return { path: sources.system, installed: false };
  if (sources.exists(sources.bundled)) return { path: sources.bundled, installed: false };
  const result = sources.install();
  if (result.status === 0 && sources.exists(sources.bundled)) return { path: sources.bundled, installed: true };
  const lines = result.output.split('\n').map((l) => l.trim()).filter(Boolean);
  const last = lines.filter((l) => /^\w*Error\b/.test(l)).pop() ?? lines.pop() ?? `exit code ${result.status}`;
  throw new Error(
    'No Chromium for the end-to-end tests: install Debian\'s chromium package, set CHROMIUM_PATH to a Chromium or Chrome, ' +
      `or let Playwright fetch its own with \`npx playwright install chromium\` (tried it: ${last})`,
  );
}
