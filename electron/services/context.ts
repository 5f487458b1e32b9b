import type { Store } from '../store/open-store';
import type { CallName, CallOutput, ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/result';
import { clockTime } from '../../shared/format';

/** What a read may do with the database: prepare statements and read their rows. */
export interface ReadableStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown>;
}
export interface ReadableDb {
  prepare(sql: string): ReadableStatement;
}

/**
 * What a read call is given: a database that refuses any statement that
 * writes (see readOnlyDb), so a read path cannot change the record.
 */
export interface ReadContext {
  store: { db: ReadableDb; file: string };
  now: () => Date;
  transport: 'electron' | 'browser-host';
  version: string;
  window?: { setAlwaysOnTop(on: boolean): boolean };
}

export interface ServiceContext extends ReadContext {
  store: Store;
}

/** Calls that write: given the writable database, inside the call's transaction. */
export type Handlers<K extends CallName = CallName> = {
  [P in K]: (input: ParsedInput<P>, ctx: ServiceContext) => CallOutput<P>;
};

/** Calls that only read: given a database that refuses writes. */
export type ReadHandlers<K extends CallName = CallName> = {
  [P in K]: (input: ParsedInput<P>, ctx: ReadContext) => CallOutput<P>;
};

export const isoNow = (ctx: ReadContext) => ctx.now().toISOString();

export function notFound(what: string, id: number): never {
  throw new DomainError('not_found', `${what} ${id} does not exist`);
}

/** Builds "SET a = @a, b = @b" for the keys present in a validated patch. */
export function setClause(patch: Record<string, unknown>, columns: Record<string, string>): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    parts.push(`${column} = @${key}`);
    params[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  }
  return { sql: parts.join(', '), params };
}

/** A patch without keys sent as undefined (possible over Electron IPC): those change nothing. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The clerk's local clock as HH:MM, unless the call gave a time. */
export function stamp(ctx: ReadContext, given?: string): string {
  if (given) return given;
  return clockTime(ctx.now());
}

/**
 * The database as a read call sees it: every statement prepared is checked by
 * SQLite itself (better-sqlite3's `readonly`: the statement does not write),
 * and one that would write is refused before it runs.
 */
export function readOnlyDb(db: Store['db']): ReadableDb {
  return {
    prepare(sql: string) {
      const statement = db.prepare(sql);
      if (!statement.readonly) throw new Error(`A read call tried to write to the database: ${sql.trim().slice(0, 60)}`);
      return statement as unknown as ReadableStatement;
    },
  };
}
