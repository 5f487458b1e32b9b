/**
 * Approval and amendments, the action log across meetings, and search:
 * through the service layer and the browser host, on real SQLite files.
 */
import { describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/contract';
import { diffSummary, wordDiff } from '../../shared/minutes/diff';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import type { Services } from '../../electron/services';
import { call, callError } from '../helpers/api';
import { makeStaticDir, postApi, startTrackedHost } from '../helpers/host';
import { countRows, createTempStore, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

/** A board with a minuted meeting: one item with a resolution and an action, a chair present. */
function minuted(services: Services, date = '2026-06-19') {
  const body = call(services, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  const member = call(services, 'members.create', { bodyId: body.id, name: 'Mrs D. Taylor CC', organisation: 'Wessex County Council' });
  const meeting = call(services, 'meetings.create', { bodyId: body.id, date, startTime: '10:00', venue: 'County Hall' });
  const [item] = call(services, 'agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
  let record = call(services, 'attendance.setMember', { meetingId: meeting.id, memberId: member.id, status: 'present' });
  record = call(services, 'entries.create', { meetingId: meeting.id, agendaItemId: item!.id, kind: 'resolution', text: 'That the report be noted.' });
  const resolution = record.entries[0]!;
  record = call(services, 'actions.create', { meetingId: meeting.id, agendaItemId: item!.id, text: 'Circulate the slides', owner: 'Rik Basra' });
  return { body, member, meetingId: meeting.id, itemId: item!.id, resolutionId: resolution.id, actionId: record.actions[0]!.id, attendanceId: record.attendance[0]!.id };
}

describe('the minutes checker refuses sending and approval while errors remain', () => {
  it('lists the errors in the refusal and changes nothing; once fixed, the minutes are approved', () => {
    const { services, store } = createTempStore(temp);
    const m = minuted(services);
    call(services, 'meetings.start', { meetingId: m.meetingId, time: '10:00' });
    const before = snapshotTables(store.db);
    for (const status of ['sent', 'approved'] as const) {
      const error = callError(services, 'minutes.setStatus', { meetingId: m.meetingId, status });
      expect(error.code).toBe('conflict');
      expect(error.message).toBe(
        `The minutes cannot be ${status === 'sent' ? 'sent to the chair' : 'approved'} while the checks find 2 errors: 1. No one is recorded in the chair: mark the chair in the attendance list (C on a member). 2. The meeting has no close time.`,
      );
    }
    expect(snapshotTables(store.db)).toEqual(before);
    call(services, 'attendance.setChair', { attendanceId: m.attendanceId, time: '10:00' });
    call(services, 'meetings.close', { meetingId: m.meetingId, time: '11:00' });
    // Warnings do not stop it (the action has no due date).
    expect(call(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'approved' }).minutesStatus).toBe('approved');
  });
});

describe('approval and the lock on approved minutes', () => {
  it('moves through the statuses, keeping a snapshot version at each, and refuses skipping or going back', () => {
    const { services } = createTempStore(temp);
    const m = minuted(services);
    expect(callError(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'confirmed' })).toMatchObject({ code: 'conflict' });
    call(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'sent' });
    const approved = call(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'approved' });
    expect(approved.minutesStatus).toBe('approved');
    const back = callError(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'draft' });
    expect(back.message).toMatch(/cannot become “Draft”; next: “Confirmed at the next meeting”/);
    const versions = call(services, 'minutes.versions', { meetingId: m.meetingId });
    expect(versions.map((v) => [v.number, v.kind, v.status])).toEqual([
      [1, 'status', 'sent'],
      [2, 'status', 'approved'],
    ]);
    expect(versions[0]!.text.startsWith('DRAFT')).toBe(true);
    expect(versions[1]!.text.startsWith('DRAFT')).toBe(false);
    expect(versions[1]!.text).toContain('That the report be noted.');
  });

  it('refuses a change to approved minutes with the lock\'s message, changing nothing; the action log still moves', () => {
    // Every write call is covered by approved-minutes.test.ts, generated from the registry; this is the message a clerk sees.
    const { services, store } = createTempStore(temp);
    const m = minuted(services);
    call(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'approved' });
    const before = snapshotTables(store.db);
    const error = callError(services, 'entries.update', { entryId: m.resolutionId, patch: { text: 'That the report be approved.' } });
    expect(error).toEqual({
      code: 'locked',
      message:
        'The minutes of Wessex Safer Communities Board on Friday, 19 June 2026 are approved by the chair and locked: to change them, record an amendment with a reason first',
    });
    expect(snapshotTables(store.db)).toEqual(before);
    // The action's status and dated comments belong to the action log, kept up at later meetings.
    expect(call(services, 'actions.update', { actionId: m.actionId, patch: { status: 'Green' } }).status).toBe('Green');
    expect(call(services, 'actions.comment', { actionId: m.actionId, text: 'Slides sent', date: '2026-06-22' }).comments).toEqual([
      expect.objectContaining({ date: '2026-06-22', text: 'Slides sent' }),
    ]);
  });

  it('keeps an approved action’s owner and due date up in the action log, while the approved minutes print what was approved', () => {
    const { services } = createTempStore(temp);
    const m = minuted(services);
    call(services, 'actions.update', { actionId: m.actionId, patch: { dueDate: '2026-07-31' } });
    call(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'approved' });
    // What the approved minutes print, and the actions of their frozen record.
    const printed = () => {
      const record = call(services, 'meetings.get', { meetingId: m.meetingId });
      return { text: minutesToText(buildMinutes(record, { style: record.body.houseStyle })), actions: record.actions.map((a) => [a.owner, a.dueDate]) };
    };
    const before = printed();
    expect(before.actions).toEqual([['Rik Basra', '2026-07-31']]);
    // Taken over by another officer, and put back a month: with `was`, as the action log screen sends them.
    const moved = call(services, 'actions.update', {
      actionId: m.actionId,
      patch: { owner: 'Jo Reyes', dueDate: '2026-08-31' },
      was: { owner: 'Rik Basra', dueDate: '2026-07-31' },
    });
    expect(moved).toMatchObject({ owner: 'Jo Reyes', dueDate: '2026-08-31' });
    expect(call(services, 'actions.log', { bodyId: m.body.id })[0]).toMatchObject({ owner: 'Jo Reyes', dueDate: '2026-08-31' });
    expect(printed()).toEqual(before);
    // A second window's stale copy is refused rather than overwriting.
    expect(callError(services, 'actions.update', { actionId: m.actionId, patch: { owner: 'Sam Lee' }, was: { owner: 'Rik Basra' } }).code).toBe('conflict');
    // Its wording and resolution are the minutes' own: locked.
    expect(callError(services, 'actions.update', { actionId: m.actionId, patch: { text: 'Circulate the slides and notes' } }).code).toBe('locked');
    expect(callError(services, 'actions.update', { actionId: m.actionId, patch: { owner: 'Sam Lee', resolutionId: null } }).code).toBe('locked');
    expect(call(services, 'actions.log', { bodyId: m.body.id })[0]).toMatchObject({ text: 'Circulate the slides', owner: 'Jo Reyes' });
  });

  it('accepts a change during an amendment with a reason, and records it as a version whose words differ', () => {
    const { services } = createTempStore(temp);
    const m = minuted(services);
    call(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'approved' });
    expect(callError(services, 'minutes.beginAmendment', { meetingId: m.meetingId, reason: 'x' }).message).toMatch(/Say why/);
    call(services, 'minutes.beginAmendment', { meetingId: m.meetingId, reason: 'The Chairman asked that the resolution record approval' });
    call(services, 'entries.update', { entryId: m.resolutionId, patch: { text: 'That the report be approved.' } });
    expect(callError(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'confirmed' }).message).toMatch(/Finish the amendment/);
    const done = call(services, 'minutes.finishAmendment', { meetingId: m.meetingId });
    expect(done).toMatchObject({ minutesStatus: 'approved', amendmentReason: null });
    // Locked again.
    expect(callError(services, 'entries.update', { entryId: m.resolutionId, patch: { text: 'Again' } }).code).toBe('locked');
    const versions = call(services, 'minutes.versions', { meetingId: m.meetingId });
    const amendment = versions.at(-1)!;
    expect(amendment).toMatchObject({ kind: 'amendment', status: 'approved', reason: 'The Chairman asked that the resolution record approval' });
    expect(amendment.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const parts = wordDiff(versions.at(-2)!.text, amendment.text);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim())).toContain('noted');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toContain('approved');
    expect(diffSummary(parts)).toEqual({ added: 1, removed: 1 });
  });

  it('refuses the same edit through the browser host, and accepts it once an amendment is under way', async () => {
    const { services } = createTempStore(temp);
    const m = minuted(services);
    call(services, 'minutes.setStatus', { meetingId: m.meetingId, status: 'approved' });
    const host = await startTrackedHost(temp, services, makeStaticDir(temp).staticDir);
    const refused = await postApi(host, 'entries.update', { entryId: m.resolutionId, patch: { text: 'That the report be approved.' } });
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'locked', message: expect.stringMatching(/record an amendment with a reason/) } });
    await postApi(host, 'minutes.beginAmendment', { meetingId: m.meetingId, reason: 'Wording agreed at the next meeting' });
    const accepted = await postApi(host, 'entries.update', { entryId: m.resolutionId, patch: { text: 'That the report be approved.' } });
    expect(accepted.json).toMatchObject({ ok: true });
    const finished = await postApi(host, 'minutes.finishAmendment', { meetingId: m.meetingId });
    expect(finished.json).toMatchObject({ ok: true, value: { amendmentReason: null } });
  });
});

