/** The top bar's words for the save state (renderer/src/components/save-words.ts). */
import { describe, expect, it } from 'vitest';
import { plainReason, savedTime } from '../../renderer/src/components/save-words';

describe('save state wording', () => {
  it('writes the time saved en-GB style, "10.42 am", without seconds', () => {
    const at = (h: number, m: number, s = 24) => new Date(2026, 11, 1, h, m, s);
    expect(savedTime(at(10, 42))).toBe('10.42 am');
    expect(savedTime(at(0, 5))).toBe('12.05 am');
    expect(savedTime(at(12, 0))).toBe('12.00 noon');
    expect(savedTime(at(14, 7))).toBe('2.07 pm');
    expect(savedTime(at(23, 59, 59))).toBe('11.59 pm');
  });

  it('gives the reason in plain words, without the field path the service puts first', () => {
    expect(plainReason('patch.text: Text must be at most 20,000 characters')).toBe('Text must be at most 20,000 characters');
    expect(plainReason('items.0.title: Title is required')).toBe('Title is required');
    expect(plainReason('The disk is full: your words are kept on screen')).toBe('The disk is full: your words are kept on screen');
    expect(plainReason('Meeting Clerk’s local service is not running. Start it again with `npm run serve`.')).toBe(
      'Meeting Clerk’s local service is not running. Start it again with `npm run serve`.',
    );
  });
});
