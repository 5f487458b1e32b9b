/**
 * The chair's round trip in Word, through the service layer on a real
 * SQLite file: the review copy's bytes read back, the replies made by
 * LibreOffice (through UNO) and built to Word's shapes read in the parsing
 * worker and placed on their blocks, corrections applied as a version,
 * hostile files refused with nothing changed, and approval with evidence.
 * Fixtures: test/fixtures/chair-replies (README there says how each was made).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReviewHistory, ReviewSent } from '../../shared/contract';
import type { MeetingRecord, MinutesVersion } from '../../shared/model';
import type { Result } from '../../shared/result';
import { wordsAfter, type ReviewReading } from '../../shared/review/reply';
import type { Services } from '../../electron/services';
import { readReviewReply } from '../../electron/import/review-reply';
import { stopIdleWorkers } from '../../electron/import/isolated';
import { call, callError } from '../helpers/api';
import { zipBombDocx } from '../helpers/hostile-docx';
import { buildReviewMeeting, CHAIR, WORDS, type ReviewMeeting } from '../helpers/review-meeting';
import { createTempStore, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
afterAll(() => stopIdleWorkers());

const FIXTURES = join(__dirname, '..', 'fixtures', 'chair-replies');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

async function value<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
async function refusal(result: Promise<Result<unknown>>) {
  const r = await result;
  if (r.ok) throw new Error('unexpectedly succeeded');
  return r.error;
}

/** The fixture meeting in a fresh database, sent to the chair (copy 1 of meeting 1, as the fixtures were made). */
async function sentMeeting(): Promise<{ services: Services; store: ReturnType<typeof createTempStore>['store']; m: ReviewMeeting; sent: ReviewSent }> {
  const { services, store } = createTempStore(temp);
  const m = await buildReviewMeeting((name, input) => services.dispatch(name, input));
  const sent = await value<ReviewSent>(services.call('review.send', { meetingId: m.meetingId, chairName: CHAIR.name, chairEmail: CHAIR.email }));
  return { services, store, m, sent };
}

const read = (services: Services, meetingId: number, file: string, bytes: Uint8Array = fixture(file)) =>
  services.call("review.readReply", { meetingId, fileName: file, base64: Buffer.from(bytes).toString("base64") });

/** Accepts the chosen changes and applies them, as the Review tab does. */
function apply(services: Services, reading: ReviewReading, accept: (id: string) => boolean, file: string) {
  const ids = [...new Set(reading.changes.filter((c) => c.applicable).map((c) => c.id))];
  const accepted = ids.filter(accept);
  const blocks = reading.blocks
    .filter((b) => !b.key.startsWith('open'))
    .map((b) => ({ key: b.key, text: wordsAfter(b.segments, (c) => accepted.includes(c)) }))
    .filter((b) => b.text !== reading.blocks.find((x) => x.key === b.key)!.sent);
  return services.dispatch('review.apply', {
    meetingId: 1,
    sendId: reading.sendId,
    fileName: file,
    base64: fixture(file).toString('base64'),
    replyDate: reading.replyDate,
    accepted: accepted.length,
    rejected: ids.length - accepted.length,
    blocks,
  }) as Result<MeetingRecord>;
}

const entryText = (services: Services, meetingId: number, entryId: number) =>
  call(services, 'meetings.get', { meetingId }).entries.find((e) => e.id === entryId)?.text;

