/**
 * API fuzzer: `npm run fuzz -- --cases N [--seed S] [--http-share X]`.
 *
 * For every call in CALL_NAMES (read from shared/contract.ts, so new calls
 * are fuzzed without an edit here) it sends N inputs in-process through
 * createServices(openStore(tempfile)).dispatch, the same entry both
 * transports use:
 *  - junk: wrong types, 1 MB strings, unicode (RTL, emoji, combining marks,
 *    lone surrogates), nulls, NaN/Infinity, deep nesting, cycles, arrays for
 *    objects, prototype keys (__proto__, constructor, prototype), extra keys;
 *  - valid samples built from the call's zod schema against the seeded
 *    database (real ids, related to one meeting), so calls get past
 *    validation and exercise the services;
 *  - well-aimed samples for motions (recorded votes among them),
 *    declarations and exempt items, whose ids belong together, so these are
 *    really made, in numbers (FOCUSED_CALLS; the run must reach
 *    requiredReach(N) ok answers of each);
 *  - mutations of valid samples, one field at a time.
 * A share of the cases (--http-share, default 1 in 20) also goes through the
 * browser host (electron/host/server.ts) on the runtime the host itself uses
 * (startRuntime, on a data folder of its own): every fuzzed call once per
 * case over HTTP, and the calls only the running app answers, which the
 * in-process run skips (exports.build, import.readAgenda, recovery.status,
 * backups.*), with real and generated agendas (.docx and text) and Teams
 * reports as well as junk files, imports applied from what was read, and a
 * body that is not UTF-8, which must be refused with 400 and store nothing.
 * Each answer must be {ok:true,value} or {ok:false,error:{code,message}} with
 * a non-empty message, and must survive JSON.stringify (the browser host
 * sends it that way); a throw is a crash. Afterwards, for both databases:
 * integrity_check, foreign_key_check, an invariant scan of every row, and
 * "approved minutes unchanged": one seeded meeting is taken to published at
 * the start, and its minutes (public and exempt text, as exported) and
 * versions must be identical at the end (the amendment calls, the one
 * recorded way to change them, are never sent to it; a restore that would
 * undo it is only asked for unconfirmed, and must be refused).
 * The in-process part is deterministic for a given --seed (the service clock
 * is simulated too); the host part has its own random stream, and backups are
 * named by the real clock.
 */
import { invokedDirectly } from './invoked-directly';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { CALL_NAMES, contract, type CallName } from '../shared/contract';
import { checkMinutes } from '../shared/checks';
import { registry } from '../electron/services';

/** Calls left to the contract test (those answered asynchronously or by the running app, and the demo): see runFuzz. */
export const UNFUZZED_CALLS: readonly string[] = [
  ...registry
    .all()
    .filter((spec) => spec.mode === 'async' || spec.mode === 'runtime')
    .map((spec) => spec.name),
  'demo.load',
];
import { isValidIsoDate, isValidTime } from '../shared/format';
import { createServices, type Services } from '../electron/services';
import { openStore } from '../electron/store/open-store';
import { databaseFile } from '../electron/config/data-dir';
import { startHost, TOKEN_HEADER } from '../electron/host/server';
import { startRuntime } from '../electron/runtime';
import { backupsIdle, listBackups } from '../electron/store/backups';
import type { TeamsPreview } from '../shared/contract';
import type { ParsedAgenda } from '../shared/import/agenda-text';
import { buildMinutes, minutesToText } from '../shared/minutes/document';
import type { MeetingRecord } from '../shared/model';
import { EXPORT_DOCUMENTS } from '../shared/schemas';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/* ------------------------------------------------------------------ */
/* Options, report                                                     */
/* ------------------------------------------------------------------ */

export interface FuzzOptions {
  /** Inputs per call (positive integer). */
  cases: number;
  seed?: number;
  /** Only these calls (default: every call in the contract). */
  calls?: readonly string[];
  /** Share of the cases also sent through the HTTP host (0 to 1; default DEFAULT_HTTP_SHARE; 0 = none). */
  httpShare?: number;
  /** Keep the temporary database. */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface FuzzCrash {
  call: string;
  input: string;
  error: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  calls: number;
  callNames: number;
  ok: number;
  errors: number;
  /** Error answers by code. */
  errorCodes: Record<string, number>;
  /** Calls that answered ok at least once (got through validation and the service). */
  callsWithOk: string[];
  callsNeverOk: string[];
  /** ok answers per call. */
  okByCall: Record<string, number>;
  /** Thrown exceptions, malformed answers, answers JSON cannot carry. */
  crashes: number;
  crashSamples: FuzzCrash[];
  /** 'internal' answers: the service hit an unexpected exception (a bug, though typed). */
  internalErrors: number;
  internalSamples: FuzzCrash[];
  /** Refused by a database constraint rather than by validation or a rule in the service. */
  constraintRefusals: number;
  constraintSamples: FuzzCrash[];
  integrity: string;
  foreignKeyProblems: number;
  invalidRows: number;
  invalidByRule: Record<string, number>;
  invalidSamples: string[];
  /** Invariant checks that could not run (schema changed). */
  skippedChecks: string[];
  prototypePolluted: boolean;
  rowCounts: Record<string, number>;
  /** ok answers of both transports by what they made, against what the run must reach. */
  reached: { kind: string; ok: number; required: number }[];
  /** The published meeting's minutes and versions, in-process and through the host: null when unchanged. */
  approvedChanges: string[];
  http: HttpFuzzReport;
  durationMs: number;
  passed: boolean;
  file: string;
}

/** The share of cases sent through the HTTP host as well (1 in 20). */
export const DEFAULT_HTTP_SHARE = 0.05;

/* ------------------------------------------------------------------ */
/* Random                                                              */
/* ------------------------------------------------------------------ */

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
  };
}

/* ------------------------------------------------------------------ */
/* zod v4 introspection (only what we need, read from _zod.def)        */
/* ------------------------------------------------------------------ */

interface ZDef {
  type: string;
  shape?: Record<string, ZSchema>;
  innerType?: ZSchema;
  options?: ZSchema[];
  element?: ZSchema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: ZSchema;
  out?: ZSchema;
  getter?: () => ZSchema;
}
interface ZSchema {
  _zod: { def: ZDef; bag?: Record<string, unknown> };
  safeParse(input: unknown): { success: boolean };
}
const asZ = (schema: unknown) => schema as ZSchema;
const defOf = (schema: ZSchema) => schema._zod.def;
const bagNumber = (schema: ZSchema, key: string): number | undefined => {
  const value = schema._zod.bag?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/** Unwraps optional/default/nullable/pipe/lazy/readonly... to the schema that holds the shape. */
function unwrap(schema: ZSchema): ZSchema {
  for (let i = 0; i < 20; i++) {
    const def = defOf(schema);
    if (def.innerType) schema = def.innerType;
    else if (def.type === 'pipe' && def.in) schema = def.in;
    else if (def.type === 'lazy' && def.getter) schema = def.getter();
    else break;
  }
  return schema;
}
const shapeOf = (schema: ZSchema): Record<string, ZSchema> | undefined => defOf(unwrap(schema)).shape;

/* ------------------------------------------------------------------ */
/* Junk values                                                         */
/* ------------------------------------------------------------------ */

const MB = 1024 * 1024;
const HUGE_ASCII = 'A'.repeat(MB);
const HUGE_UNICODE = '\u05e9\u{1F5F3}\u0301'.repeat(MB / 4);
const HUGE_SPACES = ' '.repeat(MB);
function nest(depth: number, array: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value, patch: value };
  return value;
}
const DEEP_OBJECT = nest(3000, false);
const DEEP_ARRAY = nest(3000, true);
const cyclic: Record<string, unknown> = { name: 'cycle' };
cyclic.self = cyclic;
cyclic.patch = cyclic;

/** Valid unicode that must round-trip untouched. */
const UNICODE_TEXTS = [
  'مراجعة الميزانية',
  'דו"ח התקציב',
  '\u202Eevil\u202C report',
  'Budget 📋🗳️👩🏽‍⚖️',
  'Z\u0334\u0321a\u0337l\u0336g\u0338o\u0335',
  'Cafe\u0301 Ünïcödé',
  'zero\u200Bwidth\u2060joiner',
  'ﷺ 𒐫 ᄀᄀᄀ',
  'line one\nline two\r\n\ttabbed',
  'nul\u0000inside',
];
/** Not valid unicode: lone surrogates. */
const LONE_SURROGATES = ['a\uD800', '\uDC00b', '\uDBFF\uDBFF', 'x\uDFFFy\uD83D', '\uD83D'];
const NASTY_TEXTS = ["Robert'); DROP TABLE body;--", '%s%n%x', '<script>alert(1)</script>', '${7*7}', '../../etc/passwd', '\\', '"', "'"];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

function protoObject(rng: Rng): Record<string, unknown> {
  const key = rng.pick(PROTO_KEYS);
  // JSON.parse makes "__proto__" an own key, as a request body would.
  return rng.chance(0.5)
    ? (JSON.parse(`{"${key}": {"polluted": true, "isAdmin": true}}`) as Record<string, unknown>)
    : (JSON.parse(`{"constructor": {"prototype": {"polluted": true}}}`) as Record<string, unknown>);
}

export function junk(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, 27)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return rng.pick([true, false]);
    case 3:
      return rng.pick([0, -0, -1, 1, 1.5, -1e-9, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Number.MIN_VALUE]);
    case 4:
      return rng.pick([NaN, Infinity, -Infinity]);
    case 5:
      return rng.pick(['', ' ', '\t\n', '0', '1', 'null', 'undefined', 'true', '[]', '{}', 'NaN']);
    case 6:
      return rng.pick([HUGE_ASCII, HUGE_UNICODE, HUGE_SPACES]);
    case 7:
      return rng.pick(UNICODE_TEXTS);
    case 8:
      return rng.pick(LONE_SURROGATES);
    case 9:
      return rng.pick(NASTY_TEXTS);
    case 10:
      return [];
    case 11:
      return depth < 3 ? [junk(rng, depth + 1), junk(rng, depth + 1)] : [1, 2];
    case 12:
      return {};
    case 13:
      return depth < 3 ? { [rng.pick(['a', 'id', 'name', 'patch', 'x'])]: junk(rng, depth + 1) } : { a: 1 };
    case 14:
      return rng.pick([DEEP_OBJECT, DEEP_ARRAY]);
    case 15:
      return protoObject(rng);
    case 16:
      return cyclic;
    case 17:
      // Types that structured clone (Electron IPC) can deliver but JSON cannot.
      return rng.pick<unknown>([10n, new Date(0), new Map([[1, 2]]), new Set([1]), new Uint8Array(4), new ArrayBuffer(8), /re/g, new Error('e')]);
    case 18:
      return Object.create(null) as object;
    case 19:
      return rng.pick(['2024-02-30', '2024-13-01', '24-05-01', '2024-5-1', '0000-00-00', '9999-12-31', '25:00', '23:60', '12:5', '-1:00', '12:00:00']);
    case 20:
      return rng.pick(['a@', '@b.c', 'a@b', 'x'.repeat(400) + '@example.org']);
    case 21:
      return String(rng.int(-5, 100));
    case 22:
      return rng.int(-5, 100);
    case 23:
      return rng.pick([999_999_999, Number.MAX_SAFE_INTEGER, -1, 0]);
    case 24:
      return 'x'.repeat(rng.pick([199, 200, 201, 499, 500, 501, 1000, 1001, 5001, 20_001]));
    case 25:
      return ' '.repeat(rng.int(1, 5)) + rng.pick(['padded', '']) + ' '.repeat(rng.int(0, 5));
    case 26:
      return [{}];
    default:
      return () => 1;
  }
}

