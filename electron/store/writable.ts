/**
 * Whether the data folder and the database file can be written, checked at
 * start before anything else touches them: on a read-only drive, a folder
 * without write permission or a file marked read-only, the app says so in
 * plain words instead of answering every save with an error.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

/** null when the folder and file can be written; otherwise a message for the clerk. */
export function readOnlyProblem(dbFile: string): string | null {
  const folder = dirname(dbFile);
  const said = (what: string) =>
    `Meeting Clerk cannot save: ${what}. Nothing has been changed. Move the data folder to a drive you can write to, or ask for write access to it, then start Meeting Clerk again.`;
  try {
    mkdirSync(folder, { recursive: true });
    const probe = join(folder, `.${basename(dbFile)}.write-check-${process.pid}`);
    rmSync(probe, { force: true });
    closeSync(openSync(probe, 'wx'));
    rmSync(probe, { force: true });
    if (existsSync(dbFile)) closeSync(openSync(dbFile, 'r+'));
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!READ_ONLY_CODES.has(code)) return null;
    if (code === 'EROFS') return said(`its data folder ${folder} is on a read-only drive`);
    return said(`it is not allowed to write to ${existsSync(dbFile) ? dbFile : folder}`);
  }
}
