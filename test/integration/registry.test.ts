/**
 * The call registry: every contract call once, with what it is; a call
 * registered twice throws; reads run on a database that refuses writes.
 */
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/contract';
import { readOnlyDb } from '../../electron/services/context';
import { buildRegistry, CallRegistry } from '../../electron/services/registry';
import { mapError, registry } from '../../electron/services';
import { createTempStore, snapshotTables } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

const errorOf = (error: unknown) => {
  const result = mapError('entries.update', error);
  if (result.ok) throw new Error('mapError answered ok');
  return result.error;
};

describe('the call registry', () => {
  it('registers every contract call exactly once', () => {
    expect(registry.all().map((s) => s.name).sort()).toEqual([...CALL_NAMES].sort());
    expect(registry.missing()).toEqual([]);
  });

  it('declares for every write what it touches', () => {
    for (const spec of registry.all().filter((s) => s.mode === 'write')) expect(typeof spec.effects, spec.name).toBe('function');
  });

  it('refuses a call registered twice, a name not in the contract, and a write that declares nothing', () => {
    const r = new CallRegistry().register({ name: 'bodies.list', mode: 'read' });
    expect(() => r.register({ name: 'bodies.list', mode: 'read' })).toThrow('The call bodies.list is registered twice');
    expect(() => r.register({ name: 'no.such' as 'bodies.list', mode: 'read' })).toThrow('The call no.such is not in the contract');
    expect(() => r.register({ name: 'bodies.update', mode: 'write' })).toThrow('The write call bodies.update must declare what it touches');
    // Building the full registry twice gives two complete registries, not a duplicate error.
    expect(buildRegistry().missing()).toEqual([]);
  });

  it('gives read calls a database that refuses any statement that writes, before it runs', () => {
    const { store } = createTempStore(temp);
    const db = readOnlyDb(store.db);
    expect(db.prepare('SELECT count(*) AS n FROM body').get()).toEqual({ n: 0 });
    for (const sql of ["INSERT INTO app_setting (key, value) VALUES ('backupKeep', '3')", 'DELETE FROM body', 'UPDATE meeting SET venue = 1']) {
      expect(() => db.prepare(sql)).toThrow(/A read call tried to write/);
    }
    expect(store.db.prepare('SELECT count(*) AS n FROM app_setting').get()).toEqual({ n: 0 });
  });

  it('answers the result of every read call through that database', () => {
    const { services } = createTempStore(temp);
    for (const spec of registry.all().filter((s) => s.mode === 'read')) {
      const result = services.dispatch(spec.name, {});
      // Reads with required ids are refused by their schema; none may fail by trying to write.
      if (!result.ok) expect(result.error.message, spec.name).not.toMatch(/tried to write/);
    }
  });

  it('maps SQLite errors by their code, in words a clerk can act on', () => {
    const sqlite = (code: string) => Object.assign(new Error('whatever SQLite said'), { code });
    expect(mapError('entries.update', sqlite('SQLITE_FULL'))).toEqual({ ok: false, error: { code: 'storage', message: expect.stringMatching(/^Not saved: the disk is full/) } });
    expect(errorOf(sqlite('SQLITE_READONLY_DBMOVED')).message).toMatch(/^Not saved: the database file is read-only/);
    expect(errorOf(sqlite('SQLITE_IOERR_WRITE')).message).toMatch(/^Not saved: the disk could not be written/);
    expect(errorOf(sqlite('SQLITE_CONSTRAINT_CHECK')).code).toBe('invalid_input');
    // The text of a message is never what decides: a constraint's words without its code are unexpected.
    expect(errorOf(new Error('CHECK constraint failed')).code).toBe('internal');
  });

  it('says "Not saved: the disk is full" when SQLite cannot grow the file, and changes nothing', () => {
    const { services, store } = createTempStore(temp);
    const body = services.dispatch('bodies.create', { name: 'Full Disk Board', kind: 'Board' });
    expect(body.ok).toBe(true);
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    // A real SQLITE_FULL from SQLite itself: the file may not grow past its current size.
    store.db.pragma(`max_page_count = ${pages}`);
    const bodyId = (body as { value: { id: number } }).value.id;
    let result = services.dispatch('phrases.create', { bodyId, label: 'long', text: 'x'.repeat(4_900) });
    let before = store.db.prepare('SELECT count(*) AS n FROM phrase').get();
    for (let i = 0; i < 200 && result.ok; i++) {
      before = store.db.prepare('SELECT count(*) AS n FROM phrase').get();
      result = services.dispatch('phrases.create', { bodyId, label: `long ${i}`, text: 'x'.repeat(4_900) });
    }
    expect(result).toEqual({ ok: false, error: { code: 'storage', message: expect.stringMatching(/^Not saved: the disk is full/) } });
    expect(store.db.prepare('SELECT count(*) AS n FROM phrase').get()).toEqual(before);
  });
});

