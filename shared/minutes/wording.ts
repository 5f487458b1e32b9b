/**
 * Every sentence the app writes, in the reference minutes' style, in one
 * place: the opening line and attendance notes, declarations, arrivals and
 * departures, changes of chair, the opening sentences and standard items of
 * each minute, motions and votes, the next meeting, the order of business,
 * the exclusion of the public, exempt items and the closing line. Pure: the
 * minutes document (document.ts) assembles these, and the live screen shows
 * them for the clerk to edit in place.
 */
import { formatDate, formatLongDate, formatTime } from '../format';
import {
  INTEREST_CATEGORY_LABELS,
  SCHEDULE_12A_PARAGRAPHS,
  type AgendaItem,
  type BodyKind,
  type ChairChange,
  type Declaration,
  type MeetingRecord,
  type Motion,
  type Movement,
  type VoteChoice,
} from '../model';
import { municipalYearLabel } from '../rules/numbering';
import { authorFromPresenter } from './standard-items';

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

/* ---------- The meeting as a whole ---------- */

/** "Minutes of a meeting of the <body> held at <venue> on Friday, 11 December 2020." */
export function openingLine(record: MeetingRecord): string {
  const venue = record.venue.trim();
  const teams = 'via Microsoft Teams';
  const where =
    record.mode === 'teams'
      ? ` ${teams}`
      : record.mode === 'hybrid'
        ? venue
          ? ` at ${venue} and ${teams}`
          : ` ${teams}`
        : venue
          ? ` at ${venue}`
          : '';
  return `Minutes of a meeting of the ${record.body.name.trim()} held${where} on ${formatLongDate(record.date)}.`;
}

/** "Mrs D. Taylor CC (in the Chair)": the first line of PRESENT. */
export const inTheChair = (name: string) => `${name.trim()} (in the Chair)`;

/** "(substitute for Cllr. L. Hart; attended remotely)" after an attendee's role and organisation, or ''. */
export function attendanceNote(substituteFor: string | null, remote: boolean): string {
  const notes: string[] = [];
  if (substituteFor) notes.push(`substitute for ${substituteFor.trim()}`);
  if (remote) notes.push('attended remotely');
  return notes.length ? `(${notes.join('; ')})` : '';
}

/** The Chair's invitation that opens the declarations of interest minute. */
export const declarationsInvitation = (chairTitle: string) =>
  `The ${chairTitle} invited members who wished to do so to declare any interests in respect of items on the agenda for the meeting.`;
export const NO_DECLARATIONS = 'No declarations were made.';

/** The public minute's words for an exempt item; the exempt minute itself is kept apart. */
export function exemptItemText(paragraph: number | null): string {
  const under = paragraph !== null && SCHEDULE_12A_PARAGRAPHS[paragraph] ? `paragraph ${paragraph} of ` : '';
  return `This item was considered in private (exempt information under ${under}Schedule 12A to the Local Government Act 1972).`;
}

/** The same words as the Word writer's exempt citation (electron/export/minutes-docx.ts). */
export function exemptCitationText(paragraphs: readonly number[]): string {
  const list = [...new Set(paragraphs)].sort((a, b) => a - b).map(String);
  const joined = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : (list[0] ?? '');
  const which = list.length ? `paragraph${list.length > 1 ? 's' : ''} ${joined} of ` : '';
  return `by virtue of ${which}Part 1 of Schedule 12A to the Local Government Act 1972`;
}

/** "The meeting closed at 12.05 pm." */
export const closingText = (closedAt: string) => `The meeting closed at ${formatTime(closedAt)}.`;

/* ---------- Each item's minute ---------- */

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/[\s.;,:]+$/, '');

/** The item's author as printed: the clerk's own entry, else taken from the agenda's presenter line. */
export const authorOf = (item: AgendaItem) => tidy(item.author) || authorFromPresenter(item.presenter);

/** Joins a topic on: "which set out ..." and "regarding ..." stand as typed; anything else is "regarding <topic>". */
function topicClause(topic: string, forReport: boolean): string {
  const t = tidy(topic);
  if (!t) return '';
  const lowered = t.charAt(0).toLowerCase() + t.slice(1);
  // "which …" joins on as typed: the clerk types the comma when the minutes have one (", which set out …").
  if (/^,/.test(t)) return `, ${tidy(t.slice(1))}`;
  if (/^(the purpose of which)\b/i.test(t)) return `, ${lowered}`;
  if (/^(which|whose)\b/i.test(t)) return ` ${lowered}`;
  if (/^(regarding|concerning|about|on|setting out|seeking|providing|informing|outlining|updating)\b/i.test(t)) return ` ${lowered}`;
  return forReport ? `, which provided an update regarding ${t}` : ` regarding ${t}`;
}

