/**
 * Past minutes -> a structured past meeting (issue 18). Pure: the lines come
 * from pasted text (a council's web page as copied, a printed minutes
 * document) or from the paragraphs of a .docx (electron/import/minutes-docx.ts
 * writes Word's list markers back in), and the same reader places them all.
 *
 * What is read: the opening line ("Minutes of a meeting of <body> held at
 * <venue> on <date>.") or a ModernGov page heading ("<body> - Friday, 24
 * September 2021 10.00 am" and "Venue: …"); the attendance blocks (PRESENT,
 * in the Chair, Officers, Other attendees, Apologies, Substitutes); each
 * minute with its number and title, then its blocks in order: paragraphs,
 * lists of points ("(i)", "(a)", "1.", "•") with the paragraph ending in a
 * colon before them as their introduction, and decisions (a label, then one
 * plain resolution or lettered ones); and the close time. A ModernGov page
 * copied as text has lost its minute numbers and labels (they are page
 * layout), so there a title is a line the page marks as one (its papers'
 * link, a standard item's title) and a resolution a line beginning "That".
 *
 * Nothing is dropped silently: a line that fits nowhere stays a paragraph of
 * the minute it is in; lines removed are the page's own furniture (links to
 * papers, the agenda's presenter lines, page breaks), listed below.
 */
import { MINUTE_NUMBER_FORMS, type DecisionLabel, type ListStyle, type MeetingMode, type MinuteNumberForm, type ResolutionBracket, type ResolutionStyle } from '../model';
import { recogniseStandardItem } from '../minutes/recognise';
import { MAX_ITEMS, TEXT_CHARS } from '../limits';
import { formatLongDate } from '../format';
import { BELOW_HEADING, isMinuteNumberForm } from '../rules/numbering';
import { DATE, DATE_MONTH_FIRST, hasDate, isoDate, MONTH_WORD, yearOfDate } from './past-date';
import { isSignatureLine } from '../minutes/signature';
import { placeActions, readActionTables, type PastAction } from './past-actions';

export type { PastAction } from './past-actions';

export interface PastPerson {
  name: string;
  /** Role and organisation as printed ("Group Chair – Blaby District Council"), with any note after them ("(attended remotely)"). */
  detail: string;
  /** The note after the name says they took part remotely ("(remote)", "(via Teams)", "(attended virtually)"). */
  remote?: boolean;
  /** The member they stood in for, as the note names them ("(substitute for Cllr B. Green)"), or null. */
  substituteFor?: string | null;
  /**
   * How they are saved: a member of the body (matched by name, or `memberId`, or added), an officer, another
   * attendee or a guest. Unset: as the block they were read in says (PRESENT and apologies members, Officers
   * and In attendance officers, Also present attendees, Guests guests).
   */
  as?: PastRole;
  /** The body's member they are, where the clerk chose one in the preview (else matched by name, or added). */
  memberId?: number | null;
}

export type PastRole = 'member' | 'officer' | 'attendee' | 'guest';

/** How a person read in `list` is saved, unless the clerk chose otherwise. */
export function roleOf(p: PastPerson, list: 'chair' | 'present' | 'substitutes' | 'apologies' | 'absent' | 'officers' | 'others'): PastRole {
  if (p.as) return p.as;
  if (list === 'officers') return 'officer';
  if (list === 'others') return 'attendee';
  return 'member';
}

/** A declaration of interest read from its paragraph ("Cllr A. Brown declared a personal interest in item 6 as …"). */
export interface PastDeclaration {
  /** The person declaring, as named in the attendance. */
  person: string;
  /** The minute it concerns (an index into the meeting's minutes), or null when none is named. */
  minute: number | null;
  /** The declaration after the name, as printed ("declared that he was employed by …"): the app's own-wording form. */
  nature: string;
  category: 'dpi' | 'other_registrable' | 'non_registrable' | null;
  action: 'not_recorded' | 'remained' | 'left_no_part' | 'did_not_vote';
}

export interface PastAttendance {
  chair: PastPerson | null;
  present: PastPerson[];
  officers: PastPerson[];
  others: PastPerson[];
  apologies: PastPerson[];
  substitutes: PastPerson[];
  /** Under "Absent": members neither present nor sending apologies, as printed (a parish council's minutes list them). */
  absent: PastPerson[];
}

export type PastBlock =
  /** A paragraph; one that records a declaration of interest says so (its words are still printed as read). */
  | { type: 'paragraph'; text: string; declaration?: PastDeclaration }
  /** A list of points; start is the 0-based index of its first marker ((ii) after a paragraph = 1). */
  | { type: 'points'; style: ListStyle; start: number; intro: string | null; items: string[] }
  /**
   * `intro`: the label's line as printed when it leads into lettered or numbered resolutions ("RESOLVED – That:"), or
   * carries its paragraph's number ("1.4 RESOLVED:"), printed in place of "RESOLVED:". `style`: how its resolutions are
   * marked as printed ("(1)", "(i)" …); absent, lettered (a), (b). `bracket`: 'close' where the markers were printed
   * with a closing bracket alone ("1)", "i)", "a)").
   */
  | { type: 'decision'; label: DecisionLabel; resolutions: string[]; intro?: string | null; style?: ResolutionStyle; bracket?: ResolutionBracket; runOn?: boolean };

export interface PastMinute {
  /** As printed; null where the source shows none (a web page copied as text). */
  number: number | null;
  /**
   * Printed as a heading with no number before the numbered minutes ("Chair's announcements", "Public participation"
   * above "1. Apologies"): it takes no number, and the numbered minutes keep theirs. Its `number` is null.
   */
  unnumbered?: boolean;
  title: string;
  blocks: PastBlock[];
  /** The agenda item it minutes, as the minute cites it ("marked 'Agenda Item 6'"), or null. */
  agendaRef?: number | null;
  /** Taken after the public were excluded: the Schedule 12A paragraph the exclusion cites, or null. */
  exempt?: number | null;
}

export interface PastMeeting {
  /** The body as the minutes name it. */
  bodyName: string;
  date: string;
  /** HH:MM, or null when the minutes do not say. */
  startTime: string | null;
  venue: string;
  mode: MeetingMode;
  attendance: PastAttendance;
  minutes: PastMinute[];
  closedAt: string | null;
  /** Words printed after the attendance and before the first minute that are not attendance ("The Chairman welcomed …"), kept there. */
  preamble?: string[];
  /** The close as printed ("The meeting closed at 8.40p.m."), kept as the meeting's closing sentence; absent when none was read. */
  closingLine?: string;
  /** Words printed after the closing line ("Signed ……… Chairman", "Parish Clerk", the clerk's name), kept there, line by line. */
  afterClose?: string[];
  /** How the minutes print their numbers where they are numbered within the year ("{yy}.{n}" for 21.44), and the year printed ("21"). */
  numberForm?: MinuteNumberForm;
  numberYear?: string;
  /** The rows of an action log table in the file, each placed on the minute it came from. */
  actions: PastAction[];
  /** 'printed' (an opening line and numbered minutes) or 'web' (a ModernGov page copied as text). */
  form: 'printed' | 'web';
  /** What the reader could not be sure of, for the clerk to check in the preview. */
  warnings: string[];
}

export type PastMinutesRead = { ok: true; value: PastMeeting } | { ok: false; message: string };

const TIME = /\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\.?/i;
/** A 24-hour time ("commencing at 19:00"). */
const TIME_24 = /(?:\bat\s+|^)([01]?\d|2[0-3]):([0-5]\d)\b/i;

