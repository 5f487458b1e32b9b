/** Strict base64 (shared/base64.ts), the check every file sent to be read passes before it is decoded. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isBase64 } from '../../shared/base64';

describe('isBase64', () => {
  it('takes what Node writes as base64, every padding', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 4097]) {
      const text = randomBytes(n).toString('base64');
      expect(isBase64(text), `${n} bytes`).toBe(true);
    }
  });

  it('refuses anything Node would decode by skipping or guessing', () => {
    const good = Buffer.from('The minutes of the meeting').toString('base64');
    for (const bad of [
      `${good} `, // whitespace
      `${good.slice(0, 8)}\n${good.slice(8)}`,
      good.replace(/[+/]/g, '-').replace(/[A-Z]/, '_') + (good.includes('+') || good.includes('/') ? '' : '-___'), // base64url
      good.slice(0, -1), // not a multiple of four
      `A=${good.slice(2)}`, // padding inside
      `${good.slice(0, -4)}A===`, // three pads
      `${good.slice(0, -2)}=A`, // a pad before the last character
      'data:image/png;base64,iVBO',
      'éééé',
    ]) {
      expect(isBase64(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
