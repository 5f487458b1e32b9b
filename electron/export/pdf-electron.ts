/**
 * The desktop app's PDF maker: Electron prints the minutes' web page with
 * tagged output and a document outline. A shell file (it imports 'electron'),
 * kept to the one call: what it does around that call is in
 * pdf-electron-plan.ts and tested there with a stand-in window. Electron
 * cannot run on the build machines, so the BrowserWindow call itself is
 * type-checked but untested; the same web page is printed by Chromium in the
 * tests (electron/export/pdf.ts).
 */
import { BrowserWindow } from 'electron';
import type { PdfMaker } from './pdf';
import { printInWindow } from './pdf-electron-plan';

export const electronPdf: PdfMaker = (source) => printInWindow(source, (options) => new BrowserWindow(options));
