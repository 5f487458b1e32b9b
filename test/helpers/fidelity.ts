/**
 * Word-level comparison of exported minutes with published minutes (issue 16:
 * the fidelity test). Both texts are read from their first minute on, put
 * through the same small normalisation, cut into words, and compared with a
 * longest-common-subsequence diff (Myers, from the `diff` package the app
 * already uses for its review screen). Similarity is 2 x matched words /
 * (published words + exported words): 1 when the words are identical, in
 * order.
 *
 * Normalisation, all of it (anything else counts as a difference):
 * - curly quotes and apostrophes to straight ones, and en and em dashes,
 *   minus signs and non-breaking hyphens to "-": the published texts mix both
 *   forms for the same mark, and Word's autocorrect decides which a reader sees;
 * - every run of white space (tabs, non-breaking spaces, line breaks, blank
 *   lines) to one space: paragraph breaks are not words, and the published
 *   texts break points across page ends ("more collaboration / between NPS");
 * - times written "10:00am", "10.00am" or "10.00 am" to "10.00 am", the app's
 *   house form: the references disagree among themselves on this, so it is
 *   typography, not content. Dates are NOT normalised ("Friday, 11 December
 *   2020" and "Friday 11 December 2020" differ by a comma, and count);
 * - markup that the copies of the published texts carry from their
 *   conversion, not from the minutes: markdown heading hashes ("#### 24."),
 *   the markdown dash before a list marker ("- (a)") and a bullet written as
 *   "-" or "*" at the start of a line (read as the bullet "•"); Word bullets
 *   ("•", "●", "◦", "▪") also become "•";
 * - a published text's own furniture, listed per meeting with its reason (a
 *   web page's "pdf icon PDF 157 KB", the agenda's presenter lines shown above
 *   each minute): those lines are removed from the published side only.
 * Case and punctuation are kept: "noted;" and "noted:" differ, as do
 * "Co-ordinator" and "Coordinator".
 */
import { diffArrays } from 'diff';

/** Lines of a published text that are not part of the minutes, removed with the reason why. */
export interface Furniture {
  /** Matches the whole line (after trimming), or the part of it to remove when `part` is set. */
  pattern: RegExp;
  reason: string;
  /** Remove only the matched part of the line (e.g. " pdf icon PDF 157 KB" after a title). */
  part?: boolean;
}

export interface PublishedReading {
  /** The first line of the first minute (the comparison starts there). */
  startsAt: RegExp;
  /** The line after the last minute, when the published text goes on (exclusive). */
  endsBefore?: RegExp;
  furniture: Furniture[];
  /** Runs of lines that are not minutes: from a line matching `from` up to (not including) the next matching `to`. */
  dropRuns?: { from: RegExp; to: RegExp; reason: string }[];
  /**
   * What the published text prints. A council's web page shows the minute
   * numbers and decision labels in page furniture that a text copy loses; the
   * export's are then left out of the word comparison (and of the structural
   * check), and this is said in the report.
   */
  shows: { minuteNumbers: boolean; labels: boolean };
}

const LABELS = /^(RESOLVED|AGREED|NOTED)\s*:?$/;
const HEADING = /^(\d{1,3})\.\s+\S/;
const MARKER = /^(\((?:[a-z]{1,3}|[ivxlc]{1,6}|\d{1,3})\)|•)(?=\s|$)/;

