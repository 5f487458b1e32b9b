/**
 * Minute numbers run on through the municipal year and restart at the first
 * meeting of the next one; within a meeting they follow the order taken.
 */
import type { AgendaItem, MinuteNumberForm } from '../model';

/** The ISO date the municipal year containing `iso` began, for a year starting in `startMonth` (1-12). */
export function municipalYearStart(iso: string, startMonth: number): string {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const startYear = month >= startMonth ? year : year - 1;
  return `${startYear}-${String(startMonth).padStart(2, '0')}-01`;
}

/** "2022/23": the municipal year of a date, as the minutes print it. */
export function municipalYearLabel(iso: string, startMonth: number): string {
  const start = Number(municipalYearStart(iso, startMonth).slice(0, 4));
  if (startMonth === 1) return String(start);
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

export const sameMunicipalYear = (a: string, b: string, startMonth: number) =>
  municipalYearStart(a, startMonth) === municipalYearStart(b, startMonth);

/** Items in the order of business (the order taken, or to be taken). */
export const inBusinessOrder = (items: readonly AgendaItem[]): AgendaItem[] =>
  [...items].sort((a, b) => a.businessOrder - b.businessOrder || a.position - b.position || a.id - b.id);

export const inAgendaOrder = (items: readonly AgendaItem[]): AgendaItem[] =>
  [...items].sort((a, b) => a.position - b.position || a.id - b.id);

/**
 * The place in the order of business where it first departs from the agenda,
 * or -1 when items are taken as the agenda sets them out. The consent to vary
 * the order of business is minuted there.
 */
export function orderVariedAt(items: readonly AgendaItem[]): number {
  const business = inBusinessOrder(items);
  const agenda = inAgendaOrder(items);
  return business.findIndex((item, i) => item.id !== agenda[i]!.id);
}

/** A form's parts: {n} the number ({nn}, {nnn} with noughts before it to two or three figures), {yy} or {yyyy} the year, {yy+1} the year after. */
const FORM_TOKEN = /\{(n|nn|nnn|yy|yyyy|yy\+1)\}/g;
/**
 * A form a body can print its minute numbers in: an optional prefix of letters with one separator ("Cou/", "PC/", "FC "),
 * then the number and any year parts joined by ".", "/" or "-", an optional stop at the end; exactly one number part.
 */
const FORM_SHAPE = /^(?:[A-Za-z]{1,6}[ /.-]?)?\{(?:n|nn|nnn|yy|yyyy|yy\+1)\}(?:[./-]\{(?:n|nn|nnn|yy|yyyy|yy\+1)\}){0,3}\.?$/;
/**
 * A minute's number printed on the line below its heading, the heading numbered by its place on the agenda, as a
 * ModernGov minutes document sets it ("1. Election of Chairman" / "01/22"): the form starts with this, then the
 * number's own form, which may also be set in brackets or after a word ("{nn}/{yy}", "Minute {yy}/{n}", "(Min. {n})").
 */
export const BELOW_HEADING = '{a}.\n';
const BELOW_SHAPE = /^(?:[A-Za-z]{1,6}\.?[ /.-]?)?\{(?:n|nn|nnn|yy|yyyy|yy\+1)\}(?:[./-]\{(?:n|nn|nnn|yy|yyyy|yy\+1)\}){0,3}\.?$/;
/** The form of the number a body prints below each heading ("{nn}/{yy}"), or null where it prints it before the title. */
export const belowHeading = (form: string): MinuteNumberForm | null => (form.startsWith(BELOW_HEADING) ? form.slice(BELOW_HEADING.length) : null);
export function isMinuteNumberForm(form: string): boolean {
  const below = belowHeading(form);
  // Below the heading, the number may be set in brackets: "(Min. {n})".
  const own = below === null ? form : /^\(.*\)$/.test(below) ? below.slice(1, -1) : below;
  if (form.length > 40 || !(below === null ? FORM_SHAPE : BELOW_SHAPE).test(own)) return false;
  const parts = [...own.matchAll(FORM_TOKEN)].map((m) => m[1]!);
  return parts.filter((p) => p.startsWith('n')).length === 1 && (!parts.includes('yy+1') || parts.includes('yy') || parts.includes('yyyy'));
}

/** A minute's number as printed in `form`, the year being that of the start of the municipal year of `date` (numbering restarts then). */
export function minuteMark(number: number, date: string, startMonth: number, form: MinuteNumberForm = '{n}.'): string {
  return markInYear(number, Number(municipalYearStart(date, startMonth).slice(0, 4)), form);
}

/** A minute's number as printed in `form` in the (municipal) year starting in `year` (2007: "Cou/285/07-08"). */
export function markInYear(number: number, year: number, form: MinuteNumberForm = '{n}.'): string {
  const two = (y: number) => String(y % 100).padStart(2, '0');
  // Printed below the heading ("01/22"): the number as printed there.
  return (belowHeading(form) ?? form).replace(FORM_TOKEN, (_, part: string) =>
    part === 'n' ? String(number)
    : part === 'nn' ? String(number).padStart(2, '0')
    : part === 'nnn' ? String(number).padStart(3, '0')
    : part === 'yyyy' ? String(year)
    : part === 'yy' ? two(year)
    : two(year + 1),
  );
}

/** A meeting as numbering sees it. */
export interface NumberedMeeting {
  id: number;
  date: string;
  startTime: string;
  /** The clerk's own first number, or the number approved minutes were frozen with; null = continue. */
  minuteNumberStart: number | null;
  /** How many minutes it has (see minuteCount). */
  minuteCount: number;
}

/** Whether `a` comes before `b` in the body's order of meetings (date, start time, then id). */
export const before = (a: Pick<NumberedMeeting, 'id' | 'date' | 'startTime'>, b: Pick<NumberedMeeting, 'id' | 'date' | 'startTime'>) =>
  a.date < b.date || (a.date === b.date && (a.startTime < b.startTime || (a.startTime === b.startTime && a.id < b.id)));

/** The body's meetings in the same municipal year as `meeting` and before it, in order. */
export function earlierInYear(meeting: NumberedMeeting, bodyMeetings: readonly NumberedMeeting[], startMonth: number): NumberedMeeting[] {
  const yearStart = municipalYearStart(meeting.date, startMonth);
  return bodyMeetings.filter((m) => m.id !== meeting.id && m.date >= yearStart && before(m, meeting)).sort((a, b) => (before(a, b) ? -1 : 1));
}

/** Whether `meeting` is the body's first meeting of its municipal year (the appointments are made there). */
export const isFirstOfMunicipalYear = (meeting: NumberedMeeting, bodyMeetings: readonly NumberedMeeting[], startMonth: number) =>
  earlierInYear(meeting, bodyMeetings, startMonth).length === 0;

/**
 * The number of a meeting's first minute: the clerk's own setting, else one
 * after the last minute of the body's previous meeting in the same municipal
 * year (walking that year's meetings in order, each starting where its own
 * setting says or where the one before ended), else 1.
 */
export function firstMinuteNumber(meeting: NumberedMeeting, bodyMeetings: readonly NumberedMeeting[], startMonth: number): number {
  if (meeting.minuteNumberStart !== null) return meeting.minuteNumberStart;
  let next = 1;
  for (const m of earlierInYear(meeting, bodyMeetings, startMonth)) next = (m.minuteNumberStart ?? next) + m.minuteCount;
  return next;
}
