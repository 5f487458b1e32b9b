/**
 * Approved minutes stay exactly as approved. Generated from the call
 * registry, so a call added later is covered without an edit here: every
 * write call is sent valid inputs aimed at an approved meeting and at
 * everything its minutes print (its body, members, house style, rules,
 * phrases, other meetings of the body), on a real SQLite file. After each,
 * the approved minutes' text (public and exempt) and their versions are
 * unchanged, or the call was refused with a message and changed nothing.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { CallName } from '../../shared/contract';
import { buildMinutes, minutesToText } from '../../shared/minutes/document';
import type { MeetingRecord } from '../../shared/model';
import { registry, type Services } from '../../electron/services';
import { validInputs } from '../../scripts/fuzz';
import { call } from '../helpers/api';
import { createTempStore, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

/** The recorded paths by which approved minutes change status or are amended: tested in approval.test.ts and confirmation.test.ts. */
const APPROVAL_PATH: CallName[] = ['minutes.setStatus', 'minutes.beginAmendment', 'minutes.finishAmendment', 'minutes.confirmPrevious'];
const WRITE_CALLS = registry
  .all()
  .filter((spec) => spec.mode === 'write' && !APPROVAL_PATH.includes(spec.name))
  .map((spec) => spec.name);

function printed(services: Services, meetingId: number) {
  const record = call(services, 'meetings.get', { meetingId }) as MeetingRecord;
  const style = record.body.houseStyle;
  return {
    minutes: minutesToText(buildMinutes(record, { style })),
    exempt: minutesToText(buildMinutes(record, { style, part: 'exempt' })),
    versions: call(services, 'minutes.versions', { meetingId }),
  };
}

async function exportedWords(services: Services, meetingId: number): Promise<string> {
  const result = await services.call('exports.build', { meetingId, document: 'minutes' });
  if (!result.ok) throw new Error(result.error.message);
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from((result.value as { base64: string }).base64, 'base64') });
  return value;
}

/** The demo board with its meeting approved, and a later draft meeting of the same body. */
function approvedDemo() {
  const made = createTempStore(temp);
  const { meetingId, bodyId } = call(made.services, 'demo.load', {});
  call(made.services, 'minutes.setStatus', { meetingId, status: 'approved' });
  call(made.services, 'meetings.create', { bodyId, date: '2026-09-18', startTime: '10:00', venue: 'County Hall', standardItems: true });
  return { ...made, meetingId, bodyId };
}

describe('approved minutes are frozen against every write call (generated from the registry)', () => {
  it('covers the write calls of the registry', () => {
    // The registry's own completeness is checked at start; this guards against the filter above emptying the list.
    expect(WRITE_CALLS).toContain('members.update');
    expect(WRITE_CALLS).toContain('bodies.update');
    expect(WRITE_CALLS).toContain('entries.update');
  });

  it.each(WRITE_CALLS)('%s leaves approved minutes as approved, or is refused and changes nothing', async (name) => {
    const { services, store, meetingId } = approvedDemo();
    const before = printed(services, meetingId);
    const wordsBefore = await exportedWords(services, meetingId);
    const inputs = validInputs(store.db, name, 12, { seed: name.length * 7919, anchorMeetingId: meetingId });
    expect(inputs.length, `${name}: no valid input could be built`).toBeGreaterThan(0);
    for (const input of inputs) {
      const tables = snapshotTables(store.db);
      const result = services.dispatch(name, input);
      if (result.ok) {
        expect(printed(services, meetingId), `${name} ${JSON.stringify(input).slice(0, 200)}`).toEqual(before);
      } else {
        expect(result.error.message.length, name).toBeGreaterThan(0);
        expect(snapshotTables(store.db), `${name} refused but changed something`).toEqual(tables);
      }
    }
    expect(await exportedWords(services, meetingId)).toBe(wordsBefore);
    // Twelve calls each checked against a re-built export: generous for a loaded two-core machine (demo.load makes a whole meeting each time).
  }, 60_000);
});

describe('what the minutes print is frozen at approval', () => {
  it('renaming a member, renaming the body, changing its label and house style, and an earlier meeting change nothing printed', async () => {
    const { services, meetingId, bodyId } = approvedDemo();
    const before = printed(services, meetingId);
    const words = await exportedWords(services, meetingId);
    const body = call(services, 'bodies.get', { bodyId });
    const member = body.members[0]!;
    call(services, 'members.update', { memberId: member.id, patch: { name: 'Someone Else Entirely' } });
    call(services, 'bodies.update', {
      bodyId,
      patch: { name: 'A Renamed Board', decisionLabel: 'AGREED', houseStyle: { ...body.houseStyle, councilName: 'Another Council' } },
    });
    // A meeting entered later for a day earlier in the same municipal year.
    call(services, 'meetings.create', { bodyId, date: '2026-06-01', startTime: '10:00', venue: 'County Hall', standardItems: true });
    expect(printed(services, meetingId)).toEqual(before);
    const after = await exportedWords(services, meetingId);
    expect(after).toBe(words);
    expect(after).toContain(member.name);
    expect(after).not.toContain('Someone Else Entirely');
    expect(after).not.toContain('A Renamed Board');
  });

  it('an amendment changes the frozen record and keeps the names it was approved with', () => {
    const { services, meetingId, bodyId } = approvedDemo();
    const body = call(services, 'bodies.get', { bodyId });
    const member = body.members[0]!;
    call(services, 'members.update', { memberId: member.id, patch: { name: 'Someone Else Entirely' } });
    const record = call(services, 'meetings.get', { meetingId });
    const entry = record.entries.find((e) => e.kind === 'paragraph')!;
    call(services, 'minutes.beginAmendment', { meetingId, reason: 'The chair corrected a paragraph' });
    call(services, 'entries.update', { entryId: entry.id, patch: { text: 'The Board heard a corrected account.' } });
    call(services, 'minutes.finishAmendment', { meetingId });
    const text = printed(services, meetingId).minutes;
    expect(text).toContain('The Board heard a corrected account.');
    expect(text).toContain(member.name);
    expect(text).not.toContain('Someone Else Entirely');
    expect(text).not.toContain(entry.text);
  });
});
