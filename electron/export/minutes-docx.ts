/**
 * The Word writer for the minutes: a MinutesDocument (the same blocks the live
 * preview draws) in the council's house style, as a .docx that opens cleanly
 * and stays editable in Word and LibreOffice.
 *
 * Layout follows the printed reference minutes: the opening line, PRESENT and
 * aligned two-column name lists, bold numbered minute headings with the text of
 * each minute indented under the heading, lettered points and resolutions
 * with hanging indents ("(a)" then a tab), a signature block for the chair.
 * Every part is a named Word style, so the clerk can restyle it in Word.
 *
 * Accessibility (what the public sector regulations ask of a published
 * document): heading levels in order (the opening line is the Title, PRESENT
 * a Heading 1 with Officers and Apologies as Heading 2s under it, each minute
 * a Heading 1); lettered points and resolutions are real Word numbering
 * ("(%1)" in lowerLetter or lowerRoman, one list instance each, so every list
 * starts at (a) and a screen reader announces a list); every table has a header
 * row; title, subject, author and en-GB are set; the logo has alt text; text is
 * left aligned in the house style's font.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LeaderType,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type IStylesOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { formatLongDate } from '../../shared/format';
import { decisionSheet } from '../../shared/minutes/decision-sheet';
import { markerFor, type Block, type MinutesDocument, type SourceKey } from '../../shared/minutes/document';
import { bookmarkName } from '../../shared/review/reply';
import type { HouseStyle } from '../../shared/minutes/house-style';
import type { ListStyle } from '../../shared/model';
import { exemptCitationText } from '../../shared/minutes/html';
import { styleWithTemplate } from '../../shared/minutes/template-style';
import type { TemplateKit } from '../import/word-template';
import { bodyLists, bodyToDocx, bodyXml, TAB, type BodyPart, type NameListSpec, type ParagraphSpec, type RunSpec } from './body-xml';
import { canWriteBody, packDocx, withCoreLanguage, type WrittenBody } from './docx-language';

/** A4 portrait in twips (twentieths of a point). */
export const A4 = { width: 11906, height: 16838 } as const;
const TWIPS_PER_MM = 1440 / 25.4;
export const mmToTwips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

/** Marks every page of an exempt document. */
export const EXEMPT_MARKING = 'EXEMPT – NOT FOR PUBLICATION';

/** "by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972", the words councils print on exempt papers. */
export const exemptCitation = exemptCitationText;

/** The Word list definitions: lettered and roman points, "(%1)" then a tab, hanging. */
export const NUMBERING = { alpha: 'points-alpha', roman: 'points-roman', number: 'points-number', bullet: 'points-bullet' } as const;

/** Numbered resolutions print bracketed, "(1)", as councils print them (numbered points print "1."). */
export const RESOLUTIONS_NUMBERED = 'resolutions-number';
/** Resolutions read from minutes that printed their markers with a closing bracket alone: "a)", "i)", "1)". */
export const RESOLUTIONS_CLOSE = { alpha: 'resolutions-alpha-close', roman: 'resolutions-roman-close', number: 'resolutions-number-close' } as const;

/** The list definition of a list that carries on another's numbering from a later point ("(ii)" after a paragraph). */
export const numberingFrom = (style: ListStyle, start: number) => `${NUMBERING[style]}-from-${start + 1}`;

