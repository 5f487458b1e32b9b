/**
 * The live preview builds the minutes again at each keystroke with
 * rebuildMinutes, which builds only the minutes of the items whose entries
 * changed. What it builds must always be what buildMinutes builds from the
 * same record (the Word export's document): checked here over a sequence of
 * the clerk's edits to the demo meeting, read from a real SQLite file, for
 * the public and the exempt minutes, with and without the review copy's
 * marks.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/config/data-dir';
import { createServices } from '../../electron/services';
import { buildMinutes, rebuildMinutes, type BuildOptions, type BuiltMinutes } from '../../shared/minutes/document';
import type { MeetingRecord, MinuteEntry } from '../../shared/model';
import { call } from '../helpers/api';
import { FIXED_NOW, openTrackedStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

function demoRecord(): MeetingRecord {
  const store = openTrackedStore(temp, join(temp.makeDir('meeting-clerk-data-'), DATABASE_FILE_NAME));
  const services = createServices(store, { now: () => FIXED_NOW });
  const made = services.dispatch('demo.load', {});
  if (!made.ok) throw new Error(made.error.message);
  return call(services, 'meetings.get', { meetingId: (made.value as { meetingId: number }).meetingId });
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Edit = (r: MeetingRecord, pick: (n: number) => number) => MeetingRecord;

const withEntries = (r: MeetingRecord, entries: MinuteEntry[]): MeetingRecord => ({ ...r, entries });

/** The clerk's edits that change only the entries, as typing, adding and deleting do. */
const EDITS: Record<string, Edit> = {
  'a word typed at the end of a paragraph': (r, pick) => {
    const i = pick(r.entries.length);
    return withEntries(r, r.entries.map((e, k) => (k === i ? { ...e, text: `${e.text} further` } : e)));
  },
  'a paragraph emptied': (r, pick) => {
    const i = pick(r.entries.length);
    return withEntries(r, r.entries.map((e, k) => (k === i ? { ...e, text: '' } : e)));
  },
  'a trailing space typed (which prints nothing)': (r, pick) => {
    const i = pick(r.entries.length);
    return withEntries(r, r.entries.map((e, k) => (k === i ? { ...e, text: `${e.text} ` } : e)));
  },
  'an entry added to an item': (r, pick) => {
    const item = r.items[pick(r.items.length)]!;
    const like = r.entries[pick(r.entries.length)]!;
    const id = Math.max(0, ...r.entries.map((e) => e.id)) + 1;
    const kinds = ['paragraph', 'point', 'resolution'] as const;
    const added: MinuteEntry = { ...like, id, agendaItemId: item.id, kind: kinds[pick(3)]!, text: `Added words ${id}.`, position: pick(6) };
    return withEntries(r, [...r.entries, added]);
  },
  'an entry deleted': (r, pick) => {
    const i = pick(r.entries.length);
    return withEntries(r, r.entries.filter((_, k) => k !== i));
  },
  'an entry moved to another item': (r, pick) => {
    const i = pick(r.entries.length);
    const item = r.items[pick(r.items.length)]!;
    return withEntries(r, r.entries.map((e, k) => (k === i ? { ...e, agendaItemId: item.id } : e)));
  },
  'an autosave answered (the same words, a new version)': (r, pick) => {
    const i = pick(r.entries.length);
    return withEntries(r, r.entries.map((e, k) => (k === i ? { ...e, version: e.version + 1 } : e)));
  },
};

const OPTIONS: [string, (r: MeetingRecord) => BuildOptions][] = [
  ['the public minutes', (r) => ({ style: r.body.houseStyle, part: 'public' })],
  ['the exempt minutes', (r) => ({ style: r.body.houseStyle, part: 'exempt' })],
  ['the review copy (marked with their sources)', (r) => ({ style: r.body.houseStyle, sources: true })],
];

describe('rebuildMinutes: the live preview builds again only the minutes whose entries changed', () => {
  const base = demoRecord();
  const names = Object.keys(EDITS);

  it.each(OPTIONS)('always builds what buildMinutes builds, over 300 of the clerk\'s edits: %s', (_name, optionsOf) => {
    expect(base.items.some((i) => i.exempt)).toBe(true);
    const next = random(20261202);
    const pick = (n: number) => Math.floor(next() * n);
    let record = base;
    let built: BuiltMinutes | null = null;
    for (let step = 0; step < 300; step++) {
      const edit = names[pick(names.length)]!;
      record = EDITS[edit]!(record, pick);
      built = rebuildMinutes(built, record, optionsOf(record));
      expect(built.doc, `step ${step}: ${edit}`).toEqual(buildMinutes(record, optionsOf(record)));
    }
  });

  it('keeps every other minute the very blocks built before, so the preview redraws one minute', () => {
    const options = { style: base.body.houseStyle };
    const first = rebuildMinutes(null, base, options);
    const typedIn = base.entries.find((e) => e.kind === 'paragraph' && e.text.trim())!;
    const typed = withEntries(base, base.entries.map((e) => (e.id === typedIn.id ? { ...e, text: `${e.text} and agreed` } : e)));
    const second = rebuildMinutes(first, typed, options);
    // The blocks built again are the typed item's minute body, after its heading and before the next minute's.
    const heading = base.items.find((i) => i.id === typedIn.agendaItemId)!.title.trim();
    const at = second.doc.blocks.findIndex((b) => b.type === 'minute-heading' && b.text === heading);
    const end = second.doc.blocks.findIndex((b, k) => k > at && b.type === 'minute-heading');
    expect(at).toBeGreaterThan(0);
    second.doc.blocks.forEach((b, k) => {
      if (k <= at || k >= end) expect(b, `block ${k}`).toBe(first.doc.blocks[k]);
    });
    expect(second.doc.blocks.slice(at + 1, end)).toContainEqual({ type: 'paragraph', text: `${typedIn.text.trim()} and agreed` });
    expect(second.doc.blocks).toHaveLength(first.doc.blocks.length);
    // The same words again (an autosave's answer): the very document before.
    expect(rebuildMinutes(second, withEntries(typed, [...typed.entries]), options).doc).toBe(second.doc);
  });

  it('builds the whole document again when anything but the entries changed', () => {
    const options = { style: base.body.houseStyle };
    const first = rebuildMinutes(null, base, options);
    const retitled = { ...base, items: base.items.map((i, k) => (k === 0 ? { ...i, title: 'Welcome and Introductions' } : i)) };
    const again = rebuildMinutes(first, retitled, options);
    expect(again.doc).toEqual(buildMinutes(retitled, options));
    expect(again.doc.blocks.some((b) => b.type === 'minute-heading' && b.text === 'Welcome and Introductions')).toBe(true);
    const exempt = rebuildMinutes(again, retitled, { ...options, part: 'exempt' });
    expect(exempt.doc).toEqual(buildMinutes(retitled, { ...options, part: 'exempt' }));
  });
});
