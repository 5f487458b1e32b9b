/**
 * The chair's corrections outside the clerk's own entries: a standard
 * item's sentence ("The Chairman welcomed everyone …") is marked in the
 * review copy and, accepted, becomes the item's edited standard wording;
 * a change to the attendance is listed (before the first minute), never
 * applied. On a real SQLite file, the review copy's bytes edited as Word
 * writes a tracked insertion and read back in the parsing worker. A
 * standard wording of several paragraphs (the declarations, the next
 * meeting's decision and dates) is marked paragraph by paragraph: the
 * review copy edited by LibreOffice through its UNO bridge
 * (test/fixtures/chair-replies/standard-wording-reply.docx, README there),
 * and the accepted changes become the item's edited standard wording.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReviewSent } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { wordsAfter, type ReviewReading } from '../../shared/review/reply';
import { stopIdleWorkers } from '../../electron/import/isolated';
import { call } from '../helpers/api';
import { buildReviewMeeting, CHAIR } from '../helpers/review-meeting';
import { buildStandardWordingMeeting } from '../helpers/standard-wording-meeting';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
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

const FIXTURES = join(__dirname, '..', 'fixtures', 'chair-replies');
const bookmarks = (docx: Uint8Array) => [...strFromU8(unzipSync(docx)['word/document.xml']!).matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((x) => x[1]!);

describe('the chair’s corrections to a standard wording of several paragraphs', () => {
  it('marks each paragraph; LibreOffice’s tracked and untracked changes are placed on them, and the accepted ones become the item’s edited standard wording', async () => {
    const { services } = createTempStore(temp);
    const m = await buildStandardWordingMeeting((name, input) => services.dispatch(name, input));
    const sent = await value<ReviewSent>(services.call('review.send', { meetingId: m.meetingId, chairName: CHAIR.name, chairEmail: CHAIR.email }));
    const d = m.declarationsItemId;
    const n = m.nextMeetingItemId;
    const names = bookmarks(Buffer.from(sent.file.base64, 'base64'));
    expect(names).toEqual([
      'mc_m1_s1',
      ...['mc_a0', 'mc_a1', 'mc_a2'], // the chair's line, Cllr. L. Hart's name and organisation
      `mc_i${d}`,
      `mc_std${d}_0`,
      `mc_std${d}_1`,
      `mc_i${n}`,
      `mc_std${n}_0`,
      `mc_std${n}_1`,
      `mc_std${n}_2`,
      'mc_sc0_0',
    ]);
    // The committed copy the fixture reply was made from carries the same marks, so the reply still fits this meeting.
    expect(bookmarks(readFileSync(join(FIXTURES, 'standard-wording-copy.docx')))).toEqual(names);

    const reply = readFileSync(join(FIXTURES, 'standard-wording-reply.docx'));
    const reading = await value<ReviewReading>(services.call('review.readReply', { meetingId: m.meetingId, fileName: 'standard-wording-reply.docx', base64: reply.toString('base64') }));
    expect(reading.changes.map((c) => [c.key, c.label, c.kind, c.tracked, c.removed, c.added, c.applicable])).toEqual([
      [`std${d}_0`, 'Minute 1, standard wording, paragraph 1', 'insertion', true, '', 'and officers', true],
      [`std${d}_1`, 'Minute 1, standard wording, paragraph 2', 'replacement', true, 'a governor of Glenfield Academy', 'a trustee of the Glenfield Academy Trust', true],
      [`std${n}_0`, 'Minute 2, standard wording, paragraph 1 (RESOLVED)', 'insertion', false, '', 'at County Hall, Glenfield', true],
      [`std${n}_2`, 'Minute 2, standard wording, paragraph 3', 'deletion', true, 'at 10.00 am', '', true],
    ]);
    expect(reading.changes.filter((c) => c.tracked).map((c) => c.author)).toEqual(['Dorothy Taylor', 'Dorothy Taylor', 'Dorothy Taylor']);
    // Nothing is left over as "listed, not applied": every change sits on a marked paragraph.
    expect(reading.added).toEqual([]);
    expect(reading.changedSince).toEqual([]);

    // Accept the insertion, the replacement and the untracked edit; reject the deletion of the time.
    const rejected = reading.changes.find((c) => c.kind === 'deletion')!.id;
    const accept = (id: string) => id !== rejected;
    const blocks = reading.blocks
      .map((b) => ({ key: b.key, text: wordsAfter(b.segments, accept) }))
      .filter((b) => b.text !== reading.blocks.find((x) => x.key === b.key)!.sent);
    expect(blocks.map((b) => b.key)).toEqual([`std${d}_0`, `std${d}_1`, `std${n}_0`]);
    const applied = services.dispatch('review.apply', {
      meetingId: m.meetingId,
      sendId: reading.sendId,
      fileName: 'standard-wording-reply.docx',
      base64: reply.toString('base64'),
      replyDate: reading.replyDate,
      accepted: 3,
      rejected: 1,
      blocks,
    });
    expect(applied.ok ? 'applied' : applied.error.message).toBe('applied');
    const record = call(services, 'meetings.get', { meetingId: m.meetingId });
    expect(record.items.find((i) => i.id === d)!.standardText).toBe(
      [
        'The Chairman invited members and officers who wished to do so to declare any interests in respect of items on the agenda for the meeting.',
        'Cllr. L. Hart declared an Other Registrable Interest as a trustee of the Glenfield Academy Trust. Cllr. L. Hart remained in the meeting and took part in the discussion and vote on the item.',
      ].join('\n\n'),
    );
    expect(record.items.find((i) => i.id === n)!.standardText).toBe(
      [
        'RESOLVED: That future meetings of the Board take place at County Hall, Glenfield on the following dates:',
        'Friday, 18 September 2026 at 10.00 am;',
        'Friday, 11 December 2026 at 10.00 am.',
      ].join('\n\n'),
    );
    // The declaration itself (the record the quorum and the register read) is as it was.
    expect(record.declarations.map((x) => x.nature)).toEqual(['a governor of Glenfield Academy']);
    const version = call(services, 'minutes.versions', { meetingId: m.meetingId }).at(-1)!;
    expect(version).toMatchObject({ kind: 'corrections', reason: expect.stringMatching(/^Chair’s corrections of .*: 3 accepted, 1 rejected$/) });

    // The Word minutes print the chair's words, the decision still under its label, and not the rejected deletion.
    const exported = await services.call('exports.build', { meetingId: m.meetingId, document: 'minutes' });
    if (!exported.ok) throw new Error(exported.error.message);
    const bytes = Buffer.from((exported.value as { base64: string }).base64, 'base64');
    const words = (await mammoth.extractRawText({ buffer: bytes })).value;
    expect(words).toContain('invited members and officers who wished');
    expect(words).toContain('as a trustee of the Glenfield Academy Trust.');
    expect(words).not.toContain('governor');
    expect(words).toMatch(/RESOLVED:\s+That future meetings of the Board take place at County Hall, Glenfield on the following dates:/);
    expect(words).toContain('Friday, 11 December 2026 at 10.00 am.');
    expect(words).not.toContain('RESOLVED: That');
    // A second review copy marks the edited wording paragraph by paragraph again.
    const again = await value<ReviewSent>(services.call('review.send', { meetingId: m.meetingId, chairName: CHAIR.name, chairEmail: CHAIR.email }));
    expect(bookmarks(Buffer.from(again.file.base64, 'base64'))).toEqual(['mc_m1_s2', ...names.slice(1)]);
  });
});

describe('the chair’s edits made without Track Changes to the attendance and to the meeting’s own sentences', () => {
  it('are found by comparing with the copy sent: the closing line, accepted, becomes the meeting’s edited wording; the name under PRESENT is listed and not rewritten', async () => {
    const { services } = createTempStore(temp);
    const m = await buildStandardWordingMeeting((name, input) => services.dispatch(name, input));
    await value<ReviewSent>(services.call('review.send', { meetingId: m.meetingId, chairName: CHAIR.name, chairEmail: CHAIR.email }));
    // LibreOffice, recording off: "Cllr. L. Hart" retyped under PRESENT and the closing line's time retyped.
    const reply = readFileSync(join(FIXTURES, 'sentences-reply.docx'));
    expect(strFromU8(unzipSync(reply)['word/document.xml']!)).not.toMatch(/<w:(ins|del) /);
    const reading = await value<ReviewReading>(services.call('review.readReply', { meetingId: m.meetingId, fileName: 'sentences-reply.docx', base64: reply.toString('base64') }));
    expect(reading.changes.map((c) => [c.key, c.label, c.tracked, c.author, c.removed, c.added, c.after, c.applicable])).toEqual([
      // The word difference cuts a time at its point, as it cuts any number ("11.30": "11", ".", "30").
      ['sc0_0', 'After the minutes, the closing line', false, 'Not tracked', '30', '35', 'The meeting closed at 11.35 am.', true],
    ]);
    expect(reading.added).toEqual([{ afterLabel: null, before: 'Cllr. L. Hart', text: 'Cllr. Mrs L. Hart', author: 'Not tracked', newParagraph: false }]);
    // The attendance is not among the blocks the clerk accepts or rejects.
    expect(reading.blocks.some((b) => b.key.startsWith('a'))).toBe(false);

    const block = reading.blocks.find((b) => b.key === 'sc0_0')!;
    const applied = services.dispatch('review.apply', {
      meetingId: m.meetingId,
      sendId: reading.sendId,
      fileName: 'sentences-reply.docx',
      base64: reply.toString('base64'),
      replyDate: reading.replyDate,
      accepted: 1,
      rejected: 0,
      blocks: [{ key: block.key, text: wordsAfter(block.segments, () => true) }],
    });
    expect(applied.ok ? 'applied' : applied.error.message).toBe('applied');
    const record = call(services, 'meetings.get', { meetingId: m.meetingId });
    expect(record.wording).toEqual({ closing: 'The meeting closed at 11.35 am.' });
    // The closing time itself is the record's, as it was; the printed line is the chair's.
    expect(record.closedAt).toBe('11:30');
    expect(record.attendance.map((a) => a.name).sort()).toEqual(['Cllr. L. Hart', 'Mrs D. Taylor CC']);
    const exported = await services.call('exports.build', { meetingId: m.meetingId, document: 'minutes' });
    if (!exported.ok) throw new Error(exported.error.message);
    const words = (await mammoth.extractRawText({ buffer: Buffer.from((exported.value as { base64: string }).base64, 'base64') })).value;
    expect(words).toContain('The meeting closed at 11.35 am.');
    expect(words).not.toContain('11.30 am');
    expect(words).toContain('Cllr. L. Hart');
    expect(words).not.toContain('Cllr. Mrs L. Hart');
    // Attendance keys are never accepted as corrections, whatever a caller sends.
    const refused = services.dispatch('review.apply', {
      meetingId: m.meetingId,
      sendId: reading.sendId,
      fileName: 'sentences-reply.docx',
      base64: reply.toString('base64'),
      replyDate: reading.replyDate,
      accepted: 1,
      rejected: 0,
      blocks: [{ key: 'a1', text: 'Cllr. Mrs L. Hart' }],
    });
    expect(refused.ok ? 'applied' : refused.error.code).toBe('invalid_input');
  });
});

describe('every sentence of the meeting’s own in the review copy', () => {
  it('is marked (order of business, a departure, a change of chair, the exclusion, the closing line), and the chair’s words for each become its edited wording', async () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Wessex Licensing Committee', kind: 'Committee', quorumMinVoting: 1 });
    const members = ['Cllr. A. Pearce', 'Cllr. L. Hart', 'Cllr. M. Osei'].map((name) => call(services, 'members.create', { bodyId: body.id, name }));
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-03-12', startTime: '10:00', venue: 'County Hall' });
    call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Taxi fares' });
    call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Street trading consents' });
    const [fares, trading, contract] = call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Contract award', exempt: true, exemptParagraph: 3 });
    let record = call(services, 'attendance.setMember', { meetingId: meeting.id, memberId: members[0]!.id, status: 'present' });
    for (const x of members.slice(1)) record = call(services, 'attendance.setMember', { meetingId: meeting.id, memberId: x.id, status: 'present' });
    const att = (memberId: number) => record.attendance.find((a) => a.memberId === memberId)!.id;
    call(services, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
    call(services, 'attendance.setChair', { attendanceId: att(members[0]!.id), agendaItemId: null, time: '10:00' });
    call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: trading!.id, time: '10:05' });
    call(services, 'attendance.recordMovement', { attendanceId: att(members[2]!.id), kind: 'left', time: '10:20', agendaItemId: trading!.id });
    call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: fares!.id, time: '10:40' });
    call(services, 'attendance.setChair', { attendanceId: att(members[1]!.id), agendaItemId: fares!.id, time: '10:41' });
    call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: contract!.id, time: '11:00' });
    call(services, 'meetings.close', { meetingId: meeting.id, time: '11:45' });
    record = call(services, 'meetings.get', { meetingId: meeting.id });
    const movement = record.movements[0]!.id;
    const chair = record.chairChanges.find((c) => c.agendaItemId === fares!.id)!.id;

    const sent = await value<ReviewSent>(services.call('review.send', { meetingId: meeting.id, chairName: 'Cllr. A. Pearce' }));
    const names = bookmarks(Buffer.from(sent.file.base64, 'base64'));
    const sentences = ['mc_so0_0', `mc_sm${movement}_0`, `mc_sh${chair}_0`, `mc_sx${contract!.id}_0`, 'mc_sc0_0'];
    expect(names.filter((x) => /^mc_s[ocxmh]/.test(x)).sort()).toEqual([...sentences].sort());
    // The exclusion is marked once, though the exempt minutes follow in the same copy.
    expect(names.filter((x) => x === `mc_sx${contract!.id}_0`)).toHaveLength(1);
    const reading = await value<ReviewReading>(services.call('review.readReply', { meetingId: meeting.id, fileName: 'copy.docx', base64: sent.file.base64 }));
    // The copy itself, unedited: every sentence placed, no change found.
    expect(reading.changes).toEqual([]);
    expect(reading.blocks.filter((b) => /^s[ocxmh]/.test(b.key)).map((b) => b.label)).toEqual([
      'Minute 1, the change to the order of business',
      'Minute 2, an arrival or departure',
      'Minute 3, a change of chair',
      'Minute 4, the exclusion of the press and public',
      'After the minutes, the closing line',
    ]);
    const edited = {
      so0_0: 'The Chairman sought the consent of the Committee to take item 2 first, which was given.',
      [`sm${movement}_0`]: 'Cllr. M. Osei left the meeting at 10.20 am and did not return.',
      [`sh${chair}_0`]: 'Cllr. L. Hart took the Chair for this item.',
      [`sx${contract!.id}_0`]: 'That the press and public be excluded for the next item under paragraph 3 of Schedule 12A.',
      sc0_0: 'The meeting closed at 11.47 am.',
    };
    const applied = services.dispatch('review.apply', {
      meetingId: meeting.id,
      sendId: reading.sendId,
      fileName: 'copy.docx',
      base64: sent.file.base64,
      replyDate: '2026-03-14',
      accepted: 5,
      rejected: 0,
      blocks: Object.entries(edited).map(([key, text]) => ({ key, text })),
    });
    expect(applied.ok ? 'applied' : applied.error.message).toBe('applied');
    const after = call(services, 'meetings.get', { meetingId: meeting.id });
    expect(after.wording).toEqual({
      orderOfBusiness: edited.so0_0,
      [`movement:${movement}`]: edited[`sm${movement}_0`],
      [`chair:${chair}`]: edited[`sh${chair}_0`],
      [`exclusion:${contract!.id}`]: edited[`sx${contract!.id}_0`],
      closing: edited.sc0_0,
    });
    const printed = minutesToText(buildMinutes(after, { style: after.body.houseStyle })).replace(/\s+/g, ' ');
    for (const text of Object.values(edited)) expect(printed).toContain(text.replace(/\.$/, ''));
  });
});

