/**
 * Real .docx files made to hurt: a zip bomb (a valid Word document whose
 * document.xml inflates to hundreds of MB of repeated paragraphs), the same
 * bomb with its size fields lying, and a document whose one run holds
 * megabytes of text. Built from the fixture agenda's own parts, so each is a
 * Word document in every other way.
 *
 * The bomb is written without ever holding its inflated text: one paragraph
 * block is deflated once (ending on a byte boundary, referring to nothing
 * before it) and repeated; deflate streams may be joined like that.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'import', 'agenda-typed-numbers.docx');
export const MB = 1024 * 1024;

interface ZipPart {
  name: string;
  /** Raw deflate data (method 8). */
  data: Buffer;
  crc: number;
  size: number;
  /** What the headers say the part inflates to (a lie when it differs from size). */
  declaredSize?: number;
  /** Say the size in a zip64 extra field (8 bytes; the 32-bit field then reads 0xFFFFFFFF). */
  zip64?: boolean;
}

/** A deflated piece that ends on a byte boundary and is not the last block. */
const flushed = (text: Buffer | string) => deflateRawSync(typeof text === 'string' ? Buffer.from(text) : text, { finishFlush: constants.Z_SYNC_FLUSH });
/** The final, empty, fixed-Huffman block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

function part(name: string, content: Uint8Array): ZipPart {
  const buf = Buffer.from(content);
  return { name, data: deflateRawSync(buf), crc: crc32(buf), size: buf.length };
}

/** Writes a zip (every part deflated) with its central directory. */
export function writeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const declared = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.zip64 ? 0xffffffff : declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, p.data);
    const extra = Buffer.alloc(p.zip64 ? 12 : 0);
    if (p.zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(declared), 4);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.zip64 ? 0xffffffff : declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The fixture agenda's parts, and its document.xml cut where the body's content goes. */
function fixtureParts(): { others: ZipPart[]; head: string; tail: string } {
  const files = unzipSync(readFileSync(FIXTURE));
  const xml = Buffer.from(files['word/document.xml']!).toString('utf8');
  const bodyStart = xml.indexOf('<w:body>') + '<w:body>'.length;
  const sectPr = xml.lastIndexOf('<w:sectPr');
  const others = Object.entries(files)
    .filter(([name]) => name !== 'word/document.xml')
    .map(([name, content]) => part(name, content));
  return { others, head: xml.slice(0, bodyStart), tail: xml.slice(sectPr) };
}

/** A document.xml made of `head`, `repeat` copies of `block`, then `tail`, deflated without ever being whole. */
function repeatedDocument(head: string, block: string, repeat: number, tail: string): ZipPart {
  const blockBytes = Buffer.from(block);
  const deflatedBlock = flushed(blockBytes);
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  let crc = crc32(headBytes);
  for (let i = 0; i < repeat; i++) crc = crc32(blockBytes, crc);
  crc = crc32(tailBytes, crc);
  const data = Buffer.concat([flushed(headBytes), ...Array.from({ length: repeat }, () => deflatedBlock), flushed(tailBytes), FINAL_BLOCK]);
  return { name: 'word/document.xml', data, crc, size: headBytes.length + blockBytes.length * repeat + tailBytes.length };
}

const PARAGRAPH = '<w:p><w:r><w:t xml:space="preserve">1. Minutes of the previous meeting held on Tuesday 14 March </w:t></w:r></w:p>';

/**
 * A valid Word agenda whose document.xml inflates to about `mb` MB of
 * numbered paragraphs. With `declaredMb`, every header says the part is that
 * size instead (a lying bomb).
 */
export function zipBombDocx(mb: number, options: { declaredMb?: number; zip64?: boolean } = {}): Buffer {
  const { others, head, tail } = fixtureParts();
  const block = PARAGRAPH.repeat(Math.ceil((1 * MB) / PARAGRAPH.length));
  const document = repeatedDocument(head, block, Math.max(1, Math.round(mb)), tail);
  if (options.declaredMb !== undefined) document.declaredSize = Math.round(options.declaredMb * MB);
  if (options.zip64) document.zip64 = true;
  return writeZip([document, ...others]);
}

/** A valid Word document whose one paragraph has one run of about `mb` MB of words. */
export function hugeSingleRunDocx(mb: number): Buffer {
  const { others, head, tail } = fixtureParts();
  const words = ['agenda', 'minutes', 'council', 'member', 'report', 'budget', 'scrutiny', 'partnership', 'safety', 'housing'];
  let seed = 7;
  const text: string[] = [];
  let length = 0;
  while (length < mb * MB) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const word = words[seed % words.length]!;
    text.push(word);
    length += word.length + 1;
  }
  const xml = `${head}<w:p><w:r><w:t xml:space="preserve">${text.join(' ')}</w:t></w:r></w:p>${tail}`;
  return writeZip([part('word/document.xml', Buffer.from(xml)), ...others]);
}

/**
 * The fixture agenda carrying `mb` MB of picture (random bytes, as a
 * photograph's are: they do not compress), like a council agenda with its
 * crest and a map: a large file that is a real agenda.
 */
export function agendaWithPictureDocx(mb: number): Buffer {
  const { others } = fixtureParts();
  const document = Buffer.from(unzipSync(readFileSync(FIXTURE))['word/document.xml']!);
  const picture = randomBytes(Math.round(mb * MB));
  return writeZip([part('word/document.xml', document), ...others, part('word/media/image1.png', picture)]);
}

/** A Word document whose tables are nested `depth` deep (parsers that recurse run out of stack). */
export function nestedTablesDocx(depth: number): Buffer {
  const { others, head, tail } = fixtureParts();
  const xml = `${head}<w:p><w:r><w:t>1. Apologies</w:t></w:r></w:p>${'<w:tbl><w:tr><w:tc>'.repeat(depth)}${'</w:tc></w:tr></w:tbl>'.repeat(depth)}${tail}`;
  return writeZip([part('word/document.xml', Buffer.from(xml)), ...others]);
}
