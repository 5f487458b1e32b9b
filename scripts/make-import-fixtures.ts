/**
 * Writes the import test fixtures in test/fixtures/import/: Teams attendance
 * reports in each layout we read, and agendas as text and .docx. All names,
 * bodies and addresses are fictional (the Ashdown County Safer Communities
 * Partnership Board).
 *
 *   npx tsx scripts/make-import-fixtures.ts
 *
 * The output is committed; run this again only to change the fixtures, and
 * update the tests' expected values to match.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import Papa from 'papaparse';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'import');
mkdirSync(out, { recursive: true });

/* ---------- Teams attendance reports ---------- */

interface Attendee {
  name: string;
  email: string;
  upn: string;
  role: string;
  /** [join, leave] as HH:MM:SS, 24-hour; leave null = still in the meeting. */
  sessions: [string, string | null][];
}

/** Meeting on Friday 14 March 2025 (UK organiser). */
const MARCH_MEETING: Attendee[] = [
  {
    name: 'Megan Oduya',
    email: 'megan.oduya@ashdown.gov.uk',
    upn: 'megan.oduya@ashdown.gov.uk',
    role: 'Organizer',
    sessions: [['09:55:41', '12:04:10']],
  },
  {
    name: 'Cllr. Harriet Quennell',
    email: 'harriet.quennell@westmere-dc.gov.uk',
    upn: 'harriet.quennell@westmere-dc.gov.uk',
    role: 'Presenter',
    sessions: [['09:58:02', '12:03:55']],
  },
  {
    name: 'Tobias Arkwright',
    email: 'tobias.arkwright@ashdown.gov.uk',
    upn: 'tobias.arkwright@ashdown.gov.uk',
    role: 'Attendee',
    sessions: [
      ['10:01:17', '10:40:00'],
      ['10:45:05', '11:15:40'],
    ],
  },
  {
    name: 'Priya Venkataraman (External)',
    email: 'priya.venkataraman@riversidetrust.org.uk',
    upn: '',
    role: 'Attendee',
    sessions: [['10:12:40', '10:58:03']],
  },
  {
    name: 'Halloran, Owen',
    email: 'owen.halloran@ashdown.police.uk',
    upn: 'owen.halloran@ashdown.police.uk',
    role: 'Attendee',
    sessions: [['09:59:30', '12:01:02']],
  },
  {
    name: 'Ffion Pritchard (Unverified)',
    email: '',
    upn: '',
    role: 'Attendee',
    sessions: [['10:30:05', '10:30:50']],
  },
  {
    name: 'Daniel Kowalczyk',
    email: 'daniel.kowalczyk@ashdown.gov.uk',
    upn: 'daniel.kowalczyk@ashdown.gov.uk',
    role: 'Attendee',
    sessions: [['10:00:00', '12:04:10']],
  },
];

/** Meeting on Thursday 5 June 2025, organiser in the US locale. */
const JUNE_MEETING: Attendee[] = [
  {
    name: 'Megan Oduya',
    email: 'megan.oduya@ashdown.gov.uk',
    upn: 'megan.oduya@ashdown.gov.uk',
    role: 'Organizer',
    sessions: [['09:58:10', '13:05:22']],
  },
  {
    name: 'Rosalind Achterberg (External)',
    email: 'r.achterberg@fenbridge-housing.org.uk',
    upn: '',
    role: 'Presenter',
    sessions: [['11:58:10', '12:30:00']],
  },
  {
    name: 'Cllr. Harriet Quennell',
    email: 'harriet.quennell@westmere-dc.gov.uk',
    upn: 'harriet.quennell@westmere-dc.gov.uk',
    role: 'Attendee',
    sessions: [
      ['10:00:12', '12:00:00'],
      ['12:10:00', '13:01:45'],
    ],
  },
];

const seconds = (t: string): number => {
  const [h, m, s] = t.split(':').map(Number) as [number, number, number];
  return h * 3600 + m * 60 + s;
};
const teamsDuration = (total: number): string => {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return [h ? `${h}h` : '', h || m ? `${m}m` : '', `${s}s`].filter(Boolean).join(' ');
};
const sessionSeconds = (a: Attendee): number =>
  a.sessions.reduce((sum, [join, leave]) => sum + (leave ? seconds(leave) - seconds(join) : 0), 0);

