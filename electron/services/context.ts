import type { Store } from '../store/open-store';
import type { CallName, CallOutput, ParsedInput } from '../../shared/contract';
import { DomainError } from '../../shared/result';

export interface ServiceContext {
  store: Store;
  /** Injectable clock so tests can pin timestamps. */
  now: () => Date;
  transport: 'electron' | 'browser-host';
  version: string;
  /** The desktop window, when there is one (Electron): keeps it on top of other windows. */
  window?: { setAlwaysOnTop(on: boolean): boolean };
}

export type Handlers<K extends CallName = CallName> = {
  [P in K]: (input: ParsedInput<P>, ctx: ServiceContext) => CallOutput<P>;
};

export const isoNow = (ctx: ServiceContext) => ctx.now().toISOString();

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
