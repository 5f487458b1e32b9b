/**
 * Writes sample Word documents (draft minutes, approved minutes, the decision
 * sheet and the action log of a fictional meeting) so the house style can be
 * looked at in Word or LibreOffice:
 *
 *   npx tsx scripts/export-sample.ts <outdir>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { actionLogToDocx } from '../electron/export/action-log-docx';
import { decisionSheetToDocx, minutesToDocx } from '../electron/export/minutes-docx';
import { blocksFrom, type MinutesDocument } from '../shared/minutes/document';
import { DEFAULT_HOUSE_STYLE_FULL, type HouseStyle } from '../shared/minutes/house-style';

const SAMPLE_STYLE: HouseStyle = { ...DEFAULT_HOUSE_STYLE_FULL, councilName: 'Wessex County Council' };

const BODY = 'Wessex Safer Communities Strategy Board';

/** A meeting of a fictional board, minuted the way the reference minutes are. */
const SAMPLE_MINUTES: MinutesDocument = {
  title: `Minutes of the ${BODY}, Friday, 11 December 2026`,
  bodyName: BODY,
  meetingDate: '2026-12-11',
  draft: true,
  part: 'public',
  blocks: blocksFrom([
    { type: 'opening', text: `Minutes of a meeting of the ${BODY} held at County Hall, Kingsbridge on Friday, 11 December 2026.` },
    { type: 'section-heading', text: 'PRESENT' },
    { type: 'chair', text: 'Mrs D. Thornbury CC (in the Chair)' },
    {
      type: 'name-list',
      rows: [
        { name: 'Cllr. L. Hart', detail: 'Community Safety Partnership Strategy Group Chair – Kingsbridge District Council' },
        { name: 'Cllr. A. Pearce', detail: 'Northmoor Borough Council – Cabinet Lead Member for Community Safety' },
        { name: 'Cllr. M. Okafor', detail: 'Community Safety Partnership Strategy Group Chair – Eastcombe Borough Council' },
        { name: 'Supt. R. Ellery', detail: 'Wessex Police' },
        { name: 'Mr. T. Varley CC', detail: 'Combined Fire Authority' },
        { name: 'Ms C. Lowe', detail: 'Probation Service (substitute for Mr B. Bearne; attended remotely)' },
        { name: 'Dr Priya Nandra', detail: 'Public Health, Wessex County Council' },
      ],
    },
    { type: 'section-heading', text: 'Officers' },
    {
      type: 'name-list',
      rows: [
        { name: 'Jo Clerk', detail: 'Democratic Services Officer – Wessex County Council' },
        { name: 'Sam Whitcombe', detail: 'Community Safety Team Manager – Wessex County Council' },
        { name: 'Ade Lawal', detail: 'Kingsbridge District Council' },
      ],
    },
    { type: 'section-heading', text: 'Other attendees' },
    { type: 'name-list', rows: [{ name: 'Hannah Rudd', detail: 'Office of the Police and Crime Commissioner' }] },
    { type: 'section-heading', text: 'Apologies for absence' },
    {
      type: 'name-list',
      rows: [
        { name: 'Mr B. Bearne', detail: 'Probation Service' },
        { name: 'Cllr. S. Whitby', detail: 'Community Safety Partnership Strategy Group Chair – Westhaven District Council' },
      ],
    },
    { type: 'minute-heading', number: 17, agendaNumber: 1, text: 'Introductions' },
    { type: 'paragraph', text: 'The Chairman introduced herself and welcomed everyone to the meeting.' },
    { type: 'minute-heading', number: 18, agendaNumber: 2, text: 'Minutes of previous meeting.' },
    { type: 'paragraph', text: 'The minutes of the meeting held on 25 September 2026 were taken as read and confirmed as a correct record.' },
    { type: 'minute-heading', number: 19, agendaNumber: 3, text: 'Matters arising' },
    { type: 'paragraph', text: 'There were no matters arising from the minutes of the previous meeting.' },
    { type: 'minute-heading', number: 20, agendaNumber: 4, text: 'Action Log' },
    {
      type: 'paragraph',
      text: "The Board considered the Action Log, a copy of which, marked 'Agenda Item 4', is filed with these minutes.",
    },
    {
      type: 'paragraph',
      text: 'With regard to Action no. 1, members raised concerns that the action had not yet been completed although it had been on the Log for over a year, and asked that printed material be used alongside social media to reach residents.',
    },
    {
      type: 'decision',
      label: 'RESOLVED',
      resolutions: [
        'That the status of the Action Log be noted;',
        'That the Community Safety Communications Plan be considered at the March meeting of the Board on an annual basis;',
        'That a report be submitted to the next meeting of the Board regarding the underlying causes of anti-social behaviour.',
      ],
    },
    { type: 'minute-heading', number: 21, agendaNumber: 5, text: 'Declarations of interest' },
    {
      type: 'paragraph',
      text: 'The Chairman invited members who wished to do so to declare any interests in respect of items on the agenda for the meeting.',
    },
    {
      type: 'paragraph',
      text: 'Cllr. L. Hart declared a Disclosable Pecuniary Interest in agenda item 7 (Town Centre Safety Scheme) as he owned a shop within the scheme area, and left the room for that item.',
    },
    { type: 'minute-heading', number: 22, agendaNumber: 6, text: 'Safer Communities Performance 2026/27 - Quarter 2.' },
    {
      type: 'paragraph',
      text: "The Board considered a report of the Community Safety Team at Wessex County Council which provided an update regarding Safer Communities Performance 2026/27 - Quarter 2. A copy of the report, marked 'Agenda Item 6', is filed with these minutes. The report was presented by Sam Whitcombe, Community Safety Team Manager, Wessex County Council.",
    },
    { type: 'paragraph', text: 'Arising from discussions the following points were noted:' },
    {
      type: 'lettered',
      style: 'roman',
      items: [
        'Domestic violence with injury had increased yet referrals to the specialist support service had decreased. It was noted that a recent publicity campaign may have increased reporting to the Police before referrals came through to the service. Further investigation into these statistics would take place to ascertain the narrative behind them.',
        'There had been an overall increase in first time entrants to the criminal justice system but no spike in any specific area of the county.',
        'Members raised concerns that partners recorded data in different ways and that there needed to be consistency so that meaningful comparisons could be made.',
        'As the night-time economy revived it was important to be prepared to tackle any crime issues arising from it.',
      ],
    },
    { type: 'decision', label: 'RESOLVED', resolutions: ['That the 2026/27 Quarter 2 performance information be noted.'] },
    { type: 'minute-heading', number: 23, agendaNumber: 7, text: 'Town Centre Safety Scheme.' },
    { type: 'paragraph', text: 'Cllr. L. Hart left the meeting at 11.05 am.' },
    {
      type: 'paragraph',
      text: "The Board received a presentation from Hannah Rudd, Office of the Police and Crime Commissioner, regarding the Town Centre Safety Scheme. A copy of the presentation slides, marked 'Agenda Item 7', is filed with these minutes.",
    },
    { type: 'paragraph', text: 'Arising from the presentation the following points were noted:' },
    {
      type: 'lettered',
      style: 'alpha',
      items: [
        'The scheme would be funded for two years, with an evaluation reported to the Board after the first year.',
        'District councils would be asked to nominate a lead officer for the scheme by the end of January 2027.',
      ],
    },
    {
      type: 'decision',
      label: 'RESOLVED',
      resolutions: [
        'That the contents of the presentation be noted;',
        'That the Board supports the Town Centre Safety Scheme;',
        'That the evaluation of the scheme be reported to the Board in January 2028.',
      ],
    },
    { type: 'paragraph', text: 'Cllr. L. Hart returned to the meeting at 11.40 am.' },
    { type: 'minute-heading', number: 24, agendaNumber: 8, text: 'Date of the next meeting' },
    { type: 'decision', label: 'RESOLVED', resolutions: ['That the next meeting of the Board take place on Friday, 19 March 2027 at 10.00 am.'] },
    { type: 'closing', text: 'The meeting closed at 12.05 pm.' },
    { type: 'signature', chairTitle: 'Chairman' },
  ]),
};

