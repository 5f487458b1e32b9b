/**
 * The chair's corrections outside the clerk's own entries: a standard
 * item's sentence ("The Chairman welcomed everyone …") is marked in the
 * review copy and, accepted, becomes the item's edited standard wording;
 * a change to the attendance is listed (before the first minute), never
 * applied. On a real SQLite file, the review copy's bytes edited as Word
 * writes a tracked insertion and read back in the parsing worker.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReviewSent } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { wordsAfter, type ReviewReading } from '../../shared/review/reply';
import { stopIdleWorkers } from '../../electron/import/isolated';
import { call } from '../helpers/api';
import { buildReviewMeeting, CHAIR } from '../helpers/review-meeting';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
afterAll(() => stopIdleWorkers());

async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** A tracked insertion as Word writes it (w:ins around a run), by the chair. */
const inserted = (id: number, text: string) =>
  `<w:ins w:id="${id}" w:author="Dorothy Taylor" w:date="2026-06-12T09:00:00Z"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;

describe('the chair’s corrections to standard wording and to the attendance', () => {
  it('a standard item’s sentence, corrected and accepted, becomes its edited standard wording; a change to the attendance is listed before the first minute and not applied', async () => {
    const { services } = createTempStore(temp);
    const m = await buildReviewMeeting((name, input) => services.dispatch(name, input));
    const intro = call(services, 'agendaItems.create', { meetingId: m.meetingId, title: 'Introductions', kind: 'introductions' }).find((i) => i.kind === 'introductions')!;
    call(services, 'meetings.takeItem', { meetingId: m.meetingId, itemId: intro.id, time: '11:00' });
    const sent = await value<ReviewSent>(services.call('review.send', { meetingId: m.meetingId, chairName: CHAIR.name, chairEmail: CHAIR.email }));

    const parts = unzipSync(Buffer.from(sent.file.base64, 'base64'));
    let doc = strFromU8(parts['word/document.xml']!);
    // The standard sentence is marked as its item's standard wording.
    expect(doc).toContain(`w:name="mc_open${intro.id}"`);
    const welcome = 'The Chairman welcomed everyone to the meeting';
    expect(doc).toContain(welcome);
    doc = doc.replace(welcome, `${welcome}</w:t></w:r>${inserted(970, ', in particular the new Police and Crime Commissioner,')}<w:r><w:t xml:space="preserve">`);
    // The chair adds a word to a name under PRESENT, before the first minute.
    const present = doc.indexOf('>Mrs D. Taylor CC (in the Chair)<');
    expect(present).toBeGreaterThan(0);
    expect(present).toBeLessThan(doc.indexOf('w:name="mc_i'));
    doc = doc.replace('>Mrs D. Taylor CC (in the Chair)</w:t></w:r>', `>Mrs D. Taylor CC (in the Chair)</w:t></w:r>${inserted(971, ' MBE')}`);
    const reply = Buffer.from(zipSync({ ...parts, 'word/document.xml': strToU8(doc) }));

    const reading = await value<ReviewReading>(services.call('review.readReply', { meetingId: m.meetingId, fileName: 'reply.docx', base64: reply.toString('base64') }));
    expect(reading.changes.map((c) => [c.key, c.applicable, c.added])).toEqual([[`open${intro.id}`, true, ', in particular the new Police and Crime Commissioner,']]);
    expect(reading.added).toEqual([
      { afterLabel: null, before: 'Mrs D. Taylor CC (in the Chair)', text: 'Mrs D. Taylor CC (in the Chair) MBE', author: 'Dorothy Taylor', newParagraph: false },
    ]);

    const block = reading.blocks.find((b) => b.key === `open${intro.id}`)!;
    const after = wordsAfter(block.segments, () => true);
    expect(after).toBe('The Chairman welcomed everyone to the meeting, in particular the new Police and Crime Commissioner, and introductions were made.');
    const applied = services.dispatch('review.apply', {
      meetingId: m.meetingId,
      sendId: reading.sendId,
      fileName: 'reply.docx',
      base64: reply.toString('base64'),
      replyDate: reading.replyDate,
      accepted: 1,
      rejected: 0,
      blocks: [{ key: block.key, text: after }],
    });
    expect(applied.ok).toBe(true);
    const record = call(services, 'meetings.get', { meetingId: m.meetingId });
    expect(record.items.find((i) => i.id === intro.id)!.standardText).toBe(after);
    // The attendance is as it was: the member's printed name is the body's, not the chair's copy's.
    expect(record.attendance.map((a) => a.name)).toEqual(['Mrs D. Taylor CC']);
    const version = call(services, 'minutes.versions', { meetingId: m.meetingId }).at(-1)!;
    expect(version).toMatchObject({ kind: 'corrections', reason: 'Chair’s corrections of 12 June 2026: 1 accepted, 0 rejected' });
    expect(version.text).toContain(after);
    expect(version.text).not.toContain('MBE');
  });
});
