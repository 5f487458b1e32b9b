/**
 * The running header and footer of a council's Word template, as the web
 * page and the PDF made from it carry them: its words, its page number
 * fields and its logo. The Word export uses the template's own header and
 * footer parts; this is what of them reaches the HTML (the logo in the
 * masthead) and the PDF printed from the HTML (the page's margin boxes,
 * which Chromium and Electron print at the top and foot of every page, with
 * "Page 3 of 7" where the template has PAGE and NUMPAGES fields). Read from
 * the template's kit by electron/export/template-heads.ts. Pure; no Node or
 * DOM.
 */

/** A piece of a header or footer line: words, or a page number field. */
export type HeadPiece = { text: string } | { field: 'page' | 'pages' };

export interface HeadLine {
  /** The paragraphs' pieces; a piece "\n" parts two paragraphs. */
  pieces: HeadPiece[];
  /** Where the template puts it (its first paragraph's alignment). */
  align: 'left' | 'center' | 'right';
}

export interface HeadLogo {
  mime: 'image/png' | 'image/jpeg' | 'image/gif';
  base64: string;
  /** The picture's alt text in the template, else "<council> logo". */
  alt: string;
  /** Its size in the template's header, in millimetres. */
  widthMm: number;
  heightMm: number;
}

/** One page's running header and footer; the logo is the header's first picture. */
export interface PageHead {
  header: HeadLine | null;
  footer: HeadLine | null;
  logo: HeadLogo | null;
}

export interface PageHeads {
  /** Every page. */
  page: PageHead;
  /** The first page, when the template gives it its own header and footer. */
  first: PageHead | null;
}

/** Whether a line has anything to show. */
export const hasWords = (line: HeadLine | null): line is HeadLine =>
  !!line && line.pieces.some((p) => ('field' in p ? true : p.text.trim() !== ''));
