import { useDeferredValue, useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { wasOf } from '../state/was';
import { countText } from '../../../shared/checks';
import { useChecksGate } from '../components/ChecksGate';
import { checkMinutes, checksOnClosing, focusChecks } from './live/checks-ui';
import { formatLongDate, formatTime } from '../../../shared/format';
import { LOCKED_STATUSES, MINUTES_STATUS_LABELS, MEETING_MODES, MEETING_MODE_LABELS, SCHEDULE_12A_PARAGRAPHS, type AgendaItem, type MeetingDetail, type MeetingRecord } from '../../../shared/model';
import { AutoSelect, AutoText } from '../components/AutoField';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { ExportMenu } from '../components/ExportMenu';
import { PrintPack } from '../components/PrintPack';
import { PublishDialog } from '../components/PublishDialog';
import { MoveButtons, rowMoveKeys } from '../components/MoveButtons';
import { useApp } from '../state/store';
import { meetingScreenReady } from '../state/held-keys';
import { takeNeighbour } from './live/AgendaRail';
import { time } from './live/clock';
import { LiveTab } from './live/LiveTab';
import { ReviewTab } from './ReviewTab';
import { ImportAgendaSection } from './ImportAgendaSection';
import { AlwaysOnTop } from '../components/AlwaysOnTop';
import { QuorumIndicator } from './live/QuorumIndicator';
import { focusRegion, type Region } from './live/regions';
import { firstControlIn } from '../components/focus-keeper';

type Tab = 'live' | 'setup' | 'review';
const REGION_KEYS: Record<string, Region> = { g: 'rail', i: 'minute', t: 'attendance', v: 'preview' };
const TABS: { id: Tab; label: string }[] = [
  { id: 'live', label: 'Live meeting' },
  { id: 'setup', label: 'Set-up and agenda' },
  { id: 'review', label: 'Review and approval' },
];

export function MeetingScreen({ meetingId }: { meetingId: number }) {
  const meeting = useApp((s) => (s.meeting?.id === meetingId ? s.meeting : null));
  const loadMeeting = useApp((s) => s.loadMeeting);
  useEffect(() => {
    void loadMeeting(meetingId);
  }, [meetingId, loadMeeting]);
  const live = useApp((s) => s.live);
  // The live checks follow the record a render behind (React's deferred value): a save's answer or a change draws
  // first, and the checks run in a render of their own that typing may interrupt. Another meeting's checks are never shown.
  const deferred = useDeferredValue(meeting);
  const checked = deferred?.id === meeting?.id ? deferred : meeting;
  const checks = useMemo(() => (checked ? checkMinutes(checked) : []), [checked]);
  const gate = useChecksGate();
  const [backupProblem, setBackupProblem] = useState<string | null>(null);
  /** Closing shows the checks first (as they will be once closed); the clerk may close anyway. */
  const requestClose = () => {
    const record = useApp.getState().meeting;
    if (!record) return;
    gate.ask(checksOnClosing(record), 'Close the meeting anyway', () => {
      void live('meetings.close', { meetingId }).then(async (closed) => {
        requestAnimationFrame(focusChecks);
        // The backup made as the meeting closes: if it failed, the clerk is told here, not only the log.
        if (!closed.ok) return;
        const health = await useApp.getState().read('recovery.status', {});
        setBackupProblem(health.ok ? health.value.backupProblem : null);
      });
    });
  };
  /** Alt+K: to the checks, on the Live tab where they are listed. */
  const showChecks = () => {
    choose('live');
    requestAnimationFrame(focusChecks);
  };
  // The item last asked for: a second quick Alt+PageDown moves on from it, not from the stale record.
  const requestedItem = useRef<number | null | undefined>(undefined);
  // Until the clerk picks a tab: a meeting under way opens live, one being prepared opens on its set-up.
  const [chosenTab, setTab] = useState<Tab | null>(() => sessionStorage.getItem(`tab:${meetingId}`) as Tab | null);
  const tab: Tab = chosenTab ?? (meeting?.startedAt ? 'live' : 'setup');
  const choose = (next: Tab) => {
    setTab(next);
    sessionStorage.setItem(`tab:${meetingId}`, next);
  };
  /** Alt+1/2/3: the tab, and focus on its obvious first place (the minute being written; the first field; the approval). */
  const openTab = (next: Tab) => {
    choose(next);
    if (next === 'live') {
      void focusRegion(useApp.getState().meeting?.currentItemId ? 'minute' : 'rail');
      return;
    }
    requestAnimationFrame(() => {
      const panel = document.getElementById(`panel-${next}`);
      (panel ? firstControlIn(panel) : null)?.focus();
    });
  };
  /** A region of the live screen: on the Live tab, opened if folded away at 480 px. */
  const goRegion = (region: Region) => {
    if (tab !== 'live') choose('live');
    void focusRegion(region);
  };

  // Live-meeting shortcuts: Alt+S start, Alt+E close, Alt+PageDown/PageUp next/previous item, Alt+1/2 tabs.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const record = useApp.getState().meeting;
      if (!event.altKey || !record || record.id !== meetingId) return;
      const key = event.key.toLowerCase();
      if (key === 's' && !record.startedAt) {
        event.preventDefault();
        void live('meetings.start', { meetingId }).then((r) => {
          // Next comes attendance; focus goes there unless the clerk is in a field that is still on screen.
          const active = document.activeElement;
          if (r.ok && (!active || active === document.body || !active.isConnected)) goRegion('attendance');
        });
      } else if (key === 'e' && record.startedAt && !record.closedAt) {
        event.preventDefault();
        requestClose();
      } else if (key === 'k') {
        event.preventDefault();
        showChecks();
      } else if (key in REGION_KEYS && !event.ctrlKey && !event.shiftKey) {
        event.preventDefault();
        goRegion(REGION_KEYS[key]!);
      } else if (key === 'l' && !event.ctrlKey) {
        event.preventDefault();
        useApp.getState().navigate({ name: 'actions', bodyId: record.bodyId });
      } else if (event.key === 'PageDown' || event.key === 'PageUp') {
        event.preventDefault();
        const from = requestedItem.current !== undefined ? { ...record, currentItemId: requestedItem.current } : record;
        const itemId = takeNeighbour(from, event.key === 'PageDown' ? 1 : -1);
        if (itemId !== null) {
          requestedItem.current = itemId;
          void live('meetings.takeItem', { meetingId, itemId }).then(() => {
            if (requestedItem.current !== itemId) return;
            requestedItem.current = undefined;
            // The minute of the item just taken, with its first field in view (at 480 px it is at the top).
            if (tab !== 'live') choose('live');
            void focusRegion('minute');
          });
        }
      } else if (key === '1' || key === '2' || key === '3') {
        event.preventDefault();
        openTab(key === '1' ? 'live' : key === '2' ? 'setup' : 'review');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  // Drawn with its record (and every listener above and in the tabs in place): the shortcuts pressed while it was on
  // its way are pressed now.
  const drawn = meeting !== null;
  useEffect(() => {
    if (drawn) meetingScreenReady(meetingId);
  }, [drawn, meetingId]);

  if (!meeting) return <p className="screen muted">Loading…</p>;
  const setupLocked = LOCKED_STATUSES.includes(meeting.minutesStatus) && meeting.amendmentReason === null;
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const order: Tab[] = ['live', 'setup', 'review'];
    const next = order[(order.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : order.length - 1)) % order.length]!;
    choose(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className="screen wide">
      <div className="meeting-header">
        <div>
          <p className="eyebrow">{meeting.body.name}</p>
          <h1>
            {formatLongDate(meeting.date)}, {formatTime(meeting.startTime)}
          </h1>
        </div>
        <div className="meeting-clock">
          {meeting.startedAt ? (
            <span data-testid="started-at">Started {time(meeting.startedAt)}</span>
          ) : (
            <button type="button" className="button-primary" aria-keyshortcuts="Alt+S" onClick={() => void live('meetings.start', { meetingId })}>
              Start meeting
            </button>
          )}
          {meeting.closedAt ? <span data-testid="closed-at">Closed {time(meeting.closedAt)}</span> : null}
          {meeting.startedAt && !meeting.closedAt ? (
            <button type="button" aria-keyshortcuts="Alt+E" onClick={requestClose}>
              Close meeting
            </button>
          ) : null}
          <QuorumIndicator record={meeting} />
          <button
            type="button"
            className={`checks-button${checks.some((c) => c.severity === 'error') ? ' has-errors' : ''}`}
            aria-keyshortcuts="Alt+K"
            data-testid="checks-count"
            onClick={showChecks}
          >
            Checks: {countText(checks)}
          </button>
        </div>
        <ExportMenu record={meeting} checks={checks} gate={gate.ask} />
        {gate.element}
        <PublishDialog record={meeting} checks={checks} />
        <PrintPack record={meeting} />
        <AlwaysOnTop />
      </div>
      {backupProblem ? (
        <p className="banner-error" role="alert" data-testid="backup-problem">
          {backupProblem}
        </p>
      ) : null}
      <div role="tablist" aria-label="Meeting views" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => choose(t.id)}
            onKeyDown={onTabKey}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'live' ? (
          <LiveTab record={meeting} checks={checks} />
        ) : tab === 'review' ? (
          <ReviewTab record={meeting} />
        ) : (
          <>
            {setupLocked ? (
              <p className="locked-banner" role="status" data-testid="setup-locked-banner">
                <strong>These minutes are {MINUTES_STATUS_LABELS[meeting.minutesStatus].toLowerCase()}, so the meeting’s details and agenda are read-only.</strong>{' '}
                To change them, begin an amendment with a reason on the Review and approval tab (Alt+3).
              </p>
            ) : null}
            <fieldset className="lock-scope" disabled={setupLocked}>
              <MeetingDetails meeting={meeting} />
              <AgendaSection meeting={meeting} />
              <ImportAgendaSection meeting={meeting} />
            </fieldset>
          </>
        )}
      </div>
    </div>
  );
}