describe('sending the draft to the chair', () => {
  it('writes a review copy with Track Changes on and a bookmark on every minute and entry, and records the version, the chair and the time', async () => {
    const { services, m, sent } = await sentMeeting();
    const parts = unzipSync(Buffer.from(sent.file.base64, 'base64'));
    expect(strFromU8(parts['word/settings.xml']!)).toMatch(/<w:trackRevisions\/>/);
    const document = strFromU8(parts['word/document.xml']!);
    const names = [...document.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((x) => x[1]);
    expect(names).toEqual([
      'mc_m1_s1',
      // The attendance line by line (here the chair's line alone), so a change to it is found and listed.
      'mc_a0',
      `mc_i${m.violenceItemId}`,
      `mc_open${m.violenceItemId}`,
      ...(['funding', 'thanks', 'pointDuty', 'pointStrategy', 'noted', 'further'] as const).map((k) => `mc_e${m.entry[k]}`),
      `mc_i${m.planItemId}`,
      `mc_open${m.planItemId}`,
      `mc_e${m.entry.plan}`,
      `mc_e${m.entry.approved}`,
      // The app's own closing line.
      'mc_sc0_0',
    ]);
    // The committed fixtures were made from a copy with these same marks (so they still fit this meeting).
    const fixtureDoc = strFromU8(unzipSync(fixture('review-copy.docx'))['word/document.xml']!);
    expect([...fixtureDoc.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((x) => x[1])).toEqual(names);

    expect(sent.record.minutesStatus).toBe('sent');
    expect(sent.send).toMatchObject({ chairName: CHAIR.name, chairEmail: CHAIR.email, versionNumber: 1, sentAt: '2024-05-01T09:30:00.000Z' });
    const versions = call(services, 'minutes.versions', { meetingId: m.meetingId });
    expect(versions.map((v) => v.reason)).toEqual([`Sent to the chair: ${CHAIR.name} <${CHAIR.email}>`]);
    const history = call(services, 'review.list', { meetingId: m.meetingId }) as ReviewHistory;
    expect(history.sends).toHaveLength(1);
    expect(sent.note.subject).toBe('Draft minutes for approval: Wessex Safer Communities Board, Friday, 5 June 2026');
    expect(sent.note.mailto.startsWith(`mailto:${encodeURIComponent(CHAIR.email)}?subject=Draft%20minutes%20for%20approval`)).toBe(true);
    expect(sent.note.body).toMatch(/^Dear Mrs D\. Taylor CC,\n/);
  });

  it('sends again while the minutes are with the chair, and a reply to the first copy is still placed against the words that copy had', async () => {
    const { services, m } = await sentMeeting();
    call(services, 'entries.update', { entryId: m.entry.approved, patch: { text: 'That the plan be approved with its annexes' } });
    const again = await value<ReviewSent>(services.call('review.send', { meetingId: m.meetingId, chairName: CHAIR.name, chairEmail: CHAIR.email }));
    expect(again.send).toMatchObject({ id: 2, versionNumber: 2 });
    expect(call(services, 'minutes.versions', { meetingId: m.meetingId }).map((v) => v.reason)).toEqual([
      `Sent to the chair: ${CHAIR.name} <${CHAIR.email}>`,
      `Sent to the chair again: ${CHAIR.name} <${CHAIR.email}>`,
    ]);
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'libreoffice-reply.docx'));
    expect(reading.sendId).toBe(1);
    expect(reading.changedSince).toEqual(['Minute 2, resolution']);
    expect(reading.changes).toHaveLength(4);
  });

  it('refuses to send minutes the checks find errors in, writing nothing', async () => {
    const { services, store } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Panel', kind: 'Panel' });
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-05', startTime: '10:00', venue: 'County Hall' });
    // Started, with no one in the chair and no close time: two errors.
    call(services, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
    const before = snapshotTables(store.db);
    const error = await refusal(services.call('review.send', { meetingId: meeting.id, chairName: 'Cllr. A. Chair', chairEmail: '' }));
    expect(error.message).toMatch(/^The minutes cannot be sent to the chair while the checks find/);
    expect(snapshotTables(store.db)).toEqual(before);
  });
});

describe('reading the reply LibreOffice wrote', () => {
  it('places each tracked change, the untracked edit and the comment on its block, and saves nothing', async () => {
    const { services, store, m } = await sentMeeting();
    const before = snapshotTables(store.db);
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'libreoffice-reply.docx'));
    expect(snapshotTables(store.db)).toEqual(before);
    const shown = reading.changes.map((c) => ({ key: c.key, label: c.label, kind: c.kind, author: c.author, tracked: c.tracked, removed: c.removed, added: c.added, after: c.after }));
    expect(shown).toEqual([
      {
        key: `e${m.entry.funding}`,
        label: 'Minute 1, paragraph 1',
        kind: 'insertion',
        author: 'Dorothy Taylor',
        tracked: true,
        removed: '',
        added: 'and the allocation to districts',
        after: 'Members discussed the funding formula and the allocation to districts for the coming year.',
      },
      { key: `e${m.entry.thanks}`, label: 'Minute 1, paragraph 2', kind: 'deletion', author: 'Dorothy Taylor', tracked: true, removed: 'for the update', added: '', after: 'The Board thanked Rik Basra.' },
      {
        key: `e${m.entry.further}`,
        label: 'Minute 1, resolution (b)',
        kind: 'replacement',
        author: 'Dorothy Taylor',
        tracked: true,
        removed: 'That a further update be brought to the next meeting',
        added: 'That a progress report be brought to the September meeting',
        after: 'That a progress report be brought to the September meeting.',
      },
      {
        key: `e${m.entry.plan}`,
        label: 'Minute 2, paragraph 1',
        kind: 'insertion',
        author: 'Not tracked',
        tracked: false,
        removed: '',
        added: ', with a focus on young people',
        after: 'Mrs Taylor summarised the plan’s priorities for the year ahead, with a focus on young people.',
      },
    ]);
    expect(reading.comments).toEqual([
      expect.objectContaining({ author: 'Dorothy Taylor', text: 'Please check the month with the officer before these are approved.', anchor: 'published in January', label: 'Minute 1, point (ii)', parentId: null }),
    ]);
    expect(reading.changedSince).toEqual([]);
    expect(reading.sentTo).toBe(`${CHAIR.name} <${CHAIR.email}>`);
    expect(reading.replyDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('applies the accepted changes to the entries as the chair’s corrections and records a version; the rejected one changes nothing', async () => {
    const { services, m } = await sentMeeting();
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'libreoffice-reply.docx'));
    const deletion = reading.changes.find((c) => c.kind === 'deletion')!.id;
    const result = apply(services, reading, (id) => id !== deletion, 'libreoffice-reply.docx');
    expect(result.ok).toBe(true);
    expect(entryText(services, m.meetingId, m.entry.funding)).toBe('Members discussed the funding formula and the allocation to districts for the coming year.');
    expect(entryText(services, m.meetingId, m.entry.thanks)).toBe(WORDS.thanks);
    // A resolution's closing full stop is the app's: the words are stored as the clerk would type them.
    expect(entryText(services, m.meetingId, m.entry.further)).toBe('That a progress report be brought to the September meeting');
    expect(entryText(services, m.meetingId, m.entry.plan)).toBe('Mrs Taylor summarised the plan’s priorities for the year ahead, with a focus on young people.');
    const versions = call(services, 'minutes.versions', { meetingId: m.meetingId });
    const last = versions.at(-1)!;
    expect(last.kind).toBe('corrections');
    expect(last.reason).toMatch(/^Chair’s corrections of \d{1,2} [A-Z][a-z]+ \d{4}: 3 accepted, 1 rejected$/);
    expect(last.text).toContain('That a progress report be brought to the September meeting.');
    expect(last.text).toContain('The Board thanked Rik Basra for the update.');
    const history = call(services, 'review.list', { meetingId: m.meetingId }) as ReviewHistory;
    expect(history.replies).toEqual([expect.objectContaining({ fileName: 'libreoffice-reply.docx', accepted: 3, rejected: 1, sendId: reading.sendId })]);
    expect(last.replyId).toBe(history.replies[0]!.id);
    // The reply is kept as it was received, as evidence.
    const kept = call(services, 'review.replyFile', { meetingId: m.meetingId, replyId: history.replies[0]!.id });
    expect(kept.fileName).toBe('libreoffice-reply.docx');
    expect(Buffer.from(kept.base64, 'base64').equals(fixture('libreoffice-reply.docx'))).toBe(true);
  });

  it('rejecting every change leaves the minutes exactly as they were', async () => {
    const { services, m } = await sentMeeting();
    const record = call(services, 'meetings.get', { meetingId: m.meetingId });
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'libreoffice-reply.docx'));
    expect(apply(services, reading, () => false, 'libreoffice-reply.docx').ok).toBe(true);
    expect(call(services, 'meetings.get', { meetingId: m.meetingId }).entries).toEqual(record.entries);
    const versions = call(services, 'minutes.versions', { meetingId: m.meetingId });
    expect(versions.at(-1)!.reason).toMatch(/: 0 accepted, 4 rejected$/);
    expect(versions.at(-1)!.text).toBe(versions.at(-2)!.text);
  });

  it('says which blocks changed in the minutes since the copy was sent, and refuses to overwrite them', async () => {
    const { services, store, m } = await sentMeeting();
    call(services, 'entries.update', { entryId: m.entry.funding, patch: { text: 'Members discussed the funding formula at length.' } });
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'libreoffice-reply.docx'));
    expect(reading.changedSince).toEqual(['Minute 1, paragraph 1']);
    const before = snapshotTables(store.db);
    const result = apply(services, reading, () => true, 'libreoffice-reply.docx');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('conflict');
      expect(result.error.message).toBe(
        'Minute 1, paragraph 1 (Serious Violence Duty) was changed in the minutes after the copy was sent to the chair: it now reads “Members discussed the funding formula at length.”. Make that correction by hand on the Live meeting tab; nothing was changed.',
      );
    }
    expect(snapshotTables(store.db)).toEqual(before);
  });
});

