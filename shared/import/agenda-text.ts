/**
 * Agenda text (pasted from the committee system, or read from a Word file)
 * -> agenda items for the clerk to check before anything is saved. Pure.
 *
 * Understands the reference agenda's layout: numbered item lines
 * ("1. Appointment of Chairman.", "12. Safer Communities Performance
 * 2022-23 -" wrapping onto "Quarter 2."), a number alone on its line with
 * the title below, "Item 3:" and tab-separated numbers, page ranges
 * ("(Pages 3 - 10)", "(Page 5)"), presenter sentences ("This report will be
 * presented by ...", "... will present this report."), and exempt markers
 * ("Exempt", "not for publication", "Schedule 12A paragraph 3"). Standard
 * items (appointment of chair, apologies, minutes, declarations, ...) are
 * recognised so they can take their pre-worded minutes.
 */
import type { AgendaItemKind } from '../model';
import { recogniseStandardItem } from '../minutes/recognise';
import { importFail, importOk, type ImportResult } from './decode';

/** The standard items an agenda can name: every item kind but ordinary business. */
export type StandardKind = Exclude<AgendaItemKind, 'business'>;

export interface ParsedAgendaItem {
  agendaNumber: number;
  title: string;
  /** The presenter sentence as written, e.g. "This report will be presented by Rik Basra, ...". */
  presenter: string;
  /** "Pages 3 - 10", "Page 5" or ''. */
  papers: string;
  exempt: boolean;
  /** Schedule 12A paragraph (1-7) when exempt and stated. */
  exemptParagraph: number | null;
  standardKind: StandardKind | null;
}

export interface ParsedAgenda {
  items: ParsedAgendaItem[];
  warnings: string[];
}

/** The standard item a title names, or null for substantive business (the one recogniser, shared/minutes/recognise). */
export function standardKindOf(title: string): StandardKind | null {
  const kind = recogniseStandardItem(title);
  return kind === 'business' ? null : kind;
}

/* ---------- line patterns ---------- */

/** "1. Title", "1) Title", "Item 1: Title", "1\tTitle", "1." alone. */
const ITEM_LINE =
  /^(?:(?:agenda\s+)?item\s+(\d{1,3})(?:[.):]\s*|\s+|$)|(\d{1,3})(?:[.)](?:\s+|$)|:\s+|\t+))(.*)$/i;
const PAPERS = /\(?\s*\bpages?\s+(\d+)(?:\s*[-–—]\s*(\d+))?\s*\)?/i;
const BARE_PAGE_RANGE = /^(\d+)\s*[-–—]\s*(\d+)$/;
const PRESENTER =
  /\bwill\s+(present|introduce|give|provide|lead|deliver)\b|\bwill\s+be\s+(presented|introduced|given|provided|led|delivered)\b|\bpresented\s+by\b|^presenters?\s*:/i;
const EXEMPT = /\bexempt\b|\bnot\s+for\s+publication\b|\bschedule\s*12\s*a\b|\bconfidential\b/i;
const PARAGRAPH = /\bpara(?:graph)?s?\.?\s*(\d{1,2})\b/i;
const BRACKETED_EXEMPT = /\s*[([][^)\]]*(?:exempt|not for publication|schedule\s*12\s*a|paragraph\s*\d)[^)\]]*[)\]]/gi;
const TRAILING_EXEMPT = /\s*[-–—:]\s*(?:exempt|not for publication)\b.*$/i;
const STOP =
  /^(minutes of a meeting of\b|this page is intentionally left blank|agenda item \d+\s*$)/i;
/** Between sentences, but not after a title or an initial ("Supt. Owen", "A. Ramm"). */
const SENTENCE_BREAK =
  /(?<!\b(?:Supt|Cllr|Dr|Mr|Mrs|Ms|Mx|Prof|Insp|Sgt|Rev|Revd|St|Ch|Det|No|[A-Z])\.)(?<=[.!])\s+(?=[A-Z*])/;
const TITLE_CONTINUES = /([-–—,&:/]|\b(and|of|the|for|on|to|in|with|from|a|an))$/i;

