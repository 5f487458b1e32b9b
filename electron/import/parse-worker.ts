/**
 * The parsing worker: reads one untrusted file away from the thread that
 * holds the database (electron/import/isolated.ts starts it with memory and
 * time limits). It says it is ready, then answers tasks one at a time. A
 * worker whose parse ran out of memory or time is terminated; one that
 * answered may be kept a few seconds for the next file (isolated.ts).
 *
 * Built as its own bundle beside the host's and the Electron main process's
 * (scripts/bundles.mjs, scripts/build-electron.mjs); run from source under
 * tsx by the tests.
 */
import { readlinkSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { TeamsPreview } from '../../shared/contract';
import { parseAgendaText } from '../../shared/import/agenda-text';
import type { ImportResult } from '../../shared/import/decode';
import type { ParsedAgenda } from '../../shared/import/agenda-text';
import type { ParsedReply } from '../../shared/review/reply';
import { readPastMinutesText, type PastMeeting } from '../../shared/import/past-minutes';
import { importFail, importOk } from '../../shared/import/decode';
import { lowerThisThread } from './parse-priority';
import type { ParseTask, WorkerMessage } from './parse-task';
import type { ReadTemplate } from './word-template';
import { previewTeams } from './teams-preview';

const port = parentPort;
if (!port) throw new Error('parse-worker.ts is a worker_threads entry; isolated.ts starts it');

lowerThisThread();

async function run(task: ParseTask): Promise<ImportResult<ParsedAgenda> | ImportResult<TeamsPreview> | ImportResult<ReadTemplate> | ImportResult<ParsedReply> | ImportResult<PastMeeting>> {
  switch (task.kind) {
    case 'agenda-text':
      return parseAgendaText(task.text);
    case 'teams-report':
      return previewTeams(task.bytes, task.meetingDate, task.candidates);
    case 'agenda-docx': {
      // mammoth is loaded here, once the clock is running, so a start is quick.
      const { readAgendaDocx } = await import('./agenda-docx');
      return readAgendaDocx(task.bytes, task.limits);
    }
    case 'word-template': {
      const { readWordTemplate } = await import('./word-template');
      return readWordTemplate(task.bytes, task.limits);
    }
    case 'minutes-text': {
      const read = readPastMinutesText(task.text);
      return read.ok ? importOk(read.value) : importFail(read.message);
    }
    case 'minutes-docx': {
      const { readMinutesDocx } = await import('./minutes-docx');
      return readMinutesDocx(task.bytes, task.limits);
    }
    case 'review-reply': {
      const { readReviewReply } = await import('./review-reply');
      return readReviewReply(task.bytes, task.limits);
    }
  }
}

port.on('message', ({ id, task }: { id: number; task: ParseTask }) => {
  run(task).then(
    (result) => port.postMessage({ type: 'result', id, result } satisfies WorkerMessage),
    (error: unknown) => port.postMessage({ type: 'failed', id, message: (error as Error)?.message ?? String(error) } satisfies WorkerMessage),
  );
});
/** This thread's id on Linux (/proc/thread-self is /proc/<pid>/task/<tid>): isolated.ts times the parse by its CPU time. */
function threadId(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

port.postMessage({ type: 'ready', thread: threadId() } satisfies WorkerMessage);
