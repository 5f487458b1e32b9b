/**
 * Hostile and huge agenda files and Teams attendance reports (issue 15): refused with a clear message
 * within seconds, parsed in a worker with memory and time limits, while
 * every other call carries on; real agendas still import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgendaDocx } from '../../electron/import/agenda-docx';
import { DOCX_LIMITS, DOCX_MESSAGES, unpackDocx } from '../../electron/import/docx-zip';
import { ISOLATION_MESSAGES, parseIsolated, retireIdleWorkers, stopIdleWorkers, threadCpuMs } from '../../electron/import/isolated';
import { PARSE_NICE } from '../../electron/import/parse-priority';
import { readAgenda } from '../../electron/services/imports';
import { DomainError } from '../../shared/result';
import { call } from '../helpers/api';
import { makeStaticDir, postApi, startTrackedHost } from '../helpers/host';
import { agendaWithPictureDocx, hugeSingleRunDocx, MB, nestedTablesDocx, writeZip, zipBombDocx } from '../helpers/hostile-docx';
import { refusal } from '../helpers/import';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '..', 'fixtures', 'import', name));
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

// The bounds below are for refusing a file, not for starting a reader from TypeScript source under tsx
// (seconds on a busy machine; a bundle starts one in a fraction of that): one is started, and its Word
// reader loaded, before any test is timed.
beforeAll(async () => {
  await readAgenda({ kind: 'docx', base64: fixture('agenda-typed-numbers.docx').toString('base64') });
}, 60_000);
afterAll(() => stopIdleWorkers());

/** readAgenda's refusal message (it throws DomainError('invalid_input')). */
async function refusedWith(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('invalid_input');
  return (error as DomainError).message;
}

describe('the zip bomb and its kin, read where the database is not', () => {
  it('the test bomb is a real Word agenda: a small one of the same make reads, and the big one declares hundreds of MB in under 1.5 MB', { timeout: 30_000 }, async () => {
    const small = zipBombDocx(1);
    const agenda = await readAgendaDocx(small);
    expect(agenda.ok).toBe(true);
    const bomb = zipBombDocx(400);
    expect(bomb.length).toBeLessThan(1.5 * MB);
  });

  it('refuses the bomb from its central directory, before anything inflates it', { timeout: 30_000 }, () => {
    const result = unpackDocx(zipBombDocx(400));
    expect(result).toEqual({ ok: false, message: DOCX_MESSAGES.tooLarge(DOCX_LIMITS.partBytes) });
    expect(DOCX_MESSAGES.tooLarge(DOCX_LIMITS.partBytes)).toBe(
      'This Word file is too large to read: its text would take more than 10 MB once unpacked. Check that you chose the agenda; nothing was saved.',
    );
  });

  it('refuses parts that together declare more than the total limit, pictures included', { timeout: 30_000 }, () => {
    const bomb = zipBombDocx(8);
    expect(unpackDocx(bomb, { ...DOCX_LIMITS, totalBytes: 5 * MB }).ok).toBe(false);
    expect(unpackDocx(bomb, { ...DOCX_LIMITS, totalBytes: 5 * MB })).toEqual({ ok: false, message: DOCX_MESSAGES.tooLarge(5 * MB) });
    expect(unpackDocx(bomb).ok).toBe(true);
  });

  it('refuses a bomb whose headers lie about its size: inflating stops at the size it declared', { timeout: 30_000 }, () => {
    const liar = zipBombDocx(400, { declaredMb: 1 });
    expect(unpackDocx(liar)).toEqual({ ok: false, message: DOCX_MESSAGES.lying });
  });

  it('reads sizes from a zip64 extra field: 5 GB declared there is refused, a true size there is read', { timeout: 30_000 }, async () => {
    expect(unpackDocx(zipBombDocx(2, { declaredMb: 5 * 1024, zip64: true }))).toEqual({ ok: false, message: DOCX_MESSAGES.tooLarge(DOCX_LIMITS.partBytes) });
    expect((await readAgendaDocx(zipBombDocx(1, { zip64: true }))).ok).toBe(true);
  });

  it('refuses a zip whose parts are encrypted, and a password-protected Word file', async () => {
    const zip = Buffer.from(fixture('agenda-typed-numbers.docx'));
    // Set the "encrypted" flag on the first central directory entry.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
    expect(refusal(await readAgendaDocx(zip))).toBe(DOCX_MESSAGES.encrypted);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600), Buffer.from('EncryptedPackage', 'utf16le')]);
    expect(refusal(await readAgendaDocx(ole))).toBe(
      'This Word file is protected with a password, so it cannot be read. Open it in Word, remove the password, save it and try again, or paste the agenda as text.',
    );
  });

  it('refuses a damaged zip whose directory points outside the file', async () => {
    const zip = writeZip([]);
    zip.writeUInt16LE(3, 8);
    zip.writeUInt16LE(3, 10);
    zip.writeUInt32LE(0x7fffffff, 16);
    expect(refusal(await readAgendaDocx(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), zip])))).toBe(DOCX_MESSAGES.damaged);
  });

  it('refuses a document whose one run holds megabytes of text', { timeout: 30_000 }, async () => {
    expect(refusal(await readAgendaDocx(hugeSingleRunDocx(8)))).toBe(
      'This Word file holds more text than an agenda can (over 1,000,000 characters). Check that you chose the agenda; nothing was saved.',
    );
  });
});

