import { agendaItem as item, agendaValue as value, refusal as message } from '../helpers/import';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseAgendaText,
  standardKindOf,
  type ParsedAgenda,
  type ParsedAgendaItem,
} from '../../shared/import/agenda-text';
import type { ImportResult } from '../../shared/import/decode';

const fixtureText = (name: string): string =>
  readFileSync(join(__dirname, '..', 'fixtures', 'import', name), 'utf8');



describe('parseAgendaText: the fixture agenda (reference layout)', () => {
  it('reads every item field by field and stops at the minutes that follow', () => {
    const agenda = value(parseAgendaText(fixtureText('agenda.txt')));
    expect(agenda.items).toEqual([
      item(1, 'Appointment of Chairman', { standardKind: 'appointment_chair' }),
      item(2, 'Appointment of Deputy Chairman', { standardKind: 'appointment_deputy' }),
      item(3, 'Introductions and apologies', { standardKind: 'introductions' }),
      item(4, 'Minutes of previous meeting', { papers: 'Pages 3 - 10', standardKind: 'previous_minutes' }),
      item(5, 'Matters arising', { standardKind: 'matters_arising' }),
      item(6, 'Partnership Action Log', { papers: 'Pages 11 - 12', standardKind: 'action_log' }),
      item(7, 'Declarations of interest', { standardKind: 'declarations' }),
      item(8, 'Night-Time Economy and Street Safety Update', {
        papers: 'Pages 13 - 24',
        // Wrapped over two lines in the text.
        presenter:
          'This report will be presented by Tobias Arkwright, Community Safety Manager, Ashdown County Council.',
      }),
      item(9, 'Domestic Abuse Support Services - Refuge and Outreach Contracts', {
        papers: 'Pages 25 - 30',
        presenter: 'A presentation will be given by Priya Venkataraman, Chief Executive, Riverside Trust.',
      }),
      item(10, 'Ashdown Police update', {
        papers: 'Pages 31 - 34',
        presenter: 'Supt. Owen Halloran, Ashdown Police, will present this report.',
      }),
      item(11, 'Any other business', { standardKind: 'other_business' }),
      item(12, 'Dates of future meetings', { standardKind: 'next_meeting' }),
      // The exclusion resolution is public business; the items after it are exempt.
      item(13, 'Exclusion of the Press and Public', { standardKind: 'exclusion' }),
      item(14, 'Commissioning of Victim Support Services', { papers: 'Pages 35 - 44', exempt: true, exemptParagraph: 3 }),
      item(15, 'Serious Violence Duty: Case Review', { exempt: true, exemptParagraph: 7 }),
    ]);
    expect(agenda.warnings).toEqual([]);
  });
});

describe('parseAgendaText: layouts', () => {
  it('reads a number alone on its line with the title below, "Item 3:" and tab-separated numbers', () => {
    const agenda = value(
      parseAgendaText(['1.', '', 'Apologies for absence', 'Item 2: Minutes of the meeting held on 6 December 2024', '3\tMatters Arising'].join('\n')),
    );
    expect(agenda.items).toEqual([
      item(1, 'Apologies for absence', { standardKind: 'introductions' }),
      item(2, 'Minutes of the meeting held on 6 December 2024', { standardKind: 'previous_minutes' }),
      item(3, 'Matters Arising', { standardKind: 'matters_arising' }),
    ]);
  });

  it('takes "(Page 5)" and a presenter sentence running on after the title', () => {
    const agenda = value(
      parseAgendaText('1) Youth Justice Plan. (Page 5) Dr. A. Mensah, Head of Youth Justice, will present this report.'),
    );
    expect(agenda.items).toEqual([
      item(1, 'Youth Justice Plan', {
        papers: 'Page 5',
        presenter: 'Dr. A. Mensah, Head of Youth Justice, will present this report.',
      }),
    ]);
  });

  it('does not take times, dates or numbered lists inside an item as new items', () => {
    const agenda = value(
      parseAgendaText(
        [
          '1. Dates of future meetings',
          'All meetings start at 10.00 am.',
          '17 March 2025;',
          '2. Any other business',
          'Members are asked to note:',
          '1. the budget timetable;',
          '2. the consultation.',
        ].join('\n'),
      ),
    );
    expect(agenda.items.map((i) => [i.agendaNumber, i.title])).toEqual([
      [1, 'Dates of future meetings'],
      [2, 'Any other business'],
    ]);
  });

  it('warns when item numbers jump', () => {
    const agenda = value(parseAgendaText('1. Apologies\n2. Declarations of interest\n4. Budget monitoring'));
    expect(agenda.items.map((i) => i.agendaNumber)).toEqual([1, 2, 4]);
    expect(agenda.warnings).toEqual(['The agenda goes from item 2 to item 4; check that no item is missing.']);
  });
});

