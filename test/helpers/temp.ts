/**
 * Temporary folders under os.tmpdir(), removed after every test, plus a place
 * to register other cleanup (closing stores and hosts) that must run first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

export interface TempDirs {
  /** A fresh, empty folder that is deleted after the current test. */
  makeDir(prefix?: string): string;
  /** Runs after the current test, before the folders are deleted (last registered runs first). */
  onCleanup(fn: () => unknown): void;
}

/** Call once at the top of a test file (or describe block). */
export function useTempDirs(): TempDirs {
  const dirs: string[] = [];
  const cleanups: (() => unknown)[] = [];

  afterEach(async () => {
    const errors: unknown[] = [];
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (error) {
        errors.push(error);
      }
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    if (errors.length) throw errors[0];
  });

  return {
    makeDir(prefix = 'meeting-clerk-test-') {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    onCleanup(fn) {
      cleanups.push(fn);
    },
  };
}
