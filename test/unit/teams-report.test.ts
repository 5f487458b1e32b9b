import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeImportBytes, MAX_IMPORT_BYTES } from '../../shared/import/decode';
import {
  parseDuration,
  parseTeamsReport,
  readTeamsReport,
  splitNameFlags,
  type TeamsParticipant,
  type TeamsReportResult,
} from '../../shared/import/teams-report';

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '..', 'fixtures', 'import', name));
const utf16Text = (name: string): string => fixture(name).subarray(2).toString('utf16le');

function value(result: TeamsReportResult) {
  if (!result.ok) throw new Error(`expected a parsed report, got: ${result.error.message}`);
  return result.value;
}
function message(result: TeamsReportResult | ReturnType<typeof decodeImportBytes>): string {
  if (result.ok) throw new Error('expected the file to be refused');
  expect(result.error.code).toBe('invalid_file');
  return result.error.message;
}

/** The Friday 14 March 2025 meeting, as every current-layout fixture records it. */
const MARCH_PARTICIPANTS: TeamsParticipant[] = [
  {
    name: 'Megan Oduya',
    email: 'megan.oduya@ashdown.gov.uk',
    role: 'Organizer',
    firstJoin: '09:55',
    lastLeave: '12:04',
    durationSeconds: 2 * 3600 + 8 * 60 + 29,
    external: false,
    unverified: false,
  },
  {
    name: 'Cllr. Harriet Quennell',
    email: 'harriet.quennell@westmere-dc.gov.uk',
    role: 'Presenter',
    firstJoin: '09:58',
    lastLeave: '12:03',
    durationSeconds: 2 * 3600 + 5 * 60 + 53,
    external: false,
    unverified: false,
  },
  {
    // Left at 10:40 and came back at 10:45: the participants row has first join, last leave and the sum.
    name: 'Tobias Arkwright',
    email: 'tobias.arkwright@ashdown.gov.uk',
    role: 'Attendee',
    firstJoin: '10:01',
    lastLeave: '11:15',
    durationSeconds: 3600 + 9 * 60 + 18,
    external: false,
    unverified: false,
  },
  {
    name: 'Priya Venkataraman',
    email: 'priya.venkataraman@riversidetrust.org.uk',
    role: 'Attendee',
    firstJoin: '10:12',
    lastLeave: '10:58',
    durationSeconds: 45 * 60 + 23,
    external: true,
    unverified: false,
  },
  {
    name: 'Halloran, Owen',
    email: 'owen.halloran@ashdown.police.uk',
    role: 'Attendee',
    firstJoin: '09:59',
    lastLeave: '12:01',
    durationSeconds: 2 * 3600 + 60 + 32,
    external: false,
    unverified: false,
  },
  {
    name: 'Ffion Pritchard',
    email: '',
    role: 'Attendee',
    firstJoin: '10:30',
    lastLeave: '10:30',
    durationSeconds: 45,
    external: false,
    unverified: true,
  },
  {
    name: 'Daniel Kowalczyk',
    email: 'daniel.kowalczyk@ashdown.gov.uk',
    role: 'Attendee',
    firstJoin: '10:00',
    lastLeave: '12:04',
    durationSeconds: 2 * 3600 + 4 * 60 + 10,
    external: false,
    unverified: false,
  },
];

