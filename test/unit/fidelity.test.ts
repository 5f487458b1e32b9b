/** The comparer of the fidelity tests (test/helpers/fidelity.ts): normalisation, the word diff, the structure. */
import { describe, expect, it } from 'vitest';
import {
  compareWords,
  fidelity,
  normaliseLine,
  readExport,
  readPublished,
  structureDifference,
  structureOf,
  wordsOf,
  type PublishedReading,
} from '../helpers/fidelity';

const PRINTED: PublishedReading = { startsAt: /^17\. Introductions$/, furniture: [], shows: { minuteNumbers: true, labels: true } };

describe('normaliseLine', () => {
  it('folds quotes, dashes, white space and the times of day to one form each', () => {
    expect(normaliseLine('marked \u2018Agenda Item 6\u2019 \u201Cfiled\u201D')).toBe(`marked 'Agenda Item 6' "filed"`);
    expect(normaliseLine('Chair \u2013 Blaby\u00A0District \u2014 Council')).toBe('Chair - Blaby District - Council');
    expect(normaliseLine('(a)\tThat   the report be noted;')).toBe('(a) That the report be noted;');
    for (const t of ['10:00am', '10.00am', '10.00 am', '10.00 AM']) expect(normaliseLine(`on Friday at ${t}.`)).toBe('on Friday at 10.00 am.');
  });

  it('reads the conversion marks of the copies: heading hashes, the dash before a marker, bullets', () => {
    expect(normaliseLine('#### 24. The Mentors in Violence Prevention Programme.')).toBe('24. The Mentors in Violence Prevention Programme.');
    expect(normaliseLine('- (ii) There had been an overall increase')).toBe('(ii) There had been an overall increase');
    expect(normaliseLine('  - How the existing work could be enhanced;')).toBe('• How the existing work could be enhanced;');
    expect(normaliseLine('●\tWhat work was already taking place')).toBe('• What work was already taking place');
  });

  it('keeps what differs in the words: case, punctuation, a comma in a date, spelling', () => {
    expect(normaliseLine('noted:')).not.toBe(normaliseLine('noted;'));
    expect(normaliseLine('Friday, 19 March 2021')).not.toBe(normaliseLine('Friday 19 March 2021'));
    expect(normaliseLine('Co-ordinator')).not.toBe(normaliseLine('Coordinator'));
    expect(normaliseLine('RESOLVED')).not.toBe(normaliseLine('Resolved'));
    // A number that is not a time is left alone.
    expect(normaliseLine('2020.21 am')).toBe('2020.21 am');
  });
});

describe('compareWords', () => {
  it('is 1 for the same words, and counts matched words with a longest common subsequence', () => {
    const same = compareWords(['a', 'b', 'c'], ['a', 'b', 'c']);
    expect(same).toMatchObject({ matched: 3, similarity: 1, differences: [] });
    // One word changed in ten: 9 matched of 10 and 10.
    const words = 'The Board considered a report of the Community Safety Team'.split(' ');
    const changed = [...words.slice(0, 4), 'presentation', ...words.slice(5)];
    const one = compareWords(words, changed);
    expect(one.matched).toBe(9);
    expect(one.similarity).toBeCloseTo(0.9, 10);
    expect(one.differences).toEqual([{ before: 'The Board considered a', published: 'report', exported: 'presentation', size: 2 }]);
  });

  it('finds words moved, added and left out, largest difference first', () => {
    const published = wordsOf(['17. Introductions', 'The Chairman welcomed everyone.', 'RESOLVED:', 'That the report be noted.']);
    const exported = wordsOf(['17. Introductions', 'The Chairman welcomed everyone and introductions were made.', 'That the report be noted.']);
    const c = compareWords(published, exported);
    expect(c.matched).toBe(10);
    expect(c.similarity).toBeCloseTo((2 * 10) / (published.length + exported.length), 10);
    // Next to each other, the changed sentence end and the lost label are one difference.
    expect(c.differences.map((d) => [d.published, d.exported, d.size])).toEqual([['everyone. RESOLVED:', 'everyone and introductions were made.', 7]]);
    const apart = compareWords(['a', 'b', 'c', 'd', 'e', 'f'], ['a', 'x', 'y', 'c', 'd', 'f']);
    expect(apart.differences.map((d) => [d.before, d.published, d.exported])).toEqual([
      ['a', 'b', 'x y'],
      ['a c d', 'e', ''],
    ]);
  });

  it('is 0 when nothing matches, and 1 for two empty texts', () => {
    expect(compareWords(['a'], ['b']).similarity).toBe(0);
    expect(compareWords([], []).similarity).toBe(1);
  });
});