/** Quotes, dashes and bullets as one form each; white space within a line to single spaces. */
export function normaliseLine(line: string): string {
  return line
    .trim()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ')
    .replace(/\b(\d{1,2})[.:](\d{2}) ?([ap])m\b/gi, (_m, h: string, min: string, ap: string) => `${h}.${min} ${ap.toLowerCase()}m`)
    .replace(/^#{1,6}\s+/, '')
    .replace(/^[-*]\s+(?=\()/, '')
    .replace(/^[-*•●◦▪]\s+/, '• ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The lines of a text, normalised, blank ones dropped. */
export const linesOf = (text: string): string[] =>
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map(normaliseLine)
    .filter(Boolean);

/** The published minutes from the first minute on, furniture removed, as normalised lines. */
export function readPublished(text: string, reading: PublishedReading): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim());
  const start = lines.findIndex((l) => reading.startsAt.test(l));
  if (start < 0) throw new Error(`The published text has no line matching ${reading.startsAt}`);
  let end = lines.length;
  if (reading.endsBefore) {
    const found = lines.findIndex((l, i) => i > start && reading.endsBefore!.test(l));
    if (found > 0) end = found;
  }
  const kept: string[] = [];
  let dropping: RegExp | null = null;
  for (let line of lines.slice(start, end)) {
    if (dropping) {
      if (!dropping.test(line)) continue;
      dropping = null;
    }
    const run = reading.dropRuns?.find((r) => r.from.test(line));
    if (run) {
      dropping = run.to;
      continue;
    }
    for (const f of reading.furniture) {
      if (f.part) line = line.replace(f.pattern, '').trim();
      else if (f.pattern.test(line)) line = '';
    }
    const n = normaliseLine(line);
    if (n) kept.push(n);
  }
  return kept;
}

/**
 * The exported minutes from the minute numbered `firstMinute` on, without the
 * signature block at the end ("Chairman" and "Date" lines, which the published
 * texts' copies do not carry), as normalised lines. When the published text
 * shows no minute numbers or labels, those are taken out here too.
 */
export function readExport(text: string, firstMinute: number, shows: PublishedReading['shows']): string[] {
  const lines = linesOf(text);
  const start = lines.findIndex((l) => new RegExp(`^${firstMinute}\\.\\s`).test(l));
  if (start < 0) throw new Error(`The export has no minute numbered ${firstMinute}`);
  const body = lines.slice(start);
  while (body.length && /^(Chairman|Chair|Date|Signed|\.+)$/.test(body[body.length - 1]!)) body.pop();
  return body
    .map((l) => (shows.minuteNumbers ? l : l.replace(/^\d{1,3}\.\s+(?=\S)/, '')))
    .filter((l) => shows.labels || !LABELS.test(l));
}

export const wordsOf = (lines: readonly string[]): string[] => lines.join(' ').split(/\s+/).filter(Boolean);

/** One place where the two texts differ: the published words there and the exported words instead. */
export interface Difference {
  /** The words just before, common to both, to find the place. */
  before: string;
  published: string;
  exported: string;
  /** Words involved on both sides together. */
  size: number;
}

export interface Comparison {
  publishedWords: number;
  exportedWords: number;
  matched: number;
  /** 2 x matched / (published + exported), from 0 to 1. */
  similarity: number;
  /** Every difference, largest first. */
  differences: Difference[];
}

/** Compares two lists of words with a longest-common-subsequence diff. */
export function compareWords(published: readonly string[], exported: readonly string[]): Comparison {
  const changes = diffArrays([...published], [...exported]);
  let matched = 0;
  const differences: Difference[] = [];
  let context: string[] = [];
  let open: { removed: string[]; added: string[]; before: string } | null = null;
  const close = () => {
    if (open) differences.push({ before: open.before, published: open.removed.join(' '), exported: open.added.join(' '), size: open.removed.length + open.added.length });
    open = null;
  };
  for (const c of changes) {
    if (!c.added && !c.removed) {
      close();
      matched += c.value.length;
      context = [...context, ...c.value].slice(-6);
      continue;
    }
    open ??= { removed: [], added: [], before: context.join(' ') };
    (c.removed ? open.removed : open.added).push(...c.value);
  }
  close();
  const total = published.length + exported.length;
  return {
    publishedWords: published.length,
    exportedWords: exported.length,
    matched,
    similarity: total === 0 ? 1 : (2 * matched) / total,
    differences: differences.sort((a, b) => b.size - a.size),
  };
}

/**
 * The structure a reader checks: each minute number in turn, each decision
 * label, and each point's marker ((a), (i), 1., •), as "17", "RESOLVED",
 * "(a)" in document order.
 */
export function structureOf(lines: readonly string[], shows: PublishedReading['shows'] = { minuteNumbers: true, labels: true }): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const heading = HEADING.exec(line);
    if (heading && shows.minuteNumbers) {
      out.push(`${heading[1]}.`);
      continue;
    }
    const label = LABELS.exec(line);
    if (label) {
      if (shows.labels) out.push(label[1]!);
      continue;
    }
    const marker = MARKER.exec(line);
    if (marker) out.push(marker[1]!);
  }
  return out;
}

/** Where two structures first part, with a little of each around it; null when they are identical. */
export function structureDifference(published: readonly string[], exported: readonly string[]): string | null {
  const n = Math.max(published.length, exported.length);
  for (let i = 0; i < n; i++) {
    if (published[i] !== exported[i]) {
      const around = (s: readonly string[]) => s.slice(Math.max(0, i - 4), i + 5).join(' ');
      return `at place ${i + 1}: published "${published[i] ?? '(end)'}", exported "${exported[i] ?? '(end)'}"\n  published: … ${around(published)} …\n  exported:  … ${around(exported)} …`;
    }
  }
  return null;
}

export interface FidelityReport extends Comparison {
  meeting: string;
  structure: { published: string[]; exported: string[]; difference: string | null };
}

/** Published text against exported text, both read as above. */
export function fidelity(meeting: string, publishedText: string, reading: PublishedReading, exportedText: string, firstMinute: number): FidelityReport {
  const published = readPublished(publishedText, reading);
  const exported = readExport(exportedText, firstMinute, reading.shows);
  const comparison = compareWords(wordsOf(published), wordsOf(exported));
  const ps = structureOf(published, reading.shows);
  const es = structureOf(exported, reading.shows);
  return { meeting, ...comparison, structure: { published: ps, exported: es, difference: structureDifference(ps, es) } };
}

/** The report printed by the fidelity tests: the figure, the structure check and the largest differences. */
export function describeFidelity(r: FidelityReport, largest = 15): string {
  const pct = (r.similarity * 100).toFixed(1);
  const lines = [
    `${r.meeting}: ${pct} % similar (${r.matched} words matched; ${r.publishedWords} published, ${r.exportedWords} exported; ${r.differences.length} differences)`,
    `  structure (minute numbers, labels, markers): ${r.structure.difference === null ? `identical (${r.structure.published.length} marks)` : `DIFFERS ${r.structure.difference}`}`,
  ];
  for (const d of r.differences.slice(0, largest)) {
    lines.push(`  - after "…${d.before}": published "${d.published || '(nothing)'}" | exported "${d.exported || '(nothing)'}"`);
  }
  if (r.differences.length > largest) lines.push(`  … and ${r.differences.length - largest} smaller differences`);
  return lines.join('\n');
}
