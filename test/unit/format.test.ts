import { describe, expect, it } from 'vitest';
import { formatDate, formatLongDate, formatTime, isValidIsoDate, isValidTime } from '../../shared/format';

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
