/**
 * Crash-safety harness: `npm run crash-test -- --kills N`.
 *
 * Runs the browser host as a separate Node process on a temporary data
 * folder, drives rapid edits through its HTTP API from several concurrent
 * loops, and kills the host with SIGKILL at random moments, restarting it
 * each time. Every change the host acknowledged (an ok:true answer received
 * before the kill) is recorded. After the last kill the database file is
 * opened directly (read-only) and checked:
 *  - every acknowledged create exists, every acknowledged delete is gone;
 *  - every updated field holds its last acknowledged value, or a later value
 *    that was in flight when the host died (sent, never answered);
 *  - no row appears that was never sent;
 *  - PRAGMA integrity_check is "ok" and PRAGMA foreign_key_check is empty;
 *  - agenda and member positions are still dense (0..n-1);
 * and the host is started once more to prove the app reopens the file.
 *
 * SIGKILL ends the process, not the machine: the operating system still
 * writes out what the process handed it. So this proves that every answer is
 * sent only after its transaction committed, and that a half-done request
 * never leaves a half-written record. Power-loss durability rests on
 * synchronous=FULL in the store.
 */
import { invokedDirectly } from './invoked-directly';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { databaseFile } from '../electron/config/data-dir';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/* ------------------------------------------------------------------ */
/* Options, report                                                     */
/* ------------------------------------------------------------------ */

export interface CrashTestOptions {
  /** How many times the host is killed (positive integer). */
  kills: number;
  /** Seed for the kill delays (default: random). */
  seed?: number;
  /** Delay after a (re)start before the kill, in ms (default 20-400). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** 'bundle' (default): esbuild the host once and run it with node; 'tsx': run the sources through tsx. */
  runner?: 'bundle' | 'tsx';
  /** Keep the temporary folder (database and host bundle) for inspection. */
  keep?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface CrashTestReport {
  kills: number;
  seed: number;
  /** Mutating requests answered ok:true before a kill. */
  acknowledged: number;
  /** Mutating requests sent but not answered (cut off by a kill). */
  inFlight: number;
  /** Acknowledged changes missing from the database after the last kill. */
  lost: number;
  /** PRAGMA integrity_check result ("ok" when healthy). */
  integrity: string;
  foreignKeyProblems: number;
  /** Rows or values no request ever sent, broken position sequences. */
  unexpected: number;
  /** ok:false answers to requests that should have succeeded. */
  errorAnswers: number;
  /** The app opened the file again after the last kill. */
  reopened: boolean;
  durationMs: number;
  /** One line per problem found (capped). */
  problems: string[];
  passed: boolean;
  dataDir: string;
}

/* ------------------------------------------------------------------ */
/* Small utilities                                                     */
/* ------------------------------------------------------------------ */

/** mulberry32: small, seedable, good enough for delays. */
function makeRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}
function deferred<T>(): Deferred<T> {
  let resolveFn!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolveFn = r));
  return { promise, resolve: resolveFn };
}

/* ------------------------------------------------------------------ */
/* Starting and killing the host                                       */
/* ------------------------------------------------------------------ */

interface HostLauncher {
  command: string;
  args: string[];
  cwd: string;
}

/**
 * Bundles electron/host/cli.ts once into <work>/app/electron/host/cli.mjs.
 * The host finds the renderer and package.json in the nearest folder above it
 * with a package.json, so a
 * stand-in app folder is laid out around the bundle: the harness does not
 * depend on (or race with) a real renderer build. better-sqlite3 stays
 * external and is imported from this repository by absolute URL.
 */
async function bundleHost(workDir: string): Promise<HostLauncher> {
  const { build } = await import('esbuild');
  const appDir = join(workDir, 'app');
  const outfile = join(appDir, 'electron', 'host', 'cli.mjs');
  mkdirSync(join(appDir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>crash test</title>');
  copyFileSync(join(repoRoot, 'package.json'), join(appDir, 'package.json'));
  const requireHere = createRequire(import.meta.url);
  const sqliteEntry = pathToFileURL(requireHere.resolve('better-sqlite3')).href;
  await build({
    entryPoints: [join(repoRoot, 'electron', 'host', 'cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // Bundled CommonJS dependencies may call require().
    banner: { js: "import { createRequire as __crashCreateRequire } from 'node:module'; const require = __crashCreateRequire(import.meta.url);" },
    plugins: [
      {
        name: 'external-better-sqlite3',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: sqliteEntry, external: true }));
        },
      },
    ],
  });
  return { command: process.execPath, args: [outfile], cwd: appDir };
}