describe('the action log across meetings', () => {
  it('numbers actions through the body, lists the open ones for the next meeting, and keeps their status', () => {
    const { services } = createTempStore(temp);
    const m = minuted(services, '2026-06-19');
    const next = call(services, 'meetings.create', { bodyId: m.body.id, date: '2026-09-18', startTime: '10:00', venue: 'County Hall' });
    const [nextItem] = call(services, 'agendaItems.create', { meetingId: next.id, title: 'Action Log' });
    const later = call(services, 'actions.create', { meetingId: next.id, agendaItemId: nextItem!.id, text: 'Arrange the site visit', owner: 'Jo Clerk' });
    expect(later.actions[0]!.number).toBe(2);
    const open = call(services, 'actions.log', { bodyId: m.body.id, openOnly: true, beforeMeetingId: next.id });
    expect(open.map((a) => [a.number, a.text, a.raisedOn, a.status])).toEqual([[1, 'Circulate the slides', '2026-06-19', 'Amber']]);
    call(services, 'actions.update', { actionId: m.actionId, patch: { status: 'Complete' } });
    call(services, 'actions.comment', { actionId: m.actionId, text: 'Slides circulated', date: '2026-09-18' });
    expect(call(services, 'actions.log', { bodyId: m.body.id, openOnly: true, beforeMeetingId: next.id })).toEqual([]);
    const all = call(services, 'actions.log', { bodyId: m.body.id });
    expect(all.map((a) => [a.number, a.status, a.comments.map((c) => `${c.date} ${c.text}`)])).toEqual([
      [1, 'Complete', ['2026-09-18 Slides circulated']],
      [2, 'Amber', []],
    ]);
  });
});