type Stamp = (time: string) => string;
const ukStamp =
  (date: string): Stamp =>
  (time) =>
    `${date}, ${time}`;
const isoStamp =
  (date: string): Stamp =>
  (time) =>
    `${date} ${time}`;
const usStamp =
  (date: string): Stamp =>
  (time) => {
    const [h, m, s] = time.split(':').map(Number) as [number, number, number];
    const hour12 = h % 12 === 0 ? 12 : h % 12;
    return `${date}, ${hour12}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
  };

interface Headers {
  name: string;
  firstJoin: string;
  lastLeave: string;
  duration: string;
  email: string;
  upn: string;
  role: string;
  joinTime: string;
  leaveTime: string;
  activityDuration: string;
}
const TEAMS_HEADERS: Headers = {
  name: 'Name',
  firstJoin: 'First Join',
  lastLeave: 'Last Leave',
  duration: 'In-Meeting Duration',
  email: 'Email',
  upn: 'Participant ID (UPN)',
  role: 'Role',
  joinTime: 'Join Time',
  leaveTime: 'Leave Time',
  activityDuration: 'Duration',
};

function currentReport(
  title: string,
  people: Attendee[],
  stamp: Stamp,
  headers: Headers,
): string[][] {
  const starts = people.flatMap((p) => p.sessions.map(([join]) => join)).sort();
  const ends = people.flatMap((p) => p.sessions.map(([, leave]) => leave ?? '')).sort();
  const start = starts[0] as string;
  const end = ends[ends.length - 1] as string;
  const avg = Math.round(people.reduce((sum, p) => sum + sessionSeconds(p), 0) / people.length);
  const rows: string[][] = [
    ['1. Summary'],
    ['Meeting title', title],
    ['Attended participants', String(people.length)],
    ['Start time', stamp(start)],
    ['End time', stamp(end)],
    ['Meeting duration', teamsDuration(seconds(end) - seconds(start))],
    ['Average attendance time', teamsDuration(avg)],
    [''],
    ['2. Participants'],
    [headers.name, headers.firstJoin, headers.lastLeave, headers.duration, headers.email, headers.upn, headers.role],
  ];
  for (const p of people) {
    const first = p.sessions[0]![0];
    const last = p.sessions[p.sessions.length - 1]![1] as string;
    rows.push([p.name, stamp(first), stamp(last), teamsDuration(sessionSeconds(p)), p.email, p.upn, p.role]);
  }
  rows.push([''], ['3. In-Meeting Activities']);
  rows.push([headers.name, headers.joinTime, headers.leaveTime, headers.activityDuration, headers.email, headers.role]);
  for (const p of people) {
    for (const [join, leave] of p.sessions) {
      rows.push([p.name, stamp(join), stamp(leave as string), teamsDuration(seconds(leave as string) - seconds(join)), p.email, p.role]);
    }
  }
  return rows;
}

const tsv = (rows: string[][]): string => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
const csv = (rows: string[][]): string => Papa.unparse(rows, { newline: '\r\n' }) + '\r\n';
const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const BOARD = 'Safer Communities Partnership Board';

// 1. The current layout as Teams exports it: UTF-16 LE with BOM, tab separated, UK dates.
writeFileSync(
  join(out, 'teams-current-utf16-tab.csv'),
  utf16le(tsv(currentReport(BOARD, MARCH_MEETING, ukStamp('14/03/2025'), TEAMS_HEADERS))),
);

// 2. The same meeting after a round trip through a spreadsheet: UTF-8, commas, ISO dates, odd capitalisation.
writeFileSync(
  join(out, 'teams-current-utf8-comma.csv'),
  csv(
    currentReport(BOARD, MARCH_MEETING, isoStamp('2025-03-14'), {
      name: 'NAME',
      firstJoin: 'first join',
      lastLeave: 'Last leave',
      duration: 'In-meeting duration',
      email: 'email',
      upn: 'Participant ID (UPN)',
      role: 'role',
      joinTime: 'Join time',
      leaveTime: 'Leave time',
      activityDuration: 'Duration',
    }),
  ),
  'utf8',
);

// 3. A US-locale organiser: M/D/YY dates and 12-hour times, which cross noon.
writeFileSync(
  join(out, 'teams-us-locale.csv'),
  utf16le(tsv(currentReport('Housing Sub-Group', JUNE_MEETING, usStamp('6/5/25'), TEAMS_HEADERS))),
);

// 4. The older log: Full Name / User Action / Timestamp, downloaded at 11:50 while people were still in.
{
  const takenAt = seconds('11:50:00');
  const events: { at: number; row: string[] }[] = [];
  const stamp = usStamp('3/14/2025');
  for (const p of MARCH_MEETING) {
    p.sessions.forEach(([join, leave], i) => {
      const action = i === 0 && seconds(join) < seconds('10:00:00') ? 'Joined before' : 'Joined';
      events.push({ at: seconds(join), row: [p.name, action, stamp(join)] });
      if (leave && seconds(leave) <= takenAt) events.push({ at: seconds(leave), row: [p.name, 'Left', stamp(leave)] });
    });
  }
  events.sort((a, b) => a.at - b.at);
  writeFileSync(
    join(out, 'teams-legacy-actions.csv'),
    utf16le(tsv([['Full Name', 'User Action', 'Timestamp'], ...events.map((e) => e.row)])),
  );
}

/* ---------- Agendas ---------- */

interface AgendaEntry {
  title: string;
  papers?: string;
  presenter?: string;
  exempt?: string;
}

const AGENDA: AgendaEntry[] = [
  { title: 'Appointment of Chairman.' },
  { title: 'Appointment of Deputy Chairman.' },
  { title: 'Introductions and apologies' },
  { title: 'Minutes of previous meeting.', papers: '(Pages 3 - 10)' },
  { title: 'Matters arising' },
  { title: 'Partnership Action Log', papers: '(Pages 11 - 12)' },
  { title: 'Declarations of interest' },
  {
    title: 'Night-Time Economy and Street Safety Update.',
    papers: '(Pages 13 - 24)',
    presenter:
      'This report will be presented by Tobias Arkwright, Community Safety Manager, Ashdown County Council.',
  },
  {
    title: 'Domestic Abuse Support Services.',
    papers: '(Pages 25 - 30)',
    presenter: 'A presentation will be given by Priya Venkataraman, Chief Executive, Riverside Trust.',
  },
  { title: 'Any other business' },
  { title: 'Dates of future meetings.' },
  { title: 'Exclusion of the Press and Public.' },
  {
    title: 'Commissioning of Victim Support Services.',
    papers: '(Pages 31 - 40)',
    exempt: 'Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A of the Local Government Act 1972.',
  },
];

const AGENDA_TEXT = `ASHDOWN COUNTY SAFER COMMUNITIES PARTNERSHIP BOARD

Friday, 14 March 2025 at 10.00 am

Microsoft Teams

Agenda

1. Appointment of Chairman.
2. Appointment of Deputy Chairman.
3. Introductions and apologies
4. Minutes of previous meeting. (Pages 3 - 10)
5. Matters arising
6. Partnership Action Log (Pages 11 - 12)
7. Declarations of interest
8. Night-Time Economy and Street Safety Update. (Pages 13 - 24)
This report will be presented by Tobias Arkwright, Community Safety Manager,
Ashdown County Council.
9. Domestic Abuse Support Services -
Refuge and Outreach Contracts.

(Pages 25 - 30)

A presentation will be given by Priya Venkataraman, Chief Executive, Riverside Trust.
10. Ashdown Police update. (Pages 31 - 34) Supt. Owen Halloran, Ashdown Police, will present this report.
11. Any other business
12. Dates of future meetings.

It is proposed that meetings of the Board take place on the following dates all at 10.00am:

Friday 13 June 2025;
Friday 12 September 2025.

13. Exclusion of the Press and Public.
The public are likely to be excluded during consideration of the following item in accordance with Section 100(A)(4) of the Local Government Act 1972 on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act.
14. Commissioning of Victim Support Services (Exempt). (Pages 35 - 44)
15. Serious Violence Duty: Case Review.
Not for publication by virtue of paragraph 7 of Part 1 of Schedule 12A.

Minutes of a meeting of the Ashdown County Safer Communities Partnership Board held via Microsoft Teams on Friday, 13 December 2024.

1. Appointment of Chairman.
16. Exempt matters in the December minutes must not become agenda items.
`;
writeFileSync(join(out, 'agenda.txt'), AGENDA_TEXT, 'utf8');

const run = (text: string, opts: { bold?: boolean; italics?: boolean } = {}): TextRun => new TextRun({ text, ...opts });
const heading = (text: string): Paragraph => new Paragraph({ children: [run(text, { bold: true })], alignment: AlignmentType.CENTER });

const preamble = [
  heading('ASHDOWN COUNTY SAFER COMMUNITIES PARTNERSHIP BOARD'),
  heading('Friday, 14 March 2025 at 10.00 am'),
  heading('Microsoft Teams'),
  heading('Agenda'),
];

const entryDetails = (entry: AgendaEntry): Paragraph[] => [
  ...(entry.presenter ? [new Paragraph({ children: [run(entry.presenter, { italics: true })], indent: { left: 720 } })] : []),
  ...(entry.exempt ? [new Paragraph({ children: [run(entry.exempt, { italics: true })], indent: { left: 720 } })] : []),
];

async function writeDocx(name: string, doc: Document): Promise<void> {
  writeFileSync(join(out, name), await Packer.toBuffer(doc));
}

async function agendas(): Promise<void> {
  // Typed numbers: "1. Appointment of Chairman." in the text of each paragraph.
  await writeDocx(
    'agenda-typed-numbers.docx',
    new Document({
      creator: 'Meeting Clerk test fixtures',
      sections: [
        {
          children: [
            ...preamble,
            ...AGENDA.flatMap((entry, i) => [
              new Paragraph({
                children: [run(`${i + 1}.\t`), run(entry.title, { bold: true }), run(entry.papers ? ` ${entry.papers}` : '')],
              }),
              ...entryDetails(entry),
            ]),
          ],
        },
      ],
    }),
  );

  // Word automatic numbering: the numbers are not in the text at all, and the
  // presenter lines between items split the list.
  await writeDocx(
    'agenda-auto-numbered.docx',
    new Document({
      creator: 'Meeting Clerk test fixtures',
      numbering: {
        config: [
          {
            reference: 'agenda',
            levels: [
              {
                level: 0,
                format: LevelFormat.DECIMAL,
                text: '%1.',
                alignment: AlignmentType.START,
                style: { paragraph: { indent: { left: 720, hanging: 720 } } },
              },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            ...preamble,
            ...AGENDA.flatMap((entry) => [
              new Paragraph({
                numbering: { reference: 'agenda', level: 0 },
                children: [run(entry.title, { bold: true }), run(entry.papers ? ` ${entry.papers}` : '')],
              }),
              ...entryDetails(entry),
            ]),
          ],
        },
      ],
    }),
  );

  // A table: item number | title and details | pages.
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE } });
  await writeDocx(
    'agenda-table.docx',
    new Document({
      creator: 'Meeting Clerk test fixtures',
      sections: [
        {
          children: [
            ...preamble,
            new Table({
              rows: [
                new TableRow({
                  children: [
                    cell([new Paragraph({ children: [run('Item', { bold: true })] })], 10),
                    cell([new Paragraph({ children: [run('Business', { bold: true })] })], 75),
                    cell([new Paragraph({ children: [run('Pages', { bold: true })] })], 15),
                  ],
                }),
                ...AGENDA.map(
                  (entry, i) =>
                    new TableRow({
                      children: [
                        cell([new Paragraph(`${i + 1}.`)], 10),
                        cell([new Paragraph({ children: [run(entry.title, { bold: true })] }), ...entryDetails(entry)], 75),
                        cell([new Paragraph((entry.papers ?? '').replace(/[()]|Pages /g, ''))], 15),
                      ],
                    }),
                ),
              ],
            }),
          ],
        },
      ],
    }),
  );
}

await agendas();
console.log(`Fixtures written to ${out}`);