export function numberingFor(m: Metrics, doc?: MinutesDocument): INumberingOptions {
  const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text = '(%1)', start = 1) => ({
    level: 0,
    format,
    text,
    start,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: m.indent * 2, hanging: m.indent } } },
  });
  return {
    config: [
      { reference: NUMBERING.alpha, levels: [level(LevelFormat.LOWER_LETTER)] },
      { reference: NUMBERING.roman, levels: [level(LevelFormat.LOWER_ROMAN)] },
      { reference: NUMBERING.number, levels: [level(LevelFormat.DECIMAL, '%1.')] },
      { reference: NUMBERING.bullet, levels: [level(LevelFormat.BULLET, '\u2022')] },
      { reference: RESOLUTIONS_NUMBERED, levels: [level(LevelFormat.DECIMAL, '(%1)')] },
      { reference: RESOLUTIONS_CLOSE.alpha, levels: [level(LevelFormat.LOWER_LETTER, '%1)')] },
      { reference: RESOLUTIONS_CLOSE.roman, levels: [level(LevelFormat.LOWER_ROMAN, '%1)')] },
      { reference: RESOLUTIONS_CLOSE.number, levels: [level(LevelFormat.DECIMAL, '%1)')] },
      // A list carrying on the numbering of one before it (interrupted by a paragraph or sub-points) starts at its
      // own number, so every word processor shows it the same (LibreOffice restarts a list number taken up again).
      ...continuedLists(doc).map(({ style, start }) => ({
        reference: numberingFrom(style, start),
        levels: [level(FORMATS[style].format, FORMATS[style].text, start + 1)],
      })),
    ],
  };
}
const FORMATS: Record<ListStyle, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string }> = {
  alpha: { format: LevelFormat.LOWER_LETTER, text: '(%1)' },
  roman: { format: LevelFormat.LOWER_ROMAN, text: '(%1)' },
  number: { format: LevelFormat.DECIMAL, text: '%1.' },
  bullet: { format: LevelFormat.BULLET, text: '\u2022' },
};

function continuedLists(doc?: MinutesDocument): { style: ListStyle; start: number }[] {
  const seen = new Map<string, { style: ListStyle; start: number }>();
  for (const b of doc?.blocks ?? []) if (b.type === 'lettered' && b.start) seen.set(numberingFrom(b.style, b.start), { style: b.style, start: b.start });
  return [...seen.values()];
}
export const DRAFT_MARKING = 'DRAFT';

/** Style ids, fixed so tests and later templates can rely on them. */
export const STYLE = {
  title: 'Title',
  minuteHeading: 'Heading1',
  sectionHeading: 'Heading2',
  councilName: 'CouncilName',
  minuteText: 'MinuteText',
  letteredPoint: 'LetteredPoint',
  decisionLabel: 'DecisionLabel',
  nameList: 'NameList',
  signature: 'Signature',
  exemptNotice: 'ExemptNotice',
  header: 'Header',
  footer: 'Footer',
} as const;

/** The measures every part of the layout is drawn from, in twips and half-points. */
export interface Metrics {
  /** Body size in half-points, as w:sz has it. */
  size: number;
  /** Header and footer size in half-points. */
  smallSize: number;
  /** One blank line of space, in twips. */
  line: number;
  /** The hanging indent of minute numbers and point markers; wide enough for "(viii)". */
  indent: number;
  contentWidth: number;
  pageWidth: number;
}

export function metricsFor(style: HouseStyle, pageWidth: number = A4.width): Metrics {
  const size = Math.round(style.fontSize * 2);
  return {
    size,
    smallSize: Math.max(16, size - 4),
    line: Math.round(style.fontSize * 20),
    indent: Math.max(720, Math.round(style.fontSize * 60)),
    contentWidth: pageWidth - mmToTwips(style.margins.left) - mmToTwips(style.margins.right),
    pageWidth,
  };
}

export function pageMargins(style: HouseStyle) {
  return {
    top: mmToTwips(style.margins.top),
    right: mmToTwips(style.margins.right),
    bottom: mmToTwips(style.margins.bottom),
    left: mmToTwips(style.margins.left),
    // Header and footer sit halfway into the top and bottom margins.
    header: mmToTwips(style.margins.top / 2),
    footer: mmToTwips(style.margins.bottom / 2),
    gutter: 0,
  };
}

/**
 * The page a document is laid out on: the council's template's (size and
 * margins as it sets them, a different first page if it has one), else A4
 * with the house style's margins. Landscape swaps the sides of the page.
 */
