import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { ALLOWED_PERMISSIONS, isPermissionAllowed, isTrustedAppUrl } from '../../electron/security/trusted-url';
import { APP_DICTIONARY_URL, APP_INDEX_URL } from '../../electron/security/app-scheme';
import { applicationMenu, secureWindowOptions, spellChecking, usesShippedDictionaries, type MenuTemplateItem } from '../../electron/security/window-options';

describe('secureWindowOptions', () => {
  const { webPreferences } = secureWindowOptions('/x/preload.cjs');

  it('isolates the page from Node and Electron', () => {
    expect(webPreferences.contextIsolation).toBe(true);
    expect(webPreferences.sandbox).toBe(true);
    expect(webPreferences.nodeIntegration).toBe(false);
    expect(webPreferences.nodeIntegrationInWorker).toBe(false);
    expect(webPreferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and risky features off', () => {
    expect(webPreferences.webSecurity).toBe(true);
    expect(webPreferences.allowRunningInsecureContent).toBe(false);
    expect(webPreferences.webviewTag).toBe(false);
    expect(webPreferences.experimentalFeatures).toBe(false);
    expect(webPreferences.navigateOnDragDrop).toBe(false);
  });

  it('uses the preload path it is given', () => {
    expect(webPreferences.preload).toBe('/x/preload.cjs');
    expect(secureWindowOptions('/other/preload.cjs').webPreferences.preload).toBe('/other/preload.cjs');
  });

  it('sets no option that would weaken the sandbox', () => {
    expect(webPreferences).not.toHaveProperty('enableRemoteModule');
    expect(webPreferences).not.toHaveProperty('additionalArguments');
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferences).not.toHaveProperty('partition');
  });
});

