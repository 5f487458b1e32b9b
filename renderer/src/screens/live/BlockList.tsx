import type { KeyboardEvent } from 'react';
import { DECISION_LABELS, LIST_STYLES, LIST_STYLE_LABELS, RESOLUTION_STYLES, RESOLUTION_STYLE_LABELS, type AgendaItem, type DecisionLabel, type EntryKind, type ListStyle, type MeetingRecord, type MinuteEntry, type ResolutionStyle } from '../../../../shared/model';
import { clerkBlocks, minuteSegments, standardWordingText } from '../../../../shared/minutes/document';
import { AutoSelect, AutoText } from '../../components/AutoField';
import { MoveButtons } from '../../components/MoveButtons';
import { useApp } from '../../state/store';
import { useDrafts } from '../../state/drafts';
import { useUndo } from '../../state/undo';
import { addEntry, deleteEntry, draftEntry, draftItem, saveEntry, updateEntryShape, updateItem } from './minuting-actions';
import { MotionEditor } from './MotionsSection';

const state = () => useApp.getState();

/** One row of the minute as the clerk arranges it: the standard wording, an entry, or a motion. */
export type Row = { key: string; kind: 'standard' } | { key: string; kind: 'entry'; entry: MinuteEntry } | { key: string; kind: 'motion'; motionId: number };

/** The rows of an item's minute in printed order: the clerk's blocks with the standard wording in its place. */
export function rowsOf(record: MeetingRecord, item: AgendaItem): Row[] {
  const blocks = clerkBlocks(record, item.id);
  const rows: Row[] = blocks.map((b) => (b.entry ? { key: `e${b.entry.id}`, kind: 'entry', entry: b.entry } : { key: `m${b.motion!.id}`, kind: 'motion', motionId: b.motion!.id }));
  rows.splice(Math.min(item.standardAt, rows.length), 0, { key: 'standard', kind: 'standard' });
  return rows;
}

/** The place after which a new block goes: after the block whose field has the caret, else at the end. */
export function insertionPoint(record: MeetingRecord, item: AgendaItem): number | undefined {
  const active = document.activeElement?.closest('[data-block-index]');
  if (!active) return undefined;
  return Number(active.getAttribute('data-block-index')) + 1;
}

/**
 * Moves a row to another place among the rows. The standard wording moves by
 * its place (standardAt); an entry or motion by its place among the clerk's
 * blocks. Undo moves it back.
 */
export async function moveRow(record: MeetingRecord, item: AgendaItem, from: number, to: number): Promise<boolean> {
  const rows = rowsOf(record, item);
  if (to < 0 || to >= rows.length || from === to) return false;
  const moved = rows[from]!;
  const arranged = rows.filter((_, i) => i !== from);
  arranged.splice(to, 0, moved);
  const standardAt = arranged.findIndex((r) => r.kind === 'standard');
  const clerkIndex = arranged.filter((r) => r.kind !== 'standard').findIndex((r) => r.key === moved.key);
  const apply = async (r: Row, standard: number, index: number) => {
    if (r.kind === 'standard' || standard !== item.standardAt) {
      // The standard wording changes place (or the block passes it): only standardAt moves.
      return (await updateItem(item.id, { standardAt: standard })).ok;
    }
    if (r.kind === 'entry') return (await state().live('entries.move', { entryId: r.entry.id, toPosition: index })).ok;
    return (await state().live('motions.move', { motionId: r.motionId, toPosition: index })).ok;
  };
  const oldStandard = item.standardAt;
  const oldIndex = rows.filter((r) => r.kind !== 'standard').findIndex((r) => r.key === moved.key);
  const ok = await apply(moved, standardAt, clerkIndex);
  if (ok) {
    useUndo.getState().push({
      label: 'move a block of the minute',
      undo: () => apply(moved, oldStandard, oldIndex),
      redo: () => apply(moved, standardAt, clerkIndex),
    });
  }
  return ok;
}

