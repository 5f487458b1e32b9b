/** The plan the import preview shows and import.applyAgenda carries out: matches, unlisted items, and why one cannot be removed. */
import { describe, expect, it } from 'vitest';
import { planAgendaImport, removalBlocker } from '../../shared/import/agenda-plan';
import { ACTION_LOG_RESOLUTION } from '../../shared/minutes/standard-items';
import { item, record } from './fixtures/meeting-record';

const agenda = [
  item(11, 0, 'Appointment of Chairman', { kind: 'appointment_chair' }),
  item(12, 1, 'Introductions and apologies', { kind: 'introductions' }),
  item(13, 2, 'Action Log', { kind: 'action_log' }),
  item(14, 3, 'Budget monitoring'),
  item(15, 4, 'Any other business', { kind: 'other_business' }),
  item(16, 5, 'Any other business', { kind: 'other_business' }),
];

describe('planAgendaImport', () => {
  it('matches each imported standard item to the first free item of its kind, in agenda order, and lists the standard items left over', () => {
    // Given out of order: the plan follows the agenda's positions, not the list's.
    const shuffled = [agenda[4]!, agenda[0]!, agenda[5]!, agenda[3]!, agenda[2]!, agenda[1]!];
    expect(planAgendaImport(shuffled, ['introductions', 'business', 'other_business', 'next_meeting'])).toEqual({
      matches: [12, null, 15, null],
      unlisted: [11, 13, 16],
    });
  });

  it('never lists a business item, nor an item an imported one takes the place of', () => {
    expect(planAgendaImport(agenda, ['appointment_chair', 'introductions', 'action_log', 'other_business', 'other_business'])).toEqual({
      matches: [11, 12, 13, 15, 16],
      unlisted: [],
    });
  });
});

describe('removalBlocker', () => {
  const base = { items: agenda };

  it('lets a pre-worded item go, the Action Log with its pre-worded resolution included', () => {
    const entry = { version: 1, id: 1, agendaItemId: 13, kind: 'resolution' as const, position: 0, text: ACTION_LOG_RESOLUTION, recordedAt: '10:00', inquorate: false };
    expect(removalBlocker(record({ ...base, entries: [entry] }), 13)).toBeNull();
    expect(removalBlocker(record({ ...base, entries: [{ ...entry, text: 'That the status of actions 1 to 4 be noted.' }] }), 13)).toBe('Item 3 (Action Log) has minutes recorded');
  });

  it('keeps an item taken up, being taken, with an outcome or with wording filled in, a business item and an unknown id', () => {
    const withItem = (extra: Partial<(typeof agenda)[number]>) => record({ items: agenda.map((i) => (i.id === 15 ? { ...i, ...extra } : i)) });
    expect(removalBlocker(withItem({ takenAt: '10:20' }), 15)).toBe('Item 5 (Any other business) has been taken up at the meeting');
    expect(removalBlocker(record({ ...base, currentItemId: 15 }), 15)).toBe('Item 5 (Any other business) has been taken up at the meeting');
    expect(removalBlocker(withItem({ outcome: 'deferred' }), 15)).toBe('Item 5 (Any other business) has minutes recorded');
    expect(removalBlocker(withItem({ detail: 'Friday 17 March 2023' }), 15)).toBe('Item 5 (Any other business) has minutes recorded');
    expect(removalBlocker(record(base), 14)).toBe('Item 4 (Budget monitoring) is not a standard item');
    expect(removalBlocker(record(base), 99)).toBe('Item 99 is not on the agenda of this meeting');
    expect(removalBlocker(record(base), 15)).toBeNull();
  });
});
