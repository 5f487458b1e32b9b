/**
 * The minutes as one self-contained web page, drawn from the same minutes
 * document model as the live preview and the Word writer, so the words and
 * their order are the same everywhere. No scripts, styles embedded, the logo
 * (if any) inline as a data: URL: the clerk can upload the file to the
 * council's website or paste it into a content management system.
 *
 * Made to meet WCAG 2.1 AA (Public Sector Bodies Accessibility Regulations
 * 2018): lang="en-GB", a title, one h1 (the document title), PRESENT and each
 * minute an h2 with Officers, Apologies and the like as h3s under PRESENT,
 * lettered points as real ordered lists whose markers read "(a)", "(i)", the
 * attendance as tables with column headers, sans-serif text at 12 pt or more,
 * left aligned, black on white. A print stylesheet sets A4 pages with page
 * numbers. Pure: no Node or DOM.
 */
import { formatLongDate } from '../format';
import type { Block, MinutesDocument } from './document';
import type { ListStyle } from '../model';
import type { HouseStyle } from './house-style';
import { styleWithTemplate } from './template-style';
import { readableColour } from './colour';
import type { TextLook } from './word-template';
import { hasWords, type HeadLine, type HeadLogo, type PageHead, type PageHeads } from './page-heads';
import { exemptCitationText } from './wording';

