import type { CallInput } from '../../../../shared/contract';
/**
 * The clerk's minuting actions on the record on screen: each writes through
 * the API, keeps the preview in step while typing, and records how to undo
 * structural changes.
 */
import type { AgendaItem, EntryKind, MeetingRecord, MinuteEntry } from '../../../../shared/model';
import { markerFor } from '../../../../shared/minutes/document';
import { holdTypingUntil, whenDrawn } from '../../components/typing';
import { useApp } from '../../state/store';
import { useDrafts } from '../../state/drafts';
import { flushAllSaves } from '../../state/save-status';
import { useUndo } from '../../state/undo';
import { wasOf } from '../../state/was';

const state = () => useApp.getState();

/** Entries of one kind on one item, in order. */
export const entriesOf = (record: MeetingRecord, itemId: number, kind: EntryKind): MinuteEntry[] =>
  record.entries.filter((e) => e.agendaItemId === itemId && e.kind === kind).sort((a, b) => a.position - b.position || a.id - b.id);

/** How the clerk names an entry: "point (ii)", "resolution (b)", "paragraph 3". */
export function entryName(item: AgendaItem, kind: EntryKind, index: number): string {
  if (kind === 'point') return `point ${markerFor(index, item.pointsStyle)}`;
  if (kind === 'resolution') return `resolution ${markerFor(index, 'alpha')}`;
  return `paragraph ${index + 1}`;
}

/** Puts the caret in an entry's field once it is on screen. */
export function focusEntry(entryId: number): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLTextAreaElement>(`[data-testid="entry-${entryId}"]`);
    el?.focus();
  });
}

/** Adds an entry of a kind (at a place, or at the end) and focuses it; what is typed meanwhile goes into it. */
export function addEntry(
  record: MeetingRecord,
  itemId: number,
  kind: EntryKind,
  position?: number,
  text = '',
  shape: Pick<MinuteEntry, 'style' | 'intro' | 'label'> = {},
): Promise<void> {
  const before = new Set(record.entries.map((e) => e.id));
  return holdTypingUntil(
    state()
      .live('entries.create', { meetingId: record.id, agendaItemId: itemId, kind, text, position, ...shape })
      .then((result) => {
        const added = result.ok ? result.value.entries.find((e) => !before.has(e.id)) : undefined;
        return added ? whenDrawn<HTMLTextAreaElement>(`[data-testid="entry-${added.id}"]`) : null;
      }),
  );
}

/** Typing in an entry: the preview follows at once (from the drafts, without re-rendering the live screen). */
export function draftEntry(entryId: number, text: string): void {
  useDrafts.getState().setEntry(entryId, text);
}

/** Saves an entry's words; once stored, the record on screen holds them and the draft goes. */
export async function saveEntry(entryId: number, text: string) {
  // The save says which version of the paragraph it was typed over: if another window saved it since, it is refused.
  const baseVersion = state().meeting?.entries.find((e) => e.id === entryId)?.version;
  const result = await state().write('entries.update', { entryId, baseVersion, patch: { text } });
  if (result.ok) {
    state().patchMeeting((r) => ({
      ...r,
      entries: r.entries.map((e) => (e.id === entryId ? { ...e, text: result.value.text, version: result.value.version } : e)),
    }));
    useDrafts.getState().settleEntry(entryId, text);
  } else if (result.error.code === 'conflict') {
    // Another window saved this paragraph first: the record is read again (the newer words show in the
    // preview and under the field), while the clerk's own words stay in the field, unsaved, to keep or drop.
    const meetingId = state().meeting?.id;
    if (meetingId !== undefined) await state().loadMeeting(meetingId);
    const theirs = state().meeting?.entries.find((e) => e.id === entryId)?.text ?? '';
    return { ok: false as const, error: { code: result.error.code, message: `Changed in another window; it now reads: “${theirs}”. Your words are kept here: type to save them over it.` } };
  }
  return result;
}

/** A point's list style or introduction, a resolution's label: saved, and the answer replaces the entry on screen. */
export async function updateEntryShape(entryId: number, patch: Pick<MinuteEntry, 'style' | 'intro' | 'label'>) {
  const baseVersion = state().meeting?.entries.find((e) => e.id === entryId)?.version;
  const result = await state().write('entries.update', { entryId, baseVersion, patch });
  if (result.ok) state().patchMeeting((r) => ({ ...r, entries: r.entries.map((e) => (e.id === entryId ? result.value : e)) }));
  return result;
}

