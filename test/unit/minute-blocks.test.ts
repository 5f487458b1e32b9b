/**
 * Free structure within each minute: the clerk's blocks in the order
 * arranged, point lists in four styles with their own introductions and
 * numbering that carries on past an interruption, decisions with their own
 * labels, the standard wording as an editable, movable block, the opening
 * forms of the reference minutes, the filed-document clause, the next
 * meeting's forms, declarations with optional parts, and arrivals only
 * after the start.
 */
import { describe, expect, it } from 'vitest';
import { buildMinutes, minutesToText, standardWordingText } from '../../shared/minutes/document';
import { openingSentence } from '../../shared/minutes/wording';
import { declarationText } from '../../shared/minutes/wording';
import type { AgendaItem, MeetingRecord, MinuteEntry, Motion } from '../../shared/model';
import { attend, declaration, item, record } from './fixtures/meeting-record';

let nextId = 100;
const entry = (itemId: number, kind: MinuteEntry['kind'], position: number, text: string, extra: Partial<MinuteEntry> = {}): MinuteEntry => ({
  id: nextId++,
  version: 1,
  agendaItemId: itemId,
  kind,
  position,
  text,
  recordedAt: '10:10',
  inquorate: false,
  ...extra,
});

/** A meeting with one business item (id 13, agenda item 3) minuted with the given blocks. */
function minuted(entries: MinuteEntry[], itemExtra: Partial<AgendaItem> = {}, extra: Partial<MeetingRecord> = {}): MeetingRecord {
  return record({
    layout: 2,
    items: [item(13, 2, 'Safer Communities Performance', { takenAt: '10:05', ...itemExtra })],
    entries,
    ...extra,
  });
}

/** The text of the one minute, without the heading. */
function minuteText(r: MeetingRecord): string {
  const text = minutesToText(buildMinutes(r));
  const start = text.indexOf('1. ');
  const end = text.indexOf('\n\nChairman');
  return text.slice(text.indexOf('\n\n', start) + 2, end);
}

describe('the blocks of a minute', () => {
  it('are printed in the order the clerk arranged them: a paragraph after the points, points between paragraphs, a paragraph after the decision', () => {
    const r = minuted([
      entry(13, 'paragraph', 0, 'Members welcomed the report.'),
      entry(13, 'point', 1, 'Referrals had decreased'),
      entry(13, 'point', 2, 'Entrants had increased'),
      entry(13, 'paragraph', 3, 'The ACEs work was a long term project.'),
      entry(13, 'resolution', 4, 'That the report be noted'),
      entry(13, 'paragraph', 5, 'The Chairman thanked the officers.'),
    ]);
    expect(minuteText(r)).toBe(
      [
        'Members welcomed the report.',
        'Arising from discussions the following points were noted:',
        '(i) Referrals had decreased.\n(ii) Entrants had increased.',
        'The ACEs work was a long term project.',
        'RESOLVED:',
        'That the report be noted.',
        'The Chairman thanked the officers.',
      ].join('\n\n'),
    );
  });

  it('lists points lettered, roman, numbered or bulleted; a list interrupted by sub-points and a paragraph carries on its numbering', () => {
    const r = minuted([
      entry(13, 'point', 0, 'A small group was looking at:'),
      entry(13, 'point', 1, 'What work was already taking place', { style: 'bullet' }),
      entry(13, 'point', 2, 'How existing work could be enhanced', { style: 'bullet' }),
      entry(13, 'paragraph', 3, 'The ACEs work was a long term project.'),
      entry(13, 'point', 4, 'A data pack had been developed'),
      entry(13, 'point', 5, 'Survey results would be circulated', { intro: 'The Board also noted:', style: 'number' }),
      entry(13, 'point', 6, 'Feedback had been positive', { style: 'number' }),
    ]);
    const doc = buildMinutes(r);
    const lists = doc.blocks.filter((b) => b.type === 'lettered');
    expect(lists.map((b) => b.markers)).toEqual([['(i)'], ['•', '•'], ['(ii)'], ['1.', '2.']]);
    expect(lists.map((b) => b.continues ?? false)).toEqual([false, false, true, false]);
    expect(minuteText(r)).toContain('The ACEs work was a long term project.\n\n(ii) A data pack had been developed.\n\nThe Board also noted:\n\n1. Survey results');
    // Only the first list of a minute has the standard introduction.
    expect(minuteText(r).match(/Arising from discussions/g)).toHaveLength(1);
  });

  it('a list with an empty introduction has none, and starts afresh', () => {
    const r = minuted([entry(13, 'point', 0, 'First', { intro: '' }), entry(13, 'point', 1, 'Second')]);
    expect(minuteText(r)).toBe('(i) First.\n(ii) Second.');
  });

  it('decisions carry their own label; one resolution is printed plain, several are lettered; a labelled resolution starts a new decision', () => {
    const r = minuted([
      entry(13, 'resolution', 0, 'That the report be noted'),
      entry(13, 'resolution', 1, 'That it be circulated'),
      entry(13, 'paragraph', 2, 'The Board then considered the recommendation.'),
      entry(13, 'resolution', 3, 'That the recommendation be approved', { label: 'AGREED' }),
    ]);
    const decisions = buildMinutes(r).blocks.filter((b) => b.type === 'decision');
    expect(decisions.map((d) => [d.label, d.markers])).toEqual([
      ['RESOLVED', ['(a)', '(b)']],
      ['AGREED', ['']],
    ]);
    expect(minuteText(r)).toBe(
      'RESOLVED:\n\n(a) That the report be noted;\n(b) That it be circulated.\n\nThe Board then considered the recommendation.\n\nAGREED:\n\nThat the recommendation be approved.',
    );
  });

  it('motions are blocks in their place among the entries', () => {
    const motion: Motion = {
      id: 900, version: 1, agendaItemId: 13, position: 1, kind: 'motion', text: 'that the report be approved', proposerId: null, seconderId: null,
      outcome: 'carried', votesFor: 5, votesAgainst: 1, votesAbstained: null, recorded: false, names: [], recordedAt: '10:20', inquorate: false,
    };
    const r = minuted([entry(13, 'paragraph', 0, 'Members debated the report.'), entry(13, 'paragraph', 2, 'The Chairman thanked members.')], {}, { motions: [motion] });
    expect(minuteText(r)).toBe(
      'Members debated the report.\n\nIt was proposed and seconded that the report be approved.\n\nThe motion was put to the vote and was CARRIED (5 for, 1 against).\n\nThe Chairman thanked members.',
    );
  });

  it('minutes frozen before blocks keep their old order: paragraphs, points, motions, resolutions', () => {
    const r = minuted([
      entry(13, 'resolution', 0, 'That the report be noted'),
      entry(13, 'point', 0, 'Referrals had decreased'),
      entry(13, 'paragraph', 0, 'Members welcomed the report.'),
    ]);
    delete r.layout;
    expect(minuteText(r)).toBe(
      'Members welcomed the report.\n\nArising from discussions the following points were noted:\n\n(i) Referrals had decreased.\n\nRESOLVED:\n\nThat the report be noted.',
    );
  });
});

