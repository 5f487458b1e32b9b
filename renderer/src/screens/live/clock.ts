import { formatTime } from '../../../../shared/format';
import type { MeetingRecord } from '../../../../shared/model';

export const itemLabel = (record: MeetingRecord, itemId: number | null): string => {
  if (itemId === null) return 'before the first item';
  const item = record.items.find((i) => i.id === itemId);
  return item ? `item ${item.agendaNumber}` : 'an item since deleted';
};

export const time = (hhmm: string | null) => (hhmm ? formatTime(hhmm) : '');