function MeetingDetails({ meeting }: { meeting: MeetingRecord }) {
  const write = useApp((s) => s.write);
  const setMeeting = useApp((s) => s.setMeeting);
  const save = async (patch: Parameters<typeof write<'meetings.update'>>[1]['patch']) => {
    const result = await write('meetings.update', { meetingId: meeting.id, patch, was: wasOf(useApp.getState().meeting, patch) });
    if (result.ok) {
      const current = useApp.getState().meeting;
      if (current?.id === meeting.id) setMeeting({ ...current, ...result.value });
      // The date and the first number decide the minute numbers and the neighbouring meetings.
      if ('date' in patch || 'startTime' in patch || 'minuteNumberStart' in patch) void useApp.getState().loadMeeting(meeting.id);
    }
    return result;
  };
  const key = (field: string) => `meeting:${meeting.id}:${field}`;
  return (
    <section className="panel" aria-labelledby="meeting-details-title">
      <h2 id="meeting-details-title">Meeting details</h2>
      <div className="form-grid">
        <AutoText label="Date" type="date" value={meeting.date} saveKey={key('date')} onSave={(date) => save({ date })} />
        <AutoText label="Start time" type="time" value={meeting.startTime} saveKey={key('startTime')} onSave={(startTime) => save({ startTime })} />
        <AutoSelect
          label="Held"
          value={meeting.mode}
          options={MEETING_MODES.map((m) => ({ value: m, label: MEETING_MODE_LABELS[m] }))}
          saveKey={key('mode')}
          onSave={(mode) => save({ mode })}
        />
        <AutoText label="Venue" value={meeting.venue} saveKey={key('venue')} onSave={(venue) => save({ venue })} />
        <AutoText
          label="Contact officer"
          value={meeting.contactOfficer}
          saveKey={key('contactOfficer')}
          onSave={(contactOfficer) => save({ contactOfficer })}
        />
        <AutoText
          label="First minute number"
          value={meeting.minuteNumberStart === null ? '' : String(meeting.minuteNumberStart)}
          hint={`Blank continues from the body’s last minute in this municipal year (minute ${meeting.firstMinuteNumber} now).`}
          saveKey={key('minuteNumberStart')}
          onSave={(text) => save({ minuteNumberStart: text.trim() === '' ? null : Number(text.trim()) })}
        />
      </div>
    </section>
  );
}

