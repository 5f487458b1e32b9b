/**
 * The spell-checking dictionaries the app ships for Linux (build/dictionaries),
 * copied into the profile's Dictionaries folder before Chromium looks there, so
 * it finds them and never downloads one. Plain Node, tested in vitest.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Chromium's file name for British English: language, then the dictionary version it expects. */
export const SHIPPED_DICTIONARIES: readonly string[] = ['en-GB-10-1.bdic'];

export interface SeedResult {
  copied: string[];
  /** Already there, byte for byte. */
  kept: string[];
  /** Not in the shipped folder (a build without them). */
  missing: string[];
}

/**
 * Copies each shipped dictionary into `profileDir` unless an identical copy is there. A different
 * or torn copy (a crash mid-copy, an old version) is replaced; the copy goes through a temporary
 * file and a rename, so Chromium never reads half a dictionary. Other files are left alone.
 */
export function seedDictionaries(shippedDir: string, profileDir: string, names: readonly string[] = SHIPPED_DICTIONARIES): SeedResult {
  const result: SeedResult = { copied: [], kept: [], missing: [] };
  for (const name of names) {
    const source = join(shippedDir, name);
    if (!existsSync(source)) {
      result.missing.push(name);
      continue;
    }
    const target = join(profileDir, name);
    if (existsSync(target) && readFileSync(target).equals(readFileSync(source))) {
      result.kept.push(name);
      continue;
    }
    mkdirSync(profileDir, { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    try {
      copyFileSync(source, partial);
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
    }
    result.copied.push(name);
  }
  return result;
}
