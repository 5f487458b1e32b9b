// Fetches the Electron binary the way Electron's own postinstall would, but
// only warns when the download is impossible (offline build machines), so
// `npm install` always succeeds and the browser host stays usable.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0); // production install without devDependencies
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('meeting-clerk: ELECTRON_SKIP_BINARY_DOWNLOAD is set; the desktop window is unavailable, use `npm run serve`.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [installer], { stdio: 'inherit' });
if (result.status !== 0 || !existsSync(require.resolve('electron/path.txt'))) {
  console.warn('meeting-clerk: could not download the Electron binary; `npm start` needs it, `npm run serve` (browser host) works without it.');
}
