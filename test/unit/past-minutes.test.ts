/** The past minutes reader (issue 18) on the three published references and on the shapes other minutes take. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchPerson, readPastMinutesText, sameBody, type PastBlock, type PastMeeting } from '../../shared/import/past-minutes';

const REFERENCE = join(import.meta.dirname, '..', 'fixtures', 'reference');
const PAST = join(import.meta.dirname, '..', 'fixtures', 'past-minutes');

function read(text: string): PastMeeting {
  const r = readPastMinutesText(text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}
const shape = (b: PastBlock) =>
  b.type === 'paragraph' ? 'P' : b.type === 'points' ? `${b.style}@${b.start}${b.intro ? ':' : ''}×${b.items.length}` : `${b.label}×${b.resolutions.length}`;

describe('the printed minutes of 11 December 2020', () => {
  const m = read(readFileSync(join(REFERENCE, '2020-12-11-minutes.txt'), 'utf8'));

  it('reads the opening line, the attendance and the minute numbers', () => {
    expect(m).toMatchObject({ bodyName: 'Leicestershire Safer Communities Strategy Board', date: '2020-12-11', mode: 'teams', venue: '', form: 'printed' });
    expect(m.attendance.chair).toEqual({ name: 'Mrs D. Taylor CC', detail: '' });
    expect(m.attendance.present).toHaveLength(11);
    expect(m.attendance.present[0]).toEqual({ name: 'Cllr. L. Phillimore', detail: 'Community Safety Partnership Strategy Group Chair – Blaby District Council' });
    expect(m.attendance.officers.map((p) => p.name)).toEqual(['Chris Hedworth', 'Thomas Day', 'Julie Robinson', 'John Richardson']);
    expect(m.attendance.others).toHaveLength(4);
    expect(m.attendance.apologies.map((p) => p.name)).toEqual(['Cllr. S. Whelband', 'Rik Basra', 'Carly Turner', 'Andrew Cotton']);
    expect(m.minutes.map((x) => x.number)).toEqual([17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]);
    expect(m.minutes[7]!.title).toBe('The Mentors in Violence Prevention Programme.');
  });

  it('reads lists with their introduction, sub-points, a list carried on after a paragraph, and decisions', () => {
    expect(m.minutes[3]!.blocks.map(shape)).toEqual(['P', 'P', 'P', 'RESOLVED×4']);
    // 23: (i) with bullets under it, a paragraph, then (ii)-(v) carrying on the numbering.
    expect(m.minutes[6]!.blocks.map(shape)).toEqual(['P', 'roman@0:×1', 'bullet@0×3', 'P', 'roman@1×4', 'RESOLVED×2']);
    const points = m.minutes[6]!.blocks[1] as Extract<PastBlock, { type: 'points' }>;
    expect(points.intro).toBe('Arising from discussions the following points were noted:');
    const decision = m.minutes[11]!.blocks[0] as Extract<PastBlock, { type: 'decision' }>;
    expect(decision.resolutions).toEqual(['That the next meeting of the Board take place on Friday 19 March 2021 at 10:00am.']);
  });

  it('joins a point broken across a page end', () => {
    const list = m.minutes[9]!.blocks.find((b) => b.type === 'points') as Extract<PastBlock, { type: 'points' }>;
    expect(list.items[0]).toMatch(/There would be more collaboration between NPS and CRC in the lead up/);
  });
});

describe('the web page of 24 September 2021', () => {
  const m = read(readFileSync(join(REFERENCE, '2021-09-24-minutes.txt'), 'utf8'));

  it('reads the heading and venue, and titles by the page’s marks (no numbers on the page)', () => {
    expect(m).toMatchObject({ bodyName: 'Leicestershire and Rutland Safer Communities Strategy Board', date: '2021-09-24', startTime: '10:00', mode: 'teams', form: 'web' });
    expect(m.minutes.map((x) => x.title)).toEqual([
      'Introductions',
      'Minutes of previous meeting.',
      'Matters arising',
      'LSCSB Action Log',
      'Declarations of interest',
      'LSCSB Board Training Programme.',
      'Hate Crime Strategic Update.',
      'Warning Zone.',
      'LSCSB Performance Update - Quarter 1.',
      'Ministry of Housing, Communities and Local Government Domestic and Sexual Violence Abuse services funding Update.',
      'Probation Update.',
      'Glen Parva Prison.',
      'Other business',
      'Dates of future meetings.',
    ]);
    expect(m.minutes.every((x) => x.number === null)).toBe(true);
    expect(m.warnings.join(' ')).toMatch(/first minute has no title/);
  });

  it('leaves out the agenda’s presenter lines and text, and reads “That …” as resolutions', () => {
    const words = JSON.stringify(m.minutes);
    expect(words).not.toMatch(/will present this report|pdf icon|Additional documents/);
    expect(m.minutes[13]!.blocks.map(shape)).toEqual(['RESOLVED×1', 'P', 'P', 'P', 'P', 'P']);
    expect(m.minutes[6]!.blocks.map(shape)).toEqual(['P', 'P', 'roman@0:×3', 'RESOLVED×2']);
  });
});

describe('the minutes of 17 June 2022 inside the agenda pack of 9 December 2022', () => {
  const m = read(readFileSync(join(PAST, '2022-12-09-agenda-pack.txt'), 'utf8'));

  it('finds the minutes after the agenda and stops before the action log', () => {
    expect(m).toMatchObject({ date: '2022-06-17', mode: 'in_room', venue: 'County Hall, Glenfield' });
    expect(m.minutes.map((x) => x.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(JSON.stringify(m.minutes)).not.toMatch(/Action Log\s+No\./);
    expect(m.minutes[16]!.blocks.map(shape)).toEqual(['RESOLVED×1']);
  });

  it('keeps a line after a decision (a change of chair) as a paragraph', () => {
    expect(m.minutes[0]!.blocks).toEqual([
      { type: 'decision', label: 'RESOLVED', resolutions: ['It was proposed, seconded, and AGREED that Mrs. D. Taylor CC be elected Chairman of the Board for 2022/23.'] },
      { type: 'paragraph', text: 'Mrs. D. Taylor CC in the Chair' },
    ]);
  });
});

describe('other shapes of minutes', () => {
  const text = (lines: string[]) => lines.join('\n');

  it('a hybrid meeting, a start and close time, substitutes, numbered and lettered points, and a line it cannot place kept as a paragraph', () => {
    const m = read(
      text([
        'Minutes of a meeting of the Planning Committee held at the Civic Centre, Market Street and via Microsoft Teams on Tuesday, 3 March 2020 at 6.30 pm.',
        'Present:',
        'Councillor J. Smith (in the Chair)',
        'Councillor A. Brown',
        'Substitutes:',
        'Councillor C. Green',
        '12. Apologies for absence',
        'Apologies were received from Councillor D. White.',
        '13. Planning application 19/0001/FUL',
        'The Committee noted:',
        '1. the officer’s report;',
        '2. the late representations.',
        '* a bullet kept as a point',
        'RESOLVED:',
        '(a) That permission be granted;',
        '(b) That the conditions be delegated.',
        '~ a stray line of unknown shape ~',
        'The meeting closed at 8.05 pm.',
      ]),
    );
    expect(m).toMatchObject({ mode: 'hybrid', venue: 'the Civic Centre, Market Street', startTime: '18:30', closedAt: '20:05' });
    expect(m.attendance.substitutes).toEqual([{ name: 'Councillor C. Green', detail: '' }]);
    expect(m.minutes.map((x) => x.number)).toEqual([12, 13]);
    expect(m.minutes[1]!.blocks.map(shape)).toEqual(['number@0:×2', 'bullet@0×1', 'RESOLVED×2', 'P']);
    expect(m.minutes[1]!.blocks[3]).toEqual({ type: 'paragraph', text: '~ a stray line of unknown shape ~' });
  });

  it('refuses text that is not minutes, and an agenda, with a clear message', () => {
    const agenda = readPastMinutesText(readFileSync(join(REFERENCE, '2022-12-09-agenda.txt'), 'utf8'));
    expect(agenda.ok ? '' : agenda.message).toMatch(/looks like an agenda, not minutes/);
    const other = readPastMinutesText('Dear colleague,\nPlease find attached.');
    expect(other.ok ? '' : other.message).toMatch(/does not look like minutes/);
  });

  it('tells one body from another by the words of their names', () => {
    expect(sameBody('Leicestershire and Rutland Safer Communities Strategy Board', 'Leicestershire Safer Communities Strategy Board')).toBe(true);
    expect(sameBody('Borsetshire Planning Committee', 'Leicestershire Safer Communities Strategy Board')).toBe(false);
  });
});

describe('other councils’ house styles (test/fixtures/past-minutes/README.md)', () => {
  it('a ModernGov page with the numbers on lines of their own and the agenda’s text before “Minutes:”', () => {
    const m = read(readFileSync(join(PAST, 'moderngov-numbered-page.txt'), 'utf8'));
    expect(m).toMatchObject({ bodyName: 'Licensing Committee', date: '2017-01-26', startTime: '14:00', venue: 'Council Chamber - Borsetshire House', form: 'web' });
    expect(m.minutes.map((x) => `${x.number} ${x.title}`)).toEqual([
      '1 APOLOGIES',
      '2 DECLARATIONS OF INTEREST',
      '3 MINUTES',
      '4 PREMISES LICENCE REVIEW: THE BULL, AMBRIDGE',
      '5 ANNOUNCEMENTS',
    ]);
    expect(JSON.stringify(m.minutes)).not.toMatch(/To receive Apologies|To authorise the Chairman/);
    expect(m.minutes[3]!.blocks.map(shape)).toEqual(['P', 'roman@0:×2', 'RESOLVED×2']);
  });

  it('a parish council’s minutes numbered within the year, with a 24-hour start and close', () => {
    const m = read(readFileSync(join(PAST, 'parish-council-minutes.txt'), 'utf8'));
    expect(m).toMatchObject({ bodyName: 'Ambridge Parish Council', date: '2021-05-05', startTime: '19:00', closedAt: '20:15', mode: 'teams' });
    expect(m.attendance.chair?.name).toBe('Cllr Mr J Archer');
    expect(m.attendance.present.map((p) => p.name)).toEqual(['Cllr Mrs S Pargetter', 'Cllr Mr N Grundy', 'Cllr Ms L Snell']);
    // "In Attendance": the clerk as an officer, the public as guests (issue 18: officers and guests are not members).
    expect(m.attendance.others).toEqual([]);
    expect(m.attendance.officers.map((p) => [p.name, p.as ?? null])).toEqual([
      ['Two members of the public', 'guest'],
      ['Mr R Tucker', null],
    ]);
    expect(m.minutes.map((x) => x.number)).toEqual([44, 45, 46, 47]);
    expect(m.minutes[2]!.blocks.map(shape)).toEqual(['bullet@0:×2', 'RESOLVED×1']);
    expect(m.warnings.join(' ')).toMatch(/numbered within their year/);
  });

  it('a parish council’s draft minutes opening body-first in capitals, numbered “70/17”, with its records', () => {
    const m = read(readFileSync(join(PAST, 'parish-slash-numbered.txt'), 'utf8'));
    expect(m).toMatchObject({ bodyName: 'LOXLEY BARRETT PARISH COUNCIL', date: '2017-06-01', startTime: '19:00', closedAt: '20:40', venue: 'LOXLEY BARRETT VILLAGE HALL', numberForm: '{n}/{yy}', numberYear: '17' });
    expect(m.attendance.chair?.name).toBe('Cllr M. Woolley');
    expect(m.attendance.present.map((p) => [p.name, p.remote ?? false])).toEqual([
      ['Cllr P. Bullen', false],
      ['Cllr R. Hanley', false],
      ['Cllr J. Walsh', true],
    ]);
    expect(m.attendance.officers.map((p) => [p.name, p.detail, p.as ?? 'officer'])).toEqual([
      ['Mr P. Kingdom', 'Parish Clerk', 'officer'],
      ['Four members of the public', '', 'guest'],
    ]);
    expect(m.minutes.map((x) => `${x.number} ${x.title}`)).toEqual([
      '70 Apologies for absence',
      '71 Declarations of interest on agenda items',
      '72 Minutes of the Parish Council meeting held on 4 May 2017',
      '73 Cemetery',
      '74 Finance',
      '75 Allotments',
      '76 Date of next meeting',
    ]);
    // The welcome before the first minute is not a person of In attendance: its words are kept there, before minute 70/17.
    expect(m.preamble).toEqual(['The Chairman welcomed everyone present to the Parish Council Meeting.']);
    expect(m.minutes[0]!.blocks.map(shape)).toEqual(['P']);
    expect(m.warnings.join(' ')).toMatch(/Before the first minute, “The Chairman welcomed everyone present to the Parish Council Meeting\.” is not attendance; it was kept as words before the first minute, after the attendance/);
    // The reference to an earlier minute stays a paragraph of this one, not a minute of its own.
    expect(m.minutes[2]!.blocks.map(shape)).toEqual(['P', 'P']);
    expect(m.minutes[3]!.blocks.map(shape)).toEqual(['alpha@0:×2', 'RESOLVED×1']);
    expect(m.minutes[4]!.blocks.map(shape)).toEqual(['bullet@0:×2']);
    const declared = m.minutes[1]!.blocks[0]!;
    expect(declared.type === 'paragraph' && declared.declaration).toMatchObject({ person: 'Cllr R. Hanley', category: 'non_registrable', minute: null });
  });
});

describe('a declaration’s name matched to the person in the attendance', () => {
  const people = ['Cllr J. Smith', 'Mrs D. Taylor CC', 'Mr. N. Bannister CC', 'Cllr A. Brown', 'Cllr Mrs K. Brown', 'Councillor Peter Quill'];

  it('the name as written in the attendance, case, stops and spacing aside', () => {
    expect(matchPerson('Cllr J. Smith', people)).toBe('Cllr J. Smith');
    expect(matchPerson('CLLR J SMITH', people)).toBe('Cllr J. Smith');
    expect(matchPerson('Mrs. D Taylor CC', people)).toBe('Mrs D. Taylor CC');
  });

  it('another title, the full given name for an initial, or the surname alone when only one person has it', () => {
    expect(matchPerson('Cllr Smith', people)).toBe('Cllr J. Smith');
    expect(matchPerson('Councillor J. Smith', people)).toBe('Cllr J. Smith');
    expect(matchPerson('Councillor John Smith', people)).toBe('Cllr J. Smith');
    expect(matchPerson('Smith', people)).toBe('Cllr J. Smith');
    expect(matchPerson('Mr Bannister', people)).toBe('Mr. N. Bannister CC');
    expect(matchPerson('County Councillor Taylor', people)).toBe('Mrs D. Taylor CC');
    expect(matchPerson('Cllr P. Quill', people)).toBe('Councillor Peter Quill');
    expect(matchPerson('Cllr Quill', people)).toBe('Councillor Peter Quill');
  });

  it('never the wrong person: two of the surname, a given name that does not fit, a title of the other sex, or no one', () => {
    // Two Browns: the surname alone is ambiguous; the initial or the title tells them apart.
    expect(matchPerson('Cllr Brown', people)).toBeNull();
    expect(matchPerson('Cllr A Brown', people)).toBe('Cllr A. Brown');
    expect(matchPerson('Councillor Karen Brown', people)).toBe('Cllr Mrs K. Brown');
    expect(matchPerson('Cllr B. Brown', people)).toBeNull();
    expect(matchPerson('Councillor Jane Smith', people)).toBe('Cllr J. Smith');
    expect(matchPerson('Councillor Mary Smith', people)).toBeNull();
    expect(matchPerson('Mr Taylor', people)).toBeNull();
    expect(matchPerson('Cllr Z. Nobody', people)).toBeNull();
    expect(matchPerson('The Chairman', people)).toBeNull();
    expect(matchPerson('It was', people)).toBeNull();
  });
});

describe('parish minutes with their attendance written out on a line (fixture parish-inline-attendance.txt)', () => {
  const m = read(readFileSync(join(PAST, 'parish-inline-attendance.txt'), 'utf8'));

  it('an opening line with no “on” before its weekday', () => {
    expect([m.bodyName, m.date, m.venue, m.closedAt]).toEqual(['BRAMBLEFORD PARISH COUNCIL', '2023-06-12', 'THE CHAPEL ROOM', '20:20']);
  });

  it('“Present– … - Chairman, … & …”, “Those Attending: … (Clerk) and 4 members of the public.”: the chair, members, the clerk as an officer, the public as guests', () => {
    const a = m.attendance;
    expect(a.chair).toEqual({ name: 'Cllr Harriet Quince', detail: '' });
    expect(a.present.map((p) => [p.name, p.as ?? null])).toEqual([
      ['Cllr P Marsh', null],
      ['Cllr Owen Tully', null],
      ['Cllr Mrs R Fenn', null],
      ['Cllr J Hollis', null],
      ['4 members of the public', 'guest'],
    ]);
    expect(a.officers).toEqual([{ name: 'Mrs K Ashdown', detail: 'Clerk', as: 'officer' }]);
    // “Apologies: No apologies” names no one: no one is made a person, the words are kept.
    expect(a.apologies).toEqual([]);
    expect(m.preamble?.[0]).toBe('Apologies: No apologies');
  });

  it('a markdown conversion’s escaped numbers (“1\\.”) and a table row’s bars (“5\\. | Footpaths: |”) are not the minutes’ words', () => {
    expect(m.minutes.map((x) => `${x.number} ${x.title}`)).toEqual(['1 Election of Chairman', '2 Declarations of Interest', '3 Minutes of the previous meeting', '4 Planning', '5 Footpaths:']);
    expect(m.minutes[4]!.blocks).toEqual([{ type: 'paragraph', text: 'The overgrown footpath by the ford has been reported to the county council.' }]);
  });

  it('the declaration names the member by full name, as the attendance does not', () => {
    const b = m.minutes[1]!.blocks[0]!;
    expect(b.type === 'paragraph' && b.declaration?.person).toBe('Cllr Owen Tully');
  });
});

describe('parish minutes whose opening runs over two lines, the month first (fixture parish-two-line-opening.md)', () => {
  const m = read(readFileSync(join(PAST, 'parish-two-line-opening.md'), 'utf8'));

  it('“… HELD AT THE VILLAGE HALL ON” / “TUESDAY MAY 7th 2024” is one opening line', () => {
    expect([m.bodyName, m.date, m.venue, m.closedAt]).toEqual(['ASHCOMBE PARISH COUNCIL', '2024-05-07', 'THE VILLAGE HALL', '20:05']);
  });

  it('“**Present:** … - Chair, … - Vice Chair, …”, then a line carrying the list on (“Gemma Rook – Clerk and 2 members of the public.”)', () => {
    const a = m.attendance;
    expect(a.chair?.name).toBe('Cllr. T. Wren');
    expect(a.present.map((p) => [p.name, p.detail])).toEqual([
      ['Cllr. B. Stour', 'Vice Chair'],
      ['Cllr. L. Ferris', ''],
      ['Cllr. N. Oakes', ''],
      ['Cllr. D. Pike', ''],
      ['2 members of the public', ''],
    ]);
    expect(a.officers.map((p) => [p.name, p.detail])).toEqual([['Gemma Rook', 'Clerk']]);
    // The welcome after the list is words, not a person.
    expect(m.preamble).toEqual(['Cllr. Wren opened the meeting and thanked the hall committee for the new heating.']);
    expect(m.minutes.map((x) => x.number)).toEqual([1, 2, 3]);
    expect(m.minutes[2]!.title).toBe('Minutes of the meeting held on 2nd April 2024');
  });
});

describe('attendance written out on a line: the chair and roles', () => {
  it('“(Vice-Chair)” is not the chair; “(Chair)” after it is', () => {
    const r = readPastMinutesText(
      'Minutes of a meeting of the Deepford Parish Council held at the Hall on Monday 3 July 2023\nPresent: Cllr B. Smith (Vice-Chair), Cllr A. Brown (Chair) and Cllr C. Dean – Deepford District Council.\n1. Apologies\nNone.',
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.value.attendance.chair).toEqual({ name: 'Cllr A. Brown', detail: '' });
    expect(r.value.attendance.present).toEqual([
      { name: 'Cllr B. Smith', detail: 'Vice-Chair' },
      { name: 'Cllr C. Dean', detail: 'Deepford District Council' },
    ]);
  });
});

describe('opening lines in other house styles', () => {
  const opening = (line: string) => {
    const r = readPastMinutesText(`${line}\nPresent:\nCllr A. Brown\n1. Apologies\nNone.`);
    return r.ok ? [r.value.bodyName, r.value.date, r.value.startTime] : r.message;
  };
  it('a long kind of meeting, an ordinal run into its month, and a time after the date', () => {
    expect(opening('Minutes of the One Hundredth & Twenty-fifth Annual Meeting of the Deepford Parish Council held in The Memorial Hall, Deepford on Wednesday 15thMay 2019, 7pm')).toEqual([
      'Deepford Parish Council',
      '2019-05-15',
      '19:00',
    ]);
    expect(opening('Minutes of Deepford Annual Parish Council Meeting held in The Community Centre At 7.30pm on Wednesday 18 May 2011')).toEqual(['Deepford Parish Council', '2011-05-18', '19:30']);
    expect(opening('Minutes of the meeting of the Deepford Parish Council held on May 6, 2014 at 7.00 pm')).toEqual(['Deepford Parish Council', '2014-05-06', '19:00']);
  });
  it('a title that only starts like an opening is not one', () => {
    expect(opening('Minutes of previous meeting.')).toMatch(/does not look like minutes/);
  });
});

describe('openings set out over several lines, as parish minutes head their first page (layouts of West Dereham, Wretton, Wereham and Stoke Ferry Parish Councils, 2009–2017; see the fixtures README)', () => {
  // Written for this test: a fictional council. Each heading is followed by the same attendance and minutes.
  const rest = ['', 'Present: Cllr A. Brown - Chairman, Cllr C. Dean, Cllr E. Fox.', '', '1. Apologies for Absence', 'None.', '', '2. Footpaths', 'The Clerk reported on the footpaths.'];
  const heading = (...lines: string[]) => {
    const r = readPastMinutesText([...lines, ...rest].join('\n'));
    return r.ok ? { body: r.value.bodyName, date: r.value.date, start: r.value.startTime, venue: r.value.venue, minutes: r.value.minutes.map((m) => m.number), warnings: r.value.warnings } : r.message;
  };
  it('three lines in capitals: the body’s meeting, where it was held (and when), and the date with an ordinal, the month first or last', () => {
    expect(heading('**MINUTES OF DEEPFORD PARISH COUNCIL MEETING**', '**HELD AT DEEPFORD VILLAGE HALL at 7.30 pm**', '**THURSDAY 4 DECEMBER 2014**')).toMatchObject({
      body: 'DEEPFORD PARISH COUNCIL',
      date: '2014-12-04',
      start: '19:30',
      venue: 'DEEPFORD VILLAGE HALL',
      minutes: [1, 2],
    });
    expect(heading('MINUTES FOR DEEPFORD PARISH COUNCIL MEETING', 'HELD AT THE CHURCH', 'MONDAY 11TH JANUARY 2010')).toMatchObject({ body: 'DEEPFORD PARISH COUNCIL', date: '2010-01-11', venue: 'THE CHURCH' });
    expect(heading('MINUTES OF DEEPFORD PARISH COUNCIL MEETING', 'HELD AT THE VILLAGE HALL THURSDAY OCTOBER 1st 2009')).toMatchObject({ body: 'DEEPFORD PARISH COUNCIL', date: '2009-10-01' });
  });
  it('the body named in the first line, where and when in the next two', () => {
    expect(heading('Minutes of the meeting of the Deepford Parish Council', 'held on Thursday 8th March 2007 in', 'The Village Hall at 8.00p.m.')).toMatchObject({ body: 'Deepford Parish Council', date: '2007-03-08' });
  });
  it('the body on a line of its own above “Minutes of the meeting held on …” or “Minutes of the Ordinary Parish Council Meeting”', () => {
    expect(heading('Page 001 (2017)', 'DEEPFORD PARISH COUNCIL', 'Minutes of the meeting held on 11th January, 2017')).toMatchObject({ body: 'DEEPFORD PARISH COUNCIL', date: '2017-01-11' });
    expect(heading('**DEEPFORD PARISH COUNCIL**', '**Minutes of the Ordinary Parish Council Meeting**', '**11th November 2014 at 7.30pm**')).toMatchObject({ body: 'DEEPFORD PARISH COUNCIL', date: '2014-11-11', start: '19:30' });
  });
  it('minutes that name no body at all, at the head of the text, are read as the minutes of the body they are imported into', () => {
    const read = heading('Minutes of the meeting held on 13th June at 8pm', 'Minutes of the meeting held on Thursday 13th June 2002 at 8.00pm in the Village Hall');
    expect(read).toMatchObject({ body: '', date: '2002-06-13', start: '20:00' });
    expect(typeof read === 'object' && read.warnings.some((w) => w.includes('do not name the body'))).toBe(true);
  });
  it('a whole opening ending in a stop, “Minutes of Meeting” without its article, and “Minutes to …”', () => {
    expect(heading('Minutes of the January 2003 meeting', 'Minutes of the meeting held on 9th January 2003 at 8p.m. in the Village Hall.')).toMatchObject({ body: '', date: '2003-01-09', start: '20:00' });
    expect(heading('DEEPFORD PARISH COUNCIL', 'Minutes of Meeting held in the Community Centre', 'At 7.30pm on Wednesday 26 November 2008', 'DRAFT')).toMatchObject({ body: 'DEEPFORD PARISH COUNCIL', date: '2008-11-26', start: '19:30' });
    expect(heading('Minutes to Deepford Parish Council Meeting held in the Community Centre Wednesday 5th May 2004 at 7.45pm')).toMatchObject({ body: 'Deepford Parish Council', date: '2004-05-05', start: '19:45' });
  });
  it('not an opening: a line naming no body after an agenda’s words, a heading line run into the attendance, or into another opening', () => {
    expect(heading('AGENDA', 'Minutes of the meeting held on 5 May 2024')).toMatch(/does not look like minutes|looks like an agenda/);
    expect(heading('MINUTES OF DEEPFORD PARISH COUNCIL MEETING', 'Present: Cllr A. Brown', 'THURSDAY 4 DECEMBER 2014')).toMatch(/does not look like minutes/);
    expect(heading('Minutes of the October meeting of Deepford Parish Council', 'MINUTES OF DEEPFORD PARISH COUNCIL MEETING', 'HELD AT THE VILLAGE HALL', 'THURSDAY OCTOBER 1st 2009')).toMatchObject({ body: 'DEEPFORD PARISH COUNCIL', date: '2009-10-01' });
  });
  it('“PRESENT (6 Councillors):- …”: the count in brackets and “:-” after the heading', () => {
    const r = readPastMinutesText(['MINUTES OF DEEPFORD PARISH COUNCIL MEETING', 'HELD AT THE VILLAGE HALL', 'THURSDAY 4 DECEMBER 2014', '', 'PRESENT (3 Councillors):- Ann Brown (AB), Cy Dean (CD) – Chairman, Eve Fox (EF)', '', '1. Apologies for Absence', 'None.'].join('\n'));
    // The initials in brackets, the minutes' shorthand for each councillor, are kept as printed.
    expect(r.ok && r.value.attendance.present.map((p) => [p.name, p.detail])).toEqual([['Ann Brown', 'AB'], ['Eve Fox', 'EF']]);
    expect(r.ok && r.value.attendance.chair?.name).toBe('Cy Dean (CD)');
  });
});

describe('a heading naming the body and its meeting, its minutes said below (in the layout of Northwold and Whittington Parish Council, 19 July 2017; see the fixtures README)', () => {
  // Written for this test: a fictional council and business.
  const text = [
    'Deepford and Marsh Parish Council – Extraordinary Meeting Thursday 14th September 2023, 7.15pm Deepford Reading Room',
    '',
    'Draft Minutes for approval at the next Ordinary Meeting',
    '',
    'PRESENT: Cllr P. Hale (Chairman), Cllr R. Moss, Cllr T. Vane and Mrs L. Orme, Clerk.',
    '',
    '1\\. APOLOGIES FOR ABSENCE',
    'Apologies were received from Cllr S. Kerr.',
    '2\\. CHURCHYARD WALL',
    'Members agreed to seek two quotations for repointing the wall.',
    'With no further business the meeting closed at 8.10pm',
  ].join('\n');
  const r = readPastMinutesText(text);
  if (!r.ok) throw new Error(r.message);
  const m = r.value;

  it('reads the body, date, start and venue from the heading, and not the line saying these are its minutes as words', () => {
    expect([m.bodyName, m.date, m.startTime, m.venue, m.closedAt]).toEqual(['Deepford and Marsh Parish Council', '2023-09-14', '19:15', 'Deepford Reading Room', '20:10']);
    expect(JSON.stringify(m.minutes)).not.toContain('Draft Minutes for approval');
  });

  it('“Mrs L. Orme, Clerk”: the role after a comma is hers, and she is an officer', () => {
    expect(m.attendance.chair?.name).toBe('Cllr P. Hale');
    expect(m.attendance.present.map((p) => p.name)).toEqual(['Cllr R. Moss', 'Cllr T. Vane']);
    expect(m.attendance.officers).toEqual([{ name: 'Mrs L. Orme', detail: 'Clerk', as: 'officer' }]);
    expect(m.minutes.map((x) => `${x.number} ${x.title}`)).toEqual(['1 APOLOGIES FOR ABSENCE', '2 CHURCHYARD WALL']);
  });

  it('an agenda’s heading of the same form, with no line saying minutes, is not taken for minutes', () => {
    const agenda = readPastMinutesText(text.replace('Draft Minutes for approval at the next Ordinary Meeting', 'Agenda'));
    expect(agenda.ok).toBe(false);
  });
});

describe('a gap in the minute numbers (a minute left out of the published minutes)', () => {
  const GAPPED = [
    'Minutes of a meeting of the Audit Committee held at County Hall on Friday, 11 December 2020.',
    'Present:',
    'Councillor J. Smith (in the Chair)',
    '1. Apologies for absence',
    'There were no apologies.',
    '2. Minutes of the previous meeting',
    'The minutes were agreed as a true record.',
    '4. Internal audit progress',
    'The Committee noted the progress of the internal audit plan.',
    '5. Date of next meeting',
    'RESOLVED:',
    'That the next meeting be held on 12 March 2021.',
  ].join('\n');

  it('keeps the minute after the gap as a minute of its own, with its printed number, and says so', () => {
    const m = read(GAPPED);
    expect(m.minutes.map((x) => x.number)).toEqual([1, 2, 4, 5]);
    expect(m.minutes[2]).toMatchObject({ number: 4, title: 'Internal audit progress', blocks: [{ type: 'paragraph', text: 'The Committee noted the progress of the internal audit plan.' }] });
    expect(m.minutes[1]!.blocks).toEqual([{ type: 'paragraph', text: 'The minutes were agreed as a true record.' }]);
    expect(m.warnings.join(' ')).toMatch(/numbered 2 then 4/);
  });

  it('a jump backwards, a large jump, or a numbered point inside a minute stays a line of the minute', () => {
    const m = read(
      [
        'Minutes of a meeting of the Audit Committee held at County Hall on Friday, 11 December 2020.',
        '1. Apologies for absence',
        'There were no apologies.',
        '2. Risk register',
        'The Committee noted:',
        '1. the new risks;',
        '2. the closed risks;',
        '3. Internal audit progress',
        'The plan was on track.',
        '2. A heading numbered backwards',
        '20. A heading far ahead',
        'The meeting closed at 11.00 am.',
      ].join('\n'),
    );
    expect(m.minutes.map((x) => x.number)).toEqual([1, 2, 3]);
    expect(JSON.stringify(m.minutes[2]!.blocks)).toMatch(/A heading numbered backwards.*A heading far ahead/);
  });
});

describe('a ModernGov page whose heading has an ordinal date and a comma before the year (in the layout of Lancaster City Council’s Planning Regulatory Committee page of 4 February 2019; see the fixtures README)', () => {
  const PAGE = [
    'Agenda and minutes',
    '',
    'Licensing Regulatory Committee - Tuesday, 3rd March, 2026 10.30 a.m.',
    '',
    'Venue: Borchester Town Hall',
    '',
    'Contact: Ann Example, Democratic Services',
    '',
    'Items',
    'No. Item',
    '',
    '41.',
    '',
    'Minutes',
    '',
    'Minutes of the meeting held on 3 February, 2026 to be approved and signed.',
    '',
    'Minutes:',
    '',
    'The minutes of the meeting held on 3rd February 2026 were signed by the Chair as a correct record.',
    '',
    '42.',
    '',
    'Items of Urgent Business authorised by the Chair',
    '',
    'Minutes:',
    '',
    'There were no items of urgent business.',
  ].join('\n');

  it('reads the heading (“Tuesday, 3rd March, 2026 10.30 a.m.”), the venue and the numbered minutes', () => {
    const m = read(PAGE);
    expect(m).toMatchObject({ bodyName: 'Licensing Regulatory Committee', date: '2026-03-03', startTime: '10:30', venue: 'Borchester Town Hall', form: 'web' });
    expect(m.minutes.map((x) => [x.number, x.title])).toEqual([
      [41, 'Minutes'],
      [42, 'Items of Urgent Business authorised by the Chair'],
    ]);
    expect(m.minutes[0]!.blocks).toEqual([{ type: 'paragraph', text: 'The minutes of the meeting held on 3rd February 2026 were signed by the Chair as a correct record.' }]);
  });

  it('warns of agenda text left out only under the minute that had some, not where a blank line alone stood before “Minutes:”', () => {
    const warned = read(PAGE).warnings.filter((w) => /agenda’s text before “Minutes:”/.test(w));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/Under “Minutes”/);
  });

  it('a page cut above its heading is not minutes, though an agenda item says “Minutes of the meeting held on …”', () => {
    const cut = PAGE.split('\n').slice(10).join('\n');
    const r = readPastMinutesText(cut);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/does not look like minutes/);
  });
});

describe('minutes headed on lines of their own, numbered with no stop (in the layout of Brighton & Hove City Council’s Policy & Resources Committee minutes of 1 July 2021; see the fixtures README)', () => {
  const STACKED = [
    'Borsetshire County Council',
    'Highways & Transport Committee',
    '2.00pm3 March 2026',
    'Felpersham Shire Hall - Council Chamber',
    'MINUTES',
    'Present: Councillor Kerr (Chair) Aldridge (Deputy Chair), Fairbrother (Group Spokesperson) and Tucker.',
    '|',
    'Also present via Teams virtually: Dr Usha Franks',
    '|',
    'PART ONE',
    '1 Procedural Business',
    '(a) Declarations of Interest',
    '1.1 There were no declarations of interest.',
    '2 Minutes',
    '2.1 The minutes of the meeting held on 13 January 2026 were approved as a correct record.',
    '3 Winter Gritting Routes',
    '3.1 The Committee considered a report on the gritting routes.',
    '3.2 RESOLVED: That the revised routes be approved.',
    '12 Parish representatives had written in support.',
  ].join('\n');

  it('reads the body, date, time and venue from the heading above “MINUTES”', () => {
    expect(read(STACKED)).toMatchObject({ bodyName: 'Highways & Transport Committee', date: '2026-03-03', startTime: '14:00', venue: 'Felpersham Shire Hall - Council Chamber', form: 'printed' });
  });

  it('reads “1 Procedural Business”, “2 Minutes” … as numbered minutes, and a line starting with a count as words', () => {
    const m = read(STACKED);
    expect(m.minutes.map((x) => [x.number, x.title])).toEqual([
      [1, 'Procedural Business'],
      [2, 'Minutes'],
      [3, 'Winter Gritting Routes'],
    ]);
    expect(JSON.stringify(m.minutes[2]!.blocks)).toMatch(/12 Parish representatives had written in support\./);
  });

  it('reads surnames with bracketed notes and no comma between them, and “Also present via Teams” as remote attendees', () => {
    const a = read(STACKED).attendance;
    expect(a.chair).toMatchObject({ name: 'Councillor Kerr' });
    expect(a.present.map((p) => [p.name, p.detail])).toEqual([
      ['Aldridge', 'Deputy Chair'],
      ['Fairbrother', 'Group Spokesperson'],
      ['Tucker', ''],
    ]);
    expect(a.others).toEqual([{ name: 'Dr Usha Franks', detail: '', remote: true }]);
  });

  it('a line saying “MINUTES” with no body and date above it is not an opening', () => {
    const r = readPastMinutesText(['Some notes', 'MINUTES', '1 Procedural Business', '2 Minutes'].join('\n'));
    expect(r.ok).toBe(false);
  });
});

describe('a ModernGov page with an unnumbered part before its numbered minutes (in the layout of the London Borough of Harrow’s Overview and Scrutiny Committee page of 16 March 2009; see the fixtures README)', () => {
  const PAGE = [
    'Agenda and minutes',
    '',
    'Scrutiny Committee - Monday 9 March 2026 7.00 pm',
    '',
    'Venue: Committee Room 1, Borchester Civic Centre. View directions',
    '',
    'Items',
    'No. Item',
    '',
    'PART I - RECOMMENDATIONS',
    '',
    'RECOMMENDATION I - Scrutiny Committee Terms of Reference and Work Programme',
    '',
    'Minutes:',
    '',
    'Members considered a report of the Head of Governance on the terms of reference.  It was',
    '',
    'Resolved to RECOMMEND: (to Council)',
    '',
    'That the revised terms of reference be approved.',
    '',
    'PART II - MINUTES',
    '',
    '212.',
    '',
    'Attendance by Reserve Members',
    '',
    'To note the attendance of any Reserve Members.',
    '',
    'Minutes:',
    '',
    'There were no Reserve Members.',
    '',
    '213.',
    '',
    'Declarations of Interest',
    '',
    'Minutes:',
    '',
    'There were no declarations of interest.',
  ].join('\n');

  it('reads the numbered minutes after the unnumbered part, with their numbers', () => {
    const m = read(PAGE);
    expect(m.minutes.map((x) => [x.number, x.title])).toEqual([
      [null, 'RECOMMENDATION I - Scrutiny Committee Terms of Reference and Work Programme'],
      [212, 'Attendance by Reserve Members'],
      [213, 'Declarations of Interest'],
    ]);
    expect(m.minutes[1]!.blocks).toEqual([{ type: 'paragraph', text: 'There were no Reserve Members.' }]);
  });

  it('keeps “PART I - RECOMMENDATIONS” and “Resolved to RECOMMEND: (to Council)” as words, not titles', () => {
    const words = JSON.stringify(read(PAGE).minutes[0]!.blocks);
    // Above the first item, the words before the first minute.
    expect(read(PAGE).preamble).toEqual(['PART I - RECOMMENDATIONS']);
    expect(words).toMatch(/Resolved to RECOMMEND: \(to Council\)/);
  });
});

describe('a district council committee’s printed minutes (ModernGov house style: “PRESENT: Councillor … (Chairman); Councillors …”, “RESOLVED – That …” on one line)', () => {
  const m = read(
    [
      'MINUTES of the meeting of the AUDIT AND GOVERNANCE COMMITTEE held in the Council Chamber, Borchester House on Wednesday, 4 March 2026 at 6.00 pm',
      '',
      'PRESENT: Councillor J Archer (Chairman); Councillors B Aldridge, S Pargetter and T Tucker.',
      '',
      'Officers in attendance: H Franks (Head of Finance) and L Snell (Democratic Services Officer).',
      '',
      'Apologies for absence were received from Councillors R Grundy and K Horrobin.',
      '',
      '23. DECLARATIONS OF INTEREST',
      '',
      'There were no declarations of interest.',
      '',
      '24. MINUTES',
      '',
      'RESOLVED – That the minutes of the meeting held on 14 January 2026 be approved as a correct record, subject to the amendment of Minute No. 17/25.',
      '',
      'The meeting closed at 7.15 pm.',
    ].join('\n'),
  );

  it('reads the chair, the members after “Councillors”, the last one after “and”, and officers with their roles in brackets', () => {
    expect(m.attendance.chair).toMatchObject({ name: 'Councillor J Archer' });
    expect(m.attendance.present.map((p) => p.name)).toEqual(['B Aldridge', 'S Pargetter', 'T Tucker']);
    expect(m.attendance.officers.map((p) => [p.name, p.detail])).toEqual([
      ['H Franks', 'Head of Finance'],
      ['L Snell', 'Democratic Services Officer'],
    ]);
  });

  it('reads “Apologies for absence were received from Councillors …” as apologies, not as words of the first minute', () => {
    expect(m.attendance.apologies.map((p) => p.name)).toEqual(['R Grundy', 'K Horrobin']);
    expect(m.minutes[0]!.blocks).toEqual([{ type: 'paragraph', text: 'There were no declarations of interest.' }]);
  });

  it('reads “RESOLVED – That …” on one line as the decision and its resolution, the label’s part as printed, to print on one line again', () => {
    expect(m.minutes[1]!.blocks).toEqual([
      {
        type: 'decision',
        label: 'RESOLVED',
        intro: 'RESOLVED –',
        runOn: true,
        resolutions: ['That the minutes of the meeting held on 14 January 2026 be approved as a correct record, subject to the amendment of Minute No. 17/25.'],
      },
    ]);
    expect(m.closedAt).toBe('19:15');
  });
});

describe('committee opening lines: a hybrid meeting, no word “meeting”, the venue after the time', () => {
  const open = (line: string) => read([line, '', 'Present: Councillor A Brown (Chair), Councillor C Dean', '', '45. Apologies', 'None.', '46. Minutes', 'Agreed.'].join('\n'));

  it('“held as a hybrid meeting at <venue> and via Microsoft Teams” is hybrid, at that venue', () => {
    expect(open('Minutes of the meeting of the Borsetshire Health and Wellbeing Board held as a hybrid meeting at Shire Hall, Felpersham and via Microsoft Teams on Thursday, 5 March 2026 at 2.00 pm')).toMatchObject({
      bodyName: 'Borsetshire Health and Wellbeing Board',
      date: '2026-03-05',
      startTime: '14:00',
      mode: 'hybrid',
      venue: 'Shire Hall, Felpersham',
    });
  });

  it('“Minutes of the Licensing Sub-Committee held on … at 10.00 am in Committee Room 2”', () => {
    expect(open('Minutes of the Licensing Sub-Committee held on Monday 2 March 2026 at 10.00 am in Committee Room 2')).toMatchObject({
      bodyName: 'Licensing Sub-Committee',
      date: '2026-03-02',
      startTime: '10:00',
      mode: 'in_room',
      venue: 'Committee Room 2',
    });
  });

  it('an agenda item about earlier minutes (“… held on … to be approved”) is not an opening line', () => {
    const r = readPastMinutesText(['Minutes of the meeting of the Licensing Sub-Committee held on Monday 2 February 2026 to be approved and signed.', '', '45. Apologies', 'None.'].join('\n'));
    expect(r.ok).toBe(false);
  });
});

describe('a label’s line leading into lettered or numbered resolutions (“RESOLVED – That:” then “(a) …”, “(b) …”)', () => {
  const minutesWith = (lines: string[]) =>
    read(
      [
        'MINUTES of the meeting of the PLANNING COMMITTEE held in the Council Chamber, Borchester House on Tuesday, 10 March 2026 at 7.00 pm',
        '',
        'PRESENT: Councillor J Archer (Chairman); Councillors B Aldridge and S Pargetter.',
        '',
        '31. LOCAL PLAN REVIEW',
        '',
        'The Head of Planning introduced the report.',
        '',
        ...lines,
        '',
        '32. ANY OTHER BUSINESS',
        '',
        'There was none.',
      ].join('\n'),
    ).minutes[0]!.blocks;

  it('“RESOLVED – That:” then (a), (b) is a decision with those resolutions, its line kept as printed', () => {
    expect(minutesWith(['RESOLVED – That:', '', '(a) the report be noted;', '', '(b) the Head of Planning report back in June 2026.'])).toEqual([
      { type: 'paragraph', text: 'The Head of Planning introduced the report.' },
      { type: 'decision', label: 'RESOLVED', intro: 'RESOLVED – That:', resolutions: ['the report be noted;', 'the Head of Planning report back in June 2026.'] },
    ]);
  });

  it('“RESOLVED: That the Committee:-” then (1), (2); “RESOLVED that” then a), b); “It was RESOLVED that:” then i), ii)', () => {
    expect(minutesWith(['RESOLVED: That the Committee:-', '(1) notes the timetable;', '(2) agrees the consultation draft.']).at(-1)).toEqual({
      type: 'decision',
      label: 'RESOLVED',
      intro: 'RESOLVED: That the Committee:-',
      resolutions: ['notes the timetable;', 'agrees the consultation draft.'],
      style: 'number',
    });
    expect(minutesWith(['RESOLVED that', 'a) the report be noted; and', 'b) a site visit be arranged.']).at(-1)).toEqual({
      type: 'decision',
      label: 'RESOLVED',
      intro: 'RESOLVED that',
      resolutions: ['the report be noted; and', 'a site visit be arranged.'],
      bracket: 'close',
    });
    expect(minutesWith(['It was RESOLVED that:', 'i) the report be noted;', 'ii) the map be published', 'on the Council’s website.']).at(-1)).toEqual({
      type: 'decision',
      label: 'RESOLVED',
      intro: 'It was RESOLVED that:',
      resolutions: ['the report be noted;', 'the map be published on the Council’s website.'],
      style: 'roman',
      bracket: 'close',
    });
  });

  it('the label’s line with its resolutions run on after it (“RESOLVED – That: (a) …; and (b) …”) is a decision with each resolution', () => {
    expect(minutesWith(['RESOLVED – That: (a) the report be noted; and (b) the Clerk write to the Highways Authority.']).at(-1)).toEqual({
      type: 'decision',
      label: 'RESOLVED',
      intro: 'RESOLVED – That:',
      resolutions: ['the report be noted; and', 'the Clerk write to the Highways Authority.'],
    });
    expect(minutesWith(['4.3 RESOLVED: That the Committee:- (1) notes the outturn; (2) approves the carry forwards.']).at(-1)).toEqual({
      type: 'decision',
      label: 'RESOLVED',
      intro: '4.3 RESOLVED: That the Committee:-',
      resolutions: ['notes the outturn;', 'approves the carry forwards.'],
      style: 'number',
    });
    // Markers that do not count from the start, or one marker alone, leave the line one resolution, as read.
    expect(minutesWith(['RESOLVED – That: (b) the report be noted.']).at(-1)).toMatchObject({ type: 'decision', resolutions: ['That: (b) the report be noted.'] });
    expect(minutesWith(['RESOLVED – That the works in (a) and (c) of the report be approved.']).at(-1)).toMatchObject({ type: 'decision', resolutions: ['That the works in (a) and (c) of the report be approved.'] });
  });

  it('a bare “RESOLVED:” then (1), (2) or i), ii) is a decision in that style, printed “RESOLVED:” as the label does', () => {
    // “(1)” is bracketed both sides, as the app prints: no bracket form is kept.
    expect(minutesWith(['RESOLVED:', '(1) That the report be noted;', '(2) That it be circulated.']).at(-1)).toEqual({
      type: 'decision',
      label: 'RESOLVED',
      intro: null,
      resolutions: ['That the report be noted;', 'That it be circulated.'],
      style: 'number',
    });
    expect(minutesWith(['RESOLVED:', 'i) That the report be noted;', 'ii) That it be circulated.']).at(-1)).toMatchObject({ type: 'decision', intro: null, style: 'roman', bracket: 'close' });
    expect(minutesWith(['RESOLVED:', '1) That the report be noted;', '2) That it be circulated.']).at(-1)).toMatchObject({ type: 'decision', intro: null, style: 'number', bracket: 'close' });
    // Lettered under a bare label reads as it always has: a lettered decision, no style kept (lettered is the default).
    expect(minutesWith(['RESOLVED:', '(a) That the report be noted;', '(b) That it be circulated.']).at(-1)).toEqual({
      type: 'decision',
      label: 'RESOLVED',
      resolutions: ['That the report be noted;', 'That it be circulated.'],
    });
  });

  it('numbered paragraphs (“1.1 …”) keep their numbers in their words; “1.4 RESOLVED: That …” is a decision whose label line keeps its number', () => {
    const blocks = minutesWith([
      '1.1 The Committee considered a report on the gritting routes.',
      '1.2 Councillor Aldridge asked about the rural routes.',
      '1.3 RESOLVED: That the revised routes be approved.',
      '1.4 RESOLVED – That:',
      '(a) the report be noted; and',
      '(b) the routes be published.',
      '1.5 RESOLVED: That the Committee –',
      '(1) notes the timetable;',
      '(2) agrees the budget.',
      '1.6 RESOLVED:',
      'i) That the contract be let;',
      'ii) That the Director award it.',
      '1.7 AGREED:',
      'That the next meeting be on 9 April 2026.',
    ]);
    expect(blocks.slice(1)).toEqual([
      { type: 'paragraph', text: '1.1 The Committee considered a report on the gritting routes.' },
      { type: 'paragraph', text: '1.2 Councillor Aldridge asked about the rural routes.' },
      { type: 'decision', label: 'RESOLVED', intro: '1.3 RESOLVED:', runOn: true, resolutions: ['That the revised routes be approved.'] },
      { type: 'decision', label: 'RESOLVED', intro: '1.4 RESOLVED – That:', resolutions: ['the report be noted; and', 'the routes be published.'] },
      { type: 'decision', label: 'RESOLVED', intro: '1.5 RESOLVED: That the Committee –', resolutions: ['notes the timetable;', 'agrees the budget.'], style: 'number' },
      { type: 'decision', label: 'RESOLVED', intro: '1.6 RESOLVED:', resolutions: ['That the contract be let;', 'That the Director award it.'], style: 'roman', bracket: 'close' },
      { type: 'decision', label: 'AGREED', intro: '1.7 AGREED:', resolutions: ['That the next meeting be on 9 April 2026.'] },
    ]);
  });

  it('the fixture numbered-paragraphs.txt reads its numbered paragraphs and each decision with its style', () => {
    const m = read(readFileSync(join(PAST, 'numbered-paragraphs.txt'), 'utf8'));
    expect(m.minutes.map((x) => x.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(m.minutes.map((x) => x.blocks.map(shape).join(' '))).toEqual(['P P P RESOLVED×1', 'RESOLVED×1', 'P', 'P P RESOLVED×2', 'P RESOLVED×3', 'P RESOLVED×2', 'RESOLVED×1']);
    const styles = m.minutes.flatMap((x) => x.blocks.flatMap((b) => (b.type === 'decision' ? [b.style ?? 'alpha'] : [])));
    expect(styles).toEqual(['alpha', 'alpha', 'alpha', 'number', 'roman', 'alpha']);
    expect(m.warnings).toEqual(['After the closing line, 2 lines (“Signed” …) are kept as words after the close, printed there in place of the app’s signature lines.']);
  });

  it('a list after ordinary words stays a list; a label line with nothing lettered below it is not taken for a decision', () => {
    const blocks = minutesWith(['Members raised the following points:', '(a) the timetable was tight;', '(b) the parishes should be consulted.']);
    expect(blocks.map(shape)).toEqual(['P', 'alpha@0:×2']);
    expect(minutesWith(['RESOLVED that', 'The Chairman thanked the officers.']).map(shape)).not.toContain('RESOLVED×2');
  });
});

describe('parish minutes under headings with no numbers (in the layout of West Dereham and Wereham Parish Councils’ minutes of 2004; see the fixtures README)', () => {
  const m = read(readFileSync(join(PAST, 'parish-headed-minutes.txt'), 'utf8'));

  it('reads the opening set out over three lines, with its venue and time on the third', () => {
    expect(m).toMatchObject({ bodyName: 'Holmsworth Parish Council', date: '2024-05-09', startTime: '19:30', venue: 'The Village Hall', closedAt: '20:40' });
    expect(m.attendance.chair?.name).toBe('R. Lanning');
    // "B. Ashdown and T. Moss - Borough Council": two people; "… D. Whitcombe together with 3 members of the public": the public apart.
    expect(m.attendance.apologies.map((p) => p.name)).toEqual(['B. Ashdown', 'T. Moss']);
    expect(m.attendance.present.map((p) => [p.name, p.as ?? 'member'])).toEqual([
      ['Mrs. Tate', 'member'],
      ['G. Orme', 'member'],
      ['Miss Pryor', 'member'],
      ['D. Whitcombe', 'member'],
      ['3 members of the public', 'guest'],
    ]);
  });

  it('reads the attendance lines of other parish minutes: no colon after “Those Attending”, a full stop between names, “Also in attendance” in the same line', () => {
    const at = (line: string) => read(`Minutes of the meeting of the Holmsworth Parish Council held on 9th May 2024\n\n${line}\n\n1. Planning\n\nNone.`).attendance;
    const a = at('Those Attending: Cllr M Fenn (Chairman), Cllr Mrs T Rowe (Vice-Chair), Cllr D Sumner, and Mrs C Hardy (Clerk), 8 Members of the public. Also in attendance PCSO S Green and PCSO T Mills.');
    expect(a.chair?.name).toBe('Cllr M Fenn');
    expect(a.present.map((p) => p.name)).toEqual(['Cllr Mrs T Rowe', 'Cllr D Sumner', '8 Members of the public']);
    expect(a.officers.map((p) => p.name)).toEqual(['Mrs C Hardy']);
    expect(a.others.map((p) => p.name)).toEqual(['PCSO S Green', 'PCSO T Mills']);
    const b = at('Those Attending Mr M Fenn (Chairman), Mrs T Rowe. Mrs M Lane, Mr D Sumner, 13 members of the public.');
    expect(b.chair?.name).toBe('Mr M Fenn');
    expect(b.present.map((p) => p.name)).toEqual(['Mrs T Rowe', 'Mrs M Lane', 'Mr D Sumner', '13 members of the public']);
  });

  it('makes each heading a minute without a number, its colon kept and its words its first paragraph', () => {
    expect(m.minutes.map((x) => [x.number, x.unnumbered, x.title])).toEqual([
      [null, true, 'Minutes:'],
      [null, true, 'Matters Arising:'],
      [null, true, 'Planning:'],
      [null, true, 'Payments:'],
      [null, true, 'Correspondence'],
      [null, true, 'Any Other Business:'],
    ]);
    expect(m.minutes[3]!.blocks).toEqual([{ type: 'paragraph', text: "Village Hall £24.00: Norfolk Mowers £112.50 : Clerk's expenses £18.40 - proposed D. Whitcombe seconded Miss Pryor - passed for payment." }]);
    expect(m.minutes[4]!.blocks[0]).toMatchObject({ type: 'paragraph', text: expect.stringMatching(/^Highways - grass cutting dates: noted\./) });
    // The Chairman's welcome before the first heading is kept there, as the words before the first minute.
    expect(m.preamble).toEqual(['The Chairman opened the meeting and welcomed Mrs. Tate to her first meeting.']);
    // "Parish Clerk" below the closing line is kept there, not as words of the last minute.
    expect(m.afterClose).toEqual(['Parish Clerk']);
    expect(m.minutes[5]!.blocks).toHaveLength(1);
  });
});

describe('minutes headed “Held on …” in capitals sections, the numbers points under each (in the layout of Stoke Ferry Parish Council’s minutes of 2000–2002; see the fixtures README)', () => {
  const m = read(readFileSync(join(PAST, 'parish-held-on-only.txt'), 'utf8'));

  it('reads the date from “Held on the 16th Nov 2023 at 7.30pm” below the title, with the month abbreviated', () => {
    expect(m).toMatchObject({ bodyName: 'Ashby Fen Parish Council', date: '2023-11-16', startTime: '19:30', closedAt: '21:05' });
    expect(m.attendance.apologies.map((p) => p.name)).toEqual(['Mr. Hale', 'Mr. Jessop']);
  });

  it('takes the headings in capitals as the minutes and the numbered lines under one as its points', () => {
    expect(m.minutes.map((x) => x.title)).toEqual(['MINUTES', 'MATTERS ARISING', 'PLANNING']);
    expect(m.minutes[0]!.blocks).toEqual([{ type: 'paragraph', text: 'read and signed as a true record.' }]);
    expect(m.minutes[1]!.blocks).toEqual([
      { type: 'points', style: 'number', start: 0, intro: null, items: ['Gravel at Beech Drive still not removed.', 'Village sign. Decided it was not worth trying to repair. Quotes to be obtained for a new one.'] },
    ]);
  });

  it('still refuses a text with a date and “minutes” but no minutes, and an agenda item about earlier minutes', () => {
    const notMinutes = readPastMinutesText('Minutes of the Ashby Fen Parish Council meeting\n\nHeld on the 16th Nov 2023 at 7.30pm\n');
    expect(notMinutes.ok).toBe(false);
    const agenda = readPastMinutesText('Ashby Fen Parish Council\n\nMinutes of the meeting held on 16th Nov 2023 to be approved\n\nPlanning: two applications\n');
    expect(agenda.ok).toBe(false);
  });
});

describe('what the reader reads always fits what a meeting can hold, so the preview can be saved', () => {
  const long = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
  const cases: [string, string][] = [
    ['a heading of 150 words', `Minutes of the meeting of the Ashby Fen Parish Council held on 4th March 2024\n\n1. ${long(150)}\n\n2. Planning\n\nNone.`],
    ['a list introduction of 300 words', `Minutes of the meeting of the Ashby Fen Parish Council held on 4th March 2024\n\n1. Planning\n\n${long(300)}:\n\n(a) one\n\n(b) two`],
    ['250 paragraphs in one minute', `Minutes of the meeting of the Ashby Fen Parish Council held on 4th March 2024\n\n1. Planning\n\n${Array.from({ length: 250 }, (_, i) => `Paragraph ${i}.`).join('\n\n')}`],
    ['a venue of 80 words', `Minutes of the meeting of the Ashby Fen Parish Council held at ${long(80)} on 4th March 2024\n\n1. Planning\n\nNone.`],
    ['a name of 60 words under Present', `Minutes of the meeting of the Ashby Fen Parish Council held on 4th March 2024\n\nPresent:\n\n${long(60)}\n\n1. Planning\n\nNone.`],
  ];
  it.each(cases)('%s', async (_name, text) => {
    const { pastMeeting } = await import('../../shared/schemas');
    const r = readPastMinutesText(text);
    if (!r.ok) throw new Error(r.message);
    const fits = pastMeeting.safeParse({ ...r.value, bodyName: r.value.bodyName || 'Ashby Fen Parish Council' });
    expect(fits.success, fits.success ? '' : JSON.stringify(fits.error.issues[0])).toBe(true);
    // No word is lost: every word of the text after the opening line is in what was read.
    const readWords = new Set(JSON.stringify(r.value).match(/word\d+|Paragraph \d+/g) ?? []);
    for (const w of text.split('\n').slice(1).join(' ').match(/word\d+|Paragraph \d+/g) ?? []) {
      if (!/^Paragraph/.test(w) && !/\bvenue\b/.test(_name)) expect(readWords.has(w), w).toBe(true);
    }
  });
});

describe('parish council opening lines in the forms English parish councils print them (fictional councils; see the fixtures README)', () => {
  const open = (line: string) => read(`${line}\n\nPresent: Cllr A Brown (Chair), Cllr B Green\n\n1. Apologies\n\nNone.`);
  it.each([
    ['MINUTES OF NEWBY PARISH COUNCIL MEETING Held on Wednesday 12 th October 2016 in Newby Village Hall at 7.30pm', 'NEWBY PARISH COUNCIL', '2016-10-12', '19:30', 'Newby Village Hall'],
    ['Minutes of the Saltby Parish Council meeting held at 7.30pm on Monday 15 th January 2018 At Jubilee Hall, Lower Street, Saltby', 'Saltby Parish Council', '2018-01-15', '19:30', 'Jubilee Hall, Lower Street, Saltby'],
    ['RIDGEWAY PARISH COUNCIL MINUTES OF THE ANNUAL MEETING HELD ON 13 MAY 2014 AT THE VILLAGE HALL', 'RIDGEWAY PARISH COUNCIL', '2014-05-13', null, 'THE VILLAGE HALL'],
    ['MINUTES OF THE MEETING OF ICKLETON PARISH COUNCIL. Held on 9th February 2016, at 7.30pm at Ickleton Village Hall Annexe', 'ICKLETON PARISH COUNCIL', '2016-02-09', '19:30', 'Ickleton Village Hall Annexe'],
    ['EARNBY PARISH COUNCIL MINUTES OF THE MEETING OF EARNBY PARISH COUNCIL HELD ON 22 nd SEPTEMBER 2016', 'EARNBY PARISH COUNCIL', '2016-09-22', null, ''],
    ['LITTLE WALDEN PARISH COUNCIL Minutes of Meeting held on Tuesday 20 th September 2016 at 7.30pm in the Parish Room', 'LITTLE WALDEN PARISH COUNCIL', '2016-09-20', '19:30', 'the Parish Room'],
    ['MINUTES OF THE STANTON DALE PARISH COUNCIL MEETING HELD IN THE PARISH HALL ON THURSDAY 1 ST SEPTEMBER 2016 AT 7.30 PM', 'STANTON DALE PARISH COUNCIL', '2016-09-01', '19:30', 'THE PARISH HALL'],
    ['MINUTES of the Meeting of Tollbury Parish Council held in the Pavilion on Tuesday 6 th February 2018 commencing at 7.30pm.', 'Tollbury Parish Council', '2018-02-06', '19:30', 'the Pavilion'],
    ['Hardwell Parish Council Minutes of the Meeting held on Tuesday 24 October 2017 in the School at 7.00 pm', 'Hardwell Parish Council', '2017-10-24', '19:00', 'the School'],
    ['WROCKLEY PARISH COUNCIL. Minutes of the Parish Council Meeting held on Wednesday 13 th July 2016 at Wrockley Parish Hall at 7.30 p.m.', 'WROCKLEY PARISH COUNCIL', '2016-07-13', '19:30', 'Wrockley Parish Hall'],
    ['ALLESTON PARISH COUNCIL Minutes of Meeting held on Monday, 7th September 2015 at 7.45 pm at All Saints Church, Alleston', 'ALLESTON PARISH COUNCIL', '2015-09-07', '19:45', 'All Saints Church, Alleston'],
  ])('“%s”', (line, bodyName, date, startTime, venue) => {
    expect(open(line)).toMatchObject({ bodyName, date, startTime, venue });
  });

  it('“Minutes of the Parish Council Meeting held on …” names the kind of council, not the body: read as the body imported into', () => {
    const m = open('Minutes of the Parish Council Meeting held on Wednesday 13th July 2016 at Wrockley Parish Hall at 7.30 p.m.');
    expect(m.bodyName).toBe('');
    expect(m.warnings.join(' ')).toMatch(/do not name the body/);
  });
});

describe('a decision with a single lettered resolution', () => {
  it('keeps its marker in its words, since one resolution prints plain; two keep their letters as the list', () => {
    const m = read('Minutes of the meeting of the Ashby Fen Parish Council held on 4th March 2024\n\n1. Planning\n\nRESOLVED:\n\n(a) That the hedge be cut.\n\n2. Other\n\nRESOLVED:\n\n(a) That the hedge be cut.\n\n(b) That the bin be emptied.');
    expect(m.minutes[0]!.blocks).toEqual([{ type: 'decision', label: 'RESOLVED', resolutions: ['(a) That the hedge be cut.'] }]);
    expect(m.minutes[1]!.blocks).toEqual([{ type: 'decision', label: 'RESOLVED', resolutions: ['That the hedge be cut.', 'That the bin be emptied.'] }]);
  });
});

describe('minutes copied from a PDF, with each page’s furniture', () => {
  it('leaves out the running header naming the body and date, “Page 2 of 3”, “- 2 -” and the chair’s initials, and says so', () => {
    const header = 'Ashby Fen Parish Council – 4 March 2024';
    const m = read(
      [
        'Minutes of the meeting of the Ashby Fen Parish Council held on 4th March 2024 at 7.30 pm in the Village Hall',
        header,
        '1. Planning',
        'Two applications were considered.',
        'Page 1 of 3',
        header,
        'Chairman’s initials ……',
        '2. Finance',
        'The accounts were approved.',
        '- 2 -',
        header,
        '3. Highways',
        'The Clerk reported on the potholes in Mill Lane.',
      ].join('\n\n'),
    );
    expect(m.minutes.map((x) => x.blocks)).toEqual([
      [{ type: 'paragraph', text: 'Two applications were considered.' }],
      [{ type: 'paragraph', text: 'The accounts were approved.' }],
      [{ type: 'paragraph', text: 'The Clerk reported on the potholes in Mill Lane.' }],
    ]);
    expect(m.warnings.join(' ')).toContain(`“${header}” is printed 3 times (a page’s running header or footer): it was left out.`);
  });

  it('keeps a line of the minutes said three times that names neither the body nor the date', () => {
    const m = read(['Minutes of the meeting of the Ashby Fen Parish Council held on 4th March 2024', '1. Planning', 'The application was noted by members.', '2. Finance', 'The application was noted by members.', '3. Other', 'The application was noted by members.'].join('\n\n'));
    expect(m.minutes.every((x) => x.blocks.length === 1)).toBe(true);
  });
});

describe('a ModernGov minutes document (in the layout of South Hams District Council’s Council minutes of 19 May 2022; see the fixtures README)', () => {
  const m = read(
    [
      'Wessex Vale Council',
      'Minutes of a meeting of the Wessex Vale Council held on',
      'Thursday, 19th May, 2022 at 2.00 pm at the Council Chamber - Follaton House',
      'Present:',
      'Councillors:',
      'Chairman Cllr Ford',
      'Vice Chairman Cllr Aston',
      'Cllr Abbey',
      'Cllr Baldwin',
      '<AI1>',
      '1.                            Election of the Chairman of the Council;',
      'RESOLVED',
      'That Cllr L Aston be elected Chairman of the Council for the year.',
      '</AI1>',
      '<AI2>',
      '2.                            Address by the New Chairman of Council',
      'In addressing the Council, Cllr Aston thanked Members.',
      '</AI2>',
    ].join('\n\n'),
  );
  it('reads the role before the name under Present, and leaves out “Councillors:” and the item markers', () => {
    expect(m.attendance.chair).toEqual({ name: 'Cllr Ford', detail: '' });
    expect(m.attendance.present.map((p) => [p.name, p.detail])).toEqual([
      ['Cllr Aston', 'Vice Chairman'],
      ['Cllr Abbey', ''],
      ['Cllr Baldwin', ''],
    ]);
    expect(m.minutes.map((x) => [x.number, x.title])).toEqual([
      [1, 'Election of the Chairman of the Council;'],
      [2, 'Address by the New Chairman of Council'],
    ]);
    expect(JSON.stringify(m.minutes)).not.toMatch(/<\/?AI\d/);
  });
});

describe('a date printed without its year (“held on Monday 13th September”)', () => {
  const TODAY = '2026-12-02';
  const minutes = (opening: string, ...more: string[]) =>
    [opening, 'Present: Cllr R. Lanning (Chairman), Cllr G. Orme and Cllr D. Whitcombe.', '1. Minutes', ...more, '2. Planning', 'No applications had been received.', 'The meeting closed at 8.40 pm.'].join('\n\n');
  const readOn = (text: string) => readPastMinutesText(text, TODAY);
  const OPENING = 'Minutes of a meeting of the Holmsworth Parish Council held at the Village Hall on Monday 13th September at 7.30 pm';

  it('takes the latest year before today in which the day and month fall on the weekday printed, and says so', () => {
    const r = readOn(minutes(OPENING, 'The minutes of the last meeting were approved.'));
    expect(r.ok && r.value).toMatchObject({ date: '2021-09-13', startTime: '19:30', venue: 'the Village Hall', bodyName: 'Holmsworth Parish Council' });
    expect(r.ok && r.value.warnings).toContain('The opening line gives the date with no year (“Monday 13th September”): Monday, 13 September 2021 was taken, as the latest Monday 13th September before today. Check the date before saving.');
    // Month first, too.
    const f = readOn(minutes('Minutes of a meeting of the Holmsworth Parish Council held on Monday September 13th at 7.30 pm', 'Approved.'));
    expect(f.ok && f.value.date).toBe('2021-09-13');
  });

  it('takes the year the text names first: a running header, the meeting the minutes cite, a “2021/22”', () => {
    // 13 September 2010 was a Monday too: the running header says which.
    const header = 'Holmsworth Parish Council – 13 September 2010';
    const h = readOn([OPENING, header, 'Present: Cllr R. Lanning (Chairman) and Cllr G. Orme.', '1. Minutes', 'Approved.', header, '2. Planning', 'None.', header].join('\n\n'));
    expect(h.ok && h.value.date).toBe('2010-09-13');
    expect(h.ok && h.value.warnings.some((w) => /Monday, 13 September 2010 was taken, as the text prints that day with its year/.test(w))).toBe(true);
    const noWeekday = 'Minutes of a meeting of the Holmsworth Parish Council held at the Village Hall on 13th September at 7.30 pm';
    const cited = readOn(minutes(noWeekday, 'The minutes of the meeting held on 12 July 2021 were approved as a correct record.'));
    expect(cited.ok && cited.value.date).toBe('2021-09-13');
    expect(cited.ok && cited.value.warnings.some((w) => /as the first such date after the meeting of Monday, 12 July 2021, whose minutes these cite/.test(w))).toBe(true);
    const span = readOn(minutes(noWeekday, 'The Clerk reported the budget for 2021/22.'));
    expect(span.ok && span.value.date).toBe('2021-09-13');
    const spring = readOn(minutes(noWeekday.replace('September', 'March'), 'The Clerk reported the budget for 2021/22.'));
    expect(spring.ok && spring.value.date).toBe('2022-03-13');
  });

  it('refuses the minutes when nothing fixes the year, saying the year is missing', () => {
    const r = readOn(minutes('Minutes of a meeting of the Holmsworth Parish Council held at the Village Hall on 13th September at 7.30 pm', 'The minutes of the last meeting were approved.'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('The minutes’ date has no year (“13th September”), and nothing else in them names it (with its weekday, the year could be worked out): add the year to the date in the opening line and read them again. Nothing was saved.');
    // A date with its year reads as before, with no warning about it.
    const dated = readOn(minutes(OPENING.replace('September', 'September 2021'), 'Approved.'));
    expect(dated.ok && dated.value.date).toBe('2021-09-13');
    expect(dated.ok && dated.value.warnings.some((w) => /no year/.test(w))).toBe(false);
  });
});

describe('the words printed after the closing line', () => {
  const numbered = (after: string[]) =>
    [
      'Minutes of a meeting of the Holmsworth Parish Council held at the Village Hall on Thursday 9th May 2024 at 7.30 pm',
      'Present: Cllr R. Lanning (Chairman), Cllr G. Orme and Cllr D. Whitcombe.',
      '1. Apologies',
      'Apologies were received from Cllr B. Ashdown.',
      '2. Any other business',
      'The streetlight on Fen Road was reported.',
      'The meeting closed at 8.40 pm.',
      ...after,
    ].join('\n\n');

  it('keeps the signature, the clerk’s title and name after the close, as printed, not as words of the last minute', () => {
    const after = ['Signed ……………………… Chairman', 'Date ……………………', 'Parish Clerk', 'Jane Smith'];
    const m = read(numbered(after));
    expect(m.closingLine).toBe('The meeting closed at 8.40 pm.');
    expect(m.afterClose).toEqual(after);
    expect(m.minutes[1]!.blocks).toEqual([{ type: 'paragraph', text: 'The streetlight on Fen Road was reported.' }]);
    expect(m.warnings.some((w) => /After the closing line, 4 lines \(“Signed ……………………… Chairman” …\) are kept as words after the close, printed there in place of the app’s signature lines/.test(w))).toBe(true);
  });

  it('keeps the signature’s own lines (“Signed”, “Chairman”, a line of dots) and leaves out the page’s furniture', () => {
    expect(read(numbered(['Signed', '……………………', 'Chairman', 'Page 3 of 3', 'Date'])).afterClose).toEqual(['Signed', '……………………', 'Chairman', 'Date']);
    expect(read(readFileSync(join(PAST, 'numbered-paragraphs.txt'), 'utf8')).afterClose).toEqual(['Signed', 'Chair']);
  });

  it('in minutes under headings, a line after the close starts no minute (“Jane Smith” above “Parish Clerk” is no heading)', () => {
    const m = read(readFileSync(join(PAST, 'parish-headed-minutes.txt'), 'utf8').replace('Parish Clerk', 'Jane Smith\n\nParish Clerk'));
    expect(m.minutes.at(-1)!.title).toBe('Any Other Business:');
    expect(m.afterClose).toEqual(['Jane Smith', 'Parish Clerk']);
  });

  it('where a minute follows the close (the public minutes closed before the exempt ones), the words stay in the minutes', () => {
    const m = read(numbered(['Signed ……… Chairman', '3. Staff matters', 'The Clerk’s hours were reviewed.']));
    expect(m.afterClose).toBeUndefined();
    expect(m.minutes.map((x) => x.number)).toEqual([1, 2, 3]);
    expect(m.minutes[1]!.blocks.map((b) => (b as { text: string }).text)).toEqual(['The streetlight on Fen Road was reported.', 'Signed ……… Chairman']);
    // Nothing after the close: nothing kept.
    expect(read(numbered([])).afterClose).toBeUndefined();
  });
});

describe('a minute’s number printed on the line below its heading (“1. Election of Chairman” / “01/22”, as a ModernGov minutes document sets it)', () => {
  const minutes = (below: [string, string, string]) =>
    [
      'Minutes of a meeting of the Wessex Vale Council held on Thursday, 19th May, 2022 at 2.00 pm at the Council Chamber',
      'Present:',
      'Chairman Cllr Ford',
      'Cllr Abbey',
      '1.\tElection of Chairman',
      below[0],
      'RESOLVED',
      'That Cllr Aston be elected Chairman of the Council for the year.',
      '2.\tApologies for Absence',
      below[1],
      'Apologies were received from Cllr Baldwin.',
      '3.\tMinutes',
      below[2],
      'The minutes of the meeting held on 10 March 2022 were approved.',
    ].join('\n\n');

  it('reads “01/22” as the minute’s number, the headings keeping 1, 2, 3, and the form as the number printed below the heading', () => {
    const m = read(minutes(['01/22', '02/22', '03/22']));
    expect(m.minutes.map((x) => [x.number, x.title])).toEqual([
      [1, 'Election of Chairman'],
      [2, 'Apologies for Absence'],
      [3, 'Minutes'],
    ]);
    expect(m).toMatchObject({ numberForm: '{a}.\n{nn}/{yy}', numberYear: '22' });
    // The number is not kept as words of the minute too.
    expect(m.minutes[1]!.blocks).toEqual([{ type: 'paragraph', text: 'Apologies were received from Cllr Baldwin.' }]);
    expect(m.warnings.some((w) => /printed on the line below its heading \(“01\/22”\)/.test(w))).toBe(true);
  });

  it('reads numbers later in the year (“15/22”), “Minute 22/15” and “(Min. 15)” the same way', () => {
    expect(read(minutes(['15/22', '16/22', '17/22']))).toMatchObject({ numberForm: '{a}.\n{n}/{yy}', minutes: [{ number: 15 }, { number: 16 }, { number: 17 }] });
    expect(read(minutes(['Minute 22/15', 'Minute 22/16', 'Minute 22/17']))).toMatchObject({ numberForm: '{a}.\nMinute {yy}/{n}', numberYear: '22', minutes: [{ number: 15 }, { number: 16 }, { number: 17 }] });
    const min = read(minutes(['(Min. 15)', '(Min. 16)', '(Min. 17)']));
    expect(min).toMatchObject({ numberForm: '{a}.\n(Min. {n})', minutes: [{ number: 15 }, { number: 16 }, { number: 17 }] });
    expect(min.numberYear).toBeUndefined();
  });

  it('keeps the numbers below as words where they cannot be the minutes’ numbers: one missing, out of step, or a bare number', () => {
    for (const below of [
      ['01/22', 'Noted.', '03/22'],
      ['01/22', '05/22', '06/22'],
      ['12', '13', '14'],
    ] as [string, string, string][]) {
      const m = read(minutes(below));
      expect(m.minutes.map((x) => x.number)).toEqual([1, 2, 3]);
      expect(m.numberForm).toBeUndefined();
      expect(m.minutes.map((x) => (x.blocks[0] as { text?: string }).text)).toEqual(below);
    }
  });
});

describe('ModernGov pages of health and wellbeing boards (in the layouts of Cumbria County Council’s page of 18 April 2019, Wiltshire Council’s of 23 May 2024 and Slough Borough Council’s of 21 October 2021; see the fixtures README)', () => {
  const page = (heading: string, items: string) => `Agenda and draft minutes\n\n${heading}\n\nVenue: Council Chamber - County Offices. View directions\n\nContact: A Clerk\n\nItems\nNo. Item\n\n${items}`;
  it('reads the body and the date set on lines of their own', () => {
    const m = read(page('Wessex Health and Wellbeing Board\nThursday, 18th April, 2019 10.00 am', '1.\n\nApologies for Absence\n\nTo receive any apologies.\n\nMinutes:\n\nApologies were received from Mr D Black.'));
    expect(m).toMatchObject({ bodyName: 'Wessex Health and Wellbeing Board', date: '2019-04-18', startTime: '10:00', form: 'web' });
    expect(m.minutes.map((x) => [x.number, x.title])).toEqual([[1, 'Apologies for Absence']]);
  });

  it('reads “Resolved” in title case, alone or with its resolution, as a decision printed as it was; a resolution carried on to the next line stays one', () => {
    const m = read(
      page(
        'Wessex Health and Wellbeing Board - Thursday 23 May 2024 10.00 am',
        '15.\n\nMinutes\n\nTo confirm the minutes.\n\nMinutes:\n\nThe minutes were presented.\n\nResolved\n\nThe Board approved the minutes as a true record.\n\n16.\n\nMatters arising\n\nMinutes:\n\nResolved – That the minutes of the meeting held on 14 September 2021 be\n\nagreed as a correct record.',
      ),
    );
    expect(m.minutes[0]!.blocks[1]).toEqual({ type: 'decision', label: 'RESOLVED', resolutions: ['The Board approved the minutes as a true record.'], intro: 'Resolved' });
    expect(m.minutes[1]!.blocks).toEqual([{ type: 'decision', label: 'RESOLVED', resolutions: ['That the minutes of the meeting held on 14 September 2021 be agreed as a correct record.'], intro: 'Resolved –', runOn: true }]);
  });
});

describe('joining a minute to the one above (the preview’s correction of a heading read where there was none)', () => {
  it('makes its title a paragraph of the minute above, followed by its words; declarations and actions keep their minutes', async () => {
    const { joinMinuteAbove } = await import('../../shared/import/past-minutes');
    const m = read(readFileSync(join(PAST, 'parish-headed-minutes.txt'), 'utf8'));
    const withRecords: PastMeeting = {
      ...m,
      minutes: m.minutes.map((x, k) => (k === 5 ? { ...x, blocks: [{ type: 'paragraph', text: 'Cllr Orme declared an interest.', declaration: { person: 'G. Orme', minute: 5, nature: 'an interest', category: null, action: 'not_recorded' } }, ...x.blocks] } : x)),
      actions: [{ number: null, raisedOn: null, description: 'Report the streetlight', owner: 'Clerk', dueDate: null, status: 'Amber', comments: [], minute: 5 }],
    };
    const joined = joinMinuteAbove(withRecords, 4);
    expect(joined.minutes.map((x) => x.title)).toEqual(['Minutes:', 'Matters Arising:', 'Planning:', 'Payments:', 'Any Other Business:']);
    expect(joined.minutes[3]!.blocks.map((b) => (b.type === 'paragraph' ? b.text.slice(0, 20) : b.type))).toEqual(['Village Hall £24.00:', 'Correspondence', 'Highways - grass cut']);
    const declared = joined.minutes[4]!.blocks[0]!;
    expect(declared.type === 'paragraph' && declared.declaration?.minute).toBe(4);
    expect(joined.actions[0]!.minute).toBe(4);
    // The first minute has nothing above it: nothing changes.
    expect(joinMinuteAbove(m, 0)).toBe(m);
  });
});

describe('numbered printed minutes with a page’s parts in capitals', () => {
  it('keep their numbers: “PART I - RECOMMENDATIONS” and “PART II - MINUTES” are not headings of minutes with no numbers', () => {
    const m = read(
      ['Minutes of a meeting of the Scrutiny Committee held on Monday 9 March 2026 at 7.00 pm in Committee Room 1', 'Present: Councillor A Brown (Chair), Councillor C Dean', 'PART I - RECOMMENDATIONS', '41. Terms of Reference', 'Members considered the terms of reference.', 'RESOLVED: That the terms be approved.', 'PART II - MINUTES', '42. Minutes', 'The minutes of the meeting held on 2 February 2026 were approved.', '43. Public Questions', 'None were received.'].join('\n\n'),
    );
    expect(m.minutes.map((x) => [x.number, x.title])).toEqual([
      [41, 'Terms of Reference'],
      [42, 'Minutes'],
      [43, 'Public Questions'],
    ]);
  });
});

describe('an opening with no word “minutes”: the body, “– Ordinary Meeting”, the date, time and venue, then PRESENT (in the layout of Northwold and Whittington Parish Council’s minutes of 2017–2019 on stokeferry.com; see the fixtures README)', () => {
  const TEXT = [
    'Ashby Fen and Coldham Parish Council – Ordinary Meeting Tuesday 4th April 2017, 7.30pm Ashby Fen Village Hall',
    'PRESENT: Cllr Hale (Chairman), Cllr Jessop, Cllr Moss',
    '1. Apologies for absence',
    'Cllr Ford.',
    '2. Planning',
    'No applications had been received.',
    'The meeting closed at 8.45pm.',
  ].join('\n\n');

  it('reads it as the opening when the attendance follows it: the body, date and time', () => {
    const r = readPastMinutesText(TEXT);
    if (!r.ok) throw new Error(r.message);
    expect(r.value).toMatchObject({ bodyName: 'Ashby Fen and Coldham Parish Council', date: '2017-04-04', startTime: '19:30', closedAt: '20:45' });
    expect(r.value.minutes.map((m) => [m.number, m.title])).toEqual([[1, 'Apologies for absence'], [2, 'Planning']]);
  });

  it('still refuses the same heading with no attendance after it (an agenda prints one like it)', () => {
    const agenda = readPastMinutesText(TEXT.replace(/PRESENT:[^\n]*\n\n/, ''));
    expect(agenda.ok).toBe(false);
    // A line between the heading and the attendance ("Agenda") leaves the heading unread as an opening.
    expect(readPastMinutesText(TEXT.replace('PRESENT:', 'Agenda\n\nPRESENT:')).ok).toBe(false);
  });
});

describe('an opening whose date is misprinted (“l0th February”, as a real parish page printed it)', () => {
  it('is refused with a message naming the opening line and the date to correct, not as “not minutes”', () => {
    const r = readPastMinutesText('Minutes of the meeting of Ashby Fen Parish Council held on l0th February 2015 in the Village Hall\n\nPresent: Cllr Hale\n\n1. Planning\n\nNone.');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toBe(
      'The date in the opening line (“Minutes of the meeting of Ashby Fen Parish Council held on l0th February 2015 in the Village Hall”) could not be read: it should give the day, the month and the year (“10th February 2015”). Correct it in the text and read the minutes again; nothing was saved.',
    );
    // A text with no opening at all is still told it does not look like minutes.
    const none = readPastMinutesText('Notes from the village show\n\nThe marrows were large.');
    expect(!none.ok && none.message).toMatch(/^This does not look like minutes/);
  });
});
