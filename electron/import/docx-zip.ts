/**
 * A .docx is a zip. Before anything inflates one, its central directory is
 * read (our own reader, bounded by the file's length) and the sizes each part
 * declares are checked against limits: a 600 KB zip bomb declares hundreds of
 * MB and is refused without one byte being inflated. Then only the parts
 * mammoth reads (XML and relationships) are inflated, each through fflate's
 * streaming inflater in small chunks and stopped the moment its output passes
 * the size it declared, so a part that lies about its size is refused too.
 * What mammoth is finally given is a new zip of those parts, stored without
 * compression: mammoth never inflates anything itself.
 *
 * Pictures, fonts and embedded files are never inflated (an agenda's text
 * does not need them): they go into the new zip empty.
 *
 * Plain Node, no Electron: it runs in the parsing worker (see isolated.ts).
 */
import { Inflate, zipSync } from 'fflate';

export const MB = 1024 * 1024;

export const DOCX_LIMITS = {
  /** Every part together, as declared by the central directory. */
  totalBytes: 50 * MB,
  /** Any one XML part, the document itself included. */
  partBytes: 10 * MB,
  /** Parts listed in the central directory. A long agenda has a few dozen. */
  entries: 5_000,
};

export type DocxLimits = typeof DOCX_LIMITS;

export type DocxUnpacked = { ok: true; zip: Uint8Array; parts: number } | { ok: false; message: string };

export const DOCX_MESSAGES = {
  damaged: 'The Word document could not be read. It may be damaged or not a .docx file.',
  tooLarge: (limit: number) =>
    `This Word file is too large to read: its text would take more than ${Math.round(limit / MB)} MB once unpacked. Check that you chose the agenda; nothing was saved.`,
  tooManyParts: (limit: number) =>
    `This Word file is too large to read: it holds more than ${limit.toLocaleString('en-GB')} parts. Check that you chose the agenda; nothing was saved.`,
  encrypted:
    'This Word file is protected with a password, so it cannot be read. Open it in Word, remove the password, save it and try again, or paste the agenda as text.',
  lying:
    'The Word document could not be read: one of its parts is larger than the file says it is, which happens only when a file is damaged or made to cause harm. Nothing was saved.',
  method: (method: number) =>
    `The Word document could not be read: it is compressed in a way Word does not use (method ${method}). It may be damaged or not a .docx file.`,
};

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

class ZipRefusal extends Error {}

const u16 = (b: Uint8Array, at: number): number => {
  if (at < 0 || at + 2 > b.length) throw new ZipRefusal(DOCX_MESSAGES.damaged);
  return b[at]! | (b[at + 1]! << 8);
};
const u32 = (b: Uint8Array, at: number): number => {
  if (at < 0 || at + 4 > b.length) throw new ZipRefusal(DOCX_MESSAGES.damaged);
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
};
/** A zip64 8-byte number; anything past 2^53 is far over every limit anyway. */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x100000000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** The central directory's entries, read without inflating anything. */
function readCentralDirectory(bytes: Uint8Array, limits: DocxLimits, messages: Pick<typeof DOCX_MESSAGES, 'tooManyParts'>): Entry[] {
  // The end-of-central-directory record: 22 bytes plus a comment of up to 64 KB.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(bytes, at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefusal(DOCX_MESSAGES.damaged);
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if ((count === 0xffff || offset === MAX32) && eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR) {
    const z64 = u64(bytes, eocd - 12);
    if (u32(bytes, z64) !== ZIP64_EOCD) throw new ZipRefusal(DOCX_MESSAGES.damaged);
    count = u64(bytes, z64 + 32);
    offset = u64(bytes, z64 + 48);
  }
  if (count > limits.entries) throw new ZipRefusal(messages.tooManyParts(limits.entries));
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== CENTRAL) throw new ZipRefusal(DOCX_MESSAGES.damaged);
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localOffset = u32(bytes, at + 42);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength + commentLength > bytes.length) throw new ZipRefusal(DOCX_MESSAGES.damaged);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(bytes.subarray(nameStart, nameStart + nameLength));
    // zip64: the sizes that do not fit in 32 bits are in the extra field (id 1), in this order.
    if (uncompressedSize === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
      let extra = nameStart + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(bytes, extra);
        const size = u16(bytes, extra + 2);
        if (id === 1) {
          let field = extra + 4;
          if (uncompressedSize === MAX32) {
            uncompressedSize = u64(bytes, field);
            field += 8;
          }
          if (compressedSize === MAX32) {
            compressedSize = u64(bytes, field);
            field += 8;
          }
          if (localOffset === MAX32) localOffset = u64(bytes, field);
          break;
        }
        extra += 4 + size;
      }
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The parts mammoth reads: the XML and the relationships that tie them together. */
const isTextPart = (name: string) => /\.(xml|rels)$/i.test(name);

