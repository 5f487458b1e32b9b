/**
 * The one Content Security Policy, used by the Electron window (a header on
 * every app://meeting-clerk/ answer, and a meta tag in the built page) and the
 * browser host. 'self' is the page's origin: app://meeting-clerk in Electron,
 * http://127.0.0.1:PORT under the host. No inline script, no eval, no remote
 * content.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