/** Drops markdown emphasis and heading marks, non-breaking spaces and bullets. */
function cleanLine(line: string): string {
  return line
    .replace(/\u00a0/g, ' ')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\s*[*_]\s*(?=\S)/, '')
    .replace(/(?<=\S)\s*[*_]\s*$/, '')
    .replace(/^\s*[•·▪–-]\s+(?=\D)/, '')
    .replace(/[ \t]+$/, '')
    .trim();
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function finishTitle(title: string): string {
  return collapse(title)
    .replace(/^[*_\s]+|[*_\s]+$/g, '')
    .replace(/\s*[.:;,]+$/, '')
    .replace(/\s+[-–—]$/, '')
    .trim();
}

interface Draft {
  agendaNumber: number;
  title: string;
  titleOpen: boolean;
  presenter: string;
  presenterOpen: boolean;
  papers: string;
  exempt: boolean;
  exemptParagraph: number | null;
  exemptText: string;
}

/**
 * Parses agenda text into items. Refuses text with no numbered items; odd
 * but usable input gives warnings instead.
 */
export function parseAgendaText(text: string): ImportResult<ParsedAgenda> {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n').map(cleanLine);
  if (lines.every((l) => l === '')) return importFail('The agenda is empty.');

  const warnings: string[] = [];
  const drafts: Draft[] = [];
  let current: Draft | null = null;

  const takePapers = (draft: Draft, line: string): string => {
    const m = PAPERS.exec(line);
    if (!m) return line;
    const papers = m[2] ? `Pages ${m[1]} - ${m[2]}` : `Page ${m[1]}`;
    if (draft.papers && draft.papers !== papers) draft.papers = `${draft.papers}; ${papers}`;
    else draft.papers = papers;
    return collapse(line.slice(0, m.index) + ' ' + line.slice(m.index + m[0].length));
  };

  const noteExempt = (draft: Draft, line: string): void => {
    if (!EXEMPT.test(line)) return;
    draft.exempt = true;
    draft.exemptText = collapse(`${draft.exemptText} ${line}`);
    const p = PARAGRAPH.exec(line);
    if (p && draft.exemptParagraph === null) draft.exemptParagraph = Number(p[1]);
  };

  /** A body line: papers, presenter, exempt marker, title continuation or description. */
  const bodyLine = (draft: Draft, raw: string): void => {
    if (raw === '') {
      // "1." alone on its line may be followed by a blank line, then the title.
      if (draft.title !== '') draft.titleOpen = false;
      draft.presenterOpen = false;
      return;
    }
    const bare = BARE_PAGE_RANGE.exec(raw);
    if (bare && !draft.papers) {
      draft.papers = `Pages ${bare[1]} - ${bare[2]}`;
      draft.titleOpen = false;
      return;
    }
    const line = takePapers(draft, raw);
    if (line === '') {
      draft.titleOpen = false;
      return;
    }
    if (draft.presenterOpen) {
      draft.presenter = collapse(`${draft.presenter} ${line}`);
      draft.presenterOpen = !/[.!]$/.test(line);
      return;
    }
    if (PRESENTER.test(line)) {
      draft.presenter = draft.presenter ? `${draft.presenter} ${line}` : line;
      draft.presenterOpen = !/[.!]$/.test(line);
      draft.titleOpen = false;
      return;
    }
    if (EXEMPT.test(line) || (draft.exempt && PARAGRAPH.test(line))) {
      noteExempt(draft, EXEMPT.test(line) ? line : `exempt ${line}`);
      draft.titleOpen = false;
      return;
    }
    if (draft.titleOpen) {
      draft.title = draft.title === '' ? line : `${draft.title} ${line}`;
      draft.titleOpen = TITLE_CONTINUES.test(line);
      return;
    }
    // Description text: not kept.
  };

  for (const line of lines) {
    if (STOP.test(line)) break;
    const m = ITEM_LINE.exec(line);
    const number = m ? Number(m[1] ?? m[2]) : NaN;
    const last = drafts.length > 0 ? (drafts[drafts.length - 1] as Draft).agendaNumber : null;
    const accept = m !== null && (last === null ? number >= 0 : number > last && number <= last + 5);
    if (!accept || !m) {
      if (current) bodyLine(current, line);
      continue;
    }
    if (last !== null && number > last + 1) {
      warnings.push(`The agenda goes from item ${last} to item ${number}; check that no item is missing.`);
    }
    current = {
      agendaNumber: number,
      title: '',
      titleOpen: true,
      presenter: '',
      presenterOpen: false,
      papers: '',
      exempt: false,
      exemptParagraph: null,
      exemptText: '',
    };
    drafts.push(current);
    let rest = takePapers(current, collapse(m[3] ?? ''));
    // Exempt markers written on the title line: "Contract award (Exempt - paragraph 3)".
    const bracketed = rest.match(BRACKETED_EXEMPT);
    if (bracketed) {
      bracketed.forEach((b) => noteExempt(current as Draft, b));
      rest = collapse(rest.replace(BRACKETED_EXEMPT, ''));
    }
    const trailing = TRAILING_EXEMPT.exec(rest);
    if (trailing) {
      noteExempt(current, trailing[0]);
      rest = rest.slice(0, trailing.index).trim();
    }
    // A presenter sentence run on after the title: "Police update. Supt A. Ramm will present this report."
    const sentences = rest.split(SENTENCE_BREAK);
    const presenterAt = sentences.findIndex((s, i) => i > 0 && PRESENTER.test(s));
    const titleText = presenterAt > 0 ? sentences.slice(0, presenterAt).join(' ') : rest;
    if (titleText !== '') {
      current.title = titleText;
      current.titleOpen = TITLE_CONTINUES.test(titleText);
    }
    if (presenterAt > 0) {
      current.titleOpen = false;
      bodyLine(current, sentences.slice(presenterAt).join(' '));
    }
  }

  if (drafts.length === 0) {
    return importFail(
      'No numbered agenda items were found. Each item should start with its number, for example "1. Apologies for absence".',
    );
  }

  const items: ParsedAgendaItem[] = drafts.map((d) => {
    const title = finishTitle(d.title);
    if (title === '') warnings.push(`Item ${d.agendaNumber} has no title.`);
    return {
      agendaNumber: d.agendaNumber,
      title,
      presenter: collapse(d.presenter),
      papers: d.papers,
      exempt: d.exempt,
      exemptParagraph: d.exemptParagraph,
      standardKind: standardKindOf(title),
    };
  });

  /* The exclusion item itself is public; the business after it is exempt. */
  let exclusionParagraph: number | null | undefined;
  const markedByExclusion: number[] = [];
  for (const [index, item] of items.entries()) {
    if (item.standardKind === 'exclusion') {
      exclusionParagraph = drafts[index]?.exemptParagraph ?? null;
      item.exempt = false;
      item.exemptParagraph = null;
      continue;
    }
    if (
      exclusionParagraph !== undefined &&
      !item.exempt &&
      item.standardKind !== 'other_business' &&
      item.standardKind !== 'next_meeting'
    ) {
      item.exempt = true;
      item.exemptParagraph = exclusionParagraph;
      markedByExclusion.push(item.agendaNumber);
    } else if (exclusionParagraph !== undefined && item.exempt && item.exemptParagraph === null) {
      item.exemptParagraph = exclusionParagraph;
    }
  }
  if (markedByExclusion.length > 0) {
    warnings.push(
      `${markedByExclusion.length === 1 ? 'Item' : 'Items'} ${markedByExclusion.join(', ')} follow${markedByExclusion.length === 1 ? 's' : ''} the exclusion of the press and public, so ${markedByExclusion.length === 1 ? 'it is' : 'they are'} marked exempt; check before saving.`,
    );
  }

  for (const item of items) {
    if (item.exemptParagraph !== null && (item.exemptParagraph < 1 || item.exemptParagraph > 7)) {
      warnings.push(
        `Item ${item.agendaNumber} cites paragraph ${item.exemptParagraph}, but Schedule 12A has paragraphs 1 to 7; choose the right one.`,
      );
      item.exemptParagraph = null;
    }
    if (item.exempt && item.exemptParagraph === null) {
      warnings.push(
        `Item ${item.agendaNumber} (${item.title || 'untitled'}) is exempt but no Schedule 12A paragraph was found; choose one before saving.`,
      );
    }
  }
  return importOk({ items, warnings });
}