export function pageSetup(style: HouseStyle, template: TemplateKit | null, landscape = false, minBodySizePt = 0) {
  const withTemplate = styleWithTemplate(style);
  const used = { ...withTemplate, fontSize: Math.max(withTemplate.fontSize, minBodySizePt) };
  const page = template?.page ?? null;
  const [short, long] = page ? [Math.min(page.width, page.height), Math.max(page.width, page.height)] : [A4.width, A4.height];
  const size = landscape ? { width: long, height: short } : page ? { width: page.width, height: page.height } : { width: A4.width, height: A4.height };
  const margin = page ? { ...page.margins } : pageMargins(used);
  const m = metricsFor(used, size.width);
  m.contentWidth = size.width - margin.left - margin.right;
  const titlePage = Boolean(page?.titlePage && (template?.headers.first || template?.footers.first));
  return { used, size, margin, m, titlePage };
}

const LANGUAGE = { value: 'en-GB', eastAsia: 'en-GB', bidirectional: 'ar-SA' } as const;

/** Styles shared by every document: defaults (font, size, en-GB), Title, headings, header and footer. */
export function baseStyles(
  style: HouseStyle,
  m: Metrics,
  extra: IParagraphStyleOptions[] = [],
  /** The style Word gives the paragraph typed after a minute heading. */
  afterHeading1 = 'Normal',
): IStylesOptions {
  const font = style.fontFamily;
  const heading = { font, size: m.size, bold: true, color: '000000', italics: false };
  return {
    default: {
      document: {
        run: { font, size: m.size, language: LANGUAGE },
        paragraph: { spacing: { before: 0, after: m.line, line: 240, lineRule: 'auto' }, alignment: AlignmentType.LEFT },
      },
      title: {
        run: { ...heading },
        paragraph: { spacing: { before: 0, after: m.line }, keepNext: true, alignment: AlignmentType.LEFT },
      },
      heading1: {
        next: afterHeading1,
        run: { ...heading },
        paragraph: {
          spacing: { before: Math.round(m.line / 2), after: m.line },
          indent: { left: m.indent, hanging: m.indent },
          leftTabStop: m.indent,
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
        },
      },
      heading2: {
        run: { ...heading },
        paragraph: { spacing: { before: Math.round(m.line / 2), after: Math.round(m.line / 2) }, keepNext: true, keepLines: true, outlineLevel: 1 },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        uiPriority: 99,
        unhideWhenUsed: true,
        run: { size: m.smallSize, color: '404040' },
        paragraph: { spacing: { after: 0 }, rightTabStop: m.contentWidth },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        uiPriority: 99,
        unhideWhenUsed: true,
        run: { size: m.smallSize, color: '404040' },
        paragraph: { spacing: { after: 0 }, alignment: AlignmentType.CENTER },
      },
      {
        id: STYLE.councilName,
        name: 'Council Name',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { bold: true, size: m.size + 8 },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: m.line }, keepNext: true },
      },
      ...extra,
    ],
  };
}

/** Header with the body, the meeting date and the DRAFT / EXEMPT markings; footer with "Page X of Y". */
export function headerAndFooter(
  opts: { left: string; draft: boolean; exempt: boolean; exemptParagraphs?: readonly number[] },
  style: HouseStyle,
  m: Metrics,
): { header: Header; footer: Footer } {
  const children: Paragraph[] = [];
  if (opts.exempt) {
    children.push(
      new Paragraph({
        style: STYLE.header,
        alignment: AlignmentType.CENTER,
        spacing: { after: 60 },
        children: [new TextRun({ text: EXEMPT_MARKING, bold: true, color: '000000', size: m.size })],
      }),
      new Paragraph({
        style: STYLE.header,
        alignment: AlignmentType.CENTER,
        spacing: { after: 60 },
        children: [new TextRun(`Not for publication ${exemptCitation(opts.exemptParagraphs ?? [])}`)],
      }),
    );
  }
  const line: (TextRun | TextWatermark)[] = [new TextRun(opts.left)];
  if (opts.draft) {
    line.push(new TextRun({ children: [new Tab(), DRAFT_MARKING], bold: true, color: 'C00000', size: m.size }));
    // A light diagonal DRAFT behind the text, as Word's Design > Watermark makes it (removable there).
    line.push(new TextWatermark({ text: DRAFT_MARKING, font: style.fontFamily, color: 'D9D9D9', opacity: 0.4, bold: true }));
  }
  children.push(
    new Paragraph({
      style: STYLE.header,
      tabStops: [{ type: TabStopType.RIGHT, position: m.contentWidth }],
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 4 } },
      children: line,
    }),
  );
  const footer = new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  return { header: new Header({ children }), footer };
}

