/**
 * What a page in the app may do to the window it is in: navigate or be
 * redirected only to the app's own page, never open a new window, never
 * attach a webview. Written against the small part of WebContents it uses,
 * so it is tested in Node without Electron.
 */
import { isTrustedAppUrl } from './trusted-url';

interface Preventable {
  preventDefault(): void;
}

export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** A mailto: link (the covering note to the chair) and nothing else: handed to the email program, never loaded. */
export const isMailto = (url: string) => /^mailto:[^\s]*$/i.test(url) && url.length <= 8_000;

export function guardNavigation(contents: GuardedContents, appUrl: string, openMail?: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (isTrustedAppUrl(url, appUrl)) return;
    event.preventDefault();
    if (openMail && isMailto(url)) openMail(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Links with target=_blank, window.open and middle clicks: no new window, ever.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
