/** What the parsing worker is asked and answers (types only: both sides import it). */
import type { TeamsPreview } from '../../shared/contract';
import type { ParsedAgenda } from '../../shared/import/agenda-text';
import type { PastMeeting } from '../../shared/import/past-minutes';
import type { ImportResult } from '../../shared/import/decode';
import type { ParsedReply } from '../../shared/review/reply';
import type { DocxLimits } from './docx-zip';
import type { TeamsCandidate } from './teams-preview';
import type { ReadTemplate, TemplateLimits } from './word-template';

export type ParseTask =
  | { kind: 'agenda-text'; text: string }
  | { kind: 'agenda-docx'; bytes: Uint8Array; limits?: DocxLimits }
  | { kind: 'teams-report'; bytes: Uint8Array; meetingDate: string; candidates: TeamsCandidate[] }
  | { kind: 'word-template'; bytes: Uint8Array; limits?: TemplateLimits }
  /** The chair's reply to a review copy: tracked changes, comments and words per marked block. */
  | { kind: 'review-reply'; bytes: Uint8Array; limits?: DocxLimits }
  /** A body's past minutes (issue 18): pasted text, or a .docx. */
  | { kind: 'minutes-text'; text: string }
  | { kind: 'minutes-docx'; bytes: Uint8Array; limits?: DocxLimits };

/** What each kind of task answers. */
export type TaskResult<T extends ParseTask> = T extends { kind: 'teams-report' }
  ? ImportResult<TeamsPreview>
  : T extends { kind: 'word-template' }
    ? ImportResult<ReadTemplate>
    : T extends { kind: 'review-reply' }
      ? ImportResult<ParsedReply>
      : T extends { kind: 'minutes-text' } | { kind: 'minutes-docx' }
        ? ImportResult<PastMeeting>
        : ImportResult<ParsedAgenda>;

export type WorkerMessage =
  /** thread: the worker's Linux thread id (its CPU time is read from /proc), or null elsewhere. */
  | { type: 'ready'; thread: number | null }
  | { type: 'result'; id: number; result: ImportResult<ParsedAgenda> | ImportResult<TeamsPreview> | ImportResult<ReadTemplate> | ImportResult<ParsedReply> | ImportResult<PastMeeting> }
  | { type: 'failed'; id: number; message: string };
