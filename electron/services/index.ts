/**
 * The service layer: every call in the contract bound to its handler and run
 * through one path (execute): its input parsed with the call's schema, the
 * lock on approved minutes checked for the meetings the registry says it
 * touches, the handler run in one transaction (reads on a database that
 * refuses writes), and errors mapped to a Result. Both transports (Electron
 * IPC, browser host) use it.
 */
import { contract, isCallName, type CallName, type ParsedInput } from '../../shared/contract';
import { gatherExport, renderExport, type ExportSource } from '../export/documents';
import { publishCall, type PublishInput } from '../export/publish';
import { seedDemoMeeting } from '../demo/demo-meeting';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import { describeIssues } from '../../shared/schemas';
import type { Store } from '../store/open-store';
import { LATEST_SCHEMA_VERSION } from '../store/migrations';
import { agendaItemHandlers } from './agenda-items';
import { attendanceHandlers } from './attendance';
import { declarationHandlers } from './declarations';
import { liveMeetingHandlers } from './live-meeting';
import { bodyHandlers } from './bodies';
import { readOnlyDb, type ReadableDb, type ReadContext, type ServiceContext } from './context';
import { assertMinutesOpen, freezeUnfrozen } from './guards';
import { loadMeetingRow } from './lookups';
import { loadRecord } from './meeting-record';
import { meetingHandlers } from './meetings';
import { memberHandlers } from './members';
import { actionLogHandlers, minutingHandlers } from './minuting';
import { approvalHandlers, versionHandlers } from './approval';
import { confirmationHandlers, confirmationReadHandlers } from './confirmation';
import { searchHandlers } from './search';
import { importHandlers, readAgenda, readTeams } from './imports';
import { pastMinutesHandlers, readPastMinutes } from './past-minutes';
import { settingsHandlers, settingsReadHandlers } from './settings';
import { phraseHandlers } from './phrases';
import { coveringNote, planSend, readReply, recordSend, reviewHandlers, reviewReadHandlers, writeReviewCopy } from './review';
import { DOCX_MIME } from '../export/documents';
import { buildRegistry, type CallRegistry, type CallSpec } from './registry';
import { setWordTemplate } from './word-templates';

type Handler = (input: unknown, ctx: ServiceContext) => unknown;

/** Every handler, by call name; a name given twice throws (a later spread would silently replace the first). */
function collectHandlers(...groups: Record<string, unknown>[]): Map<string, Handler> {
  const all = new Map<string, Handler>();
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (all.has(name)) throw new Error(`Two handlers are registered for ${name}`);
      all.set(name, handler as Handler);
    }
  }
  return all;
}

const appHandlers = {
  'app.info': (_input: unknown, ctx: ReadContext) => ({
    version: ctx.version,
    dataFile: ctx.store.file,
    schemaVersion: LATEST_SCHEMA_VERSION,
    transport: ctx.transport,
  }),
};

export const registry: CallRegistry = buildRegistry();

const handlers = collectHandlers(
  appHandlers,
  bodyHandlers,
  memberHandlers,
  meetingHandlers,
  agendaItemHandlers,
  liveMeetingHandlers,
  attendanceHandlers,
  declarationHandlers,
  minutingHandlers,
  phraseHandlers,
  approvalHandlers,
  confirmationHandlers,
  confirmationReadHandlers,
  versionHandlers,
  actionLogHandlers,
  searchHandlers,
  importHandlers,
  pastMinutesHandlers,
  settingsHandlers,
  settingsReadHandlers,
  reviewHandlers,
  reviewReadHandlers,
);
for (const spec of registry.all()) {
  const needsHandler = spec.mode === 'read' || (spec.mode === 'write' && spec.name !== 'demo.load');
  if (needsHandler && !handlers.has(spec.name)) throw new Error(`The call ${spec.name} has no handler`);
  if (!needsHandler && handlers.has(spec.name)) throw new Error(`The call ${spec.name} is answered elsewhere but has a handler too`);
}

/** SQLite's own error codes, in words a clerk can act on. The error's text is never matched. */
export function mapError(name: string, error: unknown): Result<never> {
  if (error instanceof DomainError) return fail(error.code, error.message);
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : '';
  const message = (error as Error)?.message ?? String(error);
  if (code.startsWith('SQLITE_CONSTRAINT')) return fail('invalid_input', `The change was refused by a data rule: ${message}`);
  if (code === 'SQLITE_FULL') return fail('storage', 'Not saved: the disk is full. Free some space and the change will be saved again; your words are kept on screen.');
  if (code.startsWith('SQLITE_READONLY')) {
    return fail('storage', 'Not saved: the database file is read-only. Check that the data folder can be written to (and is not a read-only drive).');
  }
  if (code.startsWith('SQLITE_IOERR')) return fail('storage', 'Not saved: the disk could not be written (an input/output error). Check the drive; your words are kept on screen.');
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY')) return fail('unavailable', 'Not saved: the database is busy. The change will be tried again.');
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return fail('storage', 'Not saved: the database file is damaged. Restore a backup from the Backups screen.');
  }
  return fail('internal', `Unexpected error in ${name}: ${message}`);
}

