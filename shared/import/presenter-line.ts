/**
 * An agenda's presenter line -> the person who presents, as the minutes
 * print them. Pure.
 *
 * The forms on real agendas (../shared/reference-minutes):
 *   "Rik Basra, Community Safety Co-ordinator, Leicestershire County Council will present this report."
 *   "This report will be presented by Supt Aimee Ramm, Leicestershire Police."
 *   "This update will be provided by Raj Singh, Ministry of Justice."
 *   "A presentation will be given by Anita Chavda, Projects and Planning Officer, Leicestershire County Council."
 *   "Gurjit Samra-Rai, Leicestershire County Council, will provide a verbal update."
 *   "Nick Dann, Ministry of Justice, will provide an update."
 *   "An oral update will be provided at the meeting."  (nobody named: no author)
 * The person is the name, not the sentence.
 */

import type { OpeningKind } from '../model';

export type PresenterForm = 'report' | 'presentation' | 'verbal' | 'oral' | 'unknown';

/** The opening sentence a presenter line calls for: "A presentation will be given by …" -> a presentation received. */
export const OPENING_FOR_FORM: Record<PresenterForm, OpeningKind> = {
  report: 'report',
  presentation: 'presentation',
  verbal: 'verbal',
  oral: 'verbal',
  unknown: 'report',
};

export interface PresenterLine {
  /** "Rik Basra", "Supt Aimee Ramm", "Mrs D. Taylor CC"; '' when nobody is named. */
  name: string;
  /** "Community Safety Co-ordinator"; '' when not given. */
  role: string;
  /** "Leicestershire County Council"; '' when not given. */
  organisation: string;
  /**
   * What the presenter brings: a report, a presentation, a verbal update
   * ("… will provide an update" and "This update will be provided by …"
   * are minuted as an update received from the person), an oral update, or
   * a line this parser does not know (its person is still read).
   */
  form: PresenterForm;
  /** The author as the minutes print it ("name, role, organisation"), or null when nobody is named. */
  author: string | null;
}

/** The author as printed from the three parts: "Raj Singh, Ministry of Justice". */
export function composeAuthor(parts: Pick<PresenterLine, 'name' | 'role' | 'organisation'>): string {
  return [parts.name, parts.role, parts.organisation].map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join(', ');
}

const NOBODY: Omit<PresenterLine, 'form'> = { name: '', role: '', organisation: '', author: null };

/** Letters after a name that stay with it even after a comma: "Rob Nixon, QPM". */
const POST_NOMINALS = /^(CC|OBE|MBE|CBE|DBE|KBE|BEM|QPM|KPM|QFSM|JP|MP|DL|QC|KC|PhD|MSc|MA|BA|FRSA)\.?$/;

/** Words a job title starts with: "Head of Service", "Chief Executive". */
const ROLE_START =
  /^(the\s+)?(head|chief|director|deputy|assistant|lead|senior|principal|interim|acting|cabinet|portfolio|chair|chairman|vice|ceo|manager|officer|co-?ordinator|coordinator|leader|inspector|superintendent|commissioner|executive|adviser|advisor|analyst|specialist|clerk|secretary|member|president|supervisor|consultant|councillor|mayor)\b/i;
/** Words a job title ends with: "Community Safety Team Leader", "Police and Crime Commissioner". */
const ROLE_END =
  /\b(head|director|manager|officer|co-?ordinator|coordinator|leader|lead|inspector|superintendent|commissioner|executive|adviser|advisor|analyst|specialist|clerk|secretary|member|chair|chairman|chairperson|president|supervisor|consultant|worker|practitioner|nurse|ceo|councillor|mayor)$/i;
/** How an organisation's name starts: "Office of the Police and Crime Commissioner", "Ministry of Justice". */
const ORGANISATION_START = /^(the\s+)?(office|ministry|department|university|college|home\s+office)\s+(of|for)\b/i;
/** Words an organisation's name ends with. */
const ORGANISATION_END =
  /\b(council|police|constabulary|service|services|trust|nhs|authority|network|partnership|centre|center|board|agency|group|groups|commission|justice|probation|foundation|charity|society|association|company|ltd|limited|plc|cic|hospital|school|academy|icb|ccg|unit|team|office|department|directorate|federation|zone|first|community|project|prison)$/i;

/** Titles before a name: "Mrs D. Taylor CC", "Supt. A. Slonecki", "Cllr. L. Harper-Davies". */
const TITLE = /^(mr|mrs|ms|miss|mx|dr|prof|professor|cllr|councillor|supt|superintendent|chief\s+superintendent|ch\.?\s*supt|insp|inspector|sgt|pc|dci|di|ds|rev|revd|sir|dame|lord|lady|baroness)\b\.?/i;

const looksLikeOrganisation = (part: string) => ORGANISATION_START.test(part) || ORGANISATION_END.test(part);
/** A role starts or ends like one ("Head of Service" though it ends in "Service"), and is not an office's name. */
const looksLikeRole = (part: string) => !ORGANISATION_START.test(part) && (ROLE_START.test(part) || ROLE_END.test(part));

