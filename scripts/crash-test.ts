/**
 * Crash-safety harness: `npm run crash-test -- --kills N [--typing-rounds R]`.
 *
 * Runs the browser host as a separate Node process on a temporary data
 * folder and kills it with SIGKILL at random moments, restarting it each
 * time, in three phases:
 *
 * 1. Edits, imports and closing (about 70% of the N kills). Several loops
 *    edit through the HTTP API at once (agenda items, the venue, members),
 *    while one more goes meeting after meeting on a board of its own: an
 *    agenda read from a real .docx and imported (import.readAgenda,
 *    import.applyAgenda), the meeting started, a real Teams attendance report
 *    read and imported (import.readTeams, import.applyTeams), the meeting
 *    closed (meetings.close, which makes a backup) and a manual backup
 *    (backups.create). Every change the host acknowledged (an ok:true answer
 *    received before the kill) is recorded. After the last kill of the phase
 *    the database file is opened directly (read-only) and checked:
 *     - every acknowledged create exists, every acknowledged delete is gone;
 *     - every updated field holds its last acknowledged value, or a later
 *       value that was in flight when the host died (sent, never answered);
 *     - no row appears that was never sent;
 *     - each import is all or nothing (its tagged rows are all there or none
 *       is), and all there when acknowledged; an acknowledged close stays closed;
 *     - PRAGMA integrity_check is "ok" and PRAGMA foreign_key_check is empty;
 *     - agenda and member positions are still dense (0..n-1);
 *     - the last acknowledged backup is listed, and every backup the app
 *       lists is whole (header and integrity_check): a backup cut off by a
 *       kill is never offered.
 * 2. Backups and restores (the other 30%). One loop changes a marker, makes a
 *    backup, changes the marker again and restores the backup, with one
 *    meeting's minutes approved: every third round restores the backup from
 *    before the approval, which must be refused with a conflict and change
 *    nothing, or (every sixth) is confirmed with acceptUndone and goes ahead,
 *    after which the minutes are approved again. After a call cut off by a
 *    kill, the restarted app must show the state before the call or the one
 *    it asked for, nothing in between.
 * 3. Typing (R rounds, default 3, kills of their own): the real renderer in
 *    Chromium (Playwright) on the browser host, a paragraph typed a key every
 *    150 ms for about 10 s, the host SIGKILLed at the last key. After the
 *    restart the stored paragraph must hold everything typed except at most
 *    the keys of the last second.
 * Finally the host is started once more to prove the app reopens the file,
 * and the file and the listed backups are checked again.
 *
 * SIGKILL ends the process, not the machine: the operating system still
 * writes out what the process handed it. So this proves that every answer is
 * sent only after its transaction committed, and that a half-done request
 * never leaves a half-written record. Power-loss durability rests on
 * synchronous=FULL in the store.
 */
import { invokedDirectly } from './invoked-directly';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { databaseFile } from '../electron/config/data-dir';
import { backupsDir, listBackups } from '../electron/store/backups';
import type { TeamsPreview } from '../shared/contract';
import type { ParsedAgenda } from '../shared/import/agenda-text';
import { CHROMIUM_ARGS, systemChromium } from '../test/chromium';

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
  /** Rounds of typing in Chromium, each killed at the last key (default 3; 0 = none). */
  typingRounds?: number;
  /** Keep the temporary folder (database and host bundle) for inspection. */
  keep?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** What happened to one kind of call: answered ok, cut off by a kill, found half done afterwards. */
export interface OperationTally {
  acknowledged: number;
  inFlight: number;
  partial: number;
}

export interface OperationCounts {
  agendaImports: OperationTally;
  teamsImports: OperationTally;
  closes: OperationTally;
  backups: OperationTally;
  restores: OperationTally;
  /** Restores refused (as they must be) because they would undo approved minutes. */
  restoreRefusals: number;
  /** Approvals again after a confirmed restore undid them. */
  approvals: number;
}

