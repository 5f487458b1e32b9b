/**
 * The minutes' body as plain descriptions (paragraphs and the name-list
 * table), and those descriptions written straight to WordprocessingML.
 *
 * `minutesBody` (minutes-docx.ts) lays the body out once, as these
 * descriptions; the docx library's objects are made from them
 * (`bodyToDocx`) for the review copy and a council's template, and
 * `bodyXml` writes the same XML the docx library writes for them, as one
 * string, for every other Word file. In a fresh process (`npm run export`,
 * the first export after a start) building and serialising the docx
 * library's object tree for a 60-item body was most of the export's own
 * time (some 45 ms of compile and its garbage); the string takes a few.
 * `test/integration/body-xml.test.ts` checks that both give the same
 * document.xml and numbering.xml, byte for byte, for every fixture.
 *
 * Only what the body uses is written here; anything else (a bookmark, a
 * field name as a run's text, a numbered paragraph with no style) makes
 * `bodyXml` answer null, and the caller uses the docx library's objects.
 */
import { Bookmark, Paragraph, Tab, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';

/** A tab inside a run. */
export const TAB = Symbol('tab');

/** A run: its words and tabs in order, bold or not (undefined: no run properties), inside a bookmark or not. */
export interface RunSpec {
  parts: readonly (string | typeof TAB)[];
  bold?: boolean;
  bookmark?: string;
}

/** The paragraph properties the minutes' body uses, as the docx library's IParagraphOptions names them. */
export interface ParagraphSpec {
  kind: 'p';
  heading?: 'Title' | 'Heading1' | 'Heading2';
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  numbering?: { reference: string; level: 0; instance: number };
  tabStops?: { type: 'left' | 'right'; position: number; leader?: 'dot' }[];
  spacing?: { before: number };
  indent?: { left: number; hanging?: number };
  runs: RunSpec[];
}

/** The name list: a borderless two-column table with a repeated header row. */
export interface NameListSpec {
  kind: 'name-list';
  width: number;
  widths: [number, number];
  style: string;
  /** The first is the header row. */
  rows: [RunSpec, RunSpec][];
}

export type BodyPart = ParagraphSpec | NameListSpec;

/** Text the docx library takes for a page-number field when it is a string among a run's children. */
const FIELD_NAMES = new Set(['CURRENT', 'TOTAL_PAGES', 'TOTAL_PAGES_IN_SECTION', 'SECTION']);

// ---------------------------------------------------------------- to the docx library's objects

function runToDocx(run: RunSpec): ParagraphChild {
  const { parts, bold } = run;
  const only = parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : null;
  const textRun =
    only !== null
      ? bold === undefined
        ? new TextRun(only)
        : new TextRun({ text: only, bold })
      : new TextRun({ children: parts.map((p) => (p === TAB ? new Tab() : p)), ...(bold === undefined ? {} : { bold }) });
  return run.bookmark ? new Bookmark({ id: run.bookmark, children: [textRun] }) : textRun;
}

function paragraphToDocx(p: ParagraphSpec): Paragraph {
  const { kind: _kind, runs, ...options } = p;
  return new Paragraph({ ...options, children: runs.map(runToDocx) });
}

function nameListToDocx(t: NameListSpec): Table {
  const cell = (run: RunSpec, width: number) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ style: t.style, children: [runToDocx(run)] })] });
  return new Table({
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: t.widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 115, top: 0, bottom: 0 },
    rows: t.rows.map(
      (cells, i) => new TableRow({ ...(i === 0 ? { tableHeader: true } : {}), cantSplit: true, children: cells.map((run, c) => cell(run, t.widths[c]!)) }),
    ),
  });
}

/** The body as the docx library's paragraphs and tables. */
export const bodyToDocx = (body: readonly BodyPart[]): (Paragraph | Table)[] => body.map((part) => (part.kind === 'p' ? paragraphToDocx(part) : nameListToDocx(part)));

// ---------------------------------------------------------------- straight to XML

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
/** As the docx library escapes text and attribute values: the five entities, and the control characters XML 1.0 forbids dropped. */
const escapeXml = (value: string) => value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? '');

/** A whole number as the docx library writes a measure (it floors; a value that is not finite is refused there too). */
function measure(value: number, unsigned = false): string {
  if (!Number.isFinite(value) || (unsigned && Math.floor(value) < 0)) throw new Error(`Invalid measure ${value}`);
  return String(Math.floor(value));
}

const onOff = (name: string, value: boolean | undefined) => (value === undefined ? '' : value ? `<${name}/>` : `<${name} w:val="false"/>`);

