/**
 * The parsing worker from the built code (issue 15): the browser host's
 * bundle (dist-cli/host.cjs, `npm run serve`) finds parse-worker.cjs beside
 * itself and reads agendas through it, refusing the zip bomb; the Electron
 * main build (scripts/build-electron.mjs) puts its own parse-worker.cjs
 * beside main.cjs, and that worker, started the way the app starts it,
 * reads and refuses the same files. (The source build is covered by
 * agenda-isolation.test.ts.)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DOCX_LIMITS, DOCX_MESSAGES } from '../../electron/import/docx-zip';
import { bundledWorkerSource } from '../../electron/import/isolated';
import type { WorkerMessage } from '../../electron/import/parse-task';
import { TOKEN_HEADER } from '../../electron/host/server';
import { zipBombDocx } from '../helpers/hostile-docx';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
const repo = join(import.meta.dirname, '..', '..');
const fixture = (name: string): Buffer => readFileSync(join(repo, 'test', 'fixtures', 'import', name));

function startBundledHost(appDir: string, dataDir: string): Promise<{ origin: string; token: string; child: ChildProcess }> {
  const host = join(appDir, 'dist-cli', 'host.cjs');
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(host)}).runHostCli(['--data', ${JSON.stringify(dataDir)}, '--port', '0'])`], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  temp.onCleanup(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(output);
      if (match) resolve({ origin: match[1]!, token: decodeURIComponent(match[2]!), child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the bundled host exited (${code}) before it was ready:\n${output}`)));
  });
}

describe('the parsing worker in the built code', () => {
  it('the browser host bundle reads a real agenda and refuses the zip bomb through parse-worker.cjs beside it', { timeout: 120_000 }, async () => {
    const built = spawnSync(process.execPath, ['scripts/bundles.mjs'], { cwd: repo, encoding: 'utf8', timeout: 100_000 });
    expect(built.status, built.stderr).toBe(0);
    // The bundled commands run their bundle through node:vm with V8's code cache (scripts/run-bundle.mjs), where a
    // dynamic import() has no loader: publishing a PDF once failed so ("A dynamic import callback was not specified").
    for (const file of ['host.cjs', 'export.cjs']) {
      expect(readFileSync(join(repo, 'dist-cli', file), 'utf8').match(/\bimport\(\s*["'`][^"'`]*["'`]\s*\)/g), `${file} imports at run time`).toBeNull();
    }

    // The bundles alone in a folder of their own, as shipped: nothing of the sources beside them.
    const appDir = temp.makeDir('meeting-clerk-app-');
    mkdirSync(join(appDir, 'dist-cli'));
    mkdirSync(join(appDir, 'dist', 'renderer'), { recursive: true });
    for (const file of ['host.cjs', 'parse-worker.cjs']) copyFileSync(join(repo, 'dist-cli', file), join(appDir, 'dist-cli', file));
    writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'meeting-clerk', version: '0.0.0-test' }));
    writeFileSync(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>test</title>');
    symlinkSync(join(repo, 'node_modules'), join(appDir, 'node_modules'), 'dir'); // better-sqlite3 stays outside the bundle

    const { origin, token } = await startBundledHost(appDir, temp.makeDir());
    const post = async (name: string, body: unknown) => {
      const response = await fetch(`${origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    };
    const body = (await post('bodies.create', { name: 'Licensing Committee' })).value as { id: number };
    const meeting = (await post('meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall' })).value as { id: number };

    const agenda = await post('import.readAgenda', { meetingId: meeting.id, source: { kind: 'docx', base64: fixture('agenda-typed-numbers.docx').toString('base64') } });
    expect(agenda.ok, JSON.stringify(agenda.error)).toBe(true);
    expect((agenda.value as { items: unknown[] }).items).toHaveLength(13);

    const bomb = await post('import.readAgenda', { meetingId: meeting.id, source: { kind: 'docx', base64: zipBombDocx(200).toString('base64') } });
    expect(bomb).toMatchObject({ ok: false, error: { code: 'invalid_input', message: DOCX_MESSAGES.tooLarge(DOCX_LIMITS.partBytes) } });
  });

  it('the Electron main build has parse-worker.cjs beside main.cjs, and it reads and refuses as the source does', { timeout: 120_000 }, async () => {
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: repo, encoding: 'utf8', timeout: 100_000 });
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).not.toMatch(/import\.meta/);
    const entry = join(repo, 'dist-electron', 'parse-worker.cjs');
    expect(existsSync(join(repo, 'dist-electron', 'main.cjs'))).toBe(true);
    // main.cjs looks for the worker beside itself by this name.
    expect(readFileSync(join(repo, 'dist-electron', 'main.cjs'), 'utf8')).toContain('"parse-worker.cjs"');

    const parse = (bytes: Buffer) =>
      new Promise<WorkerMessage>((resolve, reject) => {
        const worker = new Worker(bundledWorkerSource(entry), { eval: true, resourceLimits: { maxOldGenerationSizeMb: 256 } });
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'ready') worker.postMessage({ id: 1, task: { kind: 'agenda-docx', bytes } });
          else {
            void worker.terminate();
            resolve(message);
          }
        });
        worker.on('error', reject);
      });
    const agenda = await parse(fixture('agenda-table.docx'));
    expect(agenda.type === 'result' && agenda.result.ok && (agenda.result.value as { items: unknown[] }).items).toHaveLength(13);
    expect(await parse(zipBombDocx(400))).toEqual({ type: 'result', id: 1, result: { ok: false, error: { code: 'invalid_file', message: DOCX_MESSAGES.tooLarge(DOCX_LIMITS.partBytes) } } });
  });
});