describe('no silent overwrites', () => {
  it('refuses a save based on an older version of its row, saying what it now reads, and changes nothing', () => {
    const { services, store } = createTempStore(temp);
    const made = services.dispatch('demo.load', {}) as { ok: true; value: { meetingId: number } };
    const record = (services.dispatch('meetings.get', { meetingId: made.value.meetingId }) as { ok: true; value: { entries: { id: number; version: number; kind: string }[] } }).value;
    const entry = record.entries.find((e) => e.kind === 'paragraph')!;
    const first = services.dispatch('entries.update', { entryId: entry.id, baseVersion: entry.version, patch: { text: 'Window A’s sentence.' } });
    expect(first).toMatchObject({ ok: true, value: { text: 'Window A’s sentence.', version: entry.version + 1 } });
    const before = snapshotTables(store.db);
    const stale = services.dispatch('entries.update', { entryId: entry.id, baseVersion: entry.version, patch: { text: 'Window B’s older copy.' } });
    expect(stale).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'This paragraph was changed in another window after this copy was opened, so this save was refused rather than overwrite that change. It now reads: “Window A’s sentence.”. Your own words are kept for you to save again.',
      },
    });
    expect(snapshotTables(store.db)).toEqual(before);
  });

  it('every update call of the registry declares the row it changes, and each such table has a version the database bumps', () => {
    const { store } = createTempStore(temp);
    const updates = registry.all().filter((s) => s.name.endsWith('.update') || s.name === 'attendance.updatePerson');
    expect(updates.filter((s) => !s.versioned).map((s) => s.name)).toEqual(['settings.update']);
    for (const spec of updates.filter((s) => s.versioned)) {
      const columns = (store.db.prepare('SELECT name FROM pragma_table_info(?)').all(spec.versioned!.table) as { name: string }[]).map((c) => c.name);
      expect(columns, spec.name).toContain('version');
      const trigger = store.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'version_%'").get(spec.versioned!.table);
      expect(trigger, spec.name).toBeDefined();
    }
  });
});

describe('no silent overwrites, field by field', () => {
  it('refuses a save whose field another window changed meanwhile, and accepts one to a different field', () => {
    const { services, store } = createTempStore(temp);
    const made = services.dispatch('demo.load', {}) as { ok: true; value: { meetingId: number } };
    const record = (services.dispatch('meetings.get', { meetingId: made.value.meetingId }) as { ok: true; value: { items: { id: number; title: string; topic: string }[] } }).value;
    const item = record.items.find((i) => i.topic)!;
    // Window A renames the item.
    expect(services.dispatch('agendaItems.update', { itemId: item.id, patch: { title: 'Title from window A' }, was: { title: item.title } })).toMatchObject({ ok: true });
    const before = snapshotTables(store.db);
    // Window B, from its older copy, renames it too: refused, saying what it now reads.
    expect(services.dispatch('agendaItems.update', { itemId: item.id, patch: { title: 'Title from window B' }, was: { title: item.title } })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message:
          'This agenda item: its title was changed in another window after this copy was opened, so this save was refused rather than overwrite it. It now reads: “Title from window A”. Your own words are kept for you to save again.',
      },
    });
    expect(snapshotTables(store.db)).toEqual(before);
    // A different field from the same older copy goes through, and A's title stays.
    expect(services.dispatch('agendaItems.update', { itemId: item.id, patch: { topic: 'Topic from window B' }, was: { topic: item.topic } })).toMatchObject({ ok: true, value: { title: 'Title from window A', topic: 'Topic from window B' } });
    // Only the fields being changed may be compared.
    expect(services.dispatch('agendaItems.update', { itemId: item.id, patch: { topic: 'x' }, was: { title: 'anything' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('compares only the parts of the house style a save changes', () => {
    const { services } = createTempStore(temp);
    const body = (services.dispatch('bodies.create', { name: 'Wessex Safer Communities Board' }) as { ok: true; value: { id: number; houseStyle: { councilName: string; fontFamily: string } } }).value;
    const original = body.houseStyle;
    expect(services.dispatch('bodies.update', { bodyId: body.id, patch: { houseStyle: { councilName: 'Wessex County Council' } }, was: { houseStyle: { councilName: original.councilName } } })).toMatchObject({ ok: true });
    expect(services.dispatch('bodies.update', { bodyId: body.id, patch: { houseStyle: { fontFamily: 'Verdana' } }, was: { houseStyle: { fontFamily: original.fontFamily } } })).toMatchObject({
      ok: true,
      value: { houseStyle: { councilName: 'Wessex County Council', fontFamily: 'Verdana' } },
    });
    expect(services.dispatch('bodies.update', { bodyId: body.id, patch: { houseStyle: { councilName: 'Stale' } }, was: { houseStyle: { councilName: original.councilName } } })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });
});