/* ------------------------------------------------------------------ */
/* Valid samples from the schema, against the database                 */
/* ------------------------------------------------------------------ */

interface IdPools {
  /** Ids related to one anchor meeting, by table. */
  related: Map<string, number[]>;
  /** Every id, by table. */
  all: Map<string, number[]>;
}

const camelToSnake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function tableForKey(key: string, tables: Set<string>): string | undefined {
  const base = key.replace(/Ids?$/, '');
  const snake = camelToSnake(base);
  if (tables.has(snake)) return snake;
  if (/substitutesFor|member/i.test(key)) return 'member';
  if (/item/i.test(key)) return 'agenda_item';
  if (/^body|bod(y|ies)/i.test(key)) return 'body';
  if (/meeting/i.test(key)) return 'meeting';
  if (/attend|person/i.test(key)) return 'attendance';
  const tail = camelToSnake(base.replace(/^.*([A-Z][a-z]+)$/, '$1')).replace(/^_/, '');
  return tables.has(tail) ? tail : undefined;
}

function appTableNames(db: Database.Database): Set<string> {
  return new Set(
    (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).all() as { name: string }[]).map((r) => r.name),
  );
}

function columnsOf(db: Database.Database, table: string): { name: string; type: string }[] {
  return db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[];
}

function loadPools(db: Database.Database, tables: Set<string>, rng: Rng, anchorMeetingId?: number): IdPools {
  const all = new Map<string, number[]>();
  for (const table of tables) {
    if (!columnsOf(db, table).some((c) => c.name === 'id')) continue;
    all.set(table, (db.prepare(`SELECT id FROM "${table}" ORDER BY id`).all() as { id: number }[]).map((r) => r.id));
  }
  const related = new Map<string, number[]>();
  const meetings = all.get('meeting') ?? [];
  if (meetings.length) {
    const meetingId = anchorMeetingId ?? rng.pick(meetings);
    const ids = (sql: string, ...params: unknown[]) => {
      try {
        return (db.prepare(sql).all(...params) as { id: number }[]).map((r) => r.id);
      } catch {
        return [];
      }
    };
    const bodyRow = db.prepare('SELECT body_id AS id FROM meeting WHERE id = ?').get(meetingId) as { id: number } | undefined;
    related.set('meeting', [meetingId]);
    if (bodyRow) {
      related.set('body', [bodyRow.id]);
      related.set('member', ids('SELECT id FROM member WHERE body_id = ?', bodyRow.id));
    }
    related.set('agenda_item', ids('SELECT id FROM agenda_item WHERE meeting_id = ?', meetingId));
    related.set('attendance', ids('SELECT id FROM attendance WHERE meeting_id = ?', meetingId));
    related.set('movement', ids('SELECT m.id FROM movement m JOIN attendance a ON a.id = m.attendance_id WHERE a.meeting_id = ?', meetingId));
    // Any other table with a meeting_id column follows the anchor meeting too.
    for (const table of tables) {
      if (related.has(table)) continue;
      const cols = columnsOf(db, table).map((c) => c.name);
      if (cols.includes('id') && cols.includes('meeting_id')) related.set(table, ids(`SELECT id FROM "${table}" WHERE meeting_id = ?`, meetingId));
      else if (cols.includes('id') && cols.includes('body_id') && bodyRow) related.set(table, ids(`SELECT id FROM "${table}" WHERE body_id = ?`, bodyRow.id));
    }
  }
  return { related, all };
}

const VALID_DATES = ['2024-05-01', '2021-03-04', '2023-12-31', '2024-02-29', '2020-12-11'];
const VALID_TIMES = ['09:00', '10:01', '10:30', '12:00', '14:45', '18:59', '23:59', '00:00'];
const VALID_TEXTS = ['Budget monitoring 2024/25', 'Cllr J. Smith', 'County Hall', 'Chief Executive', 'Pages 3 - 10', 'Declarations of interest', 'Minutes of the previous meeting', 'Any other business'];

class SampleBuilder {
  constructor(
    private readonly rng: Rng,
    private readonly pools: IdPools,
    private readonly tables: Set<string>,
  ) {}

  private idFor(key: string): number {
    const table = tableForKey(key, this.tables);
    if (table) {
      const related = this.pools.related.get(table);
      if (related?.length && this.rng.chance(0.85)) return this.rng.pick(related);
      const all = this.pools.all.get(table);
      if (all?.length) return this.rng.pick(all);
    }
    return this.rng.int(1, 30);
  }

  private stringFor(schema: ZSchema, key: string): string | undefined {
    const rng = this.rng;
    const max = bagNumber(schema, 'maximum');
    const texts: string[] = [];
    const k = key.toLowerCase();
    if (k.includes('date')) texts.push(rng.pick(VALID_DATES));
    if (k.includes('time') || /at$/.test(k)) texts.push(rng.pick(VALID_TIMES));
    if (k.includes('email')) texts.push(rng.pick(['clerk@example.org', '']));
    const text = rng.chance(0.15) ? rng.pick(UNICODE_TEXTS) : rng.chance(0.08) ? rng.pick(LONE_SURROGATES) : rng.chance(0.05) ? rng.pick(NASTY_TEXTS) : rng.pick(VALID_TEXTS);
    texts.push(rng.chance(0.05) && max !== undefined ? 'm'.repeat(Math.min(max, 20_000)) : `${text}${rng.chance(0.5) ? ` ${rng.int(1, 9999)}` : ''}`);
    texts.push(rng.pick(VALID_TEXTS), rng.pick(VALID_DATES), rng.pick(VALID_TIMES), 'clerk@example.org', '');
    return texts.find((t) => schema.safeParse(t).success);
  }

  private numberFor(schema: ZSchema, key: string): number | undefined {
    const rng = this.rng;
    const candidates: number[] = [];
    if (/Ids?$|^id$|substitutes/i.test(key)) candidates.push(this.idFor(key));
    const lo = bagNumber(schema, 'minimum') ?? 0;
    const hi = Math.min(bagNumber(schema, 'maximum') ?? 100, lo + 200);
    candidates.push(rng.int(Math.ceil(lo), Math.floor(hi)), Math.ceil(lo), rng.int(0, 10), 1);
    return candidates.find((n) => schema.safeParse(n).success);
  }

  /** A value that passes `schema`, or undefined (omit the key). */
  value(schema: ZSchema, key: string, depth = 0): unknown {
    const rng = this.rng;
    const def = defOf(schema);
    if (depth > 8) return undefined;
    switch (def.type) {
      case 'optional':
        return rng.chance(0.45) ? undefined : this.value(def.innerType!, key, depth + 1);
      case 'default':
      case 'prefault':
        return rng.chance(0.3) ? undefined : this.value(def.innerType!, key, depth + 1);
      case 'nullable':
        return rng.chance(0.15) ? null : this.value(def.innerType!, key, depth + 1);
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return this.value(def.innerType!, key, depth + 1);
      case 'pipe':
        return this.value(def.in!, key, depth + 1);
      case 'lazy':
        return def.getter ? this.value(def.getter(), key, depth + 1) : undefined;
      case 'object':
        return this.object(schema, depth);
      case 'string':
        return this.stringFor(schema, key);
      case 'number':
      case 'int':
        return this.numberFor(schema, key);
      case 'boolean':
        return rng.chance(0.5);
      case 'enum':
        return rng.pick(Object.values(def.entries ?? {}));
      case 'literal':
        return rng.pick(def.values ?? [undefined]);
      case 'null':
        return null;
      case 'union':
        return this.value(rng.pick(def.options ?? []), key, depth + 1);
      case 'array': {
        const out: unknown[] = [];
        const n = rng.int(0, 3);
        for (let i = 0; i < n; i++) out.push(this.value(def.element!, key, depth + 1));
        return out.filter((v) => v !== undefined);
      }
      default:
        return undefined;
    }
  }

  object(schema: ZSchema, depth = 0): Record<string, unknown> {
    const shape = shapeOf(schema) ?? {};
    const keys = Object.keys(shape);
    let best: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 12; attempt++) {
      const out: Record<string, unknown> = {};
      for (const key of keys) {
        const v = this.value(shape[key]!, key, depth + 1);
        if (v !== undefined) out[key] = v;
      }
      // Patches must change something: make sure at least one key is present.
      if (keys.length && Object.keys(out).length === 0) {
        const key = this.rng.pick(keys);
        const inner = defOf(shape[key]!).innerType ?? shape[key]!;
        const v = this.value(inner, key, depth + 1);
        if (v !== undefined) out[key] = v;
      }
      best = out;
      if (schema.safeParse(out).success) return out;
    }
    return best;
  }
}

/* ------------------------------------------------------------------ */
/* Mutations                                                           */
/* ------------------------------------------------------------------ */

function paths(value: unknown, prefix: string[] = [], out: string[][] = []): string[][] {
  if (value && typeof value === 'object' && prefix.length < 4) {
    for (const key of Object.keys(value)) {
      const path = [...prefix, key];
      out.push(path);
      paths((value as Record<string, unknown>)[key], path, out);
    }
  }
  return out;
}

function boundaryFor(rng: Rng, current: unknown): unknown {
  if (typeof current === 'number') {
    return rng.pick([0, -1, current + 1, current - 1, current + 0.5, -current, 999_999_999, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, NaN, Infinity, String(current), 7, 8, 10_001, 201]);
  }
  if (typeof current === 'string') {
    return rng.pick([
      '',
      '   ',
      ` ${current} `,
      current + 'x'.repeat(rng.pick([1, 200, 500, 1000, 20_000])),
      current.toUpperCase(),
      current + rng.pick(LONE_SURROGATES),
      rng.pick(UNICODE_TEXTS),
      HUGE_ASCII,
      current.slice(0, -1),
      current.replace(/\d/g, '9'),
    ]);
  }
  if (typeof current === 'boolean') return rng.pick([!current, 0, 1, 'true', null]);
  if (current === null) return rng.pick([0, '', false, undefined, 1]);
  if (Array.isArray(current)) return rng.pick([[...current, ...current], [0], [-1], Array.from({ length: 201 }, (_, i) => i + 1), current.map(String), {}]);
  if (current && typeof current === 'object') return rng.pick([[], {}, null, Object.assign(Object.create(null) as object, current)]);
  return junk(rng);
}

function structuredCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCopy);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = structuredCopy(v);
    return out;
  }
  return value;
}