describe('the standard wording as a block', () => {
  const introductions = (extra: Partial<AgendaItem> = {}, entries: MinuteEntry[] = []) =>
    record({ layout: 2, items: [item(11, 0, 'Introductions', { kind: 'introductions', takenAt: '10:00', ...extra })], entries });

  it('stays when the clerk adds words of their own, and can be moved after them', () => {
    const own = [entry(11, 'paragraph', 0, 'Apologies were noted from the Probation Service.')];
    expect(minuteText(introductions({}, own))).toBe(
      'The Chairman welcomed everyone to the meeting and introductions were made.\n\nApologies were noted from the Probation Service.',
    );
    expect(minuteText(introductions({ standardAt: 1 }, own))).toBe(
      'Apologies were noted from the Probation Service.\n\nThe Chairman welcomed everyone to the meeting and introductions were made.',
    );
  });

  it('edited, it is printed as typed (paragraphs split at blank lines); the standard text is offered for editing', () => {
    const r = introductions({ standardText: 'The Chairman introduced herself and welcomed everyone to the meeting.\n\nShe thanked the officers.' });
    expect(minuteText(r)).toBe('The Chairman introduced herself and welcomed everyone to the meeting.\n\nShe thanked the officers.');
    expect(standardWordingText(r.items[0]!, r)).toBe('The Chairman welcomed everyone to the meeting and introductions were made.');
    // Edited to nothing, it is left out.
    expect(minuteText(introductions({ standardText: '' }))).toBe('');
  });

  it('un-edited, it follows the record: a change of author changes it', () => {
    const r = minuted([], { openingKind: 'report', author: 'the Director of Public Health' });
    expect(minuteText(r)).toContain('considered a report of the Director of Public Health');
    expect(minuteText({ ...r, items: [{ ...r.items[0]!, author: 'the Chief Constable' }] })).toContain('considered a report of the Chief Constable');
  });

  it('the previous meeting: its typed date when it is not in the app', () => {
    const r = record({ layout: 2, previousDate: '2020-09-25', items: [item(12, 1, 'Minutes of previous meeting.', { kind: 'previous_minutes', takenAt: '10:02' })] });
    expect(minuteText(r)).toBe('The minutes of the meeting held on 25 September 2020 were taken as read and confirmed as a correct record.');
  });
});