/**
 * Runs the sources with tsx's loader inside one node process. (The tsx command
 * itself runs the script in a child process, which SIGKILL would orphan.)
 */
function tsxLauncher(): HostLauncher {
  const loader = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return { command: process.execPath, args: ['--import', loader, join(repoRoot, 'electron', 'host', 'cli.ts')], cwd: repoRoot };
}

interface RunningHost {
  child: ChildProcess;
  origin: string;
  token: string;
  exited: Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

function startHost(launcher: HostLauncher, dataDir: string): Promise<RunningHost> {
  const child = spawn(launcher.command, [...launcher.args, '--data', dataDir, '--port', '0'], {
    cwd: launcher.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const exited = new Promise<void>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r();
    else child.once('exit', () => r());
  });
  return new Promise((resolveStart, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The browser host did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        // Keep draining so a chatty host never blocks on a full pipe.
        child.stdout!.resume();
        child.stderr!.resume();
        resolveStart({ child, origin: match[1]!, token: match[2]!, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The browser host exited (${signal ?? code}) before it was ready:\n${output}`));
    });
  });
}

async function killHost(host: RunningHost): Promise<void> {
  host.child.kill('SIGKILL');
  await host.exited;
}

/* ------------------------------------------------------------------ */
/* HTTP client                                                         */
/* ------------------------------------------------------------------ */

type Answer = { kind: 'ok'; value: unknown } | { kind: 'error'; code: string; message: string } | { kind: 'no-answer'; reason: string };

const REQUEST_TIMEOUT_MS = 15_000;

function post(host: { origin: string; token: string }, name: string, input: unknown): Promise<Answer> {
  const body = Buffer.from(JSON.stringify(input));
  const url = new URL(`/api/${name}`, host.origin);
  return new Promise((resolveAnswer) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: false,
        timeout: REQUEST_TIMEOUT_MS,
        headers: { 'content-type': 'application/json', 'content-length': body.length, 'x-clerk-token': host.token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => resolveAnswer({ kind: 'no-answer', reason: e.message }));
        res.on('aborted', () => resolveAnswer({ kind: 'no-answer', reason: 'response aborted' }));
        res.on('end', () => {
          if (!res.complete) return resolveAnswer({ kind: 'no-answer', reason: 'incomplete response' });
          let json: { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            return resolveAnswer({ kind: 'no-answer', reason: `unparseable answer (HTTP ${res.statusCode})` });
          }
          if (json.ok === true) resolveAnswer({ kind: 'ok', value: json.value });
          else resolveAnswer({ kind: 'error', code: String(json.error?.code), message: String(json.error?.message) });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolveAnswer({ kind: 'no-answer', reason: e.message }));
    req.end(body);
  });
}

/* ------------------------------------------------------------------ */
/* What was acknowledged                                               */
/* ------------------------------------------------------------------ */

/** One field written by exactly one loop, with values carrying an increasing counter. */
interface FieldTrack {
  label: string;
  table: string;
  column: string;
  id: number;
  /** Value known to be stored: the initial value (seq 0) or the last acknowledged one. */
  acked: { seq: number; value: string };
  /** Every value sent, by counter. */
  sent: Map<number, string>;
  nextSeq: number;
}

interface CreatedItem {
  title: string;
  id?: number;
  state: 'in-flight' | 'acked';
}

interface TrackedMember {
  name: string;
  id?: number;
  state: 'creating' | 'live' | 'deleting' | 'deleted';
}

interface Generation {
  origin: string;
  token: string;
}

/* ------------------------------------------------------------------ */
/* The harness                                                         */
/* ------------------------------------------------------------------ */

export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestReport> {
  if (!Number.isSafeInteger(options.kills) || options.kills < 1) throw new RangeError('kills must be a positive integer');
  const minDelay = options.minDelayMs ?? 20;
  const maxDelay = options.maxDelayMs ?? 400;
  if (!(minDelay >= 0 && maxDelay >= minDelay)) throw new RangeError('delays must satisfy 0 <= min <= max');
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = makeRandom(seed);
  const pick = makeRandom(seed ^ 0x5bd1e995);
  const log = options.log ?? (() => {});
  const started = Date.now();

  const workDir = mkdtempSync(join(realpathSync(tmpdir()), 'meeting-clerk-crash-'));
  const dataDir = join(workDir, 'data');
  mkdirSync(dataDir);
  const dbFile = databaseFile(dataDir);

  const problems: string[] = [];
  const problem = (line: string) => {
    if (problems.length < 200) problems.push(line);
  };
  let acknowledged = 0;
  let inFlight = 0;
  let errorAnswers = 0;
  let host: RunningHost | undefined;

  try {
    const launcher = options.runner === 'tsx' ? tsxLauncher() : await bundleHost(workDir);
    host = await startHost(launcher, dataDir);

    /* ---- Seed through the API ---- */
    const must = async (name: string, input: unknown): Promise<unknown> => {
      const answer = await post(host!, name, input);
      if (answer.kind !== 'ok') throw new Error(`Seeding ${name} failed: ${JSON.stringify(answer)}`);
      return answer.value;
    };
    const body = (await must('bodies.create', { name: 'Crash Test Committee' })) as { id: number };
    const meeting = (await must('meetings.create', { bodyId: body.id, date: '2024-05-01', startTime: '10:00', venue: 'Venue #0' })) as { id: number };
    let items: { id: number; title: string; presenter: string }[] = [];
    for (let i = 1; i <= 4; i++) items = (await must('agendaItems.create', { meetingId: meeting.id, title: `Item ${i} #0`, presenter: `Presenter ${i} #0` })) as typeof items;

    const fields: FieldTrack[] = [];
    const track = (label: string, table: string, column: string, id: number, initial: string): FieldTrack => {
      const field: FieldTrack = { label, table, column, id, acked: { seq: 0, value: initial }, sent: new Map([[0, initial]]), nextSeq: 1 };
      fields.push(field);
      return field;
    };
    const titleFields = items.map((item, i) => track(`item ${item.id} title`, 'agenda_item', 'title', item.id, `Item ${i + 1} #0`));
    const presenterFields = items.map((item, i) => track(`item ${item.id} presenter`, 'agenda_item', 'presenter', item.id, `Presenter ${i + 1} #0`));
    const venueField = track(`meeting ${meeting.id} venue`, 'meeting', 'venue', meeting.id, 'Venue #0');
    const createdItems: CreatedItem[] = [];
    const members: TrackedMember[] = [];

    /* ---- Generations: each (re)start is one; loops wait for the next after a failure ---- */
    let current: Generation | null = { origin: host.origin, token: host.token };
    let next = deferred<Generation | null>();
    let stopped = false;
    const waitForHost = async (): Promise<Generation | null> => (stopped ? null : (current ?? (await next.promise)));

    /**
     * Sends one mutating call on the current generation. Answers 'ok' (acknowledged),
     * 'error' (ok:false answer), or 'lost' (sent, host died first), or null when stopping.
     */
    const send = async (name: string, input: unknown): Promise<Answer | null> => {
      const gen = await waitForHost();
      if (!gen) return null;
      const answer = await post(gen, name, input);
      if (answer.kind === 'ok') acknowledged++;
      else if (answer.kind === 'no-answer') {
        inFlight++;
        // Do not spin against a dead port: wait for the restart.
        if (current === gen) await Promise.race([next.promise, sleep(50)]);
      } else {
        errorAnswers++;
        problem(`${name} ${JSON.stringify(input).slice(0, 120)} answered ${answer.code}: ${answer.message.slice(0, 200)}`);
      }
      return answer;
    };

    const updateLoop = async (list: FieldTrack[], call: string, build: (f: FieldTrack, value: string) => unknown, prefix: (f: FieldTrack) => string) => {
      for (let i = 0; !stopped; i++) {
        const field = list[i % list.length]!;
        const seq = field.nextSeq++;
        const value = `${prefix(field)} #${seq}`;
        field.sent.set(seq, value);
        const answer = await send(call, build(field, value));
        if (answer?.kind === 'ok') field.acked = { seq, value };
      }
    };
    const itemPrefix = (f: FieldTrack) => f.acked.value.replace(/ #\d+$/, '');

    const createItemsLoop = async () => {
      for (let n = 1; !stopped; n++) {
        const title = `Created item ${n}`;
        const record: CreatedItem = { title, state: 'in-flight' };
        createdItems.push(record);
        const answer = await send('agendaItems.create', { meetingId: meeting.id, title });
        if (answer?.kind === 'ok') {
          const found = (answer.value as { id: number; title: string }[]).find((it) => it.title === title);
          if (!found) problem(`agendaItems.create "${title}" was acknowledged but the answer does not list it`);
          record.id = found?.id;
          record.state = 'acked';
        }
      }
    };

    const membersLoop = async () => {
      for (let n = 1; !stopped; n++) {
        const live = members.filter((m) => m.state === 'live');
        if (live.length >= 3 && n % 2 === 0) {
          const victim = live[Math.floor(pick() * live.length)]!;
          victim.state = 'deleting';
          const answer = await send('members.delete', { memberId: victim.id });
          if (answer?.kind === 'ok') victim.state = 'deleted';
          // Otherwise it stays 'deleting': it may or may not have gone, and is never touched again.
        } else {
          const member: TrackedMember = { name: `Member ${n}`, state: 'creating' };
          members.push(member);
          const answer = await send('members.create', { bodyId: body.id, name: member.name, organisation: `Org ${n % 5}` });
          if (answer?.kind === 'ok') {
            member.id = (answer.value as { id: number }).id;
            member.state = 'live';
          }
        }
      }
    };

    const loops = [
      updateLoop(titleFields, 'agendaItems.update', (f, value) => ({ itemId: f.id, patch: { title: value } }), itemPrefix),
      updateLoop(presenterFields, 'agendaItems.update', (f, value) => ({ itemId: f.id, patch: { presenter: value } }), itemPrefix),
      updateLoop([venueField], 'meetings.update', (f, value) => ({ meetingId: f.id, patch: { venue: value } }), () => 'Venue'),
      createItemsLoop(),
      membersLoop(),
    ];

    /* ---- Kill, restart, repeat ---- */
    for (let kill = 1; kill <= options.kills; kill++) {
      const delay = minDelay + Math.floor(random() * (maxDelay - minDelay + 1));
      await sleep(delay);
      current = null;
      await killHost(host);
      host = undefined;
      log(`kill ${kill}/${options.kills} after ${delay} ms (acknowledged so far: ${acknowledged})`);
      if (kill === options.kills) break;
      host = await startHost(launcher, dataDir);
      const gen: Generation = { origin: host.origin, token: host.token };
      current = gen;
      const waiting = next;
      next = deferred<Generation | null>();
      waiting.resolve(gen);
    }
    stopped = true;
    next.resolve(null);
    await Promise.all(loops);

    /* ---- Check the file as the last kill left it ---- */
    let lost = 0;
    let unexpected = 0;
    let integrity = 'not checked';
    let foreignKeyProblems = 0;
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
      const fk = db.pragma('foreign_key_check') as unknown[];
      foreignKeyProblems = fk.length;
      if (fk.length) problem(`foreign_key_check: ${JSON.stringify(fk.slice(0, 5))}`);

      for (const field of fields) {
        const row = db.prepare(`SELECT ${field.column} AS v FROM ${field.table} WHERE id = ?`).get(field.id) as { v: string } | undefined;
        if (!row) {
          lost++;
          problem(`${field.label}: the row is gone`);
          continue;
        }
        const seqOfStored = [...field.sent].find(([, v]) => v === row.v)?.[0];
        if (seqOfStored === undefined) {
          unexpected++;
          problem(`${field.label}: holds "${row.v}", a value never sent`);
        } else if (seqOfStored < field.acked.seq) {
          lost++;
          problem(`${field.label}: holds "${row.v}" but "${field.acked.value}" was acknowledged`);
        }
      }

      const itemTitles = new Map(
        (db.prepare('SELECT id, title FROM agenda_item WHERE meeting_id = ?').all(meeting.id) as { id: number; title: string }[]).map((r) => [r.id, r.title]),
      );
      for (const item of createdItems) {
        if (item.state !== 'acked' || item.id === undefined) continue;
        if (itemTitles.get(item.id) !== item.title) {
          lost++;
          problem(`acknowledged agenda item "${item.title}" (id ${item.id}) is missing`);
        }
      }
      const sentTitles = new Set([...createdItems.map((i) => i.title), ...fields.filter((f) => f.table === 'agenda_item').flatMap((f) => [...f.sent.values()])]);
      for (const [id, title] of itemTitles) {
        if (!sentTitles.has(title)) {
          unexpected++;
          problem(`agenda item ${id} "${title}" was never sent`);
        }
      }

      const memberRows = new Map(
        (db.prepare('SELECT id, name FROM member WHERE body_id = ?').all(body.id) as { id: number; name: string }[]).map((r) => [r.id, r.name]),
      );
      const knownMemberIds = new Set<number>();
      for (const member of members) {
        if (member.id !== undefined) knownMemberIds.add(member.id);
        if (member.state === 'live' && memberRows.get(member.id!) !== member.name) {
          lost++;
          problem(`acknowledged member "${member.name}" (id ${member.id}) is missing`);
        }
        // Ids can be reused after a delete (INTEGER PRIMARY KEY), so match the name too.
        if (member.state === 'deleted' && memberRows.get(member.id!) === member.name) {
          lost++;
          problem(`member "${member.name}" (id ${member.id}) is back after an acknowledged delete`);
        }
      }
      const sentNames = new Set(members.map((m) => m.name));
      for (const [id, name] of memberRows) {
        if (!knownMemberIds.has(id) && !sentNames.has(name)) {
          unexpected++;
          problem(`member ${id} "${name}" was never sent`);
        }
      }

      // Positions are kept dense by every create/move/delete; a torn write would break that.
      for (const [table, group] of [
        ['agenda_item', 'meeting_id'],
        ['member', 'body_id'],
      ] as const) {
        const groups = db.prepare(`SELECT ${group} AS g, count(*) AS n, min(position) AS lo, max(position) AS hi, count(DISTINCT position) AS d FROM ${table} GROUP BY ${group}`).all() as {
          g: number;
          n: number;
          lo: number;
          hi: number;
          d: number;
        }[];
        for (const g of groups) {
          if (g.lo !== 0 || g.hi !== g.n - 1 || g.d !== g.n) {
            unexpected++;
            problem(`${table} positions in ${group} ${g.g} are not 0..${g.n - 1} (min ${g.lo}, max ${g.hi}, distinct ${g.d})`);
          }
        }
      }
    } finally {
      db.close();
    }

    /* ---- The app itself opens the file again ---- */
    let reopened = false;
    try {
      host = await startHost(launcher, dataDir);
      const info = await post(host, 'meetings.get', { meetingId: meeting.id });
      reopened = info.kind === 'ok';
      if (!reopened) problem(`after the last kill, meetings.get answered ${JSON.stringify(info).slice(0, 200)}`);
    } catch (error) {
      problem(`after the last kill the host would not start: ${(error as Error).message.slice(0, 500)}`);
    } finally {
      if (host) await killHost(host);
      host = undefined;
    }

    // The loops must really have worked between the kills (more acknowledged changes than kills), or nothing was tested.
    const passed =
      lost === 0 && unexpected === 0 && integrity === 'ok' && foreignKeyProblems === 0 && errorAnswers === 0 && reopened && acknowledged > options.kills && problems.length === 0;
    return {
      kills: options.kills,
      seed,
      acknowledged,
      inFlight,
      lost,
      integrity,
      foreignKeyProblems,
      unexpected,
      errorAnswers,
      reopened,
      durationMs: Date.now() - started,
      problems,
      passed,
      dataDir,
    };
  } finally {
    if (host) await killHost(host).catch(() => {});
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
}

export function formatCrashReport(r: CrashTestReport): string {
  const lines = [
    `Crash test (seed ${r.seed}, ${(r.durationMs / 1000).toFixed(1)} s)`,
    `  kills (SIGKILL):            ${r.kills}`,
    `  acknowledged changes:       ${r.acknowledged}`,
    `  cut off in flight:          ${r.inFlight}`,
    `  changes lost:               ${r.lost}`,
    `  never-sent rows/values:     ${r.unexpected}`,
    `  error answers:              ${r.errorAnswers}`,
    `  integrity_check:            ${r.integrity}`,
    `  foreign_key_check problems: ${r.foreignKeyProblems}`,
    `  reopened by the app:        ${r.reopened ? 'yes' : 'NO'}`,
    `  result:                     ${r.passed ? 'PASS' : 'FAIL'}`,
  ];
  if (r.problems.length) lines.push('Problems:', ...r.problems.slice(0, 30).map((p) => `  - ${p}`));
  return lines.join('\n');
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */
/* ------------------------------------------------------------------ */

const USAGE = `Usage: npm run crash-test -- --kills N [--seed S] [--min-delay MS] [--max-delay MS] [--runner bundle|tsx] [--keep] [--quiet]
  --kills N      how many times to SIGKILL the browser host (positive integer, required)
  --seed S       seed for the kill timing (integer; default random, printed in the report)
  --min-delay    shortest time after a restart before the kill, ms (default 20)
  --max-delay    longest time after a restart before the kill, ms (default 400)
  --runner       bundle (default: esbuild once, then node) or tsx
  --keep         keep the temporary data folder and print its path
  --quiet        no per-kill progress lines`;

export class CrashUsageError extends Error {}

export function parseCrashArgs(argv: string[]): CrashTestOptions & { quiet: boolean } {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const valueFlags = ['kills', 'seed', 'min-delay', 'max-delay', 'runner'];
  const switchFlags = ['keep', 'quiet', 'help'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) throw new CrashUsageError(`Unexpected argument "${arg}"`);
    const name = match[1]!;
    if (switchFlags.includes(name)) {
      if (match[2] !== undefined) throw new CrashUsageError(`--${name} takes no value`);
      switches.add(name);
    } else if (valueFlags.includes(name)) {
      const value = match[2] ?? argv[++i];
      if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('--'))) throw new CrashUsageError(`--${name} needs a value`);
      values.set(name, value);
    } else {
      throw new CrashUsageError(`Unknown option --${name}`);
    }
  }
  if (switches.has('help')) throw new CrashUsageError('');
  const int = (name: string, min: number): number | undefined => {
    const text = values.get(name);
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) {
      throw new CrashUsageError(`--${name} must be ${min > 0 ? 'a positive' : 'a non-negative'} integer, not "${text}"`);
    }
    return Number(text);
  };
  const kills = int('kills', 1);
  if (kills === undefined) throw new CrashUsageError('--kills N is required (a positive integer)');
  const minDelayMs = int('min-delay', 0);
  const maxDelayMs = int('max-delay', 0);
  if ((minDelayMs ?? 20) > (maxDelayMs ?? 400)) throw new CrashUsageError('--min-delay must not exceed --max-delay');
  const runner = values.get('runner');
  if (runner !== undefined && runner !== 'bundle' && runner !== 'tsx') throw new CrashUsageError(`--runner must be "bundle" or "tsx", not "${runner}"`);
  return { kills, seed: int('seed', 0), minDelayMs, maxDelayMs, runner, keep: switches.has('keep'), quiet: switches.has('quiet') };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCrashArgs>;
  try {
    options = parseCrashArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CrashUsageError) {
      if (error.message) console.error(`crash-test: ${error.message}`);
      console.error(USAGE);
      process.exit(error.message ? 2 : 0);
    }
    throw error;
  }
  const report = await runCrashTest({ ...options, log: options.quiet ? undefined : (line) => console.log(line) });
  console.log(formatCrashReport(report));
  if (options.keep) console.log(`Data kept in ${report.dataDir}`);
  process.exit(report.passed ? 0 : 1);
}

if (invokedDirectly(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
