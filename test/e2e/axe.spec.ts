/**
 * axe-core (WCAG 2.1 A and AA rules) on every screen and dialog, at 1440 and 480 px: no serious or critical
 * violation. axe-core is in node_modules already (a dependency of a dev tool); @axe-core/playwright is not, so
 * its script is evaluated in the page and run there, which is all that wrapper does.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from './host-fixture';
import { openEveryScreen } from './screens';

// Evaluated through the debugging protocol, as Playwright's own scripts are: the app's Content Security Policy
// (script-src 'self') rightly refuses an inline script tag.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

for (const width of [1440, 480]) {
  test(`no serious or critical accessibility violation on any screen at ${width} px`, async ({ page, host }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 900 });
    const found: string[] = [];
    const screens: string[] = [];
    await openEveryScreen(page, host, async (name) => {
      screens.push(name);
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      const violations = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
        return result.violations;
      })) as Violation[];
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        found.push(`${name} @ ${width}px: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`).join('\n    ')}`);
      }
    });
    expect(screens).toEqual(expect.arrayContaining(['home', 'body', 'action-log', 'live', 'shortcuts', 'guide', 'palette', 'set-up', 'review', 'live-approved', 'search', 'backups', 'recovery']));
    expect(found, found.join('\n')).toEqual([]);
  });
}
