/**
 * Past minutes saved as Word .docx -> text lines for the shared reader
 * (shared/import/past-minutes.ts). Runs in the parsing worker (isolated.ts):
 * the file's size, then its zip's declared sizes, are checked before any part
 * is inflated (docx-zip.ts), and the XML is read with @xmldom/xmldom, never
 * given a DTD.
 *
 * mammoth is not used: minutes mark their points and resolutions with Word's
 * own numbering ("(a)", "(iv)"), which is drawn by Word and not in the text,
 * and mammoth's HTML says "a numbered list" without saying lettered or roman.
 * So each paragraph's numbering (direct w:numPr, or its style's) is looked up
 * in numbering.xml (the level's format, text and start, any override) and
 * counted, and the marker is written back before the paragraph's words, as a
 * reader sees it. A table row becomes one line, its cells joined by a tab
 * (the attendance lists are tables of name and organisation).
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { checkImportSize, describeBinaryFormat, importFail, importOk, type ImportResult } from '../../shared/import/decode';
import { isActionHeading, mayBeActionHeader } from '../../shared/import/past-actions';
import { readPastMinutes, type PastMeeting } from '../../shared/import/past-minutes';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits';
import { DOCX_LIMITS, DOCX_MESSAGES, inflateDocxParts, isEncryptedOffice, type DocxLimits } from './docx-zip';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export const MINUTES_DOCX_MESSAGES = {
  notDocx: (known: string | null) => `${known ?? 'This is not a Word document.'} Choose minutes saved as a Word .docx file, or paste their text; nothing was saved.`,
  oldDoc: 'This is an older Word .doc file. Open it in Word and save it as a .docx, or paste the minutes as text; nothing was saved.',
  noDocument: 'This file has no Word document inside (it may be an Excel or PowerPoint file). Choose minutes saved as .docx; nothing was saved.',
  dtd: 'The Word document could not be read: it declares its own XML entities, which Word never writes, so it may be made to cause harm. Nothing was saved.',
  badXml: 'The Word document could not be read: its text is not well-formed XML. It may be damaged; nothing was saved.',
  empty: 'The Word document contains no text (a scanned document holds pictures of pages, not words). Nothing was saved.',
};

class Refusal extends Error {}

function parseXml(bytes: Uint8Array | undefined): Element | null {
  if (!bytes || bytes.length === 0) return null;
  const text = new TextDecoder('utf-8').decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new Refusal(MINUTES_DOCX_MESSAGES.dtd);
  let failed = false;
  const doc = new DOMParser({
    onError: (level) => {
      if (level !== 'warning') failed = true;
    },
  }).parseFromString(text, 'text/xml');
  if (failed || !doc.documentElement) throw new Refusal(MINUTES_DOCX_MESSAGES.badXml);
  return doc.documentElement;
}

const isW = (n: Node, local: string): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === local;
const attr = (e: Element, local: string) => e.getAttributeNS(W, local) ?? e.getAttribute(`w:${local}`);
const kids = (e: Element): Element[] => {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
};
const child = (e: Element | undefined, local: string) => (e ? kids(e).find((k) => isW(k, local)) : undefined);
const val = (e: Element | undefined) => (e ? attr(e, 'val') : null);

interface Level {
  format: string;
  text: string;
  start: number;
}

/** numbering.xml: each w:num's levels (its abstract definition's, with any start overrides). */
function readNumbering(root: Element | null): Map<string, Map<number, Level>> {
  const out = new Map<string, Map<number, Level>>();
  if (!root) return out;
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of kids(root).filter((k) => isW(k, 'abstractNum'))) {
    const levels = new Map<number, Level>();
    for (const l of kids(a).filter((k) => isW(k, 'lvl'))) {
      levels.set(Number(attr(l, 'ilvl') ?? 0), {
        format: val(child(l, 'numFmt')) ?? 'decimal',
        text: val(child(l, 'lvlText')) ?? '',
        start: Number(val(child(l, 'start')) ?? 1),
      });
    }
    abstracts.set(attr(a, 'abstractNumId') ?? '', levels);
  }
  for (const n of kids(root).filter((k) => isW(k, 'num'))) {
    const levels = new Map(abstracts.get(val(child(n, 'abstractNumId')) ?? '') ?? []);
    for (const o of kids(n).filter((k) => isW(k, 'lvlOverride'))) {
      const ilvl = Number(attr(o, 'ilvl') ?? 0);
      const start = val(child(o, 'startOverride'));
      const base = levels.get(ilvl);
      if (base && start !== null) levels.set(ilvl, { ...base, start: Number(start) });
    }
    out.set(attr(n, 'numId') ?? '', levels);
  }
  return out;
}

/** styles.xml: the numbering a paragraph style carries (Word's List Bullet, List Number …). */
function readStyleNumbering(root: Element | null): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (!root) return out;
  for (const s of kids(root).filter((k) => isW(k, 'style'))) {
    const numPr = child(child(s, 'pPr'), 'numPr');
    const numId = val(child(numPr, 'numId'));
    if (numId) out.set(attr(s, 'styleId') ?? '', { numId, ilvl: Number(val(child(numPr, 'ilvl')) ?? 0) });
  }
  return out;
}