describe('parseAgendaText: exempt items', () => {
  it('reads "Exempt" on the title line, a paragraph on its own line, and "not for publication"', () => {
    const agenda = value(
      parseAgendaText(
        [
          '1. Property disposal (Exempt - paragraph 3)',
          '2. Staffing review - Exempt',
          'Schedule 12A paragraph 1',
          '3. Tender evaluation',
          'Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A.',
        ].join('\n'),
      ),
    );
    expect(agenda.items).toEqual([
      item(1, 'Property disposal', { exempt: true, exemptParagraph: 3 }),
      item(2, 'Staffing review', { exempt: true, exemptParagraph: 1 }),
      item(3, 'Tender evaluation', { exempt: true, exemptParagraph: 3 }),
    ]);
    expect(agenda.warnings).toEqual([]);
  });

  it('warns when an exempt item has no paragraph, or one Schedule 12A does not have', () => {
    const agenda = value(parseAgendaText('1. Contract award (Exempt)\n2. Legal advice\nExempt under paragraph 9'));
    expect(agenda.items).toEqual([
      item(1, 'Contract award', { exempt: true }),
      item(2, 'Legal advice', { exempt: true }),
    ]);
    expect(agenda.warnings).toEqual([
      'Item 1 (Contract award) is exempt but no Schedule 12A paragraph was found; choose one before saving.',
      'Item 2 cites paragraph 9, but Schedule 12A has paragraphs 1 to 7; choose the right one.',
      'Item 2 (Legal advice) is exempt but no Schedule 12A paragraph was found; choose one before saving.',
    ]);
  });

  it('marks business after the exclusion item exempt with its paragraph, and says so', () => {
    const agenda = value(
      parseAgendaText(
        [
          '1. Exclusion of the press and public',
          'On the grounds that it involves the likely disclosure of exempt information as defined in paragraph 5.',
          '2. Litigation update',
          '3. Urgent business',
        ].join('\n'),
      ),
    );
    expect(agenda.items).toEqual([
      item(1, 'Exclusion of the press and public', { standardKind: 'exclusion' }),
      item(2, 'Litigation update', { exempt: true, exemptParagraph: 5 }),
      item(3, 'Urgent business', { standardKind: 'other_business' }),
    ]);
    expect(agenda.warnings).toEqual([
      'Item 2 follows the exclusion of the press and public, so it is marked exempt; check before saving.',
    ]);
  });
});

describe('standardKindOf (the agenda parser asks the one recogniser)', () => {
  it.each([
    ['Appointment of Chairman.', 'appointment_chair'],
    ['Election of Chair', 'appointment_chair'],
    ['Appointment of Deputy Chairman', 'appointment_deputy'],
    ['Appointment of Vice-Chair', 'appointment_deputy'],
    ['Introductions', 'introductions'],
    ['Welcome and Introductions', 'introductions'],
    ['Apologies for absence', 'introductions'],
    ['Minutes of previous meeting.', 'previous_minutes'],
    ['To confirm the minutes of the meeting held on 9 December 2022', 'previous_minutes'],
    ['Matters arising', 'matters_arising'],
    ['LSCSB Action Log', 'action_log'],
    ['Declarations of interest', 'declarations'],
    ["Declarations of Members' Interests", 'declarations'],
    ['Other business', 'other_business'],
    ['Any Other Urgent Business', 'other_business'],
    ['AOB', 'other_business'],
    ['Dates of future meetings.', 'next_meeting'],
    ['Date of next meeting', 'next_meeting'],
    ['Exclusion of the Press and Public', 'exclusion'],
    ['HMP Fosse Way Update', null],
    ['Local Prevent Review Update', null],
    ['Chairman’s announcements', null],
  ])('%s -> %s', (title, kind) => {
    expect(standardKindOf(title)).toBe(kind);
  });
});

describe('parseAgendaText: refusals', () => {
  it('refuses empty text', () => {
    expect(message(parseAgendaText(''))).toBe('The agenda is empty.');
    expect(message(parseAgendaText('  \n\n\t\n'))).toBe('The agenda is empty.');
  });

  it('refuses text with no numbered items', () => {
    expect(message(parseAgendaText('Dear colleague,\nPlease find the papers attached.\n'))).toBe(
      'No numbered agenda items were found. Each item should start with its number, for example "1. Apologies for absence".',
    );
  });
});
