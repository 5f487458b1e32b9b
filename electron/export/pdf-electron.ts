/**
 * The desktop app's PDF maker: Electron prints the minutes' web page with
 * tagged output and a document outline. A shell file (it imports 'electron'),
 * kept thin; Electron cannot run on the build machines, so this is
 * type-checked but not tested there: the same web page is printed by Chromium
 * in the tests (electron/export/pdf.ts).
 */
import { BrowserWindow } from 'electron';
import type { PdfMaker } from './pdf';

export const electronPdf: PdfMaker = async (source) => {
  // An offscreen window with no preload, no Node and JavaScript off: the page has no scripts and needs none.
  const win = new BrowserWindow({
    show: false,
    // A session of its own, so blocking its requests leaves the app's window alone.
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, partition: 'meeting-clerk-pdf', disableBlinkFeatures: 'Auxclick' },
  });
  try {
    win.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:') }));
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(source.html)}`);
    const pdf = await win.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    return Buffer.from(pdf);
  } finally {
    win.destroy();
  }
};