describe('DevTools, spell-checking and the menu by build and platform', () => {
  const platforms = ['darwin', 'win32', 'linux'] as const;

  it('turns DevTools off in a packaged build (and when nothing is said), on only in development', () => {
    for (const platform of platforms) {
      expect(secureWindowOptions('/p', { packaged: true, platform }).webPreferences.devTools, platform).toBe(false);
      expect(secureWindowOptions('/p', { packaged: false, platform }).webPreferences.devTools, platform).toBe(true);
    }
    expect(secureWindowOptions('/p').webPreferences.devTools).toBe(false);
  });

  it("spell-checks in British English everywhere: the system's checker on macOS and Windows, the shipped dictionary on Linux", () => {
    for (const platform of platforms) expect(secureWindowOptions('/p', { packaged: true, platform }).webPreferences.spellcheck, platform).toBe(true);
    expect(spellChecking('win32')).toEqual({ enabled: true, languages: ['en-GB'], dictionaryUrl: APP_DICTIONARY_URL });
    expect(spellChecking('linux')).toEqual({ enabled: true, languages: ['en-GB'], dictionaryUrl: APP_DICTIONARY_URL });
    // macOS's checker picks the language itself.
    expect(spellChecking('darwin')).toMatchObject({ enabled: true, languages: [] });
    expect(usesShippedDictionaries('linux')).toBe(true);
    expect(usesShippedDictionaries('win32')).toBe(false);
    expect(usesShippedDictionaries('darwin')).toBe(false);
  });

  it('never points Chromium at a dictionary on the internet', () => {
    for (const platform of platforms) expect(spellChecking(platform).dictionaryUrl, platform).toMatch(/^app:\/\/meeting-clerk\//);
  });

  const roles = (items: MenuTemplateItem[]): string[] =>
    items.flatMap((item) => ('role' in item ? [item.role] : 'submenu' in item ? roles(item.submenu) : []));

  it('keeps the default menu (with DevTools and reload) only in development', () => {
    for (const platform of platforms) expect(applicationMenu({ packaged: false, platform }), platform).toBe('default');
  });

  it('has no menu in a packaged build on Windows and Linux', () => {
    expect(applicationMenu({ packaged: true, platform: 'win32' })).toBeNull();
    expect(applicationMenu({ packaged: true, platform: 'linux' })).toBeNull();
  });

  it('has only app, Edit and Window items on macOS, so Cmd+C, Cmd+V, Cmd+Z and Cmd+Q still work', () => {
    const menu = applicationMenu({ packaged: true, platform: 'darwin' });
    expect(Array.isArray(menu)).toBe(true);
    const all = roles(menu as MenuTemplateItem[]);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']) expect(all).toContain(role);
    for (const role of all) expect(role).not.toMatch(/devtools|reload|viewmenu|togglefullscreen|zoomin|zoomout|resetzoom/i);
  });
});

describe('isTrustedAppUrl', () => {
  const app = 'file:///opt/Meeting%20Clerk/dist/renderer/index.html';

  it('trusts the app page itself, with or without query and hash', () => {
    expect(isTrustedAppUrl(app, app)).toBe(true);
    expect(isTrustedAppUrl(`${app}?token=1`, app)).toBe(true);
    expect(isTrustedAppUrl(`${app}#/bodies/1`, app)).toBe(true);
    expect(isTrustedAppUrl(`${app}?a=b#/meetings/2`, app)).toBe(true);
  });

  it('does not trust another local file', () => {
    expect(isTrustedAppUrl('file:///opt/Meeting%20Clerk/dist/renderer/other.html', app)).toBe(false);
    expect(isTrustedAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isTrustedAppUrl('file:///home/clerk/Downloads/index.html', app)).toBe(false);
    expect(isTrustedAppUrl('file://evil.example/opt/Meeting%20Clerk/dist/renderer/index.html', app)).toBe(false);
    expect(isTrustedAppUrl('file:///opt/Meeting%20Clerk/dist/renderer/index.html/', app)).toBe(false);
  });

  it('does not trust web pages, data: or javascript: URLs', () => {
    expect(isTrustedAppUrl('https://evil.example/', app)).toBe(false);
    expect(isTrustedAppUrl('https://evil.example/opt/Meeting%20Clerk/dist/renderer/index.html', app)).toBe(false);
    expect(isTrustedAppUrl('http://127.0.0.1:5173/', app)).toBe(false);
    expect(isTrustedAppUrl('data:text/html,<script>alert(1)</script>', app)).toBe(false);
    expect(isTrustedAppUrl('javascript:alert(1)', app)).toBe(false);
    expect(isTrustedAppUrl('about:blank', app)).toBe(false);
  });

  it("trusts the app scheme's page and nothing else of the scheme", () => {
    expect(APP_INDEX_URL).toBe('app://meeting-clerk/index.html');
    expect(isTrustedAppUrl(APP_INDEX_URL, APP_INDEX_URL)).toBe(true);
    expect(isTrustedAppUrl(`${APP_INDEX_URL}#/meetings/2`, APP_INDEX_URL)).toBe(true);
    for (const url of [
      'app://meeting-clerk/other.html',
      'app://meeting-clerk/assets/index-abc.js',
      'app://meeting-clerk/',
      'app://other-app/index.html',
      'app://meeting-clerk.evil.example/index.html',
      'app://user:pw@meeting-clerk/index.html',
      'app://meeting-clerk:8080/index.html',
      'https://meeting-clerk/index.html',
      'file:///index.html',
    ]) {
      expect(isTrustedAppUrl(url, APP_INDEX_URL), url).toBe(false);
    }
  });

  it('does not trust garbage', () => {
    expect(isTrustedAppUrl('', app)).toBe(false);
    expect(isTrustedAppUrl('not a url', app)).toBe(false);
    expect(isTrustedAppUrl('index.html', app)).toBe(false);
    expect(isTrustedAppUrl('/opt/Meeting Clerk/dist/renderer/index.html', app)).toBe(false);
    expect(isTrustedAppUrl(app, 'not a url')).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('refuses every permission the page might ask for', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([]);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'midi', 'pointerLock', '']) {
      expect(isPermissionAllowed(permission), permission).toBe(false);
    }
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map((words) => [words[0]!, words.slice(1)] as const),
  );

  it('allows no inline script and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-hashes'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'");
  });

  it("defaults to 'none' and loads scripts only from the app itself", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('names no remote source or wildcard', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/^\*|^https?:|^wss?:|\.\w/);
      }
    }
  });
});
