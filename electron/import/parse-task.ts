/** What the parsing worker is asked and answers (types only: both sides import it). */
import type { ParsedAgenda } from '../../shared/import/agenda-text';
import type { ImportResult } from '../../shared/import/decode';
import type { DocxLimits } from './docx-zip';

export type ParseTask =
  | { kind: 'agenda-text'; text: string }
  | { kind: 'agenda-docx'; bytes: Uint8Array; limits?: DocxLimits };

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'result'; result: ImportResult<ParsedAgenda> }
  | { type: 'failed'; message: string };
