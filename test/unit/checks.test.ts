/**
 * The minutes checker: each rule with a record that trips it and one that
 * does not. A record that is right in every way is the starting point, so a
 * rule that fires on it is caught too.
 */
import { describe, expect, it } from 'vitest';
import { checkMinutes, countText, errorsOf } from '../../shared/checks';
import type { Action, MeetingRecord, MinuteEntry, Motion } from '../../shared/model';
import { attend, declaration, item, record } from './fixtures/meeting-record';

const entry = (id: number, agendaItemId: number, kind: MinuteEntry['kind'], text: string, extra: Partial<MinuteEntry> = {}): MinuteEntry => ({
  id,
  version: 1,
  agendaItemId,
  kind,
  position: id,
  text,
  recordedAt: '10:30',
  inquorate: false,
  ...extra,
});

const motion = (extra: Partial<Motion>): Motion => ({
  id: 1,
  version: 1,
  agendaItemId: 13,
  position: 0,
  kind: 'motion',
  text: 'That the scheme be approved',
  proposerId: null,
  seconderId: null,
  outcome: 'carried',
  votesFor: 3,
  votesAgainst: 1,
  votesAbstained: 0,
  recorded: false,
  names: [],
  recordedAt: '10:40',
  inquorate: false,
  ...extra,
});

const action = (extra: Partial<Action>): Action => ({
  id: 1,
  version: 1,
  agendaItemId: 13,
  resolutionId: null,
  position: 0,
  text: 'Circulate the slides',
  owner: 'Rik Basra',
  dueDate: '2027-01-15',
  status: 'Amber',
  number: 1,
  comments: [],
  ...extra,
});

/** A meeting minuted right: started and closed, a chair, every item taken and minuted. */
function good(extra: Partial<MeetingRecord> = {}): MeetingRecord {
  return record({
    items: [
      item(11, 0, 'Introductions', { kind: 'introductions', takenAt: '10:00' }),
      item(12, 1, 'Declarations of interest', { kind: 'declarations', takenAt: '10:02' }),
      item(13, 2, 'Town Centre Regeneration', { takenAt: '10:05' }),
    ],
    attendance: [attend(1, 1), attend(2, 2), attend(3, 3), attend(4, 4)],
    chairChanges: [{ id: 1, attendanceId: 1, agendaItemId: null, time: '10:00' }],
    entries: [entry(1, 13, 'paragraph', 'The Board considered the regeneration scheme.'), entry(2, 13, 'resolution', 'That the report be noted')],
    closedAt: '11:30',
    ...extra,
  });
}

const rulesOf = (r: MeetingRecord) => checkMinutes(r).map((c) => c.rule);

