/** Standard wording for what happens in the room, in the reference minutes' style. */
import { formatTime } from '../format';
import { INTEREST_CATEGORY_LABELS, type ChairChange, type Declaration, type MeetingRecord, type Movement } from '../model';

const nameOf = (record: MeetingRecord, attendanceId: number) => record.attendance.find((a) => a.id === attendanceId)?.name ?? 'A member';

/** Tidies spacing and ends with exactly one full stop. */
function sentence(text: string): string {
  const tidy = text.replace(/\s+/g, ' ').trim().replace(/[.\s]+$/, '');
  return `${tidy}.`;
}

function natureClause(nature: string): string {
  const n = nature.trim().replace(/\.$/, '');
  if (!n) return '';
  return /^(as|because|since|in that|being)\b/i.test(n) ? ` ${n}` : ` as ${n}`;
}

export function declarationText(d: Declaration, record: MeetingRecord, _chairTitle = 'Chairman'): string {
  const name = nameOf(record, d.attendanceId);
  const item = record.items.find((i) => i.id === d.agendaItemId);
  const where = item ? `agenda item ${item.agendaNumber} (${item.title})` : 'an agenda item';
  const parts: string[] = [];
  const nature = d.sensitive ? ', the nature of which is sensitive and is not recorded' : natureClause(d.nature);
  const category = INTEREST_CATEGORY_LABELS[d.category];
  const article = /^[aeiou]/i.test(category) ? 'an' : 'a';
  parts.push(sentence(`${name} declared ${article} ${category} in ${where}${nature}`));
  if (d.dispensation.trim()) {
    parts.push(sentence(`A dispensation had been granted (${d.dispensation.trim().replace(/\.$/, '')}) allowing ${name} to take part`));
  }
  const at = d.leftAt ? ` at ${formatTime(d.leftAt)}` : '';
  const back = d.returnedAt ? `, returning at ${formatTime(d.returnedAt)}` : '';
  switch (d.action) {
    case 'remained':
      parts.push(sentence(`${name} remained in the meeting and took part in the discussion and vote on the item`));
      break;
    case 'left_no_part':
      parts.push(sentence(`${name} left the meeting for that item${at}${back} and took no part in the discussion or vote`));
      break;
    case 'spoke_then_left':
      parts.push(
        sentence(`${name} addressed the meeting as a member of the public and then left the meeting${at} for the remainder of the item${back}, taking no part in the vote`),
      );
      break;
    case 'did_not_vote':
      parts.push(sentence(`${name} remained in the meeting but did not vote on the item`));
      break;
  }
  return parts.join(' ');
}

export function movementText(m: Movement, record: MeetingRecord): string {
  const name = nameOf(record, m.attendanceId);
  const during = m.agendaItemId !== null ? ' during consideration of this item' : '';
  return m.kind === 'arrived'
    ? sentence(`${name} arrived at ${formatTime(m.time)}${during}`)
    : sentence(`${name} left the meeting at ${formatTime(m.time)}${during}`);
}

export function chairChangeText(c: ChairChange, record: MeetingRecord): string {
  return sentence(`${nameOf(record, c.attendanceId)} in the Chair`);
}