function mutate(rng: Rng, sample: Record<string, unknown>): unknown {
  const copy = structuredCopy(sample) as Record<string, unknown>;
  const all = paths(copy);
  const op = rng.int(0, 9);
  if (op === 0 || all.length === 0) {
    // Extra key, often a prototype key as an own property.
    const extra = rng.chance(0.6) ? protoObject(rng) : { [rng.pick(['extra', 'id', 'isAdmin', 'bodyid'])]: junk(rng) };
    const target = rng.chance(0.5) && copy.patch && typeof copy.patch === 'object' ? (copy.patch as Record<string, unknown>) : copy;
    for (const key of Object.keys(extra)) Object.defineProperty(target, key, { value: extra[key], enumerable: true, configurable: true, writable: true });
    return copy;
  }
  if (op === 1) return rng.pick<unknown>([[copy], JSON.stringify(copy), { input: copy }, Object.values(copy)]);
  const path = rng.pick(all);
  let parent: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path[path.length - 1]!;
  if (op === 2) delete parent[last];
  else if (op <= 5) parent[last] = boundaryFor(rng, parent[last]);
  else parent[last] = junk(rng);
  return copy;
}

/* ------------------------------------------------------------------ */
/* Keeping the database populated                                      */
/* ------------------------------------------------------------------ */

const MINIMUM_ROWS: Record<string, number> = { body: 2, meeting: 3, agenda_item: 6, member: 4, attendance: 3, movement: 1, declaration: 1 };

function needsSeed(db: Database.Database, tables: Set<string>): boolean {
  for (const [table, min] of Object.entries(MINIMUM_ROWS)) {
    if (!tables.has(table)) continue;
    if ((db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n < min) return true;
  }
  return false;
}

/** A body with members, two meetings, items, and a started meeting with attendance. Failures are counted, not fatal. */
function seedPack(services: Services, n: number): number {
  let failures = 0;
  const call = (name: string, input: unknown): Record<string, unknown> | undefined => {
    const result = services.dispatch(name, input);
    if (!result.ok) {
      failures++;
      return undefined;
    }
    return result.value as Record<string, unknown>;
  };
  const body = call('bodies.create', { name: `Fuzz Committee ${n}`, kind: 'Committee' }) as { id: number } | undefined;
  if (!body) return failures + 1;
  const m1 = call('members.create', { bodyId: body.id, name: `Cllr Chair ${n}`, role: 'Chair', organisation: 'County Council' }) as { id: number } | undefined;
  const m2 = call('members.create', { bodyId: body.id, name: `Cllr Second ${n}`, organisation: 'District Council' }) as { id: number } | undefined;
  call('members.create', { bodyId: body.id, name: `Cllr Third ${n}`, organisation: 'Police' });
  call('members.create', { bodyId: body.id, name: `Cllr Substitute ${n}`, voting: false, substitutesFor: m1 ? [m1.id] : [] });
  for (const [date, time] of [
    ['2024-05-01', '10:00'],
    ['2024-06-12', '14:00'],
  ] as const) {
    const meeting = call('meetings.create', { bodyId: body.id, date, startTime: time, venue: 'County Hall' }) as { id: number } | undefined;
    if (!meeting) continue;
    call('agendaItems.create', { meetingId: meeting.id, title: 'Apologies for absence' });
    call('agendaItems.create', { meetingId: meeting.id, title: 'Declarations of interest' });
    call('agendaItems.create', { meetingId: meeting.id, title: 'Budget monitoring', presenter: 'Treasurer' });
    const items = call('agendaItems.create', { meetingId: meeting.id, title: 'Contract award', exempt: true, exemptParagraph: 3 }) as unknown as { id: number }[] | undefined;
    call('meetings.start', { meetingId: meeting.id, time: '09:00' });
    const itemId = items?.[2]?.id;
    if (itemId) call('meetings.takeItem', { meetingId: meeting.id, itemId, time: '09:05' });
    const findAttendance = (record: Record<string, unknown> | undefined, memberId: number | undefined) =>
      (record?.attendance as { id: number; memberId: number | null }[] | undefined)?.find((a) => a.memberId === memberId)?.id;
    const r1 = m1 ? call('attendance.setMember', { meetingId: meeting.id, memberId: m1.id, status: 'present' }) : undefined;
    if (m2) call('attendance.setMember', { meetingId: meeting.id, memberId: m2.id, status: 'present', remote: true });
    call('attendance.addPerson', { meetingId: meeting.id, category: 'officer', name: `Officer ${n}`, role: 'Democratic Services' });
    const chairAttendance = findAttendance(r1, m1?.id);
    if (chairAttendance) {
      call('attendance.setChair', { attendanceId: chairAttendance, time: '09:00' });
      call('attendance.recordMovement', { attendanceId: chairAttendance, kind: 'left', time: '09:10' });
      call('attendance.recordMovement', { attendanceId: chairAttendance, kind: 'arrived', time: '09:20' });
      if (itemId) call('declarations.create', { meetingId: meeting.id, attendanceId: chairAttendance, agendaItemId: itemId, category: 'other_registrable', nature: 'Trustee of a charity' });
    }
  }
  return failures;
}

/**
 * Inputs for a call that pass its schema, built against the database's real
 * rows, most of them related to one meeting (the anchor): used by the tests
 * generated from the call registry.
 */
export function validInputs(db: Database.Database, name: CallName, count: number, options: { seed: number; anchorMeetingId: number }): unknown[] {
  const rng = makeRng(options.seed);
  const tables = appTableNames(db);
  const builder = new SampleBuilder(rng, loadPools(db, tables, rng, options.anchorMeetingId), tables);
  const schema = asZ(contract[name].input);
  const out: unknown[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const input = builder.object(schema);
    if (contract[name].input.safeParse(input).success) out.push(input);
  }
  return out;
}

/* ------------------------------------------------------------------ */
/* Checking answers and rows                                           */
/* ------------------------------------------------------------------ */

function preview(value: unknown): string {
  try {
    const seen = new WeakSet<object>();
    const text = JSON.stringify(value, (_k, v: unknown) => {
      if (v === undefined) return '[undefined]';
      if (typeof v === 'number' && !Number.isFinite(v)) return `[${v}]`;
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'string' && v.length > 60) return `${v.slice(0, 40)}...(${v.length} chars)`;
      if (typeof v === 'function') return '[function]';
      if (v && typeof v === 'object') {
        if (seen.has(v)) return '[cycle]';
        seen.add(v);
      }
      return v;
    });
    return (text ?? String(value)).slice(0, 300);
  } catch (error) {
    return `[unprintable: ${(error as Error).message}]`;
  }
}

