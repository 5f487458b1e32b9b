/**
 * How an imported agenda meets the meeting's own items: which pre-worded
 * standard item each imported item takes the place of, which standard items
 * the agenda did not list (offered for removal, so the agenda matches the
 * paper), and why an item cannot be removed. Pure: the import preview shows
 * this plan and import.applyAgenda carries it out, so they never differ.
 */
import { ACTION_LOG_RESOLUTION } from '../minutes/standard-items';
import type { AgendaItem, AgendaItemKind, MeetingRecord } from '../model';

export interface AgendaImportPlan {
  /** For each imported item in order: the id of the meeting's standard item it takes the place of, or null (added). */
  matches: (number | null)[];
  /** The meeting's standard items no imported item takes the place of, in agenda order. */
  unlisted: number[];
}

/** Each imported standard item takes the first of the meeting's items of its kind not already taken. */
export function planAgendaImport(existing: readonly Pick<AgendaItem, 'id' | 'kind' | 'position'>[], kinds: readonly AgendaItemKind[]): AgendaImportPlan {
  const ordered = [...existing].sort((a, b) => a.position - b.position);
  const taken = new Set<number>();
  const matches = kinds.map((kind) => {
    if (kind === 'business') return null;
    const found = ordered.find((i) => i.kind === kind && !taken.has(i.id));
    if (!found) return null;
    taken.add(found.id);
    return found.id;
  });
  const unlisted = ordered.filter((i) => i.kind !== 'business' && !taken.has(i.id)).map((i) => i.id);
  return { matches, unlisted };
}

/**
 * Why the item cannot be removed with an import, or null when it can: it
 * has been taken up, or something of its minute is recorded (an entry, a
 * motion, an action, a declaration, a movement or change of chair during it,
 * an outcome, or any of its wording filled in). The Action Log's pre-worded
 * resolution does not count.
 */
export function removalBlocker(record: MeetingRecord, itemId: number): string | null {
  const item = record.items.find((i) => i.id === itemId);
  if (!item) return `Item ${itemId} is not on the agenda of this meeting`;
  const named = `Item ${item.agendaNumber} (${item.title})`;
  if (item.kind === 'business') return `${named} is not a standard item`;
  if (item.takenAt !== null || record.currentItemId === item.id) return `${named} has been taken up at the meeting`;
  const onItem = (list: readonly { agendaItemId: number | null }[]) => list.some((x) => x.agendaItemId === item.id);
  // The Action Log's pre-worded resolution is the app's, not a minute the clerk recorded.
  const entries = record.entries.filter((e) => !(item.kind === 'action_log' && e.kind === 'resolution' && e.text === ACTION_LOG_RESOLUTION));
  const recorded =
    onItem(entries) ||
    onItem(record.motions) ||
    onItem(record.actions) ||
    onItem(record.declarations) ||
    onItem(record.movements) ||
    onItem(record.chairChanges) ||
    item.outcome !== 'minuted' ||
    [item.author, item.topic, item.detail, item.publicSummary, item.pointsIntro].some((t) => t.trim() !== '');
  return recorded ? `${named} has minutes recorded` : null;
}