/** Inflates one part in small chunks, stopping as soon as it passes its declared size. */
function inflatePart(bytes: Uint8Array, entry: Entry): Uint8Array {
  if (u32(bytes, entry.localOffset) !== LOCAL) throw new ZipRefusal(DOCX_MESSAGES.damaged);
  const start = entry.localOffset + 30 + u16(bytes, entry.localOffset + 26) + u16(bytes, entry.localOffset + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipRefusal(DOCX_MESSAGES.damaged);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipRefusal(DOCX_MESSAGES.lying);
    return data.slice();
  }
  if (entry.method !== 8) throw new ZipRefusal(DOCX_MESSAGES.method(entry.method));
  const out = new Uint8Array(entry.uncompressedSize);
  let filled = 0;
  const inflater = new Inflate((chunk) => {
    if (filled + chunk.length > out.length) throw new ZipRefusal(DOCX_MESSAGES.lying);
    out.set(chunk, filled);
    filled += chunk.length;
  });
  // 16 KB in inflates to at most about 16 MB out (deflate's ratio tops out near 1032:1).
  const CHUNK = 16 * 1024;
  try {
    for (let at = 0; at < data.length; at += CHUNK) inflater.push(data.subarray(at, Math.min(at + CHUNK, data.length)), at + CHUNK >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipRefusal) throw error;
    throw new ZipRefusal(DOCX_MESSAGES.damaged);
  }
  if (filled !== out.length) throw new ZipRefusal(DOCX_MESSAGES.damaged);
  return out;
}

/** The zip's part names and the inflated bytes of the parts asked for. */
export type ZipParts = { ok: true; names: string[]; files: Map<string, Uint8Array> } | { ok: false; message: string };

/**
 * Checks a zip's declared sizes (every part together, and each part `wanted`
 * on its own), then inflates only the parts wanted, each with a cap. Shared by
 * the agenda reader and the Word template reader; `messages` words the
 * refusals for the file being read.
 */
export function unzipParts(
  bytes: Uint8Array,
  limits: DocxLimits,
  wanted: (name: string) => boolean,
  messages: Pick<typeof DOCX_MESSAGES, 'tooLarge' | 'tooManyParts'> = DOCX_MESSAGES,
): ZipParts {
  try {
    const entries = readCentralDirectory(bytes, limits, messages);
    let total = 0;
    for (const entry of entries) {
      if (wanted(entry.name) && entry.uncompressedSize > limits.partBytes) return { ok: false, message: messages.tooLarge(limits.partBytes) };
      total += entry.uncompressedSize;
      if (total > limits.totalBytes) return { ok: false, message: messages.tooLarge(limits.totalBytes) };
    }
    if (entries.some((e) => e.flags & 0x1)) return { ok: false, message: DOCX_MESSAGES.encrypted };
    const files = new Map<string, Uint8Array>();
    const seen = new Set<string>();
    for (const entry of entries) {
      if (entry.name.endsWith('/') || seen.has(entry.name)) continue;
      seen.add(entry.name);
      if (wanted(entry.name)) files.set(entry.name, inflatePart(bytes, entry));
    }
    return { ok: true, names: [...seen], files };
  } catch (error) {
    if (error instanceof ZipRefusal) return { ok: false, message: error.message };
    return { ok: false, message: DOCX_MESSAGES.damaged };
  }
}

/** The text parts of a .docx inflated (the others listed, empty), for readers that walk the parts themselves. */
export type DocxParts = { ok: true; files: Record<string, Uint8Array>; parts: number } | { ok: false; message: string };

export function inflateDocxParts(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): DocxParts {
  const read = unzipParts(bytes, limits, isTextPart);
  if (!read.ok) return read;
  const files: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  for (const name of read.names) files[name] = read.files.get(name) ?? new Uint8Array(0);
  return { ok: true, files, parts: read.files.size };
}

/**
 * Checks a .docx's declared sizes, then inflates its XML parts with a cap
 * and packs them into a zip that needs no inflating. Refusals are messages
 * a clerk can act on.
 */
export function unpackDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): DocxUnpacked {
  const inflated = inflateDocxParts(bytes, limits);
  if (!inflated.ok) return inflated;
  try {
    return { ok: true, zip: zipSync(inflated.files, { level: 0 }), parts: inflated.parts };
  } catch {
    return { ok: false, message: DOCX_MESSAGES.damaged };
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A password-protected .docx is not a zip but an OLE file holding an "EncryptedPackage" stream. */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  if (!OLE.every((b, i) => bytes[i] === b)) return false;
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker);
}