/** Why `result` is not a well-formed answer, or null when it is. */
export function answerProblem(result: unknown): string | null {
  if (!result || typeof result !== 'object') return `answer is ${typeof result}`;
  const r = result as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  if (r.ok === true) {
    if (!('value' in r)) return 'ok answer without a value';
  } else if (r.ok === false) {
    if (!r.error || typeof r.error !== 'object') return 'error answer without an error';
    if (typeof r.error.code !== 'string' || !r.error.code) return 'error answer without a code';
    if (typeof r.error.message !== 'string' || !r.error.message.trim()) return 'error answer without a message';
  } else return 'answer has no boolean ok';
  try {
    JSON.stringify(result);
  } catch (error) {
    return `answer cannot be sent as JSON: ${(error as Error).message}`;
  }
  return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** UTF-8 encodings of surrogates (ED A0..BF xx): what a lone surrogate becomes on disk. */
function hexHasEncodedSurrogate(hex: string): boolean {
  for (let i = 0; i + 4 <= hex.length; i += 2) {
    if (hex[i] === 'E' && hex[i + 1] === 'D' && (hex[i + 2] === 'A' || hex[i + 2] === 'B')) return true;
  }
  return false;
}

const TRIMMED_COLUMNS = new Set(['name', 'title', 'venue', 'role', 'organisation', 'presenter', 'papers', 'contact_officer', 'nature', 'dispensation', 'email']);
const REQUIRED_TEXT: Record<string, string[]> = { body: ['name'], member: ['name'], meeting: ['venue'], agenda_item: ['title'], known_attendee: ['name'] };
const TIME_COLUMNS = new Set(['start_time', 'started_at', 'closed_at', 'taken_at', 'time', 'left_at', 'returned_at']);
const DATE_COLUMNS = new Set(['date']);

interface InvariantResult {
  invalidRows: number;
  /** Invalid rows by the rule they break. */
  byRule: Record<string, number>;
  samples: string[];
  skipped: string[];
}

/** Rows that no valid sequence of API calls could have written. */
export function scanInvariants(db: Database.Database): InvariantResult {
  const samples: string[] = [];
  const skipped: string[] = [];
  let invalidRows = 0;
  const byRule: Record<string, number> = {};
  const perRuleSamples: Record<string, number> = {};
  const bad = (rule: string, line: string) => {
    invalidRows++;
    byRule[rule] = (byRule[rule] ?? 0) + 1;
    // A few samples of every rule, so one noisy rule does not hide the others.
    perRuleSamples[rule] = (perRuleSamples[rule] ?? 0) + 1;
    if (perRuleSamples[rule]! <= 3 && samples.length < 40) samples.push(line);
  };
  const tables = appTableNames(db);

  // Every text value: well-formed unicode, trimmed where the schema trims, required text present, real dates and times.
  for (const table of tables) {
    const cols = columnsOf(db, table);
    const textCols = cols.filter((c) => /TEXT/i.test(c.type) || c.type === '').map((c) => c.name);
    if (!textCols.length) continue;
    const select = textCols.map((c) => `"${c}", hex("${c}") AS "hex:${c}", typeof("${c}") AS "type:${c}"`).join(', ');
    // Rows are named by id where there is one (WITHOUT ROWID tables have no rowid).
    const key = cols.some((c) => c.name === 'id') ? 'id' : cols[0]!.name;
    let rows: Record<string, unknown>[];
    try {
      rows = db.prepare(`SELECT "${key}" AS __key, category AS __category, ${select} FROM "${table}"`.replace('category AS __category, ', cols.some((c) => c.name === 'category') ? 'category AS __category, ' : '')).all() as Record<string, unknown>[];
    } catch (error) {
      skipped.push(`text scan of ${table} (${(error as Error).message})`);
      continue;
    }
    for (const row of rows) {
      const where = `${table} ${key} ${String(row.__key)}`;
      for (const col of textCols) {
        const value = row[col];
        if (row[`type:${col}`] !== 'text') continue;
        const text = value as string;
        if (LONE_SURROGATE.test(text) || hexHasEncodedSurrogate(String(row[`hex:${col}`]))) bad('lone surrogate', `${where}.${col}: holds a lone surrogate (invalid UTF-8 on disk): ${preview(text)}`);
        else if (text.includes('\uFFFD')) bad('replacement character', `${where}.${col}: holds U+FFFD (a replaced invalid character): ${preview(text)}`);
        if (TRIMMED_COLUMNS.has(col) && text !== text.trim()) bad('not trimmed', `${where}.${col}: not trimmed: ${preview(text)}`);
        const required = REQUIRED_TEXT[table]?.includes(col) || (table === 'attendance' && col === 'name' && row.__category !== 'member');
        if (required && !text.trim()) bad('required text empty', `${where}.${col}: required text is empty`);
        if (DATE_COLUMNS.has(col) && !isValidIsoDate(text)) bad('invalid date', `${where}.${col}: not a real date: ${preview(text)}`);
        if (TIME_COLUMNS.has(col) && !isValidTime(text)) bad('invalid time', `${where}.${col}: not a valid time: ${preview(text)}`);
      }
    }
  }

  const check = (name: string, sql: string) => {
    try {
      const rows = db.prepare(sql).all() as Record<string, unknown>[];
      for (const row of rows) bad(name, `${name}: ${preview(row)}`);
    } catch (error) {
      skipped.push(`${name} (${(error as Error).message})`);
    }
  };
  const dense = (table: string, group: string) =>
    check(
      `${table} positions per ${group} are not 0..n-1`,
      `SELECT ${group} AS grp, count(*) AS n, min(position) AS lo, max(position) AS hi, count(DISTINCT position) AS distinct_positions
         FROM "${table}" GROUP BY ${group} HAVING lo <> 0 OR hi <> n - 1 OR distinct_positions <> n`,
    );
  if (tables.has('agenda_item')) dense('agenda_item', 'meeting_id');
  if (tables.has('member')) dense('member', 'body_id');
  check('exempt item without a Schedule 12A paragraph', `SELECT id FROM agenda_item WHERE exempt = 1 AND (exempt_paragraph IS NULL OR exempt_paragraph NOT BETWEEN 1 AND 7)`);
  check('current item belongs to another meeting', `SELECT m.id, m.current_item_id FROM meeting m JOIN agenda_item i ON i.id = m.current_item_id WHERE i.meeting_id <> m.id`);
  check('closed meeting that never started', `SELECT id FROM meeting WHERE closed_at IS NOT NULL AND started_at IS NULL`);
  check(
    'substitution across bodies',
    `SELECT s.member_id, s.for_member_id FROM member_substitution s JOIN member a ON a.id = s.member_id JOIN member b ON b.id = s.for_member_id WHERE a.body_id <> b.body_id`,
  );
  check(
    "attendance of a member of another body",
    `SELECT a.id FROM attendance a JOIN meeting m ON m.id = a.meeting_id JOIN member p ON p.id = a.member_id WHERE p.body_id <> m.body_id`,
  );
  check(
    'substitute for a member of another body',
    `SELECT a.id FROM attendance a JOIN meeting m ON m.id = a.meeting_id JOIN member p ON p.id = a.substitute_for_member_id WHERE p.body_id <> m.body_id`,
  );
  check(
    'declaration by someone at another meeting',
    `SELECT d.id FROM declaration d JOIN attendance a ON a.id = d.attendance_id WHERE a.meeting_id <> d.meeting_id`,
  );
  check('declaration on an item of another meeting', `SELECT d.id FROM declaration d JOIN agenda_item i ON i.id = d.agenda_item_id WHERE i.meeting_id <> d.meeting_id`);
  check('declaration by a non-member', `SELECT d.id FROM declaration d JOIN attendance a ON a.id = d.attendance_id WHERE a.category <> 'member'`);
  check('sensitive declaration that states its nature', `SELECT id FROM declaration WHERE sensitive = 1 AND nature <> ''`);
  check('declaration returned without leaving, or before leaving', `SELECT id FROM declaration WHERE returned_at IS NOT NULL AND (left_at IS NULL OR returned_at < left_at)`);
  check('chair change by someone at another meeting', `SELECT c.id FROM chair_change c JOIN attendance a ON a.id = c.attendance_id WHERE a.meeting_id <> c.meeting_id`);
  check('chair change on an item of another meeting', `SELECT c.id FROM chair_change c JOIN agenda_item i ON i.id = c.agenda_item_id WHERE i.meeting_id <> c.meeting_id`);
  check(
    'movement on an item of another meeting',
    `SELECT v.id FROM movement v JOIN attendance a ON a.id = v.attendance_id JOIN agenda_item i ON i.id = v.agenda_item_id WHERE i.meeting_id <> a.meeting_id`,
  );
  return { invalidRows, byRule, samples, skipped };
}

/* ------------------------------------------------------------------ */
/* Focused samples: the records minutes are made of, in numbers        */
/* ------------------------------------------------------------------ */

/** Calls the fuzzer sends well-aimed inputs too (beside the schema-built ones), so motions, recorded votes, declarations and exempt items are really made. */
export const FOCUSED_CALLS: readonly CallName[] = [
  'motions.create',
  'motions.update',
  'declarations.create',
  'declarations.update',
  'agendaItems.create',
  'agendaItems.update',
];

const INTEREST = ['dpi', 'other_registrable', 'non_registrable'] as const;
const DECLARATION_ACTION = ['remained', 'spoke_then_left', 'left_no_part', 'did_not_vote'] as const;
const MOTION_OUTCOME = ['pending', 'carried', 'lost', 'withdrawn'] as const;
const VOTE = ['for', 'against', 'abstained'] as const;

/**
 * An input for a call in FOCUSED_CALLS that should be accepted: its ids belong together (the
 * item, the people present and the motion are the meeting's own). Undefined when the meeting
 * lacks what the call needs.
 */
export function focusedInput(db: Database.Database, rng: Rng, name: CallName, anchorMeetingId: number): Record<string, unknown> | undefined {
  const ids = (sql: string, ...params: unknown[]) => (db.prepare(sql).all(...params) as { id: number }[]).map((r) => r.id);
  // The anchor meeting when it has items and members present and is still a draft; otherwise one that has.
  const ready = ids(
    `SELECT m.id FROM meeting m WHERE m.minutes_status = 'draft'
       AND EXISTS (SELECT 1 FROM agenda_item i WHERE i.meeting_id = m.id)
       AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id AND a.category = 'member' AND a.status = 'present') ORDER BY m.id`,
  );
  const meetingId = ready.includes(anchorMeetingId) || !ready.length ? anchorMeetingId : rng.pick(ready);
  const items = ids('SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position', meetingId);
  const present = ids("SELECT id FROM attendance WHERE meeting_id = ? AND category = 'member' AND status = 'present' ORDER BY id", meetingId);
  const text = `${rng.pick(VALID_TEXTS)} ${rng.int(1, 9999)}`;
  const names = () => {
    const chosen = present.filter(() => rng.chance(0.7));
    return chosen.map((attendanceId) => ({ attendanceId, choice: rng.pick(VOTE) }));
  };
  switch (name) {
    case 'motions.create': {
      if (!items.length) return undefined;
      const recorded = rng.chance(0.6);
      const proposer = present.length && rng.chance(0.7) ? rng.pick(present) : null;
      const seconder = present.filter((p) => p !== proposer);
      return {
        meetingId,
        agendaItemId: rng.pick(items),
        kind: rng.chance(0.8) ? 'motion' : 'amendment',
        text,
        proposerId: proposer,
        seconderId: seconder.length && rng.chance(0.6) ? rng.pick(seconder) : null,
        outcome: rng.pick(MOTION_OUTCOME),
        recorded,
        names: recorded ? names() : [],
        ...(recorded ? {} : { votesFor: rng.int(0, 12), votesAgainst: rng.int(0, 12), votesAbstained: rng.int(0, 3) }),
      };
    }
    case 'motions.update': {
      const motions = ids('SELECT m.id FROM motion m JOIN agenda_item i ON i.id = m.agenda_item_id WHERE i.meeting_id = ?', meetingId);
      if (!motions.length) return undefined;
      const patch: Record<string, unknown> = rng.chance(0.6) ? { recorded: true, names: names() } : { outcome: rng.pick(MOTION_OUTCOME), text };
      return { motionId: rng.pick(motions), patch };
    }
    case 'declarations.create': {
      if (!items.length || !present.length) return undefined;
      const sensitive = rng.chance(0.2);
      const action = rng.pick(DECLARATION_ACTION);
      const leaves = action === 'spoke_then_left' || action === 'left_no_part';
      return {
        meetingId,
        attendanceId: rng.pick(present),
        agendaItemId: rng.pick(items),
        category: rng.pick(INTEREST),
        nature: sensitive ? '' : rng.pick(['Trustee of a charity', 'Employed by a partner organisation', 'Owns land nearby', '']),
        sensitive,
        action,
        ...(leaves && rng.chance(0.7) ? { leftAt: '10:10', returnedAt: rng.chance(0.5) ? '10:40' : null } : {}),
      };
    }
    case 'declarations.update': {
      const declarations = ids('SELECT id FROM declaration WHERE meeting_id = ?', meetingId);
      if (!declarations.length) return undefined;
      return { declarationId: rng.pick(declarations), patch: rng.chance(0.5) ? { category: rng.pick(INTEREST) } : { nature: 'Member of the trust board', sensitive: false } };
    }
    case 'agendaItems.create':
      return { meetingId, title: `${rng.pick(['Contract award', 'Staffing matter', 'Property disposal', 'Legal advice'])} ${rng.int(1, 999)}`, exempt: true, exemptParagraph: rng.int(1, 7) };
    case 'agendaItems.update':
      if (!items.length) return undefined;
      return { itemId: rng.pick(items), patch: { exempt: true, exemptParagraph: rng.int(1, 7) } };
    default:
      return undefined;
  }
}

/** What an ok answer made, for the counts the run must reach: motions, recorded votes, declarations, exempt items. */
export function reachedKinds(name: string, input: unknown): string[] {
  if (!input || typeof input !== 'object') return [];
  const i = input as Record<string, unknown>;
  const patch = (i.patch && typeof i.patch === 'object' ? i.patch : {}) as Record<string, unknown>;
  const kinds: string[] = [];
  if (name === 'motions.create') {
    kinds.push('motions');
    if (i.recorded === true && Array.isArray(i.names) && i.names.length) kinds.push('recorded votes');
  }
  if (name === 'motions.update' && (patch.recorded === true || (Array.isArray(patch.names) && patch.names.length))) kinds.push('recorded votes');
  if (name === 'declarations.create') kinds.push('declarations');
  if (name === 'agendaItems.create' && i.exempt === true) kinds.push('exempt items');
  if (name === 'agendaItems.update' && patch.exempt === true) kinds.push('exempt items');
  if (name === 'import.applyAgenda' && Array.isArray(i.items) && i.items.some((it) => (it as { exempt?: unknown })?.exempt === true)) kinds.push('exempt items');
  return kinds;
}

/** The counts a run of N cases per call must reach (ok answers). */
export function requiredReach(cases: number): Record<string, number> {
  // A 1,000-case run makes about 200-600 of each; a short run's few must not fail by chance.
  const n = Math.max(1, Math.floor(cases / 25));
  const updates = Math.max(1, Math.floor(cases / 50));
  return { motions: n, 'recorded votes': n, declarations: n, 'exempt items': n, 'motions.update': updates, 'declarations.update': updates };
}

/* ------------------------------------------------------------------ */
/* Approved minutes that must not change                               */
/* ------------------------------------------------------------------ */

/** The only calls that may change approved minutes (a recorded amendment): never sent to the guarded meeting. */
export const AMENDMENT_CALLS: readonly string[] = ['minutes.beginAmendment', 'minutes.finishAmendment'];

/** What the guarded meeting's minutes print (public and exempt) and its versions, as one string; null when it cannot be read. */
function printedMinutes(services: Pick<Services, 'dispatch'>, meetingId: number): string | null {
  const got = services.dispatch('meetings.get', { meetingId });
  const versions = services.dispatch('minutes.versions', { meetingId });
  if (!got.ok || !versions.ok) return null;
  const record = got.value as MeetingRecord;
  const style = record.body.houseStyle;
  return JSON.stringify({
    status: record.minutesStatus,
    minutes: minutesToText(buildMinutes(record, { style })),
    exempt: minutesToText(buildMinutes(record, { style, part: 'exempt' })),
    versions: versions.value,
  });
}

/**
 * Closes a seeded meeting and takes its minutes through approval to published (the last status: no
 * call may move it on), so its minutes and versions must stay exactly as they are to the end.
 * Answers its id and what it prints.
 */
async function approveGuarded(
  services: Pick<Services, 'dispatch'>,
  db: Database.Database,
  beforeApproval: () => Promise<void> = async () => {},
): Promise<{ meetingId: number; printed: string }> {
  const row = db.prepare("SELECT id FROM meeting WHERE started_at IS NOT NULL AND minutes_status = 'draft' ORDER BY id LIMIT 1").get() as { id: number } | undefined;
  if (!row) throw new Error('The fuzzer found no seeded meeting to approve');
  const closed = services.dispatch('meetings.close', { meetingId: row.id, time: '11:30' });
  if (!closed.ok) throw new Error(`The fuzzer could not close meeting ${row.id}: ${closed.error.message}`);
  // The minutes checker refuses approval while errors remain: settle each with its own first fix, as a clerk would.
  for (let round = 0; round < 20; round++) {
    const got = services.dispatch('meetings.get', { meetingId: row.id });
    if (!got.ok) throw new Error(`The fuzzer could not read meeting ${row.id}: ${got.error.message}`);
    const errors = checkMinutes(got.value as MeetingRecord).filter((c) => c.severity === 'error' && c.fixes.length);
    if (!errors.length) break;
    const fixed = services.dispatch(errors[0]!.fixes[0]!.call, errors[0]!.fixes[0]!.input);
    if (!fixed.ok) throw new Error(`The fuzzer could not settle a check on meeting ${row.id}: ${fixed.error.message}`);
  }
  await beforeApproval();
  const steps: [string, unknown][] = [
    ['minutes.setStatus', { meetingId: row.id, status: 'approved' }],
    ['minutes.setStatus', { meetingId: row.id, status: 'confirmed' }],
    ['minutes.setStatus', { meetingId: row.id, status: 'published' }],
  ];
  for (const [name, input] of steps) {
    const result = services.dispatch(name, input);
    if (!result.ok) throw new Error(`The fuzzer could not approve meeting ${row.id}: ${name} answered ${result.error.message}`);
  }
  const printed = printedMinutes(services, row.id);
  if (printed === null) throw new Error(`The fuzzer could not read the approved meeting ${row.id}`);
  return { meetingId: row.id, printed };
}

/** The input, with an amendment call aimed at the guarded meeting turned to another meeting. */
function steerClear(name: string, input: unknown, guardedId: number, otherId: number): unknown {
  if (!AMENDMENT_CALLS.includes(name) || !input || typeof input !== 'object' || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  return record.meetingId === guardedId ? { ...record, meetingId: otherId } : input;
}

/* ------------------------------------------------------------------ */
/* Through the HTTP host                                               */
/* ------------------------------------------------------------------ */

export interface HttpFuzzReport {
  /** Cases sent through the host (each: every fuzzed call once, and the calls only the running app answers). */
  cases: number;
  requests: number;
  ok: number;
  errors: number;
  errorCodes: Record<string, number>;
  /** HTTP status of every answer, by status. */
  statuses: Record<string, number>;
  okByCall: Record<string, number>;
  /** Calls answered only by the running app or asynchronously, that answered ok at least once. */
  runtimeCallsWithOk: string[];
  runtimeCallsNeverOk: string[];
  crashes: number;
  crashSamples: FuzzCrash[];
  internalErrors: number;
  internalSamples: FuzzCrash[];
  /** Bodies with invalid UTF-8 sent, and those not refused with 400 or that changed the database. */
  invalidUtf8Sent: number;
  invalidUtf8Accepted: number;
  invalidUtf8Samples: string[];
  /** Restores refused because they would undo the approved minutes (as they must be). */
  restoresRefused: number;
  integrity: string;
  foreignKeyProblems: number;
  invalidRows: number;
  invalidByRule: Record<string, number>;
  invalidSamples: string[];
  /** Rows holding the marker of an invalid UTF-8 body: stored when it must not have been. */
  markerRows: number;
  rowCounts: Record<string, number>;
}

/** The calls only the running app (or an asynchronous path) answers: fuzzed through the host. */
export const HOST_ONLY_CALLS: readonly CallName[] = ['exports.build', 'import.readAgenda', 'recovery.status', 'backups.list', 'backups.compare', 'backups.create', 'backups.restore'];

interface HttpAnswer {
  status: number;
  json: unknown;
  raw: string;
}

/**
 * One call through the host. A kept-alive connection the host closed as idle just as the call went out (the
 * fuzzer's own synchronous work can hold the event loop past the host's keep-alive timeout) is reset before
 * any answer: that call is sent once more on a new connection, as Node's documentation advises and as Chromium
 * does. Any other failure is a crash.
 */
async function httpPost(agent: Agent, target: { port: number; token: string }, name: string, body: Buffer): Promise<HttpAnswer> {
  try {
    return await httpPostOnce(agent, target, name, body);
  } catch (error) {
    if ((error as { reusedSocket?: boolean }).reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET') return httpPostOnce(agent, target, name, body);
    throw error;
  }
}

function httpPostOnce(agent: Agent, target: { port: number; token: string }, name: string, body: Buffer): Promise<HttpAnswer> {
  return new Promise((resolveAnswer, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        path: `/api/${encodeURIComponent(name)}`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': body.length, [TOKEN_HEADER]: target.token },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(raw);
          } catch {
            json = undefined;
          }
          resolveAnswer({ status: res.statusCode ?? 0, json, raw });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error) => reject(Object.assign(error, { reusedSocket: req.reusedSocket })));
    req.end(body);
  });
}

