import { describe, expect, it } from 'vitest';
import {
  bodyReference,
  chairChangeText,
  declarationText,
  movementText,
  natureClause,
  punctuateResolutions,
  sentence,
} from '../../shared/minutes/wording';
import { attend, declaration, record } from './fixtures/meeting-record';

const r = record({ attendance: [attend(1, 1), attend(2, 2)] });

describe('declaration wording', () => {
  it('names the member, category, item and nature, and says they remained and took part', () => {
    expect(declarationText(declaration({ nature: 'a director of Kingsbridge Traders Ltd' }), r)).toBe(
      'Cllr. L. Hart declared a Disclosable Pecuniary Interest in agenda item 3 (Town Centre Regeneration) as a director of Kingsbridge Traders Ltd. Cllr. L. Hart remained in the meeting and took part in the discussion and vote on the item.',
    );
  });

  it('puts the name before a nature that starts with a verb, so "as" reads naturally', () => {
    expect(declarationText(declaration({}), r)).toMatch(
      /^Cllr\. L\. Hart declared a Disclosable Pecuniary Interest in agenda item 3 \(Town Centre Regeneration\) as Cllr\. L\. Hart owns a shop within the regeneration area\. /,
    );
  });

  it('does not double "as" or "because", and tidies capitals, spaces and full stops the clerk typed', () => {
    expect(natureClause('as a trustee of the applicant charity', 'X')).toBe(' as a trustee of the applicant charity');
    expect(natureClause('Because a relative lives next to the site.', 'X')).toBe(' because a relative lives next to the site');
    expect(natureClause('A  trustee of the charity. ', 'X')).toBe(' as a trustee of the charity');
    expect(natureClause('Is employed by Wessex Police', 'Cllr. L. Hart')).toBe(' as Cllr. L. Hart is employed by Wessex Police');
    expect(natureClause('  ', 'X')).toBe('');
    // Only a connective, verb or article loses its capital; names keep theirs.
    expect(natureClause('Kingsbridge Traders Association member', 'X')).toBe(' as Kingsbridge Traders Association member');
    expect(natureClause('A. Hart & Co. director', 'X')).toBe(' as A. Hart & Co. director');
  });

  it('records withdrawal with the times left and returned', () => {
    const text = declarationText(
      declaration({ category: 'non_registrable', action: 'left_no_part', leftAt: '11:05', returnedAt: '11:20', nature: 'as a trustee of the applicant charity' }),
      r,
    );
    expect(text).toBe(
      'Cllr. L. Hart declared a Non-Registrable Interest in agenda item 3 (Town Centre Regeneration) as a trustee of the applicant charity. Cllr. L. Hart left the meeting at 11.05 am for that item and took no part in the discussion or vote, returning at 11.20 am.',
    );
  });

  it('records withdrawal without times when none were taken', () => {
    expect(declarationText(declaration({ action: 'left_no_part' }), r)).toContain(
      ' Cllr. L. Hart left the meeting for that item and took no part in the discussion or vote.',
    );
  });

  it('keeps a sensitive interest’s nature out of the minutes', () => {
    const text = declarationText(declaration({ sensitive: true, nature: 'owns a shop', category: 'other_registrable' }), r);
    expect(text).toBe(
      'Cllr. L. Hart declared an Other Registrable Interest in agenda item 3 (Town Centre Regeneration), the nature of which is sensitive and is not recorded. Cllr. L. Hart remained in the meeting and took part in the discussion and vote on the item.',
    );
    expect(text).not.toContain('shop');
  });

  it('words a dispensation', () => {
    expect(declarationText(declaration({ dispensation: 'by the Standards Committee on 1 May 2026.' }), r)).toContain(
      'within the regeneration area. A dispensation had been granted (by the Standards Committee on 1 May 2026) allowing Cllr. L. Hart to take part. Cllr. L. Hart remained',
    );
  });

  it('words speaking as a member of the public then leaving, with and without a time', () => {
    expect(declarationText(declaration({ action: 'spoke_then_left', leftAt: '14:10' }), r)).toContain(
      ' Cllr. L. Hart addressed the meeting as a member of the public and then left the meeting at 2.10 pm for the remainder of the item, taking no part in the vote.',
    );
    expect(declarationText(declaration({ action: 'spoke_then_left' }), r)).toMatch(
      / Cllr\. L\. Hart addressed the meeting as a member of the public and then left the meeting for the remainder of the item, taking no part in the vote\.$/,
    );
  });

  it('words remaining without voting', () => {
    expect(declarationText(declaration({ action: 'did_not_vote' }), r)).toMatch(/ Cllr\. L\. Hart remained in the meeting but did not vote on the item\.$/);
  });

  it('keeps every sentence tidy: single spaces and one full stop', () => {
    const all = (['remained', 'left_no_part', 'spoke_then_left', 'did_not_vote'] as const).map((action) =>
      declarationText(declaration({ action, leftAt: '10:42', returnedAt: '11:05', dispensation: 'granted 1 May 2026', nature: 'owns a shop.' }), r),
    );
    for (const text of all) {
      expect(text).not.toMatch(/\s{2}|\.\.|\s[.,]/);
      expect(text.endsWith('.')).toBe(true);
    }
  });
});

describe('attendance change wording', () => {
  it('words a late arrival and an early departure with British times', () => {
    expect(movementText({ id: 1, attendanceId: 1, kind: 'arrived', time: '10:25', agendaItemId: 13 }, r)).toBe(
      'Mrs D. Taylor CC arrived at 10.25 am during consideration of this item.',
    );
    expect(movementText({ id: 2, attendanceId: 2, kind: 'left', time: '12:00', agendaItemId: null }, r)).toBe('Cllr. L. Hart left the meeting at 12.00 noon.');
    expect(movementText({ id: 3, attendanceId: 2, kind: 'left', time: '15:40', agendaItemId: 13 }, r)).toBe(
      'Cllr. L. Hart left the meeting at 3.40 pm during consideration of this item.',
    );
  });

  it('words a change of chair', () => {
    expect(chairChangeText({ id: 1, attendanceId: 1, agendaItemId: 11, time: '10:05' }, r)).toBe('Mrs D. Taylor CC in the Chair.');
  });
});

describe('small wording helpers', () => {
  it('refers to the body by its kind', () => {
    expect(bodyReference('Board')).toBe('the Board');
    expect(bodyReference('Sub-Committee')).toBe('the Sub-Committee');
  });

  it('punctuates resolutions as printed: semicolons between, a full stop at the end', () => {
    expect(punctuateResolutions(['That the report be noted.', ' That a further report be submitted ;'])).toEqual([
      'That the report be noted;',
      'That a further report be submitted.',
    ]);
    expect(punctuateResolutions(['That the report be noted'])).toEqual(['That the report be noted.']);
  });

  it('makes one tidy sentence', () => {
    expect(sentence('  Mrs D. Taylor CC   in the Chair .. ')).toBe('Mrs D. Taylor CC in the Chair.');
  });
});