/** Width and height in pixels of a PNG or JPEG, or null when the data is neither. */
export function imageSize(data: Uint8Array): { width: number; height: number } | null {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString('ascii', 12, 16) === 'IHDR') {
    return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i += 1; // fill byte
        continue;
      }
      const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isStartOfFrame) return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
      i += 2 + b.readUInt16BE(i + 2);
    }
  }
  return null;
}

/** The logo's alt text: "<council> logo". */
export const logoAltText = (style: Pick<HouseStyle, 'councilName'>) => (style.councilName.trim() ? `${style.councilName.trim()} logo` : 'Council logo');

/** The council's logo, at most 2 cm high and 6 cm wide, or null when there is none or it cannot be read. */
export function logoParagraph(style: HouseStyle): Paragraph | null {
  if (!style.logo) return null;
  const data = Buffer.from(style.logo.data, 'base64');
  const size = imageSize(data);
  if (!size || size.width === 0 || size.height === 0) return null;
  const maxHeight = 76; // pixels at 96 to the inch: 2 cm
  const maxWidth = 227; // 6 cm
  const scale = Math.min(maxHeight / size.height, maxWidth / size.width, 1);
  const name = logoAltText(style);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    children: [
      new ImageRun({
        type: style.logo.mime === 'image/png' ? 'png' : 'jpg',
        data,
        transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
        altText: { name, description: name, title: name },
      }),
    ],
  });
}

/** The styles only the minutes use. */
function minutesStyles(m: Metrics): IParagraphStyleOptions[] {
  return [
    {
      id: STYLE.minuteText,
      name: 'Minute Text',
      basedOn: 'Normal',
      next: STYLE.minuteText,
      quickFormat: true,
      paragraph: { indent: { left: m.indent } },
    },
    {
      id: STYLE.letteredPoint,
      name: 'Lettered Point',
      basedOn: 'Normal',
      next: STYLE.letteredPoint,
      quickFormat: true,
      paragraph: { indent: { left: m.indent * 2, hanging: m.indent }, leftTabStop: m.indent * 2 },
    },
    {
      id: STYLE.decisionLabel,
      name: 'Decision Label',
      basedOn: STYLE.minuteText,
      next: STYLE.minuteText,
      quickFormat: true,
      run: { bold: true },
      paragraph: { keepNext: true, keepLines: true },
    },
    {
      id: STYLE.exemptNotice,
      name: 'Exempt Notice',
      basedOn: 'Normal',
      next: 'Normal',
      run: { bold: true },
      paragraph: { keepNext: true },
    },
    {
      id: STYLE.nameList,
      name: 'Name List',
      basedOn: 'Normal',
      paragraph: { spacing: { after: 40 } },
    },
    {
      id: STYLE.signature,
      name: 'Signature',
      basedOn: 'Normal',
      paragraph: {
        indent: { left: Math.round(m.contentWidth / 2) },
        rightTabStop: m.contentWidth,
        spacing: { after: 0 },
        keepNext: true,
        keepLines: true,
      },
    },
  ];
}

