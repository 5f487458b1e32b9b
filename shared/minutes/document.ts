/**
 * The minutes document model: one pure function turns a meeting record into
 * format-neutral blocks. The live preview and the Word writer both draw this,
 * so the order is decided here and nowhere else (the sentences themselves are
 * written in wording.ts).
 */
import { formatLongDate, formatTime } from '../format';
import {
  isDraftStatus,
  type AgendaItem,
  type Attendance,
  type ChairChange,
  type MeetingRecord,
  type DecisionLabel,
  type ListStyle,
  type MinuteEntry,
  type Motion,
  type ResolutionBracket,
  type ResolutionStyle,
  type Movement,
  type SentenceKey,
} from '../model';
import { byMeetingTime, isBeforeStart } from '../rules/meeting-clock';
import { belowHeading, inBusinessOrder, minuteMark, orderVariedAt } from '../rules/numbering';
import { isSignatureLine } from './signature';
import { isPreWorded } from './standard-items';
import {
  attendanceNote,
  chairChangeText,
  closingText,
  declarationsInvitation,
  declarationText,
  exclusionResolution,
  exemptItemText,
  finished,
  inTheChair,
  motionParagraphs,
  movementText,
  nextMeetingWording,
  NO_DECLARATIONS,
  openingLine,
  openingSentence,
  orderOfBusinessText,
  outcomeText,
  pointsIntro,
  punctuateResolutions,
  standardParagraphs,
} from './wording';

/** The sentences are written in wording.ts; these are re-exported where callers have always found them. */
export { closingText, exemptItemText, openingLine };

/**
 * Where a block's words come from, for the chair's review copy: an entry
 * ("e12", the clerk's own paragraph, point or resolution), an item's opening
 * sentence ("open5"), an item's heading ("i5"), or one paragraph of an
 * item's standard wording of several ("std5_2", its third paragraph). Words
 * the app composes from other facts (attendance, motions) carry none.
 */
export type SourceKey = `e${number}` | `open${number}` | `i${number}` | `std${number}_${number}` | SentenceSource | `a${number}`;
/**
 * The meeting's own sentences (meetingSentences) in the review copy: "s", the kind (p words before the first minute,
 * o order of business, c closing line, x exclusion, m movement, h change of chair), the id (0 for the first three),
 * "_" and the paragraph. The
 * attendance under PRESENT is marked line by line ("a3"), so a change to it is found, and listed, never applied.
 */
export type SentenceSource = `s${'p' | 'o' | 'c' | 'f' | 'x' | 'm' | 'h'}${number}_${number}`;
const SENTENCE_CODES = { preamble: 'p', orderOfBusiness: 'o', closing: 'c', afterClose: 'f', exclusion: 'x', movement: 'm', chair: 'h' } as const;
export function sentenceSource(key: SentenceKey, paragraph: number): SentenceSource {
  const [kind, id] = key.split(':') as [keyof typeof SENTENCE_CODES, string | undefined];
  return `s${SENTENCE_CODES[kind]}${Number(id ?? 0)}_${paragraph}` as SentenceSource;
}
/** The sentence and paragraph a SentenceSource names, or null for any other key. */
export function sentenceOf(source: string): { key: SentenceKey; paragraph: number } | null {
  const m = /^s([pocfxmh])(\d+)_(\d+)$/.exec(source);
  if (!m) return null;
  const kind = (Object.keys(SENTENCE_CODES) as (keyof typeof SENTENCE_CODES)[]).find((k) => SENTENCE_CODES[k] === m[1])!;
  const key = (kind === 'preamble' || kind === 'orderOfBusiness' || kind === 'closing' || kind === 'afterClose' ? kind : `${kind}:${m[2]}`) as SentenceKey;
  return { key, paragraph: Number(m[3]) };
}

/** A list block with its markers: the one place that decides how points are marked. */
export function listBlock(items: string[], style: ListStyle, start = 0, continues = false): Block {
  return { type: 'lettered', style, items, markers: items.map((_, i) => markerFor(start + i, style)), ...(start ? { start } : {}), ...(continues ? { continues } : {}) };
}

/** Blocks written out by hand (samples, tests) with the markers left to the one rule above. */
export type BlockInput =
  | Exclude<Block, { type: 'lettered' } | { type: 'decision' }>
  | { type: 'lettered'; style: ListStyle; items: string[] }
  | { type: 'decision'; label: string; resolutions: string[] };
export const blocksFrom = (blocks: BlockInput[]): Block[] =>
  blocks.map((b) => (b.type === 'lettered' ? listBlock(b.items, b.style) : b.type === 'decision' ? decisionBlock(b.label, b.resolutions) : b));

/**
 * A decision block: a single resolution is printed plain, several are lettered (a), (b) …, or marked in the style the
 * decision was printed in where it was read from past minutes ("(1)", "(i)").
 */
export function decisionBlock(label: string, resolutions: string[], style: ResolutionStyle = 'alpha', bracket: ResolutionBracket = 'both'): Block {
  return {
    type: 'decision',
    label,
    resolutions,
    markers: resolutionMarkers(resolutions.length, style, bracket),
    ...(style !== 'alpha' ? { style } : {}),
    ...(bracket === 'close' ? { bracket } : {}),
  };
}

/** A resolution's marker: "(a)", "(iv)", "(3)", bracketed in every style; "a)", "iv)", "3)" where printed so. */
export function resolutionMarker(index: number, style: ResolutionStyle = 'alpha', bracket: ResolutionBracket = 'both'): string {
  const both = style === 'number' ? `(${index + 1})` : markerFor(index, style);
  return bracket === 'close' ? both.slice(1) : both;
}
/** The markers of a decision's resolutions: none for a single one (printed plain). */
const resolutionMarkers = (count: number, style: ResolutionStyle, bracket: ResolutionBracket = 'both'): string[] =>
  Array.from({ length: count }, (_, i) => (count > 1 ? resolutionMarker(i, style, bracket) : ''));

