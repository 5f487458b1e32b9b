import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Phrase } from '../../../../shared/model';
import { bodyPhrasesFirst, isStandardPhrase } from '../../../../shared/minutes/standard-items';
import { insertAtCaret } from '../../components/typing';
import { useApp } from '../../state/store';

/**
 * The phrase bank: Ctrl+Space in a minute's field lists the body's standard
 * wording, its own phrases before the standard ones it started with; typing
 * filters, ↑/↓ choose, Enter inserts at the caret.
 */
export function PhrasePicker({ bodyId }: { bodyId: number }) {
  const read = useApp((s) => s.read);
  const [open, setOpen] = useState(false);
  const [phrases, setPhrases] = useState<Phrase[]>([]);
  const [filter, setFilter] = useState('');
  const [chosen, setChosen] = useState(0);
  const target = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey && (event.key === ' ' || event.code === 'Space'))) return;
      const field = event.target as HTMLElement | null;
      if (!field || field.dataset.phrases !== 'true') return;
      event.preventDefault();
      target.current = field as HTMLTextAreaElement;
      setFilter('');
      setChosen(0);
      void read('phrases.list', { bodyId }).then((result) => {
        if (result.ok) setPhrases(result.value);
      });
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bodyId, read]);

  const needle = filter.trim().toLowerCase();
  const shown = bodyPhrasesFirst(phrases).filter((p) => !needle || p.label.toLowerCase().includes(needle) || p.text.toLowerCase().includes(needle));
  const pick = (phrase: Phrase | undefined) => {
    const field = target.current;
    setOpen(false);
    if (!phrase || !field) return;
    requestAnimationFrame(() => {
      field.focus();
      insertAtCaret(field, phrase.text, true);
    });
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setChosen((c) => Math.max(0, Math.min(shown.length - 1, c + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(shown[chosen]);
    }
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) requestAnimationFrame(() => target.current?.focus());
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog phrase-picker" aria-describedby="phrase-help">
          <Dialog.Title className="dialog-title">Insert a phrase</Dialog.Title>
          <p id="phrase-help" className="dialog-description">
            Type to filter, ↑/↓ to choose, Enter to insert. Edit the phrase bank on the body’s page.
          </p>
          <label htmlFor="phrase-filter">Find a phrase</label>
          <input
            id="phrase-filter"
            value={filter}
            autoFocus
            role="combobox"
            aria-expanded="true"
            aria-controls="phrase-list"
            aria-activedescendant={shown[chosen] ? `phrase-${shown[chosen].id}` : undefined}
            onChange={(e) => {
              setFilter(e.target.value);
              setChosen(0);
            }}
            onKeyDown={onKey}
          />
          <ul id="phrase-list" role="listbox" aria-label="Phrases" className="phrase-list">
            {shown.map((p, i) => (
              <li
                key={p.id}
                id={`phrase-${p.id}`}
                role="option"
                aria-selected={i === chosen}
                className={i === chosen ? 'is-chosen' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(p);
                }}
              >
                <strong>{p.label}</strong> <span>{p.text}</span>
                {isStandardPhrase(p) ? <span className="phrase-standard"> (standard)</span> : null}
              </li>
            ))}
            {shown.length === 0 ? <li className="empty">No phrase matches.</li> : null}
          </ul>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