/** The body of the minutes, block by block, as descriptions the docx library's objects or the XML are made from (body-xml.ts). */
export function minutesBody(doc: MinutesDocument, m: Metrics, exemptParagraphs: readonly number[], withTemplate: boolean, mark: string | null = null): BodyPart[] {
  const out: BodyPart[] = [];
  /** A block's words, inside a bookmark named by their source when the document carries sources (the chair's review copy). */
  const words = (t: string, source: SourceKey | null | undefined): RunSpec => (source ? { parts: [t], bookmark: bookmarkName(source) } : { parts: [t] });
  const plain = (t: string): RunSpec => ({ parts: [t] });
  let inMinute = false;
  /** PRESENT is the first Heading 1; Officers, Apologies and the like are Heading 2s under it. */
  let sectionsOpened = false;
  /** After a table the next paragraph needs the blank line a paragraph would have left. */
  let afterTable = false;
  const push = (p: BodyPart) => {
    out.push(p);
    afterTable = p.kind === 'name-list';
  };
  const spacingAfterTable = () => (afterTable ? { spacing: { before: m.line } } : {});

  /** One Word list instance per list, so each starts again at (a) or (i); a list carrying on another starts at its own number. */
  let listInstance = 0;
  /** Points or resolutions: Word numbering "(a)" TAB text, hanging; indented one step less before the first minute. */
  /** `resolutions`: a decision's, numbered "(1)" (not "1." as points), or with the bracket form they were read with ("1)"). */
  const lettered = (items: string[], style: ListStyle, start = 0, sources?: (SourceKey | null)[], resolutions?: { bracket: 'both' | 'close' }) => {
    const instance = listInstance++;
    const reference =
      resolutions?.bracket === 'close' && style !== 'bullet'
        ? RESOLUTIONS_CLOSE[style]
        : resolutions && style === 'number'
          ? RESOLUTIONS_NUMBERED
          : start > 0
            ? numberingFrom(style, start)
            : NUMBERING[style];
    items.forEach((text, i) =>
      push({
        kind: 'p',
        style: STYLE.letteredPoint,
        numbering: { reference, level: 0, instance },
        ...(inMinute ? {} : { indent: { left: m.indent, hanging: m.indent } }),
        ...(i === 0 ? spacingAfterTable() : {}),
        keepLines: true,
        runs: [words(text, sources?.[i])],
      }),
    );
  };
  const text = (t: string, extra: { keepNext?: boolean } = {}, source?: SourceKey | null): ParagraphSpec => ({
    kind: 'p',
    ...(inMinute ? { style: STYLE.minuteText } : {}),
    ...spacingAfterTable(),
    // An introduction to points ("... were noted:") stays with them.
    keepNext: extra.keepNext ?? /:\s*$/.test(t),
    runs: [words(t, source)],
  });

  for (const block of doc.blocks) {
    switch (block.type) {
      case 'opening':
        push({
          kind: 'p',
          heading: HeadingLevel.TITLE,
          ...spacingAfterTable(),
          // The review copy's title carries the mark that says which meeting and which copy sent it is.
          runs: [mark ? { parts: [block.text], bookmark: mark } : plain(block.text)],
        });
        // The exempt minutes say under their title why they are not published, citing Schedule 12A.
        if (doc.part === 'exempt') {
          push({ kind: 'p', style: STYLE.exemptNotice, runs: [plain(`${EXEMPT_MARKING} ${exemptCitation(exemptParagraphs)}`)] });
        }
        break;
      case 'section-heading':
        push({
          kind: 'p',
          heading: sectionsOpened && !inMinute ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
          ...spacingAfterTable(),
          runs: [plain(block.text)],
        });
        sectionsOpened = true;
        break;
      case 'chair':
        push(text(block.text, { keepNext: true }, block.source));
        break;
      case 'name-list':
        if (block.rows.length) push(nameListTable(block.rows, m, block.sources));
        break;
      case 'minute-heading':
        inMinute = true;
        push({
          kind: 'p',
          heading: HeadingLevel.HEADING_1,
          ...spacingAfterTable(),
          // A template's Heading 1 knows nothing of minute numbers: the number hangs in the margin of the minute's text all the same.
          ...(withTemplate ? { indent: { left: m.indent, hanging: m.indent }, tabStops: [{ type: TabStopType.LEFT, position: m.indent }] } : {}),
          // A minute printed with no number (imported past minutes) is its title alone.
          runs:
            block.mark === ''
              ? [block.source ? words(block.text, block.source) : plain(block.text)]
              : block.source
                ? [plain(block.mark ?? `${block.number}.`), { parts: [TAB] }, words(block.text, block.source)]
                : [plain(block.mark ?? `${block.number}.`), { parts: [TAB, block.text] }],
        });
        // The minute's number on the line below its heading ("01/22"), where the body prints it there.
        if (block.below) push(text(block.below, { keepNext: true }));
        break;
      case 'paragraph':
        push(text(block.text, {}, block.source));
        break;
      case 'lettered':
        lettered(block.items, block.style, block.start ?? 0, block.sources);
        break;
      case 'decision':
        // Printed on one line with its label, as the imported minutes had it ("RESOLVED – That …"): the label bold, then the resolution.
        if (block.runOn) {
          push({
            kind: 'p',
            ...(inMinute ? { style: STYLE.minuteText } : {}),
            ...spacingAfterTable(),
            runs: [{ parts: [block.heading ?? `${block.label}:`], bold: true }, plain(' '), words(block.resolutions[0] ?? '', block.sources?.[0])],
          });
          break;
        }
        push({
          kind: 'p',
          style: STYLE.decisionLabel,
          ...(inMinute ? {} : { indent: { left: 0 } }),
          ...spacingAfterTable(),
          runs: [plain(block.heading ?? `${block.label}:`)],
        });
        if (block.markers.every((marker) => marker === '')) block.resolutions.forEach((r, i) => push(text(r, { keepNext: false }, block.sources?.[i])));
        else lettered(block.resolutions, block.style ?? 'alpha', 0, block.sources, { bracket: block.bracket ?? 'both' });
        break;
      case 'closing':
        push({
          kind: 'p',
          ...spacingAfterTable(),
          spacing: { before: m.line },
          keepNext: true,
          runs: [words(block.text, block.source)],
        });
        break;
      case 'signature':
        for (const p of signatureBlock(block.chairTitle, m)) push(p);
        break;
      default: {
        const unknown: never = block;
        throw new Error(`Unknown block ${(unknown as Block).type}`);
      }
    }
  }
  return out;
}

