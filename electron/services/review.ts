/**
 * The chair's round trip in Word. Sending writes a review copy (Track
 * Changes on, every block bookmarked) and records the version sent, to whom
 * and when, with each block's words as sent. Reading a reply parses it in
 * the parsing worker and places its changes against those words; nothing is
 * saved. Applying writes the accepted corrections into the entries, keeps
 * the reply file as evidence and records a version.
 */
import { sha256Hex } from '../config/lazy-crypto';
import type { ParsedInput, ReviewHistory, ReviewSent } from '../../shared/contract';
import { formatDate, formatLongDate } from '../../shared/format';
import { meetingSentences, sentenceOf, sentenceSource, standardWordingParts, type SourceKey } from '../../shared/minutes/document';
import { reviewBlocks, reviewCopy } from '../../shared/review/copy';
import { isDraftStatus, MINUTES_STATUS_LABELS, type MeetingRecord, type ReviewReplySummary, type ReviewSend, type SentenceKey } from '../../shared/model';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import { markBookmark, placeReply, standardPart, storedFromPrinted, type ReviewReading, type SentBlock } from '../../shared/review/reply';
import { DOCX_MIME, exemptParagraphsOf, fileNameFor } from '../export/documents';
import { wordWriters } from '../export/word-writers';
import { parseIsolated } from '../import/isolated';
import { isoNow, type Handlers, type ReadContext, type ReadHandlers, type ServiceContext } from './context';
import { loadLiveRecord, loadRecord } from './meeting-record';
import { assertNoErrors, changeStatus, snapshot } from './minutes-status';

interface SendRow {
  id: number;
  meeting_id: number;
  version_number: number;
  chair_name: string;
  chair_email: string;
  sent_at: string;
  file_name: string;
  sha256: string;
  blocks: string;
}
const toSend = (r: SendRow): ReviewSend => ({
  id: r.id,
  meetingId: r.meeting_id,
  versionNumber: r.version_number,
  chairName: r.chair_name,
  chairEmail: r.chair_email,
  sentAt: r.sent_at,
  fileName: r.file_name,
  sha256: r.sha256,
});

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
const sha256 = sha256Hex;

/** The record's blocks as the review copy prints them. */
const blocksOf = (record: MeetingRecord): SentBlock[] => reviewBlocks(reviewCopy(record));

/** What the copy about to be sent holds, read in one transaction. */
export interface SendPlan {
  record: MeetingRecord;
  sendId: number;
  blocks: SentBlock[];
  fileName: string;
}

export function planSend(ctx: ReadContext, input: ParsedInput<'review.send'>): SendPlan {
  const record = loadRecord(ctx, input.meetingId);
  if (!isDraftStatus(record.minutesStatus)) {
    throw new DomainError('conflict', `These minutes are “${MINUTES_STATUS_LABELS[record.minutesStatus]}”: only draft minutes are sent to the chair for review`);
  }
  // Refused before the file is written: the same checks the status change makes.
  assertNoErrors(record, 'sent');
  const sendId = (ctx.store.db.prepare('SELECT coalesce(max(id), 0) + 1 AS n FROM review_send').get() as { n: number }).n;
  return { record, sendId, blocks: blocksOf(record), fileName: fileNameFor(record, 'draft minutes for the chair') };
}

/** The review copy's bytes, written outside any transaction. */
export async function writeReviewCopy(plan: SendPlan): Promise<Buffer> {
  const { record } = plan;
  const { reviewCopyToDocx } = await wordWriters();
  const copy = reviewCopy(record);
  return reviewCopyToDocx(copy.minutes, record.body.houseStyle, markBookmark(record.id, plan.sendId), copy.exempt ? { doc: copy.exempt, paragraphs: exemptParagraphsOf(record) } : null);
}

