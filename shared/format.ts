/**
 * British formats used everywhere a date or time is shown or printed, through
 * Intl with en-GB (no hand-made month or weekday tables).
 *
 * Dates are stored as calendar dates ('YYYY-MM-DD') and times as clock times
 * ('HH:MM'), not instants: they are formatted in UTC so that the machine's
 * time zone can never move a meeting to the day before. The pieces are taken
 * with formatToParts and joined here, because ICU versions differ in the
 * literals between them (a comma after the weekday or not, ':' or '.', a
 * narrow no-break space before "am", "AM" or "am"): the words come from Intl,
 * the punctuation is the house style's.
 */

// Each made on first use: the first Intl.DateTimeFormat a process makes loads ICU's calendar data (some 10 ms), which a
// start (the browser host printing its address, the renderer drawing its first screen) need not wait for.
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};
const LONG_DATE = once(() => new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const DATE = once(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const MONTH = once(() => new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }));
// hourCycle 'h12' rather than hour12: true, which gives "0.30 am" for en-GB in some ICU versions.
const TIME = once(() => new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hourCycle: 'h12', timeZone: 'UTC' }));
// The machine's own clock and calendar, for moments (instants) turned into stored times and dates:
// made at each call, so that they follow the machine's time zone if it changes while the app runs.
const clock = () => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const calendar = () => new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', day: '2-digit' });

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

function parts(format: Intl.DateTimeFormat, at: Date): Parts {
  const out: Parts = {};
  for (const part of format.formatToParts(at)) if (part.type !== 'literal') out[part.type] = part.value;
  return out;
}

function parseIsoDate(iso: string): Date {
  if (!isValidIsoDate(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function isValidIsoDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isValidTime(hhmm: string): boolean {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return !!match && Number(match[1]) < 24 && Number(match[2]) < 60;
}

/** "2020-12-11" -> "Friday, 11 December 2020" */
export function formatLongDate(iso: string): string {
  const p = parts(LONG_DATE(), parseIsoDate(iso));
  return `${p.weekday}, ${p.day} ${p.month} ${p.year}`;
}

/** "2020-12-11" -> "11 December 2020" */
export function formatDate(iso: string): string {
  const p = parts(DATE(), parseIsoDate(iso));
  return `${p.day} ${p.month} ${p.year}`;
}

/** "10:00" -> "10.00 am", "14:05" -> "2.05 pm", "12:00" -> "12.00 noon" */
export function formatTime(hhmm: string): string {
  if (!isValidTime(hhmm)) throw new RangeError(`Not a time: ${hhmm}`);
  if (hhmm === '12:00') return '12.00 noon';
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  const p = parts(TIME(), new Date(Date.UTC(2000, 0, 1, h, min)));
  return `${p.hour}.${p.minute} ${(p.dayPeriod ?? '').toLowerCase()}`;
}

/** "January" … "December", for choosing a month (month 1 is January). */
export function monthName(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Not a month: ${month}`);
  return parts(MONTH(), new Date(Date.UTC(2000, month - 1, 1))).month ?? '';
}

/** The clock time of a moment on this machine, 'HH:MM' (24-hour), as times are stored. */
export function clockTime(at: Date): string {
  const p = parts(clock(), at);
  // Some ICU versions write midnight as "24" in a 24-hour clock.
  return `${p.hour === '24' ? '00' : p.hour}:${p.minute}`;
}

/** The calendar date of a moment on this machine, 'YYYY-MM-DD', as dates are stored. */
export function calendarDate(at: Date): string {
  const p = parts(calendar(), at);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * A moment (an ISO instant such as a backup's or a version's createdAt) as the
 * clerk reads it on this machine: "12 June 2026, 9.30 am", or with the weekday
 * "Friday, 12 June 2026, 9.30 am".
 */
export function formatMoment(iso: string, options: { weekday?: boolean } = {}): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not a moment: ${iso}`);
  const day = calendarDate(at);
  const date = options.weekday ? formatLongDate(day) : formatDate(day);
  return `${date}, ${formatTime(clockTime(at))}`;
}

/** A date as the action log prints it: "2022-06-17" -> "17/06/22"; anything that is not an ISO date is printed as given. */
export function shortDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]!.slice(2)}` : iso;
}