const SAMPLE_ACTIONS = {
  bodyName: BODY,
  title: `${BODY} Action Log`,
  rows: [
    {
      number: 1,
      date: '2025-06-26',
      action: 'Wessex Police to provide a report to a future meeting of the Board regarding lessons learned from the winter flooding response.',
      owner: 'Sam Whitcombe/Supt. R. Ellery',
      comments: 'This will form part of a broader discussion to include all districts.',
      status: 'Amber' as const,
    },
    {
      number: 2,
      date: '2026-03-18',
      action: 'Arrange a site visit for Board members to the new youth centre.',
      owner: 'Ade Lawal',
      comments: 'Visit postponed twice.\nNew date to be circulated for replies.',
      status: 'Red' as const,
    },
    {
      number: 3,
      date: '2026-09-25',
      action: 'Circulate presentation slides on the Town Centre Safety Scheme.',
      owner: 'Jo Clerk',
      comments: 'Slides circulated 26/09/26.',
      status: 'Complete' as const,
    },
    {
      number: 4,
      date: '2026-12-11',
      action: 'Report to the next meeting on the underlying causes of anti-social behaviour.',
      owner: 'Sam Whitcombe',
      comments: 'On the agenda for March 2027.',
      status: 'Green' as const,
    },
  ],
};

