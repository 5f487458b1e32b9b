/**
 * Screenshots of each screen at 1440 and 480 px (for looking at, and for the clerk's guide): written to
 * test-results/screens/, or to docs/images/ when GUIDE_SHOTS=1. Each also runs axe (see axe.spec.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './host-fixture';
import { openEveryScreen } from './screens';

/** The pictures docs/guide.md shows: only these are written to docs/images. */
const GUIDE = new Set(['body-1440', 'set-up-1440', 'live-1440', 'live-480', 'live-approved-1440', 'action-log-1440', 'search-1440', 'recovery-1440']);
const out = process.env.GUIDE_SHOTS ? join(import.meta.dirname, '..', '..', 'docs', 'images') : join(import.meta.dirname, '..', '..', 'test-results', 'screens');

for (const width of [1440, 480]) {
  test(`screenshots of every screen at ${width} px`, async ({ page, host }) => {
    test.setTimeout(180_000);
    mkdirSync(out, { recursive: true });
    await page.setViewportSize({ width, height: width === 480 ? 860 : 900 });
    await openEveryScreen(page, host, async (name) => {
      if (process.env.GUIDE_SHOTS && !GUIDE.has(`${name}-${width}`)) return;
      await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: false });
    });
  });
}
