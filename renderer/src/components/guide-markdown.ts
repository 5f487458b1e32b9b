/**
 * The clerk's guide (docs/guide.md) read into blocks the guide dialog draws
 * as React elements. Only what the guide uses: headings, paragraphs,
 * numbered and bulleted lists, tables, pictures on a line of their own, and
 * **bold**, *italic*, `code` and [links](…) within a line. Nothing in it
 * becomes HTML: text stays text (a "<b>" in the guide is shown as typed), so
 * the guide can never put markup or script into the page. Pure, so it is
 * tested in Node.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  /** A link's words only: the guide is read offline, and its links point at files of the repository. */
  | { kind: 'link'; children: Inline[]; href: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; id: string; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'table'; head: Inline[][]; rows: Inline[][][] }
  | { kind: 'image'; src: string; alt: string };

/**
 * The size of a picture taken by test/e2e/screens-shots.spec.ts, from its name
 * ("live-480.png": 480 by 860, otherwise 1440 by 900), so the text does not
 * jump as the pictures load and a jump to a section lands on it.
 */
export function pictureSize(src: string): { width: number; height: number } {
  return /-480\.png$/.test(src) ? { width: 480, height: 860 } : { width: 1440, height: 900 };
}

/** A heading's id for in-page links ("3. During the meeting" -> "during-the-meeting"). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\d+\.\s*/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/;

/** One line's inline marks, left to right. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      out.push({ kind: 'text', text: rest });
      break;
    }
    if (m.index > 0) out.push({ kind: 'text', text: rest.slice(0, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'strong', children: parseInline(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: 'em', children: parseInline(m[2]) });
    else if (m[3] !== undefined) out.push({ kind: 'code', text: m[3] });
    else out.push({ kind: 'link', children: parseInline(m[4]!), href: m[5]! });
    rest = rest.slice(m.index + m[0].length);
  }
  return out;
}

/** The words of inline content, marks dropped (for headings' ids and tests). */
export function plainText(inline: Inline[]): string {
  return inline.map((i) => ('children' in i ? plainText(i.children) : i.text)).join('');
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());

const LIST_ITEM = /^(\s*)(\d+\.|[-*])\s+(.*)$/;
const IMAGE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;

export function parseGuide(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (!trimmed) {
      i++;
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(trimmed);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, id: slug(heading[2]!), children: parseInline(heading[2]!) });
      i++;
      continue;
    }
    const image = IMAGE.exec(trimmed);
    if (image) {
      blocks.push({ kind: 'image', alt: image[1]!, src: image[2]! });
      i++;
      continue;
    }
    if (trimmed.startsWith('|') && /^\|?\s*:?-{3,}/.test(lines[i + 1]?.trim() ?? '')) {
      const head = cells(trimmed).map(parseInline);
      const rows: Inline[][][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(cells(lines[i++]!).map(parseInline));
      blocks.push({ kind: 'table', head, rows });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2]!);
      const items: string[] = [];
      while (i < lines.length) {
        const next = LIST_ITEM.exec(lines[i]!);
        if (next && /\d/.test(next[2]!) === ordered) items.push(next[3]!);
        else if (lines[i]!.trim() && /^\s+/.test(lines[i]!) && items.length) items[items.length - 1] += ` ${lines[i]!.trim()}`;
        else break;
        i++;
      }
      blocks.push({ kind: 'list', ordered, items: items.map(parseInline) });
      continue;
    }
    // A paragraph runs to a blank line or the start of another block (its first line is always its own).
    const words: string[] = [trimmed];
    i++;
    while (i < lines.length && lines[i]!.trim() && !/^#{1,3}\s/.test(lines[i]!.trim()) && !IMAGE.test(lines[i]!.trim()) && !LIST_ITEM.test(lines[i]!) && !lines[i]!.trim().startsWith('|')) {
      words.push(lines[i++]!.trim());
    }
    blocks.push({ kind: 'paragraph', children: parseInline(words.join(' ')) });
  }
  return blocks;
}
