/**
 * The PDF of the minutes: tagged (PDF/UA), with a document outline, a title
 * and every font embedded. Made by whichever maker is at hand:
 *   - the desktop app: Electron's printToPDF of the web page (registered by
 *     the shell, electron/export/pdf-electron.ts);
 *   - the command line and the browser host: LibreOffice converting the Word
 *     minutes (tagged PDF, PDF/UA, bookmarks from the headings), else
 *     Chromium printing the web page (tagged, with an outline).
 * When none is there the error says what to install.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBuiltin } from '../config/builtin';

export type PdfMakerName = 'LibreOffice' | 'Chromium' | 'Electron';

export interface PdfSource {
  /** The Word minutes (LibreOffice converts these). */
  docx: Buffer;
  /** The web page of the same minutes (Chromium and Electron print this). */
  html: string;
}

export interface MadePdf {
  bytes: Buffer;
  madeBy: PdfMakerName;
}

export type PdfMaker = (source: PdfSource) => Promise<Buffer>;

/** No way to make a PDF here: the message says what to install. */
export class PdfUnavailableError extends Error {}

export const PDF_INSTALL_HINT =
  'No PDF maker was found: install LibreOffice (Debian: apt-get install libreoffice-writer-nogui fonts-liberation2) or Chromium (apt-get install chromium), or set MEETING_CLERK_SOFFICE or CHROMIUM_PATH';

let desktopMaker: PdfMaker | null = null;
/** The desktop shell registers Electron's printToPDF here; the command line and browser host never do. */
export function setDesktopPdfMaker(maker: PdfMaker | null): void {
  desktopMaker = maker;
}

function onPath(names: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
  }
  return undefined;
}

export function findSoffice(): string | undefined {
  const own = process.env.MEETING_CLERK_SOFFICE;
  if (own) return existsSync(own) ? own : undefined;
  return onPath(['soffice', 'libreoffice']) ?? ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
}

export function findChromium(): string | undefined {
  const own = process.env.CHROMIUM_PATH;
  if (own) return existsSync(own) ? own : undefined;
  return onPath(['chromium', 'chromium-browser', 'google-chrome']);
}

async function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  // Loaded when a PDF is made: every start of the bundled commands (npm run export, npm run serve) would otherwise load it.
  const { execFile } = loadBuiltin<typeof import('node:child_process')>('node:child_process');
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${file} failed: ${String(stderr || error.message).trim().split('\n')[0]}`));
      else resolve();
    });
  });
}

/** LibreOffice's writer_pdf_Export filter with tagged output and PDF/UA; bookmarks (the outline) are on by default. */
export const LIBREOFFICE_PDF_FILTER =
  'pdf:writer_pdf_Export:' +
  JSON.stringify({
    UseTaggedPDF: { type: 'boolean', value: 'true' },
    PDFUACompliance: { type: 'boolean', value: 'true' },
    ExportBookmarks: { type: 'boolean', value: 'true' },
    EmbedStandardFonts: { type: 'boolean', value: 'true' },
  });

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'meeting-clerk-pdf-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function libreOfficePdf(soffice: string): PdfMaker {
  return (source) =>
    withTempDir(async (dir) => {
      // A profile of its own, so it runs beside a LibreOffice the clerk has open.
      const profile = join(dir, 'profile');
      const file = join(dir, 'minutes.docx');
      writeFileSync(file, source.docx);
      await run(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', LIBREOFFICE_PDF_FILTER, '--outdir', dir, file],
        { ...process.env, HOME: profile },
      );
      const pdf = join(dir, 'minutes.pdf');
      if (!existsSync(pdf)) throw new Error('LibreOffice did not write the PDF');
      return readFileSync(pdf);
    });
}

export function chromiumPdf(chromium: string): PdfMaker {
  return (source) =>
    withTempDir(async (dir) => {
      const file = join(dir, 'minutes.html');
      const pdf = join(dir, 'minutes.pdf');
      writeFileSync(file, source.html);
      await run(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${join(dir, 'profile')}`,
          '--export-tagged-pdf',
          '--generate-pdf-document-outline',
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdf}`,
          pathToFileURL(file).href,
        ],
        process.env,
      );
      if (!existsSync(pdf)) throw new Error('Chromium did not write the PDF');
      return readFileSync(pdf);
    });
}

/** The PDF by the first maker at hand: Electron in the desktop app, else LibreOffice, else Chromium. */
export async function makePdf(source: PdfSource, prefer?: PdfMakerName): Promise<MadePdf> {
  if (desktopMaker && (prefer === undefined || prefer === 'Electron')) return { bytes: await desktopMaker(source), madeBy: 'Electron' };
  const soffice = prefer === 'Chromium' ? undefined : findSoffice();
  if (soffice) return { bytes: await libreOfficePdf(soffice)(source), madeBy: 'LibreOffice' };
  const chromium = prefer === 'LibreOffice' ? undefined : findChromium();
  if (chromium) return { bytes: await chromiumPdf(chromium)(source), madeBy: 'Chromium' };
  throw new PdfUnavailableError(PDF_INSTALL_HINT);
}