/** A made-up crest as a PNG (a navy shield with a gold band), so the logo can be seen in place. */
function sampleLogo(): string {
  const width = 96;
  const height = 112;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // no filter
    for (let x = 0; x < width; x++) {
      const half = Math.abs(x - width / 2);
      const inShield = y < 70 ? half < 44 : half < 44 * Math.sqrt(Math.max(0, 1 - ((y - 70) / 42) ** 2));
      const band = inShield && y >= 44 && y < 60;
      const [r, g, b, a] = band ? [212, 160, 23, 255] : inShield ? [31, 56, 100, 255] : [255, 255, 255, 0];
      rows.push(r, g, b, a);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return png.toString('base64');
}

async function main(outdir: string) {
  const withLogo: HouseStyle = { ...SAMPLE_STYLE, chairTitle: 'Chair', logo: { mime: 'image/png', data: sampleLogo() } };
  const exempt = {
    ...SAMPLE_MINUTES,
    part: 'exempt',
    title: `Exempt minutes of the ${BODY}, Friday, 11 December 2026`,
    blocks: blocksFrom([
      SAMPLE_MINUTES.blocks[0]!,
      { type: 'minute-heading', number: 25, agendaNumber: 9, text: 'Youth Centre Lease (Exempt)' },
      {
        type: 'paragraph',
        text: 'The Board considered an exempt report of the Director of Corporate Resources regarding the lease of the youth centre.',
      },
      { type: 'decision', label: 'RESOLVED', resolutions: ['That the recommendations in the exempt report be approved.'] },
      { type: 'signature', chairTitle: 'Chair' },
    ]),
  } as MinutesDocument;
  mkdirSync(outdir, { recursive: true });
  const files: [string, Buffer][] = [
    ['sample-minutes-draft.docx', await minutesToDocx(SAMPLE_MINUTES, SAMPLE_STYLE)],
    ['sample-minutes-approved.docx', await minutesToDocx({ ...SAMPLE_MINUTES, draft: false }, SAMPLE_STYLE)],
    ['sample-decision-sheet.docx', await decisionSheetToDocx(SAMPLE_MINUTES, SAMPLE_STYLE)],
    ['sample-action-log.docx', await actionLogToDocx(SAMPLE_ACTIONS, SAMPLE_STYLE)],
    ['sample-exempt-minutes-with-logo.docx', await minutesToDocx(exempt, withLogo)],
  ];
  for (const [name, bytes] of files) {
    const file = join(outdir, name);
    writeFileSync(file, bytes);
    console.log(`Wrote ${file}`);
  }
}

const outdir = process.argv[2];
if (!outdir) {
  console.error('Usage: npx tsx scripts/export-sample.ts <outdir>');
  process.exit(2);
}
main(resolve(outdir)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
