import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../electron/security/csp';

/** Puts the one CSP into index.html too, so the page carries it however it is opened (the app scheme and the browser host also send it as a header). */
function contentSecurityPolicy(): Plugin {
  // frame-ancestors is ignored in a meta tag; the app scheme and the browser host send it as a header.
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'meeting-clerk-csp',
    transformIndexHtml: (html) =>
      html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // No source maps: the built app ships without its sources (the browser host refuses *.map too).
    sourcemap: false,
  },
});