export type Block =
  | { type: 'opening'; text: string }
  | { type: 'section-heading'; text: string }
  | { type: 'chair'; text: string; source?: SourceKey }
  /** sources: for the review copy, each row's name and detail marks (null for an empty detail). */
  | { type: 'name-list'; rows: { name: string; detail: string }[]; sources?: [SourceKey, SourceKey | null][] }
  /** agendaNumber is null for minutes the agenda did not list (a change to the order of business, an exclusion). */
  /** `mark`: the number as printed where the body numbers within the year ("21.44"); absent, "44." is printed; '' for a minute printed with no number. */
  /** `below`: the minute's number printed on the line below the heading ("01/22"), where the body prints it there; the heading's `mark` is then its agenda number ("1."). */
  | { type: 'minute-heading'; number: number; agendaNumber: number | null; text: string; source?: SourceKey; mark?: string; below?: string }
  | { type: 'paragraph'; text: string; source?: SourceKey }
  /**
   * A list of points, each with its printed marker ("(a)", "(iv)", "3.", "•"). `continues` is true
   * when it carries on the numbering of the list of the same style before it in the minute (a list
   * interrupted by a paragraph or sub-points), so Word keeps counting.
   */
  | { type: 'lettered'; style: ListStyle; items: string[]; markers: string[]; start?: number; continues?: boolean; sources?: (SourceKey | null)[] }
  /** A decision: its label and resolutions, each with its marker ('' for a single resolution, printed plain). */
  /** `heading`: the label's line as printed in imported minutes ("RESOLVED – That:"), in place of "RESOLVED:". */
  /** `style`: how the markers count, where not lettered (a), (b) (a decision read from past minutes numbered "(1)" or "(i)"). */
  /** `bracket`: 'close' where the markers print with a closing bracket alone ("1)", "i)"), as read. */
  /** `runOn`: the heading (the label's line as read) and the only resolution print as one line, as imported minutes printed them. */
  | { type: 'decision'; label: string; resolutions: string[]; markers: string[]; sources?: (SourceKey | null)[]; heading?: string; style?: ResolutionStyle; bracket?: ResolutionBracket; runOn?: true }
  | { type: 'closing'; text: string; source?: SourceKey }
  | { type: 'signature'; chairTitle: string };

export interface MinutesDocument {
  title: string;
  bodyName: string;
  meetingDate: string;
  draft: boolean;
  part: MinutesPart;
  blocks: Block[];
}

export type MinutesPart = 'public' | 'exempt';

export interface HouseStyle {
  chairTitle: 'Chairman' | 'Chair';
}

export const DEFAULT_HOUSE_STYLE: HouseStyle = { chairTitle: 'Chairman' };


/** Role and organisation as the reference prints them: "Group Chair – Blaby District Council". */
const detailOf = (role: string, organisation: string) => [role.trim(), organisation.trim()].filter(Boolean).join(' – ');

const inAttendanceOrder = (a: Attendance, b: Attendance) => a.position - b.position || a.id - b.id;

/** A row of the PRESENT block; a substitute and remote attendance are noted after the role and organisation. */
function presentRow(record: MeetingRecord, a: Attendance): { name: string; detail: string } {
  const replaced = a.substituteForMemberId === null ? undefined : record.members.find((m) => m.id === a.substituteForMemberId);
  const detail = detailOf(a.role, a.organisation);
  const note = attendanceNote(replaced?.name ?? null, a.remote);
  return { name: a.name.trim(), detail: [detail, note].filter(Boolean).join(' ') };
}

/** The member in the Chair at the start: the chair change from the start of the meeting, else the first one. */
function openingChair(record: MeetingRecord): ChairChange | undefined {
  return record.chairChanges.find((c) => c.agendaItemId === null) ?? [...record.chairChanges].sort(byMeetingTime(record.startedAt))[0];
}

/** PRESENT with the chair first, then members, officers, other attendees, guests, and apologies. */
function attendanceBlocks(record: MeetingRecord, opening: ChairChange | undefined): Block[] {
  const blocks: Block[] = [{ type: 'section-heading', text: 'PRESENT' }];
  const attendance = [...record.attendance].sort(inAttendanceOrder);
  const members = attendance.filter((a) => a.category === 'member');
  const chair = opening ? members.find((a) => a.id === opening.attendanceId && a.status === 'present') : undefined;
  if (chair) blocks.push({ type: 'chair', text: inTheChair(chair.name) });
  const present = members.filter((a) => a.status === 'present' && a !== chair).map((a) => presentRow(record, a));
  if (present.length) blocks.push({ type: 'name-list', rows: present });
  const sections: [string, Attendance['category']][] = [
    ['Officers', 'officer'],
    ['Other attendees', 'attendee'],
    ['Guests and observers', 'guest'],
  ];
  for (const [title, category] of sections) {
    const rows = attendance.filter((a) => a.category === category && a.status === 'present').map((a) => presentRow(record, a));
    if (rows.length) blocks.push({ type: 'section-heading', text: title }, { type: 'name-list', rows });
  }
  const apologies = members
    .filter((a) => a.status === 'apologies')
    .map((a) => ({ name: a.name.trim(), detail: detailOf(a.role, a.organisation) }));
  if (apologies.length) blocks.push({ type: 'section-heading', text: 'Apologies for absence' }, { type: 'name-list', rows: apologies });
  // Imported past minutes print those they listed as absent (a parish council's minutes do); the app's own minutes leave absent members out.
  if (record.importedFrom) {
    const absent = attendance.filter((a) => a.status === 'absent').map((a) => ({ name: a.name.trim(), detail: detailOf(a.role, a.organisation) }));
    if (absent.length) blocks.push({ type: 'section-heading', text: 'Absent' }, { type: 'name-list', rows: absent });
  }
  return blocks;
}

/** The declarations minuted under Declarations of interest (those minuted at their own item are printed there). */
const declarationParagraphs = (record: MeetingRecord, style: HouseStyle): Block[] =>
  record.declarations.filter((d) => !d.atItem).map((d) => ({ type: 'paragraph', text: declarationText(d, record, style.chairTitle) }));

/** The declarations of interest minute: the Chair's invitation, then each declaration or "No declarations were made." */
function declarationsMinute(record: MeetingRecord, style: HouseStyle): Block[] {
  const invitation: Block = { type: 'paragraph', text: declarationsInvitation(style.chairTitle) };
  if (record.declarations.filter((d) => !d.atItem).length === 0) return [invitation, { type: 'paragraph', text: NO_DECLARATIONS }];
  return [invitation, ...declarationParagraphs(record, style)];
}


