/**
 * The action log as a Word table, like the one filed with the reference
 * agenda pack: No., Date, Action, Responsible Officer, Comments, Status. A4
 * landscape, the header row repeated on every page, status cells shaded red,
 * amber or green (the word is printed too, so colour is never the only cue).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { HouseStyle } from '../../shared/minutes/house-style';
import { baseStyles, finishDocx, headerAndFooter, logoAltText, logoParagraph, pageSetup, STYLE, type TemplateOptions } from './minutes-docx';

import type { ActionStatus } from '../../shared/model';

export interface ActionLogRow {
  number: number;
  /** ISO date the action was raised, printed dd/mm/yy. */
  date: string;
  action: string;
  owner: string;
  comments: string;
  status: ActionStatus;
}

export interface ActionLogInput {
  bodyName: string;
  title: string;
  rows: ActionLogRow[];
}

export const ACTION_LOG_COLUMNS = ['No.', 'Date', 'Action', 'Responsible Officer', 'Comments', 'Status'] as const;
/** Shares of the table width, in the order of the columns. */
const COLUMN_SHARES = [0.05, 0.09, 0.31, 0.16, 0.29, 0.1];

/** RAG fills: black text on each meets WCAG AA contrast. */
export const STATUS_FILL: Record<ActionStatus, string> = {
  Red: 'FF0000',
  Amber: 'FFC000',
  Green: '00B050',
  Complete: 'D9D9D9',
};

import { shortDate } from '../../shared/format';

export { shortDate };

const CELL_STYLE = 'TableText';

export async function actionLogToDocx(input: ActionLogInput, style: HouseStyle, options: TemplateOptions = {}): Promise<Buffer> {
  const { used, size, margin, m, titlePage } = pageSetup(style, options.template ?? null, true, options.minBodySizePt);
  // The template's code (and its XML parser) is loaded only for a log that has one.
  const tableStyle = options.template && (await import('./word-template-apply')).templateHasStyle(options.template, 'TableGrid', 'table') ? 'TableGrid' : null;
  const widths = COLUMN_SHARES.map((share) => Math.floor(m.contentWidth * share));
  widths[widths.length - 1]! += m.contentWidth - widths.reduce((a, b) => a + b, 0);

  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
  const para = (text: string, opts: { bold?: boolean; center?: boolean } = {}) =>
    new Paragraph({
      style: CELL_STYLE,
      alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
      // Line breaks typed into a comment stay line breaks.
      children: text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, bold: opts.bold, break: i > 0 ? 1 : undefined })),
    });
  const cell = (i: number, children: Paragraph[], fill?: string) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      children,
    });

  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ACTION_LOG_COLUMNS.map((label, i) => cell(i, [para(label, { bold: true })], 'D9D9D9')),
  });
  const rows = input.rows.map(
    (r) =>
      new TableRow({
        children: [
          cell(0, [para(String(r.number))]),
          cell(1, [para(shortDate(r.date))]),
          cell(2, [para(r.action)]),
          cell(3, [para(r.owner)]),
          cell(4, [para(r.comments)]),
          cell(5, [para(r.status, { bold: true, center: true })], STATUS_FILL[r.status]),
        ],
      }),
  );
  if (rows.length === 0) {
    rows.push(
      new TableRow({
        children: [new TableCell({ columnSpan: ACTION_LOG_COLUMNS.length, children: [para('There are no actions on the log.')] })],
      }),
    );
  }

  const { header, footer } = headerAndFooter({ left: input.bodyName, draft: false, exempt: false }, used, m);
  const logo = logoParagraph(used);
  const document = new Document({
    title: input.title,
    creator: used.councilName || 'Meeting Clerk',
    lastModifiedBy: 'Meeting Clerk',
    subject: input.bodyName,
    description: `Action log of the ${input.bodyName}`,
    keywords: 'action log',
    styles: baseStyles(used, m, [
      { id: CELL_STYLE, name: 'Table Text', basedOn: 'Normal', paragraph: { spacing: { before: 40, after: 40 } } },
    ]),
    sections: [
      {
        // docx swaps the sides itself for a landscape page: it is given the portrait size.
        properties: { page: { size: { width: size.height, height: size.width, orientation: PageOrientation.LANDSCAPE }, margin }, titlePage },
        headers: titlePage ? { default: header, first: header } : { default: header },
        footers: titlePage ? { default: footer, first: footer } : { default: footer },
        children: [
          ...(logo ? [logo] : []),
          ...(used.councilName ? [new Paragraph({ style: STYLE.councilName, children: [new TextRun(used.councilName)] })] : []),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(input.title)] }),
          new Table({
            width: { size: m.contentWidth, type: WidthType.DXA },
            columnWidths: widths,
            layout: TableLayoutType.FIXED,
            // The template's Table Grid draws the table when it has one; else thin black lines.
            ...(tableStyle ? { style: tableStyle } : { borders }),
            margins: { left: 80, right: 80, top: 0, bottom: 0 },
            rows: [headerRow, ...rows],
          }),
        ],
      },
    ],
  });
  return finishDocx(document, { ...options, keepMarkings: false, logoAlt: logoAltText(used) });
}
