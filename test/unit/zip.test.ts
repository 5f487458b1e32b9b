/** The document zip (electron/export/zip.ts): parts read back whole, in order, each entry's CRC-32 and method right. */
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipParts } from '../../electron/export/zip';

/** CRC-32 (IEEE), written out here so the test does not trust the code under test for it. */
function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return ~crc >>> 0;
}

/** The central directory's entries: name, method, CRC, sizes. */
function centralDirectory(zip: Buffer): { name: string; method: number; crc: number; compressed: number; size: number }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe('zipParts', () => {
  const document = strToU8('<w:p><w:r><w:t>The minutes of the meeting held on 11 December 2020 were confirmed.</w:t></w:r></w:p>'.repeat(5000));
  const picture = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
  const parts = [
    { name: '[Content_Types].xml', bytes: strToU8('<?xml version="1.0"?><Types/>') },
    { name: 'word/document.xml', bytes: document },
    { name: 'word/media/logo.png', bytes: picture, store: true },
    { name: 'word/empty.xml', bytes: new Uint8Array(0) },
  ];

  it('reads back every part whole and in the order given', () => {
    const back = unzipSync(zipParts(parts));
    expect(Object.keys(back)).toEqual(parts.map((p) => p.name));
    for (const part of parts) expect(Buffer.from(back[part.name]!).equals(Buffer.from(part.bytes))).toBe(true);
  });

  it('writes each entry with its true CRC-32 and sizes, deflating text and keeping pictures as they are', () => {
    const zip = zipParts(parts);
    const entries = centralDirectory(zip);
    expect(entries.map((e) => e.name)).toEqual(parts.map((p) => p.name));
    for (const [i, part] of parts.entries()) {
      expect(entries[i]!.crc, part.name).toBe(crc32(part.bytes));
      expect(entries[i]!.size, part.name).toBe(part.bytes.length);
      expect(entries[i]!.method, part.name).toBe(8);
    }
    // The repeated paragraph deflates to a small fraction of itself; the picture keeps its size (stored blocks: a few bytes of framing).
    expect(entries[1]!.compressed).toBeLessThan(document.length / 20);
    expect(entries[2]!.compressed).toBeGreaterThanOrEqual(picture.length);
    expect(entries[2]!.compressed).toBeLessThan(picture.length + 64);
  });
});