/** What a request body is: JSON when the value can be written as JSON (lone surrogates go as \ud800 escapes), else broken JSON. */
function encodeBody(input: unknown): { body: Buffer; broken: boolean } {
  try {
    // Shared sub-objects (DEEP_OBJECT shares each level twice) would write out exponentially: stop at a budget.
    let budget = 200_000;
    const text = JSON.stringify(input, (_key, value: unknown) => {
      if (--budget < 0) throw new RangeError('too many values to write as JSON');
      return value;
    });
    return { body: Buffer.from(text ?? '', 'utf8'), broken: false };
  } catch {
    // Cycles, BigInt and the exponential ones cannot be written: send what a broken client might, a cut-off body.
    return { body: Buffer.from('{"name":"cut off', 'utf8'), broken: true };
  }
}

/** Byte sequences that are not UTF-8: a stray byte, a lone continuation byte, overlong, an encoded surrogate, cut short, too large. */
const INVALID_UTF8: readonly number[][] = [[0xff], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3]];
const MARKER = 'FUZZBADUTF';

/** A valid input's JSON with one string field's text followed by bytes that are not UTF-8. */
function invalidUtf8Body(rng: Rng, sample: Record<string, unknown>, k: number): Buffer | null {
  const spots: [Record<string, unknown>, string][] = [];
  const visit = (obj: Record<string, unknown>, depth: number) => {
    for (const [key, value] of Object.entries(obj)) {
      if (typeof value === 'string') spots.push([obj, key]);
      else if (value && typeof value === 'object' && !Array.isArray(value) && depth < 2) visit(value as Record<string, unknown>, depth + 1);
    }
  };
  const copy = structuredCopy(sample) as Record<string, unknown>;
  visit(copy, 0);
  if (!spots.length) return null;
  const [obj, key] = rng.pick(spots);
  const placeholder = `${MARKER}${k}@@`;
  obj[key] = placeholder;
  const text = Buffer.from(JSON.stringify(copy), 'utf8');
  const at = text.indexOf(Buffer.from('@@'));
  return Buffer.concat([text.subarray(0, at), Buffer.from(rng.pick(INVALID_UTF8)), text.subarray(at + 2)]);
}

/* Files to import: real and generated agendas and Teams reports, and junk. */

async function generatedAgendaDocx(rng: Rng, n: number): Promise<string> {
  const { Document, Packer, Paragraph, TextRun } = await import('docx');
  const titles = [
    'Apologies for absence',
    'Declarations of interest',
    'Minutes of the previous meeting (Pages 3 - 10)',
    `Budget monitoring ${2020 + n}/${21 + n}`,
    'Community safety plan (Pages 11 - 24)',
    'Serious Violence Duty',
    'Contract award (exempt: paragraph 3)',
    'Any other business',
    'Date of next meeting',
  ];
  const chosen = titles.filter((_, i) => i < 3 || rng.chance(0.6));
  const paragraphs = [
    new Paragraph({ children: [new TextRun({ text: `FUZZ COUNTY ${rng.pick(['SAFER COMMUNITIES BOARD', 'AUDIT COMMITTEE', 'PLANNING COMMITTEE'])}`, bold: true })] }),
    new Paragraph({ children: [new TextRun('Agenda')] }),
    ...chosen.map((title, i) => new Paragraph({ children: [new TextRun(`${i + 1}. ${title}${rng.chance(0.2) ? ` ${rng.pick(UNICODE_TEXTS)}` : ''}`)] })),
  ];
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
  return Buffer.from(buffer).toString('base64');
}

