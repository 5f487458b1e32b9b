import { useEffect, useState } from 'react';
import { GuideDialog } from './components/GuideDialog';
import { ShortcutsDialog } from './components/ShortcutsDialog';
import { useReturningDialog } from './components/returning-dialog';
import { CommandPalette } from './components/CommandPalette';
import { ActionLogScreen } from './screens/ActionLogScreen';
import { SaveIndicator } from './components/SaveIndicator';
import { flushAllSaves } from './state/save-status';
import { useApp } from './state/store';
import { BodyScreen } from './screens/BodyScreen';
import { HomeScreen } from './screens/HomeScreen';
import { SearchScreen } from './screens/SearchScreen';
import { BackupsScreen, RecoveryScreen } from './screens/BackupsScreen';
import type { RecoveryStatus } from '../../shared/model';

/**
 * The meeting screen (live minuting, review, the preview, drag and drop) is most of the renderer's code: it is a chunk
 * of its own, loaded as soon as the first screen has drawn (or at once when a meeting is opened first), so a start
 * parses only the lists. Its shortcuts pressed before it is drawn are held for it (state/held-keys.ts).
 */
type MeetingScreenComponent = (typeof import('./screens/MeetingScreen'))['MeetingScreen'];
/** Set once the chunk has loaded: from then on the screen is drawn at once, with no moment of "Opening…". */
let loadedMeetingScreen: MeetingScreenComponent | null = null;
let loadingMeetingScreen: Promise<MeetingScreenComponent> | null = null;
const loadMeetingScreen = () =>
  (loadingMeetingScreen ??= import('./screens/MeetingScreen').then(
    (m) => (loadedMeetingScreen = m.MeetingScreen),
    (error: unknown) => {
      loadingMeetingScreen = null;
      throw error;
    },
  ));

/** The meeting screen, or a line saying it is opening while its chunk loads. The screen is chosen once per opening, so
 * it is never swapped (and its fields' unsaved words never dropped) when the chunk arrives. */
function MeetingScreen({ meetingId }: { meetingId: number }) {
  const [Screen, setScreen] = useState<MeetingScreenComponent | null>(() => loadedMeetingScreen);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Screen) return;
    let live = true;
    loadMeetingScreen().then(
      (loaded) => live && setScreen(() => loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [Screen]);
  if (Screen) return <Screen meetingId={meetingId} />;
  return failed ? (
    <p className="banner-error" role="alert">
      The meeting screen could not be loaded. Reload the window to try again.
    </p>
  ) : (
    <p className="screen muted" role="status">
      Opening the meeting…
    </p>
  );
}

/** After the first screen is drawn: the meeting screen's chunk, so that opening a meeting does not wait for it. */
function preloadMeetingScreen() {
  requestAnimationFrame(() =>
    setTimeout(() => {
      loadMeetingScreen().catch(() => {
        // Said when a meeting is opened (the screen tries again then).
      });
    }, 0),
  );
}

let firstScreen: Promise<RecoveryStatus | null> | null = null;
/**
 * The first screen's data, asked for once, as soon as the page runs (main.tsx calls this before React's first
 * render, so the answers are on their way meanwhile): the recovery status (a database that could not be opened shows
 * the recovery screen instead of the app, and answers no other call) and, at the same time, the bodies. Resolves with
 * the status when the database is in recovery, else null.
 */
export function askFirstScreen(): Promise<RecoveryStatus | null> {
  return (firstScreen ??= (() => {
    const state = useApp.getState();
    // Once the bodies are drawn (or could not be read), the meeting screen's chunk is fetched while the clerk reads them.
    void state.refreshBodies().finally(preloadMeetingScreen);
    return state.read('recovery.status', {}).then((r) => (r.ok && !r.value.ok ? r.value : null));
  })());
}

