/**
 * `npm run export`: writes a meeting's Word document from the command line.
 *
 *   npm run export -- --data <folder> --meeting <id> --out <file.docx> [--document minutes|exempt|decisions|actions]
 *   npm run export -- --demo --out <file.docx> [--document ...]
 *   npm run export -- --data <folder> --meeting <id> --publish <folder> [--draft]
 *   npm run export -- --demo --publish <folder>
 *
 * --publish makes the meeting's publication folder (electron/export/publish.ts)
 * inside <folder>: approved minutes only, or draft minutes marked DRAFT with
 * --draft. The demo meeting is approved first (through minutes.setStatus, as
 * the chair's approval would be recorded), so the demo publishes as it is.
 *
 * --data follows the same rules as the browser host (the flag, then
 * MEETING_CLERK_DATA, then the per-user app data folder). The database must
 * already exist there: exporting never creates one. --demo builds the
 * built-in fictional demo meeting in a temporary database and exports that.
 * The file is written to a temporary name beside --out and renamed into
 * place, so a failed export leaves nothing behind (not even a partial file). Bad input exits 2.
 */
import { invokedDirectly } from './invoked-directly';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { ExportedFile } from '../shared/contract';
import { formatLongDate } from '../shared/format';
import type { MeetingRecord } from '../shared/model';
import { EXPORT_DOCUMENTS } from '../shared/schemas';
import { databaseFile, parseFlags, resolveDataDir, UsageError } from '../electron/config/data-dir';
import type { PublishedMeeting } from '../shared/contract';
import { createServices, type Services } from '../electron/services';
import { openStore, StoreOpenError, type Store } from '../electron/store/open-store';

export const USAGE = [
  'Usage: npm run export -- --data <folder> --meeting <id> --out <file.docx> [--document minutes|exempt|decisions|actions]',
  '       npm run export -- --demo --out <file.docx> [--document minutes|exempt|decisions|actions]',
  '       npm run export -- --data <folder> --meeting <id> --publish <folder> [--draft]',
  '       npm run export -- --demo --publish <folder>',
].join('\n');

type ExportDocument = (typeof EXPORT_DOCUMENTS)[number];

const DOCUMENT_NAMES: Record<ExportDocument, string> = {
  minutes: 'minutes',
  exempt: 'exempt minutes',
  decisions: 'decision sheet',
  actions: 'action log',
};

export interface ExportCliResult {
  /** 0 written; 1 an unexpected failure; 2 bad input (nothing written). */
  code: number;
  /** One line: what was written, or why not. */
  message: string;
}

/** Bad input: exit code 2, nothing written. */
class ExportInputError extends Error {}

const isDocument = (value: string): value is ExportDocument => (EXPORT_DOCUMENTS as readonly string[]).includes(value);

