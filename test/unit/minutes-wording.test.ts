import { describe, expect, it } from 'vitest';
import type { Declaration } from '../../shared/model';
import { declarationText, movementText } from '../../shared/minutes/wording';
import { attend, record } from './fixtures/meeting-record';

const r = record({ attendance: [attend(1, 1), attend(2, 2)] });
const declaration = (extra: Partial<Declaration>): Declaration => ({
  id: 1,
  meetingId: 1,
  attendanceId: 2,
  agendaItemId: 13,
  category: 'dpi',
  nature: 'owns a shop within the regeneration area',
  sensitive: false,
  dispensation: '',
  action: 'remained',
  leftAt: null,
  returnedAt: null,
  ...extra,
});

describe('declaration wording', () => {
  it('names the member, category, item and nature, and what they did', () => {
    expect(declarationText(declaration({}), r)).toBe(
      'Cllr. L. Hart declared a Disclosable Pecuniary Interest in agenda item 3 (Town Centre Regeneration) as owns a shop within the regeneration area. Cllr. L. Hart remained in the meeting and took part in the discussion and vote on the item.',
    );
  });

  it('records withdrawal with the times left and returned', () => {
    const text = declarationText(declaration({ category: 'non_registrable', action: 'left_no_part', leftAt: '11:05', returnedAt: '11:20', nature: 'as a trustee of the applicant charity' }), r);
    expect(text).toBe(
      'Cllr. L. Hart declared a Non-Registrable Interest in agenda item 3 (Town Centre Regeneration) as a trustee of the applicant charity. Cllr. L. Hart left the meeting for that item at 11.05 am, returning at 11.20 am and took no part in the discussion or vote.',
    );
  });

  it('keeps a sensitive interest’s nature out of the minutes', () => {
    const text = declarationText(declaration({ sensitive: true, nature: '', category: 'other_registrable' }), r);
    expect(text).toContain('Cllr. L. Hart declared an Other Registrable Interest in agenda item 3');
    expect(text).toContain('the nature of which is sensitive and is not recorded.');
    expect(text).not.toContain('shop');
  });

  it('words a dispensation, speaking as a member of the public, and not voting', () => {
    expect(declarationText(declaration({ dispensation: 'granted by the Standards Committee on 1 May 2026' }), r)).toContain(
      'A dispensation had been granted (granted by the Standards Committee on 1 May 2026) allowing Cllr. L. Hart to take part.',
    );
    expect(declarationText(declaration({ action: 'spoke_then_left', leftAt: '14:10' }), r)).toContain(
      'Cllr. L. Hart addressed the meeting as a member of the public and then left the meeting at 2.10 pm for the remainder of the item, taking no part in the vote.',
    );
    expect(declarationText(declaration({ action: 'did_not_vote' }), r)).toContain('Cllr. L. Hart remained in the meeting but did not vote on the item.');
  });
});

describe('attendance change wording', () => {
  it('words a late arrival and an early departure with British times', () => {
    expect(movementText({ id: 1, attendanceId: 1, kind: 'arrived', time: '10:25', agendaItemId: 13 }, r)).toBe(
      'Mrs D. Taylor CC arrived at 10.25 am during consideration of this item.',
    );
    expect(movementText({ id: 2, attendanceId: 2, kind: 'left', time: '12:00', agendaItemId: null }, r)).toBe('Cllr. L. Hart left the meeting at 12.00 noon.');
  });
});