export interface BuildOptions {
  style?: HouseStyle;
  /** Overrides the record's own first minute number. */
  firstMinuteNumber?: number;
  /** The public minutes (exempt items show only the exclusion and a summary) or the exempt minutes alone. */
  part?: MinutesPart;
  /** Mark each block with where its words come from (SourceKey), for the chair's review copy. */
  sources?: boolean;
}

const grouped = new WeakMap<readonly { agendaItemId: number }[], Map<number, unknown[]>>();
/**
 * Rows grouped by agenda item, once per list: building a 60-item meeting's
 * minutes then reads each entry once instead of once per item (the live
 * preview builds the minutes again on every keystroke, only the items whose entries changed: rebuildMinutes).
 */
function byItem<T extends { agendaItemId: number }>(rows: readonly T[]): Map<number, T[]> {
  let map = grouped.get(rows) as Map<number, T[]> | undefined;
  if (!map) {
    map = new Map();
    for (const row of rows) {
      const list = map.get(row.agendaItemId);
      if (list) list.push(row);
      else map.set(row.agendaItemId, [row]);
    }
    grouped.set(rows, map as Map<number, unknown[]>);
  }
  return map;
}


/**
 * A sentence of the meeting the app writes, as printed: as the clerk edited it (a blank line
 * between paragraphs; nothing when emptied), else the app's wording, which follows the record.
 */
function asEdited(record: MeetingRecord, key: SentenceKey, standard: string): string[] {
  const edited = record.wording?.[key];
  if (edited === undefined) return standard.trim() ? [standard.trim()] : [];
  return editedParagraphs(edited);
}
const movementSentence = (m: Movement, record: MeetingRecord) => asEdited(record, `movement:${m.id}`, movementText(m, record));
const chairSentence = (c: ChairChange, record: MeetingRecord) => asEdited(record, `chair:${c.id}`, chairChangeText(c, record));
/** A sentence's paragraphs as blocks, each marked with its SentenceSource in the review copy. */
const sentenceParagraphs = (texts: string[], key: SentenceKey, marked: boolean): Block[] =>
  texts.map((text, k) => (marked ? { type: 'paragraph', text, source: sentenceSource(key, k) } : { type: 'paragraph', text }));
/** The attendance marked line by line (the chair's line, each name and detail), for the review copy. */
function markedAttendance(blocks: Block[]): Block[] {
  let k = 0;
  return blocks.map((b) => {
    if (b.type === 'chair') return { ...b, source: `a${k++}` as const };
    if (b.type === 'name-list') return { ...b, sources: b.rows.map((r) => [`a${k++}` as const, r.detail ? (`a${k++}` as const) : null] as [SourceKey, SourceKey | null]) };
    return b;
  });
}
/** The resolution excluding the public before the exempt items (keyed by the exclusion item, or the first exempt item), or null when emptied. */
function exclusionSentence(record: MeetingRecord, keyId: number, items: readonly AgendaItem[]): string | null {
  const text = asEdited(record, `exclusion:${keyId}`, exclusionResolution(items)).join(' ');
  return text || null;
}

/** One sentence of the meeting the clerk can edit in place: its key, what it is, the app's wording, and the edit if any. */
export interface MeetingSentence {
  key: SentenceKey;
  label: string;
  standard: string;
  edited: string | undefined;
}

/**
 * The meeting's own sentences, outside any item's standard wording, in the order they print:
 * arrivals, departures and changes of chair, the order of business, each exclusion of the public,
 * and the closing line. The live screen shows each for editing; buildMinutes prints them.
 */
export function meetingSentences(record: MeetingRecord, style: HouseStyle = DEFAULT_HOUSE_STYLE): MeetingSentence[] {
  const out: MeetingSentence[] = [];
  const add = (key: SentenceKey, label: string, standard: string) => out.push({ key, label, standard, edited: record.wording?.[key] });
  const opening = openingChair(record);
  const itemTitle = (id: number | null) => {
    const item = id === null ? undefined : record.items.find((i) => i.id === id);
    return item ? ` (item ${item.agendaNumber})` : '';
  };
  const name = (attendanceId: number) => record.attendance.find((a) => a.id === attendanceId)?.name.trim() || 'A member';
  // Words before the first minute, after the attendance ("The Chairman welcomed everyone …"): none unless the clerk writes them.
  add('preamble', 'Words before the first minute', '');
  const changes = record.chairChanges.filter((c) => c !== opening).sort(byMeetingTime(record.startedAt));
  for (const c of changes) add(`chair:${c.id}`, `${name(c.attendanceId)} in the Chair${itemTitle(c.agendaItemId)}`, chairChangeText(c, record));
  for (const m of record.movements.filter((m) => !beforeStart(m, record)).sort(byMeetingTime(record.startedAt))) {
    add(`movement:${m.id}`, `${name(m.attendanceId)} ${m.kind === 'arrived' ? 'arrived' : 'left'} at ${formatTime(m.time)}${itemTitle(m.agendaItemId)}`, movementText(m, record));
  }
  for (const p of planMinutes(record.items, record.firstMinuteNumber)) {
    if (p.kind === 'order-of-business') add('orderOfBusiness', `Change to the order of business (minute ${p.number})`, orderOfBusinessText(record, style.chairTitle));
    if (p.kind === 'exclusion') add(`exclusion:${p.items[0]!.id}`, `Exclusion of the press and public (minute ${p.number})`, exclusionResolution(p.items));
    if (p.kind === 'item' && p.item.kind === 'exclusion' && p.followingExempt.length) {
      add(`exclusion:${p.item.id}`, `Exclusion of the press and public (minute ${p.number})`, exclusionResolution(p.followingExempt));
    }
  }
  if (record.closedAt) add('closing', 'The closing line', closingText(record.closedAt));
  // Words after the closing line ("Parish Clerk", the signature as printed): none unless the clerk writes them.
  add('afterClose', 'Words after the closing line', '');
  return out;
}

/** One block of the clerk's in an item's minute: an entry (paragraph, point, resolution) or a motion. */
type ClerkBlock = { entry: MinuteEntry; motion?: undefined } | { motion: Motion; entry?: undefined };

/** Minutes frozen before version 9 of the file printed paragraphs, then points, then motions, then resolutions. */
const LEGACY_RANK: Record<MinuteEntry['kind'], number> = { paragraph: 0, point: 1, resolution: 3 };