/** The filed-document clause: the standard one for the form, none, or the document the clerk named. */
function filedClause(item: AgendaItem, standard: string | null): string {
  const marked = `marked 'Agenda Item ${item.agendaNumber}'`;
  if (item.filed === '' ) return '';
  const named = item.filed?.replace(/\s+/g, ' ').trim().replace(/[.]+$/, '');
  if (named) return ` A copy of ${named}, ${marked}, is filed with these minutes.`;
  return standard === null ? '' : ` ${standard.replace('{marked}', marked)}`;
}

const REPORT_FILED = 'A copy of the report, {marked}, is filed with these minutes.';
const SLIDES_FILED = 'A copy of the presentation slides, {marked}, is filed with these minutes.';
const BOTH_FILED = 'Copies of the report and presentation slides, {marked}, are filed with these minutes.';

/**
 * The opening sentence in the form chosen for the item: "The Board considered
 * a report of <author>, which provided an update regarding <topic>. A copy of
 * the report, marked 'Agenda Item 7', is filed with these minutes.", "<author>
 * introduced a report …", "The Board received a presentation from …", an
 * oral or verbal update, or none. The filed-document clause can be left out
 * or name the document.
 */
export function openingSentence(item: AgendaItem, record: MeetingRecord): string {
  const body = capitalise(bodyReference(record.body.kind));
  const author = authorOf(item);
  const who = author ? capitalise(author) : body;
  switch (item.openingKind) {
    case 'report':
      return `${sentence(`${body} considered a report${author ? ` of ${author}` : ''}${topicClause(item.topic, true)}`)}${filedClause(item, REPORT_FILED)}`;
    case 'introduced':
      return `${sentence(`${author ? who : 'The report'}${author ? ' introduced a report' : ' was introduced'}${topicClause(item.topic, true)}`)}${filedClause(item, REPORT_FILED)}`;
    case 'presentation':
      return `${sentence(`${body} received a presentation${author ? ` from ${author}` : ''}${topicClause(item.topic, false)}`)}${filedClause(item, SLIDES_FILED)}`;
    case 'report_presentation':
      return `${sentence(`${body} considered a report and presentation${author ? ` from ${author}` : ''}${topicClause(item.topic, false)}`)}${filedClause(item, BOTH_FILED)}`;
    case 'verbal':
      return `${sentence(`${body} received a verbal update${author ? ` from ${author}` : ''}${topicClause(item.topic, false)}`)}${filedClause(item, null)}`;
    case 'oral':
      return `${sentence(`${body} received an oral update${author ? ` from ${author}` : ''}${topicClause(item.topic, false)}`)}${filedClause(item, null)}`;
    case 'provided_oral':
      return `${sentence(`${author ? who : 'An oral update was'}${author ? ' provided an oral update' : ' provided'}${topicClause(item.topic, false)}`)}${filedClause(item, null)}`;
    case 'none':
    default:
      return '';
  }
}

/** Dates typed for the next meeting: one per line (or separated by semicolons). */
const datesOf = (detail: string) =>
  detail
    .split(/\n|;/)
    .map((d) => tidy(d))
    .filter(Boolean);

/**
 * The date of the next meeting in the form chosen: "It was NOTED that the next
 * meeting of the Board would be held on …" or "RESOLVED: That the next meeting
 * of the Board take place on …"; several dates are listed after "future
 * meetings … on the following dates:".
 */
