/**
 * Untrusted files are parsed in a worker thread with memory and time limits,
 * never on the thread that holds the database (in Electron, the main
 * process: a crash there takes the whole app with it). A file that needs too
 * much memory or time is stopped and answered with a clear message while
 * every other call (typing, autosave) carries on meanwhile.
 *
 * The worker runs the same code three ways:
 * - from TypeScript source (vitest, tsx): an eval'd bootstrap registers tsx in
 *   the worker, then imports parse-worker.ts beside this file;
 * - from a bundle (dist-cli/host.cjs, dist-electron/main.cjs): parse-worker.cjs
 *   is bundled beside it (scripts/bundles.mjs, scripts/build-electron.mjs). Its
 *   text is read with fs and run as eval'd code, which works from inside
 *   Electron's app.asar too (Electron's fs reads asar archives; a worker given
 *   a path inside one could not load it).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { importFail, type ImportResult } from '../../shared/import/decode';
import type { ParseTask, TaskResult, WorkerMessage } from './parse-task';

export interface IsolationLimits {
  /** The worker's V8 heap (old generation), in MB. */
  maxOldGenerationSizeMb: number;
  /**
   * How long one parse may take once the worker is running: its own CPU time
   * where that can be read (Linux), otherwise the time on the clock. The
   * worker gives way to other work (parse-worker.ts lowers its priority), so
   * on a busy machine a parse takes longer on the clock without the file
   * being any more costly; its CPU time is what the file makes us spend.
   */
  timeoutMs: number;
  /** The most a parse may take on the clock however little CPU it was given (a starved or stuck worker); default 6 × timeoutMs, at least 30 s. */
  wallTimeoutMs?: number;
  /** How long the worker may take to start (loading code, not the file). */
  startupTimeoutMs: number;
}

export const ISOLATION_LIMITS: IsolationLimits = {
  maxOldGenerationSizeMb: 256,
  timeoutMs: 5_000,
  startupTimeoutMs: 30_000,
};

/** At most this many files are read at once; more wait their turn (each worker may take its full memory). */
export const MAX_PARALLEL_PARSES = 2;

export const ISOLATION_MESSAGES = {
  timeout: (ms: number) =>
    `Reading this file took longer than ${Number((ms / 1000).toFixed(2))} seconds, so it was stopped. It may be damaged, or far larger than an agenda; nothing was saved.`,
  memory:
    'Reading this file needed more memory than any agenda should, so it was stopped. It may be damaged, or far larger than an agenda; nothing was saved.',
  failed: (detail: string) =>
    `This file could not be read (${detail.replace(/\s+/g, ' ').slice(0, 120)}). It may be damaged, or not the kind of file it says it is; nothing was saved.`,
};

/** The worker could not be started or stopped unexpectedly: the app's fault, not the file's. */
export class ParseWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParseWorkerError';
  }
}

/** Where this module is: the .ts source, or the bundle it was built into. */
function thisFile(): string {
  // In a CommonJS bundle __filename is the bundle; under tsx (ESM) it is not defined.
  return typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
}

/** tsx's ESM register API as a file URL (require.resolve would give its CommonJS build, which cannot register hooks from an eval'd worker). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, { import?: { default?: string } | string }> };
  const target = pkg.exports?.['./esm/api']?.import;
  const relative = typeof target === 'string' ? target : target?.default;
  if (!relative) throw new ParseWorkerError(`tsx ${manifest} has no ESM register API`);
  return pathToFileURL(join(dirname(manifest), relative)).href;
}

/**
 * The eval'd source that runs a bundled parse-worker.cjs. Read with fs (which
 * reads inside Electron's app.asar) rather than handed to Worker as a path.
 */
export function bundledWorkerSource(entry: string): string {
  let bundled: string;
  try {
    bundled = readFileSync(entry, 'utf8');
  } catch (error) {
    throw new ParseWorkerError(`the file reader ${entry} is missing (${(error as Error).message}); build the app again`);
  }
  return `(function (__filename, __dirname) {\n${bundled}\n})(${JSON.stringify(entry)}, ${JSON.stringify(dirname(entry))});`;
}

function startWorker(limits: IsolationLimits): Worker {
  const here = thisFile();
  const dir = dirname(here);
  const resourceLimits = { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 };
  let code: string;
  if (/\.[cm]?ts$/.test(here)) {
    const entry = pathToFileURL(join(dir, 'parse-worker.ts')).href;
    const tsx = tsxEsmApi(here);
    code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  } else {
    code = bundledWorkerSource(join(dir, 'parse-worker.cjs'));
  }
  return new Worker(code, { eval: true, resourceLimits, stdout: false, stderr: false });
}