/** The clerk's blocks of an item in the order printed: one order shared by entries and motions. */
export function clerkBlocks(record: MeetingRecord, itemId: number): ClerkBlock[] {
  const entries = byItem(record.entries).get(itemId) ?? [];
  const motions = byItem(record.motions).get(itemId) ?? [];
  const legacy = record.layout !== 2;
  // By kind (in the legacy layout), then position, entries before motions, then id.
  const rank = (b: ClerkBlock) => (!legacy ? 0 : b.entry ? LEGACY_RANK[b.entry.kind] : 2);
  const row = (b: ClerkBlock) => (b.entry ?? b.motion)!;
  const blocks: ClerkBlock[] = [...entries.map((entry) => ({ entry })), ...motions.map((motion) => ({ motion }))];
  return blocks.sort((a, b) => rank(a) - rank(b) || row(a).position - row(b).position || (a.entry ? 0 : 1) - (b.entry ? 0 : 1) || row(a).id - row(b).id);
}

/** Paragraphs of an edited standard wording: a blank line between paragraphs. */
const editedParagraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);

/**
 * The app's standard wording of an item, as the one block the clerk can edit
 * and move: the Chair's invitation and the declarations, the pre-worded
 * sentence of a standard item, the opening sentence, the next meeting. Edited,
 * it is printed as typed; otherwise it follows the record.
 */
export function standardBlocks(item: AgendaItem, record: MeetingRecord, style: HouseStyle, ownWords: boolean): Block[] {
  if (item.standardText !== null && item.standardText !== undefined) {
    // "RESOLVED: That …" (as standardWordingText gives the next meeting's decision to edit) still prints as a decision.
    return editedParagraphs(item.standardText).map((text) => {
      const decided = /^(RESOLVED|AGREED|NOTED):\s+(\S[\s\S]*)$/.exec(text);
      return decided ? decisionBlock(decided[1]!, [decided[2]!]) : { type: 'paragraph', text };
    });
  }
  const out: Block[] = [];
  if (item.kind === 'declarations') out.push(...declarationsMinute(record, style));
  if (item.kind === 'next_meeting') {
    const next = nextMeetingWording(item, record);
    if (next) out.push(next.decision ? decisionBlock(next.decision, [next.text]) : { type: 'paragraph', text: next.text });
    // The dates one to a line, as the references print them: "…;" and the last ".".
    if (next?.dates.length) for (const text of punctuateResolutions(next.dates)) out.push({ type: 'paragraph', text });
  }
  for (const text of standardParagraphs(item, record, style.chairTitle, ownWords)) if (text.trim()) out.push({ type: 'paragraph', text: text.trim() });
  const opening = openingSentence(item, record);
  if (opening.trim()) out.push({ type: 'paragraph', text: opening.trim() });
  return out;
}

/**
 * The paragraphs of an item's standard wording as it prints now (the app's, or
 * the clerk's edit of it), each as the words printed and the label before them
 * ("RESOLVED: " for the next meeting's decision). Joined with blank lines they
 * are its edited standard wording; paragraph k is the one marked std<id>_<k>.
 */
export function standardWordingParts(item: AgendaItem, record: MeetingRecord, style: HouseStyle = DEFAULT_HOUSE_STYLE): { prefix: string; text: string }[] {
  const ownWords = clerkBlocks(record, item.id).some((b) => (b.entry ? b.entry.text.trim() !== '' : true));
  return standardBlocks(item, record, style, ownWords)
    .map((b) =>
      b.type === 'paragraph'
        ? { prefix: '', text: b.text }
        : b.type === 'decision'
          ? { prefix: `${b.label}: `, text: b.resolutions.join(' ') }
          : { prefix: '', text: b.type === 'lettered' ? b.items.join('\n') : '' },
    )
    .filter((p) => p.text);
}

/** The standard wording as plain text, for the clerk to edit in place. */
export function standardWordingText(item: AgendaItem, record: MeetingRecord, style: HouseStyle = DEFAULT_HOUSE_STYLE): string {
  return standardWordingParts({ ...item, standardText: null }, record, style)
    .map((p) => p.prefix + p.text)
    .join('\n\n');
}

