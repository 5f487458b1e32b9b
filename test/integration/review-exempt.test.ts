/**
 * The chair approves the exempt minutes too: the review copy carries them
 * after the public minutes, in a section of their own marked EXEMPT – NOT
 * FOR PUBLICATION (title notice and page header, citing Schedule 12A), each
 * block bookmarked once; a reply's change to an exempt paragraph is placed
 * and applied. On a real SQLite file, the .docx bytes read back.
 */
import { strFromU8, unzipSync, zipSync } from 'fflate';
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

const EXEMPT_WORDS = 'Members considered the tenders received for the CCTV contract.';
/** The words of a document part, paragraph by paragraph. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter(Boolean);

async function sentWithExempt() {
  const { services } = createTempStore(temp);
  const m = await buildReviewMeeting((name, input) => services.dispatch(name, input));
  const exempt = call(services, 'agendaItems.create', { meetingId: m.meetingId, title: 'CCTV Contract', exempt: true, exemptParagraph: 3 }).find((i) => i.title === 'CCTV Contract');
  call(services, 'meetings.takeItem', { meetingId: m.meetingId, itemId: exempt!.id, time: '11:00' });
  call(services, 'agendaItems.update', { itemId: exempt!.id, patch: { publicSummary: 'The Board considered the award of the CCTV contract.' } });
  let record = call(services, 'entries.create', { meetingId: m.meetingId, agendaItemId: exempt!.id, kind: 'paragraph', text: EXEMPT_WORDS, time: '11:00' });
  const paragraph = record.entries.find((e) => e.text === EXEMPT_WORDS)!;
  record = call(services, 'entries.create', { meetingId: m.meetingId, agendaItemId: exempt!.id, kind: 'resolution', text: 'That the contract be awarded to the preferred bidder', time: '11:05' });
  const resolution = record.entries.find((e) => e.agendaItemId === exempt!.id && e.kind === 'resolution')!;
  const sent = await value<ReviewSent>(services.call('review.send', { meetingId: m.meetingId, chairName: CHAIR.name, chairEmail: CHAIR.email }));
  return { services, m, exemptItemId: exempt!.id, paragraphId: paragraph.id, resolutionId: resolution.id, sent };
}

describe('the exempt minutes in the chair’s review copy', () => {
  it('follow the public minutes in a section marked exempt and not for publication, each block bookmarked once', async () => {
    const { exemptItemId, paragraphId, resolutionId, sent } = await sentWithExempt();
    const parts = unzipSync(Buffer.from(sent.file.base64, 'base64'));
    const document = strFromU8(parts['word/document.xml']!);
    const text = paragraphs(document);

    // The public minutes first: the exempt item by its fair summary only.
    const notice = text.findIndex((t) => t.startsWith('EXEMPT – NOT FOR PUBLICATION'));
    expect(notice).toBeGreaterThan(0);
    const publicPart = text.slice(0, notice);
    expect(publicPart).toContain('The Board considered the award of the CCTV contract.');
    expect(publicPart.join('\n')).not.toContain(EXEMPT_WORDS);
    // Then the exempt minutes, their own title, the marking citing Schedule 12A, and the exempt words.
    expect(text[notice - 1]).toMatch(/^Exempt minutes of a meeting of the Wessex Safer Communities Board/);
    expect(text[notice]).toBe('EXEMPT – NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972');
    expect(text.slice(notice)).toContain(EXEMPT_WORDS);
    expect(text.slice(notice).join('\n')).toContain('That the contract be awarded to the preferred bidder.');

    // A section of its own (two w:sectPr), whose header says so on every page.
    expect(document.match(/<w:sectPr/g)).toHaveLength(2);
    const headers = Object.entries(parts)
      .filter(([name]) => /^word\/header\d+\.xml$/.test(name))
      .map(([, bytes]) => paragraphs(strFromU8(bytes)).join(' '));
    expect(headers.some((h) => h.includes('EXEMPT – NOT FOR PUBLICATION'))).toBe(true);
    expect(headers.some((h) => !h.includes('EXEMPT'))).toBe(true);

    // Every bookmark once: the exempt item's heading is marked where its words are, in the exempt minutes.
    const names = [...document.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((x) => x[1]!);
    expect(new Set(names).size).toBe(names.length);
    const exemptStart = document.indexOf('EXEMPT – NOT FOR PUBLICATION');
    for (const name of [`mc_i${exemptItemId}`, `mc_e${paragraphId}`, `mc_e${resolutionId}`]) {
      expect(names).toContain(name);
      expect(document.indexOf(`w:name="${name}"`)).toBeGreaterThan(exemptStart);
    }
  });

  it('a change the chair makes to an exempt paragraph is placed on it, labelled exempt, and applied', async () => {
    const { services, m, paragraphId, sent } = await sentWithExempt();
    // The chair edits the exempt paragraph with Track Changes off: its words differ from the copy sent.
    const parts = unzipSync(Buffer.from(sent.file.base64, 'base64'));
    const document = strFromU8(parts['word/document.xml']!);
    expect(document).toContain('the tenders received');
    parts['word/document.xml'] = new TextEncoder().encode(document.replace('the tenders received', 'the three tenders received'));
    const reply = Buffer.from(zipSync(parts));

    const reading = await value<ReviewReading>(services.call('review.readReply', { meetingId: m.meetingId, fileName: 'reply.docx', base64: reply.toString('base64') }));
    const block = reading.blocks.find((b) => b.key === `e${paragraphId}`)!;
    expect(block.label).toMatch(/^Minute \d+ \(exempt\), paragraph 1$/);
    expect(block.minuteTitle).toBe('CCTV Contract');
    const changes = reading.changes.filter((c) => c.key === `e${paragraphId}`);
    expect(changes.length).toBeGreaterThan(0);
    // Nothing else is found changed: the rest of the copy came back as sent.
    expect(reading.changes.filter((c) => c.key !== `e${paragraphId}`)).toEqual([]);

    const ids = [...new Set(changes.map((c) => c.id))];
    const after = wordsAfter(block.segments, (id) => ids.includes(id));
    expect(after).toBe('Members considered the three tenders received for the CCTV contract.');
    const applied = services.dispatch('review.apply', {
      meetingId: m.meetingId,
      sendId: reading.sendId,
      fileName: 'reply.docx',
      base64: reply.toString('base64'),
      replyDate: reading.replyDate,
      accepted: ids.length,
      rejected: 0,
      blocks: [{ key: block.key, text: after }],
    });
    expect(applied.ok).toBe(true);
    expect(call(services, 'meetings.get', { meetingId: m.meetingId }).entries.find((e) => e.id === paragraphId)!.text).toBe(
      'Members considered the three tenders received for the CCTV contract.',
    );
    const versions = call(services, 'minutes.versions', { meetingId: m.meetingId });
    expect(versions.at(-1)!.exemptText).toContain('the three tenders received');
  });
});