export function nextMeetingWording(item: AgendaItem, record: MeetingRecord): { text: string; decision: 'RESOLVED' | null; dates: string[] } | null {
  const body = bodyReference(record.body.kind);
  const form = item.nextForm ?? 'noted_held';
  const resolved = form.startsWith('resolved');
  const takePlace = form.endsWith('take_place');
  const dates = datesOf(item.detail);
  const next = record.nextMeeting;
  const when = dates.length === 1 ? dates[0]! : dates.length === 0 && next ? `${formatLongDate(next.date)} at ${formatTime(next.startTime)}` : '';
  if (dates.length > 1) {
    const verb = resolved ? (takePlace ? 'take place' : 'be held') : takePlace ? 'would take place' : 'would be held';
    const text = `${resolved ? 'That' : 'It was NOTED that'} future meetings of ${body} ${verb} on the following dates:`;
    return { text, decision: resolved ? 'RESOLVED' : null, dates };
  }
  if (!when) return null;
  const verb = resolved ? (takePlace ? 'take place on' : 'be held on') : takePlace ? 'would take place on' : 'would be held on';
  return { text: sentence(`${resolved ? 'That' : 'It was NOTED that'} the next meeting of ${body} ${verb} ${when}`), decision: resolved ? 'RESOLVED' : null, dates: [] };
}

export const DEFAULT_POINTS_INTRO = 'Arising from discussions the following points were noted:';

/** The sentence before the lettered points, always ending with a colon. */
export const pointsIntro = (item: AgendaItem) => `${tidy(item.pointsIntro) || tidy(DEFAULT_POINTS_INTRO)}:`;

/** Who is elected at an appointment item: the clerk's entry, else who took the Chair at the item. */
function electedName(item: AgendaItem, record: MeetingRecord): string {
  const given = tidy(item.detail);
  if (given) return given;
  if (item.kind !== 'appointment_chair') return '';
  const change = record.chairChanges.find((c) => c.agendaItemId === item.id);
  return change ? (record.attendance.find((a) => a.id === change.attendanceId)?.name.trim() ?? '') : '';
}

/**
 * The pre-worded paragraphs of a standard item. `hasOwnWords` is whether the
 * clerk has minuted anything of their own on it: a "there was nothing"
 * sentence gives way to the clerk's words.
 */
