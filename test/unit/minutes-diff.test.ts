/** The difference between two versions of the minutes: whole words, grouped by minute, unchanged stretches folded at spaces. */
import { describe, expect, it } from 'vitest';
import { diffByMinute, diffSummary, foldUnchanged, minuteSections, wordDiff } from '../../shared/minutes/diff';

const version = (first: string, second: string, attendance = 'PRESENT\n\nMrs D. Taylor CC (in the Chair)') =>
  ['DRAFT', 'Minutes of a meeting of the Board held at County Hall on Friday, 5 June 2026.', attendance, '1. Serious Violence Duty', first, '2. Community Safety Partnership Plan', second, 'The meeting closed at 11.30 am.'].join('\n\n');

describe('the difference between two versions', () => {
  it('never cuts a word in half', () => {
    const parts = wordDiff('Mrs D. Thompson noted the people aged over 65.', 'Mrs D. Taylor noted the people aged 65 and over.');
    for (const p of parts.filter((x) => x.kind !== 'same')) expect(p.text.trim()).toMatch(/^(\S+\s*)*\S*$/);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toContain('Thompson');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toContain('Taylor');
    expect(diffSummary(parts)).toEqual({ added: 3, removed: 2 });
  });

  it('cuts the text at each minute heading', () => {
    const sections = minuteSections(version('The report was noted.', 'The plan was approved.'));
    expect(sections.map((s) => s.heading)).toEqual(['', '1. Serious Violence Duty', '2. Community Safety Partnership Plan']);
    expect(sections[2]!.text).toBe('The plan was approved.\n\nThe meeting closed at 11.30 am.');
  });

  it('says which minute changed, and only that one', () => {
    const minutes = diffByMinute(version('The report was noted.', 'The plan was approved.'), version('The report was noted.', 'The plan was approved with one change.'));
    expect(minutes).toHaveLength(1);
    expect(minutes[0]).toMatchObject({ heading: '2. Community Safety Partnership Plan', headingBefore: null, added: 3, removed: 0 });
  });

  it('pairs minutes by title, so a renumbering is one changed heading, not every minute changed', () => {
    const before = version('The report was noted.', 'The plan was approved.');
    const after = before.replace('1. Serious Violence Duty', '2. Serious Violence Duty').replace('2. Community Safety', '3. Community Safety');
    const minutes = diffByMinute(before, after);
    expect(minutes.map((m) => [m.heading, m.headingBefore, m.added + m.removed])).toEqual([
      ['2. Serious Violence Duty', '1. Serious Violence Duty', 0],
      ['3. Community Safety Partnership Plan', '2. Community Safety Partnership Plan', 0],
    ]);
  });

  it('names the part before the first minute, and a minute taken out', () => {
    const before = version('The report was noted.', 'The plan was approved.');
    const after = before.replace('Mrs D. Taylor CC (in the Chair)', 'Cllr. L. Hart (in the Chair)').replace('\n\n2. Community Safety Partnership Plan\n\nThe plan was approved.', '');
    const minutes = diffByMinute(before, after);
    expect(minutes.map((m) => m.heading)).toEqual(['', '1. Serious Violence Duty', '2. Community Safety Partnership Plan']);
    // The closing line follows the last minute: it moves with it into minute 1.
    expect(minutes.map((m) => [m.added, m.removed])).toEqual([[3, 4], [6, 0], [0, 10]]);
  });

  it('folds a long unchanged stretch at spaces, keeping words either side of the change', () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const shown = foldUnchanged(wordDiff(`${long} noted.`, `${long} approved.`));
    const fold = shown.find((p) => p.kind === 'fold');
    expect(fold).toEqual({ kind: 'fold', head: '', tail: Array.from({ length: 12 }, (_, i) => `word${48 + i}`).join(' ') + ' ', words: 48 });
    const middle = foldUnchanged(wordDiff(`a ${long} b`, `c ${long} d`)).find((p) => p.kind === 'fold');
    expect(middle && middle.kind === 'fold' && middle.head.trim().split(' ')).toHaveLength(12);
    expect(middle && middle.kind === 'fold' && middle.words).toBe(36);
  });
});
