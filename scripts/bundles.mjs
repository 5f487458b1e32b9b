// The Node-side commands shipped as bundles: each is one minified CommonJS
// file in dist-cli/, as a shipped command would be. Node then reads one file
// instead of resolving and compiling hundreds of modules through tsx at
// every start, and scripts/run-bundle.mjs keeps V8's compiled code for it
// between runs. better-sqlite3 stays outside (a native addon).
//   export  `npm run export`   scripts/export.ts        runExportCli(argv)
//   host    `npm run serve`    electron/host/run-host.ts runHostCli(argv)
// Beside them, parse-worker.cjs: the worker that reads untrusted files
// (electron/import/isolated.ts finds it next to the bundle that starts it).
// `node scripts/bundles.mjs` (npm run build:cli) builds them all.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

export const BUNDLES = {
  export: join(root, 'scripts', 'export.ts'),
  host: join(root, 'electron', 'host', 'run-host.ts'),
};

/** The worker that parses imported files, built beside every bundle (both bundles hold the code that starts it). */
export const PARSE_WORKER = join(root, 'electron', 'import', 'parse-worker.ts');
export const parseWorkerFile = () => join(root, 'dist-cli', 'parse-worker.cjs');

/** Where a bundle is written. */
export const bundleFile = (name) => join(root, 'dist-cli', `${name}.cjs`);
/** V8's code cache for a bundle, written by the first run after a build. */
export const codeCacheFile = (name) => `${bundleFile(name)}.v8cache`;

/**
 * zod's messages in its other languages (about 260 KB of a bundle's 1.1 MB, read and deserialised at every start),
 * which nothing in the app uses: `z.locales` keeps English alone, the language zod itself sets.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}zod${sep}`) ? { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-english-only' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};

export async function buildBundle(name) {
  // Loaded only to build: every start of `npm run serve` and `npm run export` imports this file, and loading esbuild's
  // JavaScript API cost them some 40 ms when the bundle was already up to date.
  const { build } = await import('esbuild');
  const entry = BUNDLES[name];
  if (!entry) throw new Error(`There is no bundle named ${JSON.stringify(name)} (${Object.keys(BUNDLES).join(', ')})`);
  rmSync(codeCacheFile(name), { force: true });
  await build({
    entryPoints: [entry],
    outfile: bundleFile(name),
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3'],
    // The sources ask import.meta.url where they are (whether run directly; where the app's folder is).
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
  });
  await build({
    entryPoints: [PARSE_WORKER],
    outfile: parseWorkerFile(),
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
  });
}

/** The newest modification time of the files a bundle may be made from (both bundles draw on shared/ and electron/). */
export function newestSource(name) {
  let newest = Math.max(statSync(BUNDLES[name]).mtimeMs, statSync(join(root, 'package-lock.json')).mtimeMs);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'shared'));
  walk(join(root, 'electron'));
  return newest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of Object.keys(BUNDLES)) {
    await buildBundle(name);
    console.log(`Built ${bundleFile(name)}`);
  }
}
