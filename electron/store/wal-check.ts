/**
 * A -wal file left beside the database by a crash holds changes SQLite will
 * write into the database when it next opens it, with no question asked: a
 * -wal from another database, or one cut short, would silently replace or
 * drop the clerk's data. This reads the -wal as the SQLite WAL format
 * describes it (https://sqlite.org/fileformat2.html#walformat), without
 * SQLite, and says whether it belongs to the database and is whole, as far
 * as its header, salts and checksums allow:
 *
 * - the WAL header: magic, format version, its own checksum;
 * - its page size against the database header's (another database's -wal
 *   often has another page size);
 * - its length: 32 + n x (24 + page size) bytes, or it was cut short (part of
 *   a frame at the end is what a kill between SQLite's two writes of a frame
 *   leaves: accepted when the -shm vouches for every committed frame);
 * - the frames: each frame of the current generation (the header's salts)
 *   must carry the running checksum; once one does not, no later frame of
 *   that generation may hold a commit (committed changes would be lost).
 *   Frames with other salts are an earlier generation SQLite left in place
 *   when it restarted the file: ignored, as SQLite ignores them;
 * - the -shm beside it, when its header is whole: the number of frames SQLite
 *   recorded as committed must all be there (a -wal cut at a frame boundary);
 * - the size its last commit gives the database: Meeting Clerk never shrinks
 *   its database (no VACUUM, no auto-vacuum) and a checkpoint writes no page
 *   past a commit's size, so it cannot be smaller than the file already is.
 *   (A VACUUM by another tool followed by a crash would be refused too: the
 *   files are kept and the backups offered, so that errs on the safe side.)
 *
 * What the format cannot show: that a whole, consistent -wal with the same
 * page size, of a database at least as large, was written for this database
 * and not another (nothing in a -wal names its database; in WAL mode SQLite
 * does not even bump the header's change counter). The checks SQLite runs on
 * a private copy after this one catch another application's -wal
 * (application id) and a mixture that breaks the b-trees (integrity check);
 * a larger Meeting Clerk database's -wal that replaces every page is not
 * caught.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { endianness } from 'node:os';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;
const WAL_VERSION = 3007000;

export type WalVerdict =
  | { ok: true; frames: number }
  | { ok: false; problem: 'foreign' | 'truncated' | 'corrupt'; phrase: string };

const WAL = 'its -wal file (recent changes not yet written into the database)';

const fileSize = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/** Size of the -wal beside `dbFile` (0 when there is none). */
export const walSize = (dbFile: string): number => fileSize(`${dbFile}-wal`);

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/** SQLite's WAL checksum over `data` (a multiple of 8 bytes), carried on from s0, s1. */
function checksum(data: Buffer, bigEndian: boolean, s0: number, s1: number): [number, number] {
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** The database header's page size, or null when the file is missing or too short to say. */
function databaseHeader(dbFile: string): { pageSize: number } | null {
  if (fileSize(dbFile) < 100) return null;
  const fd = openSync(dbFile, 'r');
  try {
    const header = readAt(fd, 100, 0);
    const raw = header.readUInt16BE(16);
    return { pageSize: raw === 1 ? 65536 : raw };
  } finally {
    closeSync(fd);
  }
}

/** The frame count the -shm's header records as committed, when the header is whole and for this -wal; else null. */
function committedFramesInShm(dbFile: string, salt1: number, salt2: number): number | null {
  const shm = `${dbFile}-shm`;
  if (fileSize(shm) < 96) return null;
  const fd = openSync(shm, 'r');
  let buf: Buffer;
  try {
    buf = readAt(fd, 96, 0);
  } finally {
    closeSync(fd);
  }
  // Two copies of a 48-byte header, in the machine's byte order; trusted only when both agree and the checksum holds.
  if (!buf.subarray(0, 48).equals(buf.subarray(48, 96))) return null;
  const le = endianness() === 'LE';
  const u32 = (at: number) => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  if (u32(0) !== WAL_VERSION || buf[12] !== 1) return null;
  const [c0, c1] = checksum(buf.subarray(0, 40), !le, 0, 0);
  if (c0 !== u32(40) || c1 !== u32(44)) return null;
  // aSalt is copied from the WAL header as raw bytes (big-endian on disk).
  if (buf.readUInt32BE(32) !== salt1 || buf.readUInt32BE(36) !== salt2) return null;
  return u32(16);
}

/** Whether the -wal beside `dbFile` belongs to it and is whole. No -wal (or an empty one) is fine. */
export function checkWal(dbFile: string): WalVerdict {
  const wal = `${dbFile}-wal`;
  if (!existsSync(wal)) return { ok: true, frames: 0 };
  const size = fileSize(wal);
  if (size === 0) return { ok: true, frames: 0 };
  const db = databaseHeader(dbFile);
  if (db === null) {
    return { ok: false, problem: 'foreign', phrase: `${WAL} belongs to no database here: the database itself is missing or empty` };
  }
  if (size < WAL_HEADER) return { ok: false, problem: 'truncated', phrase: `${WAL} is cut short (${size} bytes, less than its own 32-byte header)` };

  const fd = openSync(wal, 'r');
  try {
    const header = readAt(fd, WAL_HEADER, 0);
    const magic = header.readUInt32BE(0);
    if (magic !== MAGIC_LE && magic !== MAGIC_BE) return { ok: false, problem: 'corrupt', phrase: `${WAL} is not an SQLite WAL file (its first bytes are wrong)` };
    const bigEndian = magic === MAGIC_BE;
    if (header.readUInt32BE(4) !== WAL_VERSION) return { ok: false, problem: 'corrupt', phrase: `${WAL} has an unknown format version (${header.readUInt32BE(4)})` };
    let [s0, s1] = checksum(header.subarray(0, 24), bigEndian, 0, 0);
    if (s0 !== header.readUInt32BE(24) || s1 !== header.readUInt32BE(28)) {
      return { ok: false, problem: 'corrupt', phrase: `${WAL} is damaged: its header's checksum does not match` };
    }
    const pageSize = header.readUInt32BE(8);
    const dbPageSize = db.pageSize;
    if (pageSize !== dbPageSize) {
      return {
        ok: false,
        problem: 'foreign',
        phrase: `${WAL} belongs to another database: it holds pages of ${pageSize} bytes where this database's are ${dbPageSize} bytes`,
      };
    }
    const frameSize = FRAME_HEADER + pageSize;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    const recorded = committedFramesInShm(dbFile, salt1, salt2);
    // SQLite writes a frame's header and its page in two writes, so a process killed between them leaves
    // part of a frame at the end: never a committed one (a commit returns once its frame is whole and synced).
    // When the -shm says how many frames were committed, that part is judged by it; without it, a -wal that
    // is not whole frames was cut short.
    const partial = (size - WAL_HEADER) % frameSize;
    if (partial !== 0 && recorded === null) {
      const whole = Math.floor((size - WAL_HEADER) / frameSize);
      return {
        ok: false,
        problem: 'truncated',
        phrase: `${WAL} is cut short: ${size} bytes is not a whole number of changed pages (${whole} whole, then ${partial} bytes of a page of ${frameSize})`,
      };
    }
    const frames = Math.floor((size - WAL_HEADER) / frameSize);
    let valid = 0;
    let broken = -1;
    let lastCommitPages = 0;
    for (let i = 0; i < frames; i++) {
      const at = WAL_HEADER + i * frameSize;
      const frameHeader = readAt(fd, FRAME_HEADER, at);
      const current = frameHeader.readUInt32BE(8) === salt1 && frameHeader.readUInt32BE(12) === salt2;
      if (broken >= 0) {
        if (current && frameHeader.readUInt32BE(4) !== 0) {
          return {
            ok: false,
            problem: 'corrupt',
            phrase: `${WAL} is damaged: changed page ${broken + 1} of ${frames} fails its checks, and committed changes after it would be lost`,
          };
        }
        continue;
      }
      if (!current) {
        broken = i; // an earlier generation from here on, or the end of this one
        continue;
      }
      const page = readAt(fd, pageSize, at + FRAME_HEADER);
      [s0, s1] = checksum(frameHeader.subarray(0, 8), bigEndian, s0, s1);
      [s0, s1] = checksum(page, bigEndian, s0, s1);
      if (s0 !== frameHeader.readUInt32BE(16) || s1 !== frameHeader.readUInt32BE(20)) {
        broken = i;
        continue;
      }
      valid = i + 1;
      if (frameHeader.readUInt32BE(4) !== 0) lastCommitPages = frameHeader.readUInt32BE(4);
    }
    // Meeting Clerk never shrinks its database (no VACUUM, no auto-vacuum), and a checkpoint only writes pages
    // up to a commit's size: the -wal's last commit can never describe a smaller database than the file already is.
    const filePages = Math.floor(fileSize(dbFile) / pageSize);
    if (lastCommitPages > 0 && lastCommitPages < filePages) {
      return {
        ok: false,
        problem: 'foreign',
        phrase: `${WAL} belongs to another database: it describes a database of ${lastCommitPages} pages, smaller than this one's ${filePages}, which a Meeting Clerk database never becomes`,
      };
    }
    if (recorded !== null && recorded > valid) {
      return {
        ok: false,
        problem: 'truncated',
        phrase: `${WAL} is cut short: SQLite recorded ${recorded} committed changed pages in it and only ${valid} are there`,
      };
    }
    return { ok: true, frames: valid };
  } finally {
    closeSync(fd);
  }
}