/** A dotted line to sign on, the chair's title, and a dotted date line; kept together on one page. */
function signatureBlock(chairTitle: string, m: Metrics): ParagraphSpec[] {
  const dots = [{ type: TabStopType.RIGHT, position: m.contentWidth, leader: LeaderType.DOT }];
  return [
    { kind: 'p', style: STYLE.signature, spacing: { before: m.line * 3 }, tabStops: dots, runs: [{ parts: [TAB] }] },
    { kind: 'p', style: STYLE.signature, spacing: { before: 60 }, runs: [{ parts: [chairTitle] }] },
    { kind: 'p', style: STYLE.signature, spacing: { before: m.line * 2 }, keepNext: false, tabStops: dots, runs: [{ parts: ['Date ', TAB] }] },
  ];
}

export const NAME_LIST_COLUMNS = ['Name', 'Role and organisation'] as const;

/** Name and role in two aligned columns: a borderless table, so long roles wrap in their own column. */
function nameListTable(rows: { name: string; detail: string }[], m: Metrics, sources?: [SourceKey, SourceKey | null][]): NameListSpec {
  const nameWidth = Math.round(m.contentWidth * 0.33);
  // In the review copy each name and detail sits in its bookmark, so a change the chair makes to it is found.
  const cell = (t: string, bold: boolean, source: SourceKey | null = null): RunSpec => (source ? { parts: [t], bold, bookmark: bookmarkName(source) } : { parts: [t], bold });
  return {
    kind: 'name-list',
    width: m.contentWidth,
    widths: [nameWidth, m.contentWidth - nameWidth],
    style: STYLE.nameList,
    // A header row, repeated on each page, so a screen reader names the columns (an accessibility checker asks for one on every table).
    rows: [
      [cell(NAME_LIST_COLUMNS[0], true), cell(NAME_LIST_COLUMNS[1], true)],
      ...rows.map((r, i): [RunSpec, RunSpec] => [cell(r.name, false, sources?.[i]?.[0]), cell(r.detail, false, sources?.[i]?.[1])]),
    ],
  };
}

