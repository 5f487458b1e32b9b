/**
 * The one recogniser of standard items: the agenda import and the service
 * that saves an item ask the same function, so a title is never standard to
 * one and ordinary business to the other.
 */
import { describe, expect, it } from 'vitest';
import { parseAgendaText, standardKindOf } from '../../shared/import/agenda-text';
import { recogniseStandardItem } from '../../shared/minutes/recognise';
import { inferKind, standardItems } from '../../shared/minutes/standard-items';
import type { AgendaItemKind } from '../../shared/model';

describe('recogniseStandardItem: the titles the two recognisers used to disagree on', () => {
  it.each([
    ['Date and time of next meeting', 'next_meeting'],
    ['Approval of the minutes', 'previous_minutes'],
    ['Next meeting', 'next_meeting'],
    ['Disclosures of pecuniary interests', 'declarations'],
    ['Items of urgent business', 'other_business'],
  ] as const)('%s -> %s, for the import and for the saved item alike', (title, kind) => {
    expect(recogniseStandardItem(title)).toBe(kind);
    expect(inferKind(title)).toBe(kind);
    expect(standardKindOf(title)).toBe(kind);
    expect(parseAgendaText(`1. ${title}`)).toMatchObject({ ok: true, value: { items: [{ title, standardKind: kind }] } });
  });
});

describe('recogniseStandardItem: the reference agendas and minutes', () => {
  // The agenda of 9 December 2022, the minutes of 17 June 2022, 11 December 2020 and 24 September 2021.
  it.each<[string, AgendaItemKind]>([
    ['Appointment of Chairman.', 'appointment_chair'],
    ['Appointment of Deputy Chairman.', 'appointment_deputy'],
    ['Introductions', 'introductions'],
    ['Minutes of previous meeting.', 'previous_minutes'],
    ['Matters arising', 'matters_arising'],
    ['LSCSB Action Log', 'action_log'],
    ['Declarations of interest', 'declarations'],
    ['HMP Fosse Way Update.', 'business'],
    ['Updates to LSCSB Terms of Reference.', 'business'],
    ['Warning Zone.', 'business'],
    ['Anti-social Behaviour System Governance Co-ordination Officer Update.', 'business'],
    ['Leicestershire Police update.', 'business'],
    ['Local Prevent Review Update.', 'business'],
    ['Safer Communities Performance 2022-23 - Quarter 2.', 'business'],
    ['Other business', 'other_business'],
    ['Dates of future meetings.', 'next_meeting'],
    ['Date of the next meeting', 'next_meeting'],
    ['Change to the Order of Business.', 'business'],
    ['Domestic Abuse Perpetrator Programme.', 'business'],
    ['Children and Family Wellbeing Service, Leicestershire County Council.', 'business'],
    ['Probation Service.', 'business'],
    ['LSCSB Partner Update: Office of the Police and Crime Commissioner.', 'business'],
    ['Victim First', 'business'],
    ['LSCSB Board Training Programme.', 'business'],
    ['Hate Crime Strategic Update.', 'business'],
    ['Glen Parva Prison.', 'business'],
  ])('%s -> %s', (title, kind) => {
    expect(recogniseStandardItem(title)).toBe(kind);
  });
});

describe('recogniseStandardItem: other wordings', () => {
  it.each<[string, AgendaItemKind]>([
    ['Election of Chair', 'appointment_chair'],
    ['Appointment of Vice-Chair', 'appointment_deputy'],
    ['Election of the Vice Chairman', 'appointment_deputy'],
    ['Welcome and Introductions', 'introductions'],
    ['Apologies for absence', 'introductions'],
    ['To receive apologies for absence', 'introductions'],
    ['Chairman’s welcome', 'introductions'],
    ['To confirm the minutes of the meeting held on 9 December 2022', 'previous_minutes'],
    ['Confirmation of the Minutes', 'previous_minutes'],
    ['Matters arising from the minutes', 'matters_arising'],
    ['Action Tracker', 'action_log'],
    ["Declarations of Members' Interests", 'declarations'],
    ['Declarations of disclosable pecuniary and other registrable interests', 'declarations'],
    ['Declarations', 'declarations'],
    ['Any Other Urgent Business', 'other_business'],
    ['AOB', 'other_business'],
    ['Urgent business', 'other_business'],
    ['Date of next meeting', 'next_meeting'],
    ['Dates and times of future meetings', 'next_meeting'],
    ['Future meetings', 'next_meeting'],
    ['Exclusion of the Press and Public', 'exclusion'],
    ['Resolution to exclude the public', 'exclusion'],
    // Business that only looks standard.
    ['Any other items which the Chairman has decided to take as urgent', 'business'],
    ['Chairman’s announcements', 'business'],
    ['Welcome Centre funding bid', 'business'],
    ['Declaration of a climate emergency', 'business'],
    ['Minute-taking guidance for partners', 'business'],
  ])('%s -> %s', (title, kind) => {
    expect(recogniseStandardItem(title)).toBe(kind);
  });

  it('recognises the titles of the pre-worded standard items themselves as their own kinds', () => {
    for (const chair of ['Chairman', 'Chair'] as const) {
      for (const item of standardItems(chair)) expect(recogniseStandardItem(item.title), item.title).toBe(item.kind);
    }
  });
});