/** The checks on --out made before anything is read: a .docx path in a folder that exists (claimTemporary proves it can be written). */
function checkOut(outArg: string): string {
  const out = resolve(outArg);
  if (!/\.docx$/i.test(out)) throw new ExportInputError(`--out must name a .docx file, not "${outArg}"`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new ExportInputError(`--out ${out} is a folder; give the path of a .docx file`);
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ExportInputError(`The folder for --out does not exist: ${folder}`);
  return out;
}

function parseMeetingId(text: string): number {
  const id = Number(text);
  if (!/^[1-9]\d*$/.test(text) || !Number.isSafeInteger(id)) throw new ExportInputError(`--meeting must be a meeting id (a whole number from 1), not "${text}"`);
  return id;
}

/** Opens the clerk's existing database in a data folder; never creates one. */
function openExisting(dataDir: string): Store {
  const file = databaseFile(dataDir);
  if (!existsSync(file)) throw new ExportInputError(`There is no Meeting Clerk database in ${dataDir} (looked for ${basename(file)}); nothing was exported`);
  if (statSync(file).isDirectory() || statSync(file).size === 0) throw new ExportInputError(`${file} is not a Meeting Clerk database; nothing was exported`);
  return openStore(file);
}

/** Builds the document; a refusal (a missing meeting, no exempt items) is bad input. */
async function build(services: Services, meetingId: number, document: ExportDocument): Promise<{ file: ExportedFile; record: MeetingRecord }> {
  const found = services.dispatch('meetings.get', { meetingId });
  if (!found.ok) throw new ExportInputError(found.error.message);
  const result = await services.call('exports.build', { meetingId, document });
  if (!result.ok) {
    if (result.error.code === 'internal') throw new Error(result.error.message);
    throw new ExportInputError(result.error.message);
  }
  return { file: result.value as ExportedFile, record: found.value as MeetingRecord };
}

/**
 * Claims a temporary file beside the target before any work is done: this is
 * the real test that the folder can be written (root passes access checks on
 * a read-only file system). The document is written there and renamed into
 * place, so the target appears whole or not at all.
 */
function claimTemporary(out: string): string {
  // The name needs only to be one no other export is using ('wx' never overwrites one that is): the process id and a
  // random part, without loading node:crypto for it (some 6 ms of the command's start).
  for (let attempt = 0; ; attempt++) {
    const temporary = join(dirname(out), `.${basename(out)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    try {
      writeFileSync(temporary, '', { flag: 'wx' });
      return temporary;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      if (code === 'EEXIST' && attempt < 3) continue;
      throw new ExportInputError(`The folder for --out cannot be written to: ${dirname(out)} (${code})`);
    }
  }
}

/**
 * --publish: the publication folder of a meeting (or of the demo meeting, approved first).
 * The store and the demo folder are handed back as soon as they exist, so the caller closes and removes them.
 */
async function publish(
  folder: string,
  demo: boolean,
  dataArg: string | undefined,
  meetingArg: string | undefined,
  draft: boolean,
  madeDemoDir: (dir: string) => void,
  opened: (store: Store) => void,
): Promise<ExportCliResult> {
  if (demo && (dataArg !== undefined || meetingArg !== undefined)) throw new ExportInputError('--demo builds its own meeting: leave out --data and --meeting');
  if (!demo && meetingArg === undefined) throw new ExportInputError('--meeting <id> is required (or --demo for the demo meeting)');
  const meetingFromArg = demo ? null : parseMeetingId(meetingArg!);
  let store: Store;
  let meetingId: number;
  if (demo) {
    const dir = mkdtempSync(join(tmpdir(), 'meeting-clerk-demo-'));
    madeDemoDir(dir);
    store = openStore(databaseFile(dir));
    opened(store);
    const services = createServices(store, { transport: 'browser-host' });
    const made = services.dispatch('demo.load', {});
    if (!made.ok) throw new Error(`The demo meeting could not be made: ${made.error.message}`);
    meetingId = (made.value as { meetingId: number }).meetingId;
    // The demo's minutes are approved by the chair before they are published, as a clerk's would be.
    const approved = services.dispatch('minutes.setStatus', { meetingId, status: 'approved', note: 'Demo minutes approved for publication' });
    if (!approved.ok) throw new Error(`The demo minutes could not be approved: ${approved.error.message}`);
  } else {
    store = openExisting(resolveDataDir(dataArg));
    opened(store);
    meetingId = meetingFromArg!;
  }
  const services = createServices(store, { transport: 'browser-host' });
  const found = services.dispatch('meetings.get', { meetingId });
  if (!found.ok) throw new ExportInputError(found.error.message);
  const result = await services.call('exports.publish', { meetingId, folder, draft });
  if (!result.ok) {
    if (result.error.code === 'internal') throw new Error(result.error.message);
    throw new ExportInputError(result.error.message);
  }
  const done = result.value as PublishedMeeting;
  const record = found.value as MeetingRecord;
  const exempt = done.exemptFolder ? `; exempt minutes apart in ${done.exemptFolder}` : '';
  return {
    code: 0,
    message: `Published ${done.draft ? 'DRAFT ' : ''}minutes of ${record.body.name} on ${formatLongDate(record.date)} to ${done.folder} (${done.files.length} files, PDF by ${done.pdfMadeBy})${exempt}`,
  };
}

/** The command, callable in-process: parses argv (without node and the script), exports, and reports. */
export async function runExportCli(argv: string[]): Promise<ExportCliResult> {
  let store: Store | null = null;
  let demoDir: string | null = null;
  let temporary: string | null = null;
  try {
    const flags = parseFlags(argv, ['data', 'meeting', 'out', 'document', 'publish'], ['demo', 'help', 'draft']);
    if (flags.switches.has('help')) return { code: 0, message: USAGE };
    const demo = flags.switches.has('demo');
    if (flags.values.publish !== undefined) {
      if (flags.values.out !== undefined || flags.values.document !== undefined) {
        throw new ExportInputError('--publish writes every document into one folder: leave out --out and --document');
      }
      return await publish(flags.values.publish, demo, flags.values.data, flags.values.meeting, flags.switches.has('draft'), (dir) => (demoDir = dir), (s) => (store = s));
    }
    if (flags.switches.has('draft')) throw new ExportInputError('--draft goes with --publish (a Word export of draft minutes is always marked DRAFT)');
    const documentArg = flags.values.document ?? 'minutes';
    if (!isDocument(documentArg)) {
      throw new ExportInputError(`--document must be one of ${EXPORT_DOCUMENTS.join(', ')}, not "${documentArg}"`);
    }
    if (flags.values.out === undefined) throw new ExportInputError('--out <file.docx> is required');
    if (demo && (flags.values.data !== undefined || flags.values.meeting !== undefined)) {
      throw new ExportInputError('--demo builds its own meeting: leave out --data and --meeting');
    }
    if (!demo && flags.values.meeting === undefined) throw new ExportInputError('--meeting <id> is required (or --demo for the demo meeting)');
    const meetingArg = demo ? null : parseMeetingId(flags.values.meeting!);
    const out = checkOut(flags.values.out);
    temporary = claimTemporary(out);

    let meetingId: number;
    if (demo) {
      demoDir = mkdtempSync(join(tmpdir(), 'meeting-clerk-demo-'));
      store = openStore(databaseFile(demoDir));
      const demoMade = createServices(store, { transport: 'browser-host' }).dispatch('demo.load', {});
      if (!demoMade.ok) throw new Error(`The demo meeting could not be made: ${demoMade.error.message}`);
      meetingId = (demoMade.value as { meetingId: number }).meetingId;
    } else {
      store = openExisting(resolveDataDir(flags.values.data));
      meetingId = meetingArg!;
    }
    const services = createServices(store, { transport: 'browser-host' });
    const { file, record } = await build(services, meetingId, documentArg);
    const bytes = Buffer.from(file.base64, 'base64');
    writeFileSync(temporary, bytes);
    renameSync(temporary, out);
    temporary = null;
    const kb = Math.max(1, Math.round(bytes.length / 1024));
    return {
      code: 0,
      message: `Wrote ${out} (${kb} KB): ${DOCUMENT_NAMES[documentArg]} of ${record.body.name} on ${formatLongDate(record.date)}`,
    };
  } catch (error) {
    if (error instanceof ExportInputError || error instanceof UsageError || error instanceof StoreOpenError) {
      return { code: 2, message: error.message };
    }
    return { code: 1, message: `The export failed: ${(error as Error)?.message ?? String(error)}` };
  } finally {
    if (temporary !== null) rmSync(temporary, { force: true });
    if (store?.db.open) store.close();
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  }
}

if (invokedDirectly(import.meta.url)) {
  void runExportCli(process.argv.slice(2)).then(({ code, message }) => {
    if (code === 0) console.log(message);
    else console.error(`meeting-clerk export: ${message}`);
    process.exitCode = code;
  });
}
