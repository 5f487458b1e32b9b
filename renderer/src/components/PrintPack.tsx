import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { formatLongDate } from '../../../shared/format';
import { buildMinutes } from '../../../shared/minutes/document';
import type { ActionLogEntry, MeetingRecord } from '../../../shared/model';
import { useApp } from '../state/store';
import { MinutesPreview } from './MinutesPreview';
import { styleWithTemplate } from '../../../shared/minutes/template-style';

const shortDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]!.slice(2)}` : iso;
};

/**
 * What Ctrl+P prints from the meeting screen (the print stylesheet in
 * styles.css shows only this): the minutes, the action log as at this meeting
 * (landscape) and an attendance register for signing, each starting a new A4
 * page, with "Page X of Y" at the foot. Hidden on screen; kept in a portal at
 * the top of the page so the print stylesheet can hide everything else.
 */
export function PrintPack({ record }: { record: MeetingRecord }) {
  const read = useApp((s) => s.read);
  const [log, setLog] = useState<ActionLogEntry[]>([]);
  const style = record.body.houseStyle;
  const doc = useMemo(() => buildMinutes(record, { style }), [record, style]);
  // Printed in the council's Word template's font and size when it has one.
  const printed = styleWithTemplate(style);
  const body = record.body.name;
  const date = formatLongDate(record.date);

  useEffect(() => {
    let live = true;
    void read('actions.log', { bodyId: record.bodyId }).then((r) => {
      if (live && r.ok) setLog(r.value.filter((a) => a.raisedOn <= record.date));
    });
    return () => {
      live = false;
    };
  }, [read, record.bodyId, record.date, record.actions.length]);

  // The desktop app has no browser menu to print from: Ctrl+P asks for the print dialog itself (in a browser it is the same dialog).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'p') {
        event.preventDefault();
        window.print();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return createPortal(
    <div className="print-pack" data-testid="print-pack">
      <section className="print-section">
        <MinutesPreview doc={doc} fontFamily={printed.fontFamily} fontSize={Math.max(12, printed.fontSize)} councilName={style.councilName} testId="print-minutes" label="Minutes for printing" />
      </section>
      <section className="print-section print-landscape">
        <h1>{body}: Action Log</h1>
        <table className="print-table print-log">
          <thead>
            <tr>
              {['No.', 'Date', 'Action', 'Responsible Officer', 'Comments', 'Status'].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {log.length === 0 ? (
              <tr>
                <td colSpan={6}>There are no actions on the log.</td>
              </tr>
            ) : (
              log.map((a) => (
                <tr key={a.id}>
                  <td>{a.number}</td>
                  <td>{shortDate(a.raisedOn)}</td>
                  <td>{a.text}</td>
                  <td>{a.owner}</td>
                  <td>{a.comments.map((c) => `${shortDate(c.date)} ${c.text}`).join('\n')}</td>
                  <td>{a.status}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      <section className="print-section">
        <h1>Attendance register</h1>
        <p>
          {body} – {date}
        </p>
        <table className="print-table print-register">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role and organisation</th>
              <th scope="col">Signature</th>
            </tr>
          </thead>
          <tbody>
            {record.members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{[m.role, m.organisation].filter(Boolean).join(' – ')}</td>
                <td />
              </tr>
            ))}
            {/* Room for substitutes, officers and guests to sign in. */}
            {[0, 1, 2, 3].map((i) => (
              <tr key={`blank-${i}`} className="print-blank">
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>,
    document.body,
  );
}
