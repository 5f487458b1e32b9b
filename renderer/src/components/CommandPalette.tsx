import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { commandsOf, keyEventOf, PLACE_WORDS } from '../shortcuts';
import type { Route } from '../state/route';
import { useApp } from '../state/store';

interface Entry {
  id: string;
  name: string;
  keys: string;
  where: string;
  run: (from: Element | null) => void;
}

/** Words of the query, each found somewhere in the name or its keys ("next item", "alt+t"). */
export function matches(entry: { name: string; keys: string; where: string }, query: string): boolean {
  const hay = `${entry.name} ${entry.keys} ${entry.where}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/**
 * Ctrl+K: every command and screen, found by typing part of its name, run
 * with Enter. A command runs exactly as its key would: the palette closes,
 * focus goes back where it was, and the key is pressed there, so the
 * palette can never drift from the shortcuts (shortcuts.ts lists both).
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const from = useRef<Element | null>(null);
  const pending = useRef<(() => void) | null>(null);
  const bodies = useApp((s) => s.bodies);
  const route = useApp((s) => s.route);
  const meeting = useApp((s) => s.meeting);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        from.current = document.activeElement;
        setQuery('');
        setActive(0);
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const entries = useMemo<Entry[]>(() => {
    // Listed only while open: the closed palette is drawn at every start and at every change of route or bodies.
    if (!open) return [];
    const go = (to: Route) => () => useApp.getState().navigate(to);
    const bodyId = route.name === 'body' || route.name === 'actions' ? route.bodyId : route.name === 'meeting' ? meeting?.bodyId : undefined;
    const screens: Entry[] = [
      { id: 'home', name: 'Go to Home: all bodies', keys: 'Alt+H', where: '', run: go({ name: 'home' }) },
      { id: 'search', name: 'Go to Search', keys: 'Ctrl+Shift+F', where: '', run: go({ name: 'search' }) },
      { id: 'backups', name: 'Go to Backups', keys: '', where: '', run: go({ name: 'backups' }) },
      ...(bodyId !== undefined ? [{ id: 'actions', name: 'Go to the action log of this body', keys: 'Alt+L', where: '', run: go({ name: 'actions', bodyId }) }] : []),
      ...bodies.map((b) => ({ id: `body-${b.id}`, name: `Go to ${b.name}`, keys: '', where: 'body', run: go({ name: 'body', bodyId: b.id }) })),
    ];
    const commands: Entry[] = commandsOf()
      .filter((c) => c.press !== 'Control+K')
      .map((c, i) => ({
        id: `key-${i}`,
        name: c.name,
        keys: c.keys,
        where: PLACE_WORDS[c.place],
        run: (target) => {
          // Pressed where the clerk was, as if typed there (it bubbles to the window's key handlers).
          (target ?? document.body).dispatchEvent(new KeyboardEvent('keydown', keyEventOf(c.press)));
        },
      }));
    return [...screens, ...commands];
  }, [open, bodies, route, meeting?.bodyId]);

  const shown = entries.filter((e) => matches(e, query));
  const chosen = Math.min(active, Math.max(0, shown.length - 1));

  const run = (entry: Entry | undefined) => {
    if (!entry) return;
    const target = from.current;
    pending.current = () => entry.run(target && target.isConnected ? target : null);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(0, Math.min(shown.length - 1, a + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : shown.length - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(shown[chosen]);
    }
  };
  useEffect(() => {
    document.getElementById(`palette-${shown[chosen]?.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [chosen, shown]);

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog dialog-long palette"
          aria-describedby="palette-hint"
          onCloseAutoFocus={(event) => {
            // Back where the clerk was, then the command runs there.
            event.preventDefault();
            const target = from.current;
            if (target instanceof HTMLElement && target.isConnected) target.focus();
            const next = pending.current;
            pending.current = null;
            if (next) requestAnimationFrame(next);
          }}
        >
          <Dialog.Title className="dialog-title">Commands</Dialog.Title>
          <p className="dialog-description" id="palette-hint">
            Type part of a name; ↑ ↓ choose, Enter runs it, Escape closes.
          </p>
          <input
            className="palette-input"
            role="combobox"
            aria-label="Find a command or screen"
            aria-expanded="true"
            aria-controls="palette-list"
            aria-autocomplete="list"
            aria-activedescendant={shown[chosen] ? `palette-${shown[chosen]!.id}` : undefined}
            value={query}
            autoFocus
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
          />
          <ul className="palette-list dialog-body" id="palette-list" role="listbox" aria-label="Commands and screens">
            {shown.map((e, i) => (
              <li
                key={e.id}
                id={`palette-${e.id}`}
                role="option"
                aria-selected={i === chosen}
                className={i === chosen ? 'is-chosen' : undefined}
                onMouseMove={() => setActive(i)}
                onClick={() => run(e)}
              >
                <span className="palette-name">
                  {e.name}
                  {e.where && e.where !== 'body' ? <span className="palette-where"> ({e.where})</span> : null}
                </span>
                {e.keys ? <kbd>{e.keys}</kbd> : null}
              </li>
            ))}
          </ul>
          {shown.length === 0 ? (
            <p className="empty" role="status">
              No command matches “{query}”.
            </p>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
