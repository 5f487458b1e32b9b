/**
 * Where the browser host's memory goes when untrusted files are read over
 * and over (issue 15). Starts the bundled host (`npm run serve`'s command,
 * as the bench does) on a scratch copy of an empty data folder, reads the
 * 15 MB agenda (a picture inside) through import.readAgenda N times, and
 * prints the host's resident memory from /proc/<pid>/status (VmRSS, VmHWM,
 * threads, anonymous vs file-backed) and the host's own view (V8's heap
 * spaces, array buffers) after start, during, and after the reads (at once,
 * and once the idle parsing worker has been let go); and the host's CPU time
 * per read, its main thread's apart (from /proc/<pid>/stat and
 * /proc/<pid>/task/<pid>/stat), a figure a busy machine does not change.
 *
 *   tsx scripts/bench/host-memory.ts [--reads 100] [--env NAME=value,...] [--node --flag,...] [--decade]
 *
 * --decade runs the host on a scratch copy of the bench's decade
 * (.tmp/bench/decade.sqlite, made by the first `npm run bench`) and, after
 * the reads, does what the bench's browser group does before its memory
 * figure: 100 past meetings imported, every body's list, 60 meetings opened,
 * the 20 searches; then prints the memory at once and 6 s later, with the
 * resident size of the main malloc heap ([heap] in /proc/<pid>/smaps).
 *
 * --node passes flags to node (--max-semi-space-size=4, say); --env starts the host with extra environment (MALLOC_ARENA_MAX=2, say), to
 * compare allocator settings. A tool for working on the figure; the bench's
 * own row is in scripts/bench/run.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from '../../electron/config/data-dir';
import { agendaWithPictureDocx } from '../../test/helpers/hostile-docx';
import { databaseFile } from '../../electron/config/data-dir';
import { HOST_PAST_BODY, importPastMinutes, makePastMinutes } from './documents';
import { SEARCH_QUERIES } from './queries';
import { invokedDirectly } from '../invoked-directly';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export interface ProcMemory {
  rssMb: number;
  hwmMb: number;
  anonMb: number;
  fileMb: number;
  threads: number;
}

const kbField = (text: string, name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? NaN) / 1024;

/** A process's memory, from /proc (Linux). */
export function procMemory(pid: number): ProcMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    rssMb: kbField(status, 'VmRSS'),
    hwmMb: kbField(status, 'VmHWM'),
    anonMb: kbField(status, 'RssAnon'),
    fileMb: kbField(status, 'RssFile'),
    threads: Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? NaN),
  };
}

