import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';
import { LOCKED_STATUSES, MINUTES_STATUS_LABELS, type MeetingRecord, type MinuteEntry } from '../../../../shared/model';
import { rebuildMinutes, type BuiltMinutes, type MinutesPart } from '../../../../shared/minutes/document';
import { MinutesPreview } from '../../components/MinutesPreview';
import { AgendaRail } from './AgendaRail';
import { AttendancePanel } from './AttendancePanel';
import { DeclarationsPanel, type DeclarationsHandle } from './DeclarationsPanel';
import { ItemMinute } from './ItemMinute';
import { MeetingSentences } from './MeetingSentences';
import { PhrasePicker } from './PhrasePicker';
import { useDrafts, withDrafts } from '../../state/drafts';
import { ImportTeamsPanel } from './ImportTeamsPanel';
import { ChecksPanel } from './ChecksPanel';
import type { Check } from './checks-ui';
import { styleWithTemplate } from '../../../../shared/minutes/template-style';
import { focusRegion, type Region } from './regions';
import { propsButEntries, sameButEntries } from './same-record';

// The panels beside the minute read nothing of the entries: an autosave of typed words passes them by.
const Attendance = memo(AttendancePanel, propsButEntries);
const Declarations = memo(DeclarationsPanel, propsButEntries);
const Sentences = memo(MeetingSentences, propsButEntries);
const ImportTeams = memo(ImportTeamsPanel, propsButEntries);

/** Two entries print alike: the same in every field but the version, which each save moves on and the minutes never print. */
function printAlike(a: MinuteEntry, b: MinuteEntry): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof MinuteEntry)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === 'version' || Object.is(a[key], b[key]));
}

type Drafts = Parameters<typeof withDrafts>[1];

/**
 * The record as the preview prints it: the record with the drafts laid over it. When an autosave's answer has come
 * back, the record holds the words the draft held, and the draft has gone: the record shown is the same in all it
 * prints, so the one shown before is kept and the minutes are not built and compared again (some 2 ms at each save
 * of a 60-item meeting, in the frame beside a keystroke).
 */
function useShown(record: MeetingRecord, { entries, items, motions, wording }: Required<Drafts>): MeetingRecord {
  const last = useRef<{ record: MeetingRecord; drafts: Drafts; shown: MeetingRecord } | null>(null);
  return useMemo(() => {
    const drafts = { entries, items, motions, wording };
    const next = withDrafts(record, drafts);
    const before = last.current;
    const alike =
      before !== null &&
      before.drafts.items === drafts.items &&
      before.drafts.motions === drafts.motions &&
      before.drafts.wording === drafts.wording &&
      sameButEntries(before.record, record) &&
      before.shown.entries.length === next.entries.length &&
      next.entries.every((entry, i) => printAlike(entry, before.shown.entries[i]!));
    const shown = alike ? before.shown : next;
    last.current = { record, drafts, shown };
    return shown;
  }, [record, entries, items, motions, wording]);
}

/** The preview, from the record with the words still being typed laid over it. Only it follows each keystroke. */
function LivePreview({ record, checks }: { record: MeetingRecord; checks: Check[] }) {
  const [part, setPart] = useState<MinutesPart>('public');
  const entries = useDrafts((s) => s.entries);
  const items = useDrafts((s) => s.items);
  const motions = useDrafts((s) => s.motions);
  const wording = useDrafts((s) => s.wording);
  const shown = useShown(record, { entries, items, motions, wording });
  // Built in the same frame as the keystroke: only the minute whose words changed is built again
  // (rebuildMinutes; the whole 60-item document took about a millisecond), and only it is redrawn (MinutesPreview).
  const built = useRef<BuiltMinutes | null>(null);
  const doc = useMemo(() => (built.current = rebuildMinutes(built.current, shown, { style: shown.body.houseStyle, part })).doc, [shown, part]);
  // The council's Word template, when there is one, sets the font and size the preview draws in.
  const style = styleWithTemplate(record.body.houseStyle);
  return (
    <aside className="live-preview panel" aria-label="Live minutes preview">
      {/* Focusable, so the keyboard scrolls it (↑ ↓ Page Up Page Down); Alt+V comes here. */}
      <div className="live-preview-scroll" tabIndex={0} role="region" aria-label="Minutes preview (scroll with the arrow keys)" data-testid="preview-scroll" aria-keyshortcuts="Alt+V">
        <ChecksPanel record={record} checks={checks} />
        {record.items.some((i) => i.exempt) ? (
          <div className="field preview-part">
            <label htmlFor="preview-part">Show</label>
            <select id="preview-part" value={part} onChange={(e) => setPart(e.target.value as MinutesPart)}>
              <option value="public">Public minutes</option>
              <option value="exempt">Exempt minutes (not for publication)</option>
            </select>
          </div>
        ) : null}
        <MinutesPreview doc={doc} fontFamily={style.fontFamily} fontSize={style.fontSize} councilName={style.councilName} />
      </div>
    </aside>
  );
}

/** Below this width (beside a Teams window) the live screen shows one region at a time, the minute first. */
const NARROW = '(max-width: 760px)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const change = () => setNarrow(query.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, []);
  return narrow;
}

const PANES: { id: Region; label: string; keys: string }[] = [
  { id: 'minute', label: 'Minute', keys: 'Alt+I' },
  { id: 'rail', label: 'Order of business', keys: 'Alt+G' },
  { id: 'attendance', label: 'Attendance', keys: 'Alt+T' },
  { id: 'preview', label: 'Preview', keys: 'Alt+V' },
];

/** Keys that change the minutes: refused at once, with the reason, while the minutes are locked. */
const WRITING_KEYS = new Set(['p', 'o', 'r', 'm', 'a', 'z', 'y']);