describe('readTeamsReport: the current layout (Summary, Participants, In-Meeting Activities)', () => {
  it('reads the UTF-16 LE, tab-separated export with UK dates', () => {
    const report = value(readTeamsReport(fixture('teams-current-utf16-tab.csv'), '2025-03-14'));
    expect(report.title).toBe('Safer Communities Partnership Board');
    expect(report.start).toBe('09:55');
    expect(report.end).toBe('12:04');
    expect(report.participants).toEqual(MARCH_PARTICIPANTS);
    expect(report.warnings).toEqual([]);
  });

  it('reads the UTF-8, comma-separated copy with ISO dates and column names in other capitalisations', () => {
    const bytes = fixture('teams-current-utf8-comma.csv');
    expect(bytes.subarray(0, 2).toString('latin1')).not.toBe('\xff\xfe');
    expect(bytes.toString('utf8')).toContain('NAME,first join,Last leave,In-meeting duration,email');
    const report = value(readTeamsReport(bytes, '2025-03-14'));
    expect(report.title).toBe('Safer Communities Partnership Board');
    expect(report.start).toBe('09:55');
    expect(report.end).toBe('12:04');
    expect(report.participants).toEqual(MARCH_PARTICIPANTS);
  });

  it('reads the same report as UTF-16 BE, as UTF-8 with a BOM and as UTF-16 LE without a BOM', () => {
    const le = fixture('teams-current-utf16-tab.csv');
    const be = Buffer.from(le);
    be.swap16();
    expect([...be.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(value(readTeamsReport(be, '2025-03-14')).participants).toEqual(MARCH_PARTICIPANTS);

    const utf8WithBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(utf16Text('teams-current-utf16-tab.csv'), 'utf8')]);
    expect(value(readTeamsReport(utf8WithBom, '2025-03-14')).participants).toEqual(MARCH_PARTICIPANTS);

    expect(value(readTeamsReport(le.subarray(2), '2025-03-14')).participants).toEqual(MARCH_PARTICIPANTS);
  });

  it('reads a US-locale report: M/D/YY dates settled against the meeting date, 12-hour times across noon', () => {
    const report = value(readTeamsReport(fixture('teams-us-locale.csv'), '2025-06-05'));
    expect(report.title).toBe('Housing Sub-Group');
    expect(report.start).toBe('09:58');
    expect(report.end).toBe('13:05');
    expect(report.participants).toEqual([
      {
        name: 'Megan Oduya',
        email: 'megan.oduya@ashdown.gov.uk',
        role: 'Organizer',
        firstJoin: '09:58',
        lastLeave: '13:05',
        durationSeconds: 3 * 3600 + 7 * 60 + 12,
        external: false,
        unverified: false,
      },
      {
        name: 'Rosalind Achterberg',
        email: 'r.achterberg@fenbridge-housing.org.uk',
        role: 'Presenter',
        firstJoin: '11:58',
        lastLeave: '12:30',
        durationSeconds: 31 * 60 + 50,
        external: true,
        unverified: false,
      },
      {
        name: 'Cllr. Harriet Quennell',
        email: 'harriet.quennell@westmere-dc.gov.uk',
        role: 'Attendee',
        firstJoin: '10:00',
        lastLeave: '13:01',
        durationSeconds: 2 * 3600 + 51 * 60 + 33,
        external: false,
        unverified: false,
      },
    ]);
  });
});

describe('readTeamsReport: the older Full Name / User Action / Timestamp log', () => {
  it('computes first join, last leave and time in the meeting per person', () => {
    const report = value(readTeamsReport(fixture('teams-legacy-actions.csv'), '2025-03-14'));
    expect(report.title).toBeUndefined();
    expect(report.start).toBeUndefined();
    const byName = new Map(report.participants.map((p) => [p.name, p]));
    expect([...byName.keys()]).toEqual([
      'Megan Oduya',
      'Cllr. Harriet Quennell',
      'Halloran, Owen',
      'Daniel Kowalczyk',
      'Tobias Arkwright',
      'Priya Venkataraman',
      'Ffion Pritchard',
    ]);
    // "Joined before" counts as joining; no "Left" afterwards = still there when the log was taken.
    expect(byName.get('Megan Oduya')).toEqual({
      name: 'Megan Oduya',
      email: '',
      firstJoin: '09:55',
      lastLeave: null,
      durationSeconds: null,
      external: false,
      unverified: false,
    });
    // Joined, left, joined again, left: first join, last leave, and the two stretches added up.
    expect(byName.get('Tobias Arkwright')).toEqual({
      name: 'Tobias Arkwright',
      email: '',
      firstJoin: '10:01',
      lastLeave: '11:15',
      durationSeconds: 38 * 60 + 43 + 30 * 60 + 35,
      external: false,
      unverified: false,
    });
    expect(byName.get('Priya Venkataraman')).toMatchObject({ firstJoin: '10:12', lastLeave: '10:58', external: true });
    expect(byName.get('Ffion Pritchard')).toMatchObject({ durationSeconds: 45, unverified: true, external: false });
    expect(report.warnings).toHaveLength(4);
    expect(report.warnings[0]).toBe(
      'Megan Oduya has no "Left" after their last "Joined"; they were still in the meeting when the report was taken.',
    );
  });

  it('accepts the column names in capitals and an activities-only table', () => {
    const log = ['FULL NAME\tUSER ACTION\tTIMESTAMP', 'Jo Park\tJoined\t14/03/2025, 10:00:00', 'Jo Park\tLeft\t14/03/2025, 10:20:30'].join('\n');
    expect(value(parseTeamsReport(log, '2025-03-14')).participants).toEqual([
      { name: 'Jo Park', email: '', firstJoin: '10:00', lastLeave: '10:20', durationSeconds: 1230, external: false, unverified: false },
    ]);
    const activities = [
      'Name\tJoin time\tLeave time\tDuration\tEmail',
      'Jo Park\t14/03/2025, 10:00:00\t14/03/2025, 10:20:30\t20m 30s\tjo.park@ashdown.gov.uk',
      'Jo Park\t14/03/2025, 10:30:00\t14/03/2025, 11:00:00\t30m\tjo.park@ashdown.gov.uk',
    ].join('\n');
    expect(value(parseTeamsReport(activities, '2025-03-14')).participants).toEqual([
      {
        name: 'Jo Park',
        email: 'jo.park@ashdown.gov.uk',
        firstJoin: '10:00',
        lastLeave: '11:00',
        durationSeconds: 1230 + 1800,
        external: false,
        unverified: false,
      },
    ]);
  });
});