/** The blocks of one item's minute, after its heading, in the order the clerk arranged them. */
function itemBody(item: AgendaItem, record: MeetingRecord, style: HouseStyle, following: readonly AgendaItem[], marked = false): Block[] {
  const out: Block[] = [];
  const paragraph = (text: string, source?: SourceKey) => {
    if (text.trim()) out.push(source && marked ? { type: 'paragraph', text: text.trim(), source } : { type: 'paragraph', text: text.trim() });
  };
  const entries = byItem(record.entries).get(item.id) ?? [];
  const blocks = clerkBlocks(record, item.id).filter((b) => !b.entry || b.entry.text.trim());
  const motions = byItem(record.motions).get(item.id) ?? [];

  if (item.outcome !== 'minuted') {
    paragraph(outcomeText(item));
    for (const b of blocks) if (b.entry?.kind === 'paragraph') paragraph(b.entry.text, `e${b.entry.id}`);
    return out;
  }
  const ownWords = blocks.length > 0;
  // A declaration made during this item and minuted here, where it was made.
  for (const d of record.declarations.filter((d) => d.atItem && d.agendaItemId === item.id)) paragraph(declarationText(d, record, style.chairTitle));
  // Once the meeting has closed, an item never taken up gets no standard or pre-worded wording: nothing is minuted as if it happened.
  const minuted =
    entries.some((e) => e.text.trim() && !isPreWorded(item, e)) ||
    motions.length > 0 ||
    record.movements.some((m) => m.agendaItemId === item.id) ||
    record.chairChanges.some((c) => c.agendaItemId === item.id);
  if (record.closedAt !== null && item.takenAt === null && !minuted) return out;

  // The standard wording is marked for the chair's review copy, so a correction of it becomes the item's edited
  // standard wording: one paragraph (the app's or the clerk's edit of it) carries its item's opening mark; a longer one
  // (the declarations, the next meeting's decision and dates) marks each paragraph, in the order standardWordingParts gives.
  const standardAll = standardBlocks(item, record, style, ownWords);
  const only = standardAll.length === 1 ? standardAll[0]! : null;
  const standard = !marked
    ? standardAll
    : only?.type === 'paragraph'
      ? [{ ...only, source: `open${item.id}` as const }]
      : markedParts(standardAll, item.id);
  const standardAt = Math.min(Math.max(item.standardAt ?? 0, 0), blocks.length);
  const movements = record.movements.filter((m) => m.agendaItemId === item.id && !beforeStart(m, record)).sort(byMeetingTime(record.startedAt));
  // Arrivals and departures during the item follow its narrative, before its points and decisions.
  const firstDecided = blocks.findIndex((b, i) => i >= standardAt && !(b.entry?.kind === 'paragraph'));
  const movementsAt = firstDecided === -1 ? blocks.length : firstDecided;
  const exclusion = item.kind === 'exclusion' && following.length ? exclusionSentence(record, item.id, following) : null;
  // Where the standard wording and the arrivals sit, a list or decision is cut: they are printed between its parts.
  const segments = minuteSegments(item, record, blocks, [standardAt, movementsAt]);
  const segmentAt = new Map<number, MinuteSegment>();
  for (const g of segments) if (!segmentAt.has(g.from)) segmentAt.set(g.from, g);
  const labelOf = () => item.decisionLabel ?? record.body.decisionLabel;
  const asRead = Boolean(record.importedFrom);

  let exclusionPrinted = false;
  blocks.forEach((b, i) => {
    if (i === standardAt) out.push(...standard);
    if (i === movementsAt) for (const m of movements) out.push(...sentenceParagraphs(movementSentence(m, record), `movement:${m.id}`, marked));
    const segment = segmentAt.get(i);
    if (!segment) return;
    switch (segment.kind) {
      case 'motion':
        motionParagraphs(segment.motion, record).forEach((t) => paragraph(t));
        break;
      case 'paragraph':
        paragraph(segment.entry.text, `e${segment.entry.id}`);
        break;
      case 'list': {
        if (segment.intro) paragraph(segment.intro);
        // Imported past minutes print their points and resolutions as read, punctuation and all.
        const list = listBlock(segment.entries.map((e) => (asRead ? e.text.trim() : pointText(e.text))), segment.style, segment.start, segment.start > 0);
        out.push(marked ? { ...list, sources: segment.entries.map((e) => `e${e.id}` as const) } as Block : list);
        break;
      }
      case 'decision': {
        // A resolution of punctuation alone prints nothing (punctuateResolutions drops it), so it carries no source either.
        const kept = segment.entries.filter((e) => e.text.replace(/[\s.;,:]+$/, '').trim());
        const resolutions = kept.map((e) => e.text.trim());
        const sources: (SourceKey | null)[] = kept.map((e) => `e${e.id}` as const);
        if (exclusion && !exclusionPrinted) {
          resolutions.unshift(exclusion);
          sources.unshift(sentenceSource(`exclusion:${item.id}`, 0));
          exclusionPrinted = true;
        }
        const built = decisionBlock(segment.label, asRead ? resolutions.filter(Boolean) : punctuateResolutions(resolutions), segment.style, segment.bracket);
        // Imported minutes keep the label's line as read ("RESOLVED: That the Committee:-").
        const runOn = asRead && segment.runOn && segment.intro && built.type === 'decision' && built.resolutions.length === 1;
        const decision = asRead && segment.intro && built.type === 'decision' ? { ...built, heading: segment.intro, ...(runOn ? { runOn: true as const } : {}) } : built;
        out.push(marked ? ({ ...decision, sources } as Block) : decision);
        break;
      }
    }
  });
  if (standardAt >= blocks.length) out.push(...standard);
  if (movementsAt >= blocks.length) for (const m of movements) out.push(...sentenceParagraphs(movementSentence(m, record), `movement:${m.id}`, marked));
  if (exclusion && !exclusionPrinted) {
    const decision = decisionBlock(labelOf(), punctuateResolutions([exclusion]));
    out.push(marked ? ({ ...decision, sources: [sentenceSource(`exclusion:${item.id}`, 0)] } as Block) : decision);
  }
  // A change of chair is minuted after the decision that made it ("Mrs D. Taylor CC in the Chair.").
  for (const c of record.chairChanges.filter((c) => c.agendaItemId === item.id).sort(byMeetingTime(record.startedAt))) out.push(...sentenceParagraphs(chairSentence(c, record), `chair:${c.id}`, marked));
  return out;
}

/** Each paragraph of a standard wording of several, marked std<item>_<k> (k counting the paragraphs standardWordingParts keeps). */
function markedParts(blocks: Block[], itemId: number): Block[] {
  let k = 0;
  return blocks.map((b) => {
    if (b.type === 'paragraph' && b.text) return { ...b, source: `std${itemId}_${k++}` as const };
    if (b.type === 'decision' && b.resolutions.length === 1 && b.resolutions[0]) return { ...b, sources: [`std${itemId}_${k++}` as const] };
    if (b.type === 'decision' && b.resolutions.join(' ')) k++;
    if (b.type === 'lettered' && b.items.length) k++;
    return b;
  });
}

/** A point as printed: a full stop added, unless it ends a sentence or leads on with a colon or semicolon as typed. */
const pointText = (text: string) => (/[:;]$/.test(text.trim()) ? text.replace(/\s+/g, ' ').trim() : finished(text.trim()));

/** A run of the clerk's blocks printed as one: a paragraph, a motion, a list of points, or a decision. */
export type MinuteSegment =
  | { kind: 'paragraph'; from: number; entry: MinuteEntry }
  | { kind: 'motion'; from: number; motion: Motion }
  | { kind: 'list'; from: number; entries: MinuteEntry[]; style: ListStyle; start: number; intro: string; markers: string[] }
  /** `intro`: the label's line as read from imported minutes ("RESOLVED – That:"), printed in place of "RESOLVED:"; '' for none. */
  /** `style`: its first resolution's (imported minutes keep the markers as printed); lettered (a), (b) unless set. */
  | { kind: 'decision'; from: number; entries: MinuteEntry[]; label: DecisionLabel; markers: string[]; intro: string; style: ResolutionStyle; bracket: ResolutionBracket; runOn: boolean };

/**
 * The one rule for how an item's blocks group: consecutive points of one
 * style make a list (a point with an introduction, even an empty one, starts
 * a new list; the first list of a minute has the standard introduction;
 * later lists carry on the numbering of the list of their style before them);
 * consecutive resolutions make a decision (a labelled resolution starts a new
 * one). `cuts` are places where a run is broken (the standard wording sits there).
 * The live screen names each block by the markers given here.
 */
