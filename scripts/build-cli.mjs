// Bundles the command-line export (scripts/export.ts) into one minified
// CommonJS file, dist-cli/export.cjs, as a shipped command would be: node
// then reads one file instead of resolving and compiling hundreds of modules
// through tsx at every run, and scripts/export-cli.mjs keeps V8's compiled
// code for it between runs. better-sqlite3 stays outside (a native addon).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
export const cliBundle = join(root, 'dist-cli', 'export.cjs');
/** V8's code cache for the bundle, written by the first run after a build. */
export const cliCodeCache = `${cliBundle}.v8cache`;

export async function buildCli() {
  rmSync(cliCodeCache, { force: true });
  await build({
    entryPoints: [join(root, 'scripts', 'export.ts')],
    outfile: cliBundle,
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    // scripts/export.ts asks import.meta.url whether it was run directly; in the bundle it never is (export-cli.mjs calls it).
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildCli();
  console.log(`Built ${cliBundle}`);
}