export function standardParagraphs(
  item: AgendaItem,
  record: MeetingRecord,
  chairTitle: string,
  hasOwnWords: boolean,
): string[] {
  const body = bodyReference(record.body.kind);
  const bodyName = body.replace(/^the /, '');
  const previous = record.previousMeeting;
  switch (item.kind) {
    case 'appointment_chair':
    case 'appointment_deputy': {
      const name = electedName(item, record);
      if (!name) return [];
      const office = item.kind === 'appointment_chair' ? chairTitle : `Deputy ${chairTitle}`;
      return [`It was proposed, seconded, and AGREED that ${name} be elected ${office} of the ${bodyName} for ${municipalYearLabel(record.date, record.body.yearStartMonth)}.`];
    }
    case 'introductions':
      // The welcome stays when the clerk adds words of their own; it is edited or removed like any standard wording.
      return [`The ${chairTitle} welcomed everyone to the meeting and introductions were made.`];
    case 'previous_minutes': {
      const date = previous?.date ?? record.previousDate ?? null;
      const held = date ? `the meeting held on ${formatDate(date)}` : 'the previous meeting';
      const amendment = tidy(item.detail);
      const subject = amendment ? `, subject to ${/^an? /i.test(amendment) ? '' : 'an amendment to '}${amendment}` : '';
      const words = `The minutes of ${held} were taken as read and confirmed as a correct record${subject}`;
      // An amendment quoting a whole sentence ('… to read “That the report be approved.”') ends the sentence itself.
      return [/[.!?][”’"']$/.test(words) ? words : sentence(words)];
    }
    case 'matters_arising': {
      if (hasOwnWords) return [];
      const date = previous?.date ?? record.previousDate ?? null;
      const of = date ? `the meeting on ${formatDate(date)}` : 'the previous meeting';
      return [`There were no matters arising from the minutes of ${of}.`];
    }
    case 'action_log':
      return [
        `${capitalise(body)} considered the ${tidy(item.title) || 'Action Log'}, a copy of which, marked 'Agenda Item ${item.agendaNumber}', is filed with these minutes.`,
      ];
    case 'other_business':
      return hasOwnWords ? [] : ['There was no other business.'];
    default:
      return [];
  }
}

/** "The Chairman sought and obtained the consent of the Board to vary the order of business ..." */
export function orderOfBusinessText(record: MeetingRecord, chairTitle: string): string {
  return `The ${chairTitle} sought and obtained the consent of ${bodyReference(record.body.kind)} to vary the order of business from that set out on the agenda for the meeting.`;
}

const listJoin = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

/** The resolution excluding the press and public for a run of exempt items, citing each Schedule 12A paragraph. */
export function exclusionResolution(items: readonly AgendaItem[]): string {
  const paragraphs = [...new Set(items.map((i) => i.exemptParagraph).filter((p): p is number => p !== null))].sort((a, b) => a - b);
  const many = items.length > 1;
  const cited = paragraphs.length ? `paragraph${paragraphs.length > 1 ? 's' : ''} ${listJoin(paragraphs.map(String))} of ` : '';
  return (
    `That under Section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the following ` +
    `${many ? 'items' : 'item'} of business on the grounds that ${many ? 'they involve' : 'it involves'} the likely disclosure of exempt ` +
    `information as defined in ${cited}Part 1 of Schedule 12A of the Act.`
  );
}

/** Withdrawn and deferred items: one sentence. */
export function outcomeText(item: AgendaItem): string {
  return item.outcome === 'withdrawn' ? 'This item was withdrawn from the agenda.' : 'This item was deferred to a future meeting.';
}

const motionName = (record: MeetingRecord, attendanceId: number | null) =>
  attendanceId === null ? '' : (record.attendance.find((a) => a.id === attendanceId)?.name.trim() ?? '');

/** "that the recommendations be approved": a motion's words joined on after "moved ... that". */
function motionWords(text: string): string {
  const t = tidy(text);
  if (!t) return '';
  return /^that\b/i.test(t) ? `that${t.slice(4)}` : `that ${t.charAt(0).toLowerCase()}${t.slice(1)}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "(7 for, 2 against, 1 abstention)" from the counts given. */
export function voteCounts(m: Pick<Motion, 'votesFor' | 'votesAgainst' | 'votesAbstained'>): string {
  const parts: string[] = [];
  if (m.votesFor !== null) parts.push(`${m.votesFor} for`);
  if (m.votesAgainst !== null) parts.push(`${m.votesAgainst} against`);
  if (m.votesAbstained !== null) parts.push(plural(m.votesAbstained, 'abstention', 'abstentions'));
  return parts.length ? ` (${parts.join(', ')})` : '';
}

const CHOICE_HEADINGS: Record<VoteChoice, string> = {
  for: 'For the',
  against: 'Against the',
  abstained: 'Abstained',
};

/**
 * A motion or amendment as minuted: who moved and seconded it, what it said,
 * the outcome with its counts, and the names of a recorded vote.
 */
export function motionParagraphs(m: Motion, record: MeetingRecord): string[] {
  const noun = m.kind === 'amendment' ? 'amendment' : 'motion';
  const proposer = motionName(record, m.proposerId);
  const seconder = motionName(record, m.seconderId);
  const words = motionWords(m.text);
  const opening =
    proposer || seconder
      ? `${m.kind === 'amendment' ? 'An amendment was' : 'It was'} moved${proposer ? ` by ${proposer}` : ''} and seconded${seconder ? ` by ${seconder}` : ''}`
      : `${m.kind === 'amendment' ? 'An amendment was' : 'It was'} proposed and seconded`;
  const out = [sentence(`${opening}${words ? ` ${words}` : ''}`)];
  if (m.recorded && m.names.length && (m.outcome === 'carried' || m.outcome === 'lost')) {
    out.push('A recorded vote having been requested, the voting was as follows:');
    for (const choice of ['for', 'against', 'abstained'] as const) {
      const names = m.names.filter((n) => n.choice === choice).map((n) => motionName(record, n.attendanceId)).filter(Boolean);
      const heading = choice === 'abstained' ? 'Abstained' : `${CHOICE_HEADINGS[choice]} ${noun}`;
      out.push(`${heading}: ${names.length ? `${listJoin(names)} (${names.length})` : 'none'}.`);
    }
  }
  switch (m.outcome) {
    case 'carried':
      out.push(`The ${noun} was put to the vote and was CARRIED${voteCounts(m)}.`);
      break;
    case 'lost':
      out.push(`The ${noun} was put to the vote and was LOST${voteCounts(m)}.`);
      break;
    case 'withdrawn':
      out.push(`The ${noun} was withdrawn with the consent of the meeting.`);
      break;
    case 'pending':
      break;
  }
  return out;
}
