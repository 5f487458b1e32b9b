/** The session's request filter: only the app's own scheme (and, in development, DevTools) ever gets through. */
import { describe, expect, it } from 'vitest';
import { isRequestAllowed } from '../../electron/security/request-filter';

const packaged = { packaged: true };
const development = { packaged: false };

describe('isRequestAllowed', () => {
  it("allows the app's own files, packaged or not", () => {
    for (const url of ['app://meeting-clerk/index.html', 'app://meeting-clerk/assets/index-abc.js', 'app://meeting-clerk/', 'app://meeting-clerk/dictionaries/en-gb-10-1.bdic']) {
      expect(isRequestAllowed(url, packaged), url).toBe(true);
      expect(isRequestAllowed(url, development), url).toBe(true);
    }
  });

  it('allows data: and blob: URLs of the app page, which never reach the network', () => {
    expect(isRequestAllowed('data:image/png;base64,iVBORw0KGgo=', packaged)).toBe(true);
    expect(isRequestAllowed('blob:app://meeting-clerk/4f0c2a3e-1b2c-4d5e-8f90-123456789abc', packaged)).toBe(true);
    expect(isRequestAllowed('blob:https://evil.example/4f0c2a3e', packaged)).toBe(false);
    expect(isRequestAllowed('blob:null/4f0c2a3e', packaged)).toBe(false);
  });

  it('cancels every request to the network or to another local origin, packaged or not', () => {
    for (const url of [
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-gb-10-1.bdic',
      'http://127.0.0.1:8080/api/meetings.list',
      'http://localhost/',
      'https://example.com/',
      'wss://example.com/socket',
      'ws://127.0.0.1:9222/devtools/browser',
      'ftp://example.com/file',
      'file:///etc/passwd',
      'file:///opt/Meeting%20Clerk/resources/app.asar/dist/renderer/index.html',
      'app://other-app/index.html',
      'app://meeting-clerk.evil.example/index.html',
      'app://user:pw@meeting-clerk/index.html',
      'chrome://settings',
      'chrome-extension://abcdef/page.html',
      'about:blank',
      'javascript:alert(1)',
      '',
      'not a url',
    ]) {
      expect(isRequestAllowed(url, packaged), url).toBe(false);
      expect(isRequestAllowed(url, development), url).toBe(false);
    }
  });

  it('lets DevTools load its own pages only in a development build', () => {
    const devtools = 'devtools://devtools/bundled/devtools_app.html';
    expect(isRequestAllowed(devtools, development)).toBe(true);
    expect(isRequestAllowed(devtools, packaged)).toBe(false);
  });
});