describe('readAgenda: every agenda is read in a worker with memory and time limits', () => {
  it('refuses the bomb with the message (how fast: npm run bench)', { timeout: 30_000 }, async () => {
    const bomb = base64(zipBombDocx(400));
    const message = await refusedWith(readAgenda({ kind: 'docx', base64: bomb }));
    expect(message).toBe(DOCX_MESSAGES.tooLarge(DOCX_LIMITS.partBytes));
  });

  it('refuses the huge single-run document with the message', { timeout: 30_000 }, async () => {
    const huge = base64(hugeSingleRunDocx(4)); // 4 million characters in one run
    const message = await refusedWith(readAgenda({ kind: 'docx', base64: huge }));
    expect(message).toMatch(/^This Word file holds more text than an agenda can/);
  });

  it('still imports real agendas, Word and text', { timeout: 30_000 }, async () => {
    const docx = await readAgenda({ kind: 'docx', base64: base64(fixture('agenda-auto-numbered.docx')) });
    expect(docx.items).toHaveLength(13);
    expect(docx.items[7]).toMatchObject({ agendaNumber: 8, title: 'Night-Time Economy and Street Safety Update' });
    const text = await readAgenda({ kind: 'text', text: fixture('agenda.txt').toString('utf8') });
    expect(text.items.length).toBeGreaterThan(5);
  });

  it('refuses tables nested 30,000 deep as a damaged file', { timeout: 30_000 }, async () => {
    const nested = base64(nestedTablesDocx(30_000));
    expect(await refusedWith(readAgenda({ kind: 'docx', base64: nested }))).toBe(DOCX_MESSAGES.damaged);
  });

  it('imports a 15 MB agenda (its picture is never inflated)', { timeout: 30_000 }, async () => {
    const bytes = agendaWithPictureDocx(14.5);
    expect(bytes.length).toBeGreaterThan(14.5 * MB);
    const file = base64(bytes);
    const agenda = await readAgenda({ kind: 'docx', base64: file });
    expect(agenda.items).toHaveLength(13);
    expect(agenda.items[12]).toMatchObject({ title: 'Commissioning of Victim Support Services', exempt: true, exemptParagraph: 3 });
  });

  it('reports a worker that runs out of memory as a clear message, and the next file still reads', { timeout: 60_000 }, async () => {
    const heavy = zipBombDocx(5); // 5 MB of paragraphs: mammoth needs well over 48 MB for it
    const result = await parseIsolated({ kind: 'agenda-docx', bytes: heavy }, { maxOldGenerationSizeMb: 48, timeoutMs: 60_000 });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_file', message: ISOLATION_MESSAGES.memory } });
    const after = await parseIsolated({ kind: 'agenda-docx', bytes: fixture('agenda-table.docx') });
    expect(after.ok && after.value.items).toHaveLength(13);
  });

  it('a file read just as the idle reader is let go is read by a new one, not lost with the old', { timeout: 30_000 }, async () => {
    const first = await parseIsolated({ kind: 'agenda-docx', bytes: fixture('agenda-table.docx') });
    expect(first.ok).toBe(true);
    // The idle reader's time is up (its timer's own step), and the next file arrives before it has stopped.
    retireIdleWorkers();
    const next = await parseIsolated({ kind: 'agenda-docx', bytes: fixture('agenda-table.docx') });
    expect(next.ok && next.value.items).toHaveLength(13);
  });

  it('stops a parse that passes its time limit, with a clear message', { timeout: 30_000 }, async () => {
    const result = await parseIsolated({ kind: 'agenda-docx', bytes: hugeSingleRunDocx(8) }, { timeoutMs: 50 });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_file',
        message: 'Reading this file took longer than 0.05 seconds, so it was stopped. It may be damaged, or far larger than an agenda; nothing was saved.',
      },
    });
    expect(ISOLATION_MESSAGES.timeout(5_000)).toBe(
      'Reading this file took longer than 5 seconds, so it was stopped. It may be damaged, or far larger than an agenda; nothing was saved.',
    );
  });
});

