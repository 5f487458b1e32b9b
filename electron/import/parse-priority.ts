/**
 * Reading a file gives way to the clerk's typing. On Linux a thread's nice
 * value is its own (setpriority(PRIO_PROCESS, 0) changes only the calling
 * thread), so the parsing worker's thread lowers itself to PARSE_NICE while
 * the thread that answers autosave, and Chromium, keep theirs: when both
 * want the CPU, the scheduler gives the reader about a tenth of a core
 * (weights 110 against 1024). On Windows and macOS the same call would lower
 * the whole process (the Electron main process, database and all), so it is
 * made on Linux only. The worker's time limit counts its own CPU time
 * (isolated.ts), so a file read more slowly because it gave way is not
 * refused for it.
 */
import { getPriority, setPriority } from 'node:os';

export const PARSE_NICE = 10;

/** Lowers the calling thread to PARSE_NICE (Linux; never raises it). Call it in the parsing worker only. */
export function lowerThisThread(): void {
  if (process.platform !== 'linux') return;
  try {
    if (getPriority(0) < PARSE_NICE) setPriority(0, PARSE_NICE);
  } catch {
    // Not allowed here (a sandbox): the file is read at the normal priority.
  }
}
