// Bundles the Electron main process and the sandboxed preload into
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

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
console.log('Built dist-electron/main.cjs and dist-electron/preload.cjs');
