/**
 * A zip of a document's parts, each part deflated by Node's own zlib (native
 * code) and laid into the archive by fflate's Zip. fflate's own deflate is
 * JavaScript: in a fresh process (`npm run export`, the first export after a
 * start) it runs before V8 has optimised it, and was some 40 % of a 60-item
 * export's time there. The CRC-32 every zip entry needs comes with the
 * deflated bytes: a gzip member is a 10-byte header, the raw deflate stream,
 * then the CRC-32 and the length of the input.
 */
import { Zip, type ZipInputFile } from 'fflate';
import { constants, gzipSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  bytes: Uint8Array;
  /** Kept as it is (pictures, already compressed): deflate's stored blocks, not compressed again. */
  store?: boolean;
}

const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;

export function zipParts(parts: Iterable<ZipPart>): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  let done = false;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else chunks.push(chunk);
    if (final) done = true;
  });
  for (const part of parts) {
    const gz = gzipSync(part.bytes, { level: part.store ? constants.Z_NO_COMPRESSION : 6 });
    if (gz[0] !== 0x1f || gz[1] !== 0x8b || (gz[3]! & 0x1e) !== 0) throw new Error('zlib wrote an unexpected gzip header');
    const view = new DataView(gz.buffer, gz.byteOffset, gz.byteLength);
    const crc = view.getUint32(gz.byteLength - GZIP_TRAILER, true);
    // Always method 8 (a stored part is deflate's stored blocks): fflate's streaming zip follows each entry with a data
    // descriptor, which some readers (Java's ZipInputStream) accept only after deflated entries.
    const entry: ZipInputFile = { filename: part.name, size: part.bytes.length, crc, compression: 8 };
    zip.add(entry);
    const data = gz.subarray(GZIP_HEADER, gz.byteLength - GZIP_TRAILER);
    // fflate's types ask for an ArrayBuffer-backed array; it only reads the bytes.
    entry.ondata!(null, data as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  if (!done) throw new Error('The zip was not finished');
  return Buffer.concat(chunks);
}
