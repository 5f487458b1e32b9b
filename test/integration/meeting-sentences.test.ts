/**
 * Every sentence the app writes is editable in place (issue 16): the consent
 * to vary the order of business, the exclusion of the public, arrivals and
 * departures, changes of chair and the closing line follow the record until
 * the clerk edits them (meetings.update wording), are then printed as typed
 * by the preview, the Word file, the web page and the text writer alike, are
 * put back with null, and approved minutes print the edit frozen with them.
 * A body's default opening form is taken by its new items of business.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/contract';
import { buildMinutes, meetingSentences, minutesToText } from '../../shared/minutes/document';
import { minutesToHtml } from '../../shared/minutes/html';
import type { MeetingRecord, SentenceKey } from '../../shared/model';
import { MinutesPreview } from '../../renderer/src/components/MinutesPreview';
import type { Services } from '../../electron/services';
import { call, callError } from '../helpers/api';
import { officeText } from '../helpers/office-text';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';
import { useDrafts, withDrafts } from '../../renderer/src/state/drafts';

const temp = useTempDirs();

/** A meeting held: the order varied, a member leaving during an item, the chair changing, exempt business, closed at 11.45 am. */
function heldMeeting(services: Services) {
  const body = call(services, 'bodies.create', { name: 'Wessex Licensing Committee', kind: 'Committee', quorumMinVoting: 1 });
  const members = ['Cllr. A. Pearce', 'Cllr. L. Hart', 'Cllr. M. Osei'].map((name) => call(services, 'members.create', { bodyId: body.id, name }));
  const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-03-12', startTime: '10:00', venue: 'County Hall' });
  call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Taxi fares' });
  call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Street trading consents' });
  const items = call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Contract award', exempt: true, exemptParagraph: 3 });
  const [fares, trading, contract] = items;
  let record = call(services, 'attendance.setMember', { meetingId: meeting.id, memberId: members[0]!.id, status: 'present' });
  for (const m of members.slice(1)) record = call(services, 'attendance.setMember', { meetingId: meeting.id, memberId: m.id, status: 'present' });
  call(services, 'meetings.start', { meetingId: meeting.id, time: '10:00' });
  const att = (memberId: number) => record.attendance.find((a) => a.memberId === memberId)!.id;
  call(services, 'attendance.setChair', { attendanceId: att(members[0]!.id), agendaItemId: null, time: '10:00' });
  call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: trading!.id, time: '10:05' });
  call(services, 'attendance.recordMovement', { attendanceId: att(members[2]!.id), kind: 'left', time: '10:20', agendaItemId: trading!.id });
  call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: fares!.id, time: '10:40' });
  call(services, 'attendance.setChair', { attendanceId: att(members[1]!.id), agendaItemId: fares!.id, time: '10:41' });
  call(services, 'meetings.takeItem', { meetingId: meeting.id, itemId: contract!.id, time: '11:00' });
  call(services, 'meetings.close', { meetingId: meeting.id, time: '11:45' });
  return { body, meetingId: meeting.id, contract: contract! };
}

/** The words of the public minutes as the preview, the Word file, the web page and the text writer print them. */
async function printedFour(services: Services, meetingId: number): Promise<Record<'preview' | 'word' | 'html' | 'text', string>> {
  const record = call(services, 'meetings.get', { meetingId });
  const style = record.body.houseStyle;
  const doc = buildMinutes(record, { style });
  const flat = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;|&rsquo;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
  const preview = flat(renderToStaticMarkup(createElement(MinutesPreview, { doc, fontFamily: style.fontFamily, fontSize: style.fontSize, councilName: style.councilName })));
  const result = await services.call('exports.build', { meetingId, document: 'minutes' });
  if (!result.ok) throw new Error(result.error.message);
  const word = officeText(Buffer.from((result.value as ExportedFile).base64, 'base64')).replace(/\s+/g, ' ');
  return { preview, word, html: flat(minutesToHtml(doc, style)), text: minutesToText(doc).replace(/\s+/g, ' ') };
}

const EDITS = {
  preamble: 'The Chairman welcomed the new members of the Committee.',
  orderOfBusiness: 'With the consent of the Committee, the Chairman took item 2 first.',
  closing: 'The meeting closed at 11.50 am, after a short adjournment.',
  afterClose: 'Jane Smith, Clerk to the Committee.',
  movement: 'Cllr. M. Osei left the meeting at 10.20 am to attend another engagement.',
  chair: 'Cllr. L. Hart took the Chair for this item.',
  exclusion: 'That the press and public be excluded for the next item, which concerns the financial affairs of a bidder.',
} as const;
const editOf = (key: string) => (EDITS as Record<string, string>)[key.split(':')[0]!];