/** Deletes an entry; undo puts it back in its place with its words and stamps. */
export async function deleteEntry(record: MeetingRecord, item: AgendaItem, shown: MinuteEntry, index: number): Promise<void> {
  // The words last typed are saved first, so undo puts back exactly what was there.
  await flushAllSaves();
  const entry = state().meeting?.entries.find((e) => e.id === shown.id) ?? shown;
  let currentId = entry.id;
  const remove = async () => (await state().live('entries.delete', { entryId: currentId })).ok;
  const restore = async () => {
    const before = new Set((state().meeting ?? record).entries.map((e) => e.id));
    const result = await state().live('entries.restore', {
      meetingId: record.id,
      agendaItemId: entry.agendaItemId,
      kind: entry.kind,
      text: entry.text,
      position: entry.position,
      recordedAt: entry.recordedAt,
      inquorate: entry.inquorate,
      style: entry.style ?? null,
      intro: entry.intro ?? null,
      label: entry.label ?? null,
    });
    if (!result.ok) return false;
    const back = result.value.entries.find((e) => !before.has(e.id));
    if (back) currentId = back.id;
    // Undo puts the caret back in the words it restored.
    focusEntry(currentId);
    return true;
  };
  if (await remove()) useUndo.getState().push({ label: `delete ${entryName(item, entry.kind, index)}`, undo: restore, redo: remove });
}

/** Moves an entry within its kind; undo moves it back. */
export async function moveEntry(item: AgendaItem, entry: MinuteEntry, from: number, to: number): Promise<void> {
  const move = (toPosition: number) => async () => (await state().live('entries.move', { entryId: entry.id, toPosition })).ok;
  if (await move(to)()) {
    useUndo.getState().push({ label: `move ${entryName(item, entry.kind, from)}`, undo: move(from), redo: move(to) });
  }
}

type ItemPatch = NonNullable<CallInput<'agendaItems.update'>['patch']>;

/** Typing in an item's field: the preview follows at once; the record on screen stays what the store confirmed. */
export function draftItem(itemId: number, patch: Partial<AgendaItem>): void {
  useDrafts.getState().setItem(itemId, patch);
}

/**
 * Changes an item's fields. The save says what the screen's confirmed copy
 * had for them (`was`): a field another window changed meanwhile is refused
 * with a conflict, the record is read again, and the clerk's words stay in
 * the field (and the preview) to keep or drop. The answer replaces the item.
 */
export async function updateItem(itemId: number, patch: ItemPatch) {
  const confirmed = state().meeting?.items.find((i) => i.id === itemId);
  const was = wasOf(confirmed, patch);
  useDrafts.getState().setItem(itemId, patch as Partial<AgendaItem>);
  const result = await state().write('agendaItems.update', { itemId, patch, was });
  if (result.ok) {
    const saved = result.value;
    state().patchMeeting((r) => ({ ...r, items: r.items.map((i) => (i.id === itemId ? saved : i)) }));
    useDrafts.getState().settleItem(itemId, patch as Partial<AgendaItem>);
  }
  return result;
}

/** A change of label or outcome: saved, and undoable. */
export async function relabelItem<K extends 'decisionLabel' | 'outcome' | 'pointsStyle'>(
  item: AgendaItem,
  field: K,
  value: AgendaItem[K],
  label: string,
) {
  const old = item[field];
  const result = await updateItem(item.id, { [field]: value } as ItemPatch);
  if (result.ok && old !== value) {
    useUndo.getState().push({
      label,
      undo: async () => (await updateItem(item.id, { [field]: old } as ItemPatch)).ok,
      redo: async () => (await updateItem(item.id, { [field]: value } as ItemPatch)).ok,
    });
  }
  return result;
}

/** Moves an item in the order of business; undo puts it back. */
export async function reorderBusiness(item: AgendaItem, from: number, to: number): Promise<void> {
  const move = (toPlace: number) => async () => (await state().live('agendaItems.reorderBusiness', { itemId: item.id, toPlace })).ok;
  if (await move(to)()) {
    useUndo.getState().push({ label: `move agenda item ${item.agendaNumber} in the order of business`, undo: move(from), redo: move(to) });
  }
}