describe('the minutes checker', () => {
  it('finds nothing wrong with minutes that are right', () => {
    expect(checkMinutes(good())).toEqual([]);
    expect(countText([])).toBe('No problems found');
  });

  it('items never taken up in a closed meeting: an error with the three ways to settle it', () => {
    const r = good({ items: [...good().items, item(14, 3, 'Matters arising', { kind: 'matters_arising' })] });
    const [check] = checkMinutes(r);
    expect(check).toMatchObject({ rule: 'untaken-item', severity: 'error', minute: 4 });
    expect(check!.message).toBe('Minute 4, Matters arising (agenda item 4) was never taken up. Mark it withdrawn or deferred, or leave it out of the minutes.');
    expect(check!.fixes.map((f) => [f.label, f.input])).toEqual([
      ['Withdrawn', { itemId: 14, patch: { outcome: 'withdrawn' } }],
      ['Deferred', { itemId: 14, patch: { outcome: 'deferred' } }],
      ['Not minuted', { itemId: 14, patch: { leftOut: true } }],
    ]);
    // While the meeting goes on, items still to come are not a problem; settled ones never are.
    expect(rulesOf({ ...r, closedAt: null })).not.toContain('untaken-item');
    expect(rulesOf(good({ items: [...good().items, item(14, 3, 'Matters arising', { kind: 'matters_arising', outcome: 'deferred' })] }))).toEqual([]);
    expect(rulesOf(good({ items: [...good().items, item(14, 3, 'Matters arising', { kind: 'matters_arising', leftOut: true })] }))).toEqual([]);
  });

  it('a minute taken up with nothing under it', () => {
    expect(rulesOf(good({ entries: [] }))).toEqual(['empty-minute']);
    expect(rulesOf(good({ entries: [entry(1, 13, 'point', 'Members asked about funding')] }))).toEqual([]);
  });

  it('an empty resolution, with a fix that deletes it', () => {
    const checks = checkMinutes(good({ entries: [...good().entries, entry(3, 13, 'resolution', '  ')] }));
    expect(checks.map((c) => c.rule)).toEqual(['empty-resolution']);
    expect(checks[0]!.fixes).toEqual([{ label: 'Delete the empty resolution', call: 'entries.delete', input: { entryId: 3 } }]);
  });

  it('a declaration minuted after the minute of the item it concerns, fixed by minuting it there', () => {
    // The item it concerns is taken before the Declarations item.
    const items = [
      item(11, 0, 'Introductions', { kind: 'introductions', takenAt: '10:00', businessOrder: 0 }),
      item(13, 2, 'Town Centre Regeneration', { takenAt: '10:02', businessOrder: 1 }),
      item(12, 1, 'Declarations of interest', { kind: 'declarations', takenAt: '10:30', businessOrder: 2 }),
    ];
    const r = good({ items, declarations: [declaration({ attendanceId: 2, agendaItemId: 13 })] });
    const late = checkMinutes(r).filter((c) => c.rule === 'declaration-after-item');
    expect(late).toHaveLength(1);
    expect(late[0]!.message).toMatch(/^Cllr\. L\. Hart’s declaration concerns minute \d+, Town Centre Regeneration, but is minuted later, under minute \d+, Declarations of interest\./);
    expect(late[0]!.fixes[0]!.input).toEqual({ declarationId: 1, patch: { atItem: true } });
    expect(checkMinutes({ ...r, declarations: [declaration({ attendanceId: 2, agendaItemId: 13, atItem: true })] }).map((c) => c.rule)).not.toContain('declaration-after-item');
    // In the usual order (Declarations first) there is nothing to say.
    expect(rulesOf(good({ declarations: [declaration({ attendanceId: 2, agendaItemId: 13 })] }))).toEqual([]);
  });

  it('votes that cannot be right', () => {
    expect(rulesOf(good({ motions: [motion({ votesFor: 0, votesAgainst: 0, votesAbstained: 1 })] }))).toEqual(['vote']);
    expect(checkMinutes(good({ motions: [motion({ votesFor: 0, votesAgainst: 0, votesAbstained: 1 })] }))[0]!.message).toMatch(/is recorded as carried with no votes for it\.$/);
    expect(checkMinutes(good({ motions: [motion({ votesFor: 4, votesAgainst: 2, votesAbstained: 0 })] }))[0]!.message).toMatch(/has 6 votes recorded but only 4 voting members were present\.$/);
    expect(checkMinutes(good({ motions: [motion({ votesFor: 1, votesAgainst: 2 })] }))[0]!.message).toMatch(/carried with 1 for and 2 against\.$/);
    expect(checkMinutes(good({ motions: [motion({ outcome: 'lost', votesFor: 3, votesAgainst: 1 })] }))[0]!.message).toMatch(/lost with 3 for and 1 against\.$/);
    expect(
      checkMinutes(good({ motions: [motion({ recorded: true, votesFor: 2, votesAgainst: 0, names: [{ attendanceId: 1, choice: 'for' }] })] }))[0]!.message,
    ).toMatch(/do not agree with the names recorded\.$/);
    expect(rulesOf(good({ motions: [motion({})] }))).toEqual([]);
    expect(rulesOf(good({ motions: [motion({ votesFor: null, votesAgainst: null, votesAbstained: null })] }))).toEqual([]);
  });

  it('a decision taken while inquorate', () => {
    expect(rulesOf(good({ entries: [entry(1, 13, 'resolution', 'That the report be noted', { inquorate: true })] }))).toEqual(['inquorate-decision']);
    expect(rulesOf(good({ motions: [motion({ inquorate: true })] }))).toEqual(['inquorate-decision']);
  });

  it('no chair, no close time', () => {
    expect(rulesOf(good({ chairChanges: [] }))).toEqual(['no-chair']);
    const open = checkMinutes(good({ closedAt: null }));
    expect(open.map((c) => c.rule)).toEqual(['no-close-time']);
    expect(open[0]!.fixes[0]).toEqual({ label: 'Close the meeting now', call: 'meetings.close', input: { meetingId: 1 } });
    // A meeting not yet started has neither, and that is not a problem yet.
    expect(rulesOf(good({ startedAt: null, closedAt: null, chairChanges: [] }))).not.toContain('no-chair');
  });

  it('exempt items: the Schedule 12A paragraph, and exempt words in the public minutes', () => {
    const exemptItem = item(14, 3, 'Contract Award', { exempt: true, exemptParagraph: 3, takenAt: '11:00', publicSummary: 'The Board agreed the award of the contract.' });
    const secret = entry(5, 14, 'resolution', 'That the contract be awarded to Brightpath Youth Trust for three years');
    expect(rulesOf(good({ items: [...good().items, exemptItem], entries: [...good().entries, secret] }))).toEqual([]);
    const leaking = { ...exemptItem, publicSummary: 'The contract was awarded to Brightpath Youth Trust for three years.' };
    const leak = checkMinutes(good({ items: [...good().items, leaking], entries: [...good().entries, secret] }));
    expect(leak.map((c) => c.rule)).toEqual(['exempt-words']);
    expect(leak[0]!.message).toMatch(/appear in the public minutes: “.*brightpath.*…”/);
    expect(rulesOf(good({ items: [...good().items, { ...exemptItem, exemptParagraph: null }], entries: [...good().entries, secret] }))).toEqual(['exempt-paragraph']);
  });

  it('attendance: times outside the meeting, a substitute for a member who is present', () => {
    expect(rulesOf(good({ movements: [{ id: 1, attendanceId: 2, kind: 'arrived', time: '09:40', agendaItemId: null }] }))).toEqual(['movement-time']);
    expect(rulesOf(good({ movements: [{ id: 1, attendanceId: 2, kind: 'left', time: '11:45', agendaItemId: null }] }))).toEqual(['movement-time']);
    expect(rulesOf(good({ movements: [{ id: 1, attendanceId: 2, kind: 'left', time: '11:00', agendaItemId: null }] }))).toEqual([]);
    const sub = good({ attendance: [...good().attendance, attend(5, 5, { substituteForMemberId: 4 })] });
    expect(rulesOf(sub)).toEqual(['substitute-for-present']);
  });

  it('actions with no one responsible or no due date are worth a look (warnings)', () => {
    const checks = checkMinutes(good({ actions: [action({ owner: '', dueDate: null })] }));
    expect(checks.map((c) => [c.rule, c.severity])).toEqual([['action', 'warning']]);
    expect(checks[0]!.message).toMatch(/has no one responsible and no due date\.$/);
    expect(errorsOf(checks)).toEqual([]);
    expect(countText(checks)).toBe('1 warning');
    expect(rulesOf(good({ actions: [action({})] }))).toEqual([]);
  });

  it('the previous meeting confirmed was never held; two meetings on one date', () => {
    const withPrevious = (held: boolean, date = '2026-09-11') =>
      good({
        items: [item(10, 0, 'Minutes of the previous meeting', { kind: 'previous_minutes', takenAt: '10:00' }), ...good().items.map((i) => ({ ...i, position: i.position + 1 }))],
        previousMeeting: { id: 9, date, startTime: '10:00', venue: 'County Hall', mode: 'in_room', held },
      });
    expect(rulesOf(withPrevious(false))).toEqual(['previous-not-held']);
    expect(rulesOf(withPrevious(true))).toEqual([]);
    expect(rulesOf(withPrevious(true, '2026-12-11'))).toEqual(['same-date']);
  });

  it('lists errors first, then by minute', () => {
    const checks = checkMinutes(good({ closedAt: null, actions: [action({ owner: '' })], entries: [...good().entries, entry(3, 13, 'resolution', '')] }));
    expect(checks.map((c) => c.severity)).toEqual(['error', 'error', 'warning']);
    expect(countText(checks)).toBe('2 errors and 1 warning');
  });
});

describe('the Teams attendance report', () => {
  it('names the people left unmatched (a warning)', () => {
    const checks = checkMinutes(good({ teamsUnmatched: ['Jo Bloggs (External)', 'iPhone'] }));
    expect(checks.map((c) => [c.rule, c.severity, c.message])).toEqual([
      ['teams-unmatched', 'warning', '2 people in the Teams attendance report were left unmatched and are not in the minutes: Jo Bloggs (External), iPhone.'],
    ]);
    expect(checkMinutes(good({ teamsUnmatched: [] }))).toEqual([]);
  });
});
