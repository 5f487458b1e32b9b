/**
 * The app page is one page of the app's own origin (app://meeting-clerk/index.html,
 * see app-scheme.ts). Anything else (another page of the scheme, a local file,
 * a web page, a data: URL) is untrusted: it may not call the API and the window
 * may not navigate to it.
 */
export function isTrustedAppUrl(candidate: string, appIndexUrl: string): boolean {
  let url: URL;
  let app: URL;
  try {
    url = new URL(candidate);
    app = new URL(appIndexUrl);
  } catch {
    return false;
  }
  return url.protocol === app.protocol && url.host === app.host && url.pathname === app.pathname && !url.username && !url.password;
}

/** Permission requests from the page (camera, notifications, ...) are all refused. */
export const ALLOWED_PERMISSIONS: readonly string[] = [];
export const isPermissionAllowed = (permission: string): boolean => ALLOWED_PERMISSIONS.includes(permission);