/** Focuses the field of the row now at a place (after a move or a deletion), so the caret is never lost. */
function focusRow(index: number): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const row = document.querySelector<HTMLElement>(`[data-block-index="${index}"] textarea, [data-block-index="${index}"] input`);
      row?.focus();
    }),
  );
}

const KIND_NAMES: Record<EntryKind, string> = { paragraph: 'Paragraph', point: 'Point', resolution: 'Resolution' };

/**
 * The minute of one item as an ordered list of blocks: the standard wording,
 * paragraphs, points (lettered, roman, numbered or bulleted, each list with
 * its own introduction), motions and votes, and decisions with their label.
 * Enter starts another block of the same kind after the one being typed;
 * Backspace in an empty one removes it; Alt+↑/↓ moves a block.
 */
export function BlockList({ record, item }: { record: MeetingRecord; item: AgendaItem }) {
  const rows = rowsOf(record, item);
  const blocks = clerkBlocks(record, item.id);
  const segments = minuteSegments(item, record, blocks);
  const typed = useDrafts((s) => s.items[item.id]);
  const shownItem = typed ? { ...item, ...typed } : item;
  const standard = standardWordingText(shownItem, record, record.body.houseStyle);
  const edited = item.standardText !== null;

  // How each entry is named and marked: "Point (ii)", "Resolution (b)", "Paragraph 3".
  const names = new Map<number, { name: string; marker: string; first: boolean; segmentLabel?: DecisionLabel; listStyle?: ListStyle }>();
  let paragraphs = 0;
  for (const seg of segments) {
    if (seg.kind === 'paragraph') names.set(seg.entry.id, { name: `Paragraph ${++paragraphs}`, marker: `¶${paragraphs}`, first: true });
    if (seg.kind === 'list')
      seg.entries.forEach((e, i) => names.set(e.id, { name: `Point ${seg.markers[i]}`, marker: seg.markers[i]!, first: i === 0, listStyle: seg.style }));
    if (seg.kind === 'decision')
      seg.entries.forEach((e, i) =>
        names.set(e.id, { name: `Resolution${seg.markers[i] ? ` ${seg.markers[i]}` : ''}`, marker: seg.markers[i] || '•', first: i === 0, segmentLabel: seg.label }),
      );
  }
  const introOf = (entryId: number) => {
    const seg = segments.find((s) => s.kind === 'list' && s.entries[0]?.id === entryId);
    return seg?.kind === 'list' ? seg.intro : '';
  };
  const motionNumber = new Map(record.motions.filter((m) => m.agendaItemId === item.id).sort((a, b) => a.position - b.position || a.id - b.id).map((m, i) => [m.id, i]));

  const onKey = (index: number, entry?: MinuteEntry) => (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = (event.target as HTMLTextAreaElement).value;
    if (event.altKey && !event.ctrlKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
      void moveRow(record, item, index, to).then((ok) => ok && focusRow(to));
      return;
    }
    if (!entry) return;
    const clerkIndex = rows.slice(0, index).filter((r) => r.kind !== 'standard').length;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      void addEntry(record, item.id, entry.kind, clerkIndex + 1, '', entry.kind === 'point' ? { style: entry.style ?? null } : {});
    } else if (event.key === 'Backspace' && value === '') {
      event.preventDefault();
      void deleteEntry(record, item, entry, clerkIndex).then(() => focusRow(Math.max(0, index - 1)));
    }
  };

  return (
    <ol className="block-list" aria-label={`The minute of agenda item ${item.agendaNumber}, block by block`}>
      {rows.map((row, index) => {
        const tools = (name: string) => (
          <span className="entry-tools">
            <MoveButtons label={name} index={index} count={rows.length} onMove={(to) => void moveRow(record, item, index, to).then((ok) => ok && focusRow(to))} />
          </span>
        );
        if (row.kind === 'standard') {
          if (!standard.trim() && !edited) return null;
          return (
            <li key={row.key} className="entry-row block-standard" data-block-index={index} data-testid="standard-wording">
              <span className="entry-marker" aria-hidden="true">
                ✎
              </span>
              <div className="block-standard-field">
                <AutoText
                  label={edited ? 'Standard wording (edited)' : 'Standard wording'}
                  hint={edited ? 'Kept as typed. Alt+Shift+Backspace puts the standard wording back.' : 'Follows the record until you edit it.'}
                  value={edited ? (shownItem.standardText ?? '') : standard}
                  saveKey={`item:${item.id}:standard`}
                  multiline
                  rows={Math.min(6, Math.max(2, Math.ceil(standard.length / 90)))}
                  testId={`standard-${item.id}`}
                  phrases
                  onDraft={(text) => draftItem(item.id, { standardText: text === standard ? null : text })}
                  onSave={(text) => updateItem(item.id, { standardText: text === standard ? null : text })}
                  onKeyDown={(event) => {
                    if (event.altKey && event.shiftKey && event.key === 'Backspace') {
                      event.preventDefault();
                      void updateItem(item.id, { standardText: null }).then(() => focusRow(index));
                      return;
                    }
                    onKey(index)(event);
                  }}
                />
                {edited ? (
                  <button type="button" className="button-quiet" aria-keyshortcuts="Alt+Shift+Backspace" onClick={() => void updateItem(item.id, { standardText: null }).then(() => focusRow(index))}>
                    Put the standard wording back
                  </button>
                ) : null}
              </div>
              {tools('the standard wording')}
            </li>
          );
        }
        if (row.kind === 'motion') {
          const motion = record.motions.find((m) => m.id === row.motionId)!;
          return (
            <li
              key={row.key}
              className="entry-row block-motion"
              data-block-index={index}
              onKeyDown={(event) => {
                if (event.altKey && !event.ctrlKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
                  event.preventDefault();
                  const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
                  void moveRow(record, item, index, to).then((ok) => ok && focusRow(to));
                }
              }}
            >
              <MotionEditor record={record} motion={motion} index={motionNumber.get(motion.id) ?? 0} />
              {tools(`${motion.kind} ${(motionNumber.get(motion.id) ?? 0) + 1}`)}
            </li>
          );
        }
        const entry = row.entry;
        const named = names.get(entry.id) ?? { name: KIND_NAMES[entry.kind], marker: '', first: true };
        const clerkIndex = rows.slice(0, index).filter((r) => r.kind !== 'standard').length;
        return (
          <li key={row.key} className={`entry-row block-${entry.kind}`} data-block-index={index} data-testid={`${entry.kind}-row`}>
            <span className="entry-marker" aria-hidden="true">
              {named.marker}
            </span>
            <div className="block-fields">
              {entry.kind === 'point' ? (
                <div className="field-row block-options">
                  <AutoSelect<'standard' | 'none' | 'own'>
                    key={`intro-form:${entry.intro === null || entry.intro === undefined ? 'standard' : entry.intro === '' ? 'none' : 'own'}`}
                    label="Introduction"
                    hint={
                      entry.intro === null || entry.intro === undefined
                        ? named.first
                          ? `Standard: ${introOf(entry.id) || 'none after the first list, which carries on its numbering'}`
                          : 'Part of the list above; choose None or My own words to start a new list here'
                        : 'This list starts afresh here'
                    }
                    value={entry.intro === null || entry.intro === undefined ? 'standard' : entry.intro === '' ? 'none' : 'own'}
                    options={[
                      { value: 'standard', label: named.first ? 'Standard' : 'Carries on the list above' },
                      { value: 'none', label: 'None (a new list)' },
                      { value: 'own', label: 'My own words' },
                    ]}
                    saveKey={`entry:${entry.id}:intro-form`}
                    onSave={(form) => updateEntryShape(entry.id, { intro: form === 'standard' ? null : form === 'none' ? '' : entry.intro || introOf(entry.id) || 'The following points were noted:' })}
                  />
                  {entry.intro ? (
                    <AutoText
                      label="List introduction"
                      value={entry.intro}
                      saveKey={`entry:${entry.id}:intro`}
                      phrases
                      onSave={(intro) => updateEntryShape(entry.id, { intro: intro === '' ? '' : intro })}
                    />
                  ) : null}
                  {entry.kind === 'point' ? (
                  <AutoSelect<ListStyle>
                    key={`style:${named.listStyle ?? entry.style ?? item.pointsStyle}`}
                    label="List style"
                    value={named.listStyle ?? entry.style ?? item.pointsStyle}
                    options={LIST_STYLES.map((s) => ({ value: s, label: LIST_STYLE_LABELS[s] }))}
                    saveKey={`entry:${entry.id}:style`}
                    onSave={(style) => updateEntryShape(entry.id, { style })}
                  />
                  ) : null}
                </div>
              ) : null}
              {entry.kind === 'resolution' && named.first ? (
                <div className="field-row block-options">
                  <AutoSelect<DecisionLabel | ''>
                    key={`label:${entry.label ?? ''}`}
                    label="Decision label"
                    value={entry.label ?? ''}
                    options={[{ value: '', label: `As the item (${named.segmentLabel ?? record.body.decisionLabel})` }, ...DECISION_LABELS.map((l) => ({ value: l, label: l }))]}
                    saveKey={`entry:${entry.id}:label`}
                    onSave={(label) => updateEntryShape(entry.id, { label: label || null })}
                  />
                  {/* How the decision's resolutions are marked: lettered unless the clerk chooses otherwise (kept on its first). */}
                  <AutoSelect<ResolutionStyle>
                    key={`resolutions:${entry.style ?? 'alpha'}`}
                    label="Resolutions marked"
                    value={entry.style === 'roman' || entry.style === 'number' ? entry.style : 'alpha'}
                    options={RESOLUTION_STYLES.map((s) => ({ value: s, label: RESOLUTION_STYLE_LABELS[s] }))}
                    saveKey={`entry:${entry.id}:resolution-style`}
                    onSave={(style) => updateEntryShape(entry.id, { style: style === 'alpha' ? null : style })}
                  />
                </div>
              ) : null}
              <AutoText
                label={named.name}
                className="entry-field"
                value={entry.text}
                saveKey={`entry:${entry.id}`}
                multiline
                rows={entry.kind === 'paragraph' ? 3 : 2}
                testId={`entry-${entry.id}`}
                phrases
                onDraft={(text) => draftEntry(entry.id, text)}
                onSave={(text) => saveEntry(entry.id, text)}
                onKeyDown={onKey(index, entry)}
              />
              {entry.inquorate ? (
                <p className="inquorate-flag" role="note">
                  Recorded at {entry.recordedAt} while the meeting was inquorate
                </p>
              ) : null}
            </div>
            <span className="entry-tools">
              <MoveButtons label={named.name.toLowerCase()} index={index} count={rows.length} onMove={(to) => void moveRow(record, item, index, to).then((ok) => ok && focusRow(to))} />
              <button
                type="button"
                className="icon-button"
                aria-label={`Delete ${named.name.toLowerCase()}`}
                onClick={() => void deleteEntry(record, item, entry, clerkIndex).then(() => focusRow(Math.max(0, index - 1)))}
              >
                ×
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/** Starts a new block of a kind after the one with the caret (or at the end). */
export function addBlock(record: MeetingRecord, item: AgendaItem, kind: EntryKind): Promise<void> {
  const after = insertionPoint(record, item);
  const rows = rowsOf(record, item);
  const position = after === undefined ? undefined : rows.slice(0, after).filter((r) => r.kind !== 'standard').length;
  // A point added after a point keeps its list's style (as Enter does), so it carries on that list.
  const caret = after === undefined ? undefined : rows[after - 1];
  const style = kind === 'point' && caret?.kind === 'entry' && caret.entry.kind === 'point' ? (caret.entry.style ?? null) : undefined;
  return addEntry(record, item.id, kind, position, '', style === undefined ? {} : { style });
}
