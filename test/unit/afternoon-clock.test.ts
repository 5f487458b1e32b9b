import { describe, expect, it } from 'vitest';
import { afternoonZone } from '../e2e/afternoon';

describe('the e2e tests’ afternoon clock', () => {
  it('reads 2 pm in its zone at every UTC hour', () => {
    for (let hour = 0; hour < 24; hour++) {
      const zone = afternoonZone(hour);
      const at = new Date(Date.UTC(2026, 11, 2, hour, 30));
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(at);
      expect(local, `${zone} at ${hour}:30 UTC`).toBe('14');
    }
  });
  it('refuses what is not an hour', () => {
    expect(() => afternoonZone(24)).toThrow('Not an hour');
  });
});
