/** Starting and closing the meeting, and taking up an item. */
import { formatTime } from '../../shared/format';
import { DomainError } from '../../shared/result';
import { isBeforeStart } from '../../shared/rules/meeting-clock';
import { placeTakenItem } from './agenda-order';
import { stamp, type Handlers } from './context';
import { assertItemInMeeting, loadMeetingRow } from './lookups';
import { loadRecord } from './meeting-record';

export const liveMeetingHandlers: Handlers<'meetings.start' | 'meetings.close' | 'meetings.takeItem'> = {
  'meetings.start': (input, ctx) => {
    loadMeetingRow(ctx, input.meetingId);
    ctx.store.db.prepare('UPDATE meeting SET started_at = ?, closed_at = NULL WHERE id = ?').run(stamp(ctx, input.time), input.meetingId);
    return loadRecord(ctx, input.meetingId);
  },

  'meetings.close': (input, ctx) => {
    const row = loadMeetingRow(ctx, input.meetingId);
    if (!row.started_at) throw new DomainError('conflict', 'The meeting has not been started, so it cannot be closed');
    const time = stamp(ctx, input.time);
    if (isBeforeStart(row.started_at, time)) {
      throw new DomainError('invalid_input', `The closing time ${formatTime(time)} is before the start time ${formatTime(row.started_at)}`);
    }
    ctx.store.db.prepare('UPDATE meeting SET closed_at = ?, current_item_id = NULL WHERE id = ?').run(time, input.meetingId);
    return loadRecord(ctx, input.meetingId);
  },

  'meetings.takeItem': (input, ctx) => {
    loadMeetingRow(ctx, input.meetingId);
    const db = ctx.store.db;
    if (input.itemId !== null) {
      assertItemInMeeting(ctx, input.meetingId, input.itemId);
      placeTakenItem(ctx, input.meetingId, input.itemId);
      // The first time an item is taken up is its start time; going back to it keeps that.
      db.prepare('UPDATE agenda_item SET taken_at = coalesce(taken_at, ?) WHERE id = ?').run(stamp(ctx, input.time), input.itemId);
    }
    db.prepare('UPDATE meeting SET current_item_id = ? WHERE id = ?').run(input.itemId, input.meetingId);
    return loadRecord(ctx, input.meetingId);
  },
};
