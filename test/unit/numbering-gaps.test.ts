/** Numbers skipped before a minute (imported past minutes printed "7." then "9."): the plan, the count and the printed minutes keep the gap. */
import { describe, expect, it } from 'vitest';
import { buildMinutes, minuteCount, minuteNumbers, minutesToText, planMinutes } from '../../shared/minutes/document';
import { firstMinuteNumber } from '../../shared/rules/numbering';
import { item, record } from './fixtures/meeting-record';

describe('numbers skipped before a minute', () => {
  const items = [item(1, 0, 'Apologies'), item(2, 1, 'Minutes'), item(3, 2, 'Audit progress', { numbersSkipped: 1 }), item(4, 3, 'Next meeting')];

  it('the minute after the gap carries its printed number, and the count covers the numbers skipped', () => {
    expect(planMinutes(items, 7).map((p) => p.number)).toEqual([7, 8, 10, 11]);
    expect(minuteCount(items)).toBe(5);
    expect(minuteNumbers({ items, firstMinuteNumber: 1 }).get(3)).toBe(4);
    // The next meeting of the year continues after the last number printed.
    const before = { id: 1, date: '2020-12-11', startTime: '10:00', minuteNumberStart: 7, minuteCount: minuteCount(items) };
    expect(firstMinuteNumber({ id: 2, date: '2021-03-12', startTime: '10:00', minuteNumberStart: null, minuteCount: 0 }, [before], 5)).toBe(12);
  });

  it('an item without the field (a record frozen before it was kept) skips none', () => {
    const old = items.map(({ numbersSkipped: _, ...rest }) => rest);
    expect(planMinutes(old, 1).map((p) => p.number)).toEqual([1, 2, 3, 4]);
    expect(minuteCount(old)).toBe(4);
  });

  it('the minutes print the gap', () => {
    const text = minutesToText(buildMinutes(record({ items, firstMinuteNumber: 7 })));
    expect(text).toMatch(/^8\. Minutes$/m);
    expect(text).toMatch(/^10\. Audit progress$/m);
    expect(text).not.toMatch(/^9\. /m);
  });
});