describe('day and month order', () => {
  const report = (stamp: string): string =>
    `Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\nJo Park\t${stamp}, 10:00:00\t${stamp}, 11:30:00\t1h 30m\tjo@ashdown.gov.uk\n`;

  it('reads 05/06/2025 as 5 June for a meeting on 5 June, and as 6 May for a meeting on 6 May', () => {
    expect(value(parseTeamsReport(report('05/06/2025'), '2025-06-05')).participants[0]?.firstJoin).toBe('10:00');
    expect(value(parseTeamsReport(report('05/06/2025'), '2025-05-06')).participants[0]?.lastLeave).toBe('11:30');
    expect(message(parseTeamsReport(report('05/06/2025'), '2025-06-06'))).toBe(
      'This attendance report is for 5 June 2025 or 6 May 2025, but the meeting is on 6 June 2025. Choose the report for this meeting.',
    );
  });

  it('reads dates with dots and two-digit years', () => {
    expect(value(parseTeamsReport(report('14.3.25'), '2025-03-14')).participants[0]?.firstJoin).toBe('10:00');
  });

  it('turns 12:05:00 AM into 00:05 and 12:30:00 PM into 12:30', () => {
    const text = 'Name\tFirst Join\tLast Leave\nJo Park\t3/14/25, 12:05:00 AM\t3/14/25, 12:30:00 PM\n';
    expect(value(parseTeamsReport(text, '2025-03-14')).participants[0]).toMatchObject({ firstJoin: '00:05', lastLeave: '12:30' });
  });
});

describe('parseDuration and splitNameFlags', () => {
  it.each([
    ['1h 27m 51s', 5271],
    ['27m 3s', 1623],
    ['45s', 45],
    ['2h', 7200],
    ['1h 5s', 3605],
    ['01:27:51', 5271],
    ['', null],
    ['soon', null],
    ['1h 27x', null],
  ])('%s -> %s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it('strips (External) and (Unverified) into flags, in any case and order', () => {
    expect(splitNameFlags('Jo Park (External)')).toEqual({ name: 'Jo Park', external: true, unverified: false });
    expect(splitNameFlags('Jo Park (unverified)')).toEqual({ name: 'Jo Park', external: false, unverified: true });
    expect(splitNameFlags('Jo Park (Unverified) (External)')).toEqual({ name: 'Jo Park', external: true, unverified: true });
    expect(splitNameFlags('Jo Park (Ashdown Police)')).toEqual({ name: 'Jo Park (Ashdown Police)', external: false, unverified: false });
  });
});

