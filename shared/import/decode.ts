/**
 * Bytes of an imported text file (a Teams attendance report, a pasted or
 * saved agenda) to a string. Pure: no Node or DOM imports; TextDecoder is
 * available in Node, Electron and every browser we ship to.
 *
 * Refuses, with a message a clerk can act on: empty files, files over
 * MAX_IMPORT_BYTES (checked before anything is decoded), binary files and
 * text that is not valid UTF-8 or UTF-16.
 */

import { describeSize, MAX_TEXT_FILE_BYTES } from '../limits';

/** The error every import parser answers with. `code` is always 'invalid_file'. */
export interface ImportError {
  code: 'invalid_file';
  message: string;
}

/** Same shape as shared/result.ts `Result<T>`, narrowed to the import error code. */
export type ImportResult<T> = { ok: true; value: T } | { ok: false; error: ImportError };

export const importOk = <T>(value: T): ImportResult<T> => ({ ok: true, value });
export const importFail = (message: string): { ok: false; error: ImportError } => ({
  ok: false,
  error: { code: 'invalid_file', message },
});

/** Largest text file we accept: a Teams report or an agenda is a few KB (see shared/limits.ts). */
export const MAX_IMPORT_BYTES = MAX_TEXT_FILE_BYTES;

/* TextDecoder is a global in every runtime we target, but shared/ compiles
 * without the DOM or Node type libraries, so declare the little we use. */
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => TextDecoderLike;

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: DetectedEncoding;
}

export { describeSize };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** A clear message for well-known binary formats, or null. */
export function describeBinaryFormat(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ZIP)) {
    return 'This is a zipped document (such as a Word .docx or Excel .xlsx file), not a text file.';
  }
  if (startsWith(bytes, OLE)) {
    return 'This is an older Office document (Word .doc or Excel .xls), not a text file.';
  }
  if (startsWith(bytes, PDF)) return 'This is a PDF, not a text file.';
  return null;
}

/** Checks the size without touching the contents: null when acceptable. */
export function checkImportSize(byteLength: number, limit = MAX_IMPORT_BYTES): string | null {
  if (byteLength === 0) return 'The file is empty.';
  if (byteLength > limit) {
    return `The file is ${describeSize(byteLength)}, over the ${describeSize(limit)} limit for imports. Check that you chose the right file.`;
  }
  return null;
}

function swapBytePairs(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1] ?? 0;
    out[i + 1] = bytes[i] ?? 0;
  }
  return out;
}

/** UTF-16 without a BOM: mostly ASCII text gives a zero in every other byte. */
function looksLikeBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Characters no text file of ours contains: C0 controls other than tab, LF, FF, CR. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string | null {
  if (bytes.length % 2 !== 0) return null;
  const le = encoding === 'utf-16be' ? swapBytePairs(bytes) : bytes;
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le);
  } catch {
    return null;
  }
}

/**
 * Decodes an imported text file. `what` names it in messages ("attendance
 * report", "agenda").
 */
export function decodeImportBytes(
  bytes: Uint8Array,
  what = 'file',
  limit = MAX_IMPORT_BYTES,
): ImportResult<DecodedText> {
  const sizeProblem = checkImportSize(bytes.byteLength, limit);
  if (sizeProblem) return importFail(sizeProblem.replace('The file', `The ${what}`));

  let text: string | null;
  let encoding: DetectedEncoding;
  if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = decodeUtf16(bytes.subarray(2), encoding);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = decodeUtf16(bytes.subarray(2), encoding);
  } else {
    const binary = describeBinaryFormat(bytes);
    if (binary) return importFail(`${binary} Choose the ${what} saved as text (.csv or .txt).`);
    const bomless = looksLikeBomlessUtf16(bytes);
    if (bomless) {
      encoding = bomless;
      text = decodeUtf16(bytes, bomless);
    } else {
      encoding = 'utf-8';
      const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
      if (body.includes(0)) {
        return importFail(`The ${what} contains binary data (NUL bytes), so it is not a text file.`);
      }
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
      } catch {
        return importFail(
          `The ${what} is not valid UTF-8 or UTF-16 text; it may be a binary file or damaged. Save it again as UTF-8 or Unicode text.`,
        );
      }
    }
  }
  if (text === null) {
    return importFail(`The ${what} says it is UTF-16 text but its contents are damaged or cut short.`);
  }
  if (text.trim() === '') return importFail(`The ${what} contains no text.`);
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0) {
    return importFail(`The ${what} contains binary data (control characters), so it is not a text file.`);
  }
  return importOk({ text, encoding });
}
