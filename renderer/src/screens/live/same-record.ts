/**
 * Memo comparators for the live screen's panels, so an autosave of typed
 * words (which replaces only the record's entries: saveEntry's patch) does not
 * redraw panels that never read the entries. Without them each save redrew
 * the whole screen (the order of business's 60 rows, attendance,
 * declarations, the meeting's sentences) in the frame beside a keystroke.
 */
import type { MeetingRecord } from '../../../../shared/model';
import { sameButEntries } from '../../../../shared/minutes/document';

export { sameButEntries };

/** Props the same, the record compared by sameButEntries: for a panel that reads nothing of the entries. */
export function propsButEntries<P extends { record: MeetingRecord }>(a: P, b: P): boolean {
  const keys = Object.keys(a) as (keyof P)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => (key === 'record' ? sameButEntries(a.record, b.record) : Object.is(a[key], b[key])));
}