export function minuteSegments(item: AgendaItem, record: MeetingRecord, blocks: ClerkBlock[], cuts: number[] = []): MinuteSegment[] {
  const segments: MinuteSegment[] = [];
  const counted = new Map<ListStyle, number>();
  let lists = 0;
  let current: MinuteSegment | null = null;
  const close = () => {
    const segment = current as MinuteSegment | null;
    if (segment?.kind === 'list') {
      segment.markers = segment.entries.map((_, i) => markerFor(segment.start + i, segment.style));
      counted.set(segment.style, segment.start + segment.entries.length);
    } else if (segment?.kind === 'decision') {
      segment.markers = resolutionMarkers(segment.entries.length, segment.style, segment.bracket);
    }
    if (segment) segments.push(segment);
    current = null;
  };
  blocks.forEach((b, i) => {
    const cut = cuts.includes(i) && i > 0;
    if (b.motion) {
      close();
      current = { kind: 'motion', from: i, motion: b.motion };
      close();
      return;
    }
    const e = b.entry;
    if (e.kind === 'point') {
      const explicit = e.intro !== null && e.intro !== undefined;
      const style = e.style ?? item.pointsStyle;
      const open = current as MinuteSegment | null;
      if (!open || open.kind !== 'list' || explicit || open.style !== style || cut) {
        close();
        const given = explicit ? e.intro!.trim() : lists === 0 ? pointsIntro(item) : '';
        const intro = given && !/[:.]$/.test(given) ? `${given}:` : given;
        current = { kind: 'list', from: i, entries: [], style, start: explicit ? 0 : (counted.get(style) ?? 0), intro, markers: [] };
        lists++;
      }
      (current as unknown as { entries: MinuteEntry[] }).entries.push(e);
      return;
    }
    if (e.kind === 'resolution') {
      const open = current as MinuteSegment | null;
      if (!open || open.kind !== 'decision' || (e.label !== null && e.label !== undefined) || cut) {
        close();
        current = { kind: 'decision', from: i, entries: [], label: e.label ?? item.decisionLabel ?? record.body.decisionLabel, markers: [], intro: e.intro?.trim() ?? '', style: resolutionStyleOf(e.style), bracket: e.bracket === 'close' ? 'close' : 'both', runOn: e.runOn === true };
      }
      (current as unknown as { entries: MinuteEntry[] }).entries.push(e);
      return;
    }
    close();
    current = { kind: 'paragraph', from: i, entry: e };
    close();
  });
  close();
  return segments;
}

/** A resolution's stored style as its decision prints it: lettered unless roman or numbered was kept. */
const resolutionStyleOf = (style: ListStyle | null | undefined): ResolutionStyle => (style === 'roman' || style === 'number' ? style : 'alpha');

/** An arrival stamped before the meeting started is not an arrival: the member was there from the start. */
function beforeStart(m: { kind: string; time: string }, record: MeetingRecord): boolean {
  return m.kind === 'arrived' && isBeforeStart(record.startedAt, m.time);
}

/** The exempt items that follow place i in the order of business, up to the next public item. */
function exemptRunFrom(ordered: AgendaItem[], i: number): AgendaItem[] {
  const run: AgendaItem[] = [];
  for (let j = i; j < ordered.length && ordered[j]!.exempt; j++) run.push(ordered[j]!);
  return run;
}

/** One numbered minute: an agenda item, the consent to vary the order of business, or an exclusion of the public. */
export type PlannedMinute =
  /** `unnumbered`: the item takes no number (imported minutes printed it so); `number` is then the next number, not used. */
  | { kind: 'item'; number: number; item: AgendaItem; followingExempt: AgendaItem[]; unnumbered?: boolean }
  | { kind: 'order-of-business'; number: number }
  | { kind: 'exclusion'; number: number; items: AgendaItem[] };

/**
 * The minutes in order with their numbers: items in the order of business,
 * numbered on from `first`; the change to the order of business minuted where
 * it happened, and an exclusion of the public before exempt business unless
 * the agenda has its own exclusion item there.
 */
export function planMinutes(items: readonly AgendaItem[], first = 1): PlannedMinute[] {
  // An item left out (never taken up, not minuted) has no minute and no number.
  const kept = items.filter((i) => !i.leftOut);
  const ordered = inBusinessOrder(kept);
  const variedAt = orderVariedAt(kept);
  const plan: PlannedMinute[] = [];
  let number = first;
  ordered.forEach((item, i) => {
    const previous = ordered[i - 1];
    if (i === variedAt) plan.push({ kind: 'order-of-business', number: number++ });
    if (item.exempt && !previous?.exempt && previous?.kind !== 'exclusion') {
      plan.push({ kind: 'exclusion', number: number++, items: exemptRunFrom(ordered, i) });
    }
    const followingExempt = item.kind === 'exclusion' ? exemptRunFrom(ordered, i + 1) : [];
    // An item printed with no number ("Chair's announcements" before "1. Apologies" in imported minutes) takes none.
    if (item.unnumbered) {
      plan.push({ kind: 'item', number, item, followingExempt, unnumbered: true });
      return;
    }
    // Numbers the published minutes skipped before this one (imported past minutes): the gap is kept.
    number += Math.max(0, item.numbersSkipped ?? 0);
    plan.push({ kind: 'item', number: number++, item, followingExempt });
  });
  return plan;
}

/** The minute number each agenda item carries, by item id. */
export function minuteNumbers(record: { items: readonly NumberingItem[]; firstMinuteNumber: number }): Map<number, number> {
  const numbers = new Map<number, number>();
  // The plan reads only the numbering's fields of each item (NumberingItem), as minuteCount below.
  for (const p of planMinutes(record.items as readonly AgendaItem[], record.firstMinuteNumber)) if (p.kind === 'item' && !p.unnumbered) numbers.set(p.item.id, p.number);
  return numbers;
}

/**
 * What of an item the numbering reads (planMinutes: left out, exempt, kind, numbers skipped, and the two orders).
 * Approved minutes keep these beside their frozen record (frozen_numbering, written by freezeRecord): a key added
 * here needs a migration that writes it into that table's rows too.
 */