function hhmm(text: string): string | null {
  const m = TIME.exec(text);
  if (!m) {
    const h24 = TIME_24.exec(text);
    return h24 ? `${h24[1]!.padStart(2, '0')}:${h24[2]}` : null;
  }
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (h < 1 || h > 12 || min > 59) return null;
  if (m[3]!.toLowerCase() === 'p' && h !== 12) h += 12;
  if (m[3]!.toLowerCase() === 'a' && h === 12) h = 0;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

/** A line as read: conversion marks ("#### 24.", "- (a)", "**…**") off, spaces tidied. */
export function cleanLine(raw: string): string {
  return raw
    .replace(/\u00A0/g, ' ')
    .replace(/^\s*#{1,6}\s+/, '')
    // A markdown conversion's escapes ("1\\. Minutes", "\\- item") are not the minutes' words.
    .replace(/\\([.\-*_#()[\]!+])/g, '$1')
    .replace(/\*\*(.*?)\*\*/g, '$1')
    .replace(/\*\*/g, '')
    // A table row as a conversion writes it ("2. | Election of Chairman: |"): the number and the words, the bars off.
    .replace(/^\s*\|?\s*(\d{1,3}\.)\s*\|\s*/, '$1 ')
    .replace(/\s*\|\s*$/, '')
    .replace(/^\s*[-*]\s+(?=\()/, '')
    .replace(/^\s*[-*●◦▪]\s+/, '• ')
    .replace(/^\s*•\s*/, '• ')
    .replace(/ pdf icon PDF \d+(?:\.\d+)? [KM]B$/i, '')
    .replace(/[ \u2003]+$/, '')
    .trim();
}

/** Lines that are a page's or document's furniture, not the minutes' words. */
const FURNITURE: RegExp[] = [
  /^Additional documents:?$/i,
  /^No\.\s+Item$/i,
  /^Agenda(, decisions)? and minutes$/i,
  /^Items$/i,
  /^Item No\.?\s+Item under discussion$/i,
  /^Supporting documents:?$/i,
  /^View directions$/i,
  /^Contact:/i,
  /^Page \d+$/i,
  // Page furniture of text copied from a PDF: "Page 2 of 5", "- 2 -", "2 | Page", "Chairman's initials ……".
  /^Page \d+ of \d+$/i,
  /^[-–—•]\s*\d{1,3}\s*[-–—]$/,
  /^\d{1,3}\s*\|\s*P\s?a\s?g\s?e$/i,
  /^(?:Chairman|Chair|Chairperson)[’']?s initials\b[\s_.…:]*$/i,
  /^Agenda Item \d+$/i,
  /^(Chairman|Chair|Date|Signed|CHAIRMAN|CHAIR|DATE)\s*:?$/,
  /^[_.\s]{3,}$/,
  // The item markers a ModernGov minutes document carries around each minute ("<AI1>", "</AI1>").
  /^<\/?AI\d{1,4}>$/,
];

/** The agenda's presenter line, which a web page shows above a minute. */
const PRESENTER = /(will present this (report|item)( on behalf of .+)?|will provide an? (verbal )?update|will give a presentation|will be in attendance)\.?$/i;

const LABEL = /^(RESOLVED|AGREED|NOTED)\s*[:.]?$/;
/** A label with its one resolution on the same line, after a dash or colon: "RESOLVED – That the report be noted." (not "That:", which opens a list). */
const LABEL_INLINE = /^(RESOLVED|AGREED)\s*(?:[–—:-]|\s)\s*(That\b(?!\s*[:–—-]*\s*$).+)$/;
/**
 * A label's line that leads into lettered or numbered resolutions on the lines after it:
 * "RESOLVED – That:", "RESOLVED: That the Committee:-", "RESOLVED that", "It was RESOLVED that:".
 */
const LABEL_LEAD = /^(?:It was\s+)?(RESOLVED|AGREED)(?:\s*[–—:-]\s*|\s+)(?:[Tt]hat\b[^.;]{0,80}?)\s*(?::-?|[–—-])?$|^It was\s+(RESOLVED|AGREED)\s*:?$/;
/**
 * A label's line with its lettered or numbered resolutions run on after it, on the same line:
 * "RESOLVED – That: (a) the report be noted; and (b) the Clerk write to the Highways Authority."
 * Groups: the label's part as printed, the label, the first marker, and the rest of the line.
 */
const LABEL_RUN = /^((?:It was\s+)?(RESOLVED|AGREED)(?:\s*[–—:-]\s*|\s+)(?:[Tt]hat\b[^.;()]{0,80}?)\s*(?::-?|[–—-]))\s*\(([a-z]|[ivx]{1,4}|\d{1,2})\)\s+(\S.*)$/;
/** Where one resolution ends and the next begins on such a line: its marker in brackets. */
const RUN_MARK = /\s+\(([a-z]|[ivx]{1,4}|\d{1,2})\)\s+/;
/** A resolution's marker: "(a)", "a)", "(1)", "1)", "i)". */
const RESOLUTION_MARK = /^(?:\(([a-z]{1,4}|\d{1,3})\)|([a-z]{1,4}|\d{1,3})\))\s+(\S.*)$/;
/** The style of markers that count from the start in one style (1, 2, 3 …; i, ii, iii …; a, b, c …), or null. */
function resolutionRun(marks: string[]): ResolutionStyle | null {
  const roman = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];
  if (marks.every((m, n) => m === String(n + 1))) return 'number';
  if (marks.every((m, n) => m === roman[n])) return 'roman';
  return marks.every((m, n) => m === String.fromCharCode(97 + n)) ? 'alpha' : null;
}
/** A paragraph's own number before its words, as minutes numbered paragraph by paragraph print it ("1.4 RESOLVED: That …"). */
const PARAGRAPH_NUMBER = /^(\d{1,3}\.\d{1,3})\s+(?=\S)/;
const SECTION: [RegExp, keyof PastAttendance | 'present' | 'guests'][] = [
  [/^present\s*:?$/i, 'present'],
  [/^(officers?|officers? present|officers in attendance|in attendance)\s*:?$/i, 'officers'],
  [/^(other attendees|also present|also in attendance|others? present)\s*:?$/i, 'others'],
  [/^(guests?|observers?|guests and observers|members of the public|public|press and public)\s*:?$/i, 'guests'],
  [/^(apologies|apologies for absence|apologies received)\s*:?$/i, 'apologies'],
  [/^(absent|absences)\s*:?$/i, 'absent'],
  [/^(substitutes?|substitute members?)\s*:?$/i, 'substitutes'],
];
/** A line under a heading of people that names no one ("There were no absences", "None"). */
const NO_ONE = /^(?:there (?:were|was) no (?:absences?|absentees|members? absent|apologies)|no (?:absences?|absentees|apologies(?: (?:were )?received)?)|none(?: received)?|nil)\.?$/i;

/** A heading of people with its names on the same line: "Present: Cllr A. Brown, Cllr C. Dean and Cllr E. Fox.", "Those Attending – …". */
const INLINE_SECTION: [RegExp, 'present' | 'officers' | 'others' | 'apologies' | 'absent'][] = [
  // The heading in capitals and the names after it with no colon ("PRESENT Vice Chairman (Mr. Corby, who took the chair), Mrs. Lane …").
  [/^(?:PRESENT|ATTENDING|THOSE PRESENT)[.,]?\s+(?![a-z(:–—-])(?!.*\):)(.+)$/, 'present'],
  // "Those Attending Mr M Ferrie (Chairman), …": no colon, a titled name straight after.
  [/^(?:those attending|those present)\s+(?=(?:Cllrs?\.?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\b)(.+)$/i, 'present'],
  [/^(?:also present|also in attendance)\s+(?=(?:Cllrs?\.?|Councillors?|County|Borough|District|Mr|Mrs|Ms|Miss|Dr|PCSO|PC|Rev)\b)(.+)$/i, 'others'],
  [/^APOLOGIES(?: FOR ABSENCE)?[.,]?\s+(?![a-z]|[:–—-])(.+)$/, 'apologies'],
  // "PRESENT (6 Councillors):- Pam Bullas (PB), …": a count of those present in brackets, and ":-" or ": -" after the heading.
  [/^(?:present|those present|those attending|attending|members present|councillors present)(?:\s*\((?:\d+|[a-z]+) (?:councillors|members)\))?\s*(?::\s*[–—-]?|[–—-])\s*(.+)$/i, 'present'],
  [/^(?:in attendance|officers(?: present)?|officers in attendance)\s*[:–—-]\s*(.+)$/i, 'officers'],
  [/^(?:also present|also in attendance)(?:\s+(?:via|on|by|through|remotely|virtually|online)\b[^:]{0,40})?\s*[:–—-]\s*(.+)$/i, 'others'],
  [/^apologies(?: for absence)?(?: (?:were )?received)?(?: from)?\s*[:–—-]\s*(.+)$/i, 'apologies'],
  // The sentence form: "Apologies for absence were received from Councillors R Grundy and K Horrobin."
  [/^(?:apologies for absence were|an apology for absence was)\s+(?:received|submitted|given)\s+(?:from|on behalf of)\s+(.+)$/i, 'apologies'],
  [/^absent\s*[:–—-]\s*(.+)$/i, 'absent'],
];
/** Where one name ends in a list written out: a comma, or "and"/"&" before the next title or a count ("and 16 members of the public"). */
const NAME_SPLIT = /\s*[,;]\s*(?:and\s+)?|\s+(?:and|&)\s+(?=(?:Cllrs?\.?|Councillors?|County|Borough|District|Mr|Mrs|Ms|Miss|Dr|PCSO|PC|Rev|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b|[A-Z]\.\s*[A-Z])|\s+(?:together with|along with|plus)\s+(?=(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|the)\s+(?:members?|parishioners?|residents?)\b)|\.\s+(?=(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr)\b)/i;
const CHAIR_NOTE = /^(.+?)(?:\s+[-–—]\s*|\s*\(\s*)(?:in the\s+)?(?:chair|chairman|chairwoman|chairperson)\s*\)?$/i;

/** A line that carries on a list of names written out ("Vicky Bright – Clerk and 3 members of the public."): each piece a titled name, a count of people, or a name with its role. */
function namesLine(line: string): boolean {
  if (/:$/.test(line)) return false;
  const pieces = line.replace(/[.\s]+$/, '').split(NAME_SPLIT).filter(Boolean);
  return pieces.every((p) => /^(?:Cllrs?\.?|Councillors?|County|Borough|District|Mr|Mrs|Ms|Miss|Dr|PCSO|PC|Rev)\b|^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+members?\b|^[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3}\s+[-–—(]/i.test(p.trim()));
}

/**
 * The people of a list written out on one line, each as the block's rows would have them (a note after a dash or in
 * brackets is their detail); null when a piece does not read as a person, so the words are kept as words instead.
 */
function inlinePeople(text: string): { chair: string | null; people: PastPerson[] } | null {
  const pieces = text
    .replace(/^(?:councillors|cllrs\.?|members)\s*:?\s*/i, '')
    // Names by surname with their notes in brackets, no comma between ("Councillor Kerr (Chair) Appich (Deputy Chair) and
    // Bell"): each bracket ends a name, and "and" before the last surname splits it off.
    .replace(/\)\s+(?=[A-Z])/g, '), ')
    .replace(/\)?,?\s+and\s+(?=[A-Z][\w.'’-]*(?:\s+[A-Z][\w'’-]+){0,3}(?:\s*\([^)]*\))?\.?$)/, (m) => (m.startsWith(')') ? '), ' : ', '))
    // "Councillor J Archer (Chairman); Councillors B Aldridge, S Pargetter": the plural heads a run of names, not a name.
    .replace(/(^|[,;]\s*)(?:Councillors|Cllrs\.?)\s+/g, '$1')
    .replace(/[.\s]+$/, '')
    .split(NAME_SPLIT)
    .map((p) => p.trim())
    .filter(Boolean);
  const sentence = /\b(?:was|were|is|are|has|had|have|will|would|welcomed|noted|agreed|resolved|received|sent|gave|present(?:ed)?)\b/i;
  if (!pieces.length || pieces.some((p) => p.length > 80 || p.split(/\s+/).length > 10 || sentence.test(p.replace(/\bmembers? of the (?:public|press)\b/i, '')))) return null;
  let chair: string | null = null;
  const people: PastPerson[] = [];
  for (const piece of pieces) {
    // "Mrs N. Cooper, Clerk": a role alone after a comma is the person's before it.
    const last = people[people.length - 1];
    if (last && !last.detail && /^(?:the\s+)?(?:clerk|parish clerk|town clerk|locum clerk|rfo|responsible financial officer|secretary|treasurer|vice[- ]chair(?:man)?|deputy clerk|assistant clerk)$/i.test(piece)) {
      last.detail = piece;
      if (/clerk|rfo|financial officer|secretary|treasurer/i.test(piece)) last.as = 'officer';
      continue;
    }
    const c = CHAIR_NOTE.exec(piece);
    if (c && chair === null) {
      chair = c[1]!.trim();
      continue;
    }
    const dash = /^(.+?)\s+[-–—]\s+(.+)$/.exec(piece) ?? /^(.+?)\s*\(([^)]+)\)$/.exec(piece);
    const person = personOf(dash ? `${dash[1]!.trim()}\t${dash[2]!.trim()}` : piece);
    if (/\bmembers? of the (?:public|press)\b|\bpress\b/i.test(person.name)) person.as = 'guest';
    else if (/\b(?:clerk|officer|rfo|secretary)\b/i.test(person.detail)) person.as = 'officer';
    people.push(person);
  }
  return { chair, people };
}
/** The date in an opening line: "Friday, 11 December 2020", "13th May 2015", or month first ("Tuesday May 6th 2014"). */
// With no year too ("Monday 13th September"): its year is then found (past-date.ts yearOfDate) or the minutes refused.
const OPENING_DATE = String.raw`((?:[A-Za-z]{3,9}day,?\s+)?(?:\d{1,2}(?:(?:st|nd|rd|th)\s*|\s+)(?:of\s+)?[A-Za-z]+\.?,?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_WORD}(?![A-Za-z])|${MONTH_WORD}\s+\d{1,2}(?:st|nd|rd|th)?(?!\d)))`;
/** Before the date: "on", or nothing when a weekday follows the venue directly ("… HELD AT THE CHURCH MONDAY 13th MAY 2015"). */
const BEFORE_DATE = String.raw`\s*(?:on\s+|(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))`;
const OPENING = new RegExp(String.raw`^Minutes of (?:a|an|the) (?:[A-Za-z&-]+ ){0,6}?meeting of (?:the )?(.+?) held (.*?)${BEFORE_DATE}${OPENING_DATE}(.*)$`, 'i');
/** The other common form: "(Draft) minutes of the <body> (annual) meeting held at <venue> at 7.00 pm on Thursday 1 June 2017". */
const OPENING_BODY_FIRST = new RegExp(
  String.raw`^(?:draft\s+)?minutes of (?:the\s+)?(.+?)\s+(?:(?:annual|extraordinary|ordinary|monthly|special|agm|annual general|full)\s+)?meeting held (.*?)${BEFORE_DATE}${OPENING_DATE}(.*)$`,
  'i',
);
/** "Minutes of the Licensing Sub-Committee held on Monday 6 March 2023 at 10.00 am in Committee Room 2": no word "meeting". */
const OPENING_NO_MEETING = new RegExp(
  String.raw`^(?:draft\s+)?minutes of (?:the\s+)?(.+?\b(?:Committee|Sub-Committee|Board|Panel|Forum|Cabinet|Council|Partnership|Commission|Executive))\s+held (.*?)${BEFORE_DATE}${OPENING_DATE}(.*)$`,
  'i',
);
/** A heading naming the body and its meeting, its minutes said on a line below: "<Body> – Extraordinary Meeting Wednesday 19th July 2017, 7.30pm <venue>". */
const OPENING_HEADING = new RegExp(
  String.raw`^(.+?\b(?:Council|Committee|Board|Panel|Forum|Cabinet|Partnership))\s+[–—-]\s+(?:(?:annual|extraordinary|ordinary|monthly|special|full|agm)\s+)?(?:general\s+|parish\s+|council\s+)?meeting,?\s+(?:held\s+)?(?:on\s+)?${OPENING_DATE},?\s*(?:at\s+)?(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?)?,?\s*(?:(?:at|in)\s+)?(.*)$`,
  'i',
);
/** What a body-first opening captures when the line names no body ("Minutes of the (previous) meeting held on …"). */
const NO_BODY = /^(?:the|a|an|its|this|that|our)?\s*(?:previous|last|preceding|above|said)?$/i;
/** The opening read as [line, body, where, date, after the date]: OPENING's groups, whichever form the line takes. */
const openingOf = (line: string): readonly string[] | null => {
  const m = OPENING.exec(line) ?? OPENING_BODY_FIRST.exec(line) ?? OPENING_NO_MEETING.exec(line);
  // "Minutes of the meeting held on 5 December 2018 to be received" (an agenda's words) names no body: not an opening line.
  if (m && NO_BODY.test(m[1]!.trim())) return null;
  // An agenda item about earlier minutes ("Minutes of the Cabinet held on 8 June 2021 to be approved (attached)") is not an opening.
  if (m && /\b(?:to be|be)\s+(?:approved|confirmed|received|signed|noted|agreed)\b|\b(?:previously circulated|copy attached|attached)\b/i.test(m[4] ?? '')) return null;
  if (m) return m.map((g) => g ?? '');
  const h = OPENING_HEADING.exec(line);
  return h ? [line, h[1]!, h[4] ? `at ${h[4].replace(/[.\s]+$/, '')}` : '', h[2]!, h[3] ?? ''] : null;
};
const WEB_HEADING = /^(.+?)\s+-\s+((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4})(?:\s+(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?))?\s*$/i;
const NUMBERED = /^(\d{1,3})\.\s+(\S.*)$/;
/** A minute numbered within its year ("21.44 ELECTION OF CHAIR", "44/21 Apologies"). */
const YEAR_NUMBERED = /^(\d{1,4})([./])(\d{1,4})\.?\s+(\S.*)$/;

/** A number within the year read: which side is the year ("21.44", "2021/44", "44/21"), by the meeting's date (its year or the one before). */
function yearNumber(a: string, sep: string, b: string, date: string): { n: number; year: string; form: MinuteNumberForm } | null {
  const y = Number(date.slice(0, 4));
  const years = new Set([String(y), String(y - 1), String(y).slice(2), String(y - 1).slice(2)]);
  const yearToken = (t: string) => (t.length === 4 ? '{yyyy}' : '{yy}');
  let found: { n: number; year: string; form: string } | null = null;
  if (years.has(a) && (a.length === 2 || a.length === 4) && b.length <= 3) found = { n: Number(b), year: a, form: `${yearToken(a)}${sep}{n}` };
  else if (years.has(b) && (b.length === 2 || b.length === 4) && a.length <= 3) found = { n: Number(a), year: b, form: `{n}${sep}${yearToken(b)}` };
  if (!found || found.n < 1 || !(MINUTE_NUMBER_FORMS as readonly string[]).includes(found.form)) return null;
  return found as { n: number; year: string; form: MinuteNumberForm };
}
/**
 * A minute number with a council's own prefix, as parish and town councils print them: "Cou/285/07-08", "PC/23/045",
 * "FC 12/24" (a prefix of letters, then the number and its year in some order), its heading after it.
 */
const PREFIXED = /^([A-Z][A-Za-z]{0,3}[ /.-]?)((?:\d{1,4}[./-]){1,2}\d{1,4})\.?(?:\s*[:–—]\s*|\s+[-–—]\s+|\s+)(\S.*)$/;
/** Prefixes that are words of a minute, not a council's mark ("Item 12/24", "Page 3/4"). */
const NOT_PREFIX = /^(?:Item|Page|Para|Min|No|Ref|Tel|Cllr|Mr|Mrs|Ms|Dr)\b/i;

/**
 * A prefixed number read: which group is the number and which the year (the meeting's year or the one before; "07-08"
 * the municipal year written as a span), and the form printing it again ("Cou/{n}/{yy}-{yy+1}", "PC/{yy}/{nnn}").
 * `prefer`: the form already read in these minutes, chosen where the groups could be read either way ("FC 23/24").
 */
export function prefixedNumber(prefix: string, digits: string, date: string, prefer?: MinuteNumberForm | null): { n: number; year: string; form: MinuteNumberForm } | null {
  if (NOT_PREFIX.test(prefix)) return null;
  const y = Number(date.slice(0, 4));
  const groups = digits.split(/[./-]/);
  const seps = digits.match(/[./-]/g) ?? [];
  const two = (v: number) => String(((v % 100) + 100) % 100).padStart(2, '0');
  const isYear = (g: string) => (g.length === 2 && (g === two(y) || g === two(y - 1))) || (g.length === 4 && (g === String(y) || g === String(y - 1)));
  const readings: { n: number; year: string; form: MinuteNumberForm }[] = [];
  for (let k = 0; k < groups.length; k++) {
    if (!isYear(groups[k]!)) continue;
    // The year as a span ("07-08", "2007-08"): the year and the one after it.
    const span = groups[k + 1] !== undefined && groups[k + 1]!.length === 2 && seps[k] === '-' && groups[k + 1] === two(Number(groups[k]!) + 1);
    const yearGroups = span ? [k, k + 1] : [k];
    const rest = groups.map((_, i) => i).filter((i) => !yearGroups.includes(i));
    if (rest.length !== 1) continue;
    const g = groups[rest[0]!]!;
    const n = Number(g);
    if (n < 1 || g.length > 4) continue;
    const nToken = /^0/.test(g) ? (g.length === 3 ? '{nnn}' : g.length === 2 ? '{nn}' : null) : '{n}';
    if (!nToken) continue;
    const tokens = groups.map((t, i) => (i === rest[0] ? nToken : i === k ? (t.length === 4 ? '{yyyy}' : '{yy}') : '{yy+1}'));
    const form = prefix + tokens.map((t, i) => (i === 0 ? t : `${seps[i - 1]}${t}`)).join('');
    readings.push({ n, year: groups[k]!, form });
  }
  if (!readings.length) return null;
  // Read either way: the form these minutes already use, else the year last ("FC 23/24" as 23 of 2024).
  return readings.find((r) => r.form === prefer) ?? readings[readings.length - 1]!;
}

/**
 * A minute's number printed on the line below its heading, as a ModernGov minutes document sets it ("1. Election of
 * Chairman" / "01/22") and other styles too ("Minute 23/45", "(Min. 12)"): a number within the year, or a number after
 * "Minute"/"Min.", alone on its line. Groups: an opening bracket, the word before it, the digits, a closing bracket.
 */
const BELOW_NUMBER = /^(\()?((?:Minute|Min)\.?\s*)?(\d{1,4}(?:[./-]\d{1,4}){0,2})(\))?\.?$/i;

/** The number on such a line read: its number, the year printed, and its form ("{nn}/{yy}", "(Min. {n})"), or null. */
export function belowNumber(line: string, date: string): { n: number; year: string; form: MinuteNumberForm } | null {
  const m = BELOW_NUMBER.exec(line);
  if (!m || Boolean(m[1]) !== Boolean(m[4])) return null;
  const word = m[2] ?? '';
  const digits = m[3]!;
  const wrap = (form: string) => (m[1] ? `(${form})` : form);
  if (/^\d+$/.test(digits)) {
    // A number alone is a minute's number only after the word ("Min. 12"): a bare "12" is a line of words.
    const n = Number(digits);
    return word && n >= 1 && !/^0/.test(digits) ? { n, year: '', form: wrap(`${word}{n}`) } : null;
  }
  const read = prefixedNumber('', digits, date);
  return read ? { ...read, form: wrap(`${word}${read.form}`) } : null;
}

/** Abbreviations and initials a full stop ends without ending a heading ("Cllr.", "St.", "A."). */
const ABBREVIATION = /(?:\b(?:Cllrs?|Mr|Mrs|Ms|Dr|St|No|Nos|Rev|Revd|Prof|Co|Ltd|etc|approx|ref|inc|cf|viz|vs?|Sq|Rd|Ave)|(?:^|\s)[A-Z])\.$/;
/** Words of a sentence (a minute's words), not of a heading. */
const SENTENCE_WORD = /\b(?:was|were|is|are|had|has|have|be|been|noted|received|resolved|agreed|approved|reported|confirmed|declared|made|given|signed|considered|discussed|welcomed|presented|explained|informed|asked|none|nothing)\b/i;
/** A standard item's heading ("Apologies for absence", "Minutes") or one printed unnumbered ("Public participation"). */
const knownHeading = (head: string) => recogniseStandardItem(head.replace(/[.:]$/, '')) !== 'business' || UNNUMBERED_HEADING.test(head);
const isCaps = (s: string) => /[A-Z]{2}/.test(s) && s === s.toUpperCase();

/**
 * A minute's heading with its first words on the same line: "Apologies for absence. Apologies were received from Cllr
 * A. Brown." or "MINUTES – The minutes of the meeting held on 4 May 2023 were approved.": the short heading, and the
 * words after it (its first paragraph). A heading with no sentence after it stays whole ("The Mentors in Violence
 * Prevention Programme.", "Performance 2020-21 - Quarter 2.", "Partner Update: Office of the Police and Crime
 * Commissioner.", "PREMISES LICENCE REVIEW: THE BULL, AMBRIDGE"); so does a stop after an initial or "St.".
 */
export function headingAndWords(text: string): { title: string; words: string | null } {
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const sentence = (s: string) => /^[A-Z0-9‘'“"(]/.test(s) && /[a-z]/.test(s) && /[.!?)]$/.test(s);
  // After a dash or a colon: a heading in capitals ("MINUTES – The minutes …"), or a short heading before a sentence.
  const dash = /^(.+?)(\s+[–—-]|:)\s+(\S.*)$/.exec(text);
  if (dash) {
    const [, head, separator, rest] = dash as unknown as [string, string, string, string];
    // A colon is kept with the heading, as printed ("Payments:"); a dash between them is not part of either.
    const title = separator === ':' ? `${head.trim()}:` : head.trim();
    const capsHead = isCaps(head) && sentence(rest);
    if (words(head) <= 8 && (capsHead || (sentence(rest) && (knownHeading(head) || (words(rest) >= 4 && SENTENCE_WORD.test(rest)))))) return { title, words: rest.trim() };
    // "Payments: Royal British Legion £16.50 … proposed Mrs. Willis seconded C. Humphries - pass for payment": a short
    // heading in capitals before a colon, and words that are not themselves a heading ("Partner Update: Office of the
    // Police and Crime Commissioner." stays whole).
    if (separator === ':' && words(head) <= 6 && titleLike(head) && words(rest) >= 3 && !titleLike(rest) && !isCaps(rest) && /\b[a-z]{3,}\b/.test(rest.replace(/\b(?:and|the|for|from|with|into)\b/g, ''))) {
      return { title, words: rest.trim() };
    }
  }
  // After a full stop: a short heading ("Apologies for absence.") before a sentence of the minute's words.
  // The first stop that is not after an initial or an abbreviation ("Repairs to St. Mary's Church. The Clerk …").
  for (const stop of text.matchAll(/\.\s+(?=\S)/g)) {
    const head = text.slice(0, stop.index + 1);
    if (ABBREVIATION.test(head)) continue;
    const rest = text.slice(stop.index + stop[0].length);
    if (words(head) <= 10 && sentence(rest) && (knownHeading(head) || SENTENCE_WORD.test(rest) || words(rest) >= 6)) return { title: head.trim(), words: rest.trim() };
    break;
  }
  return { title: text, words: null };
}

/** Headings printed with no number before the numbered minutes ("Chair's announcements", "Public participation"). */
const UNNUMBERED_HEADING = /^(?:(?:the\s+)?(?:chair(?:man|woman|person)?|mayor)[’']?s?[’']?\s+(?:announcements?|welcome|remarks|opening remarks|communications)|(?:public|open)\s+(?:participation|forum|session|questions?|question time|time)|questions? from (?:the )?(?:public|members of the public)|announcements?|welcome(?: and introductions)?|opening of the meeting|adjournment for public (?:participation|questions?)|public speaking)\s*[.:]?$/i;

/** A ModernGov page with numbers: the number on a line of its own, the title on the next. */
const NUMBER_ALONE = /^(\d{1,3})\.$/;
/** A heading of a page's parts: "PART I - RECOMMENDATIONS", "PART II - MINUTES", "PART ONE". */
const PAGE_PART = /^PART\s+(?:[IVX]{1,4}|\d|ONE|TWO|THREE|A|B)\b(?:\s*[-–—:]\s*[A-Z][A-Z ]*)?$/;
/** A minute's number with no stop after it ("1 Procedural Business"), its title a heading; read only in minutes numbered that way throughout. */
const BARE_NUMBERED = /^(\d{1,3})\s+([A-Z‘'“"][^.;:,]{0,99})$/;
/** The largest jump forward in the minute numbers read as a gap (7 then 12); a larger one is a line of the minute before. */
export const MAX_MINUTE_NUMBER_JUMP = 5;
const MARKER = /^\(([a-z]{1,3}|\d{1,3})\)\s*(.*)$/;
const NUMBER_POINT = /^(\d{1,2})[.)]\s+(.*)$/;
const BULLET = /^•\s*(.*)$/;
/** The close: "The meeting closed at 8.15 pm.", also after a short lead-in ("With nothing more to discuss the meeting closed at 8.05pm"). */
const CLOSE = /^(?:(?:with|there being)\b[^.]{0,60}?,?\s+)?the meeting (?:closed|ended|finished|concluded) at (.+?)\.?$/i;
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];

const alphaIndex = (s: string) => (s.length === 1 ? s.charCodeAt(0) - 97 : -1);

/** "(a)" → alpha 0, "(iv)" → roman 3; "(i)" is roman unless it carries on a lettered list at (h). */
function markerOf(mark: string, open: { style: ListStyle; next: number } | null): { style: ListStyle; index: number } | null {
  if (/^\d+$/.test(mark)) return { style: 'number', index: Number(mark) - 1 };
  const roman = ROMAN.indexOf(mark);
  const alpha = alphaIndex(mark);
  if (open?.style === 'alpha' && alpha === open.next) return { style: 'alpha', index: alpha };
  if (roman >= 0) return { style: 'roman', index: roman };
  if (alpha >= 0) return { style: 'alpha', index: alpha };
  return null;
}

/** A note after a name or its organisation: remote attendance, or whom a substitute stood in for. */
const REMOTE_NOTE = /\((?:attended |attending |joined |participated |present )?(?:remotely|remote|virtually|virtual|online|by video(?: link)?|via (?:Microsoft )?Teams|via Zoom|via video(?: link| conference)?)\)\.?$/i;
const SUBSTITUTE_NOTE = /\((?:as )?(?:substitute|substituting|sub\.?|deputising|deputy|in place)(?: member)? for ([^)]+?)\)\.?$/i;
/** Under Substitutes: "Cllr C. Dean for Cllr B. Green" or "Cllr C. Dean (for Cllr B. Green)". */
const FOR_NOTE = /\s+\(?for ([A-Z][^)]*?)\)?\.?$/;

function personOf(line: string, section?: string): PastPerson {
  const parts = line.split(/\t+| {2,}/).map((p) => p.trim()).filter(Boolean);
  const person: PastPerson = { name: parts[0] ?? line.trim(), detail: parts.slice(1).join(' ') };
  // The notes at the end stay in the detail as printed (so the PRESENT block prints as read) and come off the name.
  let tail = person.detail || person.name;
  let notes = '';
  for (;;) {
    const remote = REMOTE_NOTE.exec(tail);
    const sub = remote ? null : (SUBSTITUTE_NOTE.exec(tail) ?? (section === 'substitutes' && !notes && !person.detail ? FOR_NOTE.exec(tail) : null));
    const found = remote ?? sub;
    if (!found || found.index === 0) break;
    if (remote) person.remote = true;
    else person.substituteFor = sub![1]!.trim();
    notes = `${tail.slice(found.index).trim()}${notes ? ` ${notes}` : ''}`;
    tail = tail.slice(0, found.index).trimEnd();
  }
  if (notes && !person.detail) {
    person.name = tail;
    person.detail = notes;
  }
  return person;
}

function modeOf(where: string): { mode: MeetingMode; venue: string } {
  // "held as a hybrid meeting at County Hall and via Microsoft Teams": the kind of meeting is said before the venue.
  const hybrid = /\bhybrid\b/i.test(where);
  const w = where.replace(/\s+/g, ' ').trim().replace(/^(?:as\s+)?(?:an?\s+)?hybrid\s+meeting\s*/i, '');
  const teams = /(Microsoft )?Teams|Zoom|remotely|virtual|video conferenc/i.test(w);
  const at = /^at\s+(.+?)(?:,?\s+and\s+(?:via|by|on)\s+.*)?$/i.exec(w) ?? (hybrid ? /^in\s+(.+?)(?:,?\s+and\s+(?:via|by|on)\s+.*)?$/i.exec(w) : null);
  if (at && (hybrid || (teams && /\band\b/i.test(w)))) return { mode: 'hybrid', venue: at[1]!.trim() };
  if (hybrid) return { mode: 'hybrid', venue: '' };
  if (teams) return { mode: 'teams', venue: '' };
  return { mode: 'in_room', venue: at ? at[1]!.trim() : w.replace(/^(at|in)\s+/i, '') };
}

/** The reader's refusal when the text is plainly not minutes; null when it may be. */
function notMinutes(lines: string[]): string {
  const agenda = lines.some((l) => /^agenda$/i.test(l)) || lines.filter((l) => /\(Pages? \d+/i.test(l)).length >= 2;
  if (agenda) {
    return 'This looks like an agenda, not minutes: it has no line saying “Minutes of a meeting of … held … on …”. Choose the minutes (an agenda pack that includes the previous minutes can be read too); nothing was saved.';
  }
  // An opening whose date is misprinted ("held on l0th February 2015", "~ September"): say so, not that these are not minutes.
  const opening = lines.slice(0, 12).find((l) => /\bminutes of\b.*\b(?:meeting|held)\b/i.test(l) && MONTH_NAME.test(l) && l.length <= 300 && isoDate(l) === null);
  if (opening) {
    const shown = opening.length > 120 ? `${opening.slice(0, 117)}…` : opening;
    return `The date in the opening line (“${shown}”) could not be read: it should give the day, the month and the year (“10th February 2015”). Correct it in the text and read the minutes again; nothing was saved.`;
  }
  return 'This does not look like minutes: no line says “Minutes of a meeting of … held … on <date>”, and it is not a council web page of minutes (“<Board> - Friday, 24 September 2021”). Nothing was saved.';
}
const MONTH_NAME = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

/**
 * The opening line and where it ends: one line, or a line starting "Minutes of …" that runs on to the next line with
 * words ("… HELD AT THE VILLAGE HALL ON" / "TUESDAY MAY 6th 2014"). at = -1 when there is none.
 */
function openingLine(text: readonly string[]): { at: number; opening: string } {
  // "12 th October", "1 ST SEPTEMBER": an ordinal set apart from its number, as text copied from a PDF has it.
  const lines = text.map((l) => l.replace(/\b(\d{1,2})\s+(st|nd|rd|th)\b/gi, '$1$2'));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    // The body named before the opening on its line ("LITTLE WALDEN PARISH COUNCIL Minutes of Meeting held on …",
    // "WROCKLEY PARISH COUNCIL. Minutes of the Parish Council Meeting held on …"): the opening, naming that body.
    const named = BODY_BEFORE_OPENING.exec(line);
    if (named && !/^(?:draft\s+)?minutes\b/i.test(named[1]!)) {
      const opening = `Minutes of a meeting of the ${named[1]!.replace(/^the\s+/i, '')} held ${named[2]!}`;
      if (openingOf(opening) && hasDate(opening)) return { at: i, opening };
    }
    // A heading form is an opening only where a line just below says these are its minutes (an agenda's heading is not).
    if ((OPENING.test(line) || OPENING_BODY_FIRST.test(line) || OPENING_NO_MEETING.test(line)) && openingOf(line)) return { at: i, opening: line };
    if (OPENING_HEADING.test(line)) {
      if (/\bminutes\b/i.test(line)) return { at: i, opening: line };
      // The line saying these are its minutes ("Draft Minutes for approval at the next Ordinary Meeting") is the opening's, not a minute's words.
      const said = lines.slice(i + 1, i + 4).findIndex((l) => /^(?:draft\s+)?minutes\b/i.test(l) && l.length <= 120);
      if (said >= 0) return { at: i + 1 + said, opening: line };
    }
    const stacked = stackedOpening(lines, i);
    if (stacked) return stacked;
  }
  // A heading set out on lines of its own, above a line saying "MINUTES": the council, the body, the date (with its time),
  // the venue ("Policy & Resources Committee" / "4.00pm 1 July 2021" / "Hove Town Hall - Council Chamber" / "MINUTES").
  for (let i = 1; i < Math.min(lines.length, 40); i++) {
    if (!/^(?:draft\s+)?minutes$/i.test(lines[i]!)) continue;
    const above = lines.slice(Math.max(0, i - 6), i).filter((l) => l !== '' && l.length <= 120);
    const d = above.findIndex((l) => DATE.test(l) || DATE_MONTH_FIRST.test(l));
    if (d < 0) continue;
    const bodyLine = above.slice(0, d).reverse().find((l) => STACKED_BODY.test(l));
    if (!bodyLine) continue;
    const dateLine = above[d]!;
    const dateText = (DATE.exec(dateLine) ?? DATE_MONTH_FIRST.exec(dateLine))![0];
    const time = /(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?)/i.exec(dateLine.replace(dateText, ' '));
    const venue = above.slice(d + 1).join(', ');
    const opening = `Minutes of a meeting of the ${bodyLine.replace(/^the\s+/i, '')} held${venue ? ` at ${venue}` : ''} on ${dateText}${time ? ` at ${time[1]}` : ''}`;
    if (openingOf(opening)) return { at: i, opening };
  }
  return looseOpening(lines) ?? { at: -1, opening: '' };
}

/**
 * A heading in none of the forms above, as small councils' minutes print it at the head of the text: a date among its
 * first few lines, with the words "minutes", "meeting" or "held" ("Minutes of the January meeting" / "Held on the 16th
 * November 2000 at 7.30pm", "Minutes of the meeting of the West Dereham Parish Council" / "Thursday 8th April 2004 in
 * the Village Hall at 8.00p.m.", "held in the Community Centre" / "at 7.55pm on Wednesday 20th April 2005"). The body is
 * the line naming one, else the body imported into; the venue follows "held in/at" or the date's "in the …".
 */
function looseOpening(lines: readonly string[]): { at: number; opening: string } | null {
  const head: { line: string; at: number }[] = [];
  /** The line that ended the heading: the attendance, a minute or the minutes' first words. */
  let stop = '';
  for (let i = 0; i < lines.length && head.length < 8; i++) {
    const line = lines[i]!;
    if (!line) continue;
    if (OPENING_STOP.test(line) || line.length > 200) {
      stop = line;
      break;
    }
    head.push({ line, at: i });
  }
  const d = head.findIndex(({ line }) => isoDate(line) !== null);
  if (d < 0) return null;
  const upTo = head.slice(0, d + 1);
  const text = upTo.map((h) => h.line).join(' ');
  // The heading says these are minutes, or names a meeting with its attendance straight after it ("… Parish Council –
  // Ordinary Meeting Tuesday 4th April 2017, 7.30pm …" / "PRESENT: …"); an agenda's heading, or an agenda item about
  // earlier minutes ("… to be approved"), is not one.
  const attended =
    d === head.length - 1 && /\bmeeting\b/i.test(text) && /^(?:present|members present|councillors present|those present|in attendance)\b/i.test(stop);
  if ((!/\bminutes\b/i.test(text) && !attended) || /\b(?:agenda|summoned|notice of|you are)\b/i.test(text)) return null;
  if (/\b(?:to be|be)\s+(?:approved|confirmed|received|signed|noted|agreed)\b|\b(?:previously circulated|copy attached|attached)\b/i.test(text)) return null;
  // The lines carrying on the date's line: its venue or time ("in the Village Hall at 7.30 p.m.").
  let end = d;
  while (end + 1 < head.length && /^(?:in|at)\s/i.test(head[end + 1]!.line) && head[end + 1]!.line.length <= 120) end++;
  const all = head.slice(0, end + 1).map((h) => h.line).join(' ');
  const dateText = (DATE.exec(all) ?? DATE_MONTH_FIRST.exec(all))![0];
  const named =
    head.slice(0, end + 1).map((h) => h.line.replace(/[.:]$/, '')).find((l) => STACKED_BODY.test(l) && l.length <= 120 && !/^minutes\b/i.test(l)) ??
    // "Ashby Fen Parish Council – Ordinary Meeting Tuesday …": the body before the dash.
    /^([A-Z][\w'’ -]*?\b(?:Parish Council|Town Council|Parish Meeting|Committee|Board|Council))\s+[–—-]\s+(?:[A-Za-z]+\s+){0,3}?meeting\b/i.exec(all)?.[1] ??
    /\bof (?:the )?([A-Z][\w'’ -]*?\b(?:Parish Council|Town Council|Parish Meeting|Committee|Board|Council))\b/i.exec(all)?.[1];
  const time = TIME.exec(all.replace(dateText, ' '));
  const venue = /\bheld (?:in|at) (?!\d)(.+?)(?=\s+(?:on|at)\s+(?:\d|[A-Z][a-z]+day\b)|[.,]?$)/i.exec(all)?.[1] ?? /\b\d{4}\s+(?:in|at) (?!\d)(.+?)(?=\s+at\s+\d|[.,]?$)/i.exec(all)?.[1] ?? /^(?:in|at) (?!\d)(the .+?)(?=\s+at\s+\d|[.,]?$)/i.exec(head[end]!.line)?.[1] ?? '';
  const body = named ? named.replace(/^(?:the\s+)?(?:meeting of (?:the )?)?/i, '').trim() : UNNAMED_BODY.trim();
  const opening = `Minutes of a meeting of the ${body} held${venue ? ` at ${venue.replace(/^(?:the\s)/i, 'the ')}` : ''} on ${dateText}${time ? ` at ${time[0]}` : ''}`;
  return openingOf(opening) ? { at: head[end]!.at, opening } : null;
}
/** A body's name, then an opening of its minutes held on …: [line, body, what follows "held"]. */
const BODY_BEFORE_OPENING = /^(.{3,120}?\b(?:Council|Committee|Sub-Committee|Board|Panel|Forum|Partnership|Authority|Trust|Commission))[.,:;]?\s+(?:draft\s+)?minutes of (?:the\s+|a\s+|an\s+)?(?:[A-Za-z-]+\s+){0,4}?meeting\b.*?\bheld\s+(.+)$/i;
/** Stands for the body in an opening that names none ("Minutes of the meeting held on …"): read as the body imported into. */
const UNNAMED_BODY = 'Unnamed Body \u2063';
/** Where a heading's lines stop: the attendance, a minute, or the first words of the minutes. */
const OPENING_STOP = /^(?:present|apologies|attendance|attending|those (?:attending|present)|in attendance|members present|councillors present|\d{1,3}[.)]?\s|•)/i;
/**
 * An opening set out over two to four lines, as parish and town minutes print their heading:
 * "MINUTES OF WEST DEREHAM PARISH COUNCIL MEETING" / "HELD AT THE VILLAGE HALL" / "THURSDAY OCTOBER 1st 2009",
 * "Minutes of the meeting of Wereham Parish Council" / "held on 12th January 2010 in the Village Hall at 7.30 p.m.",
 * or the body on a line above "Minutes of the meeting held on 10th August, 2016". Read as the one line they make;
 * a line that is itself the start of another opening, or the attendance, ends the heading.
 */
function stackedOpening(lines: readonly string[], i: number): { at: number; opening: string } | null {
  // "Minutes for …" and "Minutes to …" are other councils' "Minutes of …".
  const first = lines[i]!.replace(/^(draft\s+)?minutes (?:for|to)\b/i, '$1minutes of');
  if (!/^(?:draft\s+)?minutes of\b/i.test(first) || first.length > 300) return null;
  // "Minutes of the meeting held on …" or "Minutes of the Ordinary Parish Council Meeting" names no body: the line above
  // it does ("STOKE FERRY PARISH COUNCIL"). At the head of the text with no such line, the minutes are the body's they
  // are imported into; further down, or after an agenda's words, such a line is an agenda item's, not an opening.
  const unnamed = /^((?:draft\s+)?minutes of (?:(?:the|a|an) (?:[A-Za-z-]+ ){0,3}?)?meeting)(?:\s+(held\b.*?))?\.?$/i.exec(first);
  // A line ending in a stop is a title, unless it is itself a whole opening naming no body ("… held on 9th January 2003
  // at 8p.m. in the Village Hall."); then nothing below it is part of it.
  const endsInStop = /[.:;]$/.test(first);
  if (endsInStop && !(unnamed?.[2] && hasDate(first))) return null;
  let joined = first;
  if (unnamed) {
    const above = lines.slice(Math.max(0, i - 3), i).filter((l) => l !== '').at(-1)?.replace(/[.:]$/, '');
    const before = lines.slice(0, i).filter((l) => l !== '');
    const atHead = before.length <= 5 && !before.some((l) => /\b(?:agenda|summoned|notice of (?:the )?meeting)\b/i.test(l));
    const body = above && STACKED_BODY.test(above) && above.length <= 120 ? above : unnamed[2] && atHead ? UNNAMED_BODY : null;
    // "Minutes of Meeting held …": the article the opening forms expect. With no body found, the lines below may name it.
    if (body) joined = `${unnamed[1]!.replace(/^((?:draft\s+)?minutes of )(?!(?:the|a|an)\s)/i, '$1the ')} of ${body} ${unnamed[2] ?? 'held on'}`;
  }
  if (openingOf(joined) && hasDate(joined)) return { at: i, opening: joined };
  if (endsInStop) return null;
  for (let j = i + 1, taken = 0; j < lines.length && j <= i + 6 && taken < 3; j++) {
    const next = lines[j]!;
    if (!next) continue;
    if (next.length > 160 || OPENING_STOP.test(next) || /^(?:draft\s+)?minutes (?:of|for)\b/i.test(next)) return null;
    joined = `${joined} ${next}`;
    taken++;
    if (hasDate(next) && openingOf(joined)) {
      // The venue and time on the line below the date's ("Thursday 9th May 2024 in" / "The Village Hall at 7.30 p.m.").
      const k = lines.findIndex((l, n) => n > j && l !== '');
      const below = k > 0 ? lines[k]! : '';
      if (below && below.length <= 120 && !OPENING_STOP.test(below) && (/\b(?:in|at)$/i.test(next) || /^(?:in|at)\s/i.test(below)) && (TIME.test(below) || /\b(?:hall|room|centre|church|chamber|school|pavilion|office|house)\b/i.test(below))) {
        const more = `${joined} ${below}`;
        if (openingOf(more)) return { at: k, opening: more };
      }
      return { at: j, opening: joined };
    }
  }
  return null;
}

/** A line naming a body in a heading set out on lines of its own. */
// In capitals too ("STOKE FERRY PARISH COUNCIL"), as many parish minutes head their first page.
const STACKED_BODY = /^[A-Z][^.:;]*\b(?:Committee|Board|Panel|Forum|Cabinet|Partnership|Sub-Committee|Council|Commission|Group)$/i;

/** Words too small to start with a capital in a heading ("Report of the Clerk", "Matters Arising from the Minutes"). */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'with', '&', '-', '–', '—', '/']);

/** A heading's words: every word capitalised but the small ones ("Matters Arising", "Any Other Business"), or in capitals. */
function titleLike(text: string): boolean {
  if (!/^[A-Z‘'“"(]/.test(text) || text.length > 80) return false;
  if (isCaps(text)) return true;
  const words = text.replace(/[.:]$/, '').split(/\s+/).filter(Boolean);
  return words.length <= 8 && words.every((w, i) => (i > 0 && SMALL_WORDS.has(w.toLowerCase())) || /^[A-Z0-9‘'“"(£]/.test(w));
}

/**
 * In minutes with no numbers (as many parish councils print them), a minute's heading: "Matters Arising: The fish have
 * been removed …" (its words after the colon, the colon kept in the title as printed) or a heading on a line of its own
 * ("Planning", "CORRESPONDENCE:") with words below it. A line of names, a sentence or the signature is not one.
 */
function headedHeading(line: string, next: string | undefined): { title: string; words: string | null } | null {
  if (CLOSE.test(line) || /^(?:signed|chair(?:man|woman|person)?|(?:parish |town )?clerk|date)\b/i.test(line)) return null;
  // A heading in capitals running into its words ("MINUTES read and signed as a true record.").
  const capsLead = /^([A-Z][A-Z&’' -]{2,40}[A-Z])\s+(?:of\s+)?([a-z].*)$/.exec(line);
  if (capsLead && (capsLead[1]!.split(/\s+/).length <= 3 || knownHeading(capsLead[1]!))) {
    const title = line.slice(0, capsLead[1]!.length);
    return { title, words: line.slice(title.length).trim() };
  }
  const colon = /^([^:]{2,60}?)\s*:[-–—]?\s*(.*)$/.exec(line);
  if (colon) {
    const head = colon[1]!.trim();
    if (head.split(/\s+/).length > 6 || SENTENCE_WORD.test(head) || !(knownHeading(head) || (titleLike(head) && !/[\d£$€]/.test(head)))) return null;
    const words = colon[2]!.trim();
    return { title: line.slice(0, line.length - colon[2]!.length).trim(), words: words || null };
  }
  if (next === undefined || /[.,;!?]$/.test(line) || !(titleLike(line) || knownHeading(line)) || DATE.test(line)) return null;
  return { title: line, words: null };
}

/** Text cut at a word boundary to at most `max` characters, and the rest. */
function cutAt(text: string, max: number): [string, string] {
  const cut = text.lastIndexOf(' ', max);
  const at = cut > max / 2 ? cut : max;
  return [text.slice(0, at).trim(), text.slice(at).trim()];
}

/**
 * What the reader read, made to fit what a meeting can hold (the limits of import.savePastMinutes), so a preview can
 * always be saved and no word is lost: a heading over a line's length keeps its first sentence (or first words) and
 * the rest starts the minute's words; a list's introduction over its limit is a paragraph before the list; a minute of
 * more blocks than one holds has its last paragraphs joined; a "name" over a name's length is words, kept in the first
 * minute; a venue over its length is cut, with a warning. Each change is a warning for the clerk.
 */
function fitLimits(minutes: PastMinute[], attendance: PastAttendance, where: { venue: string }, warnings: string[]): void {
  const titleMax = TEXT_CHARS.line;
  for (const m of minutes) {
    if (m.title.length > titleMax) {
      const stop = /^(.{3,300}?[.:])\s+(?=\S)/.exec(m.title);
      const [title, rest] = stop ? [stop[1]!, m.title.slice(stop[0].length)] : cutAt(m.title, 200);
      m.title = title;
      m.blocks.unshift({ type: 'paragraph', text: rest });
      warnings.push(`The heading “${title.slice(0, 60)}…” was longer than a heading can be (${titleMax} characters): its first words are the heading and the rest the minute’s first paragraph. Check it.`);
    }
    for (let k = 0; k < m.blocks.length; k++) {
      const b = m.blocks[k]!;
      if (b.type === 'points' && b.intro !== null && b.intro.length > TEXT_CHARS.detail) {
        m.blocks.splice(k, 0, { type: 'paragraph', text: b.intro });
        b.intro = null;
      }
      if (b.type === 'decision' && b.intro && b.intro.length > TEXT_CHARS.detail) {
        m.blocks.splice(k, 0, { type: 'paragraph', text: b.intro });
        b.intro = null;
      }
    }
    if (m.blocks.length > MAX_ITEMS.pastBlocks) {
      const over = m.blocks.splice(MAX_ITEMS.pastBlocks - 1);
      m.blocks.push({ type: 'paragraph', text: over.flatMap(blockText).join(' ').slice(0, TEXT_CHARS.entry) });
      warnings.push(`Minute ${m.number ?? m.title.slice(0, 40)} has more than ${MAX_ITEMS.pastBlocks} paragraphs and points: its last ones were joined into one paragraph. Check it.`);
    }
  }
  const lists = ['present', 'officers', 'others', 'apologies', 'substitutes', 'absent'] as const;
  const words: string[] = [];
  for (const list of lists) {
    attendance[list] = attendance[list].filter((p) => {
      if (p.name.length <= TEXT_CHARS.name && (p.detail ?? '').length <= TEXT_CHARS.detail) return true;
      words.push(p.detail ? `${p.name}, ${p.detail}` : p.name);
      return false;
    });
  }
  if (words.length && minutes.length) {
    minutes[0]!.blocks.unshift(...words.map((text) => ({ type: 'paragraph' as const, text })));
    warnings.push(`${words.length === 1 ? 'A line' : `${words.length} lines`} of the attendance (“${words[0]!.slice(0, 50)}…”) ${words.length === 1 ? 'is' : 'are'} too long for a name: kept as the first words of the first minute.`);
  }
  if (where.venue.length > TEXT_CHARS.name) {
    where.venue = cutAt(where.venue, TEXT_CHARS.name)[0];
    warnings.push(`The venue was longer than ${TEXT_CHARS.name} characters: it was cut to “${where.venue.slice(0, 60)}…”. Check it.`);
  }
}

/**
 * A ModernGov page whose heading sets the body and the date on lines of their own ("Agenda and draft minutes" /
 * "Cumbria Health and Wellbeing Board" / "Thursday, 18th April, 2019 10.00 am" / "Venue: …"): the one heading line
 * they make ("<body> - <date> <time>"), where the page's "Venue:" or "Contact:" follows within a few lines.
 */
function webHeadingOnTwoLines(lines: readonly string[]): { at: number; line: string } | null {
  const text = lines.map((l, i) => ({ l, i })).filter(({ l }) => l !== '');
  for (let k = 1; k < Math.min(text.length, 30); k++) {
    const joined = `${text[k - 1]!.l} - ${text[k]!.l}`;
    if (text[k - 1]!.l.length > 120 || !WEB_HEADING.test(joined) || !/^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i.test(text[k]!.l)) continue;
    if (!text.slice(k + 1, k + 5).some(({ l }) => /^(?:Venue|Contact):/i.test(l))) continue;
    return { at: text[k]!.i, line: joined };
  }
  return null;
}

/** Reads one meeting's minutes from the lines of a text or a Word document. */
export function readPastMinutes(rawLines: readonly string[], today: string = new Date().toISOString().slice(0, 10)): PastMinutesRead {
  const read = readMinutes(rawLines, false, today);
  // No numbered minute: minutes printed under headings with no numbers, read again as such.
  if (!read.ok && read.message === NO_MINUTES) {
    const headed = readMinutes(rawLines, true, today);
    if (headed.ok) return headed;
  }
  // Numbers under headings in capitals ("MATTERS ARISING" / "1. Gravel at Beech Drive …" / "PLANNING"): the numbers are
  // the points of each heading's minute, not minutes, when the numbered reading left two or more such headings as words.
  if (read.ok && read.value.form === 'printed') {
    const words = [...(read.value.preamble ?? []), ...read.value.minutes.flatMap((m) => m.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])))];
    // A page's parts ("PART I - RECOMMENDATIONS") are not headings of minutes; one at least must be a minute's usual heading.
    const capsHeadings = words.filter((text) => isCaps(text) && text.split(/\s+/).length <= 5 && !/[.,;]$/.test(text) && !PAGE_PART.test(text));
    if (capsHeadings.length >= 2 && capsHeadings.some((text) => knownHeading(text) || /^(?:MATTERS ARISING|PLANNING|CORRESPONDENCE|FINANCE|ACCOUNTS|PAYMENTS|HIGHWAYS)\b/.test(text))) {
      const headed = readMinutes(rawLines, true, today);
      if (headed.ok && headed.value.minutes.length > read.value.minutes.length) return headed;
    }
  }
  return read;
}

const NO_MINUTES = 'No minutes were found after the attendance: there is no numbered minute (“17. Introductions”) and no heading (“Matters Arising:”). Nothing was saved.';

/** `today`: an ISO date, for the year of a date printed with none (the latest on its weekday before it). */
function readMinutes(rawLines: readonly string[], headed: boolean, today: string): PastMinutesRead {
  // An action log table's rows become actions, not words of a minute.
  const actionTable = readActionTables(rawLines);
  const lines = rawLines.map((l, i) => (actionTable.lines.has(i) ? '' : cleanLine(l)));
  const warnings: string[] = [];

  // Where the minutes start: the opening line (an agenda pack's minutes start there too), or the web page's heading.
  let { at, opening } = openingLine(lines);
  let form: PastMeeting['form'] = 'printed';
  let bodyName = '';
  let date: string | null = null;
  let startTime: string | null = null;
  let where = { mode: 'in_room' as MeetingMode, venue: '' };
  if (at >= 0) {
    const m = openingOf(opening)!;
    // "Stoke Ferry Annual Parish Council Meeting": the kind of meeting is not part of the body's name.
    bodyName = m[1]!.trim().replace(/\b(?:annual|extraordinary|ordinary)\s+(?=(?:parish|town|district|county|city|community)\s+council\b)/i, '').replace(/[.,;:]+$/, '');
    // "Minutes of the Parish Council Meeting held on …": the kind of council, not its name.
    if (/^(?:the\s+)?(?:parish|town|community|city|district|county|borough)\s+council$/i.test(bodyName)) bodyName = UNNAMED_BODY.trim();
    if (bodyName === UNNAMED_BODY.trim()) {
      bodyName = '';
      warnings.push('The minutes do not name the body (“Minutes of the meeting held on …”): they are read as the minutes of the body they are imported into.');
    }
    // A start time before the date ("held at the Village Hall at 7.00 pm on …") is the start, not part of the venue.
    const timeInWhere = /(?:^|\s+)(?:at|commencing at|starting at)\s+(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?)\s*$/i.exec(m[2]!);
    where = modeOf(timeInWhere ? m[2]!.slice(0, timeInWhere.index) : m[2]!);
    date = isoDate(m[3]!);
    // A date with no year ("Monday 13th September"): the year the rest of the text or the weekday gives, else refused.
    const year = date ? null : yearOfDate(m[3]!, lines, today);
    if (year && !year.ok) return { ok: false, message: year.message };
    if (year) {
      date = year.date;
      warnings.push(year.warning);
    }
    const rest = m[4] ?? '';
    startTime = hhmm(rest) ?? (timeInWhere ? hhmm(timeInWhere[1]!) : null);
    // The venue after the date and time ("… on Monday 6 March 2023 at 10.00 am in Committee Room 2").
    const venueAfter = /^[\s,]*(?:at\s+\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?|hours)?)?[\s,]*(?:in|at)\s+(?!\d)([A-Z].*?)[.\s]*$/i.exec(rest);
    // "in The Village Hall at 7.30 p.m.": the time after the venue is the start, not part of it.
    if (!where.venue && where.mode === 'in_room' && venueAfter) where = modeOf(`at ${venueAfter[1]!.replace(/\s+at\s+\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?$/i, '')}`);
    at += 1;
  } else {
    at = lines.findIndex((l) => WEB_HEADING.test(l));
    let heading = at >= 0 ? lines[at]! : '';
    if (at < 0) {
      const two = webHeadingOnTwoLines(lines);
      if (two) ({ at, line: heading } = two);
    }
    if (at < 0) return { ok: false, message: notMinutes(lines) };
    form = 'web';
    const m = WEB_HEADING.exec(heading)!;
    bodyName = m[1]!.trim();
    date = isoDate(m[2]!);
    startTime = m[3] ? hhmm(m[3]) : null;
    at += 1;
    const venue = lines.slice(at, at + 12).find((l) => /^Venue:/i.test(l));
    if (venue) where = modeOf(`at ${venue.replace(/^Venue:\s*/i, '').replace(/\.?\s*View directions\.?$/i, '').replace(/\.$/, '')}`);
    // The page's table of minutes starts after "No. Item".
    const table = lines.findIndex((l, i) => i >= at && /^No\.\s+Item$/i.test(l));
    if (table >= 0) at = table + 1;
    else {
      while (at < lines.length && (/^(Venue|Contact):/i.test(lines[at]!) || lines[at] === '')) at++;
    }
  }
  if (!date) return { ok: false, message: 'The minutes’ date could not be read from their opening line. Nothing was saved.' };

  // Where they end: a page left blank in an agenda pack, or the next document in it.
  let end = lines.findIndex((l, i) => i > at && /^This page is intentionally left blank\.?$/i.test(l));
  if (end < 0) end = lines.length;
  const body = lines.slice(at, end);
  // A page's running header or footer, printed on every page of a PDF the text was copied from ("Safer Communities
  // Strategy Board – 11 December 2020"): a line of several words naming the body or the date, three times or more.
  const counts = new Map<string, number>();
  for (const l of body) if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  // The date as a running header prints it: "11 December 2020" (the house form without its weekday).
  const dateWords = date ? [formatLongDate(date).replace(/^[A-Za-z]+,\s+/, ''), date] : [];
  for (const [l, n] of counts) {
    if (n < 3 || l.split(/\s+/).length < 3 || l.length > 160) continue;
    const names = (bodyName && bodyName !== UNNAMED_BODY.trim() && l.toLowerCase().includes(bodyName.toLowerCase())) || dateWords.some((d) => l.includes(d)) || /\bpage \d+\b/i.test(l);
    if (!names) continue;
    for (let k = 0; k < body.length; k++) if (body[k] === l) body[k] = '';
    warnings.push(`“${l}” is printed ${n} times (a page’s running header or footer): it was left out.`);
  }
  // Minutes numbered with no stop ("1 Procedural Business", "2 Minutes"): only where no minute is numbered "1." and the bare
  // numbers run 1, 2, 3 … as headings, so a line starting with a count ("12 Members attended") is not taken for a minute.
  const bareNumbers = (() => {
    if (form !== 'printed' || body.some((l) => NUMBERED.test(l) || NUMBER_ALONE.test(l))) return false;
    const bare = body.map((l) => BARE_NUMBERED.exec(l)).filter((m) => m !== null).map((m) => Number(m[1]));
    return bare.length >= 2 && new Set(bare).size === bare.length && bare.every((n, k) => k === 0 || n > bare[k - 1]!);
  })();

  // Paragraphs numbered within their minutes ("5.1 Chairman's Report", "6.1 Accounts", "11.1 An email …"): with two or more
  // such numbers before the stop that are not the meeting's year, a "14.1" among them is a paragraph too, not minute 1 of 2014.
  const paragraphNumbers = (() => {
    const y = Number(date.slice(0, 4));
    const years = new Set([String(y).slice(2), String(y - 1).slice(2)]);
    const firsts = body.map((l) => /^(\d{1,2})\.\d{1,3}\.?\s+\S/.exec(l)?.[1]).filter((n): n is string => n !== undefined && !years.has(n.padStart(2, '0')));
    return new Set(firsts).size >= 2;
  })();

  let numberForm: { form: MinuteNumberForm; year: string } | null = null;
  /** The numbers printed on the line below each numbered heading ("01/22"), as read. */
  const belowRead = new Map<PastMinute, { n: number; year: string; form: MinuteNumberForm; text: string }>();
  const preamble: string[] = [];
  const attendance: PastAttendance = { chair: null, present: [], officers: [], others: [], apologies: [], substitutes: [], absent: [] };
  const minutes: PastMinute[] = [];
  let closedAt: string | null = null;
  let closingLine: string | null = null;
  /**
   * Where the close was read: the line after it, and how many minutes and blocks of the last one there were. With no
   * minute started after it, the lines from there are the words printed after the close (placed after the loop).
   */
  let afterClose: { from: number; minutes: number; blocks: number } | null = null;
  let section: keyof PastAttendance | 'present' | 'guests' | null = null;
  /** The section's names were written on its heading's line, so a following line of names is read the same way. */
  let inline = false;
  let minute: PastMinute | null = null;
  /** The decision being read: open until a plain line follows its single resolution or its lettered ones. */
  let decision: { block: Extract<PastBlock, { type: 'decision' }>; lettered: boolean; closed: boolean } | null = null;
  let list: { block: Extract<PastBlock, { type: 'points' }>; next: number } | null = null;
  let lastStyleIndex = new Map<ListStyle, number>();
  /** The marker of each decision's first lettered resolution, in case it turns out to be the only one. */
  const firstMark = new Map<Extract<PastBlock, { type: 'decision' }>, string>();

  const blocks = () => minute!.blocks;
  const last = () => blocks()[blocks().length - 1];
  const startMinute = (number: number | null, title: string) => {
    minute = { number, title: title.trim(), blocks: [] };
    minutes.push(minute);
    decision = null;
    list = null;
    lastStyleIndex = new Map();
    section = null;
  };
  const expectedNumber = () => {
    const numbered = minutes.filter((m) => m.number !== null);
    return numbered.length ? numbered[numbered.length - 1]!.number! + 1 : null;
  };
  /**
   * Whether a numbered line starts the next minute: the first number, the next one, or a small jump forward (published
   * minutes skip a number, often an exempt minute left out of the public version: "7." then "9.") where the line looks
   * like a minute's heading (a short title, not a point of a numbered list open in the minute). A jump backwards or a
   * large one stays a line of the minute it is in.
   */
  const startsMinute = (n: number, title: string | undefined, alone = false): boolean => {
    const expected = expectedNumber();
    const heading = title !== undefined && title.length <= 100 && /^[A-Z‘'“"(]/.test(title) && !/[,;:]$/.test(title);
    // A web page's number on a line of its own starts the numbering even after unnumbered items ("PART I - RECOMMENDATIONS"),
    // and so does a numbered heading after headings printed with no number ("Chair's announcements", then "1. Apologies").
    if (expected === null) return !minute || (form === 'web' && alone) || (heading && minutes.every((m) => m.unnumbered));
    if (n === expected) return true;
    const inNumberedList = (list as { block: { style: ListStyle } } | null)?.block.style === 'number';
    if (n > expected && n - (expected - 1) <= MAX_MINUTE_NUMBER_JUMP && heading && !inNumberedList) {
      const last = expected - 1;
      warnings.push(`The minutes are numbered ${last} then ${n} (${n - expected === 1 ? `minute ${expected} is` : `minutes ${expected} to ${n - 1} are`} not in them, as where an exempt minute is left out of the published minutes): the numbers are kept as printed. Check them.`);
      return true;
    }
    return false;
  };
  const paragraph = (text: string) => {
    decision = null;
    list = null;
    blocks().push({ type: 'paragraph', text });
  };
  /** A numbered heading's line: the minute starts if its number is the next, its words on the line its first paragraph. */
  const numberedHeading = (n: number, text: string): boolean => {
    const { title, words } = headingAndWords(text);
    if (!startsMinute(n, title)) return false;
    startMinute(n, title);
    if (words) paragraph(words);
    return true;
  };

  const webTitle = (line: string, i: number): boolean => {
    if (line.length > 160 || /^That\b/.test(line) || MARKER.test(line) || BULLET.test(line) || LABEL.test(line)) return false;
    // A decision's words ("Resolved to RECOMMEND: (to Council)") or a heading of the page's parts ("PART II - MINUTES") is not a minute's title.
    if (/^(?:resolved|agreed|noted|recommended)\b/i.test(line) || PAGE_PART.test(line)) return false;
    const raw = rawLines[at + i] ?? '';
    if (/ pdf icon PDF \d/i.test(raw)) return true;
    const next = body.slice(i + 1).find((l) => l !== '') ?? '';
    // The page's "Minutes:" label straight after a line: that line is the item's title.
    if (/^Minutes:?$/i.test(next)) return true;
    if (PRESENTER.test(next) || /^Additional documents:?$/i.test(next)) return true;
    if (recogniseStandardItem(line.replace(/\.$/, '')) !== 'business' && line.split(/\s+/).length <= 8) return true;
    return !/[.;:,]$/.test(line) && /^[A-Z]/.test(line) && line.split(/\s+/).length <= 8 && !/^(Friday|Monday|Tuesday|Wednesday|Thursday|Saturday|Sunday)\b/.test(line);
  };

  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    if (line === '') continue;
    if (FURNITURE.some((f) => f.test(line))) continue;
    if (form === 'web' && PRESENTER.test(line)) continue;

    // A new minute: its number (the next one, so a numbered point inside a minute is not taken for one).
    // Minutes under headings: a numbered line is a point of the heading's minute ("1. Gravel at Beech Drive …").
    const numbered = headed ? null : (NUMBERED.exec(line) ?? (bareNumbers ? BARE_NUMBERED.exec(line) : null));
    if (numbered && numberedHeading(Number(numbered[1]), numbered[2]!)) {
      // The minute's own number on the line below its heading ("1. Election of Chairman" / "01/22"): read, placed after the loop.
      const k = body.findIndex((l, n) => n > i && l !== '');
      const below = k > 0 && blocks().length === 0 ? belowNumber(body[k]!, date) : null;
      if (below) {
        belowRead.set(minute!, { ...below, text: body[k]! });
        i = k;
      }
      continue;
    }

    const yearlyLine = headed ? null : YEAR_NUMBERED.exec(line);
    const yearly = yearlyLine && !numbered && !(paragraphNumbers && yearlyLine[2] === '.') ? yearNumber(yearlyLine[1]!, yearlyLine[2]!, yearlyLine[3]!, date) : null;
    const prefixedLine = !numbered && !yearly ? PREFIXED.exec(line) : null;
    const prefixed: ReturnType<typeof prefixedNumber> = prefixedLine ? prefixedNumber(prefixedLine[1]!, prefixedLine[2]!, date, (numberForm as { form: MinuteNumberForm } | null)?.form) : null;
    const within: { n: number; year: string; form: MinuteNumberForm; text: string } | null = yearly ? { ...yearly, text: yearlyLine![4]! } : prefixed ? { ...prefixed, text: prefixedLine![3]! } : null;
    if (within && (!numberForm || (numberForm.form === within.form && numberForm.year === within.year))) {
      if (numberedHeading(within.n, within.text)) {
        if (!numberForm) {
          numberForm = { form: within.form, year: within.year };
          const printed = prefixedLine ? `${prefixedLine[1]}${prefixedLine[2]}` : line.split(/\s/)[0];
          warnings.push(`The minutes are numbered within their year (“${printed}”): each keeps its full number, and the body’s later minutes are numbered the same way.`);
        }
        continue;
      }
    }
    const alone = headed ? null : NUMBER_ALONE.exec(line);
    if (alone) {
      const n = Number(alone[1]);
      const title = body.slice(i + 1).find((l) => l !== '');
      if (title && startsMinute(n, title, true)) {
        startMinute(n, title);
        // The agenda's text sits between the title and "Minutes:"; the minute's own words follow that label.
        i = body.indexOf(title, i + 1);
        const label = body.findIndex((l, k) => k > i && /^Minutes:?$/i.test(l));
        const next = body.findIndex((l, k) => k > i && NUMBER_ALONE.test(l));
        if (label > 0 && (next < 0 || label < next)) {
          if (body.slice(i + 1, label).some((l) => l !== '')) warnings.push(`Under “${title}” the page showed the agenda’s text before “Minutes:”; it was left out.`);
          i = label;
        }
        continue;
      }
    }
    // Minutes with no numbers: each heading starts a minute of its own, after the attendance (read below).
    if (headed && !afterClose && !(inline && !minute && namesLine(line)) && (minute || !(SECTION.some(([re]) => re.test(line)) || INLINE_SECTION.some(([re]) => re.test(line))))) {
      const heading = headedHeading(line, body.slice(i + 1).find((l) => l !== ''));
      // Under a heading of people ("PRESENT" / "R. Lanning (in the Chair)"), a name is not a heading: only a heading with its
      // words, or a standard one, ends the list. Straight below a heading with no words, a line is its words.
      const strong = heading && (heading.words !== null || knownHeading(heading.title));
      const waiting = minute !== null && (minute as PastMinute).blocks.length === 0;
      if (heading && (strong || (!(section && !minute) && !waiting))) {
        startMinute(null, heading.title);
        minute!.unnumbered = true;
        if (heading.words) paragraph(heading.words);
        continue;
      }
    }
    if (/^(Minutes|Decision):?$/i.test(line) && minute) continue;

    // A heading printed with no number before the numbered minutes ("Chair's announcements", "Public participation"):
    // a minute of its own that takes no number.
    const unnumbered = form === 'printed' && !afterClose && minutes.every((m) => m.unnumbered) ? headingAndWords(line) : null;
    if (unnumbered && UNNUMBERED_HEADING.test(unnumbered.title)) {
      startMinute(null, unnumbered.title);
      minute!.unnumbered = true;
      if (unnumbered.words) paragraph(unnumbered.words);
      continue;
    }

    // Before the first minute: the attendance.
    if (!minute) {
      // "… 8 Members of the public. Also in attendance PCSO Sara Green …": the next list starts within the line.
      const also = /^(.+?[.;])\s+((?:also (?:present|in attendance)|in attendance|apologies(?: for absence)?)\b.+)$/i.exec(line);
      if (also && INLINE_SECTION.some(([re]) => re.test(line)) && INLINE_SECTION.some(([re]) => re.test(also[2]!))) {
        body.splice(i, 1, also[1]!, also[2]!);
        i--;
        continue;
      }
      const sec = SECTION.find(([re]) => re.test(line));
      if (sec) {
        section = sec[1];
        inline = false;
        continue;
      }
      // The names on the heading's own line ("Present: Cllr A. Brown – Chair, Cllr C. Dean and 3 members of the public.").
      const inlineSec = form === 'printed' ? INLINE_SECTION.map(([re, s]) => [re.exec(line), s] as const).find(([m]) => m) : undefined;
      // A list written out ends at the first line that is not more names: what follows is words, not people.
      if (!inlineSec && inline && !namesLine(line)) {
        inline = false;
        section = null;
      }
      const written: (typeof INLINE_SECTION)[number][1] | null = inlineSec ? inlineSec[1] : inline && (section === 'present' || section === 'officers' || section === 'others' || section === 'apologies' || section === 'absent') ? section : null;
      const listed = written ? (inlineSec ? inlineSec[0]![1]! : line) : null;
      if (written && listed !== null) {
        const read = NO_ONE.test(listed.trim()) ? null : inlinePeople(listed);
        if (inlineSec) {
          section = written;
          inline = true;
        }
        if (read) {
          if (read.chair && written === 'present' && !attendance.chair) attendance.chair = personOf(read.chair);
          else if (read.chair) attendance[written].push(personOf(read.chair));
          // "Also present via Teams virtually: …": the heading says they took part remotely.
          const remotely = inlineSec && /^[^:]*\b(?:(?:Microsoft )?Teams|Zoom|virtual(?:ly)?|remotely|online)\b[^:]*:/i.test(line);
          for (const person of read.people) {
            if (remotely) person.remote = true;
            // Under Present, a clerk or officer named with their role ("Mrs C Hardy (Clerk)") is an officer, not a member.
            if (person.as === 'officer' && written === 'present') attendance.officers.push(person);
            else attendance[written].push(person);
          }
          continue;
        }
        // Words, not names ("No apologies", a sentence): kept, never dropped.
        preamble.push(line);
        continue;
      }
      if (form === 'web' && PAGE_PART.test(line)) {
        // "PART I - RECOMMENDATIONS" above the first item: words before the first minute, kept with it.
        preamble.push(line);
        continue;
      }
      if (form === 'web') {
        // The page's first minute has no heading: its words start the minutes.
        if (webTitle(line, i)) startMinute(null, line);
        else {
          startMinute(null, /welcome|introduc/i.test(line) ? 'Introductions' : 'Untitled minute');
          warnings.push(`The first minute has no title on the page; it was called “${minute!.title}”. Check its title and number.`);
          paragraph(line);
        }
        continue;
      }
      // A sentence under a heading of people ("The Chairman welcomed everyone present …") is not a person: its words are kept.
      if (section && !line.includes('\t') && /[.!?]$/.test(line) && line.split(/\s+/).length >= 6 && !/^(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\b[^,]*$/.test(line)) {
        preamble.push(line);
        continue;
      }
      // "There were no absences" under Absent names no one: its words are kept, as the first words of the minutes.
      if (section === 'absent' && NO_ONE.test(line)) {
        preamble.push(line);
        continue;
      }
      // "Councillors:" under Present: a heading of the list, not a person.
      if (section && /^(?:councillors|members|cllrs)\s*:?$/i.test(line)) continue;
      if (section) {
        const chair = /^(.+?)\s*\((?:in the )?(?:Chair|Chairman|Chairwoman|Chairperson)\)\.?$/i.exec(line);
        // The role before the name, as a ModernGov minutes document sets it: "Chairman Cllr Foss", "Vice Chairman Cllr Austen".
        const roleFirst = /^((?:Vice[- ]|Deputy )?(?:Chair|Chairman|Chairwoman|Chairperson|Mayor|Deputy Mayor|Leader))\s+((?:Cllr\.?|Councillor|Mr|Mrs|Ms|Miss|Dr)\s+.+)$/i.exec(line);
        if (roleFirst && section === 'present') {
          if (/^(?:chair|chairman|chairwoman|chairperson)$/i.test(roleFirst[1]!) && !attendance.chair) attendance.chair = personOf(roleFirst[2]!);
          else attendance.present.push({ ...personOf(roleFirst[2]!), detail: roleFirst[1]! });
          continue;
        }
        if (chair && section === 'present') attendance.chair = personOf(chair[1]!);
        else if (section === 'guests') attendance.others.push({ ...personOf(line), as: 'guest' });
        else {
          const person = personOf(line, section);
          // "Two members of the public" under In attendance: the public, not an officer.
          if (/\bmembers? of the (?:public|press)\b|\bpress\b/i.test(person.name) && section !== 'apologies') person.as = 'guest';
          (attendance[section] as PastPerson[]).push(person);
        }
        continue;
      }
      // Words before the first minute that are not attendance ("The Chairman welcomed everyone …"): kept, never dropped.
      preamble.push(line);
      continue;
    }

    // A page that numbers its minutes marks its titles by their numbers: the unnumbered page's guesses are not needed.
    if (form === 'web' && !afterClose && !minutes.some((m) => m.number !== null) && webTitle(line, i)) {
      startMinute(null, line);
      continue;
    }

    const close = CLOSE.exec(line);
    if (close && hhmm(close[1]!)) {
      closedAt = hhmm(close[1]!);
      closingLine = line;
      // What follows the close (the signature, the clerk's name) is read as usual, but carries on no decision or list.
      afterClose = { from: i + 1, minutes: minutes.length, blocks: blocks().length };
      decision = null;
      list = null;
      continue;
    }

    // A numbered paragraph that is a decision ("1.4 RESOLVED: That …"): read as the label's line, its number kept in it as printed.
    const paragraphNumber = PARAGRAPH_NUMBER.exec(line);
    const labelLine = paragraphNumber ? line.slice(paragraphNumber[0].length) : line;
    // The label's line leading into lettered or numbered resolutions directly below it: a decision with those resolutions, its line kept as printed.
    // A bare label ("RESOLVED:", "1.4 RESOLVED:") leads into them too where they are numbered or roman ("(1)", "i)").
    const bareLead = LABEL.exec(labelLine);
    const lead = LABEL_LEAD.exec(labelLine) ?? bareLead;
    if (lead) {
      let k = i + 1;
      while (k < body.length && body[k]!.trim() === '') k++;
      const marks: string[] = [];
      const texts: string[] = [];
      /** Whether each marker was printed with a closing bracket alone ("1)" rather than "(1)"). */
      const closing: boolean[] = [];
      for (; k < body.length; k++) {
        const next = body[k]!.trim();
        if (next === '') continue;
        const m = RESOLUTION_MARK.exec(next);
        if (m) {
          marks.push(m[1] ?? m[2]!);
          texts.push(m[3]!.trim());
          closing.push(m[1] === undefined);
          continue;
        }
        // A line carrying on the resolution before it across a page break.
        if (texts.length && /^[a-z]/.test(next)) {
          texts[texts.length - 1] += ` ${next}`;
          continue;
        }
        break;
      }
      const style = texts.length ? resolutionRun(marks) : null;
      if (style && (!bareLead || style !== 'alpha')) {
        list = null;
        // A bare label prints as the label does ("RESOLVED:"); only a line printed otherwise is kept as its introduction.
        const intro = bareLead && line === `${lead[1]}:` ? null : line;
        const block: Extract<PastBlock, { type: 'decision' }> = {
          type: 'decision',
          label: (lead[1] ?? lead[2]) as DecisionLabel,
          resolutions: texts,
          intro,
          ...(style !== 'alpha' ? { style } : {}),
          // "a)", "1)", "i)" throughout: the bracket form is kept too, so they print as they were printed.
          ...(closing.every(Boolean) ? { bracket: 'close' as const } : {}),
        };
        blocks().push(block);
        decision = { block, lettered: true, closed: true };
        i = k - 1;
        continue;
      }
    }
    // The label and its resolutions run on after it on one line ("RESOLVED – That: (a) …; and (b) …"): a decision whose
    // label's part is printed as read, each resolution on a line of its own, the words as printed.
    const run = LABEL_RUN.exec(labelLine);
    if (run) {
      const parts = run[4]!.split(RUN_MARK);
      const marks = [run[3]!, ...parts.filter((_, n) => n % 2 === 1)];
      const texts = parts.filter((_, n) => n % 2 === 0).map((t) => t.trim());
      const style = marks.length >= 2 && texts.every(Boolean) ? resolutionRun(marks) : null;
      if (style) {
        list = null;
        const intro = paragraphNumber ? `${paragraphNumber[0].trim()} ${run[1]!.trim()}` : run[1]!.trim();
        const block: Extract<PastBlock, { type: 'decision' }> = {
          type: 'decision',
          label: run[2] as DecisionLabel,
          resolutions: texts,
          intro,
          ...(style !== 'alpha' ? { style } : {}),
        };
        blocks().push(block);
        decision = { block, lettered: true, closed: true };
        continue;
      }
    }
    // The label and its single resolution on one line: "RESOLVED – That the minutes … be approved as a correct record."
    // In title case too ("Resolved – That the minutes … be agreed"), its label's part then printed as it was.
    const titledInline = LABEL_INLINE.exec(labelLine) ? null : /^(Resolved)\s*(?:[–—:-]|\s)\s*(That\b(?!\s*[:–—-]*\s*$).+)$/.exec(labelLine);
    const inlineLabel = LABEL_INLINE.exec(labelLine) ?? (titledInline ? (['', 'RESOLVED', titledInline[2]!] as unknown as RegExpExecArray) : null);
    if (inlineLabel) {
      list = null;
      // The label's part of the line as printed ("RESOLVED –", "1.4 RESOLVED:", "Resolved –"), kept with the resolution on
      // one line, so the words and the line print as they were.
      const labelPart = line.slice(0, line.length - inlineLabel[2]!.length).trim();
      const block: Extract<PastBlock, { type: 'decision' }> = {
        type: 'decision',
        label: inlineLabel[1] as DecisionLabel,
        resolutions: [inlineLabel[2]!.trim()],
        // Printed on one line with its label ("RESOLVED – That …"), it prints so again.
        intro: labelPart,
        runOn: true,
      };
      blocks().push(block);
      decision = { block, lettered: false, closed: true };
      continue;
    }
    // "Resolved" alone on its line, in title case as some councils print it, or "RESOLVED" with no colon: the label, printed as it was.
    const label = LABEL.exec(labelLine) ?? (/^Resolved\s*[:.–—-]?$/.test(labelLine) ? (['', 'RESOLVED'] as unknown as RegExpExecArray) : null);
    if (label) {
      list = null;
      const block: Extract<PastBlock, { type: 'decision' }> = { type: 'decision', label: label[1] as DecisionLabel, resolutions: [], ...(paragraphNumber || line !== `${label[1]}:` ? { intro: line } : {}) };
      blocks().push(block);
      decision = { block, lettered: false, closed: false };
      continue;
    }

    const marker = MARKER.exec(line);
    const bullet = BULLET.exec(line);
    const numberPoint = !marker && !bullet ? NUMBER_POINT.exec(line) : null;
    const d = decision as { block: Extract<PastBlock, { type: 'decision' }>; lettered: boolean; closed: boolean } | null;

    // A lettered resolution: in an open decision, or on a web page a lettered "That …".
    if (marker && (d && !d.closed && (d.lettered || d.block.resolutions.length === 0)) && /^[a-z]$/.test(marker[1]!)) {
      if (d.block.resolutions.length === 0) firstMark.set(d.block, `(${marker[1]!})`);
      d.block.resolutions.push(marker[2]!.trim());
      d.lettered = true;
      continue;
    }
    if (marker && form === 'web' && /^That\b/.test(marker[2]!.trim()) && /^[a-z]$/.test(marker[1]!)) {
      if (!d || d.closed || !d.lettered) {
        const block: Extract<PastBlock, { type: 'decision' }> = { type: 'decision', label: 'RESOLVED', resolutions: [] };
        list = null;
        blocks().push(block);
        decision = { block, lettered: true, closed: false };
      }
      (decision as unknown as { block: { resolutions: string[] } }).block.resolutions.push(marker[2]!.trim());
      continue;
    }

    // A point of a list.
    const point: { style: ListStyle; index: number; text: string } | null = marker
      ? (() => {
          const l = list as { block: Extract<PastBlock, { type: 'points' }>; next: number } | null;
          const m = markerOf(marker[1]!, l ? { style: l.block.style, next: l.next } : null);
          return m ? { ...m, text: marker[2]!.trim() } : null;
        })()
      : bullet
        ? { style: 'bullet' as ListStyle, index: -1, text: bullet[1]!.trim() }
        : numberPoint && (list as { block: { style: ListStyle } } | null)?.block.style === 'number'
          ? { style: 'number' as ListStyle, index: Number(numberPoint[1]) - 1, text: numberPoint[2]!.trim() }
          : numberPoint && Number(numberPoint[1]) === 1
            ? { style: 'number' as ListStyle, index: 0, text: numberPoint[2]!.trim() }
            : null;
    if (point) {
      decision = null;
      const l = list as { block: Extract<PastBlock, { type: 'points' }>; next: number } | null;
      const index: number = point.style === 'bullet' ? (l?.block.style === 'bullet' ? l.next : 0) : point.index;
      if (l && l.block.style === point.style && index === l.next) {
        l.block.items.push(point.text);
        l.next++;
        continue;
      }
      // A new list: the paragraph just before it, ending in a colon, is its introduction.
      const before = last();
      let intro: string | null = null;
      if (before?.type === 'paragraph' && /:$/.test(before.text) && index === 0) {
        intro = before.text;
        blocks().pop();
      }
      const block: Extract<PastBlock, { type: 'points' }> = { type: 'points', style: point.style, start: Math.max(0, index), intro, items: [point.text] };
      blocks().push(block);
      list = { block, next: Math.max(0, index) + 1 };
      lastStyleIndex.set(point.style, Math.max(0, index) + 1);
      continue;
    }

    // A line carrying on the one before it across a page break ("more collaboration" / "between NPS and CRC …").
    const prev = last();
    if (/^[a-z]/.test(line) && prev) {
      if (prev.type === 'points') {
        prev.items[prev.items.length - 1] += ` ${line}`;
        continue;
      }
      if (prev.type === 'paragraph') {
        prev.text += ` ${line}`;
        continue;
      }
      // A resolution carried on across a line break ("… be" / "agreed as a correct record.").
      if (prev.type === 'decision' && prev.resolutions.length && /\s(?:be|to|the|of|and|that|as|on|for|in)$/.test(prev.resolutions[prev.resolutions.length - 1]!)) {
        prev.resolutions[prev.resolutions.length - 1] += ` ${line}`;
        continue;
      }
    }

    // A plain resolution: the first after a label, or on a web page a line beginning "That".
    if (d && !d.closed && !d.lettered && d.block.resolutions.length === 0) {
      d.block.resolutions.push(line);
      d.closed = true;
      continue;
    }
    if (form === 'web' && /^That\b/.test(line)) {
      const block: Extract<PastBlock, { type: 'decision' }> = { type: 'decision', label: 'RESOLVED', resolutions: [line] };
      list = null;
      blocks().push(block);
      decision = { block, lettered: false, closed: true };
      continue;
    }
    paragraph(line);
  }

  // A decision with one lettered resolution ("RESOLVED:" then "(a) That the hedge be cut."): it prints plain, so its marker is kept in its words.
  for (const [block, mark] of firstMark) if (block.resolutions.length === 1) block.resolutions[0] = `${mark} ${block.resolutions[0]}`;
  if (form === 'web') for (const m of minutes) dropAgendaText(m, warnings);
  if (belowRead.size) numberForm = placeBelowNumbers(minutes, belowRead, numberForm, warnings) ?? numberForm;
  const afterTheClose = wordsAfterClose(body, minutes, afterClose, warnings);
  // Where the minutes print numbers, a minute read without one was printed without one (a heading before the numbered
  // minutes): it stays unnumbered, and the numbers of the others are as printed.
  if (minutes.some((m) => m.number !== null)) {
    const without = minutes.filter((m) => m.number === null);
    for (const m of without) m.unnumbered = true;
    if (without.length) {
      warnings.push(`${without.length === 1 ? `“${without[0]!.title}” is` : `${without.length} minutes (“${without[0]!.title}” …) are`} printed with no number before the numbered minutes: ${without.length === 1 ? 'it is' : 'they are'} kept without one, and the other minutes keep their numbers.`);
    }
  }
  // Words before the first minute that are not attendance are printed there again, after the attendance; so many that
  // they could not be one of the meeting's sentences start the first minute instead.
  const beforeFirst = preamble.length && preamble.join('\n\n').length <= TEXT_CHARS.entry ? [...preamble] : [];
  if (preamble.length && minutes.length) {
    if (!beforeFirst.length) minutes[0]!.blocks.unshift(...preamble.map((text) => ({ type: 'paragraph' as const, text })));
    warnings.push(
      `Before the first minute, ${preamble.length === 1 ? `“${preamble[0]!.slice(0, 80)}” is not attendance; it was` : `${preamble.length} lines (“${preamble[0]!.slice(0, 60)}” …) are not attendance; they were`} kept as ${beforeFirst.length ? 'words before the first minute, after the attendance' : `the first words of ${minutes[0]!.unnumbered ? 'the minute' : `minute ${minutes[0]!.number ?? 1}`} “${minutes[0]!.title}”`}.`,
    );
  }
  placeRecords(minutes, attendance, warnings);
  if (minutes.length === 0) return { ok: false, message: NO_MINUTES };
  for (const m of minutes) {
    if (m.blocks.length === 0) warnings.push(`Minute ${m.number ?? ''} “${m.title}” has no words under its title.`.replace('  ', ' '));
    for (const b of m.blocks) if (b.type === 'decision' && b.resolutions.length === 0) warnings.push(`The decision of minute ${m.number ?? m.title} has a label but no resolution.`);
  }
  if (form === 'web' && minutes.every((m) => m.number === null)) warnings.push('A web page copied as text shows no minute numbers or decision labels: the numbers follow from the first one you give, and each “That …” is a resolution under RESOLVED.');
  if (!startTime) warnings.push('The minutes do not say when the meeting started; 10.00 am is assumed.');

  const actions = placeActions(
    actionTable,
    date,
    minutes.map((m) => ({ number: m.number, title: m.title, text: m.blocks.flatMap(blockText).join(' ') })),
  );
  const earlier = actions.filter((a) => a.raisedOn !== null && a.raisedOn !== date).length;
  if (earlier) warnings.push(`${earlier} of the ${actions.length} actions in the action log were raised at earlier meetings; they are kept with the minute shown, with the date they were raised.`);

  if (bodyName.length > TEXT_CHARS.name) return { ok: false, message: `The body’s name in the opening line is over ${TEXT_CHARS.name} characters (“${bodyName.slice(0, 60)}…”): these do not look like minutes. Nothing was saved.` };
  fitLimits(minutes, attendance, where, warnings);
  // A warning quotes what it is about; a long heading or line is quoted by its first words.
  for (let k = 0; k < warnings.length; k++) warnings[k] = warnings[k]!.replace(/“([^”]{80,})”/g, (_m, q: string) => `“${cutAt(q, 77)[0]}…”`).slice(0, TEXT_CHARS.detail);

  return {
    ok: true,
    value: {
      bodyName,
      date,
      startTime,
      venue: where.venue,
      mode: where.mode,
      attendance,
      minutes,
      closedAt,
      ...(beforeFirst.length ? { preamble: beforeFirst } : {}),
      ...(closingLine && closedAt ? { closingLine: (closingLine as string).slice(0, TEXT_CHARS.detail) } : {}),
      ...(afterTheClose.length ? { afterClose: afterTheClose } : {}),
      actions,
      form,
      warnings,
      // "(Min. 12)" prints no year.
      ...(numberForm ? { numberForm: (numberForm as { form: MinuteNumberForm }).form, ...((numberForm as { year: string }).year ? { numberYear: (numberForm as { year: string }).year } : {}) } : {}),
    },
  };
}

/**
 * The numbers read below the headings ("1. Election of Chairman" / "01/22") become the minutes' numbers where they can
 * print there again: every heading is numbered by its place (1., 2., 3. …, as the export numbers it by its agenda
 * number), every one has a number below it in one form and year, running on one by one, and no other form was read.
 * The body's form is then that form below the heading. Otherwise each is kept as the first words of its minute, as before.
 */
function placeBelowNumbers(
  minutes: PastMinute[],
  read: Map<PastMinute, { n: number; year: string; form: MinuteNumberForm; text: string }>,
  numberForm: { form: MinuteNumberForm; year: string } | null,
  warnings: string[],
): { form: MinuteNumberForm; year: string } | null {
  const reads = minutes.map((m) => read.get(m));
  const first = reads[0];
  const fits =
    !numberForm &&
    first !== undefined &&
    minutes.every((m, k) => m.number === k + 1) &&
    reads.every((r, k) => r !== undefined && r.form === first.form && r.year === first.year && r.n === first.n + k) &&
    isMinuteNumberForm(`${BELOW_HEADING}${first.form}`);
  if (!fits) {
    for (const [m, r] of read) m.blocks.unshift({ type: 'paragraph', text: r.text });
    return null;
  }
  minutes.forEach((m, k) => (m.number = reads[k]!.n));
  warnings.push(`Each minute’s number is printed on the line below its heading (“${first.text}”): the headings keep their numbers 1, 2, 3 …, each minute keeps the number below it, and the body’s later minutes are numbered the same way.`);
  return { form: `${BELOW_HEADING}${first.form}`, year: first.year };
}

/** Furniture that is the signature's, printed after the close ("Signed", "Chairman", a line of dots): kept there as printed. */
const SIGNATURE_FURNITURE = /^(?:(Chairman|Chair|Date|Signed|CHAIRMAN|CHAIR|DATE)\s*:?|[_.\s]{3,})$/;

/**
 * The words printed after the closing line ("Signed ……… Chairman", "Date ……", "Parish Clerk", the clerk's name), as
 * printed, the page's furniture aside: taken out of the last minute, where the reading left them, to print after the
 * close again. Where a minute started after the close (the public minutes closed before the exempt ones), or the
 * words are too many for one of the meeting's sentences, they stay in the minutes, as before.
 */
function wordsAfterClose(body: readonly string[], minutes: PastMinute[], at: { from: number; minutes: number; blocks: number } | null, warnings: string[]): string[] {
  if (!at || minutes.length !== at.minutes || !minutes.length) return [];
  const lines = body.slice(at.from).filter((l) => l !== '' && !(FURNITURE.some((f) => f.test(l)) && !SIGNATURE_FURNITURE.test(l)));
  if (!lines.length || lines.length > MAX_ITEMS.pastBlocks || lines.join('\n\n').length > TEXT_CHARS.entry) return [];
  minutes[minutes.length - 1]!.blocks.splice(at.blocks);
  warnings.push(`After the closing line, ${lines.length === 1 ? `“${lines[0]}” is` : `${lines.length} lines (“${lines[0]}” …) are`} kept as words after the close, printed there${lines.some(isSignatureLine) ? ' in place of the app’s signature lines' : ''}.`);
  return lines;
}

/** A minute citing its agenda item: "a copy of which, marked 'Agenda Item 4', is filed", "(Agenda Item 6)". */
const AGENDA_REF = /\bmarked\s+['‘’"]?Agenda Item (\d{1,3})\b|[(‘'"]Agenda Item (\d{1,3})[)’'"]/i;
const EXCLUSION = /\b(?:press and |the )?public\b[^.]{0,60}?\bbe excluded\b|\bexclu(?:de|sion of) the (?:press and )?public\b/i;
const SCHEDULE_12A = /paragraphs?\s+(\d)\b[^.]{0,80}?\bSchedule\s+12A\b/i;
const DECLARED = /^(.{3,80}?)\s+(?:(?:also|then|further|each)\s+)?(declared\b.*)$/;

const blockText = (b: PastBlock): string[] => (b.type === 'paragraph' ? [b.text] : b.type === 'points' ? [b.intro ?? '', ...b.items] : b.resolutions);

/**
 * What the minutes' words record, placed as records beside them (the words
 * are still printed as read): the agenda item each minute cites, the
 * exclusion of the public (the minutes after it exempt, under the paragraph
 * of Schedule 12A it cites), and each declaration of interest by someone in
 * the attendance (who, in which item, its nature). A paragraph that only
 * looks like one (a name not in the attendance) stays a plain paragraph.
 */
function placeRecords(minutes: PastMinute[], attendance: PastAttendance, warnings: string[]): void {
  for (const m of minutes) {
    const ref = m.blocks.flatMap(blockText).map((t) => AGENDA_REF.exec(t)).find(Boolean);
    m.agendaRef = ref ? Number(ref[1] ?? ref[2]) : null;
    m.exempt = null;
  }
  const excludedAt = minutes.findIndex((m) => m.blocks.flatMap(blockText).some((t) => EXCLUSION.test(t)));
  if (excludedAt >= 0) {
    const text = minutes[excludedAt]!.blocks.flatMap(blockText).join(' ');
    const paragraph = SCHEDULE_12A.exec(text);
    const after = minutes.slice(excludedAt + 1);
    if (paragraph && Number(paragraph[1]) >= 1 && Number(paragraph[1]) <= 7) {
      for (const m of after) m.exempt = Number(paragraph[1]);
      if (after.length) warnings.push(`The public were excluded at “${minutes[excludedAt]!.title}”: the ${after.length === 1 ? 'minute' : `${after.length} minutes`} after it ${after.length === 1 ? 'is' : 'are'} kept as exempt (paragraph ${paragraph[1]} of Schedule 12A): the public minutes say ${after.length === 1 ? 'it was' : 'they were'} taken in private, and ${after.length === 1 ? 'its' : 'their'} words as read print in the exempt minutes.`);
    } else if (after.length) {
      warnings.push(`The public were excluded at “${minutes[excludedAt]!.title}”, but no paragraph of Schedule 12A is cited: the minutes after it are not marked exempt.`);
    }
  }
  const people = [attendance.chair, ...attendance.present, ...attendance.substitutes, ...attendance.officers, ...attendance.others].filter((p): p is PastPerson => p !== null);
  const names = people.map((p) => p.name);
  minutes.forEach((m, at) => {
    for (const b of m.blocks) {
      if (b.type !== 'paragraph') continue;
      const d = DECLARED.exec(b.text);
      const person = d ? (matchPerson(d[1]!, names) ?? undefined) : undefined;
      if (!d || !person || d[2]!.length > 1000) continue;
      const nature = d[2]!.trim();
      if (/^declared\s+(no|any)\b/i.test(nature)) continue;
      const item = /\b(?:agenda\s+)?item\s+(?:no\.?\s*)?(\d{1,3})\b/i.exec(nature);
      const minuteRef = /\bminute\s+(?:no\.?\s*)?(?:\d{2,4}[./])?(\d{1,4})\b/i.exec(nature);
      let minute = item ? minutes.findIndex((x) => x.agendaRef === Number(item[1])) : -1;
      if (minute < 0 && minuteRef) minute = minutes.findIndex((x) => x.number === Number(minuteRef[1]));
      if (minute < 0 && !/declarations? of interest/i.test(m.title)) minute = at;
      b.declaration = {
        person,
        minute: minute >= 0 ? minute : null,
        nature,
        category: /disclosable pecuniary/i.test(nature) ? 'dpi' : /other registrable/i.test(nature) ? 'other_registrable' : /non[- ]registrable/i.test(nature) ? 'non_registrable' : null,
        action: /\bleft the (?:meeting|room|chamber)\b/i.test(nature)
          ? 'left_no_part'
          : /\bremained\b/i.test(nature)
            ? 'remained'
            : /\b(?:did not vote|took no part in the vote|abstained)\b/i.test(nature)
              ? 'did_not_vote'
              : 'not_recorded',
      };
    }
  });
}

/**
 * A web page shows an item's agenda text above its minute ("Future meetings
 * are scheduled to take place on the following dates: …"). When the minute
 * repeats most of those lines after its decision, the first run is the
 * agenda's copy: it is left out, and the preview says so.
 */
function dropAgendaText(minute: PastMinute, warnings: string[]): void {
  const decided = minute.blocks.findIndex((b) => b.type === 'decision');
  if (decided < 2) return;
  const before = minute.blocks.slice(0, decided);
  if (!before.every((b) => b.type === 'paragraph')) return;
  const after = new Set(minute.blocks.slice(decided + 1).flatMap((b) => (b.type === 'paragraph' ? [b.text] : [])));
  const repeated = before.filter((b) => after.has((b as { text: string }).text)).length;
  if (repeated < 2 || repeated * 2 < before.length) return;
  minute.blocks.splice(0, decided);
  warnings.push(`Under “${minute.title}” the page showed the agenda’s text before the minute (“${(before[0] as { text: string }).text.slice(0, 60)}…”); the minute repeats it, so the agenda’s copy was left out.`);
}

/** Reads pasted text (a web page or a printed minutes document). */
export const readPastMinutesText = (text: string, today?: string): PastMinutesRead => readPastMinutes(text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/), today);

/** A person's name as a clerk compares it: case, full stops and spacing aside ("Mrs D. Taylor CC" = "Mrs. D Taylor CC"). */
export const personKey = (name: string) => name.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();

/** Titles before a name; "mr" and "mrs/ms/miss" tell two people of one surname apart, the others do not. */
const TITLES = new Set(['cllr', 'cllrs', 'councillor', 'county', 'district', 'borough', 'city', 'parish', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lady', 'lord', 'rev', 'revd', 'the']);
/** Letters after a name ("CC", "MBE"), never a surname. */
const SUFFIXES = new Set(['cc', 'dc', 'bc', 'pc', 'mbe', 'obe', 'cbe', 'jp', 'dl', 'qpm', 'esq', 'mp', 'jnr', 'snr', 'jr', 'sr']);
const MALE = new Set(['mr']);
const FEMALE = new Set(['mrs', 'ms', 'miss']);

/** A name taken apart: its title words, its given names or initials, and its surname. */
function nameParts(name: string): { titles: string[]; given: string[]; surname: string } | null {
  const words = name
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z-]+/g, ' ')
    .split(' ')
    .filter(Boolean);
  const titles: string[] = [];
  while (words.length && TITLES.has(words[0]!)) titles.push(words.shift()!);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  const surname = words.pop();
  if (!surname || surname.length < 2) return null;
  return { titles, given: words, surname };
}

/** Whether one given name or initial can be the other: the same word, or an initial of it. */
const sameGiven = (a: string, b: string) => a === b || (a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b));

/**
 * The person in `people` a declaration's name is written for ("Cllr Smith", "Councillor J. Smith", "Councillor John Smith",
 * "SMITH"), or null when none fits or more than one does: a name never goes to the wrong person. The same name written
 * the same way wins outright; otherwise the surname must match, and any given names or initials written must fit the
 * person's (an initial fits its name), and a title of one sex never fits a person of the other.
 */
export function matchPerson(written: string, people: readonly string[]): string | null {
  const exact = people.filter((p) => personKey(p) === personKey(written));
  if (exact.length === 1) return exact[0]!;
  const w = nameParts(written);
  if (!w) return null;
  const fits = people.filter((p) => {
    const c = nameParts(p);
    if (!c || c.surname !== w.surname) return false;
    const sexOf = (t: string[]) => (t.some((x) => MALE.has(x)) ? 'm' : t.some((x) => FEMALE.has(x)) ? 'f' : null);
    const [ws, cs] = [sexOf(w.titles), sexOf(c.titles)];
    if (ws && cs && ws !== cs) return false;
    // Given names compared in order, as far as both are written ("J. A. Smith" fits "John Smith").
    const n = Math.min(w.given.length, c.given.length);
    for (let k = 0; k < n; k++) if (!sameGiven(w.given[k]!, c.given[k]!)) return false;
    return true;
  });
  const unique = [...new Set(fits)];
  return unique.length === 1 ? unique[0]! : null;
}

/** Significant words of a body's name, for telling one body's minutes from another's. */
const nameWords = (name: string) =>
  new Set(
    name
      .toLowerCase()
      .replace(/[^a-z0-9 ]/g, ' ')
      .split(/\s+/)
      .filter((w) => w.length > 2 && !['the', 'and', 'for', 'council', 'committee', 'board'].includes(w)),
  );

/** Whether minutes naming `read` can be a body called `body`: most of the shorter name's words are in the other. */
export function sameBody(read: string, body: string): boolean {
  const a = nameWords(read);
  const b = nameWords(body);
  if (a.size === 0 || b.size === 0) return true;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= 0.6;
}

/**
 * The clerk's correction in the preview of a heading read where the minutes had none: minute `j` joins the minute
 * above it, its title a paragraph there followed by its words. Declarations and actions placed on it move with it, and
 * those on later minutes keep their minute. Nothing else changes; a first minute has nothing to join.
 */
export function joinMinuteAbove(meeting: PastMeeting, j: number): PastMeeting {
  if (j <= 0 || j >= meeting.minutes.length) return meeting;
  const moved = (minute: number | null) => (minute === null || minute < j ? minute : minute - 1);
  const placed = (b: PastBlock): PastBlock => (b.type === 'paragraph' && b.declaration ? { ...b, declaration: { ...b.declaration, minute: moved(b.declaration.minute) } } : b);
  const joined = meeting.minutes[j]!;
  const minutes = meeting.minutes
    .map((m, k) => (k === j - 1 ? { ...m, blocks: [...m.blocks, { type: 'paragraph' as const, text: joined.title }, ...joined.blocks] } : m))
    .filter((_, k) => k !== j)
    .map((m) => ({ ...m, blocks: m.blocks.map(placed) }));
  const actions = meeting.actions.map((a) => ({ ...a, minute: moved(a.minute)! }));
  return { ...meeting, minutes, actions };
}