/**
 * The order of business on the left; the minute of the item being taken,
 * attendance and declarations in the centre; the minutes preview on the
 * right. Below 760 px (beside Teams) one region shows at a time under a row
 * of tabs, the minute first; each region is one key away (Alt+I, Alt+G,
 * Alt+T, Alt+V), and taking the next item brings the minute back.
 *
 * Approved minutes are locked: the centre is a disabled fieldset (every
 * field and button in it is read-only to the keyboard, mouse and screen
 * reader alike, whoever draws them), and the banner says how to amend.
 */
export function LiveTab({ record, checks }: { record: MeetingRecord; checks: Check[] }) {
  const declarations = useRef<DeclarationsHandle>(null);
  const style = record.body.houseStyle;
  const locked = LOCKED_STATUSES.includes(record.minutesStatus) && record.amendmentReason === null;
  const narrow = useNarrow();
  const [pane, setPane] = useState<Region>('minute');
  const [refused, setRefused] = useState(0);
  const banner = useRef<HTMLDivElement>(null);
  const onDeclare = useCallback((attendanceId: number) => declarations.current?.startFor(attendanceId), []);

  // A region asked for by its key (or by a check's "go there") is shown first in the narrow layout.
  useEffect(() => {
    // Drawn at once: the caller focuses something in the pane straight after.
    const reveal = (event: Event) => flushSync(() => setPane((event as CustomEvent<Region>).detail));
    window.addEventListener('clerk:reveal', reveal);
    return () => window.removeEventListener('clerk:reveal', reveal);
  }, []);

  // Before any handler: keys that write the minutes show the minute pane (narrow), or are refused when locked.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const key = event.key.toLowerCase();
      const writing = event.altKey && !event.ctrlKey && WRITING_KEYS.has(key);
      const onRow = (event.target as HTMLElement | null)?.closest?.('.live-centre [data-attendance-row]') && key.length === 1 && !event.altKey && !event.ctrlKey;
      if (locked && (writing || onRow)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        setRefused((n) => n + 1);
        return;
      }
      if (writing && !['z', 'y'].includes(key) && narrow) setPane('minute');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [locked, narrow]);

  const shown = (region: Region) => !narrow || pane === region;
  const onPaneKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = PANES.findIndex((p) => p.id === pane);
    const next = PANES[(index + (event.key === 'ArrowRight' ? 1 : PANES.length - 1)) % PANES.length]!;
    setPane(next.id);
    requestAnimationFrame(() => document.getElementById(`pane-${next.id}`)?.focus());
  };
  // Taking an item from the order of business at 480 px goes on to write its minute.
  const onRailClick = (event: MouseEvent) => {
    if (!narrow || !(event.target as HTMLElement).closest('.rail-item')) return;
    setPane('minute');
    void focusRegion('minute');
  };
  return (
    <>
      {locked ? (
        <div className="locked-banner" role="status" data-testid="locked-banner" ref={banner}>
          <p>
            <strong>These minutes are {MINUTES_STATUS_LABELS[record.minutesStatus].toLowerCase()}, so they are read-only.</strong> To change them, begin an
            amendment with a reason on the Review and approval tab (Alt+3); the change is then kept as a new version beside the approved one.
          </p>
          {refused > 0 ? (
            <p className="locked-refused" key={refused}>
              Nothing was changed: approved minutes can only be changed through an amendment.
            </p>
          ) : null}
        </div>
      ) : record.amendmentReason ? (
        <p className="amendment-banner" role="status">
          Amendment under way: {record.amendmentReason}. Finish it on the Review and approval tab (Alt+3).
        </p>
      ) : null}
      {narrow ? (
        <div role="tablist" aria-label="Parts of the live meeting" className="tabs pane-tabs">
          {PANES.map((p) => (
            <button
              key={p.id}
              id={`pane-${p.id}`}
              type="button"
              role="tab"
              aria-selected={pane === p.id}
              aria-controls={`pane-panel-${p.id}`}
              aria-keyshortcuts={p.keys}
              tabIndex={pane === p.id ? 0 : -1}
              onClick={() => setPane(p.id)}
              onKeyDown={onPaneKey}
            >
              {p.label}
            </button>
          ))}
        </div>
      ) : null}
      <div className={`live-layout${narrow ? ' is-narrow' : ''}`}>
        <div className="rail-slot" data-region="rail" id="pane-panel-rail" hidden={!shown('rail')} onClick={onRailClick}>
          <AgendaRail record={record} />
        </div>
        <div className="live-centre">
          <fieldset className="lock-scope" disabled={locked} aria-describedby={locked ? 'locked-why' : undefined}>
            {locked ? (
              <legend className="visually-hidden" id="locked-why">
                Read-only: approved minutes are changed through an amendment (Alt+3)
              </legend>
            ) : null}
            <div className="minute-slot" data-region="minute" id="pane-panel-minute" hidden={!shown('minute')}>
              <ItemMinute record={record} />
            </div>
            <div className="attendance-slot" data-region="attendance" id="pane-panel-attendance" hidden={!shown('attendance')}>
              <Attendance record={record} onDeclare={onDeclare} />
              <Declarations ref={declarations} record={record} chairTitle={style.chairTitle} />
              <Sentences record={record} />
              <ImportTeams record={record} />
            </div>
          </fieldset>
        </div>
        <div className="preview-slot" data-region="preview" id="pane-panel-preview" hidden={!shown('preview')}>
          <LivePreview record={record} checks={checks} />
        </div>
        <PhrasePicker bodyId={record.bodyId} />
      </div>
    </>
  );
}
