import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarDate, clockTime, formatDate, formatLongDate, formatMoment, formatTime, isValidIsoDate, monthName, isValidTime } from '../../shared/format';

describe('formatLongDate', () => {
  it('writes the weekday, day, month and year', () => {
    expect(formatLongDate('2020-12-11')).toBe('Friday, 11 December 2020');
    expect(formatLongDate('2024-02-29')).toBe('Thursday, 29 February 2024');
    expect(formatLongDate('2021-01-03')).toBe('Sunday, 3 January 2021');
  });

  it('throws on text that is not an ISO date', () => {
    expect(() => formatLongDate('11/12/2020')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('writes day month year without a leading zero', () => {
    expect(formatDate('2020-12-11')).toBe('11 December 2020');
    expect(formatDate('2021-05-01')).toBe('1 May 2021');
    expect(formatDate('1999-07-09')).toBe('9 July 1999');
  });

  it('throws on text that is not an ISO date', () => {
    expect(() => formatDate('2020-12-1')).toThrow(RangeError);
    expect(() => formatDate('')).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  it.each([
    ['10:00', '10.00 am'],
    ['14:05', '2.05 pm'],
    ['00:30', '12.30 am'],
    ['00:00', '12.00 am'],
    ['12:00', '12.00 noon'],
    ['12:15', '12.15 pm'],
    ['09:07', '9.07 am'],
    ['23:59', '11.59 pm'],
  ])('%s -> %s', (input, expected) => {
    expect(formatTime(input)).toBe(expected);
  });

  it('throws on times that are not HH:MM', () => {
    for (const bad of ['24:00', '9:00', '10.00', '12:60', '']) expect(() => formatTime(bad), bad).toThrow(RangeError);
  });
});

describe('isValidIsoDate', () => {
  it('knows leap years', () => {
    expect(isValidIsoDate('2021-02-29')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2000-02-29')).toBe(true);
    expect(isValidIsoDate('1900-02-29')).toBe(false);
  });

  it('refuses impossible dates and other shapes', () => {
    for (const bad of ['2021-13-01', '2021-00-10', '2021-04-31', '2021-04-00', '2021-4-01', '21-04-01', '2021-04-01T00:00', '', '11/12/2020']) {
      expect(isValidIsoDate(bad), bad).toBe(false);
    }
    expect(isValidIsoDate('2021-04-30')).toBe(true);
  });
});

describe('isValidTime', () => {
  it('accepts 24-hour HH:MM only', () => {
    for (const good of ['00:00', '09:30', '23:59']) expect(isValidTime(good), good).toBe(true);
    for (const bad of ['24:00', '9:30', '09:60', '09.30', '0930', '', '09:30:00']) expect(isValidTime(bad), bad).toBe(false);
  });
});

describe('through Intl, not hand-made tables', () => {
  it('names every month and weekday as en-GB does', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDate(`2021-${String(i + 1).padStart(2, '0')}-01`).split(' ')[1]);
    expect(Array.from({ length: 12 }, (_, i) => monthName(i + 1))).toEqual(months);
    expect(() => monthName(13)).toThrow(RangeError);
    expect(months).toEqual(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
    // 7 to 13 June 2021 run Monday to Sunday.
    const days = Array.from({ length: 7 }, (_, i) => formatLongDate(`2021-06-${String(7 + i).padStart(2, '0')}`).split(',')[0]);
    expect(days).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
  });

  it('writes every minute of the day in the house style: no colon, lower-case am/pm, plain spaces', () => {
    for (let h = 0; h < 24; h++) {
      for (let m = 0; m < 60; m++) {
        const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const h12 = h % 12 === 0 ? 12 : h % 12;
        const expected = hhmm === '12:00' ? '12.00 noon' : `${h12}.${String(m).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
        if (formatTime(hhmm) !== expected) expect(formatTime(hhmm), hhmm).toBe(expected);
      }
    }
    expect(formatTime('07:45')).toBe('7.45 am');
  });

  it('keeps the house punctuation and ASCII spaces however ICU joins the parts', () => {
    for (const text of [formatLongDate('2020-12-11'), formatDate('2020-12-11'), formatTime('19:45'), formatMoment('2026-06-12T09:30:00')]) {
      expect(text).not.toMatch(/[\u00a0\u202f\u2009:]/);
    }
  });

  it('writes no month or weekday names in shared/format.ts itself (the words come from Intl)', () => {
    const source = readFileSync(join(__dirname, '../../shared/format.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(source).not.toMatch(/January|February|December|Monday|Friday|Sunday|'Jan'|'Dec'/);
  });

  it('finds no other hand-made month table in the app', () => {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && /['"]January['"][\s\S]{0,40}['"]February['"]|['"]Jan['"][\s\S]{0,20}['"]Feb['"]/.test(readFileSync(path, 'utf8'))) found.push(path);
      }
    };
    for (const dir of ['shared', 'electron', 'renderer/src']) walk(join(__dirname, '../..', dir));
    expect(found).toEqual([]);
  });
});

describe('dates and times do not move with the machine’s time zone', () => {
  const zones = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Pago_Pago', 'Europe/London'];
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(zones)('%s: a stored date and time print the same', (zone) => {
    process.env.TZ = zone;
    expect(formatLongDate('2020-12-11')).toBe('Friday, 11 December 2020');
    expect(formatDate('2021-01-01')).toBe('1 January 2021');
    expect(formatTime('00:15')).toBe('12.15 am');
    expect(formatTime('23:45')).toBe('11.45 pm');
  });

  it.each(zones)('%s: a moment is read on the machine’s own clock and calendar', (zone) => {
    process.env.TZ = zone;
    const at = new Date(2026, 5, 12, 23, 50); // 11.50 pm on 12 June 2026, local time
    expect(clockTime(at)).toBe('23:50');
    expect(calendarDate(at)).toBe('2026-06-12');
    expect(formatMoment(at.toISOString())).toBe('12 June 2026, 11.50 pm');
    expect(formatMoment(at.toISOString(), { weekday: true })).toBe('Friday, 12 June 2026, 11.50 pm');
    expect(clockTime(new Date(2026, 5, 13, 0, 5))).toBe('00:05');
  });
});
