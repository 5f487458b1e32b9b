import { useDeferredValue, useMemo, useRef } from 'react';
import type { MeetingRecord } from '../../../../shared/model';
import { buildMinutes, DEFAULT_HOUSE_STYLE } from '../../../../shared/minutes/document';
import { MinutesPreview } from '../../components/MinutesPreview';
import { AgendaRail } from './AgendaRail';
import { AttendancePanel } from './AttendancePanel';
import { DeclarationsPanel, type DeclarationsHandle } from './DeclarationsPanel';

/** Agenda on the left, attendance and declarations in the centre, the minutes preview on the right. */
export function LiveTab({ record }: { record: MeetingRecord }) {
  const declarations = useRef<DeclarationsHandle>(null);
  // The preview may lag a keystroke behind; typing never waits for it.
  const deferred = useDeferredValue(record);
  const doc = useMemo(() => buildMinutes(deferred, { style: DEFAULT_HOUSE_STYLE }), [deferred]);
  return (
    <div className="live-layout">
      <AgendaRail record={record} />
      <div className="live-centre">
        <AttendancePanel record={record} onDeclare={(attendanceId) => declarations.current?.startFor(attendanceId)} />
        <DeclarationsPanel ref={declarations} record={record} chairTitle={DEFAULT_HOUSE_STYLE.chairTitle} />
      </div>
      <aside className="live-preview panel" aria-label="Live minutes preview">
        <MinutesPreview doc={doc} />
      </aside>
    </div>
  );
}