describe('reading a reply in the shapes Word writes', () => {
  it('reads a replacement, a move, a second author, formatting, a new paragraph and a threaded comment, each on its block', async () => {
    const { services, m } = await sentMeeting();
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'word-shaped-reply.docx'));
    const byKey = (key: string) => reading.changes.filter((c) => c.key === key);
    expect(byKey(`e${m.entry.funding}`)).toEqual([
      expect.objectContaining({ kind: 'replacement', removed: 'coming year', added: '2026/27 financial year', author: 'Dorothy Taylor', date: '2026-06-12T08:41:00Z', after: 'Members discussed the funding formula for the 2026/27 financial year.' }),
    ]);
    expect(byKey(`e${m.entry.thanks}`)).toEqual([expect.objectContaining({ kind: 'move', after: 'The Board thanked for the update Rik Basra.' })]);
    expect(byKey(`e${m.entry.noted}`)).toEqual([expect.objectContaining({ kind: 'insertion', author: 'Cllr. L. Hart', label: 'Minute 1, resolution (a)' })]);
    expect(reading.formatting).toEqual([expect.objectContaining({ label: 'Minute 2, paragraph 1', what: 'text formatting', author: 'Dorothy Taylor' })]);
    expect(reading.added).toEqual([{ afterLabel: 'Minute 2, paragraph 1', before: '', text: 'Members welcomed the focus on young people.', author: 'Dorothy Taylor', newParagraph: true }]);
    expect(reading.comments.map((c) => [c.id, c.author, c.parentId, c.label, c.anchor])).toEqual([
      ['0', 'Dorothy Taylor', null, 'Minute 1, point (ii)', 'in January'],
      ['1', 'Rik Basra', '0', 'Minute 1, point (ii)', 'in January'],
    ]);
    expect(reading.replyDate).toBe('2026-06-12');
  });

  it('accepts all of one author’s changes and none of the other’s', async () => {
    const { services, m } = await sentMeeting();
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'word-shaped-reply.docx'));
    const hart = new Set(reading.changes.filter((c) => c.author === 'Cllr. L. Hart').map((c) => c.id));
    expect(apply(services, reading, (id) => hart.has(id), 'word-shaped-reply.docx').ok).toBe(true);
    expect(entryText(services, m.meetingId, m.entry.noted)).toBe('That the report and its appendix be noted');
    expect(entryText(services, m.meetingId, m.entry.funding)).toBe(WORDS.funding);
    const last = call(services, 'minutes.versions', { meetingId: m.meetingId }).at(-1)!;
    expect(last.reason).toBe('Chair’s corrections of 12 June 2026: 1 accepted, 3 rejected');
  });

  it('reads the files Word 365 itself wrote (a threaded comment; an insertion and a deletion), and refuses them as replies: they are no review copy', async () => {
    const thread = readReviewReply(fixture('word/comment-thread.docx'));
    expect(thread.ok && thread.value.comments.map((c) => [c.id, c.text, c.parentId, c.anchor])).toEqual([
      ['0', 'A comment.', null, 'dolor sit amet'],
      ['1', 'A reply comment.', '0', 'dolor sit amet'],
    ]);
    const mixed = readReviewReply(fixture('word/mixed-insert-delete.docx'));
    expect(mixed.ok && mixed.value.changes.map((c) => [c.author, c.date])).toEqual([
      ['Author', null],
      ['Author', null],
    ]);
    expect(mixed.ok && mixed.value.added[0]!.text.startsWith('Lorem dolor sit amet ipsum, consectetuer')).toBe(true);
    const { services, store, m } = await sentMeeting();
    const before = snapshotTables(store.db);
    const error = await refusal(read(services, m.meetingId, 'comment-thread.docx', fixture('word/comment-thread.docx')));
    expect(error.message).toMatch(/^This Word document is not a review copy sent from Meeting Clerk/);
    expect(snapshotTables(store.db)).toEqual(before);
  });
});

