// Where the Electron binary is, or null when it was never downloaded
// (offline build machines set ELECTRON_SKIP_BINARY_DOWNLOAD).
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

export function electronBinary() {
  const require = createRequire(import.meta.url);
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function electronVersion() {
  const require = createRequire(import.meta.url);
  return require('electron/package.json').version;
}
