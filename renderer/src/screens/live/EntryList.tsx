import type { KeyboardEvent } from 'react';
import type { AgendaItem, EntryKind, MeetingRecord } from '../../../../shared/model';
import { markerFor } from '../../../../shared/minutes/document';
import { AutoText } from '../../components/AutoField';
import { MoveButtons } from '../../components/MoveButtons';
import { addEntry, deleteEntry, draftEntry, entriesOf, entryName, focusEntry, moveEntry, saveEntry } from './minuting-actions';

interface Props {
  record: MeetingRecord;
  item: AgendaItem;
  kind: EntryKind;
  /** Shown under the list when it is empty. */
  empty: string;
  addLabel: string;
  addKeys: string;
}

/**
 * Paragraphs, points noted or resolutions of one item, each a field that
 * saves as the clerk types. Enter starts the next one; Backspace in an empty
 * one removes it; Alt+↑/↓ moves it; Ctrl+Space inserts a phrase.
 */
export function EntryList({ record, item, kind, empty, addLabel, addKeys }: Props) {
  const entries = entriesOf(record, item.id, kind);
  const marker = (i: number) => (kind === 'point' ? markerFor(i, item.pointsStyle) : kind === 'resolution' ? markerFor(i, 'alpha') : `¶${i + 1}`);

  const onKey = (index: number) => (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const entry = entries[index]!;
    const value = (event.target as HTMLTextAreaElement).value;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      void addEntry(record, item.id, kind, index + 1);
    } else if (event.key === 'Backspace' && value === '' && entries.length > 0) {
      event.preventDefault();
      const previous = entries[index - 1] ?? entries[index + 1];
      void deleteEntry(record, item, entry, index).then(() => previous && focusEntry(previous.id));
    } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      const to = event.key === 'ArrowUp' ? index - 1 : index + 1;
      if (to >= 0 && to < entries.length) void moveEntry(item, entry, index, to).then(() => focusEntry(entry.id));
    }
  };

  return (
    <div className={`entry-list entry-list-${kind}`}>
      {entries.length === 0 ? <p className="empty">{empty}</p> : null}
      <ol className="entry-rows">
        {entries.map((entry, index) => {
          const name = entryName(item, kind, index);
          return (
            <li key={entry.id} className="entry-row" data-testid={`${kind}-row`}>
              <span className="entry-marker" aria-hidden="true">
                {marker(index)}
              </span>
              <AutoText
                label={name.charAt(0).toUpperCase() + name.slice(1)}
                className="entry-field"
                value={entry.text}
                saveKey={`entry:${entry.id}`}
                multiline
                rows={kind === 'paragraph' ? 3 : 2}
                testId={`entry-${entry.id}`}
                phrases
                onDraft={(text) => draftEntry(entry.id, text)}
                onSave={(text) => saveEntry(entry.id, text)}
                onKeyDown={onKey(index)}
              />
              {entry.inquorate ? (
                <p className="inquorate-flag" role="note">
                  Recorded at {entry.recordedAt} while the meeting was inquorate
                </p>
              ) : null}
              <span className="entry-tools">
                <MoveButtons label={name} index={index} count={entries.length} onMove={(to) => void moveEntry(item, entry, index, to)} />
                <button type="button" className="icon-button" aria-label={`Delete ${name}`} onClick={() => void deleteEntry(record, item, entry, index)}>
                  ×
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button-quiet" aria-keyshortcuts={addKeys} onClick={() => void addEntry(record, item.id, kind)}>
        + {addLabel} <kbd>{addKeys}</kbd>
      </button>
    </div>
  );
}
