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
 *   tsx scripts/bench/host-memory.ts [--reads 100] [--env NAME=value,...] [--node --flag,...]
 *
 * --node passes flags to node (--max-semi-space-size=4, say); --env starts the host with extra environment (MALLOC_ARENA_MAX=2, say), to
 * compare allocator settings. A tool for working on the figure; the bench's
 * own row is in scripts/bench/run.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from '../../electron/config/data-dir';
import { agendaWithPictureDocx } from '../../test/helpers/hostile-docx';
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
  const flags = parseFlags(process.argv.slice(2), ['reads', 'env', 'node']);
  const nodeArgs = (flags.values.node ?? '').split(',').filter(Boolean);
  const reads = Number(flags.values.reads ?? 100);
  const env = Object.fromEntries((flags.values.env ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]));
  const dataDir = mkdtempSync(join(tmpdir(), 'clerk-mem-'));
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
    const agenda = JSON.stringify({ meetingId, source: { kind: 'docx', base64: agendaWithPictureDocx(15).toString('base64') } });
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