export const NUMBERING_KEYS = ['id', 'position', 'businessOrder', 'leftOut', 'exempt', 'kind', 'numbersSkipped', 'unnumbered'] as const satisfies readonly (keyof AgendaItem)[];
export type NumberingItem = Pick<AgendaItem, (typeof NUMBERING_KEYS)[number]>;

/** An item as the numbering reads it, and nothing more. */
export const numberingItem = (item: NumberingItem): NumberingItem =>
  Object.fromEntries(NUMBERING_KEYS.map((key) => [key, item[key]])) as unknown as NumberingItem;

/**
 * How many minute numbers a meeting uses, the numbers its minutes skipped included (after "7." and "9." the next
 * meeting starts at 10). Only the count is kept, so the items need only what the numbering reads.
 */
export const minuteCount = (items: readonly NumberingItem[]) => planMinutes(items as readonly AgendaItem[], 1).filter((p) => !(p.kind === 'item' && p.unnumbered)).at(-1)?.number ?? 0;

/** A minute heading's number as printed: "44.", the body's form ("21.44"), or nothing for a minute printed with no number. */
export const headingMark = (b: { number: number; mark?: string }) => b.mark ?? `${b.number}.`;

/**
 * Turns a meeting record into the minutes document: the public minutes
 * (exempt items show only the exclusion and a fair summary) or the exempt
 * minutes alone, with the same numbers. Each minute cites its agenda number.
 * Marked DRAFT until the minutes are approved (the record's status).
 */
export function buildMinutes(record: MeetingRecord, options: BuildOptions = {}): MinutesDocument {
  return build(record, options).doc;
}

/** Where one item's minute body sits in the built blocks, and what it was built from (rebuildMinutes). */
interface BodySpan {
  item: AgendaItem;
  following: readonly AgendaItem[];
  /** The item's entries the body was built from, each the very row. */
  entries: readonly MinuteEntry[];
  at: number;
  length: number;
}

/** A built document with what rebuildMinutes needs to build it again after a keystroke. */
export interface BuiltMinutes {
  doc: MinutesDocument;
  record: MeetingRecord;
  options: BuildOptions;
  spans: BodySpan[];
}

/** The same record but for its entries: every other field the very same value (as an autosave or a keystroke leaves it). */
export function sameButEntries(a: MeetingRecord, b: MeetingRecord): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof MeetingRecord)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === 'entries' || Object.is(a[key], b[key]));
}

const sameOptions = (a: BuildOptions, b: BuildOptions) =>
  a.style === b.style && a.firstMinuteNumber === b.firstMinuteNumber && (a.part ?? 'public') === (b.part ?? 'public') && Boolean(a.sources) === Boolean(b.sources);

const sameRows = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The minutes again, for the live preview at each keystroke: when only the
 * record's entries changed since `previous` (the words typed, an entry added
 * or removed), only the minutes of the items whose entries changed are built
 * again, and every other block is the one built before (the very object).
 * The document is always the one buildMinutes would build: an item's minute
 * reads only its own entries (byItem), and everything else is unchanged.
 */
export function rebuildMinutes(previous: BuiltMinutes | null, record: MeetingRecord, options: BuildOptions = {}): BuiltMinutes {
  if (!previous || !sameOptions(previous.options, options) || !sameButEntries(previous.record, record)) return build(record, options);
  if (previous.record.entries === record.entries) return previous;
  const style = options.style ?? DEFAULT_HOUSE_STYLE;
  const rows = byItem(record.entries);
  const blocks: Block[] = [];
  const spans: BodySpan[] = [];
  let from = 0;
  let changed = false;
  for (const span of previous.spans) {
    const entries = rows.get(span.item.id) ?? [];
    blocks.push(...previous.doc.blocks.slice(from, span.at));
    const at = blocks.length;
    if (sameRows(entries, span.entries)) blocks.push(...previous.doc.blocks.slice(span.at, span.at + span.length));
    else {
      changed = true;
      blocks.push(...itemBody(span.item, record, style, span.following, options.sources === true));
    }
    spans.push({ ...span, entries, at, length: blocks.length - at });
    from = span.at + span.length;
  }
  blocks.push(...previous.doc.blocks.slice(from));
  // An entry of an item not printed (another part's, or of no item) changed nothing printed.
  const doc = changed ? { ...previous.doc, blocks } : previous.doc;
  return { doc, record, options, spans };
}

