/** Links, redirects and window.open never replace or add to the app page (the Electron guards, run in Node). */
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from '../../electron/security/app-scheme';
import { guardNavigation, type GuardedContents } from '../../electron/security/navigation';

const APP = 'file:///opt/Meeting%20Clerk/resources/app.asar/dist/renderer/index.html';

/** A stand-in for Electron's WebContents: records the listeners and fires events at them. */
function fakeContents() {
  const listeners = new Map<string, ((event: { preventDefault(): void }, url?: string) => void)[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents: GuardedContents = {
    on: ((event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    }) as GuardedContents['on'],
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, url?: string) => {
    let prevented = false;
    for (const l of listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('navigation guards', () => {
  it('refuses navigating or being redirected anywhere but the app page', () => {
    const { contents, fire } = fakeContents();
    guardNavigation(contents, APP);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'file:///opt/Meeting%20Clerk/resources/app.asar/dist/renderer/other.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
    ]) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
    }
    // The app page itself (a reload, or a hash route) is allowed.
    expect(fire('will-navigate', APP)).toBe(false);
    expect(fire('will-navigate', `${APP}#/meetings/3`)).toBe(false);
  });

  it('guards the app scheme page the same way', () => {
    const { contents, fire, open } = fakeContents();
    guardNavigation(contents, APP_INDEX_URL);
    for (const url of ['https://example.com/', 'app://meeting-clerk/other.html', 'app://evil/index.html', APP, 'http://127.0.0.1:5173/index.html']) {
      expect(fire('will-navigate', url), url).toBe(true);
      expect(fire('will-redirect', url), url).toBe(true);
    }
    expect(fire('will-navigate', APP_INDEX_URL)).toBe(false);
    expect(fire('will-navigate', `${APP_INDEX_URL}#/bodies/1`)).toBe(false);
    expect(open(APP_INDEX_URL)).toEqual({ action: 'deny' });
  });

  it('never opens a new window and never attaches a webview', () => {
    const { contents, fire, open } = fakeContents();
    guardNavigation(contents, APP);
    for (const url of ['https://example.com/', APP, 'about:blank']) expect(open(url)).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('hands a mailto: link (the covering note to the chair) to the email program, and loads nothing', () => {
    const { contents, fire } = fakeContents();
    const mailed: string[] = [];
    guardNavigation(contents, APP, (url) => mailed.push(url));
    const mailto = 'mailto:d.taylor%40example.org?subject=Draft%20minutes&body=Dear%20Mrs%20Taylor';
    expect(fire('will-navigate', mailto)).toBe(true);
    expect(fire('will-navigate', 'https://example.com/')).toBe(true);
    expect(fire('will-navigate', 'mailto:a@b.c\nfile:///etc/passwd')).toBe(true);
    expect(mailed).toEqual([mailto]);
  });
});
