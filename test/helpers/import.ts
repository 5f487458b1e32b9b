/** Shared checks for the agenda import tests (text and .docx). */
import { expect } from 'vitest';
import type { ImportResult } from '../../shared/import/decode';
import type { ParsedAgenda, ParsedAgendaItem } from '../../shared/import/agenda-text';

export function agendaValue(result: ImportResult<ParsedAgenda>): ParsedAgenda {
  if (!result.ok) throw new Error(`expected an agenda, got: ${result.error.message}`);
  return result.value;
}

export function refusal(result: ImportResult<ParsedAgenda>): string {
  if (result.ok) throw new Error('expected the agenda to be refused');
  expect(result.error.code).toBe('invalid_file');
  return result.error.message;
}

/** An expected agenda item: a plain public business item unless told otherwise. */
export const agendaItem = (agendaNumber: number, title: string, more: Partial<ParsedAgendaItem> = {}): ParsedAgendaItem => ({
  agendaNumber,
  title,
  presenter: '',
  papers: '',
  exempt: false,
  exemptParagraph: null,
  standardKind: null,
  ...more,
});
