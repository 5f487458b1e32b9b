/**
 * The text of a .docx as a reader sees it, list numbers included: LibreOffice
 * converts it to plain text (Word numbering is drawn by the application, so
 * mammoth, which reads the XML, never sees "(a)"). Each line is trimmed and
 * the space LibreOffice puts after a list number becomes a tab, so a point
 * reads "(a)\tThat ...", as the typed markers once did.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** LibreOffice with a profile of its own, so conversions can run side by side. */
export function soffice(args: string[]): void {
  const profile = mkdtempSync(join(tmpdir(), 'meeting-clerk-soffice-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], {
      env: { ...process.env, HOME: profile },
      stdio: 'pipe',
      timeout: 55_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function officeText(docx: string | Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-clerk-text-'));
  try {
    const file = join(dir, 'document.docx');
    if (typeof docx === 'string') copyFileSync(docx, file);
    else writeFileSync(file, docx);
    soffice(['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, file]);
    return readFileSync(join(dir, 'document.txt'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .map((line) => line.trim().replace(/^(\([a-z]+\)|\(\d+\)) +/, '$1\t'))
      .filter(Boolean)
      .join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
