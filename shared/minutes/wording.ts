/**
 * Standard wording for what happens in the room, in the reference minutes'
 * style. Pure: the live screen shows these sentences as the clerk records,
 * and the minutes document prints them.
 */
import { formatTime } from '../format';
import {
  INTEREST_CATEGORY_LABELS,
  type BodyKind,
  type ChairChange,
  type Declaration,
  type MeetingRecord,
  type Movement,
} from '../model';

/** "the Board", "the Committee", "the Sub-Committee": how the minutes refer to the body. */
export function bodyReference(kind: BodyKind): string {
  return `the ${kind}`;
}

const nameOf = (record: MeetingRecord, attendanceId: number) =>
  record.attendance.find((a) => a.id === attendanceId)?.name.trim() || 'A member';

/**
 * Remembers a pure text function's answers. The live preview rebuilds the
 * whole minutes on every keystroke, and all but one of a meeting's hundreds
 * of passages are the same strings as last time: each is tidied once.
 */
function remembered(fn: (text: string) => string): (text: string) => string {
  const answers = new Map<string, string>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = fn(text);
      // Bounded: a long session's superseded drafts are let go.
      if (answers.size >= 5000) answers.clear();
      answers.set(text, answer);
    }
    return answer;
  };
}

/** Single spaces, no stray space before punctuation, and exactly one full stop at the end. */
export const sentence = remembered(sentenceOf);
function sentenceOf(text: string): string {
  const tidy = text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:.])/g, '$1')
    .trim()
    .replace(/[\s.;,:]+$/, '');
  return `${tidy}.`;
}

/** Single spaces, and a full stop added unless the text already ends a sentence. */
export const finished = remembered(finishedOf);
function finishedOf(text: string): string {
  const tidy = text.replace(/\s+/g, ' ').trim().replace(/[\s;,:]+$/, '');
  return /[.!?)"'’”]$/.test(tidy) ? tidy : `${tidy}.`;
}

/** Words a nature can start with that already join on to "declared an interest ...". */
const CONNECTIVES = /^(as|because|since|in that|being|by virtue of|owing to|due to|through|arising from|relating to|in respect of|in relation to|regarding|concerning|via)\b/i;
/** Verbs a clerk often starts a nature with ("owns a shop ..."): the member's name is put before them. */
const VERBS =
  /^(is|was|has|had|owns|holds|works|worked|lives|receives|chairs|sits|employs|manages|runs|rents|leases|acts|volunteers|serves|represents|knows|attends|teaches|supports|uses|belongs)\b/i;
/** The nature joined on naturally: " as a trustee of ...", " as Cllr. L. Hart owns ...", " because ...". */
export function natureClause(nature: string, name: string): string {
  let n = nature.replace(/\s+/g, ' ').trim().replace(/[\s.;,:]+$/, '');
  if (!n) return '';
  // A capital the clerk typed at the start of a connective, verb or article is lower case in running text.
  const lowered = n.charAt(0).toLowerCase() + n.slice(1);
  if (CONNECTIVES.test(lowered) || VERBS.test(lowered) || /^(a|an|the) /.test(lowered)) n = lowered;
  if (CONNECTIVES.test(n)) return ` ${n}`;
  if (VERBS.test(n)) return ` as ${name} ${n}`;
  return ` as ${n}`;
}

/**
 * One paragraph for a declaration of interest: who, the interest, the item,
 * its nature (unless sensitive), any dispensation, and what the member did.
 * No pronouns: the member's name is repeated.
 */
export function declarationText(d: Declaration, record: MeetingRecord, _chairTitle = 'Chairman'): string {
  const name = nameOf(record, d.attendanceId);
  const item = d.agendaItemId === null ? undefined : record.items.find((i) => i.id === d.agendaItemId);
  const where = item ? ` in agenda item ${item.agendaNumber} (${item.title.trim().replace(/\.$/, '')})` : '';
  const category = d.category ? INTEREST_CATEGORY_LABELS[d.category] : 'interest';
  const article = /^[aeiou]/i.test(category) ? 'an' : 'a';
  const nature = d.sensitive ? ', the nature of which is sensitive and is not recorded' : natureClause(d.nature, name);
  // The clerk's own wording ("declared that he was employed by …") is printed after the name as typed.
  const own = !d.sensitive && /^declared\b/i.test(d.nature.trim());
  const parts = [own ? finished(`${name} ${d.nature.trim().replace(/^Declared/, 'declared')}`) : sentence(`${name} declared ${article} ${category}${where}${nature}`)];

  const dispensation = d.dispensation.replace(/\s+/g, ' ').trim().replace(/[\s.]+$/, '');
  if (dispensation) parts.push(sentence(`A dispensation had been granted (${dispensation}) allowing ${name} to take part`));

  const at = d.leftAt ? ` at ${formatTime(d.leftAt)}` : '';
  const back = d.returnedAt ? `, returning at ${formatTime(d.returnedAt)}` : '';
  switch (d.action) {
    case 'not_recorded':
      break;
    case 'remained':
      parts.push(sentence(`${name} remained in the meeting and took part in the discussion and vote on the item`));
      break;
    case 'left_no_part':
      parts.push(sentence(`${name} left the meeting${at} for that item and took no part in the discussion or vote${back}`));
      break;
    case 'spoke_then_left':
      parts.push(
        sentence(
          `${name} addressed the meeting as a member of the public and then left the meeting${at} for the remainder of the item, taking no part in the vote${back}`,
        ),
      );
      break;
    case 'did_not_vote':
      parts.push(sentence(`${name} remained in the meeting but did not vote on the item`));
      break;
  }
  return parts.join(' ');
}

/**
 * A late arrival or early departure. Stamped with an item on the agenda, it
 * is minuted inside that item ("... during consideration of this item");
 * otherwise before the first minute.
 */
export function movementText(m: Movement, record: MeetingRecord): string {
  const name = nameOf(record, m.attendanceId);
  const during = m.agendaItemId !== null && record.items.some((i) => i.id === m.agendaItemId) ? ' during consideration of this item' : '';
  return m.kind === 'arrived'
    ? sentence(`${name} arrived at ${formatTime(m.time)}${during}`)
    : sentence(`${name} left the meeting at ${formatTime(m.time)}${during}`);
}

/** "Mrs D. Taylor CC in the Chair." */
export function chairChangeText(c: ChairChange, record: MeetingRecord): string {
  return sentence(`${nameOf(record, c.attendanceId)} in the Chair`);
}

/**
 * Resolutions as printed: several end "...;" with the last ending "."; a
 * single one ends ".". Blocks carry resolutions already punctuated, so the
 * preview and the Word writer print them as they are.
 */
const resolutionText = remembered((r) => r.replace(/\s+/g, ' ').trim().replace(/[\s.;,:]+$/, ''));
export function punctuateResolutions(resolutions: string[]): string[] {
  const tidy = resolutions.map(resolutionText).filter(Boolean);
  return tidy.map((r, i) => (i < tidy.length - 1 ? `${r};` : `${r}.`));
}
