import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, type KeyboardEvent } from 'react';
import { ITEM_OUTCOME_LABELS, type AgendaItem, type MeetingRecord } from '../../../../shared/model';
import { minuteNumbers } from '../../../../shared/minutes/document';
import { inBusinessOrder, orderVariedAt } from '../../../../shared/rules/numbering';
import { useApp } from '../../state/store';
import { time } from './clock';
import { reorderBusiness } from './minuting-actions';

interface RowProps {
  record: MeetingRecord;
  item: AgendaItem;
  place: number;
  count: number;
  minute: number | undefined;
}

function RailRow({ record, item, place, count, minute }: RowProps) {
  const live = useApp((s) => s.live);
  const sortable = useSortable({ id: item.id });
  const current = record.currentItemId === item.id;
  const onKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const to = event.key === 'ArrowUp' ? place - 1 : place + 1;
    if (to < 0 || to >= count) return;
    const button = event.currentTarget;
    void reorderBusiness(item, place, to).then(() => requestAnimationFrame(() => button.isConnected && button.focus()));
  };
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition };
  return (
    <li ref={sortable.setNodeRef} style={style} className={sortable.isDragging ? 'is-dragging' : undefined}>
      <button
        type="button"
        className="drag-handle icon-button"
        aria-label={`Drag agenda item ${item.agendaNumber} to another place in the order of business`}
        {...sortable.attributes}
        {...sortable.listeners}
      >
        ⠿
      </button>
      <button
        type="button"
        className={`rail-item${current ? ' is-current' : ''}${item.exempt ? ' is-exempt' : ''}${item.outcome !== 'minuted' ? ' is-dropped' : ''}`}
        aria-current={current ? 'step' : undefined}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        data-testid="rail-item"
        data-agenda-number={item.agendaNumber}
        data-item-id={item.id}
        onClick={() => void live('meetings.takeItem', { meetingId: record.id, itemId: item.id })}
        onKeyDown={onKey}
      >
        <span className="rail-number" title="Minute number">
          {minute ?? ''}.
        </span>
        <span className="rail-title">
          {item.title}
          <span className="rail-agenda"> (agenda item {item.agendaNumber})</span>
          {item.outcome !== 'minuted' ? <span className="rail-outcome"> – {ITEM_OUTCOME_LABELS[item.outcome]}</span> : null}
          {item.leftOut ? <span className="rail-outcome"> – Not minuted</span> : null}
        </span>
        {item.takenAt ? <span className="rail-time">{time(item.takenAt)}</span> : null}
      </button>
    </li>
  );
}

/**
 * The order of business: items as they are (to be) taken, each with its
 * minute number and agenda number. Enter takes an item up and stamps its
 * start time; Alt+↑/↓ or dragging the handle varies the order.
 */
function AgendaRailView({ record }: { record: MeetingRecord }) {
  const ordered = inBusinessOrder(record.items);
  const numbers = minuteNumbers(record);
  const varied = orderVariedAt(record.items) !== -1;
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ordered.findIndex((i) => i.id === active.id);
    const to = ordered.findIndex((i) => i.id === over.id);
    const item = ordered[from];
    if (item && to >= 0) void reorderBusiness(item, from, to);
  };
  return (
    <nav className="agenda-rail panel" aria-labelledby="rail-title">
      <h2 id="rail-title">Order of business</h2>
      {varied ? (
        <p className="rail-note" role="note">
          Order varied from the agenda: the consent is minuted.
        </p>
      ) : null}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={ordered.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol>
            {ordered.map((item, place) => (
              <RailRow key={item.id} record={record} item={item} place={place} count={ordered.length} minute={numbers.get(item.id)} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {record.items.length === 0 ? <p className="empty">No agenda items: add them on the Set-up tab.</p> : null}
    </nav>
  );
}

/**
 * Drawn again only when what it shows changes: the items, the item taken, the
 * numbering's start. An autosave of typed words replaces the record's entries
 * alone, and redrawing the 60 rows (each a sortable of dnd-kit) then took
 * several milliseconds of the frame beside a keystroke.
 */
export const AgendaRail = memo(
  AgendaRailView,
  (a, b) => a.record.id === b.record.id && a.record.items === b.record.items && a.record.currentItemId === b.record.currentItemId && a.record.firstMinuteNumber === b.record.firstMinuteNumber,
);

/** Alt+PageDown / Alt+PageUp: take the next / previous item in the order of business. */
export function takeNeighbour(record: MeetingRecord, step: 1 | -1): number | null {
  const ordered = inBusinessOrder(record.items);
  const index = ordered.findIndex((i) => i.id === record.currentItemId);
  const next = ordered[index === -1 ? (step === 1 ? 0 : ordered.length - 1) : index + step];
  return next ? next.id : null;
}