describe('words typed next to a block’s bookmark', () => {
  it('belong to that block: before it opens, at the start; after it closes, at the end', async () => {
    const { services, m } = await sentMeeting();
    const parts = unzipSync(fixture('review-copy.docx'));
    const doc = strFromU8(parts['word/document.xml']!);
    const ins = (text: string) => `<w:ins w:id="950" w:author="Dorothy Taylor" w:date="2026-06-12T09:00:00Z"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;
    const start = `<w:bookmarkStart w:name="mc_e${m.entry.thanks}"`;
    const endAt = doc.indexOf('<w:bookmarkEnd', doc.indexOf(start));
    const endClose = doc.indexOf('/>', endAt) + 2;
    const edited = `${doc.slice(0, doc.indexOf(start))}${ins('Finally, ')}${doc.slice(doc.indexOf(start), endClose)}${ins(' The Chairman agreed.')}${doc.slice(endClose)}`;
    const { zipSync, strToU8 } = await import('fflate');
    const bytes = Buffer.from(zipSync({ ...parts, 'word/document.xml': strToU8(edited) }));
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'edited.docx', bytes));
    expect(reading.changes.map((c) => [c.label, c.after])).toEqual([
      ['Minute 1, paragraph 2', 'Finally, The Board thanked Rik Basra for the update.'],
      ['Minute 1, paragraph 2', 'The Board thanked Rik Basra for the update. The Chairman agreed.'],
    ]);
    expect(wordsAfter(reading.blocks.find((b) => b.key === `e${m.entry.thanks}`)!.segments, () => true)).toBe('Finally, The Board thanked Rik Basra for the update. The Chairman agreed.');
  });
});

describe('changes to a minute’s heading and to the app’s opening sentence', () => {
  it('a heading’s new words become the item’s title; the opening sentence’s become the item’s edited standard wording', async () => {
    const { services, m } = await sentMeeting();
    const parts = unzipSync(fixture('review-copy.docx'));
    let doc = strFromU8(parts['word/document.xml']!);
    const tracked = (text: string, kind: 'ins' | 'del') =>
      kind === 'ins'
        ? `<w:ins w:id="960" w:author="Dorothy Taylor" w:date="2026-06-12T09:00:00Z"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`
        : `<w:del w:id="961" w:author="Dorothy Taylor" w:date="2026-06-12T09:00:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
    doc = doc.replace('<w:t xml:space="preserve">Serious Violence Duty</w:t></w:r>', `<w:t xml:space="preserve">Serious Violence Duty</w:t></w:r>${tracked(' (Home Office guidance)', 'ins')}`);
    doc = doc.replace('Community Safety Team Leader, which', `Community Safety Team Leader</w:t></w:r>${tracked(', Wessex County Council', 'ins')}<w:r><w:t xml:space="preserve">, which`);
    const { zipSync, strToU8 } = await import('fflate');
    const bytes = Buffer.from(zipSync({ ...parts, 'word/document.xml': strToU8(doc) }));
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'headings.docx', bytes));
    expect(reading.changes.map((c) => [c.label, c.applicable, c.added])).toEqual([
      ['Minute 1, heading', true, '(Home Office guidance)'],
      ['Minute 1, opening sentence', true, ', Wessex County Council'],
    ]);
    const blocks = reading.blocks
      .filter((b) => b.key === `i${m.violenceItemId}` || b.key === `open${m.violenceItemId}`)
      .map((b) => ({ key: b.key, text: wordsAfter(b.segments, () => true) }));
    const opening = blocks.find((b) => b.key.startsWith('open'))!.text;
    expect(opening).toMatch(/^The Board considered a report of Rik Basra, Community Safety Team Leader, Wessex County Council, which /);
    const applied = services.dispatch('review.apply', {
      meetingId: m.meetingId,
      sendId: reading.sendId,
      fileName: 'headings.docx',
      base64: bytes.toString('base64'),
      replyDate: reading.replyDate,
      accepted: 2,
      rejected: 0,
      blocks,
    });
    expect(applied.ok).toBe(true);
    const record = call(services, 'meetings.get', { meetingId: m.meetingId });
    expect(record.items.find((i) => i.id === m.violenceItemId)!.title).toBe('Serious Violence Duty (Home Office guidance)');
    // The author stays as typed; the sentence is the item's edited standard wording now, printed as the chair corrected it.
    expect(record.items.find((i) => i.id === m.violenceItemId)!.author).toBe('Rik Basra, Community Safety Team Leader');
    expect(record.items.find((i) => i.id === m.violenceItemId)!.standardText).toBe(opening);
    const versions = call(services, 'minutes.versions', { meetingId: m.meetingId });
    expect(versions.at(-1)!.text).toContain(opening);
    // A block the copy sent had not is refused.
    const refused = callError(services, 'review.apply', { meetingId: m.meetingId, sendId: reading.sendId, fileName: 'x.docx', base64: bytes.toString('base64'), replyDate: reading.replyDate, accepted: 1, rejected: 0, blocks: [{ key: 'open999999', text: 'x' }] });
    expect(refused).toMatchObject({ code: 'invalid_input', message: 'The copy sent has no block open999999' });
  });
});