function build(record: MeetingRecord, options: BuildOptions): BuiltMinutes {
  const style = options.style ?? DEFAULT_HOUSE_STYLE;
  const part = options.part ?? 'public';
  const publicPart = part === 'public';
  const marked = options.sources === true;
  const itemIds = new Set(record.items.map((i) => i.id));
  const onItem = (id: number | null) => id !== null && itemIds.has(id);
  const opening = openingChair(record);
  const blocks: Block[] = [];
  const bodyName = record.body.name.trim();
  const spans: BodySpan[] = [];
  const body = (item: AgendaItem, following: readonly AgendaItem[]) => {
    const at = blocks.length;
    blocks.push(...itemBody(item, record, style, following, marked));
    spans.push({ item, following, entries: byItem(record.entries).get(item.id) ?? [], at, length: blocks.length - at });
  };

  if (publicPart) {
    const attendance = attendanceBlocks(record, opening);
    blocks.push({ type: 'opening', text: openingLine(record) }, ...(marked ? markedAttendance(attendance) : attendance));
    // The clerk's words before the first minute ("The Chairman welcomed everyone …"), as the minutes printed them.
    blocks.push(...sentenceParagraphs(asEdited(record, 'preamble', ''), 'preamble', marked));
    // Declarations with no declarations item on the agenda still appear, before the first minute.
    if (!record.items.some((i) => i.kind === 'declarations')) blocks.push(...declarationParagraphs(record, style));
    // Changes of chair after the start and arrivals or departures not stamped with an item on the agenda.
    for (const c of record.chairChanges.filter((c) => !onItem(c.agendaItemId) && c !== opening).sort(byMeetingTime(record.startedAt))) {
      blocks.push(...sentenceParagraphs(chairSentence(c, record), `chair:${c.id}`, marked));
    }
    for (const m of record.movements.filter((m) => !onItem(m.agendaItemId) && !beforeStart(m, record)).sort(byMeetingTime(record.startedAt))) {
      blocks.push(...sentenceParagraphs(movementSentence(m, record), `movement:${m.id}`, marked));
    }
  } else {
    blocks.push({ type: 'opening', text: `Exempt minutes of ${openingLine(record).replace(/^Minutes of /, '')}` });
  }

  // A body numbering within its year prints the year with each number ("21.44"); plain numbers print as before ("44.").
  const form = record.body.minuteNumberForm ?? '{n}.';
  // Printed below the heading ("1. Election of Chairman" / "01/22"): the heading carries its agenda number, the number the line below.
  const below = belowHeading(form) !== null;
  const mark = (n: number, agendaNumber: number | null = null) =>
    form === '{n}.' ? {}
    : below && agendaNumber !== null ? { mark: `${agendaNumber}.`, below: minuteMark(n, record.date, record.body.yearStartMonth, form) }
    : { mark: minuteMark(n, record.date, record.body.yearStartMonth, form) };
  for (const p of planMinutes(record.items, options.firstMinuteNumber ?? record.firstMinuteNumber)) {
    if (p.kind === 'order-of-business') {
      if (publicPart) {
        blocks.push({ type: 'minute-heading', number: p.number, agendaNumber: null, text: 'Change to the Order of Business', ...mark(p.number) });
        blocks.push(...sentenceParagraphs(asEdited(record, 'orderOfBusiness', orderOfBusinessText(record, style.chairTitle)), 'orderOfBusiness', marked));
      }
    } else if (p.kind === 'exclusion') {
      if (publicPart) {
        const resolution = exclusionSentence(record, p.items[0]!.id, p.items);
        const decision = resolution ? decisionBlock('RESOLVED', punctuateResolutions([resolution])) : null;
        blocks.push(
          { type: 'minute-heading', number: p.number, agendaNumber: null, text: 'Exclusion of the Press and Public', ...mark(p.number) },
          ...(decision ? [marked ? ({ ...decision, sources: [sentenceSource(`exclusion:${p.items[0]!.id}`, 0)] } as Block) : decision] : []),
        );
      }
    } else {
      const { item } = p;
      const heading: Block = { type: 'minute-heading', number: p.number, agendaNumber: item.agendaNumber, text: item.title.trim(), ...(marked ? { source: `i${item.id}` as const } : {}), ...(p.unnumbered ? { mark: '' } : mark(p.number, item.agendaNumber)) };
      if (item.exempt) {
        const summary = item.publicSummary.trim();
        blocks.push(heading);
        if (publicPart) {
          blocks.push({ type: 'paragraph', text: exemptItemText(item.exemptParagraph) });
          if (summary) blocks.push({ type: 'paragraph', text: summary });
        } else {
          body(item, []);
        }
      } else if (publicPart) {
        blocks.push(heading);
        body(item, p.followingExempt);
      }
    }
  }

  const closing = (key: 'closing' | 'afterClose', texts: string[]) =>
    texts.forEach((text, k) => blocks.push(marked ? { type: 'closing', text, source: sentenceSource(key, k) } : { type: 'closing', text }));
  if (record.closedAt) closing('closing', asEdited(record, 'closing', closingText(record.closedAt)));
  // The clerk's words after the close ("Parish Clerk", the clerk's name), as the minutes printed them and set as the
  // closing line is (flush with the margin, not indented as a minute's words); where they carry the chair's signature
  // lines ("Signed ……… Chairman"), the app's own signature block is not printed as well.
  const afterClose = asEdited(record, 'afterClose', '');
  closing('afterClose', afterClose);
  if (!afterClose.some(isSignatureLine)) blocks.push({ type: 'signature', chairTitle: style.chairTitle });
  const doc: MinutesDocument = {
    title: `${publicPart ? 'Minutes' : 'Exempt minutes'} of the ${bodyName}, ${formatLongDate(record.date)}`,
    bodyName,
    meetingDate: record.date,
    // Draft or not is the record's own status, decided in one place (isDraftStatus), for the preview, Review and every export.
    draft: isDraftStatus(record.minutesStatus),
    part,
    blocks,
  };
  return { doc, record, options, spans };
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** The letter of the point at a 0-based index: a, b, ... z, aa, ab ... or i, ii, iii, iv ... or 1, 2, 3 ... */
export function letterFor(index: number, style: ListStyle): string {
  if (style === 'number') return String(index + 1);
  if (style === 'bullet') return '•';
  if (style === 'roman') {
    let n = index + 1;
    let out = '';
    for (const [value, numeral] of ROMAN) {
      while (n >= value) {
        out += numeral;
        n -= value;
      }
    }
    return out;
  }
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** "(a)", "(iv)", "3.", "•": the marker printed before a point or resolution. */
export const markerFor = (index: number, style: ListStyle) =>
  style === 'bullet' ? '•' : style === 'number' ? `${letterFor(index, style)}.` : `(${letterFor(index, style)})`;

/**
 * Plain text, one block per paragraph separated by blank lines: "DRAFT" first
 * for a draft; name lists as "name<TAB>detail" rows; "17. Introductions";
 * "(a) text" points; "RESOLVED:" then the single resolution or "(a) ...".
 */
export function minutesToText(doc: MinutesDocument): string {
  const out: string[] = [];
  if (doc.draft) out.push('DRAFT');
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'opening':
      case 'section-heading':
      case 'chair':
      case 'paragraph':
      case 'closing':
        out.push(b.text);
        break;
      case 'name-list':
        if (b.rows.length) out.push(b.rows.map((r) => (r.detail ? `${r.name}\t${r.detail}` : r.name)).join('\n'));
        break;
      case 'minute-heading':
        out.push(b.mark === '' ? b.text : `${headingMark(b)} ${b.text}`);
        if (b.below) out.push(b.below);
        break;
      case 'lettered':
        if (b.items.length) out.push(b.items.map((t, i) => `${b.markers[i]} ${t}`).join('\n'));
        break;
      case 'decision':
        if (b.runOn) {
          out.push(`${b.heading} ${b.resolutions[0]}`);
          break;
        }
        out.push(b.heading ?? `${b.label}:`);
        if (b.resolutions.length) out.push(b.resolutions.map((t, i) => (b.markers[i] ? `${b.markers[i]} ${t}` : t)).join('\n'));
        break;
      case 'signature':
        out.push(`${b.chairTitle}\n\nDate`);
        break;
    }
  }
  return out.join('\n\n');
}
