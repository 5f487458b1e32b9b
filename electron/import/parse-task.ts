/** What the parsing worker is asked and answers (types only: both sides import it). */
import type { TeamsPreview } from '../../shared/contract';
import type { ParsedAgenda } from '../../shared/import/agenda-text';
import type { ImportResult } from '../../shared/import/decode';
import type { DocxLimits } from './docx-zip';
import type { TeamsCandidate } from './teams-preview';

export type ParseTask =
  | { kind: 'agenda-text'; text: string }
  | { kind: 'agenda-docx'; bytes: Uint8Array; limits?: DocxLimits }
  | { kind: 'teams-report'; bytes: Uint8Array; meetingDate: string; candidates: TeamsCandidate[] };

/** What each kind of task answers. */
export type TaskResult<T extends ParseTask> = T extends { kind: 'teams-report' } ? ImportResult<TeamsPreview> : ImportResult<ParsedAgenda>;

export type WorkerMessage =
  /** thread: the worker's Linux thread id (its CPU time is read from /proc), or null elsewhere. */
  | { type: 'ready'; thread: number | null }
  | { type: 'result'; id: number; result: ImportResult<ParsedAgenda> | ImportResult<TeamsPreview> }
  | { type: 'failed'; id: number; message: string };