let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= MAX_PARALLEL_PARSES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
    waiting.shift()?.();
  };
}

/** A worker that answered is kept this long for the next file (starting one costs more than most parses). */
export const IDLE_WORKER_MS = 15_000;

/**
 * A worker that has just read a file larger than this is kept only
 * IDLE_AFTER_LARGE_MS for the next one, not IDLE_WORKER_MS: what it read
 * (the file, its unpacked parts, mammoth's tree) stays in its heap until its
 * next collection, which an idle worker may not run for a long time. After
 * 15 MB agendas an idle worker held some 180 MB of the host's resident
 * memory (scripts/bench/host-memory.ts); stopping it gives all of it back.
 * Files read one after another still share a worker (starting one for each
 * 15 MB agenda doubled the CPU each took), and small files, most agendas and
 * reports, keep theirs the usual time.
 */
export const LARGE_FILE_BYTES = 2 * 1024 * 1024;
export const IDLE_AFTER_LARGE_MS = 1_000;

const taskBytes = (task: ParseTask) => ('text' in task ? task.text.length * 2 : task.bytes.byteLength);

interface Slot {
  worker: Worker;
  /** The worker's Linux thread id, once it is ready (null where its CPU time cannot be read). */
  thread: number | null;
  heapMb: number;
  /** Resolves once the worker has loaded its code; rejects if it cannot. */
  ready: Promise<void>;
  idleTimer?: ReturnType<typeof setTimeout>;
  gone: boolean;
}

const idle: Slot[] = [];
let nextId = 1;

function spawnSlot(limits: IsolationLimits): Slot {
  const worker = startWorker(limits);
  const slot: Slot = { worker, thread: null, heapMb: limits.maxOldGenerationSizeMb, ready: Promise.resolve(), gone: false };
  slot.ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new ParseWorkerError(`the file reader did not start within ${Math.round(limits.startupTimeoutMs / 1000)} seconds`));
      void worker.terminate();
    }, limits.startupTimeoutMs);
    const onMessage = (message: WorkerMessage) => {
      if (message.type !== 'ready') return;
      slot.thread = message.thread;
      clearTimeout(timer);
      worker.off('message', onMessage);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', (error: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? error : new ParseWorkerError(`the file reader could not start (${error.message})`));
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new ParseWorkerError(`the file reader stopped before it started (exit code ${code})`));
    });
  });
  slot.ready.catch(() => undefined);
  // Errors are answered by whoever is waiting on the worker; this keeps one with nobody waiting from being unhandled.
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    slot.gone = true;
    const at = idle.indexOf(slot);
    if (at >= 0) idle.splice(at, 1);
  });
  return slot;
}

function takeSlot(limits: IsolationLimits): Slot {
  const at = idle.findIndex((s) => !s.gone && s.heapMb === limits.maxOldGenerationSizeMb);
  if (at < 0) return spawnSlot(limits);
  const [slot] = idle.splice(at, 1);
  clearTimeout(slot!.idleTimer);
  slot!.worker.ref();
  return slot!;
}

/**
 * Lets an idle reader go. It leaves the pool before it is stopped: terminate() takes a moment, and a file
 * handed meanwhile to this worker would be lost with it ("stopped unexpectedly", exit code 1).
 */
function retire(slot: Slot): void {
  slot.gone = true;
  const at = idle.indexOf(slot);
  if (at >= 0) idle.splice(at, 1);
  void slot.worker.terminate();
}

/** Lets every idle reader go at once, as their timers do, without waiting for them to stop (tests). */
export function retireIdleWorkers(): void {
  for (const slot of [...idle]) retire(slot);
}

function keepIdle(slot: Slot, idleMs: number): void {
  if (slot.gone) return;
  slot.worker.unref(); // an idle reader never keeps the process alive
  slot.idleTimer = setTimeout(() => retire(slot), idleMs);
  slot.idleTimer.unref();
  idle.push(slot);
}

/**
 * A thread's CPU time in ms, read from /proc (Linux): schedstat's first field
 * is its time on a CPU in ns; stat's utime + stime (fields 14 and 15, in
 * USER_HZ = 100 ticks a second) where schedstat is missing. Null when
 * neither can be read (the thread has gone, or no /proc).
 */