describe('bad files get a clear message', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses an empty file and a file of blank lines', () => {
    expect(message(readTeamsReport(new Uint8Array(0), '2025-03-14'))).toBe('The attendance report is empty.');
    expect(message(readTeamsReport(Buffer.from('\r\n\r\n  \r\n'), '2025-03-14'))).toBe('The attendance report contains no text.');
    expect(message(parseTeamsReport('', '2025-03-14'))).toBe('The attendance report is empty.');
  });

  it('refuses binary files: NUL bytes, invalid UTF-8, zips and PDFs', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(message(readTeamsReport(png, '2025-03-14'))).toBe(
      'The attendance report contains binary data (NUL bytes), so it is not a text file.',
    );
    expect(message(readTeamsReport(Uint8Array.from([0x4e, 0x61, 0x6d, 0x65, 0xc3, 0x28, 0xff]), '2025-03-14'))).toMatch(
      /^The attendance report is not valid UTF-8 or UTF-16 text/,
    );
    expect(message(readTeamsReport(Buffer.from('PK\x03\x04rest-of-a-zip', 'latin1'), '2025-03-14'))).toMatch(
      /^This is a zipped document \(such as a Word \.docx or Excel \.xlsx file\), not a text file\./,
    );
    expect(message(readTeamsReport(Buffer.from('%PDF-1.7\n...'), '2025-03-14'))).toMatch(/^This is a PDF/);
    expect(message(readTeamsReport(Buffer.from('Name\tFirst Join\x01\x02\x03\n'), '2025-03-14'))).toMatch(/control characters/);
  });

  it('refuses a 50 MB file on its size alone, without decoding it', () => {
    const decoderCalls: string[] = [];
    class SpyDecoder {
      constructor(label: string) {
        decoderCalls.push(label);
      }
      decode(): string {
        return 'Name\tFirst Join\tLast Leave\n';
      }
    }
    vi.stubGlobal('TextDecoder', SpyDecoder);
    const huge = new Uint8Array(50 * 1024 * 1024);
    expect(message(readTeamsReport(huge, '2025-03-14'))).toBe(
      'The attendance report is 50 MB, over the 5 MB limit for imports. Check that you chose the right file.',
    );
    expect(decoderCalls).toEqual([]);
    // The spy is live: a small file does go through it.
    decodeImportBytes(Buffer.from('Name'), 'file');
    expect(decoderCalls).toEqual(['utf-8']);
    // One byte over the limit is refused too; the limit itself is accepted.
    vi.unstubAllGlobals();
    expect(message(decodeImportBytes(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41)))).toMatch(/over the 5 MB limit/);
    expect(decodeImportBytes(new Uint8Array(MAX_IMPORT_BYTES).fill(0x41)).ok).toBe(true);
  });

  it('refuses a report cut short in the middle of a row', () => {
    const text = utf16Text('teams-current-utf16-tab.csv');
    const cut = text.slice(0, text.indexOf('Priya Venkataraman') + 'Priya Venkataraman (External)\t14/03/2025, 10:1'.length);
    expect(message(parseTeamsReport(cut, '2025-03-14'))).toBe(
      'The attendance report is cut short or damaged: row 14 ("Priya Venkataraman (External)") has 2 of 7 columns.',
    );
  });

  it('refuses a report cut short between rows, against the summary count', () => {
    const text = utf16Text('teams-current-utf16-tab.csv');
    const cut = text.slice(0, text.indexOf('Halloran, Owen'));
    expect(message(parseTeamsReport(cut, '2025-03-14'))).toBe(
      'The attendance report is cut short: its summary lists 7 participants but only 4 were found.',
    );
  });

  it('refuses a UTF-16 file cut in the middle of a character', () => {
    const bytes = fixture('teams-current-utf16-tab.csv');
    expect(message(readTeamsReport(bytes.subarray(0, 301), '2025-03-14'))).toBe(
      'The attendance report says it is UTF-16 text but its contents are damaged or cut short.',
    );
  });

  it('refuses a comma-separated report cut inside a quoted value', () => {
    const text = 'Name,First Join,Last Leave\r\n"Park, Jo",14/03/2025 10:00:00,"14/03/2025 10:';
    expect(message(parseTeamsReport(text, '2025-03-14'))).toBe(
      'The attendance report is damaged or cut short: a quoted value opened on row 2 is never closed.',
    );
  });

  it('refuses garbled values', () => {
    expect(
      message(parseTeamsReport('Name\tFirst Join\tLast Leave\nJo Park\tyesterday\t14/03/2025, 11:00:00\n', '2025-03-14')),
    ).toBe('Row 2 has "yesterday" as its join time, which is not a date and time. The file may be damaged.');
    expect(
      message(
        parseTeamsReport(
          'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\nJo Park\t14/03/2025, 10:00:00\t14/03/2025, 11:00:00\t1 hour-ish\n',
          '2025-03-14',
        ),
      ),
    ).toBe('Row 2 ("Jo Park") has "1 hour-ish" as its duration, which is not a length of time. The file may be damaged.');
    expect(message(parseTeamsReport('Name\tFirst Join\tLast Leave\nJo P\uFFFDrk\t14/03/2025, 10:00:00\t\n', '2025-03-14'))).toMatch(
      /^The attendance report contains garbled characters/,
    );
  });

  it('refuses files with the wrong columns', () => {
    expect(message(parseTeamsReport('Name,Email,Phone\nJo Park,jo@ashdown.gov.uk,01234 567890\n', '2025-03-14'))).toBe(
      'This is not a Teams attendance report this importer understands: its columns are Name, Email, Phone, but it needs Name, First Join, Last Leave (or Join Time, Leave Time; or the older Full Name, User Action, Timestamp).',
    );
    expect(message(parseTeamsReport('Item,Title,Pages\n1,Apologies,\n', '2025-03-14'))).toBe(
      'This does not look like a Microsoft Teams attendance report: no table with the columns Name, First Join, Last Leave (or Join Time, Leave Time; or the older Full Name, User Action, Timestamp) was found.',
    );
    expect(message(parseTeamsReport('Name\tFirst Join\tLast Leave\n', '2025-03-14'))).toBe(
      'The attendance report lists no participants.',
    );
  });

  it('refuses a report from another date', () => {
    expect(message(readTeamsReport(fixture('teams-current-utf16-tab.csv'), '2025-03-21'))).toBe(
      'This attendance report is for 14 March 2025, but the meeting is on 21 March 2025. Choose the report for this meeting.',
    );
    expect(message(readTeamsReport(fixture('teams-us-locale.csv'), '2025-06-06'))).toBe(
      'This attendance report is for 6 May 2025 or 5 June 2025, but the meeting is on 6 June 2025. Choose the report for this meeting.',
    );
    const twoDays = 'Name\tFirst Join\tLast Leave\nJo Park\t14/03/2025, 10:00:00\t14/03/2025, 11:00:00\nAl Roe\t18/03/2025, 10:00:00\t18/03/2025, 11:00:00\n';
    expect(message(parseTeamsReport(twoDays, '2025-03-14'))).toBe(
      "The attendance report's dates do not all fall on the meeting date, 14 March 2025; it may cover more than one meeting.",
    );
  });

  it('accepts leave times after midnight, with a warning', () => {
    const late = 'Name\tFirst Join\tLast Leave\nJo Park\t14/03/2025, 23:30:00\t15/03/2025, 00:15:00\n';
    const report = value(parseTeamsReport(late, '2025-03-14'));
    expect(report.participants[0]).toMatchObject({ firstJoin: '23:30', lastLeave: '00:15' });
    expect(report.warnings).toEqual(['Some times in the report are after midnight, on the day after the meeting.']);
  });
});

describe('participants', () => {
  it('keeps two rows of a Participants table with the same name apart, but gathers activity rows per person', () => {
    const participants = [
      'Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail',
      'Guest\t14/03/2025, 10:00:00\t14/03/2025, 10:10:00\t10m\t',
      'Guest\t14/03/2025, 10:20:00\t14/03/2025, 10:50:00\t30m\t',
    ].join('\n');
    expect(value(parseTeamsReport(participants, '2025-03-14')).participants.map((p) => [p.name, p.firstJoin, p.durationSeconds])).toEqual([
      ['Guest', '10:00', 600],
      ['Guest', '10:20', 1800],
    ]);
    const activities = participants.replace('First Join\tLast Leave\tIn-Meeting Duration', 'Join Time\tLeave Time\tDuration');
    expect(value(parseTeamsReport(activities, '2025-03-14')).participants.map((p) => [p.name, p.firstJoin, p.lastLeave, p.durationSeconds])).toEqual([
      ['Guest', '10:00', '10:50', 2400],
    ]);
  });
});
