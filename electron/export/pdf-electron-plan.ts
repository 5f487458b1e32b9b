/**
 * Everything the desktop app's PDF maker does except the Electron call
 * itself: the offscreen window's options, the request filter (the page may
 * load nothing but itself), the page as a data: URL and the printToPDF
 * options (tagged, with an outline, the page size from the page's own CSS so
 * a council template's page carries over, and its header and footer with
 * it: they are the page's margin boxes, not printToPDF's headerTemplate). The shell file
 * (pdf-electron.ts) passes a real BrowserWindow; the tests pass a stand-in,
 * since Electron cannot run on the build machines. Plain Node: no 'electron'
 * import here.
 */
import type { PdfSource } from './pdf';

/** An offscreen window with no preload, no Node and JavaScript off: the page has no scripts and needs none. */
export const PDF_WINDOW_OPTIONS = {
  show: false,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    // A session of its own, so blocking its requests leaves the app's window alone.
    partition: 'meeting-clerk-pdf',
    disableBlinkFeatures: 'Auxclick',
  },
} as const;

export const PRINT_TO_PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  // The page's @page rule wins (the size and margins of the council's template, when there is one).
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
  // The council's running header and footer (its logo, words and page numbers) are the page's own CSS margin boxes
  // (shared/minutes/html.ts), printed by Electron's Chromium as by the command line's; Chromium's own header and
  // footer (date, title and address) stay off, as --no-pdf-header-footer keeps them off there.
  displayHeaderFooter: false,
} as const;

/** The page is self-contained (styles and the logo inline): anything it asks for beyond itself is refused. */
export const allowPdfRequest = (url: string): boolean => url.startsWith('data:');

export const pdfPageUrl = (html: string): string => `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;

/** What of a BrowserWindow the maker uses. */
export interface PdfWindow {
  webContents: {
    session: { webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void } };
    printToPDF(options: typeof PRINT_TO_PDF_OPTIONS): Promise<Uint8Array>;
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

/** Prints the web page of the minutes in a window made by `open`; the window is destroyed whatever happens. */
export async function printInWindow(source: PdfSource, open: (options: typeof PDF_WINDOW_OPTIONS) => PdfWindow): Promise<Buffer> {
  const win = open(PDF_WINDOW_OPTIONS);
  try {
    win.webContents.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowPdfRequest(details.url) }));
    await win.loadURL(pdfPageUrl(source.html));
    return Buffer.from(await win.webContents.printToPDF(PRINT_TO_PDF_OPTIONS));
  } finally {
    win.destroy();
  }
}
