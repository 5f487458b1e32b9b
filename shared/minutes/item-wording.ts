/**
 * The standard wording of each item's minute: opening sentences, the
 * standard items, motions and votes, the order of business and exclusion of
 * the public. Pure; the minutes document assembles these.
 */
import { formatDate, formatLongDate, formatTime } from '../format';
import type { AgendaItem, MeetingRecord, Motion, VoteChoice } from '../model';
import { municipalYearLabel } from '../rules/numbering';
import { authorFromPresenter } from './standard-items';
import { bodyReference, sentence } from './wording';

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
  const year = municipalYearLabel(record.date, record.body.yearStartMonth);
  const previous = record.previousMeeting;
  switch (item.kind) {
    case 'appointment_chair':
    case 'appointment_deputy': {
      const name = electedName(item, record);
      if (!name) return [];
      const office = item.kind === 'appointment_chair' ? chairTitle : `Deputy ${chairTitle}`;
      return [`It was proposed, seconded, and AGREED that ${name} be elected ${office} of the ${bodyName} for ${year}.`];
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

const nameOf = (record: MeetingRecord, attendanceId: number | null) =>
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
  const proposer = nameOf(record, m.proposerId);
  const seconder = nameOf(record, m.seconderId);
  const words = motionWords(m.text);
  const opening =
    proposer || seconder
      ? `${m.kind === 'amendment' ? 'An amendment was' : 'It was'} moved${proposer ? ` by ${proposer}` : ''} and seconded${seconder ? ` by ${seconder}` : ''}`
      : `${m.kind === 'amendment' ? 'An amendment was' : 'It was'} proposed and seconded`;
  const out = [sentence(`${opening}${words ? ` ${words}` : ''}`)];
  if (m.recorded && m.names.length && (m.outcome === 'carried' || m.outcome === 'lost')) {
    out.push('A recorded vote having been requested, the voting was as follows:');
    for (const choice of ['for', 'against', 'abstained'] as const) {
      const names = m.names.filter((n) => n.choice === choice).map((n) => nameOf(record, n.attendanceId)).filter(Boolean);
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