describe('the meeting’s own sentences, edited in place', () => {
  it('follow the record until edited, print as typed in all four writers, and come back with null', async () => {
    const { services } = createTempStore(temp);
    const { meetingId, contract } = heldMeeting(services);
    const record = call(services, 'meetings.get', { meetingId });
    const sentences = meetingSentences(record, record.body.houseStyle);
    const keyOf = (kind: string) => sentences.find((s) => s.key.split(':')[0] === kind)!.key;
    // The app's wording of each, as printed, before any edit.
    expect(sentences.map((s) => s.key.split(':')[0]).sort()).toEqual(['afterClose', 'chair', 'closing', 'exclusion', 'movement', 'orderOfBusiness', 'preamble']);
    // The words before the first minute and after the closing line are the clerk's alone: the app writes none.
    expect(sentences.find((s) => s.key === 'preamble')!.standard).toBe('');
    expect(sentences.find((s) => s.key === 'afterClose')!.standard).toBe('');
    expect(keyOf('exclusion')).toBe(`exclusion:${contract.id}`);
    const before = minutesToText(buildMinutes(record, { style: record.body.houseStyle }));
    for (const s of sentences) expect(before).toContain(s.standard.replace(/\s+/g, ' '));
    expect(sentences.every((s) => s.edited === undefined)).toBe(true);

    const wording = Object.fromEntries(Object.entries(EDITS).map(([kind, text]) => [keyOf(kind), text]));
    call(services, 'meetings.update', { meetingId, patch: { wording } });
    const edited = call(services, 'meetings.get', { meetingId });
    expect(edited.wording).toEqual(wording);
    expect(meetingSentences(edited).every((s) => s.edited === editOf(s.key))).toBe(true);

    const printed = await printedFour(services, meetingId);
    for (const [writer, words] of Object.entries(printed)) {
      for (const text of Object.values(EDITS)) expect(words, `${writer}: ${text}`).toContain(text.replace(/\.$/, ''));
      for (const s of sentences.filter((s) => s.standard)) expect(words, `${writer} still prints the app's ${s.key}`).not.toContain(s.standard.replace(/\.$/, ''));
      // Printed after the attendance, before the first minute.
      const firstMinute = Math.min(...['Taxi fares', 'Street trading consents', 'Change to the Order of Business'].map((t) => words.indexOf(t)).filter((i) => i >= 0));
      expect(words.indexOf(EDITS.preamble.replace(/\.$/, '')), writer).toBeGreaterThan(words.indexOf('PRESENT'));
      expect(words.indexOf(EDITS.preamble.replace(/\.$/, '')), writer).toBeLessThan(firstMinute);
      // Printed after the closing line, and the app's signature lines (no signature among the words) after them.
      expect(words.indexOf(EDITS.afterClose.replace(/\.$/, '')), writer).toBeGreaterThan(words.indexOf(EDITS.closing.replace(/\.$/, '')));
      if (writer !== 'html') expect(words.lastIndexOf('Date'), writer).toBeGreaterThan(words.indexOf(EDITS.afterClose.replace(/\.$/, '')));
    }

    // The words after the close are set as the closing line is (flush with the margin), not as a minute's words.
    const closingBlocks = buildMinutes(edited).blocks.filter((b) => b.type === 'closing');
    expect(closingBlocks.map((b) => (b.type === 'closing' ? b.text : ''))).toEqual([EDITS.closing, EDITS.afterClose]);

    // Following the record stops with the edit: a later change of time leaves the edited closing line as typed.
    call(services, 'meetings.update', { meetingId, patch: { closedAt: '12:10' } });
    expect(minutesToText(buildMinutes(call(services, 'meetings.get', { meetingId })))).toContain(EDITS.closing);

    // null puts the app's wording back, following the record again; only the sentence sent changes.
    call(services, 'meetings.update', { meetingId, patch: { wording: { closing: null } } });
    const restored = call(services, 'meetings.get', { meetingId });
    const text = minutesToText(buildMinutes(restored));
    expect(text).toContain('The meeting closed at 12.10 pm.');
    expect(text).toContain(EDITS.movement);
    expect(restored.wording?.closing).toBeUndefined();

    // Emptied, a sentence is left out of the minutes.
    call(services, 'meetings.update', { meetingId, patch: { wording: { [keyOf('movement')]: '' } } });
    expect(minutesToText(buildMinutes(call(services, 'meetings.get', { meetingId })))).not.toMatch(/Osei left/);
  });

  it('words after the close that carry the chair’s signature lines print in place of the app’s signature block, never beside it', async () => {
    const { services } = createTempStore(temp);
    const { meetingId } = heldMeeting(services);
    const signed = 'Signed ……………………… Chairman\n\nDate ……………………\n\nJane Smith\n\nClerk to the Committee';
    call(services, 'meetings.update', { meetingId, patch: { wording: { afterClose: signed } } });
    const record = call(services, 'meetings.get', { meetingId });
    const doc = buildMinutes(record, { style: record.body.houseStyle });
    expect(doc.blocks.some((b) => b.type === 'signature')).toBe(false);
    // The text ends with the closing line and the words after it, as typed.
    expect(minutesToText(doc).split('\n\n').slice(-5)).toEqual([expect.stringMatching(/^The meeting closed at /), ...signed.split('\n\n')]);
    const { word, preview } = await printedFour(services, meetingId);
    for (const [writer, words] of [['word', word], ['preview', preview]] as const) {
      // "Chairman" once (in the signed line) after the close, and "Date" once.
      const after = words.slice(words.indexOf('The meeting closed'));
      expect(after.match(/\bChairman\b/g), writer).toHaveLength(1);
      expect(after.match(/\bDate\b/g), writer).toHaveLength(1);
      expect(after.trim().endsWith('Jane Smith Clerk to the Committee'), writer).toBe(true);
    }
    // Words after the close with no signature in them leave the app's signature block where it was.
    call(services, 'meetings.update', { meetingId, patch: { wording: { afterClose: 'Jane Smith, Clerk to the Committee' } } });
    expect(minutesToText(buildMinutes(call(services, 'meetings.get', { meetingId })))).toMatch(/Jane Smith, Clerk to the Committee\n\nChairman\n\nDate$/);
  });

  it('refuses a sentence of another meeting or none, and a save over another window’s edit (was)', () => {
    const { services } = createTempStore(temp);
    const { meetingId } = heldMeeting(services);
    const other = heldMeeting(services);
    const theirs = meetingSentences(call(services, 'meetings.get', { meetingId: other.meetingId })).find((s) => s.key.startsWith('movement:'))!.key;
    expect(callError(services, 'meetings.update', { meetingId, patch: { wording: { [theirs]: 'x' } } }).message).toMatch(/this meeting has no arrival or departure/);
    expect(callError(services, 'meetings.update', { meetingId, patch: { wording: { opening: 'x' } } }).message).toMatch(/orderOfBusiness, closing/);
    expect(callError(services, 'meetings.update', { meetingId, patch: { wording: { closing: 'x'.repeat(20_001) } } }).code).toBe('invalid_input');

    call(services, 'meetings.update', { meetingId, patch: { wording: { closing: 'Closed at noon.' } }, was: { wording: {} } });
    // Another window, still showing the app's closing line, is refused; one changing another sentence is not.
    const refused = callError(services, 'meetings.update', { meetingId, patch: { wording: { closing: 'Closed.' } }, was: { wording: { closing: null } } });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('Closed at noon.');
    call(services, 'meetings.update', { meetingId, patch: { wording: { orderOfBusiness: 'Varied.' } }, was: { wording: { orderOfBusiness: null } } });
    expect(call(services, 'meetings.get', { meetingId }).wording).toEqual({ closing: 'Closed at noon.', orderOfBusiness: 'Varied.' });
  });

  it('an edit goes with its movement, and approved minutes print the edit frozen with them', async () => {
    const made = createTempStore(temp);
    const { services } = made;
    const { meetingId } = heldMeeting(services);
    const record = call(services, 'meetings.get', { meetingId });
    const movement = record.movements[0]!;
    const key: SentenceKey = `movement:${movement.id}`;
    call(services, 'meetings.update', { meetingId, patch: { wording: { [key]: EDITS.movement, closing: EDITS.closing } } });
    call(services, 'attendance.deleteMovement', { movementId: movement.id });
    expect(call(services, 'meetings.get', { meetingId }).wording).toEqual({ closing: EDITS.closing });

    call(services, 'minutes.setStatus', { meetingId, status: 'approved' });
    // Locked: the approved wording cannot be changed without an amendment.
    expect(callError(services, 'meetings.update', { meetingId, patch: { wording: { closing: null } } }).message).toMatch(/approved|amendment/i);
    // Printed from the frozen record: a change under the live row does not reach the approved minutes.
    made.store.db.prepare(`UPDATE meeting SET wording = '{}' WHERE id = ?`).run(meetingId);
    const approved = call(services, 'meetings.get', { meetingId }) as MeetingRecord;
    expect(minutesToText(buildMinutes(approved))).toContain(EDITS.closing);
    expect((await printedFour(services, meetingId)).word).toContain(EDITS.closing.replace(/\.$/, ''));
  });
});

