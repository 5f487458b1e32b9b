/**
 * Words added and removed between two versions of the minutes, for the
 * review screen: by whole words (never a word cut in half), grouped by the
 * minute they are in, with long unchanged stretches folded at word
 * boundaries so the changes stand out.
 */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A folded stretch: the words kept either side and how many were left out between them. */
export type ShownPart = DiffPart | { kind: 'fold'; head: string; tail: string; words: number };

export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

const countWords = (t: string) => (t.match(/\S+/g) ?? []).length;

/** How many words were added and removed. */
export function diffSummary(parts: readonly DiffPart[]): { added: number; removed: number } {
  return {
    added: parts.filter((p) => p.kind === 'added').reduce((n, p) => n + countWords(p.text), 0),
    removed: parts.filter((p) => p.kind === 'removed').reduce((n, p) => n + countWords(p.text), 0),
  };
}

/** One part of the minutes' text: what comes before the first minute, or one minute under its heading. */
export interface MinuteSection {
  /** "7. Serious Violence Duty", or '' for the attendance and everything before the first minute. */
  heading: string;
  text: string;
}

const HEADING = /^\d{1,4}\. \S/;

/** The text of a version (minutesToText: blocks apart by blank lines, "7. Title" headings) cut at each minute. */
export function minuteSections(text: string): MinuteSection[] {
  const sections: MinuteSection[] = [{ heading: '', text: '' }];
  for (const block of text.split('\n\n')) {
    if (HEADING.test(block) && !block.includes('\n')) sections.push({ heading: block, text: '' });
    else {
      const last = sections[sections.length - 1]!;
      last.text = last.text ? `${last.text}\n\n${block}` : block;
    }
  }
  return sections.filter((s, i) => i > 0 || s.text);
}

export interface MinuteDiff {
  /** The minute's heading (as it reads now, or as it read when it was removed); '' before the first minute. */
  heading: string;
  /** How the minute's heading read before, when it changed (a renumbering or a new title). */
  headingBefore: string | null;
  parts: DiffPart[];
  added: number;
  removed: number;
}

const titleOf = (heading: string) => heading.replace(/^\d+\.\s*/, '');

/**
 * The minutes that changed between two versions, each with its own word
 * difference. Minutes are paired by their title, so a change of number
 * (a minute added above) does not show every later minute as changed.
 */
export function diffByMinute(before: string, after: string): MinuteDiff[] {
  const old = minuteSections(before);
  const now = minuteSections(after);
  const unused = new Set(old.map((_, i) => i));
  const out: MinuteDiff[] = [];
  const push = (heading: string, headingBefore: string | null, a: string, b: string) => {
    if (a === b && headingBefore === null) return;
    const parts = wordDiff(a, b);
    const { added, removed } = diffSummary(parts);
    if (added + removed === 0 && headingBefore === null) return;
    out.push({ heading, headingBefore, parts, added, removed });
  };
  for (const section of now) {
    const at = [...unused].find((i) => old[i]!.heading === section.heading) ?? [...unused].find((i) => titleOf(old[i]!.heading) === titleOf(section.heading));
    if (at === undefined) {
      push(section.heading, null, '', section.text);
      continue;
    }
    unused.delete(at);
    const was = old[at]!;
    push(section.heading, was.heading !== section.heading ? was.heading : null, was.text, section.text);
  }
  for (const i of unused) push(old[i]!.heading, null, old[i]!.text, '');
  return out;
}

/**
 * Long unchanged stretches cut to a few words either side of the changes,
 * always at a space: "… the report of the Director [12 words] and the plan …".
 */
export function foldUnchanged(parts: readonly DiffPart[], keep = 12): ShownPart[] {
  return parts.map((p, i): ShownPart => {
    if (p.kind !== 'same') return p;
    const tokens = p.text.split(/(\s+)/);
    const words = tokens.filter((t) => /\S/.test(t)).length;
    const first = i === 0;
    const last = i === parts.length - 1;
    const head = first ? 0 : keep;
    const tail = last ? 0 : keep;
    if (words <= head + tail + 4) return p;
    // Token indexes of the words kept at the start and the end.
    const wordAt: number[] = [];
    tokens.forEach((t, k) => {
      if (/\S/.test(t)) wordAt.push(k);
    });
    const headEnd = head === 0 ? 0 : wordAt[head - 1]! + 1;
    const tailStart = tail === 0 ? tokens.length : wordAt[words - tail]!;
    return { kind: 'fold', head: tokens.slice(0, headEnd).join(''), tail: tokens.slice(tailStart).join(''), words: words - head - tail };
  });
}
