/**
 * Electron cannot run on the build machines, so electron/main.ts's wiring of the security modules
 * is checked on its source: the page from the app scheme (never file://), the request filter, the
 * spell-checker's local dictionary address, the menu and DevTools by build. The rules themselves
 * are tested in app-scheme, request-filter and window-options tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const main = readFileSync(join(import.meta.dirname, '..', '..', 'electron', 'main.ts'), 'utf8');
const code = main.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

describe('electron/main.ts wiring', () => {
  it('registers the app scheme as privileged at load time, before the app is ready', () => {
    const register = code.indexOf('protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges:');
    expect(register).toBeGreaterThan(-1);
    expect(register).toBeLessThan(code.indexOf('app.whenReady()'));
    // At the top level, not inside a function that might run late.
    expect(code.slice(0, register).match(/\{/g)?.length ?? 0).toBe(code.slice(0, register).match(/\}/g)?.length ?? 0);
  });

  it('serves the scheme with the shared handler and loads the page from it, never from a file', () => {
    expect(code).toMatch(/\.protocol\.handle\(APP_SCHEME, createAppSchemeHandler\(\{ root: rendererDir \}\)\)/);
    expect(code).toMatch(/\.loadURL\(APP_INDEX_URL\)/);
    expect(code).not.toMatch(/loadFile\(|pathToFileURL|file:\/\//);
    expect(code).toMatch(/guardNavigation\(contents, APP_INDEX_URL\)/);
    expect(code).toMatch(/isTrustedAppUrl\(url, APP_INDEX_URL\)/);
  });

  it('filters every request of the session and denies permissions', () => {
    expect(code).toMatch(/webRequest\.onBeforeRequest\(\(details, callback\) => callback\(\{ cancel: !isRequestAllowed\(details\.url, \{ packaged \}\) \}\)\)/);
    expect(code).toMatch(/setPermissionRequestHandler\(/);
    expect(code).toMatch(/setPermissionCheckHandler\(/);
  });

  it('takes spell-checking and the dictionary address from spellChecking(), never a bare language list', () => {
    expect(code).toMatch(/setSpellCheckerDictionaryDownloadURL\(spelling\.dictionaryUrl\)/);
    expect(code).toMatch(/setSpellCheckerEnabled\(spelling\.enabled\)/);
    expect(code).not.toMatch(/setSpellCheckerLanguages\(\[/);
    // The download address is set before the languages that would start a download.
    expect(code.indexOf('setSpellCheckerDictionaryDownloadURL(')).toBeLessThan(code.indexOf('setSpellCheckerLanguages('));
  });

  it('builds windows and the menu for the build it is (packaged or not)', () => {
    expect(code).toMatch(/new BrowserWindow\(secureWindowOptions\([^)]*\), shell\(\)\)\)/);
    expect(code).toMatch(/packaged: app\.isPackaged/);
    expect(code).toMatch(/applicationMenu\(shell\(\)\)/);
    expect(code).toMatch(/Menu\.setApplicationMenu\(/);
  });
});
