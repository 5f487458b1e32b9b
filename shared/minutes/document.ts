/**
 * The minutes document model: one pure function turns a meeting record into
 * format-neutral blocks. The live preview and the Word writer both draw this,
 * so wording and order are decided here and nowhere else.
 */
import { formatLongDate, formatTime } from '../format';
import { SCHEDULE_12A_PARAGRAPHS, type Attendance, type MeetingRecord } from '../model';
import { chairChangeText, declarationText, movementText } from './wording';

export type Block =
  | { type: 'opening'; text: string }
  | { type: 'section-heading'; text: string }
  | { type: 'chair'; text: string }
  | { type: 'name-list'; rows: { name: string; detail: string }[] }
  | { type: 'minute-heading'; number: number; agendaNumber: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'lettered'; style: 'alpha' | 'roman'; items: string[] }
  | { type: 'decision'; label: string; resolutions: string[] }
  | { type: 'closing'; text: string }
  | { type: 'signature'; chairTitle: string };

export interface MinutesDocument {
  title: string;
  bodyName: string;
  meetingDate: string;
  draft: boolean;
  blocks: Block[];
}

export interface HouseStyle {
  chairTitle: 'Chairman' | 'Chair';
}

export const DEFAULT_HOUSE_STYLE: HouseStyle = { chairTitle: 'Chairman' };

export function openingLine(record: MeetingRecord): string {
  const where =
    record.mode === 'teams'
      ? 'via Microsoft Teams'
      : record.mode === 'hybrid'
        ? `at ${record.venue} and via Microsoft Teams`
        : `at ${record.venue}`;
  return `Minutes of a meeting of the ${record.body.name} held ${where} on ${formatLongDate(record.date)}.`;
}

const detailOf = (role: string, organisation: string) => [role.trim(), organisation.trim()].filter(Boolean).join(' – ');

function presentRow(record: MeetingRecord, a: Attendance): { name: string; detail: string } {
  const notes: string[] = [];
  if (a.substituteForMemberId !== null) {
    const replaced = record.members.find((m) => m.id === a.substituteForMemberId);
    if (replaced) notes.push(`substitute for ${replaced.name}`);
  }
  if (a.remote) notes.push('attended remotely');
  const detail = detailOf(a.role, a.organisation);
  return { name: a.name, detail: notes.length ? `${detail}${detail ? ' ' : ''}(${notes.join('; ')})` : detail };
}

/** PRESENT, the chair first, then members, officers, other attendees, guests and apologies. */
function attendanceBlocks(record: MeetingRecord): Block[] {
  const blocks: Block[] = [{ type: 'section-heading', text: 'PRESENT' }];
  const opening = record.chairChanges.find((c) => c.agendaItemId === null) ?? record.chairChanges[0];
  const members = record.attendance.filter((a) => a.category === 'member');
  const chair = opening ? members.find((a) => a.id === opening.attendanceId) : undefined;
  if (chair) blocks.push({ type: 'chair', text: `${chair.name} (in the Chair)` });
  const present = members.filter((a) => a.status === 'present' && a !== chair).map((a) => presentRow(record, a));
  if (present.length) blocks.push({ type: 'name-list', rows: present });
  const sections: [string, Attendance['category']][] = [
    ['Officers', 'officer'],
    ['Other attendees', 'attendee'],
    ['Guests and observers', 'guest'],
  ];
  for (const [title, category] of sections) {
    const rows = record.attendance.filter((a) => a.category === category).map((a) => presentRow(record, a));
    if (rows.length) blocks.push({ type: 'section-heading', text: title }, { type: 'name-list', rows });
  }
  const apologies = members.filter((a) => a.status === 'apologies').map((a) => ({ name: a.name, detail: detailOf(a.role, a.organisation) }));
  if (apologies.length) blocks.push({ type: 'section-heading', text: 'Apologies for absence' }, { type: 'name-list', rows: apologies });
  return blocks;
}