const ROMAN: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}
function letters(n: number): string {
  let out = '';
  let i = n - 1;
  do {
    out = String.fromCharCode(97 + (i % 26)) + out;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return out;
}
function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

/** The words of a paragraph (or a run container), tabs and breaks kept. */
function textOf(e: Element): string {
  let out = '';
  const walk = (n: Element) => {
    for (const k of kids(n)) {
      if (isW(k, 't')) out += k.textContent ?? '';
      else if (isW(k, 'tab')) out += '\t';
      else if (isW(k, 'br') || isW(k, 'cr')) out += '\n';
      else if (isW(k, 'delText') || isW(k, 'del') || isW(k, 'pPr') || isW(k, 'rPr') || isW(k, 'instrText')) continue;
      else walk(k);
    }
  };
  walk(e);
  return out;
}

/** The text lines of a .docx body, as a reader sees them: list markers written back in, table rows as tab-separated lines. */
export function docxLines(documentXml: Element, numbering: Map<string, Map<number, Level>>, styles: Map<string, { numId: string; ilvl: number }>): string[] {
  const lines: string[] = [];
  const counters = new Map<string, number[]>();
  const marker = (p: Element): string => {
    const pPr = child(p, 'pPr');
    const direct = child(pPr, 'numPr');
    const styled = styles.get(val(child(pPr, 'pStyle')) ?? '');
    const numId = val(child(direct, 'numId')) ?? styled?.numId ?? null;
    if (!numId || numId === '0') return '';
    const ilvl = Number(val(child(direct, 'ilvl')) ?? styled?.ilvl ?? 0);
    const level = numbering.get(numId)?.get(ilvl);
    if (!level) return '';
    const count = counters.get(numId) ?? [];
    count[ilvl] = count[ilvl] === undefined ? level.start : count[ilvl]! + 1;
    count.length = ilvl + 1;
    counters.set(numId, count);
    if (level.format === 'bullet') return '• ';
    if (level.format === 'none') return '';
    const text = level.text.replace(/%(\d)/g, (_m, d: string) => {
      const at = Number(d) - 1;
      const lvl = numbering.get(numId)?.get(at);
      return formatNumber(count[at] ?? lvl?.start ?? 1, lvl?.format ?? 'decimal');
    });
    return text ? `${text} ` : '';
  };
  const block = (e: Element) => {
    for (const k of kids(e)) {
      if (isW(k, 'p')) {
        const words = textOf(k);
        const mark = marker(k);
        for (const [i, line] of words.split('\n').entries()) lines.push(i === 0 ? `${mark}${line}` : line);
      } else if (isW(k, 'tbl')) {
        for (const tr of kids(k).filter((r) => isW(r, 'tr'))) {
          const cells = kids(tr)
            .filter((c) => isW(c, 'tc'))
            .map((c) =>
              kids(c)
                .filter((p) => isW(p, 'p'))
                .map((p) => textOf(p).replace(/\s+/g, ' ').trim())
                .filter(Boolean)
                .join(' '),
            );
          // A header row repeated on each page names the columns ("Name", "Role and organisation"): not part of the list.
          // An action log's header is kept: it is how the reader knows the table's columns (shared/import/past-actions.ts).
          const header = child(child(tr, 'trPr'), 'tblHeader');
          // Under a heading of actions ("Action log"), a header row in other words ("Item | Task | Who | When") is kept too.
          const headingBefore = header !== undefined && recentLines(lines, 3).some(isActionHeading);
          if (header && !/^(false|0|off)$/i.test(val(header) ?? '') && !cells.some((c) => /^actions?\b|^description$/i.test(c)) && !mayBeActionHeader(cells, headingBefore)) continue;
          // Empty cells are kept (an action with no number or status), so each cell stays under its column.
          if (cells.some(Boolean)) lines.push(cells.length > 1 ? cells.join('\t') : cells[0]!);
        }
      } else if (isW(k, 'sdt')) {
        const content = child(k, 'sdtContent');
        if (content) block(content);
      }
    }
  };
  const body = child(documentXml, 'body');
  if (body) block(body);
  return lines;
}

/** The last `n` lines with words, newest first (looked back from the end, not over the whole document). */
function recentLines(lines: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = lines.length - 1; i >= 0 && out.length < n; i--) if (lines[i]!.trim()) out.push(lines[i]!);
  return out;
}

/** Reads past minutes from the bytes of a .docx. Call it in the parsing worker, never where the database is. */
export function readMinutesDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): ImportResult<PastMeeting> {
  const sizeProblem = checkImportSize(bytes.byteLength, MAX_IMPORT_FILE_BYTES);
  if (sizeProblem) return importFail(sizeProblem.replace('The file', 'The Word document'));
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    if (isEncryptedOffice(bytes)) return importFail(DOCX_MESSAGES.encrypted);
    const known = describeBinaryFormat(bytes);
    if (known?.includes('older Office')) return importFail(MINUTES_DOCX_MESSAGES.oldDoc);
    return importFail(MINUTES_DOCX_MESSAGES.notDocx(known));
  }
  const parts = inflateDocxParts(bytes, limits);
  if (!parts.ok) return importFail(parts.message.replace('Check that you chose the agenda', 'Check that you chose the minutes').replace('or paste the agenda as text', 'or paste the minutes as text'));
  try {
    const document = parseXml(parts.files['word/document.xml']);
    if (!document) return importFail(MINUTES_DOCX_MESSAGES.noDocument);
    const lines = docxLines(document, readNumbering(parseXml(parts.files['word/numbering.xml'])), readStyleNumbering(parseXml(parts.files['word/styles.xml'])));
    if (!lines.some((l) => l.trim())) return importFail(MINUTES_DOCX_MESSAGES.empty);
    const read = readPastMinutes(lines);
    return read.ok ? importOk(read.value) : importFail(read.message);
  } catch (error) {
    if (error instanceof Refusal) return importFail(error.message);
    return importFail('The Word document could not be read. It may be damaged or not a .docx file; nothing was saved.');
  }
}
