import { useEffect, useMemo, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
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

const printMedia = () => window.matchMedia('print');

/**
 * Whether the page is being printed: from the browser's beforeprint (Ctrl+P,
 * the browser's own menu) to afterprint, or while the page is shown as print
 * media (an emulated print, a PDF made of the page). The minutes are drawn in
 * the print pack only then: built and drawn at every save they cost each
 * keystroke's neighbour a frame (a full minutes document and its hidden copy
 * of the preview), for a copy nobody sees on screen.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => printMedia().matches);
  useEffect(() => {
    const media = printMedia();
    // Drawn at once: the browser lays the page out for printing as soon as beforeprint's handlers return.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(media.matches);
    const change = () => flushSync(() => setPrinting(media.matches));
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media.addEventListener('change', change);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media.removeEventListener('change', change);
    };
  }, []);
  return printing;
}

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
  const printing = usePrinting();
  const doc = useMemo(() => (printing ? buildMinutes(record, { style }) : null), [printing, record, style]);
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
        {doc ? <MinutesPreview doc={doc} fontFamily={printed.fontFamily} fontSize={Math.max(12, printed.fontSize)} councilName={style.councilName} testId="print-minutes" label="Minutes for printing" /> : null}
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
