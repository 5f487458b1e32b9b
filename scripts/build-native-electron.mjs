// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving the
// Node build in node_modules untouched, so tests, the browser host and the
// desktop app all work from one checkout without reinstalling. The main
// process passes this file to better-sqlite3 as `nativeBinding`.
import { cpSync, mkdirSync, mkdtempSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { electronVersion } from './electron-binary.mjs';

const require = createRequire(import.meta.url);
const version = electronVersion();
const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'clerk-native-'));
const pkg = join(work, 'better-sqlite3');
cpSync(source, pkg, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });

const run = (command, args) => spawnSync(command, args, { cwd: pkg, stdio: 'inherit', shell: process.platform === 'win32' });
const bin = (name) => {
  const manifest = require(`${name}/package.json`);
  const entry = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return join(dirname(require.resolve(`${name}/package.json`)), entry);
};

console.log(`Building better-sqlite3 for Electron ${version} (${process.platform}-${process.arch})...`);
let result = run(process.execPath, [bin('prebuild-install'), '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, `--platform=${process.platform}`]);
if (result.status !== 0) {
  console.log('No prebuilt binary; compiling against Electron headers with node-gyp...');
  result = run(process.execPath, [bin('node-gyp'), 'rebuild', '--release', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron']);
}
const built = join(pkg, 'build', 'Release', 'better_sqlite3.node');
if (result.status !== 0 || !existsSync(built)) {
  console.error('meeting-clerk: could not build better-sqlite3 for Electron (this needs the internet for Electron headers or a prebuilt binary).');
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
mkdirSync('native/electron', { recursive: true });
copyFileSync(built, 'native/electron/better_sqlite3.node');
rmSync(work, { recursive: true, force: true });
console.log('Wrote native/electron/better_sqlite3.node');