/** Words for a field's name in a message: exemptParagraph → "exempt paragraph". */
const fieldWords = (key: string) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};
/** Whether a stored value is still what the caller's copy had; for an object (the house style), only the parts the caller gave. */
function stillAsWas(stored: unknown, was: unknown): boolean {
  if (was !== null && typeof was === 'object' && !Array.isArray(was) && stored !== null && typeof stored === 'object') {
    return Object.entries(was).every(([key, value]) => stillAsWas((stored as Record<string, unknown>)[key], value));
  }
  return JSON.stringify(stored ?? null) === JSON.stringify(was ?? null);
}

/**
 * A save that says what its fields were (`was`) is refused when another
 * window changed one of them meanwhile, saying which and what it now reads.
 */
function checkWas(spec: CallSpec, input: unknown, db: ReadableDb): void {
  const { was, patch } = input as { was?: Record<string, unknown>; patch?: Record<string, unknown> };
  if (!was || !spec.versioned) return;
  for (const key of Object.keys(was)) {
    if (!patch || !(key in patch)) throw new DomainError('invalid_input', `was.${key}: only the fields being changed can be compared`);
  }
  const current = spec.versioned.current(db, spec.versioned.id(input as never));
  if (!current) return;
  for (const [key, old] of Object.entries(was)) {
    if (!stillAsWas(current[key], old)) {
      throw new DomainError(
        'conflict',
        `${spec.versioned.what}: its ${fieldWords(key)} was changed in another window after this copy was opened, so this save was refused rather than overwrite it. It now reads: “${shown(current[key])}”. Your own words are kept for you to save again.`,
      );
    }
  }
}

export interface Services {
  /** Every synchronous call: validated, run in one transaction, answered at once. */
  dispatch(name: unknown, input: unknown): Result<unknown>;
  /** Every call, including those that write a file after their transaction. The transports use this. */
  call(name: unknown, input: unknown): Promise<Result<unknown>>;
  context: ServiceContext;
}

/** Parses a call's input with its schema; refuses lone surrogates, which SQLite would store as invalid UTF-8. */
export function parseInput(name: CallName, input: unknown): Result<unknown> {
  const parsed = contract[name].input.safeParse(input ?? {});
  if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
  const broken = findLoneSurrogate(parsed.data);
  if (broken !== null) return fail('invalid_input', `${broken}: contains an invalid character (a lone UTF-16 surrogate)`);
  return ok(parsed.data);
}

