import { useMemo, useRef, useState } from 'react';
import { LOCKED_STATUSES, MINUTES_STATUS_LABELS, type MeetingRecord } from '../../../../shared/model';
import { buildMinutes, type MinutesPart } from '../../../../shared/minutes/document';
import { MinutesPreview } from '../../components/MinutesPreview';
import { AgendaRail } from './AgendaRail';
import { AttendancePanel } from './AttendancePanel';
import { DeclarationsPanel, type DeclarationsHandle } from './DeclarationsPanel';
import { ItemMinute } from './ItemMinute';
import { PhrasePicker } from './PhrasePicker';
import { useDrafts, withDrafts } from '../../state/drafts';
import { ImportTeamsPanel } from './ImportTeamsPanel';
import { ChecksPanel } from './ChecksPanel';
import type { Check } from './checks-ui';
import { styleWithTemplate } from '../../../../shared/minutes/template-style';

/** The preview, from the record with the words still being typed laid over it. Only it follows each keystroke. */
function LivePreview({ record, checks }: { record: MeetingRecord; checks: Check[] }) {
  const [part, setPart] = useState<MinutesPart>('public');
  const entries = useDrafts((s) => s.entries);
  const items = useDrafts((s) => s.items);
  const motions = useDrafts((s) => s.motions);
  const shown = useMemo(() => withDrafts(record, { entries, items, motions }), [record, entries, items, motions]);
  // Built in the same frame as the keystroke: the whole document takes about a millisecond, and only
  // the minute whose words changed is redrawn (MinutesPreview).
  const doc = useMemo(() => buildMinutes(shown, { style: shown.body.houseStyle, part }), [shown, part]);
  // The council's Word template, when there is one, sets the font and size the preview draws in.
  const style = styleWithTemplate(record.body.houseStyle);
  return (
    <aside className="live-preview panel" aria-label="Live minutes preview">
      <div className="live-preview-scroll">
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

/**
 * The order of business on the left; the minute of the item being taken,
 * attendance and declarations in the centre; the minutes preview on the
 * right. At 480 px they stack.
 */
export function LiveTab({ record, checks }: { record: MeetingRecord; checks: Check[] }) {
  const declarations = useRef<DeclarationsHandle>(null);
  const style = record.body.houseStyle;
  const locked = LOCKED_STATUSES.includes(record.minutesStatus) && record.amendmentReason === null;
  return (
    <>
    {locked ? (
      <p className="locked-banner" role="status" data-testid="locked-banner">
        These minutes are {MINUTES_STATUS_LABELS[record.minutesStatus].toLowerCase()} and locked. To change them, begin an amendment with a reason on the
        Review and approval tab (Alt+3).
      </p>
    ) : record.amendmentReason ? (
      <p className="amendment-banner" role="status">
        Amendment under way: {record.amendmentReason}. Finish it on the Review and approval tab (Alt+3).
      </p>
    ) : null}
    <div className="live-layout">
      <AgendaRail record={record} />
      <div className="live-centre">
        <ItemMinute record={record} />
        <AttendancePanel record={record} onDeclare={(attendanceId) => declarations.current?.startFor(attendanceId)} />
        <DeclarationsPanel ref={declarations} record={record} chairTitle={style.chairTitle} />
        <ImportTeamsPanel record={record} />
      </div>
      <LivePreview record={record} checks={checks} />
      <PhrasePicker bodyId={record.bodyId} />
    </div>
    </>
  );
}
