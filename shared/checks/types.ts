/**
 * The minutes checker's vocabulary. A check is one thing wrong with the
 * minutes (an error: they would be wrong) or worth a look (a warning), named
 * by its minute, in plain words, with the fixes a clerk can make by keyboard.
 */
import type { CallInput, CallName } from '../contract';
import type { MeetingRecord } from '../model';
import type { MinutesDocument } from '../minutes/document';

export type Severity = 'error' | 'warning';

/** Where the clerk goes to put it right. */
export type Place = { to: 'item'; itemId: number } | { to: 'attendance' } | { to: 'declarations' } | { to: 'meeting' };

/** A fix the app can make at once: one API call. */
export interface CallFix {
  label: string;
  call: CallName;
  input: CallInput<CallName>;
}

export interface Check {
  /** Stable for the same problem on the same thing (rule and target), so the list keeps its focus as it updates. */
  id: string;
  rule: string;
  severity: Severity;
  /** The minute number it concerns, or null for the meeting as a whole. */
  minute: number | null;
  message: string;
  fixes: CallFix[];
  place: Place;
}

/** What every rule is given: the record, its minute numbers and the public minutes as they would print. */
export interface CheckContext {
  record: MeetingRecord;
  /** Minute number of each minuted agenda item. */
  numbers: Map<number, number>;
  publicMinutes: MinutesDocument;
}

export interface Rule {
  id: string;
  run(ctx: CheckContext): Check[];
}

export const fix = <K extends CallName>(label: string, call: K, input: CallInput<K>): CallFix => ({ label, call, input: input as CallInput<CallName> });