export function createServices(store: Store, options: Partial<Omit<ServiceContext, 'store'>> = {}): Services {
  const context: ServiceContext = {
    store,
    now: options.now ?? (() => new Date()),
    transport: options.transport ?? 'browser-host',
    version: options.version ?? '0.0.0',
    window: options.window,
  };
  const readDb = readOnlyDb(store.db);
  const readContext: ReadContext = { ...context, store: { db: readDb, file: store.file } };

  /** Runs a write: the lock checked for every meeting it touches, then the handler; all in the caller's transaction. */
  function runWrite(name: CallName, input: unknown, run: () => unknown): unknown {
    const spec = registry.get(name)!;
    const effects = spec.effects!(input as never, readDb);
    if (!spec.locks || spec.locks(input as never)) for (const meetingId of effects.meetings) assertMinutesOpen(readContext, meetingId);
    checkWas(spec, input, readDb);
    const base = (input as { baseVersion?: number }).baseVersion;
    if (spec.versioned && base !== undefined) {
      const { table, text } = spec.versioned;
      const row = readDb.prepare(`SELECT version${text ? `, ${text} AS text` : ''} FROM ${table} WHERE id = ?`).get(spec.versioned.id(input as never)) as
        | { version: number; text?: string }
        | undefined;
      if (row && row.version !== base) {
        const now = row.text !== undefined ? ` It now reads: “${row.text.length > 300 ? `${row.text.slice(0, 300)}…` : row.text}”.` : '';
        throw new DomainError(
          'conflict',
          `${spec.versioned.what} was changed in another window after this copy was opened, so this save was refused rather than overwrite that change.${now} Your own words are kept for you to save again.`,
        );
      }
    }
    const value = run();
    const now = context.now().toISOString();
    const touch = store.db.prepare('UPDATE meeting SET updated_at = ? WHERE id = ?');
    for (const meetingId of [...effects.meetings, ...(effects.statusOf ?? [])]) touch.run(now, meetingId);
    return value;
  }

  function execute(name: unknown, input: unknown): Result<unknown> {
    if (!isCallName(name)) return fail('unknown_call', `There is no API call named ${JSON.stringify(String(name)).slice(0, 80)}`);
    const spec = registry.get(name)!;
    if (spec.mode === 'async') return fail('invalid_input', `${name} is answered asynchronously (a file is written or read): by services.call(), not dispatch()`);
    const parsed = parseInput(name, input);
    if (!parsed.ok) return parsed;
    if (spec.mode === 'runtime') {
      return fail('unavailable', `${name} is answered by the running app (desktop or browser host), which owns the database file`);
    }
    try {
      if (spec.mode === 'read') return ok(store.read(() => (handlers.get(name)! as (i: unknown, c: ReadContext) => unknown)(parsed.value, readContext)));
      if (name === 'demo.load') return ok(store.transaction(() => runWrite(name, parsed.value, () => seedDemoMeeting((n, i) => nested(n, i)))));
      return ok(store.transaction(() => runWrite(name, parsed.value, () => handlers.get(name)!(parsed.value, context))));
    } catch (error) {
      return mapError(name, error);
    }
  }

  /** A call made inside another's transaction (the demo is made through the API itself): a savepoint each, errors thrown. */
  function nested(name: CallName, input: unknown): unknown {
    const result = execute(name, input);
    if (!result.ok) throw new DomainError(result.error.code, `${name}: ${result.error.message}`);
    return result.value;
  }

  async function call(name: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isCallName(name) || registry.get(name)!.mode !== 'async') return execute(name, input);
    const parsed = parseInput(name, input);
    if (!parsed.ok) return parsed;
    if (name === 'import.readAgenda') {
      const data = parsed.value as { meetingId: number; source: Parameters<typeof readAgenda>[0] };
      try {
        store.read(() => loadMeetingRow(readContext, data.meetingId));
        return ok(await readAgenda(data.source));
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code, error.message);
        return fail('internal', `The agenda could not be read: ${(error as Error)?.message ?? String(error)}`);
      }
    }
    if (name === 'bodies.setWordTemplate') {
      const data = parsed.value as ParsedInput<'bodies.setWordTemplate'>;
      return setWordTemplate(
        data,
        readContext,
        store.read,
        // The write goes through the same path as every other: the registry's effects, the lock, one transaction.
        <T,>(work: (c: ServiceContext) => T): T => store.transaction(() => runWrite(name, data, () => work(context)) as T),
        (error) => mapError(name, error),
      );
    }
    if (name === 'import.readPastMinutes') return readPastMinutes(parsed.value as ParsedInput<'import.readPastMinutes'>, readContext, store.read);
    if (name === 'import.readTeams') return readTeams(parsed.value as ParsedInput<'import.readTeams'>, readContext, store.read);
    if (name === 'review.readReply') return readReply(parsed.value as ParsedInput<'review.readReply'>, readContext, store.read);
    if (name === 'review.send') return sendForReview(parsed.value as ParsedInput<'review.send'>);
    if (name === 'exports.publish') {
      return publishCall(parsed.value as PublishInput, (work) => store.read(() => work(readContext)), (error) => mapError(name, error));
    }
    const data = parsed.value as { meetingId: number; document: Parameters<typeof gatherExport>[2] };
    let source: ExportSource;
    try {
      source = store.read(() => gatherExport(readContext, data.meetingId, data.document));
    } catch (error) {
      return mapError(name, error);
    }
    try {
      return ok(await renderExport(source));
    } catch (error) {
      return fail('internal', `The Word document could not be written: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  /**
   * review.send: what the copy holds is read in one transaction, the Word file written outside it, then
   * the send recorded (and the status moved) in a write transaction with the lock checked like any write.
   */
  async function sendForReview(input: ParsedInput<'review.send'>): Promise<Result<unknown>> {
    let plan: ReturnType<typeof planSend>;
    try {
      plan = store.read(() => planSend(readContext, input));
    } catch (error) {
      return mapError('review.send', error);
    }
    let bytes: Buffer;
    try {
      bytes = await writeReviewCopy(plan);
    } catch (error) {
      return fail('internal', `The review copy could not be written: ${(error as Error)?.message ?? String(error)}`);
    }
    try {
      const send = store.transaction(() => runWrite('review.send', input, () => recordSend(context, input, plan, bytes)));
      const record = store.read(() => loadRecordForReply(input.meetingId));
      return ok({
        send,
        file: { fileName: plan.fileName, mimeType: DOCX_MIME, base64: bytes.toString('base64') },
        note: coveringNote(record, input.chairName, input.chairEmail, plan.fileName),
        record,
      });
    } catch (error) {
      return mapError('review.send', error);
    }
  }
  const loadRecordForReply = (meetingId: number) => loadRecord(readContext, meetingId);

  // Minutes approved before their record was frozen (a database from an earlier version) are frozen now, once.
  store.transaction(() => freezeUnfrozen(context));

  return { dispatch: execute, call, context };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string holding a lone surrogate, or null. */
function findLoneSurrogate(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || 'input' : null;
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const hit = findLoneSurrogate(item, path ? `${path}.${key}` : key);
      if (hit !== null) return hit;
    }
  }
  return null;
}