export function threadCpuMs(thread: number): number | null {
  try {
    const ns = Number(readFileSync(`/proc/self/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
    if (Number.isFinite(ns) && ns > 0) return ns / 1e6;
  } catch {
    // fall through to stat
  }
  try {
    const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onTimeout` once the parse has used `timeoutMs` of the worker's CPU
 * time (checked a few times a second) or `wallMs` on the clock, whichever
 * comes first; on the clock alone where the worker's CPU time cannot be
 * read. Returns the function that stops watching.
 */
function watchTime(thread: number | null, limits: IsolationLimits, onTimeout: (ms: number) => void): () => void {
  const wallMs = Math.max(limits.wallTimeoutMs ?? Math.max(limits.timeoutMs * 6, 30_000), limits.timeoutMs);
  const start = thread === null ? null : threadCpuMs(thread);
  if (thread === null || start === null) {
    const timer = setTimeout(() => onTimeout(limits.timeoutMs), limits.timeoutMs);
    return () => clearTimeout(timer);
  }
  const wall = setTimeout(() => onTimeout(wallMs), wallMs);
  const poll = setInterval(() => {
    const now = threadCpuMs(thread);
    if (now !== null && now - start > limits.timeoutMs) onTimeout(limits.timeoutMs);
  }, Math.max(10, Math.min(100, limits.timeoutMs / 4)));
  return () => {
    clearTimeout(wall);
    clearInterval(poll);
  };
}

/** Stops the idle readers (tests; the app lets them time out). */
export async function stopIdleWorkers(): Promise<void> {
  const all = idle.splice(0);
  await Promise.all(all.map((s) => s.worker.terminate()));
}

export interface ParseOptions {
  /**
   * The file's bytes are the caller's to give away: they are moved to the
   * worker (transferred), not copied, and are empty here afterwards. For a
   * 15 MB file that is one copy (and ~100 ms on this thread) saved. Only
   * bytes that own their whole ArrayBuffer are moved; others are copied.
   */
  handOver?: boolean;
}

/** What postMessage may move instead of copying: bytes that are the whole of a (non-shared) ArrayBuffer. */
export function transferable(task: ParseTask): ArrayBuffer[] {
  if ('text' in task) return [];
  const { bytes } = task;
  const buffer = bytes.buffer;
  if (!(buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength) return [];
  return [buffer];
}

/**
 * Parses one file in a worker (a fresh one, or one kept from the last file).
 * Resolves to the parser's own answer, or to a refusal when the file needed
 * too much memory or time (that worker is then stopped, never reused);
 * rejects with ParseWorkerError only when the worker itself could not run.
 */
export async function parseIsolated<T extends ParseTask>(
  task: T,
  limits: Partial<IsolationLimits> = {},
  options: ParseOptions = {},
): Promise<TaskResult<T>> {
  const l: IsolationLimits = { ...ISOLATION_LIMITS, ...limits };
  const release = await turn();
  try {
    return (await runOnce(task, l, options.handOver === true)) as TaskResult<T>;
  } finally {
    release();
  }
}

type AnyResult = ImportResult<unknown>;

async function runOnce(task: ParseTask, limits: IsolationLimits, handOver: boolean): Promise<AnyResult> {
  let slot: Slot;
  try {
    slot = takeSlot(limits);
    await slot.ready;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return importFail(ISOLATION_MESSAGES.memory);
    throw error instanceof ParseWorkerError ? error : new ParseWorkerError(`the file reader could not start (${(error as Error).message})`);
  }
  const { worker } = slot;
  const id = nextId++;
  const idleMs = taskBytes(task) > LARGE_FILE_BYTES ? IDLE_AFTER_LARGE_MS : IDLE_WORKER_MS; // read before the bytes are handed over
  return new Promise<AnyResult>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: { result: AnyResult; reuse: boolean } | { error: Error }) => {
      if (settled) return;
      settled = true;
      stopWatching();
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if ('result' in outcome && outcome.reuse) keepIdle(slot, idleMs);
      else void worker.terminate();
      if ('result' in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'ready' || message.id !== id) return;
      if (message.type === 'result') finish({ result: message.result, reuse: true });
      // The parser threw (a stack overflow on absurd nesting, say): the file's doing, answered as a refusal.
      else finish({ result: importFail(ISOLATION_MESSAGES.failed(message.message)), reuse: false });
    };
    const onError = (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish({ result: importFail(ISOLATION_MESSAGES.memory), reuse: false });
      else finish({ error: new ParseWorkerError(`the file reader stopped (${error.message})`) });
    };
    const onExit = (code: number) => finish({ error: new ParseWorkerError(`the file reader stopped unexpectedly (exit code ${code})`) });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const stopWatching = watchTime(slot.thread, limits, (ms) => finish({ result: importFail(ISOLATION_MESSAGES.timeout(ms)), reuse: false }));
    worker.postMessage({ id, task }, handOver ? transferable(task) : []);
  });
}