describe('reading the two texts from the first minute on', () => {
  const published = [
    'Minutes of a meeting of the Board held via Microsoft Teams on Friday, 11 December 2020.',
    'PRESENT',
    'Mrs D. Taylor CC (in the Chair)',
    '17. Introductions',
    'The Chairman welcomed everyone.',
    '#### 18. Victim First pdf icon PDF 157 KB',
    'Rik Basra will present this report.',
    'Arising from discussions the following points were noted:',
    '- (i) Victims could self-refer.',
    '- Post;',
    '  - email.',
    'RESOLVED:',
    '- (a) That the contents of the presentation be noted;',
    '- (b) That the slides be circulated.',
  ].join('\n');
  const exported = [
    'DRAFT',
    'Minutes of a meeting of the Board held via Microsoft Teams on Friday, 11 December 2020.',
    'PRESENT',
    '17.\tIntroductions',
    'The Chairman welcomed everyone.',
    '18.\tVictim First',
    'Arising from discussions the following points were noted:',
    '(i)\tVictims could self-refer.',
    '•\tPost;',
    '•\temail.',
    'RESOLVED:',
    '(a)\tThat the contents of the presentation be noted;',
    '(b)\tThat the slides be circulated.',
    'Chairman',
    'Date',
  ].join('\n');
  const reading: PublishedReading = {
    ...PRINTED,
    furniture: [
      { pattern: / pdf icon PDF \d+ KB$/, part: true, reason: 'link' },
      { pattern: /will present this report\.$/, reason: 'presenter line' },
    ],
  };

  it('starts at the first minute, drops the furniture and the signature block', () => {
    expect(readPublished(published, reading)[0]).toBe('17. Introductions');
    expect(readPublished(published, reading)).not.toContain('Rik Basra will present this report.');
    expect(readPublished(published, reading)).toContain('18. Victim First');
    const e = readExport(exported, 17, reading.shows);
    expect(e[0]).toBe('17. Introductions');
    expect(e.at(-1)).toBe('(b) That the slides be circulated.');
  });

  it('finds the two the same, word for word and mark for mark', () => {
    const r = fidelity('test', published, reading, exported, 17);
    expect(r.similarity).toBe(1);
    expect(r.structure.published).toEqual(['17.', '18.', '(i)', '•', '•', 'RESOLVED', '(a)', '(b)']);
    expect(r.structure.difference).toBeNull();
  });

  it('leaves out the export\'s numbers and labels when the published text shows none (a web page)', () => {
    const web = { ...reading, shows: { minuteNumbers: false, labels: false } };
    const e = readExport(exported, 17, web.shows);
    expect(e).toContain('Victim First');
    expect(e).not.toContain('RESOLVED:');
    expect(structureOf(e, web.shows)).toEqual(['(i)', '•', '•', '(a)', '(b)']);
  });

  it('says where the structure first parts: a label lost, a lettering changed', () => {
    const relettered = exported.replace('(i)\tVictims', '(a)\tVictims').replace('RESOLVED:', 'NOTED:');
    const r = fidelity('test', published, reading, relettered, 17);
    expect(r.structure.difference).toMatch(/^at place 3: published "\(i\)", exported "\(a\)"/);
    expect(structureDifference(['17.', 'RESOLVED'], ['17.'])).toMatch(/published "RESOLVED", exported "\(end\)"/);
    expect(r.similarity).toBeLessThan(1);
  });

  it('refuses a text without the first minute rather than comparing nothing', () => {
    expect(() => readExport('DRAFT\nMinutes of a meeting', 17, PRINTED.shows)).toThrow(/no minute numbered 17/);
    expect(() => readPublished('Minutes of a meeting', PRINTED)).toThrow(/no line matching/);
  });
});