describe('through the browser host: other calls are answered while a hostile file is refused', () => {
  for (const [label, make] of [
    ['the zip bomb (200 MB of text in 0.7 MB)', () => zipBombDocx(200)],
    ['the huge single-run document (4 million characters in one run)', () => hugeSingleRunDocx(4)],
  ] as const) {
    it(`${label}: a write sent after it is answered before it, and nothing is saved`, { timeout: 30_000 }, async () => {
      const { services } = createTempStore(temp);
      const body = call(services, 'bodies.create', { name: 'Licensing Committee' });
      const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
      const host = await startTrackedHost(temp, services, makeStaticDir(temp).staticDir);
      const order: string[] = [];

      const bytes = make();
      const refusal = postApi(host, 'import.readAgenda', { meetingId: meeting.id, source: { kind: 'docx', base64: base64(bytes) } }).then((r) => {
        order.push('agenda refused');
        return r;
      });
      // Sent once the host has the file in hand.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const write = postApi(host, 'meetings.update', { meetingId: meeting.id, patch: { venue: 'Council Chamber' } }).then((r) => {
        order.push('write answered');
        return r;
      });
      const [refused, written] = await Promise.all([refusal, write]);

      expect(order).toEqual(['write answered', 'agenda refused']);
      expect(written).toMatchObject({ status: 200, json: { ok: true, value: { venue: 'Council Chamber' } } });
      expect(refused.status).toBe(200);
      expect(refused.json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^This Word file/) } });
      expect(call(services, 'meetings.get', { meetingId: meeting.id }).items).toEqual([]);
    });
  }
});