describe('opening forms', () => {
  const r = record({ layout: 2 });
  const open = (extra: Partial<AgendaItem>) => openingSentence(item(13, 8, 'Warning Zone', { agendaNumber: 9, ...extra }), r);

  it('are those of the reference minutes', () => {
    expect(open({ openingKind: 'report', author: 'Rik Basra, Community Safety Co-ordinator, Leicestershire County Council', topic: 'the purpose of which was to update the Board regarding Safer Communities Performance' })).toBe(
      "The Board considered a report of Rik Basra, Community Safety Co-ordinator, Leicestershire County Council, the purpose of which was to update the Board regarding Safer Communities Performance. A copy of the report, marked 'Agenda Item 9', is filed with these minutes.",
    );
    expect(open({ openingKind: 'introduced', author: 'Chris Hedworth, Community Safety Team Manager', topic: ', which set out the draft strategy' })).toBe(
      "Chris Hedworth, Community Safety Team Manager introduced a report, which set out the draft strategy. A copy of the report, marked 'Agenda Item 9', is filed with these minutes.",
    );
    expect(open({ openingKind: 'report_presentation', author: 'Elaine Stevenson, CEO, Warning Zone', topic: 'regarding the work of Warning Zone' })).toBe(
      "The Board considered a report and presentation from Elaine Stevenson, CEO, Warning Zone regarding the work of Warning Zone. Copies of the report and presentation slides, marked 'Agenda Item 9', are filed with these minutes.",
    );
    expect(open({ openingKind: 'oral', author: 'the Chief Inspector' })).toBe('The Board received an oral update from the Chief Inspector.');
    expect(open({ openingKind: 'provided_oral', author: 'Supt. A. Slonecki', topic: 'regarding the summer campaign' })).toBe('Supt. A. Slonecki provided an oral update regarding the summer campaign.');
    expect(open({ openingKind: 'verbal', author: 'Raj Singh, Ministry of Justice' })).toBe('The Board received a verbal update from Raj Singh, Ministry of Justice.');
  });

  it('the filed-document clause can be left out or name the document', () => {
    expect(open({ openingKind: 'presentation', author: 'Manjeeta Sunnar, Head of Service, Victim First', filed: '' })).toBe(
      'The Board received a presentation from Manjeeta Sunnar, Head of Service, Victim First.',
    );
    expect(open({ openingKind: 'report', author: 'the Director', filed: 'the Delivery Plan' })).toBe(
      "The Board considered a report of the Director. A copy of the Delivery Plan, marked 'Agenda Item 9', is filed with these minutes.",
    );
  });
});

describe('the next meeting', () => {
  const next = (extra: Partial<AgendaItem>) =>
    minuteText(record({ layout: 2, items: [item(20, 0, 'Date of the next meeting', { kind: 'next_meeting', takenAt: '11:50', ...extra })] }));

  it('NOTED or RESOLVED, "be held on" or "take place on", one date or several', () => {
    expect(next({ detail: 'Friday 19 March 2021 at 10:00am' })).toBe('It was NOTED that the next meeting of the Board would be held on Friday 19 March 2021 at 10:00am.');
    expect(next({ detail: 'Friday 19 March 2021 at 10:00am', nextForm: 'resolved_take_place' })).toBe(
      'RESOLVED:\n\nThat the next meeting of the Board take place on Friday 19 March 2021 at 10:00am.',
    );
    expect(next({ detail: '17 March 2023\n16 June 2023\n22 September 2023', nextForm: 'noted_take_place' })).toBe(
      'It was NOTED that future meetings of the Board would take place on the following dates:\n\n17 March 2023;\n\n16 June 2023;\n\n22 September 2023.',
    );
  });
});

describe('declarations', () => {
  const r = record({ layout: 2, attendance: [attend(2, 20)] });
  it('print what was recorded and nothing more: item and category optional, the clerk’s own wording kept', () => {
    expect(declarationText(declaration({ attendanceId: 20, agendaItemId: null, category: null, nature: 'as a trustee of the Food Bank', action: 'not_recorded' }), r)).toBe(
      'Cllr. L. Hart declared an interest as a trustee of the Food Bank.',
    );
    expect(
      declarationText(
        declaration({ attendanceId: 20, agendaItemId: null, category: null, action: 'not_recorded', nature: 'declared that he was employed by the Crown Prosecution Service (CPS) but was not acting as a representative of the CPS at this meeting' }),
        r,
      ),
    ).toBe('Cllr. L. Hart declared that he was employed by the Crown Prosecution Service (CPS) but was not acting as a representative of the CPS at this meeting.');
  });
});

describe('arrivals', () => {
  it('an arrival stamped at or before the start is not minuted as an arrival', () => {
    const r = minuted([], {}, {
      attendance: [attend(2, 20), attend(3, 21)],
      movements: [
        { id: 1, attendanceId: 20, kind: 'arrived', time: '09:58', agendaItemId: null },
        { id: 2, attendanceId: 21, kind: 'arrived', time: '10:20', agendaItemId: null },
      ],
    });
    const text = minutesToText(buildMinutes(r));
    expect(text).not.toContain('Cllr. L. Hart arrived');
    expect(text).toContain('Cllr. A. Pearce arrived at 10.20 am.');
  });
});