interface RenderOptions extends TemplateOptions {
  description: string;
  bodyAsObjects?: boolean;
  /** The chair's review copy: Track Changes on, this bookmark on the title, and the exempt minutes after the public ones. */
  review?: { mark: string; exempt?: ExemptPartOfCopy | null };
  /** The Schedule 12A paragraphs the exempt minutes are withheld under. */
  exemptParagraphs?: readonly number[];
}

/** The council's Word template (read from the database by its hash), and the least body size a published file has. */
export interface TemplateOptions {
  template?: TemplateKit | null;
  minBodySizePt?: number;
}

/** A Word file from the writer, with the council's template put on when there is one, and en-GB in its properties. */
export async function finishDocx(document: Document, options: TemplateOptions & { keepMarkings: boolean; logoAlt: string; body?: WrittenBody }): Promise<Buffer> {
  // Without a council's template the document is zipped once; with one, the template is applied to the packed file.
  if (!options.template) return packDocx(document, undefined, options.body);
  if (options.body) throw new Error('A body written as XML cannot take a template');
  // The template's code (and its XML parser) is loaded only for a body that has one.
  const { applyWordTemplate } = await import('./word-template-apply');
  return withCoreLanguage(applyWordTemplate(await Packer.toBuffer(document), options.template, options));
}

export interface MinutesDocxOptions extends TemplateOptions {
  /** The Schedule 12A paragraphs cited on exempt minutes (the agenda items' own). */
  exemptParagraphs?: readonly number[];
  /**
   * The body made as the docx library's objects even where it could be written as XML (body-xml.ts): what the review
   * copy and a template always use, and what the XML is checked against (test/integration/body-xml.test.ts).
   */
  bodyAsObjects?: boolean;
}

async function render(doc: MinutesDocument, style: HouseStyle, options: RenderOptions): Promise<Buffer> {
  const template = options.template ?? null;
  const { used, size, margin, m, titlePage } = pageSetup(style, template, false, options.minBodySizePt);
  const exempt = doc.part === 'exempt';
  const dateText = formatLongDate(doc.meetingDate);
  const exemptParagraphs = options.exemptParagraphs ?? [];
  const { header, footer } = headerAndFooter({ left: `${doc.bodyName} – ${dateText}`, draft: doc.draft, exempt, exemptParagraphs }, used, m);
  const front: Paragraph[] = [];
  const logo = logoParagraph(used);
  if (logo) front.push(logo);
  if (used.councilName) front.push(new Paragraph({ style: STYLE.councilName, children: [new TextRun(used.councilName)] }));
  const title = exempt && !/^EXEMPT\b/i.test(doc.title) ? `EXEMPT – ${doc.title}` : doc.title;
  const body = minutesBody(doc, m, exemptParagraphs, template !== null, options.review?.mark ?? null);
  // Written as one string where it can be (no template, no review copy's bookmarks): see body-xml.ts.
  const xml = template === null && !options.review && !options.bodyAsObjects && canWriteBody() ? bodyXml(body) : null;
  const written: WrittenBody | undefined = xml === null ? undefined : { placeholder: BODY_PLACEHOLDER, xml };
  const document = new Document({
    title,
    creator: used.councilName || 'Meeting Clerk',
    lastModifiedBy: 'Meeting Clerk',
    description: options.description,
    subject: doc.bodyName,
    keywords: [doc.draft ? 'draft' : 'approved', exempt ? 'exempt' : 'public', 'minutes'].join(', '),
    styles: baseStyles(used, m, minutesStyles(m), STYLE.minuteText),
    numbering: numberingFor(m, doc),
    // Word and LibreOffice open the review copy recording changes, so the chair's edits come back tracked.
    ...(options.review ? { features: { trackRevisions: true } } : {}),
    sections: [
      {
        properties: { page: { size, margin }, titlePage },
        headers: titlePage ? { default: header, first: header } : { default: header },
        footers: titlePage ? { default: footer, first: footer } : { default: footer },
        children: [...front, ...(written ? [new Paragraph({ children: [new TextRun(BODY_PLACEHOLDER)] })] : bodyToDocx(body))],
      },
      ...(options.review?.exempt ? [exemptSection(options.review.exempt, { size, margin, titlePage, m, used, withTemplate: template !== null })] : []),
    ],
  });
  // The body's lists are numbered as the docx library numbers them when it writes the paragraphs: in the order they come.
  if (written) for (const { reference, instance } of bodyLists(body)) document.Numbering.createConcreteNumberingInstance(reference, instance);
  return finishDocx(document, { ...options, keepMarkings: doc.draft || exempt, logoAlt: logoAltText(used), body: written });
}

