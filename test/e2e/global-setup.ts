/** Before the e2e tests: make sure there is a Chromium to run them in (see ensureChromium). */
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ensureChromium, systemChromium } from '../chromium';

export default function globalSetup(): void {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const { path, installed } = ensureChromium({
    system: systemChromium(),
    bundled: chromium.executablePath(),
    exists: existsSync,
    install: () => {
      console.log('No system Chromium found: fetching Playwright\'s own (npx playwright install chromium)…');
      const run = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
      return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
    },
  });
  if (installed) console.log(`Installed Chromium for the e2e tests: ${path}`);
}