function runXml(run: RunSpec): string | null {
  if (run.bookmark !== undefined) return null;
  const asChildren = !(run.parts.length === 1 && typeof run.parts[0] === 'string');
  let xml = run.bold === undefined ? '<w:r>' : run.bold ? '<w:r><w:rPr><w:b/><w:bCs/></w:rPr>' : '<w:r><w:rPr><w:b w:val="false"/><w:bCs w:val="false"/></w:rPr>';
  for (const part of run.parts) {
    if (part === TAB) xml += '<w:tab/>';
    else if (asChildren && FIELD_NAMES.has(part)) return null;
    else xml += `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`;
  }
  return `${xml}</w:r>`;
}

function paragraphXml(p: ParagraphSpec): string | null {
  // The docx library gives a numbered paragraph with neither a style nor a heading the List Paragraph style.
  if (p.numbering && !p.style && !p.heading) return null;
  let pPr = '';
  if (p.heading) pPr += `<w:pStyle w:val="${escapeXml(p.heading)}"/>`;
  if (p.style) pPr += `<w:pStyle w:val="${escapeXml(p.style)}"/>`;
  pPr += onOff('w:keepNext', p.keepNext) + onOff('w:keepLines', p.keepLines);
  if (p.numbering) {
    const { reference, level, instance } = p.numbering;
    pPr += `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${escapeXml(listPlaceholder(reference, instance))}"/></w:numPr>`;
  }
  if (p.tabStops?.length) {
    pPr += '<w:tabs>';
    for (const t of p.tabStops) pPr += `<w:tab w:val="${t.type}" w:pos="${measure(t.position)}"${t.leader ? ` w:leader="${t.leader}"` : ''}/>`;
    pPr += '</w:tabs>';
  }
  if (p.spacing) pPr += `<w:spacing w:before="${p.spacing.before}"/>`;
  if (p.indent) pPr += `<w:ind w:left="${measure(p.indent.left)}"${p.indent.hanging === undefined ? '' : ` w:hanging="${measure(p.indent.hanging, true)}"`}/>`;
  let xml = pPr ? `<w:p><w:pPr>${pPr}</w:pPr>` : '<w:p>';
  for (const run of p.runs) {
    const r = runXml(run);
    if (r === null) return null;
    xml += r;
  }
  return `${xml}</w:p>`;
}

function nameListXml(t: NameListSpec): string | null {
  const none = '<w:top w:val="none" w:color="auto" w:sz="0"/><w:left w:val="none" w:color="auto" w:sz="0"/><w:bottom w:val="none" w:color="auto" w:sz="0"/><w:right w:val="none" w:color="auto" w:sz="0"/><w:insideH w:val="none" w:color="auto" w:sz="0"/><w:insideV w:val="none" w:color="auto" w:sz="0"/>';
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${measure(t.width)}"/><w:tblBorders>${none}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    '<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="0"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="115"/></w:tblCellMar></w:tblPr>' +
    `<w:tblGrid><w:gridCol w:w="${measure(t.widths[0])}"/><w:gridCol w:w="${measure(t.widths[1])}"/></w:tblGrid>`;
  for (let i = 0; i < t.rows.length; i++) {
    xml += i === 0 ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let c = 0; c < 2; c++) {
      const run = runXml(t.rows[i]![c]!);
      if (run === null) return null;
      xml += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${measure(t.widths[c]!)}"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${escapeXml(t.style)}"/></w:pPr>${run}</w:p></w:tc>`;
    }
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

/** Where a numbered paragraph's list id goes until the list's instances are numbered: the docx library's own placeholder. */
export const listPlaceholder = (reference: string, instance: number) => `{${reference}-${instance}}`;

/** The body as WordprocessingML (the w:body's children, list ids as placeholders), or null when it needs the docx library. */
export function bodyXml(body: readonly BodyPart[]): string | null {
  let xml = '';
  for (const part of body) {
    const x = part.kind === 'p' ? paragraphXml(part) : nameListXml(part);
    if (x === null) return null;
    xml += x;
  }
  return xml;
}

/** The lists the body numbers, in the order their first paragraphs come: the order the docx library numbers their instances in. */
export function bodyLists(body: readonly BodyPart[]): { reference: string; instance: number }[] {
  const seen = new Map<string, { reference: string; instance: number }>();
  for (const part of body) {
    if (part.kind !== 'p' || !part.numbering) continue;
    const { reference, instance } = part.numbering;
    const key = listPlaceholder(reference, instance);
    if (!seen.has(key)) seen.set(key, { reference, instance });
  }
  return [...seen.values()];
}
