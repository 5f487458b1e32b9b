/**
 * The documents a meeting exports: the public minutes, the exempt minutes,
 * the decision sheet and the body's action log. Data is read in one
 * transaction; the Word file is then written from the same minutes document
 * model the live preview draws.
 */
import type { ExportedFile } from '../../shared/contract';
import { decisionSheet } from '../../shared/minutes/decision-sheet';
import { buildMinutes, type MinutesDocument } from '../../shared/minutes/document';
import type { HouseStyle } from '../../shared/minutes/house-style';
import type { MeetingRecord } from '../../shared/model';
import type { EXPORT_DOCUMENTS } from '../../shared/schemas';
import { DomainError } from '../../shared/result';
import type { ReadContext } from '../services/context';
import { actionLogOf } from '../services/lookups';
import { loadRecord } from '../services/meeting-record';
import { templateKitOf } from '../services/word-templates';
import type { TemplateKit } from '../import/word-template';
import type { ActionLogInput } from './action-log-docx';
import { shortDate } from '../../shared/format';
import { wordWriters } from './word-writers';

export type ExportDocument = (typeof EXPORT_DOCUMENTS)[number];

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What one Word file needs; `template` is the council's Word template the house style names (null for the built-in style). */
export type ExportSource = (
  | { document: 'minutes' | 'exempt' | 'decisions'; doc: MinutesDocument; style: HouseStyle; fileName: string; exemptParagraphs?: number[] }
  | { document: 'actions'; log: ActionLogInput; style: HouseStyle; fileName: string }
) & { template: TemplateKit | null };

/** "Wessex Safer Communities Board 2026-06-19 minutes.docx", safe on every file system. */
export function fileNameFor(record: Pick<MeetingRecord, 'date'> & { body: { name: string } }, what: string): string {
  const body = record.body.name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${body} ${record.date} ${what}.docx`;
}

/** The body's action log as at this meeting: every action raised at its meetings up to this one, by number, with dated comments. */
export function actionLog(ctx: ReadContext, record: MeetingRecord, options: { publicOnly?: boolean } = {}): ActionLogInput {
  // A published action log leaves out actions raised on exempt items: their words are exempt too.
  const exemptItems = options.publicOnly
    ? new Set(
        (
          ctx.store.db
            .prepare('SELECT i.id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id WHERE m.body_id = ? AND i.exempt = 1')
            .all(record.bodyId) as { id: number }[]
        ).map((r) => r.id),
      )
    : new Set<number>();
  const upTo = actionLogOf(ctx, record.bodyId).filter((a) => a.raisedOn <= record.date && !exemptItems.has(a.agendaItemId));
  return {
    bodyName: record.body.name,
    title: `${record.body.name}: Action Log`,
    rows: upTo.map((a) => ({
      number: a.number,
      date: a.raisedOn,
      action: a.text,
      owner: a.owner,
      comments: a.comments.map((c) => `${shortDate(c.date)} ${c.text}`).join('\n'),
      status: a.status,
    })),
  };
}

/** The Schedule 12A paragraphs the meeting's exempt items cite. */
export const exemptParagraphsOf = (record: MeetingRecord): number[] =>
  [...new Set(record.items.filter((i) => i.exempt && i.exemptParagraph !== null).map((i) => i.exemptParagraph!))].sort((a, b) => a - b);

/** Reads what a document needs (inside the call's transaction). */
export function gatherExport(ctx: ReadContext, meetingId: number, document: ExportDocument): ExportSource {
  const record = loadRecord(ctx, meetingId);
  // Approved minutes: the house style (and so the template) frozen with the record at approval.
  const style = record.body.houseStyle;
  const template = templateKitOf(ctx, style);
  switch (document) {
    case 'minutes':
      return { document, doc: buildMinutes(record, { style }), style, template, fileName: fileNameFor(record, 'minutes') };
    case 'exempt':
      if (!record.items.some((i) => i.exempt)) throw new DomainError('invalid_input', 'This meeting has no exempt items, so there are no exempt minutes');
      return {
        document,
        doc: buildMinutes(record, { style, part: 'exempt' }),
        style,
        template,
        fileName: fileNameFor(record, 'exempt minutes'),
        exemptParagraphs: exemptParagraphsOf(record),
      };
    case 'decisions':
      return { document, doc: decisionSheet(buildMinutes(record, { style })), style, template, fileName: fileNameFor(record, 'decisions') };
    case 'actions':
      return { document, log: actionLog(ctx, record), style, template, fileName: fileNameFor(record, 'action log') };
  }
}

/** Writes the Word file. */
export async function renderExport(source: ExportSource): Promise<ExportedFile> {
  const { template } = source;
  const { actionLogToDocx, decisionSheetToDocx, minutesToDocx } = await wordWriters();
  const bytes =
    source.document === 'actions'
      ? await actionLogToDocx(source.log, source.style, { template })
      : source.document === 'decisions'
        ? await decisionSheetToDocx(source.doc, source.style, { template })
        : await minutesToDocx(source.doc, source.style, { exemptParagraphs: source.exemptParagraphs ?? [], template });
  return { fileName: source.fileName, mimeType: DOCX_MIME, base64: bytes.toString('base64') };
}
