/** The Linux spell-checking dictionary: shipped, in Chromium's format, and copied into the profile safely. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDictionaries, SHIPPED_DICTIONARIES } from '../../electron/security/dictionaries';
import { useTempDirs } from '../helpers/temp';

const repo = join(import.meta.dirname, '..', '..');
const shippedDir = join(repo, 'build', 'dictionaries');
const temp = useTempDirs();

describe('the shipped dictionary', () => {
  it("is British English under the name Chromium looks for, in Chromium's BDic format with a sound header", () => {
    expect(SHIPPED_DICTIONARIES).toEqual(['en-GB-10-1.bdic']);
    const bytes = readFileSync(join(shippedDir, 'en-GB-10-1.bdic'));
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('BDic');
    // BDict major version 2: what Chromium's hunspell reads.
    expect(bytes.readUInt32LE(4)).toBe(2);
    expect(bytes.length).toBeGreaterThan(500_000);
  });

  it('ships with its source and licence notice', () => {
    for (const name of ['en_GB.dic', 'en_GB.aff', 'README_en_GB.txt', 'README.md']) expect(existsSync(join(shippedDir, name)), name).toBe(true);
    expect(readFileSync(join(shippedDir, 'README_en_GB.txt'), 'utf8')).toMatch(/LGPL/);
  });

  it('goes into the installers as resources/dictionaries', () => {
    const config = readFileSync(join(repo, 'build', 'electron-builder.yml'), 'utf8');
    expect(config).toMatch(/^extraResources:\n(?:\s+.*\n)*?\s+- from: build\/dictionaries\n\s+to: dictionaries$/m);
  });
});

describe('seedDictionaries', () => {
  it('copies the shipped dictionary into a profile that has none, making the folder', () => {
    const profile = join(temp.makeDir(), 'Dictionaries');
    expect(seedDictionaries(shippedDir, profile)).toEqual({ copied: ['en-GB-10-1.bdic'], kept: [], missing: [] });
    expect(readFileSync(join(profile, 'en-GB-10-1.bdic')).equals(readFileSync(join(shippedDir, 'en-GB-10-1.bdic')))).toBe(true);
    expect(readdirSync(profile)).toEqual(['en-GB-10-1.bdic']);
  });

  it('keeps an identical copy, replaces a torn or different one, and leaves other dictionaries alone', () => {
    const shipped = temp.makeDir();
    writeFileSync(join(shipped, 'en-GB-10-1.bdic'), 'complete');
    writeFileSync(join(shipped, 'en-US-10-1.bdic'), 'complete too');
    const profile = temp.makeDir();
    writeFileSync(join(profile, 'en-GB-10-1.bdic'), 'comp');
    writeFileSync(join(profile, 'en-US-10-1.bdic'), 'complete too');
    writeFileSync(join(profile, 'de-DE-3-0.bdic'), 'the clerk added German');
    const result = seedDictionaries(shipped, profile, ['en-GB-10-1.bdic', 'en-US-10-1.bdic']);
    expect(result).toEqual({ copied: ['en-GB-10-1.bdic'], kept: ['en-US-10-1.bdic'], missing: [] });
    expect(readFileSync(join(profile, 'en-GB-10-1.bdic'), 'utf8')).toBe('complete');
    expect(readFileSync(join(profile, 'de-DE-3-0.bdic'), 'utf8')).toBe('the clerk added German');
    expect(readdirSync(profile).sort()).toEqual(['de-DE-3-0.bdic', 'en-GB-10-1.bdic', 'en-US-10-1.bdic']);
  });

  it('reports a dictionary the build lacks and writes nothing for it', () => {
    const shipped = temp.makeDir();
    mkdirSync(join(shipped, 'empty'), { recursive: true });
    const profile = join(temp.makeDir(), 'Dictionaries');
    expect(seedDictionaries(join(shipped, 'empty'), profile)).toEqual({ copied: [], kept: [], missing: ['en-GB-10-1.bdic'] });
    expect(existsSync(profile)).toBe(false);
  });
});