const EXEMPT_OPTIONS = [
  { value: 0, label: 'Public item' },
  ...Object.entries(SCHEDULE_12A_PARAGRAPHS).map(([n, text]) => ({
    value: Number(n),
    label: `Exempt: Schedule 12A paragraph ${n} (${text.length > 60 ? `${text.slice(0, 57)}…` : text})`,
  })),
];

function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  const write = useApp((s) => s.write);
  const setMeeting = useApp((s) => s.setMeeting);
  const items = meeting.items;

  const replaceItems = (next: AgendaItem[]) => {
    const current = useApp.getState().meeting;
    if (current?.id === meeting.id) setMeeting({ ...current, items: next });
  };
  const move = async (item: AgendaItem, toPosition: number) => {
    const result = await write('agendaItems.move', { itemId: item.id, toPosition });
    if (result.ok) replaceItems(result.value);
  };

  return (
    <section className="panel" aria-labelledby="agenda-title">
      <h2 id="agenda-title">
        Agenda <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 ? <p className="empty">No agenda items yet. Add the first below (Alt+N).</p> : null}
      <ol className="row-list" aria-label="Agenda items">
        {items.map((item, index) => (
          <li
            key={item.id}
            className={`row agenda-row${item.exempt ? ' is-exempt' : ''}`}
            data-testid="agenda-row"
            onKeyDown={rowMoveKeys(index, items.length, (to) => move(item, to))}
          >
            <span className="agenda-number" aria-hidden="true">
              {item.agendaNumber}.
            </span>
            <AgendaItemFields item={item} onChanged={replaceItems} />
            <div className="row-actions">
              <MoveButtons label={`agenda item ${item.agendaNumber}`} index={index} count={items.length} onMove={(to) => void move(item, to)} />
              <ConfirmDelete
                what={`agenda item ${item.agendaNumber}, ${item.title}`}
                consequence="The items after it are renumbered."
                onConfirm={async () => {
                  const result = await write('agendaItems.delete', { itemId: item.id });
                  if (result.ok) replaceItems(result.value);
                }}
              />
            </div>
          </li>
        ))}
      </ol>
      <NewAgendaItemForm meetingId={meeting.id} onAdded={replaceItems} />
    </section>
  );
}

