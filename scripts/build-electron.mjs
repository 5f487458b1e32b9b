// Bundles the Electron main process, the sandboxed preload and the file-parsing worker into
// dist-electron/. The preload must be one CommonJS file: a sandboxed
// preload cannot require project modules.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

// The sources ask import.meta.url where they are (as in scripts/bundles.mjs); the sandboxed preload does not.
const located = {
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await build({ ...common, ...located, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
// The worker that parses imported files (electron/import/isolated.ts finds it beside main.cjs).
await build({ ...common, entryPoints: ['electron/import/parse-worker.ts'], outfile: 'dist-electron/parse-worker.cjs' });
console.log('Built dist-electron/main.cjs, dist-electron/preload.cjs and dist-electron/parse-worker.cjs');