export interface CrashTestReport {
  /** SIGKILLs during API calls (the typing rounds add one each). */
  kills: number;
  /** Of those: during edits, imports and closing; during backups and restores. */
  editKills: number;
  restoreKills: number;
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
  /** ok:false answers that were the right answer (a restore that would undo approved minutes). */
  expectedRefusals: number;
  operations: OperationCounts;
  /** Backups the app lists at the end, those not whole (must be 0), meeting-closed ones, and cut-off files left in the folder. */
  backupFiles: { listed: number; bad: number; partialLeftovers: number; closeBackups: number };
  typing: TypingReport;
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
async function bundleHost(workDir: string, realRenderer: boolean): Promise<HostLauncher> {
  const { build } = await import('esbuild');
  const appDir = join(workDir, 'app');
  const outfile = join(appDir, 'electron', 'host', 'cli.mjs');
  mkdirSync(join(appDir, 'dist', 'renderer'), { recursive: true });
  if (realRenderer) buildRenderer(join(appDir, 'dist', 'renderer'));
  else writeFileSync(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>crash test</title>');
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
  // The parsing worker that reads agendas and Teams reports sits beside the bundle, as in the real builds.
  await build({
    entryPoints: [join(repoRoot, 'electron', 'import', 'parse-worker.ts')],
    outfile: join(dirname(outfile), 'parse-worker.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
  });
  return { command: process.execPath, args: [outfile], cwd: appDir };
}

/**
 * Runs the sources with tsx's loader inside one node process. (The tsx command
 * itself runs the script in a child process, which SIGKILL would orphan.)
 */
async function tsxLauncher(realRenderer: boolean): Promise<HostLauncher> {
  if (realRenderer && !existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) buildRenderer(join(repoRoot, 'dist', 'renderer'));
  const loader = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return { command: process.execPath, args: ['--import', loader, join(repoRoot, 'electron', 'host', 'cli.ts')], cwd: repoRoot };
}

/** Builds the renderer (vite, about 2 s) into `outDir`, for the typing rounds: the harness never depends on a build lying about. */
function buildRenderer(outDir: string): void {
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(repoRoot, 'renderer', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (result.status !== 0 || !existsSync(join(outDir, 'index.html'))) {
    throw new Error(`The renderer could not be built for the typing rounds (exit ${result.status}):\n${(result.stderr || result.stdout || '').slice(-2000)}`);
  }
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

/** One import, its rows tagged with the round's tag ("[A 7]", "[T 7]"). */
interface TrackedImport {
  tag: string;
  meetingId: number;
  expected: number;
  state: 'in-flight' | 'acked';
}

/** What the restore loop can see: a marker meeting's venue and the approved meeting's status and versions. */
interface RestoreState {
  marker: string;
  status: string;
  versions: number;
}

export const DEFAULT_TYPING_ROUNDS = 3;
const AGENDA_FIXTURE = 'agenda-table.docx';
const TEAMS_FIXTURE = 'teams-current-utf8-comma.csv';

/* ------------------------------------------------------------------ */
/* The harness                                                         */
/* ------------------------------------------------------------------ */

export async function runCrashTest(options: CrashTestOptions): Promise<CrashTestReport> {
  if (!Number.isSafeInteger(options.kills) || options.kills < 1) throw new RangeError('kills must be a positive integer');
  const typingRounds = options.typingRounds ?? DEFAULT_TYPING_ROUNDS;
  if (!Number.isSafeInteger(typingRounds) || typingRounds < 0) throw new RangeError('typingRounds must be a non-negative integer');
  const minDelay = options.minDelayMs ?? 20;
  const maxDelay = options.maxDelayMs ?? 400;
  if (!(minDelay >= 0 && maxDelay >= minDelay)) throw new RangeError('delays must satisfy 0 <= min <= max');
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = makeRandom(seed);
  const pick = makeRandom(seed ^ 0x5bd1e995);
  const log = options.log ?? (() => {});
  const started = Date.now();
  // About a third of the kills fall on backups and restores alone (phase 2); the rest on edits, imports and closing (phase 1).
  const restoreKills = options.kills >= 3 ? Math.max(1, Math.round(options.kills * 0.3)) : 0;
  const editKills = options.kills - restoreKills;

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
  let expectedRefusals = 0;
  let host: RunningHost | undefined;
  const ops: OperationCounts = {
    agendaImports: { acknowledged: 0, inFlight: 0, partial: 0 },
    teamsImports: { acknowledged: 0, inFlight: 0, partial: 0 },
    closes: { acknowledged: 0, inFlight: 0, partial: 0 },
    backups: { acknowledged: 0, inFlight: 0, partial: 0 },
    restores: { acknowledged: 0, inFlight: 0, partial: 0 },
    restoreRefusals: 0,
    approvals: 0,
  };
  const backupFiles = { listed: 0, bad: 0, partialLeftovers: 0, closeBackups: 0 };
  let typing: TypingReport = { rounds: 0, typed: 0, kept: 0, lostInLastSecond: 0, lostBeforeLastSecond: 0, perRound: [] };

  try {
    const launcher = options.runner === 'tsx' ? await tsxLauncher(typingRounds > 0) : await bundleHost(workDir, typingRounds > 0);
    host = await startHost(launcher, dataDir);

    /* ---- Seed through the API ---- */
    const must = async <T = unknown>(name: string, input: unknown): Promise<T> => {
      const answer = await post(host!, name, input);
      if (answer.kind !== 'ok') throw new Error(`Seeding ${name} failed: ${JSON.stringify(answer).slice(0, 500)}`);
      return answer.value as T;
    };
    const body = await must<{ id: number }>('bodies.create', { name: 'Crash Test Committee' });
    const meeting = await must<{ id: number }>('meetings.create', { bodyId: body.id, date: '2024-05-01', startTime: '10:00', venue: 'Venue #0' });
    let items: { id: number; title: string; presenter: string }[] = [];
    for (let i = 1; i <= 4; i++) items = await must<typeof items>('agendaItems.create', { meetingId: meeting.id, title: `Item ${i} #0`, presenter: `Presenter ${i} #0` });

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

    // Imports and closing go to a body of their own, so its meetings never meet the loops above.
    const opsBody = await must<{ id: number }>('bodies.create', { name: 'Crash Test Imports Board', kind: 'Board' });
    const agendaDocx = readFileSync(join(repoRoot, 'test', 'fixtures', 'import', AGENDA_FIXTURE)).toString('base64');
    const teamsCsv = readFileSync(join(repoRoot, 'test', 'fixtures', 'import', TEAMS_FIXTURE)).toString('base64');
    // Read once before the kills start, so every round has an agenda and a report to import even when its own reading is cut off.
    const toImportItems = (agenda: ParsedAgenda) =>
      agenda.items.map((it) => ({ title: it.title, presenter: it.presenter, papers: it.papers, exempt: it.exempt, exemptParagraph: it.exempt ? (it.exemptParagraph ?? 3) : null }));
    const toTeamsRows = (preview: TeamsPreview) =>
      preview.rows.map((r) => ({ name: r.participant.name, memberId: null, addAs: 'guest' as const, remote: true, firstJoin: r.participant.firstJoin, lastLeave: r.participant.lastLeave }));
    const firstOps = await must<{ id: number }>('meetings.create', { bodyId: opsBody.id, date: '2025-03-14', startTime: '10:00', venue: 'Imports 0' });
    const firstAgenda = toImportItems(await must<ParsedAgenda>('import.readAgenda', { meetingId: firstOps.id, source: { kind: 'docx', base64: agendaDocx } }));
    const firstTeams = toTeamsRows(await must<TeamsPreview>('import.readTeams', { meetingId: firstOps.id, base64: teamsCsv }));
    if (!firstAgenda.length || !firstTeams.length) throw new Error(`The fixtures ${AGENDA_FIXTURE} and ${TEAMS_FIXTURE} gave no agenda items or no attendees`);
    const agendaImports: TrackedImport[] = [];
    const teamsImports: TrackedImport[] = [];
    const closes: { meetingId: number; state: 'in-flight' | 'acked' }[] = [];
    let lastManualBackup: string | null = null;

    /* ---- Generations: each (re)start is one; loops wait for the next after a failure ---- */
    let current: Generation | null = { origin: host.origin, token: host.token };
    let next = deferred<Generation | null>();
    let stopped = false;
    const waitForHost = async (): Promise<Generation | null> => (stopped ? null : (current ?? (await next.promise)));

    /**
     * Sends one mutating call on the current generation. Answers 'ok' (acknowledged),
     * 'error' (ok:false answer), or 'lost' (sent, host died first), or null when stopping.
     * An error whose code is in `expected` is a refusal the caller asked for, not a problem.
     */
    const send = async (name: string, input: unknown, expected: readonly string[] = []): Promise<Answer | null> => {
      const gen = await waitForHost();
      if (!gen) return null;
      const answer = await post(gen, name, input);
      if (answer.kind === 'ok') acknowledged++;
      else if (answer.kind === 'no-answer') {
        inFlight++;
        // Do not spin against a dead port: wait for the restart.
        if (current === gen) await Promise.race([next.promise, sleep(50)]);
      } else if (expected.includes(answer.code)) {
        expectedRefusals++;
      } else {
        errorAnswers++;
        problem(`${name} ${JSON.stringify(input).slice(0, 120)} answered ${answer.code}: ${answer.message.slice(0, 200)}`);
      }
      return answer;
    };
    /** A read that is retried on the next generation until it is answered; null when stopping. */
    const read = async <T>(name: string, input: unknown): Promise<T | null> => {
      for (;;) {
        const gen = await waitForHost();
        if (!gen) return null;
        const answer = await post(gen, name, input);
        if (answer.kind === 'ok') return answer.value as T;
        if (answer.kind === 'error') {
          errorAnswers++;
          problem(`${name} ${JSON.stringify(input).slice(0, 120)} answered ${answer.code}: ${answer.message.slice(0, 200)}`);
          return null;
        }
        if (current === gen) await Promise.race([next.promise, sleep(50)]);
      }
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

    /**
     * One meeting after another on the imports board: created, its agenda read from a real .docx and
     * imported, started, a real Teams report read and imported, closed (which makes a backup), and a
     * manual backup. Imported titles and names carry the round's tag, so the check can count what
     * each import left: all of it or none. A call cut off by a kill ends the round.
     */
    const operationsLoop = async () => {
      // One step per turn, so a kill costs only the step it cut off: the meeting carries on at the next start.
      let meetingId: number | null = null;
      let stage: 'create' | 'readAgenda' | 'applyAgenda' | 'start' | 'readTeams' | 'applyTeams' | 'close' | 'backup' = 'create';
      let agendaItems = firstAgenda;
      let teamsRows = firstTeams;
      /** After a call cut off by a kill: did it happen? Read from the restarted host. */
      const happened = async (test: (record: { startedAt: string | null; closedAt: string | null }) => boolean): Promise<boolean | null> => {
        const record = await read<{ startedAt: string | null; closedAt: string | null }>('meetings.get', { meetingId });
        return record ? test(record) : null;
      };
      for (let n = 1; !stopped; n++) {
        if (stage === 'create') {
          const created = await send('meetings.create', { bodyId: opsBody.id, date: '2025-03-14', startTime: '10:00', venue: `Imports ${n}` });
          if (created?.kind === 'ok') {
            meetingId = (created.value as { id: number }).id;
            stage = 'readAgenda';
          }
        } else if (stage === 'readAgenda') {
          // Read again each round (a kill may fall on the parsing); cut off, the round goes on with the agenda read at the start.
          const parsed = await send('import.readAgenda', { meetingId, source: { kind: 'docx', base64: agendaDocx } });
          if (parsed?.kind === 'ok') agendaItems = toImportItems(parsed.value as ParsedAgenda);
          if (parsed) stage = 'applyAgenda';
        } else if (stage === 'applyAgenda') {
          // Whatever the answer, the round moves on: the check finds this import whole or absent.
          const tag = `[A ${n}]`;
          const items = agendaItems.map((it) => ({ ...it, title: `${it.title} ${tag}` }));
          const tracked: TrackedImport = { tag, meetingId: meetingId!, expected: items.length, state: 'in-flight' };
          agendaImports.push(tracked);
          const applied = await send('import.applyAgenda', { meetingId, items });
          if (applied?.kind === 'ok') tracked.state = 'acked';
          if (applied) stage = 'start';
        } else if (stage === 'start') {
          const answer = await send('meetings.start', { meetingId, time: '10:00' });
          if (answer?.kind === 'ok' || (answer?.kind === 'no-answer' && (await happened((m) => m.startedAt !== null)))) stage = 'readTeams';
        } else if (stage === 'readTeams') {
          const preview = await send('import.readTeams', { meetingId, base64: teamsCsv });
          if (preview?.kind === 'ok') teamsRows = toTeamsRows(preview.value as TeamsPreview);
          if (preview) stage = 'applyTeams';
        } else if (stage === 'applyTeams') {
          const tag = `[T ${n}]`;
          const rows = teamsRows.map((r) => ({ ...r, name: `${r.name} ${tag}` }));
          const tracked: TrackedImport = { tag, meetingId: meetingId!, expected: rows.length, state: 'in-flight' };
          teamsImports.push(tracked);
          const teams = await send('import.applyTeams', { meetingId, rows });
          if (teams?.kind === 'ok') tracked.state = 'acked';
          if (teams) stage = 'close';
        } else if (stage === 'close') {
          const close = { meetingId: meetingId!, state: 'in-flight' as 'in-flight' | 'acked' };
          closes.push(close);
          const closed = await send('meetings.close', { meetingId, time: '12:00' });
          if (closed?.kind === 'ok') close.state = 'acked';
          if (closed?.kind === 'ok' || (closed?.kind === 'no-answer' && (await happened((m) => m.closedAt !== null)))) stage = 'backup';
        } else {
          const backup = await send('backups.create', {});
          if (backup?.kind === 'no-answer') ops.backups.inFlight++;
          if (backup?.kind === 'ok') {
            ops.backups.acknowledged++;
            lastManualBackup = (backup.value as { name: string }).name;
          }
          if (backup) {
            stage = 'create';
            meetingId = null;
          }
        }
      }
    };

    /** Kills the host `kills` times at random moments, restarting it after each kill but the last. */
    const killRounds = async (kills: number, label: string, delays: { min: number; max: number }, restartAfterLast: boolean) => {
      for (let kill = 1; kill <= kills; kill++) {
        const delay = delays.min + Math.floor(random() * (delays.max - delays.min + 1));
        await sleep(delay);
        current = null;
        await killHost(host!);
        host = undefined;
        log(`${label}: kill ${kill}/${kills} after ${delay} ms (acknowledged so far: ${acknowledged})`);
        if (kill === kills && !restartAfterLast) break;
        host = await startHost(launcher, dataDir);
        const gen: Generation = { origin: host.origin, token: host.token };
        current = gen;
        const waiting = next;
        next = deferred<Generation | null>();
        waiting.resolve(gen);
      }
    };
    const stopLoops = async (loops: Promise<unknown>[]) => {
      stopped = true;
      next.resolve(null);
      await Promise.all(loops);
    };
    /** A fresh generation after the loops stopped (the host must be running). */
    const resume = () => {
      stopped = false;
      current = { origin: host!.origin, token: host!.token };
      next = deferred<Generation | null>();
    };

    /* ---- Phase 1: edits, imports, closing and backups, killed ---- */
    const loops = [
      updateLoop(titleFields, 'agendaItems.update', (f, value) => ({ itemId: f.id, patch: { title: value } }), itemPrefix),
      updateLoop(presenterFields, 'agendaItems.update', (f, value) => ({ itemId: f.id, patch: { presenter: value } }), itemPrefix),
      updateLoop([venueField], 'meetings.update', (f, value) => ({ meetingId: f.id, patch: { venue: value } }), () => 'Venue'),
      createItemsLoop(),
      membersLoop(),
      operationsLoop(),
    ];
    await killRounds(editKills, 'edits and imports', { min: minDelay, max: maxDelay }, false);
    await stopLoops(loops);
    const acknowledgedEdits = acknowledged;

    /* ---- Check the file as the last kill of phase 1 left it ---- */
    let lost = 0;
    let unexpected = 0;
    let integrity = 'not checked';
    let foreignKeyProblems = 0;
    const checkFile = (db: Database.Database, when: string) => {
      const result = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
      if (result !== 'ok') problem(`integrity_check ${when}: ${result}`);
      if (integrity === 'not checked' || integrity === 'ok') integrity = result;
      const fk = db.pragma('foreign_key_check') as unknown[];
      foreignKeyProblems += fk.length;
      if (fk.length) problem(`foreign_key_check ${when}: ${JSON.stringify(fk.slice(0, 5))}`);
    };
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      checkFile(db, 'after the edits and imports');

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

      /* Imports: all or nothing, and everything acknowledged there. */
      const countTags = (sql: string, pattern: RegExp): Map<string, number> => {
        const counts = new Map<string, number>();
        for (const row of db.prepare(sql).all(opsBody.id) as { text: string }[]) {
          const tag = pattern.exec(row.text)?.[0];
          if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
          else {
            unexpected++;
            problem(`"${row.text}" on the imports board was never sent`);
          }
        }
        return counts;
      };
      const checkImports = (kind: string, list: TrackedImport[], counts: Map<string, number>, tally: OperationTally) => {
        const sent = new Set(list.map((i) => i.tag));
        for (const tag of counts.keys()) {
          if (!sent.has(tag)) {
            unexpected++;
            problem(`${kind} ${tag}: rows of an import never sent`);
          }
        }
        for (const imp of list) {
          const found = counts.get(imp.tag) ?? 0;
          if (imp.state === 'acked') tally.acknowledged++;
          else tally.inFlight++;
          if (found !== 0 && found !== imp.expected) {
            tally.partial++;
            unexpected++;
            problem(`${kind} ${imp.tag} was half applied: ${found} of ${imp.expected} rows stored`);
          } else if (imp.state === 'acked' && found === 0) {
            lost++;
            problem(`${kind} ${imp.tag} was acknowledged but none of its ${imp.expected} rows is stored`);
          }
        }
      };
      checkImports(
        'agenda import',
        agendaImports,
        countTags('SELECT i.title AS text FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.body_id = ?', /\[A \d+\]$/),
        ops.agendaImports,
      );
      checkImports(
        'Teams import',
        teamsImports,
        countTags("SELECT a.name AS text FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.body_id = ? AND a.category <> 'member'", /\[T \d+\]$/),
        ops.teamsImports,
      );
      for (const close of closes) {
        const row = db.prepare('SELECT closed_at AS closedAt FROM meeting WHERE id = ?').get(close.meetingId) as { closedAt: string | null } | undefined;
        if (close.state === 'acked') ops.closes.acknowledged++;
        else ops.closes.inFlight++;
        if (close.state === 'acked' && !row?.closedAt) {
          lost++;
          problem(`meeting ${close.meetingId} was closed (acknowledged) but is open again`);
        }
      }
    } finally {
      db.close();
    }
    const checkBackups = (when: string) => {
      const listed = listBackups(dbFile);
      backupFiles.listed = listed.length;
      backupFiles.closeBackups = listed.filter((b) => b.reason === 'meeting-closed').length;
      for (const backup of listed) {
        let verdict = backup.ok ? 'ok' : 'its header is not whole';
        if (backup.ok) {
          try {
            const copy = new Database(backup.file, { readonly: true, fileMustExist: true });
            try {
              verdict = (copy.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
            } finally {
              copy.close();
            }
          } catch (error) {
            verdict = (error as Error).message;
          }
        }
        if (verdict !== 'ok') {
          backupFiles.bad++;
          problem(`${when}: the app lists the backup ${basename(backup.file)}, which is not whole (${verdict.slice(0, 200)})`);
        }
      }
      return listed;
    };
    {
      const listed = checkBackups('after the edits and imports');
      if (lastManualBackup && !listed.some((b) => basename(b.file) === lastManualBackup)) {
        lost++;
        problem(`the acknowledged backup ${lastManualBackup} is not listed`);
      }
    }

    /* ---- Phase 2: backups and restores, killed ---- */
    const unresolved: { states: RestoreState[] | null } = { states: null };
    let restoreState: RestoreState | null = null;
    let restoreMeetings: { marker: number; approved: number } | null = null;
    if (restoreKills > 0) {
      host = await startHost(launcher, dataDir);
      resume();
      // Retention would prune the backup from before the approval among the many made here; keep them all, as a clerk can.
      await must('settings.update', { patch: { backupKeep: 500 } });
      const rBody = await must<{ id: number }>('bodies.create', { name: 'Crash Test Restore Panel', kind: 'Panel' });
      const approvedMeeting = await must<{ id: number }>('meetings.create', { bodyId: rBody.id, date: '2024-04-01', startTime: '10:00', venue: 'Approved hall' });
      // Minutes the checks pass (a meeting not started has no chair or close time to check; its item is minuted), so they can be approved.
      const [budget] = await must<{ id: number }[]>('agendaItems.create', { meetingId: approvedMeeting.id, title: 'Budget monitoring' });
      await must('entries.create', { meetingId: approvedMeeting.id, agendaItemId: budget!.id, kind: 'resolution', text: 'That the report be noted.', time: '10:30' });
      const markerMeeting = await must<{ id: number }>('meetings.create', { bodyId: rBody.id, date: '2024-09-01', startTime: '10:00', venue: 'Marker 0' });
      restoreMeetings = { marker: markerMeeting.id, approved: approvedMeeting.id };
      const beforeApproval = await must<{ name: string }>('backups.create', {});
      const draftState: RestoreState = { marker: 'Marker 0', status: 'draft', versions: 0 };
      await must('minutes.setStatus', { meetingId: approvedMeeting.id, status: 'approved' });
      let state: RestoreState = { marker: 'Marker 0', status: 'approved', versions: 1 };
      const backupStates = new Map<string, RestoreState>([[beforeApproval.name, draftState]]);

      const readState = async (): Promise<RestoreState | null> => {
        const m = await read<{ venue: string }>('meetings.get', { meetingId: markerMeeting.id });
        const a = await read<{ minutesStatus: string }>('meetings.get', { meetingId: approvedMeeting.id });
        const v = await read<unknown[]>('minutes.versions', { meetingId: approvedMeeting.id });
        return m && a && v ? { marker: m.venue, status: a.minutesStatus, versions: v.length } : null;
      };
      const same = (a: RestoreState, b: RestoreState) => a.marker === b.marker && a.status === b.status && a.versions === b.versions;
      const undoes = (now: RestoreState, then: RestoreState) => now.status !== 'draft' && (then.status !== now.status || then.versions < now.versions);
      /**
       * One call of the restore loop: `after` is the state an ok answer means, `refused` says a conflict
       * is the right answer (then nothing may change). A call cut off by a kill must leave the state it
       * found or the one it asked for, nothing in between. False when stopping.
       */
      const step = async (name: string, input: unknown, after: RestoreState, tally: OperationTally | null, refused = false): Promise<Answer | null> => {
        const before = state;
        const answer = await send(name, input, refused ? ['conflict'] : []);
        if (!answer) return null;
        if (answer.kind === 'ok') {
          if (refused) problem(`${name} ${JSON.stringify(input)} should have been refused (it would undo approved minutes) but answered ok`);
          state = after;
          if (tally) tally.acknowledged++;
        } else if (answer.kind === 'error') {
          if (refused && answer.code === 'conflict') ops.restoreRefusals++;
          const now = await readState();
          if (!now) {
            unresolved.states = [before];
            return null;
          }
          if (!same(now, before)) problem(`${name} was refused (${answer.code}) but changed the data: ${JSON.stringify(before)} became ${JSON.stringify(now)}`);
          state = now;
        } else {
          if (tally) tally.inFlight++;
          const allowed = refused ? [before] : [before, after];
          const now = await readState();
          if (!now) {
            unresolved.states = allowed;
            return null;
          }
          if (!allowed.some((s) => same(s, now))) {
            if (tally) tally.partial++;
            unexpected++;
            problem(`${name} cut off by a kill left ${JSON.stringify(now)}; expected ${allowed.map((s) => JSON.stringify(s)).join(' or ')}`);
          }
          state = now;
        }
        return answer;
      };
      const restoreLoop = async () => {
        for (let n = 1; !stopped; n++) {
          const marked = { ...state, marker: `Marker ${n}` };
          if (!(await step('meetings.update', { meetingId: markerMeeting.id, patch: { venue: marked.marker } }, marked, null))) return;
          const snapshot = state;
          const made = await step('backups.create', {}, state, ops.backups);
          if (!made) return;
          if (made.kind === 'ok') backupStates.set((made.value as { name: string }).name, snapshot);
          const moved = { ...state, marker: `Marker ${n} after` };
          if (!(await step('meetings.update', { meetingId: markerMeeting.id, patch: { venue: moved.marker } }, moved, null))) return;
          // Back to the backup just made (or, every third round, the one from before the approval: refused unless confirmed).
          const fromBefore = n % 3 === 0;
          const name = fromBefore || made.kind !== 'ok' ? beforeApproval.name : (made.value as { name: string }).name;
          const target = backupStates.get(name)!;
          const confirm = fromBefore && n % 2 === 0;
          if (!(await step('backups.restore', { name, acceptUndone: confirm }, target, ops.restores, !confirm && undoes(state, target)))) return;
          if (state.status === 'draft') {
            // Approve again, so later restores have approved minutes to protect.
            const approved: RestoreState = { ...state, status: 'approved', versions: state.versions + 1 };
            const answer = await step('minutes.setStatus', { meetingId: approvedMeeting.id, status: 'approved' }, approved, null);
            if (!answer) return;
            if (answer.kind === 'ok') ops.approvals++;
          }
        }
      };
      const restoreLoops = [restoreLoop()];
      const longer = { min: Math.max(minDelay, 50), max: Math.max(maxDelay * 2, 100) };
      await killRounds(restoreKills, 'backups and restores', longer, false);
      await stopLoops(restoreLoops);
      restoreState = state;
    }

    /* ---- Phase 3: typing in a real Chromium page, killed at the last key ---- */
    if (typingRounds > 0) {
      host = await startHost(launcher, dataDir);
      resume();
      typing = await typeAndKill(typingRounds, {
        host: () => host!,
        restart: async () => {
          await killHost(host!);
          host = await startHost(launcher, dataDir);
        },
        log,
        problem,
      });
      await killHost(host);
      host = undefined;
    }

    /* ---- The app itself opens the file again ---- */
    let reopened = false;
    try {
      host = await startHost(launcher, dataDir);
      const info = await post(host, 'meetings.get', { meetingId: meeting.id });
      reopened = info.kind === 'ok';
      if (!reopened) problem(`after the last kill, meetings.get answered ${JSON.stringify(info).slice(0, 200)}`);
      if (restoreMeetings && restoreState) {
        // What the restore loop's last call left (it may have been cut off by the last kill).
        const m = await post(host, 'meetings.get', { meetingId: restoreMeetings.marker });
        const a = await post(host, 'meetings.get', { meetingId: restoreMeetings.approved });
        const v = await post(host, 'minutes.versions', { meetingId: restoreMeetings.approved });
        if (m.kind === 'ok' && a.kind === 'ok' && v.kind === 'ok') {
          const now: RestoreState = { marker: (m.value as { venue: string }).venue, status: (a.value as { minutesStatus: string }).minutesStatus, versions: (v.value as unknown[]).length };
          const allowed: RestoreState[] = unresolved.states ?? [restoreState];
          if (!allowed.some((s) => s.marker === now.marker && s.status === now.status && s.versions === now.versions)) {
            unexpected++;
            problem(`after the last restore kill the data is ${JSON.stringify(now)}; expected ${allowed.map((s) => JSON.stringify(s)).join(' or ')}`);
          }
        } else problem('after the last kill the restore panel could not be read');
      }
    } catch (error) {
      problem(`after the last kill the host would not start: ${(error as Error).message.slice(0, 500)}`);
    } finally {
      if (host) await killHost(host);
      host = undefined;
    }
    {
      const final = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        checkFile(final, 'at the end');
      } finally {
        final.close();
      }
      checkBackups('at the end');
      // Files a kill cut off while writing a backup: the app never lists them; the next start should remove them.
      try {
        backupFiles.partialLeftovers = readdirSync(backupsDir(dbFile)).filter((f) => /\.partial(-wal|-shm|-journal)?$/.test(f)).length;
      } catch {
        backupFiles.partialLeftovers = 0;
      }
    }

    const typingPassed = typingRounds === 0 || (typing.rounds === typingRounds && typing.lostBeforeLastSecond === 0 && typing.kept > 0);
    // The loops must really have worked between the kills (more acknowledged changes than kills), or nothing was tested.
    const passed =
      lost === 0 &&
      unexpected === 0 &&
      integrity === 'ok' &&
      foreignKeyProblems === 0 &&
      errorAnswers === 0 &&
      reopened &&
      acknowledgedEdits > editKills &&
      backupFiles.bad === 0 &&
      typingPassed &&
      problems.length === 0;
    return {
      kills: options.kills,
      editKills,
      restoreKills,
      seed,
      acknowledged,
      inFlight,
      lost,
      integrity,
      foreignKeyProblems,
      unexpected,
      errorAnswers,
      expectedRefusals,
      operations: ops,
      backupFiles,
      typing,
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

/* ------------------------------------------------------------------ */
/* Typing through the renderer, killed at the last key                 */
/* ------------------------------------------------------------------ */

/** Words typed in each typing round: 66 characters, a key every TYPING_KEY_MS (about 10 s). */
export const TYPED_WORDS = 'Members noted the update and asked officers to report in September';
export const TYPING_KEY_MS = 150;
/** What may be lost: the keys typed in the last second before the kill. */
export const TYPING_ALLOWED_LOSS_MS = 1_000;

export interface TypingRound {
  typed: number;
  kept: number;
  /** Keys typed in the last second before the kill that are not stored (allowed). */
  lostInLastSecond: number;
  /** Keys typed earlier than that which are not stored (must be 0). */
  lostBeforeLastSecond: number;
  /** What was stored, when it is not what was typed up to some point. */
  mismatch?: string;
}

export interface TypingReport {
  rounds: number;
  typed: number;
  kept: number;
  lostInLastSecond: number;
  lostBeforeLastSecond: number;
  perRound: TypingRound[];
}

/**
 * Compares what was stored with what was typed, key by key: the stored text must be what was typed
 * up to some key (the service trims the ends, so a space typed last may be missing); the keys after it
 * are lost, and each counts as typed in the last second before the kill or earlier.
 */
export function typingLoss(typed: string, keyTimes: readonly number[], killedAt: number, stored: string): TypingRound {
  const round: TypingRound = { typed: typed.length, kept: 0, lostInLastSecond: 0, lostBeforeLastSecond: 0 };
  if (!typed.startsWith(stored) || (stored.length > 0 && stored !== stored.trim())) {
    round.mismatch = stored.slice(0, 200);
    round.lostBeforeLastSecond = typed.length;
    return round;
  }
  round.kept = stored.length;
  for (let i = stored.length; i < typed.length; i++) {
    if (/\s/.test(typed[i]!) && i === stored.length) continue; // the trimmed space just after what was stored
    if (killedAt - keyTimes[i]! <= TYPING_ALLOWED_LOSS_MS) round.lostInLastSecond++;
    else round.lostBeforeLastSecond++;
  }
  return round;
}

interface TypingHooks {
  host(): { origin: string; token: string };
  /** SIGKILLs the host at once and starts it again. */
  restart(): Promise<void>;
  log(line: string): void;
  problem(line: string): void;
}

/**
 * `rounds` times: a meeting under way with one item taken up, opened on the Live tab of the real
 * renderer in Chromium; a paragraph is typed a key every TYPING_KEY_MS, and the host is SIGKILLed at
 * the last key. After the restart the stored paragraph is compared with what was typed.
 */
async function typeAndKill(rounds: number, hooks: TypingHooks): Promise<TypingReport> {
  const { chromium } = await import('@playwright/test');
  const report: TypingReport = { rounds: 0, typed: 0, kept: 0, lostInLastSecond: 0, lostBeforeLastSecond: 0, perRound: [] };
  const browser = await chromium.launch({ executablePath: systemChromium(), args: [...CHROMIUM_ARGS] });
  try {
    const must = async <T>(name: string, input: unknown): Promise<T> => {
      const answer = await post(hooks.host(), name, input);
      if (answer.kind !== 'ok') throw new Error(`Typing round: ${name} failed: ${JSON.stringify(answer).slice(0, 300)}`);
      return answer.value as T;
    };
    const body = await must<{ id: number }>('bodies.create', { name: 'Crash Test Typing Board', kind: 'Board' });
    for (let round = 1; round <= rounds; round++) {
      const meeting = await must<{ id: number }>('meetings.create', { bodyId: body.id, date: '2024-08-01', startTime: '10:00', venue: `Typing ${round}` });
      const [item] = await must<{ id: number }[]>('agendaItems.create', { meetingId: meeting.id, title: 'Serious Violence Duty' });
      await must('meetings.start', { meetingId: meeting.id, time: '10:00' });
      await must('meetings.takeItem', { meetingId: meeting.id, itemId: item!.id, time: '10:05' });

      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      try {
        const { origin, token } = hooks.host();
        await page.goto(`${origin}/?token=${token}#/meetings/${meeting.id}`);
        await page.getByRole('tab', { name: 'Live meeting' }).waitFor({ state: 'visible', timeout: 15_000 });
        await page.keyboard.press('Alt+1');
        await page.keyboard.press('Alt+P');
        const field = page.getByTestId('item-minute').getByTestId('paragraph-row').first().locator('textarea');
        await field.waitFor({ state: 'visible', timeout: 10_000 });
        if (!(await field.evaluate((el) => el === document.activeElement))) await field.focus();

        const keyTimes: number[] = [];
        let nextAt = Date.now();
        for (const key of TYPED_WORDS) {
          await sleep(nextAt - Date.now());
          await page.keyboard.type(key);
          keyTimes.push(Date.now());
          nextAt += TYPING_KEY_MS;
        }
        const killedAt = Date.now();
        await hooks.restart();
        const record = await must<{ entries: { text: string }[] }>('meetings.get', { meetingId: meeting.id });
        const stored = record.entries[0]?.text ?? '';
        const result = typingLoss(TYPED_WORDS, keyTimes, killedAt, stored);
        if (result.mismatch !== undefined) hooks.problem(`typing round ${round}: stored "${result.mismatch}", which is not what was typed`);
        else if (result.lostBeforeLastSecond) hooks.problem(`typing round ${round}: ${result.lostBeforeLastSecond} keys typed more than a second before the kill were lost (stored "${stored}")`);
        hooks.log(`typing round ${round}/${rounds}: typed ${result.typed}, kept ${result.kept}, lost in the last second ${result.lostInLastSecond}, earlier ${result.lostBeforeLastSecond}`);
        report.perRound.push(result);
        report.rounds++;
        report.typed += result.typed;
        report.kept += result.kept;
        report.lostInLastSecond += result.lostInLastSecond;
        report.lostBeforeLastSecond += result.lostBeforeLastSecond;
      } finally {
        await context.close().catch(() => {});
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
  return report;
}

export function formatCrashReport(r: CrashTestReport): string {
  const o = r.operations;
  const tally = (t: OperationTally) => `${t.acknowledged} acknowledged, ${t.inFlight} cut off${t.partial ? `, ${t.partial} HALF APPLIED` : ', none half applied'}`;
  const t = r.typing;
  const lines = [
    `Crash test (seed ${r.seed}, ${(r.durationMs / 1000).toFixed(1)} s)`,
    `  kills (SIGKILL):            ${r.kills} (${r.editKills} during edits and imports, ${r.restoreKills} during backups and restores)${t.rounds ? ` + ${t.rounds} at the last key typed` : ''}`,
    `  acknowledged changes:       ${r.acknowledged}`,
    `  cut off in flight:          ${r.inFlight}`,
    `  changes lost:               ${r.lost}`,
    `  never-sent rows/values:     ${r.unexpected}`,
    `  error answers:              ${r.errorAnswers}${r.expectedRefusals ? ` (and ${r.expectedRefusals} refusals that were right)` : ''}`,
    `  agenda imports (.docx):     ${tally(o.agendaImports)}`,
    `  Teams imports:              ${tally(o.teamsImports)}`,
    `  meetings closed:            ${o.closes.acknowledged} acknowledged, ${o.closes.inFlight} cut off`,
    `  backups made:               ${tally(o.backups)}`,
    `  restores:                   ${tally(o.restores)}; ${o.restoreRefusals} refused as undoing approved minutes; approved again ${o.approvals} times`,
    `  backups listed at the end:  ${r.backupFiles.listed} (${r.backupFiles.closeBackups} on closing), ${r.backupFiles.bad} not whole; cut-off files left in the folder: ${r.backupFiles.partialLeftovers}`,
    t.rounds
      ? `  typing in Chromium:         ${t.rounds} rounds, ${t.typed} characters typed, ${t.kept} kept; lost: ${t.lostInLastSecond} from the last second, ${t.lostBeforeLastSecond} from earlier`
      : '  typing in Chromium:         not run',
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

const USAGE = `Usage: npm run crash-test -- --kills N [--typing-rounds R] [--seed S] [--min-delay MS] [--max-delay MS] [--runner bundle|tsx] [--keep] [--quiet]
  --kills N      how many times to SIGKILL the browser host during API calls (positive integer, required)
  --typing-rounds R  rounds of typing in Chromium, each killed at the last key (default 3; 0 = none)
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
  const valueFlags = ['kills', 'typing-rounds', 'seed', 'min-delay', 'max-delay', 'runner'];
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
  return { kills, typingRounds: int('typing-rounds', 0), seed: int('seed', 0), minDelayMs, maxDelayMs, runner, keep: switches.has('keep'), quiet: switches.has('quiet') };
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