export interface MinutesHtmlOptions {
  /** The Schedule 12A paragraphs the exempt minutes cite (only used when the document is the exempt part). */
  exemptParagraphs?: readonly number[];
  /** The council's Word template's header and footer (its logo, words and page numbers), read from its kit. */
  heads?: PageHeads | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** Fonts councils use that have serifs: the web page then falls back to a sans-serif, as the regulations' guidance asks. */
const SERIF_FONTS = /^(times( new roman)?|georgia|cambria|garamond|book antiqua|palatino( linotype)?|century schoolbook|constantia)$/i;

/** The CSS font stack: the house style's font when it is sans-serif, then metric twins and the generic family. */
export function fontStack(fontFamily: string): string {
  const name = fontFamily.trim().replace(/"/g, '');
  const own = SERIF_FONTS.test(name) ? [] : [/^[A-Za-z-]+$/.test(name) ? name : `"${name}"`];
  return [...own, 'Arial', '"Liberation Sans"', 'Helvetica', 'sans-serif'].filter((f, i, all) => all.indexOf(f) === i).join(', ');
}

/** At least 12 pt, whatever the house style's Word size. */
export const publishedFontSize = (style: Pick<HouseStyle, 'fontSize'>) => Math.max(12, style.fontSize);

/** CSS for a heading as the council's Word template draws it: its font, size, weight and colour (when that reads on white). */
function headingLook(look: TextLook | undefined, bodySize: number): string {
  if (!look) return '';
  const rules: string[] = [];
  if (look.font) rules.push(`font-family: ${fontStack(look.font)};`);
  // Never smaller than the body text: a heading must still read as one.
  if (look.sizePt !== null) rules.push(`font-size: ${Math.max(look.sizePt, bodySize)}pt;`);
  rules.push(`font-weight: ${look.bold ? 'bold' : 'normal'};`, `font-style: ${look.italic ? 'italic' : 'normal'};`);
  const colour = readableColour(look.colour);
  if (colour) rules.push(`color: #${colour};`);
  return rules.join(' ');
}

/** A CSS string: quotes, backslashes and line breaks escaped, and "<" too, so the text cannot close the style element. */
const cssString = (text: string) =>
  `"${text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[<>&]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

type BoxName = `${'top' | 'bottom'}-${HeadLine['align']}`;
const BOXES: BoxName[] = ['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right'];
const PAGE_NUMBERS: HeadLine = { pieces: [{ text: 'Page ' }, { field: 'page' }, { text: ' of ' }, { field: 'pages' }], align: 'center' };

const hasPageNumber = (line: HeadLine | null) => !!line && line.pieces.some((p) => 'field' in p && p.field === 'page');

/** A line's CSS content: its words as strings, its fields as the page counters, paragraphs on lines of their own. */
const contentOf = (line: HeadLine) =>
  line.pieces.map((p) => ('field' in p ? `counter(${p.field})` : p.text === '\n' ? '"\\A"' : cssString(p.text))).join(' ');

/**
 * The margin boxes of one page: the template's header (its logo drawn beside
 * its words, at the size it has in the header, never taller than the top
 * margin leaves room for), its footer, and "Page N of M" where the footer
 * has no page number of its own, so every printed page is numbered.
 */
function pageBoxes(head: PageHead, fonts: string, topMarginMm: number): Map<BoxName, string> {
  const boxes = new Map<BoxName, string>();
  const base = `font-family: ${fonts}; font-size: 10pt; color: #000000; white-space: pre-line;`;
  const header = head.header;
  const logo: HeadLogo | null = head.logo;
  if (hasWords(header) || logo) {
    const align = header?.align ?? 'left';
    const rules = [`content: ${hasWords(header) ? contentOf(header) : '""'};`, base];
    if (logo) {
      const height = Math.max(4, Math.min(logo.heightMm, topMarginMm - 4, 25));
      const width = Math.round(((logo.widthMm * height) / logo.heightMm) * 10) / 10;
      const side = align === 'right' ? 'right' : 'left';
      rules.push(
        `background: url("data:${logo.mime};base64,${logo.base64}") no-repeat ${side} center / ${width}mm ${Math.round(height * 10) / 10}mm;`,
        `padding-${side}: ${Math.round((width + (hasWords(header) ? 3 : 0)) * 10) / 10}mm;`,
        `min-height: ${Math.round(height * 10) / 10}mm;`,
      );
    }
    boxes.set(`top-${align}`, rules.join(' '));
  }
  const footer = hasWords(head.footer) ? head.footer : null;
  if (footer) boxes.set(`bottom-${footer.align}`, `content: ${contentOf(footer)}; ${base}`);
  if (!hasPageNumber(footer)) {
    const where: BoxName = !footer ? 'bottom-center' : footer.align === 'right' ? 'bottom-left' : 'bottom-right';
    boxes.set(where, `content: ${contentOf(PAGE_NUMBERS)}; ${base}`);
  }
  return boxes;
}

/** The @page rules: the template's running header and footer on every page, and the first page's own when it has one. */
function pageRules(heads: PageHeads, fonts: string, topMarginMm: number): { page: string; first: string } {
  const page = pageBoxes(heads.page, fonts, topMarginMm);
  const first = heads.first ? pageBoxes(heads.first, fonts, topMarginMm) : null;
  const render = (boxes: Map<BoxName, string>, blankOthers: boolean) =>
    BOXES.filter((b) => boxes.has(b) || (blankOthers && page.has(b)))
      .map((b) => `\n  @${b} { ${boxes.get(b) ?? 'content: none;'} }`)
      .join('');
  return { page: render(page, false), first: first ? render(first, true) : '' };
}

/** On paper the template's header carries the logo on every page: the masthead's copy is left off (and its words too, when the header has them). */
function printedMasthead(heads: PageHeads | null): string {
  const first = heads?.first ?? heads?.page;
  if (!first?.logo) return '';
  return hasWords(first.header) ? '\n  header.council { display: none; }' : '\n  header.council img { display: none; }';
}

function stylesheet(houseStyle: HouseStyle, draft: boolean, heads: PageHeads | null): string {
  const style = styleWithTemplate(houseStyle);
  const look = houseStyle.wordTemplate?.look;
  const size = publishedFontSize(style);
  const m = style.margins;
  const page = look?.page ? `${look.page.widthMm}mm ${look.page.heightMm}mm` : 'A4';
  const templateRules = look
    ? [
        `h1 { ${headingLook(look.title, size)} }`,
        `h2 { ${headingLook(look.heading1, size)} }`,
        `h3 { ${headingLook(look.heading2, size)} }`,
        ...(readableColour(look.body.colour) ? [`html { color: #${readableColour(look.body.colour)}; }`] : []),
      ].join('\n')
    : '';
  // Without the template's kit (a caller that has only the house style), its header's words alone.
  const running = heads
    ? pageRules(heads, fontStack(style.fontFamily), m.top)
    : {
        page:
          (look?.headerText ? `\n  @top-left { content: ${cssString(look.headerText)}; font-family: ${fontStack(style.fontFamily)}; font-size: 10pt; }` : '') +
          `\n  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: ${fontStack(style.fontFamily)}; font-size: 10pt; }`,
        first: '',
      };
  return `
@counter-style paren-alpha { system: extends lower-alpha; prefix: "("; suffix: ")\\a0\\a0"; }
@counter-style paren-roman { system: extends lower-roman; prefix: "("; suffix: ")\\a0\\a0"; }
@counter-style paren-decimal { system: extends decimal; prefix: "("; suffix: ")\\a0\\a0"; }
@counter-style close-alpha { system: extends lower-alpha; suffix: ")\\a0\\a0"; }
@counter-style close-roman { system: extends lower-roman; suffix: ")\\a0\\a0"; }
@counter-style close-decimal { system: extends decimal; suffix: ")\\a0\\a0"; }
ol.points.number { list-style: decimal; }
ul.points.bullet { list-style: disc; margin-top: 0; padding-left: 3.5em; }
ul.points.bullet li { margin-bottom: 0.6em; padding-left: 0.25em; }
html { background: #ffffff; color: #000000; }
body { margin: 0; font-family: ${fontStack(style.fontFamily)}; font-size: ${size}pt; line-height: 1.5; text-align: left; }
.page { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
header.council { display: flex; align-items: center; gap: 1rem; margin-bottom: 1rem; }
header.council img { max-height: 4rem; max-width: 60%; width: auto; object-fit: contain; }
header.council p { margin: 0; font-weight: bold; font-size: 1.25em; }
h1, h2, h3 { line-height: 1.3; margin: 1.5em 0 0.5em; }
h1 { font-size: 1.5em; margin-top: 0.5em; }
h2 { font-size: 1.2em; }
h3 { font-size: 1.05em; }
.marking { display: inline-block; border: 2px solid #000000; padding: 0.1em 0.5em; font-weight: bold; letter-spacing: 0.05em; }
${draft ? '.marking.draft { border-color: #a00000; color: #a00000; }\n' : ''}.opening { font-weight: bold; }
table.names { border-collapse: collapse; width: 100%; margin: 0 0 1em; }
table.names th, table.names td { text-align: left; vertical-align: top; padding: 0.2em 1em 0.2em 0; }
table.names th { border-bottom: 1px solid #595959; font-size: 0.9em; }
table.names th:first-child, table.names td:first-child { width: 33%; }
.minute h2 .number { display: inline-block; min-width: 2.5em; }
.minute > :not(h2) { margin-left: 2.5rem; }
ol.points { margin-top: 0; padding-left: 3.5em; }
ol.points li { margin-bottom: 0.6em; padding-left: 0.25em; }
ol.alpha { list-style-type: paren-alpha; }
ol.roman { list-style-type: paren-roman; }
ol.resolutions-number { list-style-type: paren-decimal; }
ol.points.close-alpha { list-style-type: close-alpha; }
ol.points.close-roman { list-style-type: close-roman; }
ol.points.close-decimal { list-style-type: close-decimal; }
.decision-label { font-weight: bold; margin-bottom: 0.5em; }
.closing { margin-top: 1.5em; }
footer.published { margin-top: 3rem; border-top: 1px solid #595959; padding-top: 0.5rem; font-size: 0.9em; }
${templateRules}
@media (max-width: 600px) {
  .page { padding: 1rem 0.75rem 2rem; }
  .minute > :not(h2) { margin-left: 0; }
  ol.points { padding-left: 3em; }
  table.names th:first-child, table.names td:first-child { width: 40%; }
}
@page {
  size: ${page};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;${running.page}
}${running.first ? `\n@page :first {${running.first}\n}` : ''}
@media print {
  .page { max-width: none; padding: 0; }${printedMasthead(heads)}
  h2, h3, .decision-label { break-after: avoid; }
  li, tr { break-inside: avoid; }
}
`.trim();
}

/** The blocks of the minutes as HTML; minutes are wrapped in a section each, labelled by their heading. */
function body(doc: MinutesDocument, options: MinutesHtmlOptions): string {
  const out: string[] = [];
  let inMinute = false;
  let sectionsOpened = false;
  let attendanceTable = 0;
  const closeMinute = () => {
    if (inMinute) out.push('</section>');
    inMinute = false;
  };
  // Markers come with the block ("(a)", "(iv)", "3.", "•"); a list carrying on the one before starts where it left off.
  const list = (items: string[], style: ListStyle, markers: string[], start = 0) =>
    style === 'bullet'
      ? `<ul class="points bullet">${items.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`
      : `<ol class="points ${style}"${start > 0 ? ` start="${start + 1}"` : ''}>${items.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ol>`;

  for (const block of doc.blocks) {
    switch (block.type) {
      case 'opening':
        out.push(`<p class="opening">${escapeHtml(block.text)}</p>`);
        if (doc.part === 'exempt') {
          out.push(`<p class="marking">EXEMPT – NOT FOR PUBLICATION ${escapeHtml(exemptCitationText(options.exemptParagraphs ?? []))}</p>`);
        }
        break;
      case 'section-heading':
        // PRESENT is an h2 like each minute; Officers, Apologies and the like are h3s under it.
        out.push(sectionsOpened && !inMinute ? `<h3>${escapeHtml(block.text)}</h3>` : `<h2>${escapeHtml(block.text)}</h2>`);
        sectionsOpened = true;
        break;
      case 'chair':
        out.push(`<p>${escapeHtml(block.text)}</p>`);
        break;
      case 'name-list':
        if (block.rows.length) {
          attendanceTable++;
          out.push(
            `<table class="names" id="attendance-${attendanceTable}"><thead><tr><th scope="col">Name</th><th scope="col">Role and organisation</th></tr></thead><tbody>` +
              block.rows.map((r) => `<tr><td>${escapeHtml(r.name)}</td><td>${escapeHtml(r.detail)}</td></tr>`).join('') +
              '</tbody></table>',
          );
        }
        break;
      case 'minute-heading': {
        closeMinute();
        inMinute = true;
        const id = `minute-${block.number}`;
        out.push(
          `<section class="minute" aria-labelledby="${id}"><h2 id="${id}">${block.mark === '' ? '' : `<span class="number">${escapeHtml(block.mark ?? `${block.number}.`)}</span> `}${escapeHtml(block.text)}</h2>`,
          ...(block.below ? [`<p class="minute-number">${escapeHtml(block.below)}</p>`] : []),
        );
        break;
      }
      case 'paragraph':
        out.push(`<p>${escapeHtml(block.text)}</p>`);
        break;
      case 'lettered':
        if (block.items.length) out.push(list(block.items, block.style, block.markers, block.start ?? 0));
        break;
      case 'decision':
        // Printed on one line with its label, as the imported minutes had it: the label in its weight, the resolution after it.
        if (block.runOn) {
          out.push(`<p><span class="decision-label">${escapeHtml(block.heading ?? `${block.label}:`)}</span> ${escapeHtml(block.resolutions[0] ?? '')}</p>`);
          break;
        }
        out.push(`<p class="decision-label">${escapeHtml(block.heading ?? `${block.label}:`)}</p>`);
        if (block.markers.every((marker) => marker === '')) for (const r of block.resolutions) out.push(`<p>${escapeHtml(r)}</p>`);
        // Numbered resolutions print bracketed, "(1)", unlike numbered points ("1."); read as "1)", they print so.
        else {
          const style = block.style ?? 'alpha';
          const kind = block.bracket === 'close' ? `close-${style === 'number' ? 'decimal' : style}` : style === 'number' ? 'resolutions-number' : style;
          out.push(list(block.resolutions, style, block.markers).replace(`class="points ${style}"`, `class="points ${kind}"`));
        }
        break;
      case 'closing':
        closeMinute();
        out.push(`<p class="closing">${escapeHtml(block.text)}</p>`);
        break;
      case 'signature':
        // A web page is not signed: the signed copy is the printed one. The chair's signature line is left out.
        break;
      default: {
        const unknown: never = block;
        throw new Error(`Unknown block ${(unknown as Block).type}`);
      }
    }
  }
  closeMinute();
  return out.join('\n');
}

export { exemptCitationText };

/** The whole page: a self-contained HTML document. */
export function minutesToHtml(doc: MinutesDocument, style: HouseStyle, options: MinutesHtmlOptions = {}): string {
  const council = style.councilName.trim();
  const title = doc.part === 'exempt' && !/^EXEMPT\b/i.test(doc.title) ? `EXEMPT – ${doc.title}` : doc.title;
  // The template's logo (from its header) when it has one, else the house style's own.
  const templateLogo = options.heads?.first?.logo ?? options.heads?.page.logo ?? null;
  const px = (mm: number) => Math.round((mm * 96) / 25.4);
  const logo = templateLogo
    ? `<img src="data:${templateLogo.mime};base64,${templateLogo.base64}" alt="${escapeHtml(templateLogo.alt)}" width="${px(templateLogo.widthMm)}" height="${px(templateLogo.heightMm)}">`
    : style.logo
      ? `<img src="data:${style.logo.mime};base64,${style.logo.data}" alt="${escapeHtml(council ? `${council} logo` : 'Council logo')}">`
      : '';
  const masthead = logo || council ? `<header class="council">${logo}${council ? `<p>${escapeHtml(council)}</p>` : ''}</header>` : '';
  const draft = doc.draft ? '<p class="marking draft">DRAFT – not yet approved</p>' : '';
  const meta = [
    `<meta name="description" content="${escapeHtml(`${doc.draft ? 'Draft ' : ''}${doc.part === 'exempt' ? 'exempt ' : ''}minutes of the ${doc.bodyName}, ${formatLongDate(doc.meetingDate)}`)}">`,
    ...(council ? [`<meta name="author" content="${escapeHtml(council)}">`] : []),
  ];
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${meta.join('\n')}
<style>
${stylesheet(style, doc.draft, options.heads ?? null)}
</style>
</head>
<body>
<div class="page">
${masthead}
<main>
${draft}
<h1>${escapeHtml(title)}</h1>
${body(doc, options)}
</main>
<footer class="published"><p>${escapeHtml(`${doc.bodyName} – ${formatLongDate(doc.meetingDate)}`)}</p></footer>
</div>
</body>
</html>
`;
}
