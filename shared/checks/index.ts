/** The minutes checker: every rule over one meeting's record, errors first, then by minute. */
import { buildMinutes, minuteNumbers } from '../minutes/document';
import type { MeetingRecord } from '../model';
import { RULES } from './rules';
import type { Check } from './types';

export type { Check, CallFix, Place, Severity } from './types';

export function checkMinutes(record: MeetingRecord): Check[] {
  const ctx = { record, numbers: minuteNumbers(record), publicMinutes: buildMinutes(record, { style: record.body.houseStyle }) };
  const checks = RULES.flatMap((rule) => rule.run(ctx));
  const rank = (c: Check) => (c.severity === 'error' ? 0 : 1);
  return checks.sort((a, b) => rank(a) - rank(b) || (a.minute ?? -1) - (b.minute ?? -1));
}

export const errorsOf = (checks: readonly Check[]) => checks.filter((c) => c.severity === 'error');

/** "3 errors and 1 warning" */
export function countText(checks: readonly Check[]): string {
  const errors = errorsOf(checks).length;
  const warnings = checks.length - errors;
  const part = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (!checks.length) return 'No problems found';
  return [errors ? part(errors, 'error') : '', warnings ? part(warnings, 'warning') : ''].filter(Boolean).join(' and ');
}
