/**
 * The service layer: binds every call in the contract to its handler,
 * validates input with the call's schema, and runs each call in one
 * transaction. Both transports (Electron IPC, browser host) use dispatch().
 */
import { ASYNC_CALLS, contract, isCallName, RUNTIME_CALLS, type CallName } from '../../shared/contract';
import { gatherExport, renderExport, type ExportSource } from '../export/documents';
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
import type { Handlers, ServiceContext } from './context';
import { meetingHandlers } from './meetings';
import { memberHandlers } from './members';
import { actionLogHandlers, minutingHandlers } from './minuting';
import { approvalHandlers } from './approval';
import { searchHandlers } from './search';
import { callReadTeams, importHandlers, readAgenda } from './imports';
import { settingsHandlers } from './settings';
import { loadMeetingRow } from './meetings';
import { phraseHandlers } from './phrases';

const handlers: Handlers<Exclude<CallName, (typeof ASYNC_CALLS)[number] | (typeof RUNTIME_CALLS)[number] | 'demo.load'>> = {
  'app.info': (_input, ctx) => ({
    version: ctx.version,
    dataFile: ctx.store.file,
    schemaVersion: LATEST_SCHEMA_VERSION,
    transport: ctx.transport,
  }),
  ...bodyHandlers,
  ...memberHandlers,
  ...meetingHandlers,
  ...agendaItemHandlers,
  ...liveMeetingHandlers,
  ...attendanceHandlers,
  ...declarationHandlers,
  ...minutingHandlers,
  ...phraseHandlers,
  ...approvalHandlers,
  ...actionLogHandlers,
  ...searchHandlers,
  ...importHandlers,
  ...settingsHandlers,
};

export interface Services {
  /** Every synchronous call: validated, run in one transaction, answered at once. */
  dispatch(name: unknown, input: unknown): Result<unknown>;
  /** Every call, including those that write a file after their transaction. The transports use this. */
  call(name: unknown, input: unknown): Promise<Result<unknown>>;
  context: ServiceContext;
}

export function createServices(store: Store, options: Partial<Omit<ServiceContext, 'store'>> = {}): Services {
  const context: ServiceContext = {
    store,
    now: options.now ?? (() => new Date()),
    transport: options.transport ?? 'browser-host',
    version: options.version ?? '0.0.0',
    window: options.window,
  };

  function dispatch(name: unknown, input: unknown): Result<unknown> {
    if (!isCallName(name)) return fail('unknown_call', `There is no API call named ${JSON.stringify(String(name)).slice(0, 80)}`);
    if ((ASYNC_CALLS as readonly string[]).includes(name)) return fail('invalid_input', `${name} writes a file: it is answered by services.call(), not dispatch()`);
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
    // SQLite would store a lone UTF-16 surrogate as invalid UTF-8: refuse it for every call, in every field.
    const broken = findLoneSurrogate(parsed.data);
    if (broken !== null) return fail('invalid_input', `${broken}: contains an invalid character (a lone UTF-16 surrogate)`);
    if ((RUNTIME_CALLS as readonly string[]).includes(name)) {
      return fail('unavailable', `${name} is answered by the running app (desktop or browser host), which owns the database file`);
    }
    const handler = handlers[name as keyof typeof handlers] as (input: unknown, ctx: ServiceContext) => unknown;
    try {
      return ok(store.transaction(() => handler(parsed.data, context)));
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.message);
      const message = (error as Error)?.message ?? String(error);
      if (/constraint failed/i.test(message)) return fail('invalid_input', `The change was refused by a data rule: ${message}`);
      return fail('internal', `Unexpected error in ${name as CallName}: ${message}`);
    }
  }

  /** The demo is made through the API itself, all in one transaction (each call a savepoint inside it). */
  function loadDemo(): Result<unknown> {
    try {
      return ok(store.transaction(() => seedDemoMeeting(services)));
    } catch (error) {
      return fail('internal', `The demo meeting could not be made: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  async function callAny(name: unknown, input: unknown): Promise<Result<unknown>> {
    if (name === 'import.readAgenda') {
      const parsed = contract[name].input.safeParse(input ?? {});
      if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
      try {
        store.transaction(() => loadMeetingRow(context, parsed.data.meetingId));
        return ok(await readAgenda(parsed.data.source));
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code, error.message);
        return fail('internal', `The agenda could not be read: ${(error as Error)?.message ?? String(error)}`);
      }
    }
    if (name === 'import.readTeams') return callReadTeams(input, context);
    if (name !== 'exports.build') return services.dispatch(name, input);
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
    let source: ExportSource;
    try {
      source = store.transaction(() => gatherExport(context, parsed.data.meetingId, parsed.data.document));
    } catch (error) {
      if (error instanceof DomainError) return fail(error.code, error.message);
      return fail('internal', `Unexpected error in ${name}: ${(error as Error)?.message ?? String(error)}`);
    }
    try {
      return ok(await renderExport(source));
    } catch (error) {
      return fail('internal', `The Word document could not be written: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  const services: Services = {
    dispatch: (name, input) => (name === 'demo.load' && isCallName(name) && contract[name].input.safeParse(input ?? {}).success ? loadDemo() : dispatch(name, input)),
    call: callAny,
    context,
  };
  return services;
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