/** The words the clerk can copy into an email, and the same as a mailto: link. */
export function coveringNote(record: MeetingRecord, chairName: string, chairEmail: string, fileName: string): ReviewSent['note'] {
  const subject = `Draft minutes for approval: ${record.body.name}, ${formatLongDate(record.date)}`;
  const body = [
    `Dear ${chairName},`,
    '',
    `Please find attached the draft minutes of the meeting of the ${record.body.name} held on ${formatLongDate(record.date)} (${fileName}).`,
    '',
    `Track Changes is switched on in the document: please make any corrections directly in it, add a comment for anything you would like to discuss, save it and send it back to me. If you are content with the minutes as they stand, a reply saying so is enough.`,
    '',
    `With thanks,`,
    record.contactOfficer || 'The clerk',
  ].join('\n');
  const mailto = `mailto:${encodeURIComponent(chairEmail)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { to: chairEmail, subject, body, mailto };
}

/** Records the copy sent, in the write transaction after the file was written. */
export function recordSend(ctx: ServiceContext, input: ParsedInput<'review.send'>, plan: SendPlan, bytes: Uint8Array): ReviewSend {
  const db = ctx.store.db;
  const record = loadRecord(ctx, input.meetingId);
  // The minutes changed while the file was being written: send again, so what was sent is what is recorded.
  const now = new Map(blocksOf(record).map((b) => [b.key, b.text]));
  if (plan.blocks.some((b) => now.get(b.key) !== b.text) || now.size !== plan.blocks.length) {
    throw new DomainError('conflict', 'The minutes changed while the review copy was being written; send it again');
  }
  const to = `${input.chairName}${input.chairEmail ? ` <${input.chairEmail}>` : ''}`;
  if (record.minutesStatus === 'draft') changeStatus(ctx, input.meetingId, 'sent', `${MINUTES_STATUS_LABELS.sent}: ${to}`);
  else snapshot(ctx, record, 'status', 'sent', `Sent to the chair again: ${to}`);
  const version = (db.prepare('SELECT max(number) AS n FROM minutes_version WHERE meeting_id = ?').get(input.meetingId) as { n: number }).n;
  const blocks = Object.fromEntries(plan.blocks.map((b) => [b.key, b]));
  db.prepare(
    'INSERT INTO review_send (id, meeting_id, version_number, chair_name, chair_email, sent_at, file_name, sha256, blocks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(plan.sendId, input.meetingId, version, input.chairName, input.chairEmail, isoNow(ctx), plan.fileName, sha256(bytes), JSON.stringify(blocks));
  return toSend(db.prepare('SELECT * FROM review_send WHERE id = ?').get(plan.sendId) as SendRow);
}

const loadSend = (ctx: ReadContext, sendId: number): SendRow | undefined => ctx.store.db.prepare('SELECT * FROM review_send WHERE id = ?').get(sendId) as SendRow | undefined;
const sentOf = (row: SendRow): SentBlock[] => Object.values(JSON.parse(row.blocks) as Record<string, SentBlock>);

export const REVIEW_MESSAGES = {
  unmarked:
    'This Word document is not a review copy sent from Meeting Clerk: it has none of the marks the copy sent to the chair carries. Choose the file the chair sent back (the review copy, edited). Nothing was changed.',
  otherMeeting: (what: string) => `This is the review copy of another meeting (${what}), not of these minutes. Choose the reply to these minutes; nothing was changed.`,
  unknownCopy: 'This review copy was not sent from this database (no record of sending it). Nothing was changed.',
  noBlocks:
    'None of the marked paragraphs of the copy sent are in this document any more, so its text no longer matches the minutes and nothing can be placed. Ask the chair to edit the copy sent, with Track Changes on; nothing was changed.',
};

/** review.readReply: parsed in the worker, placed against the copy sent in one read transaction. Saves nothing. */
export async function readReply(input: ParsedInput<'review.readReply'>, ctx: ReadContext, inReadTransaction: <T>(fn: () => T) => T): Promise<Result<ReviewReading>> {
  try {
    inReadTransaction(() => loadRecord(ctx, input.meetingId));
    const bytes = Buffer.from(input.base64, 'base64');
    const parsed = await parseIsolated({ kind: 'review-reply', bytes });
    if (!parsed.ok) return fail('invalid_input', parsed.error.message);
    const reply = parsed.value;
    if (!reply.mark) return fail('invalid_input', REVIEW_MESSAGES.unmarked);
    const mark = reply.mark;
    return inReadTransaction(() => {
      if (mark.meetingId !== input.meetingId) {
        const other = ctx.store.db.prepare('SELECT m.date, b.name FROM meeting m JOIN body b ON b.id = m.body_id WHERE m.id = ?').get(mark.meetingId) as
          | { date: string; name: string }
          | undefined;
        return fail('invalid_input', REVIEW_MESSAGES.otherMeeting(other ? `${other.name}, ${formatLongDate(other.date)}` : 'one not in this database'));
      }
      const send = loadSend(ctx, mark.sendId);
      if (!send || send.meeting_id !== input.meetingId) return fail('invalid_input', REVIEW_MESSAGES.unknownCopy);
      const sent = sentOf(send);
      const found = new Set(reply.blocks.map((b) => b.key));
      if (sent.length > 0 && !sent.some((b) => found.has(b.key))) return fail('invalid_input', REVIEW_MESSAGES.noBlocks);
      const current = new Map(blocksOf(loadLiveRecord(ctx, input.meetingId)).map((b) => [b.key as string, b.text]));
      return ok(
        placeReply(reply, sent, current, {
          sendId: send.id,
          fileName: input.fileName,
          sha256: sha256(bytes),
          today: isoNow(ctx).slice(0, 10),
          sentTo: `${send.chair_name}${send.chair_email ? ` <${send.chair_email}>` : ''}`,
          sentAt: send.sent_at,
        }),
      );
    });
  } catch (error) {
    if (error instanceof DomainError) return fail(error.code, error.message);
    return fail('internal', `The chair’s reply could not be read: ${(error as Error)?.message ?? String(error)}`);
  }
}

export const reviewHandlers: Handlers<'review.apply'> = {
  /**
   * The corrections the clerk accepted, into the record: each block's words
   * as printed after them become the entry's (or the heading's) words. A
   * block changed in the minutes since the copy was sent is refused, so a
   * later correction of the clerk's is never overwritten unseen.
   */
  'review.apply': (input, ctx) => {
    const db = ctx.store.db;
    const record = loadLiveRecord(ctx, input.meetingId);
    if (!isDraftStatus(record.minutesStatus)) throw new DomainError('conflict', 'These minutes are approved: the chair’s corrections are applied to draft minutes only');
    const send = loadSend(ctx, input.sendId);
    if (!send || send.meeting_id !== input.meetingId) throw new DomainError('not_found', REVIEW_MESSAGES.unknownCopy);
    const sent = new Map(sentOf(send).map((b) => [b.key as string, b]));
    const now = new Map(blocksOf(record).map((b) => [b.key as string, b.text]));
    const entries = new Map(record.entries.map((e) => [e.id, e]));
    for (const block of input.blocks) {
      const was = sent.get(block.key);
      if (!was) throw new DomainError('invalid_input', `The copy sent has no block ${block.key}`);
      const current = now.get(block.key);
      if (current !== was.text) {
        throw new DomainError(
          'conflict',
          `${was.label} (${was.minuteTitle}) was changed in the minutes after the copy was sent to the chair${current === undefined ? ' (it is no longer in them)' : `: it now reads “${current.slice(0, 200)}”`}. Make that correction by hand on the Live meeting tab; nothing was changed.`,
        );
      }
    }
    // A standard wording of several paragraphs: the paragraphs the chair corrected, with the rest as they print now,
    // become the item's edited standard wording (as one of one paragraph does), one write per item.
    const standardEdits = new Map<number, Map<number, string>>();
    for (const block of input.blocks) {
      const part = standardPart(block.key);
      if (!part) continue;
      const edits = standardEdits.get(part.itemId) ?? new Map<number, string>();
      edits.set(part.index, norm(block.text));
      standardEdits.set(part.itemId, edits);
    }
    for (const [itemId, edits] of standardEdits) {
      const item = record.items.find((i) => i.id === itemId);
      if (!item) throw new DomainError('not_found', `The item of ${sent.get(`std${itemId}_${[...edits.keys()][0]}`)!.label} is no longer in the minutes`);
      const parts = standardWordingParts(item, record, record.body.houseStyle);
      const text = parts
        .map((p, k) => (edits.has(k) ? (edits.get(k) ? p.prefix + edits.get(k)! : '') : p.prefix + p.text))
        .filter(Boolean)
        .join('\n\n');
      db.prepare('UPDATE agenda_item SET standard_text = ? WHERE id = ? AND meeting_id = ?').run(text, itemId, input.meetingId);
    }
    // The meeting's own sentences the chair corrected become the meeting's edited wording of them (as the clerk's
    // edit in place does): the paragraphs not corrected are kept as they print.
    const sentenceEdits = new Map<SentenceKey, Map<number, string>>();
    for (const block of input.blocks) {
      const sentence = sentenceOf(block.key);
      if (!sentence) continue;
      const edits = sentenceEdits.get(sentence.key) ?? new Map<number, string>();
      edits.set(sentence.paragraph, norm(block.text));
      sentenceEdits.set(sentence.key, edits);
    }
    if (sentenceEdits.size) {
      const sentences = new Map(meetingSentences(record, record.body.houseStyle).map((x) => [x.key, x]));
      const wording = { ...(record.wording ?? {}) } as Record<string, string>;
      for (const [key, edits] of sentenceEdits) {
        const sentence = sentences.get(key);
        if (!sentence) throw new DomainError('not_found', `${sent.get(sentenceSource(key, [...edits.keys()][0]!))!.label} is no longer in the minutes`);
        const paragraphs = sentence.edited === undefined ? [norm(sentence.standard)] : sentence.edited.split(/\n\s*\n/).map(norm).filter(Boolean);
        // An exclusion prints as one resolution, its paragraphs joined: the chair's words replace it whole.
        wording[key] = key.startsWith('exclusion:')
          ? (edits.get(0) ?? '')
          : paragraphs
              .map((p, k) => (edits.has(k) ? edits.get(k)! : p))
              .filter(Boolean)
              .join('\n\n');
      }
      db.prepare('UPDATE meeting SET wording = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(wording), isoNow(ctx), input.meetingId);
    }
    for (const block of input.blocks) {
      const key = block.key as SourceKey;
      const id = Number(key.slice(1));
      if (standardPart(key) || sentenceOf(key)) continue;
      if (key.startsWith('open')) {
        // The item's standard wording (its opening sentence, or a standard item's sentence) as the chair corrected it:
        // from now on it is the item's edited standard wording, marked edited, put back like any edit of the clerk's.
        const itemId = Number(key.slice(4));
        const changed = db.prepare('UPDATE agenda_item SET standard_text = ? WHERE id = ? AND meeting_id = ?').run(norm(block.text), itemId, input.meetingId);
        if (!changed.changes) throw new DomainError('not_found', `${sent.get(key)!.label} is no longer in the minutes`);
        continue;
      }
      if (key.startsWith('i')) {
        if (!block.text.trim()) throw new DomainError('invalid_input', `${sent.get(key)!.label}: a minute keeps its heading`);
        db.prepare('UPDATE agenda_item SET title = ? WHERE id = ? AND meeting_id = ?').run(block.text.trim(), id, input.meetingId);
        continue;
      }
      const entry = entries.get(id);
      if (!entry) throw new DomainError('not_found', `${sent.get(key)!.label} is no longer in the minutes`);
      const text = storedFromPrinted(key, block.text, entry.kind);
      if (text) db.prepare('UPDATE minute_entry SET text = ? WHERE id = ?').run(text, id);
      else db.prepare('DELETE FROM minute_entry WHERE id = ?').run(id);
    }
    const bytes = Buffer.from(input.base64, 'base64');
    const info = db
      .prepare('INSERT INTO review_reply (meeting_id, send_id, file_name, sha256, bytes, reply_date, read_at, accepted, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(input.meetingId, input.sendId, input.fileName, sha256(bytes), bytes, input.replyDate, isoNow(ctx), input.accepted, input.rejected);
    const after = loadLiveRecord(ctx, input.meetingId);
    const reason = `Chair’s corrections of ${formatDate(input.replyDate)}: ${input.accepted} accepted, ${input.rejected} rejected`;
    snapshot(ctx, after, 'corrections', after.minutesStatus, reason, { replyId: Number(info.lastInsertRowid), evidence: `“${input.fileName}” (SHA-256 ${sha256(bytes)})` });
    return loadRecord(ctx, input.meetingId);
  },
};

export const reviewReadHandlers: ReadHandlers<'review.list' | 'review.replyFile'> = {
  'review.replyFile': (input, ctx) => {
    const row = ctx.store.db.prepare('SELECT file_name, bytes FROM review_reply WHERE id = ? AND meeting_id = ?').get(input.replyId, input.meetingId) as
      | { file_name: string; bytes: Uint8Array }
      | undefined;
    if (!row) throw new DomainError('not_found', `No reply from the chair numbered ${input.replyId} was read for these minutes`);
    return { fileName: row.file_name, mimeType: DOCX_MIME, base64: Buffer.from(row.bytes).toString('base64') };
  },

  'review.list': (input, ctx): ReviewHistory => {
    loadRecord(ctx, input.meetingId);
    const sends = (ctx.store.db.prepare('SELECT * FROM review_send WHERE meeting_id = ? ORDER BY id').all(input.meetingId) as SendRow[]).map(toSend);
    const replies = (
      ctx.store.db
        .prepare('SELECT id, send_id, file_name, sha256, reply_date, read_at, accepted, rejected FROM review_reply WHERE meeting_id = ? ORDER BY id')
        .all(input.meetingId) as { id: number; send_id: number; file_name: string; sha256: string; reply_date: string; read_at: string; accepted: number; rejected: number }[]
    ).map(
      (r): ReviewReplySummary => ({
        id: r.id,
        sendId: r.send_id,
        fileName: r.file_name,
        sha256: r.sha256,
        replyDate: r.reply_date,
        readAt: r.read_at,
        accepted: r.accepted,
        rejected: r.rejected,
      }),
    );
    return { sends, replies };
  },
};
