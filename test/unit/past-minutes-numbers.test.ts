/**
 * The past minutes reader on minute headings and numbers other councils print (issue 18): a heading and its first
 * words on one line, headings printed with no number before the numbered minutes, and prefixed minute numbers
 * ("Cou/285/07-08", "PC/23/045", "FC 12/24"), read from fictional fixtures in real councils' layouts (see the README
 * beside them); and the rule that prints those numbers again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAndWords, prefixedNumber, readPastMinutesText, type PastMeeting } from '../../shared/import/past-minutes';
import { isMinuteNumberForm, minuteMark } from '../../shared/rules/numbering';
import { minuteCount, minuteNumbers, planMinutes } from '../../shared/minutes/document';
import type { AgendaItem } from '../../shared/model';

const PAST = join(import.meta.dirname, '..', 'fixtures', 'past-minutes');
const REFERENCE = join(import.meta.dirname, '..', 'fixtures', 'reference');

function read(text: string): PastMeeting {
  const r = readPastMinutesText(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
const firstWords = (m: PastMeeting['minutes'][number]) => (m.blocks[0]?.type === 'paragraph' ? m.blocks[0].text : null);

describe('a heading and its words on one line', () => {
  it.each([
    ['Apologies for absence. Apologies were received from Cllr A. Brown.', 'Apologies for absence.', 'Apologies were received from Cllr A. Brown.'],
    ['MINUTES – The minutes of the meeting held on 4 May 2023 were approved.', 'MINUTES', 'The minutes of the meeting held on 4 May 2023 were approved.'],
    ['Declarations of interest – None.', 'Declarations of interest', 'None.'],
    ['Public participation: Two residents spoke about the speed of traffic.', 'Public participation:', 'Two residents spoke about the speed of traffic.'],
    ['Payments: Royal British Legion £16.50: Thomas B. Bonnett £41.18 - proposed Mrs. Willis seconded C. Humphries - pass for payment', 'Payments:', 'Royal British Legion £16.50: Thomas B. Bonnett £41.18 - proposed Mrs. Willis seconded C. Humphries - pass for payment'],
    ["Repairs to St. Mary's Church. The Clerk reported that the quote had been received.", "Repairs to St. Mary's Church.", 'The Clerk reported that the quote had been received.'],
  ])('“%s” is the heading and the first paragraph', (line, title, words) => {
    expect(headingAndWords(line)).toEqual({ title, words });
  });

  it.each([
    'The Mentors in Violence Prevention Programme.',
    'Safer Communities Performance 2020-21 - Quarter 2.',
    'LSCSB Partner Update: Office of the Police and Crime Commissioner.',
    'Public Health Update - Recommissioning of Domestic Abuse and Sexual Violence Services',
    'PREMISES LICENCE REVIEW: THE BULL, AMBRIDGE',
    'Report of Mr. J. Smith on the Village Hall.',
    'Ministry of Housing, Communities and Local Government Domestic and Sexual Violence Abuse Bill.',
  ])('“%s” stays a whole heading', (line) => {
    expect(headingAndWords(line)).toEqual({ title: line, words: null });
  });

  it('keeps every heading of the three references whole (their titles as printed)', () => {
    const titles = [
      ...read(readFileSync(join(REFERENCE, '2020-12-11-minutes.txt'), 'utf8')).minutes,
      ...read(readFileSync(join(PAST, '2022-12-09-agenda-pack.txt'), 'utf8')).minutes,
    ].map((m) => m.title);
    expect(titles).toContain('The Mentors in Violence Prevention Programme.');
    for (const t of titles) expect(headingAndWords(t).words, t).toBeNull();
  });
});

describe('a town council’s minutes with unnumbered headings and numbers “Cou/285/07-08” (fixture town-prefixed-numbers.txt)', () => {
  const m = read(readFileSync(join(PAST, 'town-prefixed-numbers.txt'), 'utf8'));

  it('reads the unnumbered headings before the numbered minutes as minutes without a number', () => {
    expect(m.minutes.map((x) => [x.number, x.unnumbered === true, x.title])).toEqual([
      [null, true, "Chair's announcements"],
      [null, true, 'Public participation'],
      [285, false, 'Apologies for absence.'],
      [286, false, 'Declarations of interest'],
      [287, false, 'MINUTES'],
      [288, false, 'Christmas lights'],
      [290, false, 'Date of next meeting.'],
    ]);
    expect(firstWords(m.minutes[0]!)).toBe('The Chair thanked the volunteers who had cleared the leaves from the churchyard paths in December.');
    expect(m.warnings.join(' ')).toMatch(/printed with no number before the numbered minutes/);
  });

  it('keeps the words on a heading’s line as the minute’s first paragraph', () => {
    expect(firstWords(m.minutes[2]!)).toBe('Apologies were received from Cllr N. Oakes and Cllr P. Reed.');
    expect(firstWords(m.minutes[3]!)).toBe('None.');
    expect(firstWords(m.minutes[4]!)).toBe('The minutes of the meeting held on 10 December 2007 were approved as a correct record and signed by the Chair.');
    expect(firstWords(m.minutes[6]!)).toBe('The next meeting will be held on Monday, 11 February 2008 at 7.30 pm.');
  });

  it('reads the prefix and the year as a span, to print the numbers again as printed', () => {
    expect(m.numberForm).toBe('Cou/{n}/{yy}-{yy+1}');
    expect(m.numberYear).toBe('07');
    expect(minuteMark(285, m.date, 5, m.numberForm)).toBe('Cou/285/07-08');
  });
});

describe('a parish council’s minutes numbered “PC/23/045” (fixture parish-pc-numbers.txt)', () => {
  const m = read(readFileSync(join(PAST, 'parish-pc-numbers.txt'), 'utf8'));

  it('finds every minute number, with noughts before it kept in the form', () => {
    expect(m.minutes.map((x) => x.number)).toEqual([45, 46, 47, 48, 49]);
    expect(m.numberForm).toBe('PC/{yy}/{nnn}');
    expect(m.minutes.map((x) => minuteMark(x.number!, m.date, 5, m.numberForm))).toEqual(['PC/23/045', 'PC/23/046', 'PC/23/047', 'PC/23/048', 'PC/23/049']);
  });

  it('splits the headings with words after them, not the one after “St.”', () => {
    expect(m.minutes.map((x) => x.title)).toEqual(['Election of Chair.', 'Apologies for absence:', 'MINUTES', "Repairs to St. Mary's Church wall.", 'Planning applications']);
    expect(m.minutes[3]!.blocks.map((b) => b.type)).toEqual(['paragraph', 'decision']);
  });
});

describe('a full council numbered “FC 12/24”', () => {
  const m = read(
    [
      'Minutes of a meeting of the Wessex Town Council held at the Guildhall on Monday, 15 January 2024 at 7.00 pm.',
      'Present: Cllr A. Brown (Chair), Cllr C. Dean',
      'FC 12/24 Apologies for absence',
      'None.',
      'FC 13/24 Minutes of the previous meeting',
      'The minutes of the meeting held on 11 December 2023 were approved.',
      'Item 12/24 of the Planning Committee was deferred.',
      'FC 14/24 Allotments',
      'The waiting list was noted.',
    ].join('\n'),
  );

  it('finds each number and its form; a line of the minute with a number in it stays a line of the minute', () => {
    expect(m.minutes.map((x) => [x.number, x.title])).toEqual([
      [12, 'Apologies for absence'],
      [13, 'Minutes of the previous meeting'],
      [14, 'Allotments'],
    ]);
    expect(m.numberForm).toBe('FC {n}/{yy}');
    expect(m.minutes[1]!.blocks).toHaveLength(2);
  });
});

describe('prefixed numbers and the forms that print them', () => {
  it('reads which group is the number and which the year', () => {
    expect(prefixedNumber('Cou/', '285/07-08', '2008-01-14')).toEqual({ n: 285, year: '07', form: 'Cou/{n}/{yy}-{yy+1}' });
    expect(prefixedNumber('PC/', '23/045', '2023-05-09')).toEqual({ n: 45, year: '23', form: 'PC/{yy}/{nnn}' });
    expect(prefixedNumber('FC ', '12/24', '2024-01-15')).toEqual({ n: 12, year: '24', form: 'FC {n}/{yy}' });
    // Read either way ("23" and "24" are both years of a meeting in 2024): the form already read wins.
    expect(prefixedNumber('FC ', '23/24', '2024-01-15', 'FC {yy}/{n}')).toEqual({ n: 24, year: '23', form: 'FC {yy}/{n}' });
    // No year of the meeting in it, or a word of the minutes before it: not a minute number.
    expect(prefixedNumber('PC/', '12/45', '2024-01-15')).toBeNull();
    expect(prefixedNumber('Item ', '12/24', '2024-01-15')).toBeNull();
  });

  it('accepts the forms with a prefix, refuses what cannot print a number', () => {
    for (const f of ['{n}.', '{yy}.{n}', '{n}/{yyyy}', 'Cou/{n}/{yy}-{yy+1}', 'PC/{yy}/{nnn}', 'FC {n}/{yy}']) expect(isMinuteNumberForm(f), f).toBe(true);
    for (const f of ['', 'PC/', '{n}/{n}', '{yy}', 'P1/{n}', '{n}/{yy+1}', '<b>{n}</b>', `${'A'.repeat(40)}{n}`]) expect(isMinuteNumberForm(f), f).toBe(false);
    expect(minuteMark(7, '2024-03-01', 5, 'PC/{yy}/{nnn}')).toBe('PC/23/007');
    expect(minuteMark(7, '2024-06-01', 5, 'PC/{yy}/{nnn}')).toBe('PC/24/007');
    expect(minuteMark(99, '2099-06-01', 5, 'X/{n}/{yy}-{yy+1}')).toBe('X/99/99-00');
  });

  it('accepts a number printed below the heading (“{a}.” then its own form, in brackets too) and prints the number as it is printed there', () => {
    for (const f of ['{a}.\n{nn}/{yy}', '{a}.\nMinute {yy}/{n}', '{a}.\n(Min. {n})', '{a}.\n{n}.']) expect(isMinuteNumberForm(f), f).toBe(true);
    for (const f of ['{a}.\n', '{a}.\n({n}', '{a}.\n{n}/{n}', '{a}. {n}', '{n}\n{a}.']) expect(isMinuteNumberForm(f), f).toBe(false);
    expect(minuteMark(1, '2022-05-19', 5, '{a}.\n{nn}/{yy}')).toBe('01/22');
    expect(minuteMark(12, '2023-02-01', 5, '{a}.\n(Min. {n})')).toBe('(Min. 12)');
  });
});

describe('numbering with an unnumbered item', () => {
  const item = (id: number, extra: Partial<AgendaItem> = {}) => ({ id, position: id, businessOrder: id, leftOut: false, exempt: false, kind: 'business', numbersSkipped: 0, ...extra }) as AgendaItem;

  it('gives it no number; the items after it number on from the first, and the count is of numbered minutes', () => {
    const items = [item(0, { unnumbered: true }), item(1), item(2, { numbersSkipped: 1 }), item(3)];
    expect([...minuteNumbers({ items, firstMinuteNumber: 285 })]).toEqual([
      [1, 285],
      [2, 287],
      [3, 288],
    ]);
    expect(planMinutes(items, 285)[0]).toMatchObject({ kind: 'item', unnumbered: true });
    expect(minuteCount(items)).toBe(4);
    expect(minuteCount([item(0, { unnumbered: true })])).toBe(0);
  });
});

describe('a heading in capitals before a dash', () => {
  it('splits only where a sentence follows', () => {
    expect(headingAndWords('PLANNING – 23/00123/FUL Land at Mill Lane')).toEqual({ title: 'PLANNING – 23/00123/FUL Land at Mill Lane', words: null });
    expect(headingAndWords('DECLARATIONS OF INTEREST – None.')).toEqual({ title: 'DECLARATIONS OF INTEREST', words: 'None.' });
  });
});

describe('numbered paragraphs inside minutes (the layout of Wereham Parish Council’s minutes of 11 November 2014; see the fixtures README)', () => {
  it('reads “6.7”, “13.2” and “4.1” under unnumbered headings as the words of their minutes, not as minutes numbered within the year 2013', () => {
    const m = read(readFileSync(join(PAST, 'parish-paragraph-numbers.txt'), 'utf8'));
    expect(m.numberForm).toBeUndefined();
    expect(m.warnings.join(' ')).not.toMatch(/numbered within their year/);
    // Under headings with no numbers: "13.2" is a line of "Matters arising", not minute 2 of the year 2013.
    expect(m.minutes.map((x) => [x.number, x.title])).toEqual([
      [null, 'Minutes of the last meeting'],
      [null, 'Matters arising'],
      [null, 'Reports'],
    ]);
    const words = (n: number) => JSON.stringify(m.minutes[n]!.blocks);
    expect(words(1)).toContain('6.7 Clerk to update the address on the title of the pond field.');
    expect(words(1)).toContain('13.2 Repair to the edge of the green near the bus shelter.');
    expect(words(2)).toContain("4.1 Chair's report.");
  });
});