describe('bad replies are refused with a clear message and nothing changes', () => {
  it('a zip bomb, a file that is not a .docx, one too large to send, and the review copy of another meeting', async () => {
    const { services, store, m } = await sentMeeting();
    const other = call(services, 'meetings.create', { bodyId: m.bodyId, date: '2026-07-03', startTime: '10:00', venue: 'County Hall' });
    const before = snapshotTables(store.db);
    const bomb = await refusal(read(services, m.meetingId, 'bomb.docx', zipBombDocx(2, { declaredMb: 300 })));
    expect(bomb.message).toMatch(/^This Word file is too large to read: .*Check that you chose the chair’s reply; nothing was changed\.$/);
    const pdf = await refusal(read(services, m.meetingId, 'reply.docx', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')));
    expect(pdf.message).toMatch(/Choose the chair’s reply: the review copy, edited and saved as a Word \.docx file\. Nothing was changed\.$/);
    const huge = Buffer.alloc(21 * 1024 * 1024, 0x41);
    const big = await refusal(read(services, m.meetingId, 'big.docx', huge));
    expect(big.code).toBe('invalid_input');
    expect(big.message).toMatch(/too large/);
    const elsewhere = await refusal(read(services, other.id, 'libreoffice-reply.docx'));
    expect(elsewhere.message).toBe(
      'This is the review copy of another meeting (Wessex Safer Communities Board, Friday, 5 June 2026), not of these minutes. Choose the reply to these minutes; nothing was changed.',
    );
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('corrections cannot be applied once the minutes are approved', async () => {
    const { services, m } = await sentMeeting();
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'libreoffice-reply.docx'));
    call(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'approved', approval: { approver: CHAIR.name, approvedOn: '2026-06-12', evidence: { kind: 'meeting' } } });
    const result = apply(services, reading, () => true, 'libreoffice-reply.docx');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('locked');
  });
});

describe('approval records who approved, when and on what evidence', () => {
  it('keeps the approver, the typed date and the reply file (name and SHA-256) with the version', async () => {
    const { services, m } = await sentMeeting();
    const reading = await value<ReviewReading>(read(services, m.meetingId, 'libreoffice-reply.docx'));
    expect(apply(services, reading, () => true, 'libreoffice-reply.docx').ok).toBe(true);
    const replyId = (call(services, 'review.list', { meetingId: m.meetingId }) as ReviewHistory).replies[0]!.id;
    const approved = call(services, 'minutes.setStatus', {
      meetingId: m.meetingId,
      status: 'approved',
      approval: { approver: CHAIR.name, approvedOn: '2026-06-12', evidence: { kind: 'reply', replyId } },
    });
    expect(approved.minutesStatus).toBe('approved');
    const last: MinutesVersion = call(services, 'minutes.versions', { meetingId: m.meetingId }).at(-1)!;
    expect(last).toMatchObject({ kind: 'status', status: 'approved', approver: CHAIR.name, approvedOn: '2026-06-12', replyId });
    expect(last.evidence).toBe(`The chair’s reply “libreoffice-reply.docx” of ${reading.replyDate.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, mo, d) => `${Number(d)} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][Number(mo) - 1]} ${y}`)} (SHA-256 ${reading.sha256})`);
    expect(last.text).toContain('That a progress report be brought to the September meeting.');
  });

  it('refuses evidence from a reply that is not this meeting’s, and approval details on any other status', async () => {
    const { services, m } = await sentMeeting();
    expect(callError(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'approved', approval: { approver: 'X', approvedOn: '2026-06-12', evidence: { kind: 'reply', replyId: 99 } } }).code).toBe('not_found');
    expect(callError(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'draft', approval: { approver: 'X', approvedOn: '2026-06-12', evidence: { kind: 'meeting' } } }).message).toMatch(/Only approval records who approved/);
  });
});