function AgendaItemFields({ item, onChanged }: { item: AgendaItem; onChanged: (items: AgendaItem[]) => void }) {
  const write = useApp((s) => s.write);
  const save = async (patch: Parameters<typeof write<'agendaItems.update'>>[1]['patch']) => {
    const result = await write('agendaItems.update', { itemId: item.id, patch, was: wasOf(useApp.getState().meeting?.items.find((i) => i.id === item.id), patch) });
    if (result.ok) {
      const items = useApp.getState().meeting?.items ?? [];
      onChanged(items.map((i) => (i.id === item.id ? result.value : i)));
    }
    return result;
  };
  const key = (field: string) => `item:${item.id}:${field}`;
  return (
    <div className="row-fields agenda-fields">
      <AutoText
        label={`Item ${item.agendaNumber} title`}
        value={item.title}
        saveKey={key('title')}
        onSave={(title) => save({ title })}
        className="span-2"
        testId="agenda-title"
      />
      <AutoText
        label="Presenter line"
        value={item.presenter}
        saveKey={key('presenter')}
        onSave={(presenter) => save({ presenter })}
        placeholder="… will present this report."
        className="span-2"
      />
      <AutoText label="Papers / pages" value={item.papers} saveKey={key('papers')} onSave={(papers) => save({ papers })} placeholder="Pages 3 - 10" />
      <AutoSelect
        label="Public or exempt"
        value={item.exempt ? (item.exemptParagraph ?? 0) : 0}
        options={EXEMPT_OPTIONS}
        saveKey={key('exempt')}
        onSave={(paragraph) => save(paragraph === 0 ? { exempt: false, exemptParagraph: null } : { exempt: true, exemptParagraph: paragraph })}
      />
    </div>
  );
}

function NewAgendaItemForm({ meetingId, onAdded }: { meetingId: number; onAdded: (items: AgendaItem[]) => void }) {
  const write = useApp((s) => s.write);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await write('agendaItems.create', { meetingId, title });
    if (!result.ok) return setError(result.error.message);
    onAdded(result.value);
    setTitle('');
    setError(null);
    input.current?.focus();
  };
  return (
    <form className="subform inline-form" onSubmit={submit} aria-label="Add an agenda item">
      <div className="field grow">
        <label htmlFor="new-item-title">New agenda item title</label>
        <input
          id="new-item-title"
          ref={input}
          data-shortcut-target="new"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-item-error' : 'new-item-hint'}
        />
        {error ? (
          <p className="field-error" id="new-item-error" role="alert">
            {error}
          </p>
        ) : (
          <p className="hint" id="new-item-hint">
            Enter adds the item; details can be filled in above.
          </p>
        )}
      </div>
      <button type="submit" className="button-primary">
        Add item
      </button>
    </form>
  );
}
