/**
 * The e2e tests' clock reads the afternoon, whatever hour the tests run.
 *
 * Many tests seed a meeting that started at 10.00 am and then record things
 * "now" (an arrival by key, closing with Alt+E), as a clerk does. Run in the
 * small hours, "now" would fall before the start and the meeting would read
 * as lasting most of a day. So the host processes and the test code run in a
 * fixed-offset zone (Etc/GMT±N) chosen so that the local hour is 14 (2 pm),
 * and Chromium is given the same zone. The zone is chosen once and handed to
 * Playwright's workers in the environment, so every process agrees.
 */
const KEY = 'MEETING_CLERK_E2E_TZ';

/** The Etc/GMT zone whose local hour is 14 at this UTC hour (its sign is inverted: Etc/GMT-2 is UTC+2). */
export function afternoonZone(utcHour: number): string {
  if (!Number.isInteger(utcHour) || utcHour < 0 || utcHour > 23) throw new RangeError(`Not an hour: ${utcHour}`);
  const offset = 14 - utcHour; // from -9 to +14, all of which Etc/GMT has
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export function useAfternoonClock(): string {
  const zone = (process.env[KEY] ??= afternoonZone(new Date().getUTCHours()));
  process.env.TZ = zone;
  return zone;
}
