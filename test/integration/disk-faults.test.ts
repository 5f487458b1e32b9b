/**
 * Disk faults on real file systems: a data folder on a read-only drive (a
 * read-only bind mount) and a full disk (a small tmpfs). Both need mount,
 * which a root CI machine has; where mounting is not allowed the tests say so
 * and skip (the injected SQLITE_FULL in registry.test.ts still runs).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startRuntime } from '../../electron/runtime';
import { sha256File } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

function mounting(): boolean {
  const probe = temp.makeDir('mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const canMount = mounting();
if (!canMount) console.log('disk-faults: mount is not allowed on this machine; the read-only drive and full disk tests are skipped');

const umountLater = (dir: string) => temp.onCleanup(() => execFileSync('umount', ['-l', dir], { stdio: 'ignore' }));

describe.skipIf(!canMount)('disk faults on real file systems', () => {
  it('a data folder on a read-only drive: said plainly at start, every call refused with that message, no file changed', async () => {
    const dir = temp.makeDir();
    const dbFile = join(dir, 'meeting-clerk.sqlite');
    const first = startRuntime({ dbFile, transport: 'browser-host', version: '1' });
    expect(first.services.dispatch('demo.load', {}).ok).toBe(true);
    await first.close();
    const before = sha256File(dbFile);
    execFileSync('mount', ['--bind', '-o', 'ro', dir, dir]);
    umountLater(dir);

    const runtime = startRuntime({ dbFile, transport: 'browser-host', version: '1' });
    expect(runtime.mode).toBe('recovery');
    const status = runtime.services.dispatch('recovery.status', {});
    expect(status).toMatchObject({ ok: true, value: { ok: false, problem: 'read-only', message: expect.stringMatching(/^Meeting Clerk cannot save: its data folder .* is on a read-only drive\. Nothing has been changed\./) } });
    const refused = await runtime.services.call('bodies.create', { name: 'New Board' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage', message: expect.stringMatching(/read-only drive/) } });
    await runtime.close();
    expect(sha256File(dbFile)).toBe(before);
  });

  it('a full disk: "Not saved: the disk is full", nothing half-written, and the same save goes through once there is room', async () => {
    const dir = temp.makeDir();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    umountLater(dir);
    mkdirSync(join(dir, 'data'));
    const dbFile = join(dir, 'data', 'meeting-clerk.sqlite');
    const runtime = startRuntime({ dbFile, transport: 'browser-host', version: '1' });
    temp.onCleanup(() => runtime.close());
    const s = runtime.services;
    const ballast = join(dir, 'ballast');
    writeFileSync(ballast, Buffer.alloc(256 * 1024));
    const body = s.dispatch('bodies.create', { name: 'Full Disk Board' });
    expect(body, JSON.stringify(s.dispatch('recovery.status', {}))).toMatchObject({ ok: true });
    const bodyId = (body as { value: { id: number } }).value.id;
    // Fill the disk with phrases until SQLite cannot write.
    let result = s.dispatch('phrases.create', { bodyId, label: 'p0', text: 'x'.repeat(4_900) });
    let n = 0;
    while (result.ok && n < 400) result = s.dispatch('phrases.create', { bodyId, label: `p${++n}`, text: 'x'.repeat(4_900) });
    expect(result).toEqual({ ok: false, error: { code: 'storage', message: expect.stringMatching(/^Not saved: the disk is full/) } });
    const listed = s.dispatch('phrases.list', { bodyId });
    expect(listed.ok).toBe(true);
    const count = (listed as { value: unknown[] }).value.length;
    // Room made elsewhere on the drive (the ballast put there at the start is removed): the same save goes through.
    rmSync(ballast);
    const again = s.dispatch('phrases.create', { bodyId, label: `p${n}`, text: 'x'.repeat(4_900) });
    expect(again).toMatchObject({ ok: true });
    expect((s.dispatch('phrases.list', { bodyId }) as { value: unknown[] }).value.length).toBe(count + 1);
    expect(runtime.services.dispatch('app.info', {}).ok).toBe(true);
  });
});
