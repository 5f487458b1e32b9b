/** The guide's markdown reader (renderer/src/components/guide-markdown.ts), and the guide itself read with it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGuide, parseInline, pictureSize, plainText, slug, type Block } from '../../renderer/src/components/guide-markdown';

describe('the guide’s markdown reader', () => {
  it('reads headings, paragraphs joined across lines, lists with continued lines, tables and pictures', () => {
    const blocks = parseGuide(
      [
        '# Title',
        '',
        'A paragraph',
        'on two lines.',
        '',
        '1. First, with',
        '   a second line.',
        '2. Second.',
        '',
        '- A bullet',
        '',
        '| To | Press |',
        '| --- | --- |',
        '| Next item | Alt+PageDown |',
        '',
        '![The live screen](images/live-1440.png)',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list', 'list', 'table', 'image']);
    expect(plainText((blocks[1] as Extract<Block, { kind: 'paragraph' }>).children)).toBe('A paragraph on two lines.');
    const ordered = blocks[2] as Extract<Block, { kind: 'list' }>;
    expect(ordered.ordered).toBe(true);
    expect(ordered.items.map(plainText)).toEqual(['First, with a second line.', 'Second.']);
    expect((blocks[3] as Extract<Block, { kind: 'list' }>).ordered).toBe(false);
    const table = blocks[4] as Extract<Block, { kind: 'table' }>;
    expect(table.head.map(plainText)).toEqual(['To', 'Press']);
    expect(table.rows.map((r) => r.map(plainText))).toEqual([['Next item', 'Alt+PageDown']]);
    expect(blocks[5]).toEqual({ kind: 'image', alt: 'The live screen', src: 'images/live-1440.png' });
  });

  it('reads bold, italic, code and links within a line', () => {
    expect(parseInline('Press **Alt+S** to *start* it, `npm test`, [guide](docs/guide.md).')).toEqual([
      { kind: 'text', text: 'Press ' },
      { kind: 'strong', children: [{ kind: 'text', text: 'Alt+S' }] },
      { kind: 'text', text: ' to ' },
      { kind: 'em', children: [{ kind: 'text', text: 'start' }] },
      { kind: 'text', text: ' it, ' },
      { kind: 'code', text: 'npm test' },
      { kind: 'text', text: ', ' },
      { kind: 'link', children: [{ kind: 'text', text: 'guide' }], href: 'docs/guide.md' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps markup as text: nothing in the guide can become HTML', () => {
    const [p] = parseGuide('<img src=x onerror=alert(1)> and <script>alert(1)</script>');
    expect(p).toEqual({ kind: 'paragraph', children: [{ kind: 'text', text: '<img src=x onerror=alert(1)> and <script>alert(1)</script>' }] });
  });

  it('never stops on a line it does not know (a lone "|")', () => {
    expect(parseGuide('| not a table\nstill words').map((b) => b.kind)).toEqual(['paragraph']);
  });

  it('gives sections ids from their titles', () => {
    expect(slug('3. During the meeting')).toBe('during-the-meeting');
  });
});

describe('docs/guide.md as the app shows it', () => {
  const guide = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'guide.md'), 'utf8');
  const blocks = parseGuide(guide);

  it('has its title, its numbered sections and the table of keys', () => {
    expect(blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    const sections = blocks.filter((b) => b.kind === 'heading' && b.level === 2).map((b) => plainText((b as Extract<Block, { kind: 'heading' }>).children));
    expect(sections.length).toBeGreaterThanOrEqual(8);
    expect(sections.every((s) => /^\d+\. /.test(s))).toBe(true);
    expect(blocks.some((b) => b.kind === 'table')).toBe(true);
  });

  it('shows only pictures that are in docs/images, each described', () => {
    const images = blocks.filter((b): b is Extract<Block, { kind: 'image' }> => b.kind === 'image');
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(image.src).toMatch(/^images\/[\w-]+\.png$/);
      expect(image.alt.trim().length, image.src).toBeGreaterThan(0);
      // The size the dialog reserves for it is the picture's own (read from the PNG header), so the text does not jump.
      const png = readFileSync(join(import.meta.dirname, '..', '..', 'docs', image.src));
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }, image.src).toEqual(pictureSize(image.src));
    }
  });

  it('leaves no markdown marks in the words shown', () => {
    const words = (b: Block): string =>
      b.kind === 'heading' || b.kind === 'paragraph'
        ? plainText(b.children)
        : b.kind === 'list'
          ? b.items.map(plainText).join(' ')
          : b.kind === 'table'
            ? [...b.head, ...b.rows.flat()].map(plainText).join(' ')
            : b.alt;
    for (const b of blocks) expect(words(b), words(b)).not.toMatch(/\*\*|(^|\s)#{1,3}\s|!\[|\]\(/);
  });
});
