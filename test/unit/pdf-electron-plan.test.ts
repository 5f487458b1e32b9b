/**
 * The desktop app's PDF maker around its one Electron call (issue 20): the
 * window it opens, the requests it lets through, the page it loads and how
 * it prints, driven with a stand-in window. Electron's own printToPDF cannot
 * run here (there is no Electron binary on the build machines); that call is
 * untested.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateHeads } from '../../electron/export/template-heads';
import { readWordTemplate } from '../../electron/import/word-template';
import { minutesToHtml } from '../../shared/minutes/html';
import { DEFAULT_HOUSE_STYLE_FULL } from '../../shared/minutes/house-style';
import { allowPdfRequest, pdfPageUrl, PDF_WINDOW_OPTIONS, printInWindow, PRINT_TO_PDF_OPTIONS, type PdfWindow } from '../../electron/export/pdf-electron-plan';

const HTML = '<!DOCTYPE html><html lang="en-GB"><head><title>Minutes</title><style>@page { size: 210mm 297mm; }</style></head><body><h1>Minutes – 100% “approved” #1</h1></body></html>';

/** A window that records what is done to it, in order. */
function standIn(options: { printFails?: boolean } = {}) {
  const events: string[] = [];
  let filter: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null = null;
  let opened: unknown = null;
  let loaded = '';
  let printedWith: unknown = null;
  const open = (given: typeof PDF_WINDOW_OPTIONS): PdfWindow => {
    opened = given;
    events.push('open');
    return {
      webContents: {
        session: {
          webRequest: {
            onBeforeRequest: (listener) => {
              events.push('filter');
              filter = listener;
            },
          },
        },
        printToPDF: async (printOptions) => {
          events.push('print');
          printedWith = printOptions;
          if (options.printFails) throw new Error('printing failed');
          return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
        },
      },
      loadURL: async (url) => {
        events.push('load');
        loaded = url;
      },
      destroy: () => events.push('destroy'),
    };
  };
  const decide = (url: string) => {
    let cancel: boolean | undefined;
    filter!({ url }, (r) => (cancel = r.cancel));
    return cancel;
  };
  return { open, events, decide, get opened() { return opened; }, get loaded() { return loaded; }, get printedWith() { return printedWith; } };
}

describe('the desktop PDF maker, around the Electron call', () => {
  it('opens a sandboxed window with no Node and no scripts, in a session of its own', () => {
    expect(PDF_WINDOW_OPTIONS).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, partition: 'meeting-clerk-pdf' } });
  });

  it('filters requests before loading the page, loads the page itself, prints tagged with an outline, and closes the window', async () => {
    const w = standIn();
    const pdf = await printInWindow({ docx: Buffer.alloc(0), html: HTML }, w.open);
    expect(w.events).toEqual(['open', 'filter', 'load', 'print', 'destroy']);
    expect(w.opened).toBe(PDF_WINDOW_OPTIONS);
    expect(w.loaded.startsWith('data:text/html;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(w.loaded.slice('data:text/html;charset=utf-8,'.length))).toBe(HTML);
    expect(w.printedWith).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true, displayHeaderFooter: false });
    expect(pdf).toEqual(Buffer.from('%PDF'));
  });

  it('lets the page load nothing but itself', async () => {
    const w = standIn();
    await printInWindow({ docx: Buffer.alloc(0), html: HTML }, w.open);
    expect(w.decide(pdfPageUrl(HTML))).toBe(false);
    for (const url of ['https://council.example/logo.png', 'http://127.0.0.1:8080/api/bodies.list', 'file:///etc/passwd', 'app://meeting-clerk/index.html', 'ws://127.0.0.1/']) {
      expect(w.decide(url), url).toBe(true);
    }
    expect(allowPdfRequest('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
  });

  it('closes the window when printing fails, and the failure reaches the caller', async () => {
    const w = standIn({ printFails: true });
    await expect(printInWindow({ docx: Buffer.alloc(0), html: HTML }, w.open)).rejects.toThrow('printing failed');
    expect(w.events.at(-1)).toBe('destroy');
  });

  it('takes the page size from the page’s CSS (a council template’s page carries over)', () => {
    expect(PRINT_TO_PDF_OPTIONS.preferCSSPageSize).toBe(true);
  });

  it('prints the council template’s header and footer as the page draws them, with no header of Chromium’s own', async () => {
    const kit = readWordTemplate(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'templates', 'borsetshire-template.docx')));
    if (!kit.ok) throw new Error(kit.error.message);
    const heads = templateHeads(kit.value.kit, 'Borsetshire Council');
    const html = minutesToHtml(
      { title: 'Minutes', bodyName: 'Borsetshire Board', meetingDate: '2026-06-12', draft: false, part: 'public', blocks: [] },
      DEFAULT_HOUSE_STYLE_FULL,
      { heads },
    );
    const w = standIn();
    await printInWindow({ docx: Buffer.alloc(0), html }, w.open);
    const page = decodeURIComponent(w.loaded.slice('data:text/html;charset=utf-8,'.length));
    expect(page).toContain('@bottom-center { content: "Borsetshire Council, County Hall, Borchester BC1 1AA – Page " counter(page);');
    expect(page).toMatch(/@top-left \{ content: "Borsetshire Council";[^}]*background: url\("data:image\/png;base64,/);
    // The logo comes with the page: the request filter lets a data: URL through, and nothing else.
    expect(w.decide('data:image/png;base64,iVBORw0KGgo=')).toBe(false);
    expect(w.printedWith).toMatchObject({ displayHeaderFooter: false, preferCSSPageSize: true, printBackground: true });
  });
});