describe('search across the minutes', () => {
  it('finds words, respects the body and date filters, and leaves exempt text out unless asked', () => {
    const { services, store } = createTempStore(temp);
    const m = minuted(services, '2026-06-19');
    const other = call(services, 'bodies.create', { name: 'Scrutiny Commission' });
    const o = call(services, 'meetings.create', { bodyId: other.id, date: '2025-01-15', startTime: '09:30', venue: 'Room 1' });
    const [oi] = call(services, 'agendaItems.create', { meetingId: o.id, title: 'Budget scrutiny' });
    call(services, 'entries.create', { meetingId: o.id, agendaItemId: oi!.id, kind: 'paragraph', text: 'Members noted the report on the budget.' });
    const [, exemptItem] = call(services, 'agendaItems.create', { meetingId: m.meetingId, title: 'Contract award', exempt: true, exemptParagraph: 3 });
    call(services, 'entries.create', { meetingId: m.meetingId, agendaItemId: exemptItem!.id, kind: 'resolution', text: 'That the contract be awarded to Brightpath.' });

    const hits = call(services, 'search.minutes', { query: 'report' });
    expect(hits.map((h) => h.bodyName).sort()).toEqual(['Scrutiny Commission', 'Wessex Safer Communities Board']);
    expect(hits.find((h) => h.bodyName === 'Scrutiny Commission')!.snippet).toContain('[report]');
    expect(call(services, 'search.minutes', { query: 'report', bodyId: other.id }).map((h) => h.itemTitle)).toEqual(['Budget scrutiny']);
    expect(call(services, 'search.minutes', { query: 'report', from: '2026-01-01' }).map((h) => h.date)).toEqual(['2026-06-19']);
    expect(call(services, 'search.minutes', { query: 'report', to: '2025-12-31' }).map((h) => h.date)).toEqual(['2025-01-15']);
    expect(call(services, 'search.minutes', { query: 'Brightpath' })).toEqual([]);
    expect(call(services, 'search.minutes', { query: 'Brightpath', includeExempt: true }).map((h) => [h.itemTitle, h.exempt])).toEqual([['Contract award', true]]);
    // Prefixes and stems: "budg" finds "budget"; FTS syntax typed by the clerk is only words.
    expect(call(services, 'search.minutes', { query: 'budg' })).toHaveLength(1);
    const counts = countRows(store.db);
    expect(call(services, 'search.minutes', { query: '"unbalanced OR NEAR( * ^' })).toEqual([]);
    expect(countRows(store.db)).toEqual(counts);
    // Edits and deletions keep the index in step.
    call(services, 'entries.update', { entryId: m.resolutionId, patch: { text: 'That the strategy be endorsed.' } });
    expect(call(services, 'search.minutes', { query: 'endorsed' })).toHaveLength(1);
    call(services, 'meetings.delete', { meetingId: o.id });
    expect(call(services, 'search.minutes', { query: 'budget' })).toEqual([]);
  });
});