export function App() {
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const loadError = useApp((s) => s.loadError);
  const shortcuts = useReturningDialog();
  const guide = useReturningDialog();
  const [recovery, setRecovery] = useState<RecoveryStatus | null>(null);

  useEffect(() => {
    void askFirstScreen().then((status) => {
      if (status) setRecovery(status);
    });
    const onPop = () => useApp.getState().syncRouteFromHash();
    window.addEventListener('popstate', onPop);
    window.addEventListener('hashchange', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('hashchange', onPop);
    };
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if (event.key === 'F1') {
        event.preventDefault();
        shortcuts.setOpen(false);
        guide.setOpen(true);
      } else if (event.ctrlKey && key === '/') {
        event.preventDefault();
        guide.setOpen(false);
        shortcuts.setOpen(true);
      } else if (event.ctrlKey && key === 's') {
        event.preventDefault();
        void flushAllSaves();
      } else if (event.altKey && key === 'n') {
        event.preventDefault();
        document.querySelector<HTMLElement>('[data-shortcut-target="new"]')?.focus();
      } else if (event.ctrlKey && event.shiftKey && key === 'f') {
        event.preventDefault();
        navigate({ name: 'search' });
      } else if (event.altKey && key === 'h') {
        event.preventDefault();
        navigate({ name: 'home' });
      } else if (event.altKey && key === 'l' && (route.name === 'body' || route.name === 'actions')) {
        event.preventDefault();
        navigate({ name: 'actions', bodyId: route.bodyId });
      } else if (event.altKey && key === 'b') {
        const meeting = useApp.getState().meeting;
        if (route.name === 'meeting' && meeting) {
          event.preventDefault();
          navigate({ name: 'body', bodyId: meeting.bodyId });
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, route, guide.setOpen, shortcuts.setOpen]);

  if (recovery) return <RecoveryScreen status={recovery} />;
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="#/" onClick={(e) => (e.preventDefault(), navigate({ name: 'home' }))}>
          Meeting Clerk
        </a>
        <Breadcrumbs />
        <a className="quiet-button" href="#/backups" onClick={(e) => (e.preventDefault(), navigate({ name: 'backups' }))}>
          Backups
        </a>
        <a className="quiet-button" href="#/search" aria-keyshortcuts="Control+Shift+F" onClick={(e) => (e.preventDefault(), navigate({ name: 'search' }))}>
          Search
        </a>
        <SaveIndicator />
        <GuideDialog
          open={guide.open}
          onOpenChange={guide.setOpen}
          onCloseAutoFocus={guide.onCloseAutoFocus}
          onShortcuts={() => {
            // The shortcuts take the guide's place, and focus goes back to where the guide was opened from.
            shortcuts.setOpen(true, guide.from.current);
            guide.from.current = null;
            guide.setOpen(false);
          }}
        />
        <ShortcutsDialog open={shortcuts.open} onOpenChange={shortcuts.setOpen} onCloseAutoFocus={shortcuts.onCloseAutoFocus} />
        <CommandPalette />
      </header>
      <div className={`layout${route.name === 'meeting' ? ' is-meeting' : ''}`}>
        <Sidebar />
        <main className="content" id="main">
          {loadError ? (
            <p className="banner-error" role="alert">
              {loadError}
            </p>
          ) : null}
          {route.name === 'home' ? <HomeScreen /> : null}
          {route.name === 'body' ? <BodyScreen bodyId={route.bodyId} /> : null}
          {route.name === 'actions' ? <ActionLogScreen bodyId={route.bodyId} /> : null}
          {route.name === 'meeting' ? <MeetingScreen meetingId={route.meetingId} /> : null}
          {route.name === 'search' ? <SearchScreen /> : null}
          {route.name === 'backups' ? <BackupsScreen /> : null}
        </main>
      </div>
    </div>
  );
}

function Breadcrumbs() {
  const route = useApp((s) => s.route);
  const meeting = useApp((s) => s.meeting);
  const navigate = useApp((s) => s.navigate);
  if (route.name !== 'meeting' || !meeting) return <span className="spacer" />;
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <a href={`#/bodies/${meeting.bodyId}`} onClick={(e) => (e.preventDefault(), navigate({ name: 'body', bodyId: meeting.bodyId }))}>
        ← {meeting.body.name}
      </a>
    </nav>
  );
}

function Sidebar() {
  const bodies = useApp((s) => s.bodies);
  const route = useApp((s) => s.route);
  const currentBodyId = useApp((s) => (s.route.name === 'body' || s.route.name === 'actions' ? s.route.bodyId : s.route.name === 'meeting' ? s.meeting?.bodyId : undefined));
  const navigate = useApp((s) => s.navigate);
  return (
    <nav className="sidebar" aria-label="Bodies">
      <h2 className="sidebar-title">Bodies</h2>
      <ul>
        {bodies.map((b) => (
          <li key={b.id}>
            <a
              href={`#/bodies/${b.id}`}
              aria-current={currentBodyId === b.id ? 'page' : undefined}
              onClick={(e) => (e.preventDefault(), navigate({ name: 'body', bodyId: b.id }))}
            >
              {b.name}
            </a>
          </li>
        ))}
      </ul>
      <a
        className="sidebar-new"
        href="#/"
        aria-current={route.name === 'home' ? 'page' : undefined}
        onClick={(e) => (e.preventDefault(), navigate({ name: 'home' }))}
      >
        + New body
      </a>
    </nav>
  );
}