/** A Teams attendance report in the current layout for a meeting on `date`, with some of the body's members in it. */
function generatedTeamsReport(rng: Rng, date: string, memberNames: string[]): string {
  const people = [...memberNames.filter(() => rng.chance(0.7)), ...['Megan Oduya', 'Tobias Arkwright (External)', '"Halloran, Owen"', 'Ffion Pritchard (Unverified)'].filter(() => rng.chance(0.5))];
  if (!people.length) people.push('Megan Oduya');
  const quote = (name: string) => (name.startsWith('"') || !/[",]/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
  const rows = people.map((name, i) => {
    const join = `${date} 09:${String(50 + (i % 10)).padStart(2, '0')}:0${i % 10}`;
    const leave = `${date} ${rng.pick(['11', '12'])}:${String(rng.int(10, 59))}:00`;
    return `${quote(name)},${join},${leave},2h 1m 0s,person${i}@example.org,person${i}@example.org,Attendee`;
  });
  return [
    '1. Summary',
    'Meeting title,Fuzz Board',
    `Attended participants,${people.length}`,
    `Start time,${date} 09:50:00`,
    `End time,${date} 12:30:00`,
    '',
    '2. Participants',
    'NAME,first join,Last leave,In-meeting duration,email,Participant ID (UPN),role',
    ...rows,
  ].join('\n');
}

interface HttpFixtures {
  agendaDocx: string[];
  agendaText: string;
  teamsFiles: string[];
  junkFiles: string[];
}

async function httpFixtures(rng: Rng): Promise<HttpFixtures> {
  const dir = join(repoRoot, 'test', 'fixtures', 'import');
  const file = (name: string) => readFileSync(join(dir, name));
  const agendaDocx = ['agenda-table.docx', 'agenda-auto-numbered.docx', 'agenda-typed-numbers.docx'].map((n) => file(n).toString('base64'));
  for (let i = 0; i < 4; i++) agendaDocx.push(await generatedAgendaDocx(rng, i));
  const zipNoDocument = Buffer.from('504b0506000000000000000000000000000000000000', 'hex').toString('base64');
  const randomBytes = Buffer.from(Array.from({ length: 4096 }, () => rng.int(0, 255))).toString('base64');
  const cutDocx = file('agenda-table.docx').subarray(0, 3000).toString('base64');
  return {
    agendaDocx,
    agendaText: file('agenda.txt').toString('utf8'),
    teamsFiles: ['teams-current-utf8-comma.csv', 'teams-current-utf16-tab.csv', 'teams-legacy-actions.csv', 'teams-us-locale.csv'].map((n) => file(n).toString('base64')),
    junkFiles: [zipNoDocument, randomBytes, cutDocx, Buffer.from('not a report at all\n,,,\n').toString('base64'), ''],
  };
}

interface HttpFuzz {
  runCase(first: boolean): Promise<void>;
  finish(): Promise<{ report: HttpFuzzReport; approvedChange: string | null }>;
}

const emptyHttpReport = (): HttpFuzzReport => ({
  cases: 0,
  requests: 0,
  ok: 0,
  errors: 0,
  errorCodes: {},
  statuses: {},
  okByCall: {},
  runtimeCallsWithOk: [],
  runtimeCallsNeverOk: [],
  crashes: 0,
  crashSamples: [],
  internalErrors: 0,
  internalSamples: [],
  invalidUtf8Sent: 0,
  invalidUtf8Accepted: 0,
  invalidUtf8Samples: [],
  restoresRefused: 0,
  integrity: 'not checked',
  foreignKeyProblems: 0,
  invalidRows: 0,
  invalidByRule: {},
  invalidSamples: [],
  markerRows: 0,
  rowCounts: {},
});

/**
 * The browser host (electron/host/server.ts) on the runtime the host itself uses (startRuntime), on a
 * data folder of its own under `dir`: seeded, one meeting published, then each case sends every fuzzed
 * call once over HTTP, the calls only the running app answers (exports, reading an agenda, backups,
 * restore, recovery status) with real and generated files as well as junk, and a body that is not UTF-8.
 */
async function startHttpFuzz(dir: string, seed: number, names: readonly string[], reached: Map<string, number>): Promise<HttpFuzz> {
  const rng = makeRng((seed ^ 0x68747470) >>> 0);
  const report = emptyHttpReport();
  const okByCall = new Map<string, number>();
  const fixtures = await httpFixtures(rng);
  const dataDir = join(dir, 'http');
  const staticDir = join(dir, 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>fuzz</title>');
  const dbFile = databaseFile(dataDir);
  let tick = 0;
  const base = Date.UTC(2024, 4, 1, 8, 0, 0);
  const runtime = startRuntime({ dbFile, transport: 'browser-host', version: '0.0.0-fuzz', now: () => new Date(base + tick * 1000) });
  const host = await startHost({ services: runtime.services, staticDir });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const db = () => runtime.services.context.store.db as Database.Database;
  const tables = appTableNames(db());
  seedPack(runtime.services, 101);
  seedPack(runtime.services, 102);
  // Backups from before the approval (the daily one made at start, the closing one, and one made here): restoring one would
  // undo it, so it is only ever asked for unconfirmed, and must be refused. Backups are copied asynchronously: wait for them.
  const beforeApproval = new Set<string>();
  const guard = await approveGuarded(runtime.services, db(), async () => {
    await backupsIdle(dbFile);
    const made = await runtime.services.call('backups.create', {});
    if (!made.ok) throw new Error(`The fuzzer could not make a backup: ${made.error.message}`);
    for (const b of listBackups(dbFile)) beforeApproval.add(basename(b.file));
  });
  await backupsIdle(dbFile);
  let pools = loadPools(db(), tables, rng);
  const otherMeeting = () => pools.all.get('meeting')?.find((id) => id !== guard.meetingId) ?? guard.meetingId + 1000;

  const sample = (kind: string, input: unknown, error: string): FuzzCrash => ({ call: kind, input: preview(input), error: error.slice(0, 600) });
  const send = async (name: string, input: unknown, raw?: Buffer): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } } | null> => {
    const encoded = raw ? { body: raw, broken: true } : encodeBody(input);
    tick++;
    report.requests++;
    let answer: HttpAnswer;
    try {
      answer = await httpPost(agent, { port: host.port, token: host.token }, name, encoded.body);
    } catch (error) {
      report.crashes++;
      if (report.crashSamples.length < 20) report.crashSamples.push(sample(name, input, `no answer: ${(error as Error).message}`));
      return null;
    }
    report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
    const problem = answerProblem(answer.json);
    const result = answer.json as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    // ok answers 200; a typed refusal 200, or 400 for a body the host will not decode; an internal error 500.
    const statusOk = problem
      ? false
      : result.ok
        ? answer.status === 200 && !encoded.broken
        : result.error!.code === 'internal'
          ? answer.status === 500
          : encoded.broken
            ? answer.status === 400
            : answer.status === 200 || (answer.status === 400 && result.error!.code === 'invalid_input');
    if (problem || !statusOk) {
      report.crashes++;
      if (report.crashSamples.length < 20) report.crashSamples.push(sample(name, input, problem ?? `HTTP ${answer.status} for ${answer.raw.slice(0, 300)}`));
      return null;
    }
    if (result.ok) {
      report.ok++;
      okByCall.set(name, (okByCall.get(name) ?? 0) + 1);
      for (const kind of reachedKinds(name, input)) reached.set(kind, (reached.get(kind) ?? 0) + 1);
    } else {
      report.errors++;
      const code = result.error!.code;
      report.errorCodes[code] = (report.errorCodes[code] ?? 0) + 1;
      if (code === 'internal') {
        report.internalErrors++;
        if (report.internalSamples.length < 20) report.internalSamples.push(sample(name, input, result.error!.message));
      }
    }
    return result;
  };

  const meetingDate = (meetingId: number) => (db().prepare('SELECT date FROM meeting WHERE id = ?').get(meetingId) as { date: string } | undefined)?.date ?? '2024-05-01';
  const memberNames = (meetingId: number) =>
    (db().prepare('SELECT p.name FROM member p JOIN meeting m ON m.body_id = p.body_id WHERE m.id = ?').all(meetingId) as { name: string }[]).map((r) => r.name);

  const importAgenda = async (meetingId: number, clean: boolean) => {
    const roll = clean ? 0 : rng.next();
    const source =
      roll < 0.55
        ? { kind: 'docx', base64: rng.pick(fixtures.agendaDocx) }
        : roll < 0.75
          ? { kind: 'text', text: fixtures.agendaText }
          : roll < 0.95
            ? { kind: 'docx', base64: rng.pick(fixtures.junkFiles) }
            : junk(rng);
    const read = await send('import.readAgenda', { meetingId, source });
    if (!read?.ok) return;
    const items = (read.value as ParsedAgenda).items
      .filter(() => rng.chance(0.8))
      .map((it) => ({ title: it.title, presenter: it.presenter, papers: it.papers, exempt: it.exempt, exemptParagraph: it.exempt ? (it.exemptParagraph ?? rng.int(1, 7)) : null }));
    if (items.length) await send('import.applyAgenda', { meetingId, items });
  };

  const importTeams = async (meetingId: number, clean: boolean) => {
    const roll = clean ? 0 : rng.next();
    const base64 =
      roll < 0.6
        ? Buffer.from(generatedTeamsReport(rng, meetingDate(meetingId), memberNames(meetingId)), 'utf8').toString('base64')
        : roll < 0.8
          ? rng.pick(fixtures.teamsFiles)
          : rng.pick(fixtures.junkFiles);
    const read = await send('import.readTeams', { meetingId, base64 });
    if (!read?.ok) return;
    const used = new Set<number>();
    const rows = (read.value as TeamsPreview).rows.map((r) => {
      const memberId = r.match?.kind === 'member' && !used.has(r.match.id) ? r.match.id : null;
      if (memberId !== null) used.add(memberId);
      return {
        name: r.participant.name,
        memberId,
        addAs: memberId === null ? rng.pick(['officer', 'attendee', 'guest', null] as const) : null,
        remote: rng.chance(0.8),
        firstJoin: r.participant.firstJoin,
        lastLeave: r.participant.lastLeave,
      };
    });
    if (rows.length) await send('import.applyTeams', { meetingId, rows });
  };

  const backupNames = () => listBackups(dbFile).map((b) => basename(b.file));

  const probeUtf8 = async (k: number) => {
    const writes = names.filter((n) => registry.get(n as CallName)?.mode === 'write' && n !== 'demo.load');
    for (let attempt = 0; attempt < 10; attempt++) {
      const name = rng.pick(writes) as CallName;
      const builder = new SampleBuilder(rng, pools, tables);
      const input = (FOCUSED_CALLS.includes(name) && rng.chance(0.5) ? focusedInput(db(), rng, name, pools.related.get('meeting')?.[0] ?? 1) : undefined) ?? builder.object(asZ(contract[name].input));
      const body = invalidUtf8Body(rng, input, k);
      if (!body) continue;
      const changesBefore = (db().prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      report.invalidUtf8Sent++;
      tick++;
      report.requests++;
      const answer = await httpPost(agent, { port: host.port, token: host.token }, name, body).catch((error: Error) => ({ status: 0, json: undefined, raw: error.message }));
      report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
      const changesAfter = (db().prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const refused = answer.status === 400 && (answer.json as { ok?: unknown })?.ok === false;
      if (!refused || changesAfter !== changesBefore) {
        report.invalidUtf8Accepted++;
        if (report.invalidUtf8Samples.length < 10) {
          report.invalidUtf8Samples.push(`${name} ${body.toString('latin1').slice(0, 160)} -> HTTP ${answer.status} ${answer.raw.slice(0, 200)}${changesAfter !== changesBefore ? ' (the database changed)' : ''}`);
        }
      }
      return;
    }
  };

  /** A backup from before the approval, unconfirmed: it would undo the published minutes, so it must be refused (and change nothing). */
  const restoreUndoing = async () => {
    // Retention (the fuzzed backupKeep) may have pruned them all.
    const undoing = backupNames().filter((n) => beforeApproval.has(n));
    if (!undoing.length) return;
    const refused = await send('backups.restore', { name: rng.pick(undoing), acceptUndone: false });
    if (refused && !refused.ok && refused.error?.code === 'conflict') report.restoresRefused++;
    else if (refused) {
      report.crashes++;
      if (report.crashSamples.length < 20) report.crashSamples.push(sample('backups.restore', { undoing }, `a restore that would undo the published minutes answered ${preview(refused)}`));
    }
    if (refused?.ok) pools = loadPools(db(), tables, rng);
  };

  return {
    async runCase(first) {
      report.cases++;
      // Before any fuzzed settings.update can shrink the retention and prune them.
      if (first) await restoreUndoing();
      pools = loadPools(db(), tables, rng);
      for (const name of names) {
        const schema = asZ(contract[name as CallName].input);
        const builder = new SampleBuilder(rng, pools, tables);
        const anchor = pools.related.get('meeting')?.[0];
        const roll = rng.next();
        let input: unknown;
        if (roll < 0.2) {
          const shape = shapeOf(schema) ?? {};
          input = rng.chance(0.4) || !Object.keys(shape).length ? junk(rng) : Object.fromEntries(Object.keys(shape).map((k) => [k, junk(rng)]));
        } else if (roll < 0.45) input = builder.object(schema);
        else if (roll < 0.65 && anchor !== undefined && FOCUSED_CALLS.includes(name as CallName)) input = focusedInput(db(), rng, name as CallName, anchor) ?? builder.object(schema);
        else input = mutate(rng, builder.object(schema));
        await send(name, steerClear(name, input, guard.meetingId, otherMeeting()));
      }
      // The calls only the running app answers, with real inputs mostly and junk sometimes.
      const meetings = pools.all.get('meeting') ?? [];
      const meetingId = pools.related.get('meeting')?.[0] ?? guard.meetingId;
      // The first case sends only well-formed inputs to these, so even a short run sees each answer ok.
      const junkOr = <T>(p: number, valid: () => T): unknown => (!first && rng.chance(p) ? junk(rng) : valid());
      await importAgenda(meetingId, first);
      await importTeams(meetingId, first);
      for (let i = 0; i < 2; i++) {
        const target = i === 0 && first ? guard.meetingId : rng.chance(0.2) ? guard.meetingId : rng.pick(meetings.length ? meetings : [meetingId]);
        await send('exports.build', junkOr(0.1, () => ({ meetingId: target, document: first ? 'minutes' : rng.pick(EXPORT_DOCUMENTS) })));
      }
      await send('recovery.status', junkOr(0.2, () => ({})));
      await send('backups.list', junkOr(0.2, () => ({})));
      if (first || rng.chance(0.5)) await send('backups.create', junkOr(0.1, () => ({})));
      const listed = backupNames();
      const pickName = () =>
        !first && rng.chance(0.1) ? rng.pick(['../meeting-clerk.sqlite', 'nope.sqlite', 'meeting-clerk.sqlite', '', 'x'.repeat(300) + '.sqlite']) : listed.length ? rng.pick(listed) : 'none.sqlite';
      await send('backups.compare', junkOr(0.1, () => ({ name: pickName() })));
      if (first || rng.chance(0.5)) {
        const newest = listed.find((n) => !beforeApproval.has(n));
        const name = (first || rng.chance(0.5)) && newest ? newest : pickName();
        const acceptUndone = rng.chance(0.5) && !beforeApproval.has(name);
        const restored = await send('backups.restore', junkOr(0.1, () => ({ name, acceptUndone })));
        if (restored && !restored.ok && restored.error?.code === 'conflict') report.restoresRefused++;
        if (restored?.ok) pools = loadPools(db(), tables, rng);
      }
      if (rng.chance(0.3)) await restoreUndoing();
      await probeUtf8(report.cases);
    },

    async finish() {
      const now = printedMinutes(runtime.services, guard.meetingId);
      const approvedChange = now === guard.printed ? null : now === null ? `meeting ${guard.meetingId} can no longer be read` : `meeting ${guard.meetingId} prints differently: ${firstDifference(guard.printed, now)}`;
      await host.close();
      agent.destroy();
      await runtime.close();
      const file = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        report.integrity = (file.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
        report.foreignKeyProblems = (file.pragma('foreign_key_check') as unknown[]).length;
        const invariants = scanInvariants(file);
        report.invalidRows = invariants.invalidRows;
        report.invalidByRule = invariants.byRule;
        report.invalidSamples = invariants.samples;
        for (const table of [...appTableNames(file)].sort()) {
          report.rowCounts[table] = (file.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
          const textCols = columnsOf(file, table).filter((c) => /TEXT/i.test(c.type) || c.type === '');
          for (const col of textCols) {
            try {
              report.markerRows += (file.prepare(`SELECT count(*) AS n FROM "${table}" WHERE instr(CAST("${col.name}" AS BLOB), CAST(? AS BLOB)) > 0`).get(MARKER) as { n: number }).n;
            } catch {
              // virtual tables without that column type: skipped
            }
          }
        }
      } finally {
        file.close();
      }
      report.okByCall = Object.fromEntries([...okByCall].sort(([a], [b]) => a.localeCompare(b)));
      report.runtimeCallsWithOk = HOST_ONLY_CALLS.filter((n) => okByCall.has(n));
      report.runtimeCallsNeverOk = HOST_ONLY_CALLS.filter((n) => !okByCall.has(n));
      return { report, approvedChange };
    },
  };
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at character ${i}: was ${JSON.stringify(a.slice(Math.max(0, i - 30), i + 60))}, now ${JSON.stringify(b.slice(Math.max(0, i - 30), i + 60))}`;
}

/* ------------------------------------------------------------------ */
/* The fuzzer                                                          */
/* ------------------------------------------------------------------ */

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  if (!Number.isSafeInteger(options.cases) || options.cases < 1) throw new RangeError('cases must be a positive integer');
  const httpShare = options.httpShare ?? DEFAULT_HTTP_SHARE;
  if (!(httpShare >= 0 && httpShare <= 1)) throw new RangeError('httpShare must be from 0 to 1');
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const rng = makeRng(seed);
  const log = options.log ?? (() => {});
  const started = Date.now();
  // Calls that write a file after their transaction are answered by services.call(), and demo.load makes a
  // whole demo board each time it is accepted: the contract test covers both.
  const names = (options.calls ?? CALL_NAMES).filter((n) => !(UNFUZZED_CALLS as readonly string[]).includes(n));
  const unknown = names.filter((n) => !(CALL_NAMES as readonly string[]).includes(n));
  if (unknown.length) throw new RangeError(`Unknown call(s): ${unknown.join(', ')}`);

  const dir = mkdtempSync(join(realpathSync(tmpdir()), 'meeting-clerk-fuzz-'));
  const file = join(dir, 'meeting-clerk.sqlite');
  const store = openStore(file);
  // A simulated clock: deterministic, and moving forward a second per call.
  let tick = 0;
  const base = Date.UTC(2024, 4, 1, 8, 0, 0);
  const services = createServices(store, { now: () => new Date(base + tick * 1000), version: '0.0.0-fuzz', transport: 'browser-host' });
  const db = store.db;
  const tables = appTableNames(db);
  const protoKeysBefore = Object.getOwnPropertyNames(Object.prototype).join(',');

  let calls = 0;
  let okCount = 0;
  let errors = 0;
  let crashes = 0;
  let internalErrors = 0;
  let constraintRefusals = 0;
  let seeds = 0;
  const errorCodes: Record<string, number> = {};
  const okByCall = new Map<string, number>();
  const crashSamples: FuzzCrash[] = [];
  const internalSamples: FuzzCrash[] = [];
  const constraintSamples: FuzzCrash[] = [];
  /** ok answers by what they made (both transports). */
  const reached = new Map<string, number>();
  let http: HttpFuzz | null = null;
  // The cases also sent through the host, spread evenly over the run.
  const httpCases = httpShare > 0 ? Math.max(1, Math.round(options.cases * httpShare)) : 0;
  const httpEvery = httpCases ? options.cases / httpCases : Infinity;
  let httpDone = 0;

  try {
    seedPack(services, ++seeds);
    seedPack(services, ++seeds);
    const guard = await approveGuarded(services, db);
    let pools = loadPools(db, tables, rng);
    const otherMeeting = () => pools.all.get('meeting')?.find((id) => id !== guard.meetingId) ?? guard.meetingId + 1000;
    if (httpCases) http = await startHttpFuzz(dir, seed, names, reached);

    for (let i = 0; i < options.cases; i++) {
      if (needsSeed(db, tables)) seedPack(services, ++seeds);
      for (const name of names) {
        const schema = asZ(contract[name as keyof typeof contract].input);
        if (calls % 25 === 0) pools = loadPools(db, tables, rng);
        const builder = new SampleBuilder(rng, pools, tables);
        const roll = rng.next();
        const focused = FOCUSED_CALLS.includes(name as CallName);
        let input: unknown;
        if (roll < 0.2) {
          // Pure junk: sometimes the whole input, sometimes the right keys with junk values.
          const shape = shapeOf(schema) ?? {};
          input = rng.chance(0.4) || !Object.keys(shape).length ? junk(rng) : Object.fromEntries(Object.keys(shape).map((k) => [k, junk(rng)]));
        } else if (focused ? roll < 0.4 : roll < 0.5) {
          input = builder.object(schema);
        } else if (focused && roll < 0.65) {
          // Well aimed: the meeting's own item, people and motions, so motions, votes, declarations and exempt items are made.
          const anchor = pools.related.get('meeting')?.[0];
          input = (anchor !== undefined ? focusedInput(db, rng, name as CallName, anchor) : undefined) ?? builder.object(schema);
        } else {
          input = mutate(rng, builder.object(schema));
        }
        input = steerClear(name, input, guard.meetingId, otherMeeting());

        tick++;
        calls++;
        let result: unknown;
        try {
          result = services.dispatch(name, input);
        } catch (error) {
          crashes++;
          if (crashSamples.length < 20) crashSamples.push({ call: name, input: preview(input), error: `threw: ${(error as Error)?.stack ?? String(error)}`.slice(0, 800) });
          continue;
        }
        const problem = answerProblem(result);
        if (problem) {
          crashes++;
          if (crashSamples.length < 20) crashSamples.push({ call: name, input: preview(input), error: problem });
          continue;
        }
        const r = result as { ok: boolean; error?: { code: string; message: string } };
        if (r.ok) {
          okCount++;
          okByCall.set(name, (okByCall.get(name) ?? 0) + 1);
          for (const kind of reachedKinds(name, input)) reached.set(kind, (reached.get(kind) ?? 0) + 1);
        } else {
          errors++;
          const code = r.error!.code;
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
          if (code === 'internal') {
            internalErrors++;
            if (internalSamples.length < 20) internalSamples.push({ call: name, input: preview(input), error: r.error!.message.slice(0, 400) });
          }
          if (/refused by a data rule/i.test(r.error!.message)) {
            constraintRefusals++;
            if (constraintSamples.length < 10) constraintSamples.push({ call: name, input: preview(input), error: r.error!.message.slice(0, 300) });
          }
        }
      }
      if (http && httpDone < httpCases && i + 1 >= (httpDone + 1) * httpEvery - 1e-9) {
        await http.runCase(httpDone === 0);
        httpDone++;
      }
      if ((i + 1) % Math.max(1, Math.floor(options.cases / 10)) === 0) log(`${i + 1}/${options.cases} cases per call (${calls} calls, ${crashes} crashes; ${httpDone} cases through the host)`);
    }

    const approvedChanges: string[] = [];
    const printedNow = printedMinutes(services, guard.meetingId);
    if (printedNow !== guard.printed) {
      approvedChanges.push(printedNow === null ? `in-process: meeting ${guard.meetingId} can no longer be read` : `in-process: meeting ${guard.meetingId} prints differently: ${firstDifference(guard.printed, printedNow)}`);
    }
    let httpReport = emptyHttpReport();
    if (http) {
      const finished = await http.finish();
      http = null;
      httpReport = finished.report;
      if (finished.approvedChange) approvedChanges.push(`through the host: ${finished.approvedChange}`);
    }
    for (const [call, n] of Object.entries(httpReport.okByCall)) reached.set(call, (reached.get(call) ?? 0) + n);
    for (const [call, n] of okByCall) reached.set(call, (reached.get(call) ?? 0) + n);
    const required = requiredReach(options.cases);
    const reachedList = Object.entries(required).map(([kind, min]) => ({ kind, ok: reached.get(kind) ?? 0, required: min }));
    const httpPassed =
      !httpCases ||
      (httpReport.crashes === 0 &&
        httpReport.integrity === 'ok' &&
        httpReport.foreignKeyProblems === 0 &&
        httpReport.invalidRows === 0 &&
        httpReport.markerRows === 0 &&
        httpReport.invalidUtf8Sent > 0 &&
        httpReport.invalidUtf8Accepted === 0 &&
        httpReport.restoresRefused > 0 &&
        httpReport.runtimeCallsNeverOk.length === 0);

    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const fk = db.pragma('foreign_key_check') as unknown[];
    const invariants = scanInvariants(db);
    const prototypePolluted =
      Object.getOwnPropertyNames(Object.prototype).join(',') !== protoKeysBefore || ({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).isAdmin !== undefined;
    const rowCounts: Record<string, number> = {};
    for (const table of [...appTableNames(db)].sort()) rowCounts[table] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const callsWithOk = names.filter((n) => okByCall.has(n));
    // The valid samples must really reach the services (not only the validator), or the run proves little.
    const reachedServices = okCount > calls / 10;
    const passed =
      crashes === 0 &&
      invariants.invalidRows === 0 &&
      integrity === 'ok' &&
      fk.length === 0 &&
      !prototypePolluted &&
      invariants.samples.length === 0 &&
      reachedServices &&
      approvedChanges.length === 0 &&
      reachedList.every((r) => r.ok >= r.required) &&
      httpPassed;
    return {
      seed,
      cases: options.cases,
      calls,
      callNames: names.length,
      ok: okCount,
      errors,
      errorCodes,
      callsWithOk,
      callsNeverOk: names.filter((n) => !okByCall.has(n)),
      okByCall: Object.fromEntries([...okByCall].sort(([a], [b]) => a.localeCompare(b))),
      crashes,
      crashSamples,
      internalErrors,
      internalSamples,
      constraintRefusals,
      constraintSamples,
      integrity,
      foreignKeyProblems: fk.length,
      invalidRows: invariants.invalidRows,
      invalidByRule: invariants.byRule,
      invalidSamples: invariants.samples,
      skippedChecks: invariants.skipped,
      prototypePolluted,
      rowCounts,
      reached: reachedList,
      approvedChanges,
      http: httpReport,
      durationMs: Date.now() - started,
      passed,
      file,
    };
  } finally {
    if (http) await http.finish().catch(() => {});
    store.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}

export function formatFuzzReport(r: FuzzReport): string {
  const lines = [
    `Fuzz (seed ${r.seed}, ${r.cases} cases x ${r.callNames} calls, ${(r.durationMs / 1000).toFixed(1)} s)`,
    `  calls made:           ${r.calls}`,
    `  ok results:           ${r.ok} (${r.callsWithOk.length}/${r.callNames} calls answered ok at least once)`,
    `  errors returned:      ${r.errors} ${JSON.stringify(r.errorCodes)}`,
    `    internal errors:    ${r.internalErrors}`,
    `    refused by a DB constraint: ${r.constraintRefusals}`,
    `  crashes:              ${r.crashes}`,
    `  integrity_check:      ${r.integrity}`,
    `  foreign_key_check:    ${r.foreignKeyProblems} problems`,
    `  invalid rows:         ${r.invalidRows}${r.invalidRows ? ` ${JSON.stringify(r.invalidByRule)}` : ''}`,
    `  prototype polluted:   ${r.prototypePolluted ? 'YES' : 'no'}`,
    `  rows at the end:      ${JSON.stringify(r.rowCounts)}`,
    `  result:               ${r.passed ? 'PASS' : 'FAIL'}`,
  ];
  if (r.callsNeverOk.length) lines.push(`  never answered ok:    ${r.callsNeverOk.join(', ')}`);
  lines.push(`  reached (ok answers, both transports; required): ${r.reached.map((x) => `${x.kind} ${x.ok} (${x.required})`).join(', ')}`);
  lines.push(`  approved minutes:     ${r.approvedChanges.length ? `CHANGED: ${r.approvedChanges.join('; ')}` : 'unchanged (published meeting: minutes text, exempt text and versions identical)'}`);
  const h = r.http;
  if (h.cases) {
    lines.push(
      `Through the HTTP host (${h.cases} cases):`,
      `  requests:             ${h.requests}, ok ${h.ok}, errors ${h.errors} ${JSON.stringify(h.errorCodes)}`,
      `  HTTP statuses:        ${JSON.stringify(h.statuses)}`,
      `  app-only calls ok:    ${HOST_ONLY_CALLS.map((n) => `${n} ${h.okByCall[n] ?? 0}`).join(', ')}`,
      `  imports ok:           ${['import.readAgenda', 'import.applyAgenda', 'import.readTeams', 'import.applyTeams'].map((n) => `${n} ${h.okByCall[n] ?? 0}`).join(', ')}`,
      `  restores refused as undoing approved minutes: ${h.restoresRefused}`,
      `  invalid UTF-8 bodies: ${h.invalidUtf8Sent} sent, ${h.invalidUtf8Accepted} not refused with 400 or changed the database; rows holding their marker: ${h.markerRows}`,
      `  crashes:              ${h.crashes}; internal errors: ${h.internalErrors}`,
      `  integrity_check:      ${h.integrity}; foreign_key_check: ${h.foreignKeyProblems} problems; invalid rows: ${h.invalidRows}${h.invalidRows ? ` ${JSON.stringify(h.invalidByRule)}` : ''}`,
    );
  } else lines.push('Through the HTTP host: not run');
  lines.push(`  ok answers per call (in-process): ${JSON.stringify(r.okByCall)}`);
  if (h.cases) lines.push(`  ok answers per call (host): ${JSON.stringify(h.okByCall)}`);
  if (r.skippedChecks.length) lines.push(`  invariant checks skipped: ${r.skippedChecks.join('; ')}`);
  const list = (title: string, items: string[]) => {
    if (items.length) lines.push(title, ...items.slice(0, 15).map((x) => `  - ${x}`));
  };
  list('Crashes:', r.crashSamples.map((c) => `${c.call} ${c.input}\n      ${c.error.split('\n').slice(0, 4).join('\n      ')}`));
  list('Internal errors:', r.internalSamples.map((c) => `${c.call} ${c.input}\n      ${c.error}`));
  list('Refused by a database constraint (validation let these through):', r.constraintSamples.map((c) => `${c.call} ${c.input}\n      ${c.error}`));
  list('Invalid rows:', r.invalidSamples);
  list('Host crashes:', h.crashSamples.map((c) => `${c.call} ${c.input}\n      ${c.error.split('\n').slice(0, 4).join('\n      ')}`));
  list('Host internal errors:', h.internalSamples.map((c) => `${c.call} ${c.input}\n      ${c.error}`));
  list('Invalid UTF-8 not refused:', h.invalidUtf8Samples);
  list('Invalid rows (host database):', h.invalidSamples);
  return lines.join('\n');
}

/* ------------------------------------------------------------------ */
/* Command line                                                        */
/* ------------------------------------------------------------------ */

const USAGE = `Usage: npm run fuzz -- --cases N [--seed S] [--http-share X] [--call NAME[,NAME...]] [--keep] [--quiet]
  --cases N   inputs per API call (positive integer, required)
  --http-share X  share of the cases also sent through the HTTP host, 0 to 1 (default ${DEFAULT_HTTP_SHARE}; 0 = none)
  --seed S    seed (non-negative integer; default random, printed in the report)
  --call      only these calls (comma-separated)
  --keep      keep the temporary database and print its path
  --quiet     no progress lines`;

export class FuzzUsageError extends Error {}

export function parseFuzzArgs(argv: string[]): FuzzOptions & { quiet: boolean } {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) throw new FuzzUsageError(`Unexpected argument "${arg}"`);
    const name = match[1]!;
    if (['keep', 'quiet', 'help'].includes(name)) {
      if (match[2] !== undefined) throw new FuzzUsageError(`--${name} takes no value`);
      switches.add(name);
    } else if (['cases', 'seed', 'call', 'http-share'].includes(name)) {
      const value = match[2] ?? argv[++i];
      if (value === undefined || value === '' || (match[2] === undefined && value.startsWith('--'))) throw new FuzzUsageError(`--${name} needs a value`);
      values.set(name, value);
    } else throw new FuzzUsageError(`Unknown option --${name}`);
  }
  if (switches.has('help')) throw new FuzzUsageError('');
  const casesText = values.get('cases');
  if (casesText === undefined) throw new FuzzUsageError('--cases N is required (a positive integer)');
  if (!/^\d+$/.test(casesText) || !Number.isSafeInteger(Number(casesText)) || Number(casesText) < 1) throw new FuzzUsageError(`--cases must be a positive integer, not "${casesText}"`);
  const seedText = values.get('seed');
  if (seedText !== undefined && (!/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff)) throw new FuzzUsageError(`--seed must be an integer from 0 to 4294967295, not "${seedText}"`);
  const calls = values.get('call')?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknownCalls = (calls ?? []).filter((c) => !(CALL_NAMES as readonly string[]).includes(c));
  if (unknownCalls.length) throw new FuzzUsageError(`Unknown call(s): ${unknownCalls.join(', ')}`);
  const shareText = values.get('http-share');
  if (shareText !== undefined && (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(shareText) || Number(shareText) > 1)) throw new FuzzUsageError(`--http-share must be a number from 0 to 1, not "${shareText}"`);
  return {
    cases: Number(casesText),
    seed: seedText === undefined ? undefined : Number(seedText),
    calls,
    httpShare: shareText === undefined ? undefined : Number(shareText),
    keep: switches.has('keep'),
    quiet: switches.has('quiet'),
  };
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseFuzzArgs>;
  try {
    options = parseFuzzArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof FuzzUsageError) {
      if (error.message) console.error(`fuzz: ${error.message}`);
      console.error(USAGE);
      process.exit(error.message ? 2 : 0);
    }
    throw error;
  }
  const report = await runFuzz({ ...options, log: options.quiet ? undefined : (line) => console.log(line) });
  console.log(formatFuzzReport(report));
  if (options.keep) console.log(`Database kept at ${report.file}`);
  process.exit(report.passed ? 0 : 1);
}

if (invokedDirectly(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
