/**
 * Dates as past minutes print them (issue 18): "Friday, 11 December 2020", "13th May 2015", "3 Sept. 2019", month
 * first ("Tuesday May 6th 2014"), and a date printed without its year ("held on Monday 13th September"), whose year is
 * taken from the rest of the text or fixed by its weekday, or else refused with a message saying the year is missing.
 */
import { formatLongDate } from '../format';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** A month's name, or its abbreviation as parish minutes print it ("17th Jan 2002", "3 Sept. 2019"). */
export const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
/** The same, capturing nothing, for patterns of their own. */
export const MONTH_WORD = MONTH.replace(/^\(/, '(?:');
const WEEKDAY = String.raw`(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day`;
export const DATE = new RegExp(String.raw`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(\d{1,2})(?:(?:st|nd|rd|th)\s*|\s+)(?:of\s+)?${MONTH},?\s+(\d{4})`, 'i');
/** The month first ("Tuesday May 6th 2014", "May 6, 2014"), as some parish minutes print it. */
export const DATE_MONTH_FIRST = new RegExp(String.raw`(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`, 'i');

const monthOf = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1;

export function isoDate(text: string): string | null {
  const m = DATE.exec(text);
  const f = m ? null : DATE_MONTH_FIRST.exec(text);
  if (!m && !f) return null;
  const [day, monthName, year] = m ? [m[1]!, m[2]!, m[3]!] : [f![2]!, f![1]!, f![3]!];
  if (Number(day) < 1 || Number(day) > 31) return null;
  return `${year}-${String(monthOf(monthName)).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A date with no year after it: "Monday 13th September", "13 Sept.", "September 13th". */
const NO_YEAR = new RegExp(String.raw`(?:${WEEKDAY},?\s+(?:the\s+)?)?(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?![A-Za-z])(?!,?\s*\d{4})`, 'i');
const NO_YEAR_MONTH_FIRST = new RegExp(String.raw`(?:${WEEKDAY},?\s+)?${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?!,?\s*\d{4})`, 'i');
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];

export interface YearlessDate {
  /** 0 for Sunday … 6 for Saturday, or null when none is printed. */
  weekday: number | null;
  month: number;
  day: number;
  /** As printed ("Monday 13th September"). */
  text: string;
}

/** A date printed with no year, or null (a date with its year, or none). */
export function yearless(text: string): YearlessDate | null {
  if (isoDate(text)) return null;
  const d = NO_YEAR.exec(text);
  const f = d ? null : NO_YEAR_MONTH_FIRST.exec(text);
  if (!d && !f) return null;
  const [weekday, day, month] = d ? [d[1], d[2]!, d[3]!] : [f![1], f![3]!, f![2]!];
  if (Number(day) < 1 || Number(day) > 31) return null;
  return { weekday: weekday ? WEEKDAYS.indexOf(weekday.toLowerCase()) : null, month: monthOf(month), day: Number(day), text: (d ?? f)![0].trim() };
}

/** Whether the text holds a date, with its year or without. */
export const hasDate = (text: string) => isoDate(text) !== null || yearless(text) !== null;

const iso = (y: number, d: YearlessDate) => `${y}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
/** Whether the date is a real one in year `y`, on its weekday where one is printed. */
function fits(y: number, d: YearlessDate): boolean {
  const at = new Date(Date.UTC(y, d.month - 1, d.day));
  return at.getUTCMonth() === d.month - 1 && (d.weekday === null || at.getUTCDay() === d.weekday);
}

/** Every date with its year in a line, as ISO dates. */
const fullDates = (line: string): string[] =>
  [...line.matchAll(new RegExp(DATE.source, 'gi')), ...line.matchAll(new RegExp(DATE_MONTH_FIRST.source, 'gi'))].map((m) => isoDate(m[0])).filter((x): x is string => x !== null);

/**
 * The year of a date printed without one (`dateText`, from the opening line), from the other lines of the text or,
 * failing that, from its weekday: null when the text has a year or no date; else the date and a warning for the
 * preview, or the refusal. In order: the same day and month with a year elsewhere (a running header "13 September
 * 2021"); the date after the meeting whose minutes it cites ("the minutes of the meeting held on 12 July 2021"); the
 * one year the text names (a date, "2021/22" with the month saying which half) where the date is real and on its
 * weekday; the latest such date in the 30 years before `today` where a weekday is printed.
 */
export function yearOfDate(dateText: string, lines: readonly string[], today: string): { ok: true; date: string; warning: string } | { ok: false; message: string } | null {
  const d = yearless(dateText);
  if (!d) return null;
  const took = (y: number, why: string) => ({ ok: true as const, date: iso(y, d), warning: `The opening line gives the date with no year (“${d.text}”): ${formatLongDate(iso(y, d))} was taken, as ${why}. Check the date before saving.` });
  const dated = lines.flatMap(fullDates);
  const same = [...new Set(dated.filter((x) => Number(x.slice(5, 7)) === d.month && Number(x.slice(8)) === d.day).map((x) => Number(x.slice(0, 4))))].filter((y) => fits(y, d));
  if (same.length === 1) return took(same[0]!, `the text prints that day with its year`);
  const cited = lines.filter((l) => /\bminutes\b[^.]{0,120}?\bheld on\b/i.test(l)).flatMap(fullDates)[0];
  if (cited) {
    const y = [Number(cited.slice(0, 4)), Number(cited.slice(0, 4)) + 1].find((y) => fits(y, d) && iso(y, d) > cited);
    if (y !== undefined) return took(y, `the first such date after the meeting of ${formatLongDate(cited)}, whose minutes these cite`);
  }
  const spans = lines.flatMap((l) => [...l.matchAll(/\b((?:19|20)\d{2})\s*[/-]\s*(\d{2})\b/g)].filter((m) => Number(m[2]) === (Number(m[1]) + 1) % 100).map((m) => Number(m[1])));
  const named = [...new Set([...dated.map((x) => Number(x.slice(0, 4))), ...spans, ...spans.map((y) => y + 1)])].filter((y) => fits(y, d));
  if (named.length === 1) return took(named[0]!, `the one year the text names`);
  // "2021/22" alone: the municipal year, its first half from May.
  const span = [...new Set(spans)];
  if (span.length === 1 && !dated.length && named.length === 2) return took(d.month >= 5 ? span[0]! : span[0]! + 1, `the municipal year ${span[0]}/${String((span[0]! + 1) % 100).padStart(2, '0')} the text names`);
  if (d.weekday !== null) {
    const now = Number(today.slice(0, 4));
    for (let y = now; y >= now - 30; y--) {
      if (fits(y, d) && iso(y, d) <= today) return took(y, `the latest ${d.text} before today`);
    }
  }
  return {
    ok: false,
    message: `The minutes’ date has no year (“${d.text}”), and nothing else in them names it${d.weekday === null ? ' (with its weekday, the year could be worked out)' : ''}: add the year to the date in the opening line and read them again. Nothing was saved.`,
  };
}