/** CPU time in ms (utime + stime, USER_HZ = 100) of a process (all its threads, gone ones included) or of one thread. */
export function cpuMs(pid: number, tid?: number): number {
  const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The resident size of the process's main malloc heap (brk), in MB, from /proc/<pid>/smaps. */
export function mainHeapMb(pid: number): number {
  const smaps = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  const at = smaps.indexOf('[heap]');
  if (at === -1) return 0;
  return Number(/^Rss:\s+(\d+)/m.exec(smaps.slice(at))?.[1] ?? 0) / 1024;
}

const show = (m: ProcMemory) =>
  `RSS ${m.rssMb.toFixed(0)} MB (anon ${m.anonMb.toFixed(0)}, file ${m.fileMb.toFixed(0)}), peak ${m.hwmMb.toFixed(0)} MB, ${m.threads} threads`;

function startHost(dataDir: string, env: Record<string, string>, nodeArgs: string[]): Promise<{ url: URL; child: ChildProcess }> {
  const child = spawn(process.execPath, [...nodeArgs, join(root, 'scripts', 'bench', 'host-probe.mjs'), '--data', dataDir, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  return new Promise((done, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) done({ url: new URL(match[1]!), child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited (${code}):\n${output}`)));
  });
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['reads', 'env', 'node'], ['decade']);
  const decade = flags.switches.has('decade');
  const nodeArgs = (flags.values.node ?? '').split(',').filter(Boolean);
  const reads = Number(flags.values.reads ?? 100);
  const env = Object.fromEntries((flags.values.env ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
  const dataDir = mkdtempSync(join(tmpdir(), 'clerk-mem-'));
  const decadeFile = join(root, '.tmp', 'bench', 'decade.sqlite');
  if (decade && !existsSync(decadeFile)) throw new Error(`--decade needs ${decadeFile}: run \`npm run bench\` once first`);
  if (decade) copyFileSync(decadeFile, databaseFile(dataDir));
  const pastFiles = decade ? await makePastMinutes(join(root, '.tmp', 'bench', 'past-minutes-memory'), HOST_PAST_BODY) : [];
  // Made before the host starts: making it takes seconds on a busy machine, and a keep-alive connection left idle that
  // long is closed by the host (5 s) as the next request is sent on it.
  const agendaBase64 = agendaWithPictureDocx(15).toString('base64');
  const { url, child } = await startHost(dataDir, env, nodeArgs);
  const pid = child.pid!;
  let probed: (line: string) => void = () => undefined;
  child.stderr!.on('data', (chunk: Buffer) => {
    const line = /PROBE (.+)/.exec(chunk.toString())?.[1];
    if (line) probed(line);
  });
  /** The host's own view: process.memoryUsage() and V8's heap spaces, in MB. */
  const probe = () =>
    new Promise<string>((done) => {
      probed = done;
      process.kill(pid, 'SIGUSR2');
    });
  const token = url.searchParams.get('token')!;
  const post = async (name: string, body: string) => {
    const response = await fetch(`${url.origin}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-clerk-token': token }, body });
    return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  };
  try {
    child.once('exit', (code, signal) => console.log(`host exited: ${code} ${signal}`));
    child.stderr!.on('data', (c: Buffer) => { if (!c.toString().startsWith('PROBE')) process.stderr.write(c); });
    console.log(`env ${JSON.stringify(env)}; started: ${show(procMemory(pid))}`);
    const body = await post('bodies.create', JSON.stringify({ name: 'Memory Committee' }));
    const bodyId = (body.value as { id: number } | undefined)?.id;
    const meeting = await post('meetings.create', JSON.stringify({ bodyId, date: '2026-05-19', startTime: '10:00', venue: 'Hall', contactOfficer: 'Clerk' }));
    const meetingId = (meeting.value as { id: number } | undefined)?.id;
    if (!meetingId) throw new Error(`could not make a meeting: ${JSON.stringify(body)} ${JSON.stringify(meeting)}`);
    const agenda = JSON.stringify({ meetingId, source: { kind: 'docx', base64: agendaBase64 } });
    const t0 = performance.now();
    const cpu0 = { all: cpuMs(pid), main: cpuMs(pid, pid) };
    for (let i = 1; i <= reads; i++) {
      const answer = await post('import.readAgenda', agenda);
      if (!answer.ok) throw new Error(`read ${i} refused: ${answer.error?.message}`);
      if (i % Math.max(1, Math.floor(reads / 5)) === 0) console.log(`after ${i} reads: ${show(procMemory(pid))}\n  ${await probe()}`);
    }
    const all = cpuMs(pid) - cpu0.all;
    const mainCpu = cpuMs(pid, pid) - cpu0.main;
    console.log(`host CPU per read: ${(all / reads).toFixed(0)} ms, of which its main thread (the one that answers autosave) ${(mainCpu / reads).toFixed(0)} ms and the other threads (the parsing worker, V8's and libuv's helpers) ${((all - mainCpu) / reads).toFixed(0)} ms`);
    console.log(`${reads} reads in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${((performance.now() - t0) / reads).toFixed(0)} ms each`);
    console.log(`at once: ${show(procMemory(pid))}\n  ${await probe()}`);
    await new Promise((r) => setTimeout(r, 2_000));
    console.log(`2 s later: ${show(procMemory(pid))}\n  ${await probe()}`);
    await new Promise((r) => setTimeout(r, 17_000));
    console.log(`17 s later (the idle worker let go): ${show(procMemory(pid))}\n  ${await probe()}`);
    if (decade) {
      const call = async <T>(name: string, input: unknown): Promise<T> => {
        const answer = await post(name, JSON.stringify(input));
        if (!answer.ok) throw new Error(`${name} refused: ${answer.error?.message}`);
        return answer.value as T;
      };
      const pastBody = await call<{ id: number }>('bodies.create', { name: HOST_PAST_BODY, kind: 'Board', yearStartMonth: 5 });
      const past = await importPastMinutes(call, pastBody.id, pastFiles, () => undefined);
      const bodies = await call<{ id: number }[]>('bodies.list', {});
      for (const b of bodies) await call('meetings.list', { bodyId: b.id });
      for (let i = 0; i < 60; i++) await call('meetings.get', { meetingId: 1 + Math.floor((i * 9999) / 59) });
      for (const query of SEARCH_QUERIES) await call('search.minutes', { query });
      const heap = () => `main malloc heap ${mainHeapMb(pid).toFixed(0)} MB resident`;
      console.log(`after ${past.saved} past meetings, ${bodies.length} lists, 60 opens, ${SEARCH_QUERIES.length} searches, at once: ${show(procMemory(pid))}; ${heap()}\n  ${await probe()}`);
      await new Promise((r) => setTimeout(r, 6_000));
      console.log(`6 s later: ${show(procMemory(pid))}; ${heap()}\n  ${await probe()}`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (invokedDirectly(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
