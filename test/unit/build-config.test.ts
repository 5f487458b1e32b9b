/** The installer's Electron fuses: what the packaged app refuses to do, checked on the build config CI ships. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const config = readFileSync(join(import.meta.dirname, '..', '..', 'build', 'electron-builder.yml'), 'utf8');

/** The `electronFuses:` block as key → value. */
function fuses(): Record<string, string> {
  const block = /^electronFuses:\n((?:[ \t]+\S.*\n)+)/m.exec(config);
  if (!block) throw new Error('build/electron-builder.yml has no electronFuses block');
  return Object.fromEntries([...block[1]!.matchAll(/^\s+(\w+):\s*(\S+)\s*$/gm)].map((m) => [m[1]!, m[2]!]));
}

describe('Electron fuses in the build', () => {
  it('turn off running as Node, NODE_OPTIONS and inspect arguments; turn on cookie encryption, ASAR integrity and ASAR-only loading', () => {
    expect(fuses()).toMatchObject({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
    });
    expect(config).toMatch(/^asar: true$/m);
  });
});
