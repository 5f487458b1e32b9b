/**
 * An agenda saved as a Word .docx -> agenda items, through mammoth and the
 * shared text parser. Plain Node (no electron import), so vitest runs it.
 *
 * mammoth's raw text loses Word's automatic numbering ("1." drawn by a
 * numbered list is not in the text), so the document goes to HTML and each
 * top-level item of a numbered list gets its number back: numbering carries
 * on across the paragraphs between list items (presenter lines break a
 * Word list into several <ol>s), and a typed number ("7. Title") resets it.
 * Agendas laid out as a table (number | title | pages) become one line per
 * row.
 */
import mammoth from 'mammoth';
import { parseAgendaText, type ParsedAgenda } from '../../shared/import/agenda-text';
import {
  checkImportSize,
  describeBinaryFormat,
  importFail,
  type ImportResult,
} from '../../shared/import/decode';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits';
import { isEncryptedOffice, unpackDocx, DOCX_LIMITS, DOCX_MESSAGES, type DocxLimits } from './docx-zip';

/** Word files carry styles and sometimes a logo; allow more than for text files (shared/limits.ts). */
export const MAX_DOCX_BYTES = MAX_IMPORT_FILE_BYTES;

/** The most text an agenda may hold: the same as a pasted agenda (shared/schemas.ts). */
export const MAX_AGENDA_CHARS = 1_000_000;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'br', 'tr', 'td', 'th', 'table', 'ol', 'ul']);
const TYPED_NUMBER = /^(\d{1,3})[.)]\s/;

/** mammoth's HTML -> text lines, with Word's list numbers written back in. */
export function agendaHtmlToText(html: string): string {
  const out: string[] = [];
  const lists: ('ol' | 'ul')[] = [];
  let buffer = '';
  let lastNumber = 0;
  let tableDepth = 0;
  let cell: string[] | null = null;
  let row: string[][] | null = null;

  const emit = (line: string): void => {
    if (tableDepth > 0 && cell) cell.push(line);
    else out.push(line);
  };
  const flush = (): void => {
    const text = decodeEntities(buffer).replace(/\s+/g, ' ').trim();
    buffer = '';
    if (text === '') return;
    const typed = TYPED_NUMBER.exec(text);
    if (typed && tableDepth === 0) lastNumber = Number(typed[1]);
    emit(text);
  };
  const emitRow = (cells: string[][]): void => {
    const filled = cells.filter((c) => c.length > 0);
    const first = filled[0];
    const second = filled[1];
    const number = first && first.length === 1 ? /^(?:item\s+)?(\d{1,3})\.?$/i.exec(first[0] ?? '') : null;
    if (number && second && second.length > 0) {
      lastNumber = Number(number[1]);
      out.push(`${number[1]}. ${second[0] ?? ''}`);
      out.push(...second.slice(1));
      for (const rest of filled.slice(2)) out.push(...rest);
    } else {
      for (const c of filled) out.push(...c);
    }
  };

  const tag = /<(\/?)([a-z0-9]+)\b[^>]*?(\/?)>|([^<]+)/gi;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m[4] !== undefined) {
      buffer += m[4];
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (!BLOCK.has(name)) continue;
    flush();
    if (name === 'ol' || name === 'ul') {
      if (closing) lists.pop();
      else lists.push(name);
    } else if (name === 'li' && !closing) {
      if (lists.length === 1 && lists[0] === 'ol' && tableDepth === 0) {
        lastNumber += 1;
        buffer = `${lastNumber}. `;
      }
    } else if (name === 'table') {
      tableDepth += closing ? -1 : 1;
      if (tableDepth < 0) tableDepth = 0;
    } else if (name === 'tr' && tableDepth === 1) {
      if (!closing) row = [];
      else if (row) {
        emitRow(row);
        row = null;
      }
    } else if ((name === 'td' || name === 'th') && tableDepth === 1) {
      if (!closing) {
        cell = [];
        row?.push(cell);
      } else cell = null;
    }
  }
  flush();
  return out.join('\n');
}

/**
 * Reads an agenda from the bytes of a .docx file. Call it in the parsing
 * worker (electron/import/isolated.ts), never where the database is: even
 * with every limit below, mammoth on a large document takes memory and time.
 */
export async function readAgendaDocx(bytes: Buffer | Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<ImportResult<ParsedAgenda>> {
  const sizeProblem = checkImportSize(bytes.byteLength, MAX_DOCX_BYTES);
  if (sizeProblem) return importFail(sizeProblem.replace('The file', 'The Word document'));
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    if (isEncryptedOffice(bytes)) return importFail(DOCX_MESSAGES.encrypted);
    const known = describeBinaryFormat(bytes);
    if (known?.includes('older Office')) {
      return importFail(
        'This is an older Word .doc file. Open it in Word and save it as a .docx, or paste the agenda as text.',
      );
    }
    return importFail(
      `${known ?? 'This is not a Word document.'} Choose the agenda saved as a Word .docx file, or paste the agenda as text.`,
    );
  }
  // Sizes checked from the central directory, then only the XML parts inflated, each capped.
  const unpacked = unpackDocx(bytes, limits);
  if (!unpacked.ok) return importFail(unpacked.message);
  let html: string;
  try {
    html = (
      await mammoth.convertToHtml(
        { buffer: Buffer.from(unpacked.zip.buffer, unpacked.zip.byteOffset, unpacked.zip.byteLength) },
        // Pictures were left out (their parts are empty): never read them.
        { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
      )
    ).value;
  } catch (error) {
    const detail = error instanceof Error && /main document part/i.test(error.message)
      ? ' It is a zip file but has no Word document inside (it may be an Excel or PowerPoint file).'
      : ' It may be damaged or not a .docx file.';
    return importFail(`The Word document could not be read.${detail}`);
  }
  const text = agendaHtmlToText(html);
  if (text.trim() === '') return importFail('The Word document contains no text.');
  if (text.length > MAX_AGENDA_CHARS) return importFail(tooMuchText());
  return parseAgendaText(text);
}

const tooMuchText = () =>
  `This Word file holds more text than an agenda can (over ${MAX_AGENDA_CHARS.toLocaleString('en-GB')} characters). Check that you chose the agenda; nothing was saved.`;
