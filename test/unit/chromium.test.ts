import { describe, expect, it } from 'vitest';
import { ensureChromium, type BrowserSources } from '../chromium';

function sources(over: Partial<BrowserSources> & { present?: string[] }): BrowserSources & { installs: number } {
  const present = new Set(over.present ?? []);
  const s = {
    installs: 0,
    system: over.system,
    bundled: over.bundled ?? '/cache/ms-playwright/chromium/chrome',
    exists: (p: string) => present.has(p),
    install: () => {
      s.installs++;
      return over.install ? over.install() : { status: 1, output: 'download failed' };
    },
  };
  return s;
}

describe('the Chromium the e2e tests run in', () => {
  it('uses a system Chromium and fetches nothing', () => {
    const s = sources({ system: '/usr/bin/chromium' });
    expect(ensureChromium(s)).toEqual({ path: '/usr/bin/chromium', installed: false });
    expect(s.installs).toBe(0);
  });

  it("uses Playwright's own Chromium when it is already installed", () => {
    const s = sources({ system: undefined, present: ['/cache/ms-playwright/chromium/chrome'] });
    expect(ensureChromium(s)).toEqual({ path: '/cache/ms-playwright/chromium/chrome', installed: false });
    expect(s.installs).toBe(0);
  });

  it("fetches Playwright's own Chromium on a desktop without one", () => {
    const present: string[] = [];
    const s = sources({
      system: undefined,
      present,
      install: () => {
        present.push('/cache/ms-playwright/chromium/chrome');
        return { status: 0, output: 'Chromium downloaded' };
      },
    });
    s.exists = (p) => present.includes(p); // the install adds the file that exists() then finds
    expect(ensureChromium(s)).toEqual({ path: '/cache/ms-playwright/chromium/chrome', installed: true });
    expect(s.installs).toBe(1);
  });

  it('says what to do, with the installer\'s last line, when no Chromium can be had', () => {
    const s = sources({ system: undefined, install: () => ({ status: 1, output: 'Downloading Chromium…\nError: getaddrinfo ENOTFOUND cdn.playwright.dev\n    at GetAddrInfoReqWrap.onlookupall\n  code: ENOTFOUND\n}\n' }) });
    expect(() => ensureChromium(s)).toThrow(/No Chromium for the end-to-end tests: install Debian's chromium package, set CHROMIUM_PATH .*npx playwright install chromium.*ENOTFOUND cdn\.playwright\.dev/);
    expect(s.installs).toBe(1);
  });

  it('does not trust an install that reports success but leaves no browser', () => {
    const s = sources({ system: undefined, install: () => ({ status: 0, output: '' }) });
    expect(() => ensureChromium(s)).toThrow(/No Chromium for the end-to-end tests/);
  });
});
