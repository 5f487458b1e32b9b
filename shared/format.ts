/** British formats used everywhere a date or time is shown or printed. */

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parseIsoDate(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date: ${iso}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
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
  const { y, m, d } = parseIsoDate(iso);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday}, ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2020-12-11" -> "11 December 2020" */
export function formatDate(iso: string): string {
  const { y, m, d } = parseIsoDate(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "10:00" -> "10.00 am", "14:05" -> "2.05 pm", "12:00" -> "12.00 noon" */
export function formatTime(hhmm: string): string {
  if (!isValidTime(hhmm)) throw new RangeError(`Not a time: ${hhmm}`);
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  if (h === 12 && min === 0) return '12.00 noon';
  const suffix = h < 12 ? 'am' : 'pm';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}.${String(min).padStart(2, '0')} ${suffix}`;
}