function declarationBlocks(record: MeetingRecord, style: HouseStyle): Block[] {
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: `The ${style.chairTitle} invited members who wished to do so to declare any interests in respect of items on the agenda for the meeting.`,
    },
  ];
  if (record.declarations.length === 0) blocks.push({ type: 'paragraph', text: 'No declarations were made.' });
  for (const d of record.declarations) blocks.push({ type: 'paragraph', text: declarationText(d, record, style.chairTitle) });
  return blocks;
}

export function buildMinutes(
  record: MeetingRecord,
  options: { style?: HouseStyle; firstMinuteNumber?: number; draft?: boolean } = {},
): MinutesDocument {
  const style = options.style ?? DEFAULT_HOUSE_STYLE;
  const blocks: Block[] = [{ type: 'opening', text: openingLine(record) }, ...attendanceBlocks(record)];

  const hasDeclarationsItem = record.items.some((i) => i.kind === 'declarations');
  if (!hasDeclarationsItem && record.declarations.length > 0) {
    for (const d of record.declarations) blocks.push({ type: 'paragraph', text: declarationText(d, record, style.chairTitle) });
  }
  const byTime = (a: { time: string; id: number }, b: { time: string; id: number }) => (a.time === b.time ? a.id - b.id : a.time < b.time ? -1 : 1);
  for (const m of record.movements.filter((m) => m.agendaItemId === null).sort(byTime)) {
    blocks.push({ type: 'paragraph', text: movementText(m, record) });
  }

  let number = options.firstMinuteNumber ?? 1;
  for (const item of record.items) {
    blocks.push({ type: 'minute-heading', number: number++, agendaNumber: item.agendaNumber, text: item.title });
    if (item.exempt && item.exemptParagraph !== null) {
      blocks.push({
        type: 'paragraph',
        text: `This item was considered in private (exempt information under paragraph ${item.exemptParagraph} of Schedule 12A to the Local Government Act 1972: ${SCHEDULE_12A_PARAGRAPHS[item.exemptParagraph]?.toLowerCase()}).`,
      });
    }
    if (item.kind === 'declarations') blocks.push(...declarationBlocks(record, style));
    for (const m of record.movements.filter((m) => m.agendaItemId === item.id).sort(byTime)) {
      blocks.push({ type: 'paragraph', text: movementText(m, record) });
    }
    for (const c of record.chairChanges.filter((c) => c.agendaItemId === item.id)) {
      blocks.push({ type: 'paragraph', text: chairChangeText(c, record) });
    }
  }

  if (record.closedAt) blocks.push({ type: 'closing', text: `The meeting closed at ${formatTime(record.closedAt)}.` });
  blocks.push({ type: 'signature', chairTitle: style.chairTitle });
  return {
    title: `Minutes of the ${record.body.name}, ${formatLongDate(record.date)}`,
    bodyName: record.body.name,
    meetingDate: record.date,
    draft: options.draft ?? true,
    blocks,
  };
}

const letter = (index: number, style: 'alpha' | 'roman') =>
  style === 'alpha' ? String.fromCharCode(97 + index) : ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'][index] ?? String(index + 1);

/** Plain text, one block per paragraph: what tests and the preview check read. */
export function minutesToText(doc: MinutesDocument): string {
  const out: string[] = [];
  if (doc.draft) out.push('DRAFT');
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'opening':
      case 'section-heading':
      case 'chair':
      case 'paragraph':
      case 'closing':
        out.push(b.text);
        break;
      case 'name-list':
        out.push(b.rows.map((r) => (r.detail ? `${r.name}\t${r.detail}` : r.name)).join('\n'));
        break;
      case 'minute-heading':
        out.push(`${b.number}. ${b.text}`);
        break;
      case 'lettered':
        out.push(b.items.map((t, i) => `(${letter(i, b.style)}) ${t}`).join('\n'));
        break;
      case 'decision':
        out.push(`${b.label}:`);
        out.push(b.resolutions.length === 1 ? b.resolutions[0]! : b.resolutions.map((t, i) => `(${letter(i, 'alpha')}) ${t}`).join('\n'));
        break;
      case 'signature':
        out.push(`${b.chairTitle}\n\nDate`);
        break;
    }
  }
  return out.join('\n\n');
}

export { letter as letterFor };