/** The words of the paragraph the body written as XML takes the place of (found as that whole paragraph, with no properties: see packDocx). */
const BODY_PLACEHOLDER = 'MEETING-CLERK-BODY';

/** The exempt minutes in the chair's review copy, and the Schedule 12A paragraphs they are withheld under. */
export interface ExemptPartOfCopy {
  doc: MinutesDocument;
  paragraphs: readonly number[];
}

/**
 * The exempt minutes as a section of their own after the public ones: a new page whose header and
 * title say EXEMPT – NOT FOR PUBLICATION and cite Schedule 12A, on every page of the section.
 */
function exemptSection(
  part: ExemptPartOfCopy,
  page: { size: ReturnType<typeof pageSetup>['size']; margin: ReturnType<typeof pageSetup>['margin']; titlePage: boolean; m: Metrics; used: HouseStyle; withTemplate: boolean },
) {
  const { doc, paragraphs } = part;
  const { header, footer } = headerAndFooter({ left: `${doc.bodyName} – ${formatLongDate(doc.meetingDate)}`, draft: doc.draft, exempt: true, exemptParagraphs: paragraphs }, page.used, page.m);
  return {
    properties: { page: { size: page.size, margin: page.margin }, titlePage: page.titlePage },
    headers: page.titlePage ? { default: header, first: header } : { default: header },
    footers: page.titlePage ? { default: footer, first: footer } : { default: footer },
    children: bodyToDocx(minutesBody(doc, page.m, paragraphs, page.withTemplate, null)),
  };
}

const describeDoc = (doc: MinutesDocument, what: string) => {
  const exempt = doc.part === 'exempt';
  return `${doc.draft ? 'Draft ' : ''}${exempt ? 'exempt ' : ''}${what} of the ${doc.bodyName}, ${formatLongDate(doc.meetingDate)}`
    .replace(/^./, (c) => c.toUpperCase());
};

/** The minutes as a Word document in the house style. */
export function minutesToDocx(doc: MinutesDocument, style: HouseStyle, options: MinutesDocxOptions = {}): Promise<Buffer> {
  return render(doc, style, { description: describeDoc(doc, 'minutes'), ...options });
}

/** The decision sheet (each minute's heading and decisions only) as a Word document. */
export function decisionSheetToDocx(doc: MinutesDocument, style: HouseStyle, options: TemplateOptions = {}): Promise<Buffer> {
  const sheet = decisionSheet(doc);
  return render(sheet, style, { description: describeDoc(sheet, 'decisions'), ...options });
}

/**
 * The chair's review copy: the draft minutes with Track Changes switched on
 * (w:trackRevisions in settings.xml), each minute's heading, opening sentence
 * and entry inside a bookmark named by its source (mc_i5, mc_open5, mc_e12),
 * and the title inside the copy's own mark (mc_m<meeting>_s<copy>), so the
 * reply can be placed block by block. Build the document with `sources: true`.
 */
export function reviewCopyToDocx(doc: MinutesDocument, style: HouseStyle, mark: string, exempt: ExemptPartOfCopy | null = null): Promise<Buffer> {
  const what = exempt ? 'minutes and exempt minutes' : 'minutes';
  return render(doc, style, { description: `${describeDoc(doc, what)}: review copy for the ${style.chairTitle}`, review: { mark, exempt } });
}