describe('a sentence being typed', () => {
  it('is in the preview before it is saved, and its draft goes once the same words are saved', () => {
    const { services } = createTempStore(temp);
    const { meetingId } = heldMeeting(services);
    const record = call(services, 'meetings.get', { meetingId });
    const drafts = useDrafts.getState();
    drafts.setWording('closing', EDITS.closing);
    const shown = withDrafts(record, { entries: {}, items: {}, motions: {}, wording: useDrafts.getState().wording });
    expect(minutesToText(buildMinutes(shown))).toContain(EDITS.closing);
    expect(minutesToText(buildMinutes(record))).not.toContain(EDITS.closing);
    // Saved words other than the draft's (typed on since): the draft stays; the same words: it goes.
    drafts.settleWording('closing', 'The meeting closed at 11.50 am');
    expect(useDrafts.getState().wording.closing).toBe(EDITS.closing);
    drafts.settleWording('closing', EDITS.closing);
    expect(useDrafts.getState().wording).toEqual({});
  });
});

describe('correcting a recorded arrival or departure', () => {
  it('moves its time and item, prints the corrected sentence everywhere, and refuses a time outside the meeting', async () => {
    const made = createTempStore(temp);
    const { services } = made;
    const { meetingId } = heldMeeting(services);
    const before = call(services, 'meetings.get', { meetingId });
    const movement = before.movements[0]!;
    const fares = before.items.find((i) => i.title === 'Taxi fares')!;
    expect((await printedFour(services, meetingId)).word).toContain('left the meeting at 10.20 am');

    const corrected = call(services, 'attendance.updateMovement', { movementId: movement.id, patch: { time: '10:50', agendaItemId: fares.id }, was: { time: '10:20' } });
    expect(corrected.movements[0]).toMatchObject({ id: movement.id, time: '10:50', agendaItemId: fares.id, kind: 'left' });
    for (const [writer, words] of Object.entries(await printedFour(services, meetingId))) {
      expect(words, writer).toContain('left the meeting at 10.50 am');
      expect(words, writer).not.toContain('10.20 am');
    }

    const rows = () => made.store.db.prepare('SELECT time, agenda_item_id FROM movement WHERE id = ?').get(movement.id);
    const kept = rows();
    // Outside the meeting's own times: refused with the times named, nothing changed.
    expect(callError(services, 'attendance.updateMovement', { movementId: movement.id, patch: { time: '09:30' } }).message).toMatch(/9\.30 am is before the meeting started \(10\.00 am\)/);
    expect(callError(services, 'attendance.updateMovement', { movementId: movement.id, patch: { time: '12:10' } }).message).toMatch(/12\.10 pm is after the meeting closed \(11\.45 am\)/);
    expect(callError(services, 'attendance.updateMovement', { movementId: movement.id, patch: { time: '25:00' } }).code).toBe('invalid_input');
    // Another window's copy showed the old time: refused rather than overwritten.
    expect(callError(services, 'attendance.updateMovement', { movementId: movement.id, patch: { time: '10:55' }, was: { time: '10:20' } }).code).toBe('conflict');
    // An item of another meeting.
    const other = call(services, 'meetings.create', { bodyId: before.body.id, date: '2026-04-09', startTime: '10:00', venue: 'County Hall' });
    const [otherItem] = call(services, 'agendaItems.create', { meetingId: other.id, title: 'Elsewhere' });
    expect(callError(services, 'attendance.updateMovement', { movementId: movement.id, patch: { agendaItemId: otherItem!.id } }).code).toBe('invalid_input');
    expect(rows()).toEqual(kept);

    // Approved minutes are locked: a correction then needs an amendment.
    call(services, 'minutes.setStatus', { meetingId, status: 'approved' });
    expect(callError(services, 'attendance.updateMovement', { movementId: movement.id, patch: { time: '11:00' } }).message).toMatch(/approved|amendment/i);
    expect(rows()).toEqual(kept);
  });
});

describe('a body’s default opening form', () => {
  it('is taken by new items of business, and a presenter line that says otherwise wins', () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board' });
    expect(body.openingKind).toBe('report');
    expect(call(services, 'bodies.update', { bodyId: body.id, patch: { openingKind: 'verbal' } }).openingKind).toBe('verbal');
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall', standardItems: true });
    const items = call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
    expect(items.find((i) => i.title === 'Serious Violence Duty')!.openingKind).toBe('verbal');
    // The standard items keep their own (none).
    expect(items.find((i) => i.kind === 'introductions')?.openingKind).toBe('none');
    const applied = call(services, 'import.applyAgenda', {
      meetingId: meeting.id,
      items: [
        { title: 'Hate crime', presenter: '' },
        { title: 'Prevent', presenter: 'A presentation will be given by Supt Aimee Ramm, Leicestershire Police.' },
      ],
    });
    expect(applied.find((i) => i.title === 'Hate crime')!.openingKind).toBe('verbal');
    expect(applied.find((i) => i.title === 'Prevent')!.openingKind).toBe('presentation');
    expect(callError(services, 'bodies.update', { bodyId: body.id, patch: { openingKind: 'speech' } }).code).toBe('invalid_input');
  });
});
