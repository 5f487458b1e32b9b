/**
 * The app makes no network request: every request a session sees is checked
 * here (session.webRequest.onBeforeRequest) and only the app's own scheme
 * gets through. Data and blob URLs never reach the network (the logo preview
 * and Word downloads use them); DevTools' own pages are let through only in
 * a development build, where DevTools exists at all. Pure, tested in Node.
 */
import { APP_HOST, APP_SCHEME } from './app-scheme';

export interface RequestContext {
  /** app.isPackaged: a build a clerk installed, rather than `npm start`. */
  packaged: boolean;
}

function isAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST && !url.username && !url.password;
}

export function isRequestAllowed(candidate: string, context: RequestContext): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  switch (url.protocol) {
    case `${APP_SCHEME}:`:
      return isAppOrigin(url);
    case 'data:':
      return true;
    case 'blob:': {
      // blob:app://meeting-clerk/<uuid>: made by the app's own page, held in memory.
      try {
        return isAppOrigin(new URL(url.pathname));
      } catch {
        return false;
      }
    }
    case 'devtools:':
      return !context.packaged;
    default:
      return false;
  }
}
