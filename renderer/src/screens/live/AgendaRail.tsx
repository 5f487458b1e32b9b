import { useApp } from '../../state/store';
import type { MeetingRecord } from '../../../../shared/model';
import { time } from './clock';

/** The agenda as the clerk takes it: Enter takes an item up and stamps its start time. */
export function AgendaRail({ record }: { record: MeetingRecord }) {
  const live = useApp((s) => s.live);
  return (
    <nav className="agenda-rail panel" aria-labelledby="rail-title">
      <h2 id="rail-title">Agenda</h2>
      <ol>
        {record.items.map((item) => {
          const current = record.currentItemId === item.id;
          return (
            <li key={item.id}>
              <button
                type="button"
                className={`rail-item${current ? ' is-current' : ''}${item.exempt ? ' is-exempt' : ''}`}
                aria-current={current ? 'step' : undefined}
                data-testid="rail-item"
                onClick={() => void live('meetings.takeItem', { meetingId: record.id, itemId: item.id })}
              >
                <span className="rail-number">{item.agendaNumber}.</span>
                <span className="rail-title">{item.title}</span>
                {item.takenAt ? <span className="rail-time">{time(item.takenAt)}</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
      {record.items.length === 0 ? <p className="empty">No agenda items: add them on the Set-up tab.</p> : null}
    </nav>
  );
}

/** Alt+PageDown / Alt+PageUp: take the next / previous item. */
export function takeNeighbour(record: MeetingRecord, step: 1 | -1): number | null {
  const index = record.items.findIndex((i) => i.id === record.currentItemId);
  const next = record.items[index === -1 ? (step === 1 ? 0 : record.items.length - 1) : index + step];
  return next ? next.id : null;
}
