import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The app's folder (the one holding package.json and dist/), found from the
 * URL of a module inside it: the same answer whether the module runs from its
 * source (electron/host/) or from a bundle (dist-cli/).
 */
export function appRoot(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`Meeting Clerk's folder (with its package.json) was not found above ${fileURLToPath(moduleUrl)}`);
    dir = up;
  }
}