/**
 * "Rik Basra, Community Safety Co-ordinator, Leicestershire County Council"
 * -> name, role, organisation. The first part is the name (with any
 * post-nominals after a comma); the last is the organisation; what lies
 * between is the role. Of two parts, the second is a role only when it
 * reads like one ("Rik Basra, Community Safety Team Leader").
 */
export function splitPerson(text: string): Omit<PresenterLine, 'form'> {
  const cleaned = text.replace(/\s+/g, ' ').trim().replace(/^[\s,;:]+|[\s.,;:]+$/g, '');
  if (cleaned === '') return { ...NOBODY };
  const parts = cleaned
    .split(/\s*,\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  let name = parts.shift() ?? '';
  while (parts.length > 0 && POST_NOMINALS.test(parts[0]!)) name = `${name}, ${parts.shift()!}`;
  // "Leicester, Leicestershire and Rutland": a place list is one organisation.
  while (parts.length >= 3 && /\band\b/.test(parts[parts.length - 1]!) && /^[A-Z][\w-]*$/.test(parts[parts.length - 2]!)) {
    const last = parts.pop()!;
    parts[parts.length - 1] = `${parts[parts.length - 1]!}, ${last}`;
  }
  let role = '';
  let organisation = '';
  if (parts.length === 0 && looksLikeOrganisation(name) && !TITLE.test(name)) {
    // "Leicestershire Police will present this report": an organisation, nobody named.
    return { name: '', role: '', organisation: name, author: name };
  }
  if (parts.length === 1) {
    const only = parts[0]!;
    if (looksLikeRole(only)) role = only;
    else organisation = only;
  } else if (parts.length >= 2) {
    organisation = parts.pop()!;
    role = parts.join(', ');
  }
  const person = { name, role, organisation };
  return { ...person, author: composeAuthor(person) || null };
}

function formOf(what: string): PresenterForm {
  if (/\boral\b/i.test(what)) return 'oral';
  if (/\bverbal\b/i.test(what)) return 'verbal';
  if (/\bpresentation\b/i.test(what)) return 'presentation';
  if (/\bupdate\b/i.test(what)) return 'verbal';
  return 'report';
}

const VERBS = '(?:present|introduce|give|provide|deliver|lead|make)';
const PASSIVE_VERBS = '(?:presented|introduced|given|provided|delivered|led|made)';

/** "This report will be presented by X", "A presentation will be given by X", "An oral update will be provided at the meeting". */
const PASSIVE = new RegExp(
  `^(?:this|the|an?)\\s+((?:verbal\\s+|oral\\s+|short\\s+|brief\\s+|further\\s+)*(?:report|update|presentation|paper|item))\\s+(?:will|is\\s+to|is\\s+going\\s+to)\\s+be\\s+${PASSIVE_VERBS}\\b(?:\\s+by\\s+(.+?))?(?:\\s+at\\s+the\\s+meeting)?$`,
  'i',
);
/** "X will present this report", "X, will provide a verbal update", "X to present the report". */
const ACTIVE = new RegExp(`^(.+?)[\\s,]+(?:will|to|is\\s+to|are\\s+to)\\s+${VERBS}\\b(.*)$`, 'i');
/** "Presented by X", "Presenter: X", "Report of the Director of Public Health". */
const LABELLED = /^(?:(?:to\s+be\s+)?presented\s+by|presenters?\s*:|lead\s+officer\s*:|contact\s*:)\s*(.+)$/i;
const REPORT_OF = /^report\s+(?:of|by|from)\s+(.+)$/i;

/**
 * Reads one presenter line. The clerk's text is never lost: a line in no
 * known form keeps its person (the whole line read as name, role,
 * organisation), with form 'unknown'.
 */
export function parsePresenterLine(line: string): PresenterLine {
  const text = line
    .replace(/[*_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s.;:!]+$/, '');
  if (text === '') return { ...NOBODY, form: 'unknown' };

  const passive = PASSIVE.exec(text);
  if (passive) {
    const form = formOf(passive[1]!);
    const who = passive[2] ? stripTrailingClause(passive[2]) : '';
    return { ...splitPerson(who), form };
  }
  const active = ACTIVE.exec(text);
  if (active) {
    return { ...splitPerson(active[1]!), form: formOf(active[2]!) };
  }
  const labelled = LABELLED.exec(text);
  if (labelled) return { ...splitPerson(stripTrailingClause(labelled[1]!)), form: 'report' };
  const reportOf = REPORT_OF.exec(text);
  if (reportOf) {
    const who = reportOf[1]!.trim();
    // "Report of the Director of Public Health": a role, printed with its article.
    if (/^the\s/i.test(who) && !who.includes(',')) {
      return !looksLikeRole(who)
        ? { name: '', role: '', organisation: who, author: who, form: 'report' }
        : { name: '', role: who, organisation: '', author: who, form: 'report' };
    }
    return { ...splitPerson(who), form: 'report' };
  }
  return { ...splitPerson(text), form: 'unknown' };
}

/** "Raj Singh, Ministry of Justice on behalf of the Probation Service" -> "Raj Singh, Ministry of Justice". */
function stripTrailingClause(who: string): string {
  return who.replace(/\s+(?:on\s+behalf\s+of|at\s+the\s+meeting)\b.*$/i, '').trim();
}