describe('Teams attendance reports are read in the worker too', () => {
  /** A report in the current layout listing `people` participants (about 110 bytes each). */
  function teamsReport(people: number): Buffer {
    const head = '1. Summary\nMeeting title,Licensing Committee\nAttended participants,7\nStart time,2026-06-19 09:55:41\nEnd time,2026-06-19 12:04:10\n\n2. Participants\nNAME,first join,Last leave,In-meeting duration,email,Participant ID (UPN),role\n';
    const rows = Array.from({ length: people }, (_, n) => `Person Number${n} Smith${n % 977},2026-06-19 09:55:41,2026-06-19 12:04:10,2h 8m 29s,p${n}@x.gov.uk,p${n}@x.gov.uk,Attendee`);
    return Buffer.from(`${head}${rows.join('\n')}\n`);
  }

  it('a real report is read and matched through services.call; dispatch refuses it (it is answered off the database thread)', { timeout: 30_000 }, async () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Safer Communities Partnership Board' });
    call(services, 'members.create', { bodyId: body.id, name: 'Cllr. Harriet Quennell' });
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2025-03-14', startTime: '10:00', venue: 'Microsoft Teams', mode: 'teams' });
    const result = await services.call('import.readTeams', { meetingId: meeting.id, base64: base64(fixture('teams-current-utf8-comma.csv')) });
    expect(result.ok).toBe(true);
    const preview = (result as { value: { rows: { participant: { name: string }; match: { name: string } | null }[] } }).value;
    expect(preview.rows.length).toBe(7);
    expect(preview.rows.find((r) => r.match !== null)?.match?.name).toBe('Cllr. Harriet Quennell');
    expect(services.dispatch('import.readTeams', { meetingId: meeting.id, base64: base64(fixture('teams-current-utf8-comma.csv')) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await services.call('import.readTeams', { meetingId: 9999, base64: base64(fixture('teams-current-utf8-comma.csv')) })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a 5 MB report of 43,000 people is refused with a clear message, and a write sent after it is answered first', { timeout: 30_000 }, async () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Licensing Committee' });
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' });
    const report = teamsReport(43_000);
    expect(report.length).toBeGreaterThan(4.5 * MB);
    const order: string[] = [];
    const refusal = services.call('import.readTeams', { meetingId: meeting.id, base64: base64(report) }).then((r) => {
      order.push('report refused');
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const written = services.dispatch('meetings.update', { meetingId: meeting.id, patch: { venue: 'Council Chamber' } });
    order.push('write answered');
    expect(written.ok).toBe(true);
    expect(await refusal).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^The attendance report lists 43,000 people, more than the 5,000 a meeting's report can hold\./) } });
    expect(order).toEqual(['write answered', 'report refused']);
  });
});

describe('the reader gives way to the clerk (issue 15: typing while a big agenda is read)', () => {
  /** Each thread of this process with its nice value (field 19 of /proc/<pid>/task/<tid>/stat). */
  const threadNices = () =>
    readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return { tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
    });

  it.skipIf(process.platform !== 'linux')('reads files on a thread of lowered priority while this thread keeps its own', { timeout: 60_000 }, async () => {
    const before = getPriority(0);
    expect(before).toBeLessThan(PARSE_NICE); // else nothing here could tell the reader's thread apart
    const result = await parseIsolated({ kind: 'agenda-docx', bytes: fixture('agenda-typed-numbers.docx') });
    expect(result.ok).toBe(true);
    // The reader that answered is kept idle for the next file: its thread is there, lowered; nothing else lowers a thread.
    expect(threadNices().filter((t) => t.nice >= PARSE_NICE).length).toBeGreaterThan(0);
    expect(getPriority(0)).toBe(before);
    expect(threadNices().find((t) => t.tid === process.pid)?.nice).toBe(before);
  });

  it.skipIf(process.platform !== 'linux')("reads a thread's CPU time from /proc", () => {
    const cpu = threadCpuMs(process.pid);
    expect(cpu).not.toBeNull();
    expect(cpu!).toBeGreaterThan(0);
    expect(threadCpuMs(2 ** 30)).toBeNull(); // no such thread
  });

  it('moves the bytes handed over to the reader instead of copying them; bytes not handed over are kept', { timeout: 60_000 }, async () => {
    const given = Buffer.from(fixture('agenda-typed-numbers.docx'));
    const kept = Buffer.from(fixture('agenda-typed-numbers.docx'));
    const length = kept.byteLength;
    expect((await parseIsolated({ kind: 'agenda-docx', bytes: given }, {}, { handOver: true })).ok).toBe(true);
    expect((await parseIsolated({ kind: 'agenda-docx', bytes: kept })).ok).toBe(true);
    expect(given.byteLength).toBe(0); // transferred: detached here
    expect(kept.byteLength).toBe(length);
    expect(kept.equals(fixture('agenda-typed-numbers.docx'))).toBe(true);
  });
});
