/**
 * The running header and footer of a council's Word template as the web
 * page and its PDF carry them (shared/minutes/page-heads.ts): read from the
 * template's kit, which the parsing worker cleaned from the untrusted file
 * (electron/import/word-template.ts). The words of each paragraph in order;
 * the PAGE and NUMPAGES fields as page numbers (their cached "1" left out);
 * date and time fields left out (they would show the day the template was
 * saved); the header's first picture that a browser can draw (PNG, JPEG or
 * GIF) as the logo, with its alt text and its size in the header.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { HeadLine, HeadLogo, HeadPiece, PageHead, PageHeads } from '../../shared/minutes/page-heads';
import type { TemplateKit, TemplatePart } from '../import/word-template';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const V = 'urn:schemas-microsoft-com:vml';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const EMU_PER_MM = 36_000;
const WEB_IMAGES = ['image/png', 'image/jpeg', 'image/gif'] as const;

/** A field's kind from its instruction: page numbers become counters, dates are dropped, the rest keep their shown words. */
function fieldKind(instruction: string): 'page' | 'pages' | 'drop' | 'keep' {
  const name = instruction.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
  if (name === 'PAGE') return 'page';
  if (name === 'NUMPAGES' || name === 'SECTIONPAGES') return 'pages';
  if (['DATE', 'TIME', 'SAVEDATE', 'PRINTDATE', 'CREATEDATE', 'EDITTIME'].includes(name)) return 'drop';
  return 'keep';
}

const ALIGN: Record<string, HeadLine['align']> = { left: 'left', start: 'left', both: 'left', center: 'center', right: 'right', end: 'right' };

function paragraphAlign(p: Element): HeadLine['align'] | null {
  const pPr = Array.from(p.childNodes).find((n) => (n as Element).localName === 'pPr') as Element | undefined;
  const jc = pPr ? Array.from(pPr.childNodes).find((n) => (n as Element).localName === 'jc') as Element | undefined : undefined;
  const value = jc?.getAttributeNS(W, 'val');
  return value ? (ALIGN[value] ?? 'left') : null;
}

/** The words and page fields of one paragraph, in order. */
function piecesOf(p: Element): HeadPiece[] {
  const pieces: HeadPiece[] = [];
  const push = (text: string) => {
    if (!text) return;
    const last = pieces.at(-1);
    if (last && 'text' in last) last.text += text;
    else pieces.push({ text });
  };
  // A complex field: begin, its instruction, separate, its shown result, end. Fields nest.
  const fields: { instruction: string; showing: boolean }[] = [];
  const shown = () => fields.every((f) => f.showing && fieldKind(f.instruction) === 'keep');
  const walk = (el: Element) => {
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== 1) continue;
      const e = node as Element;
      // Of Word's markup-compatibility choices, the fallback is what any reader draws.
      if (e.namespaceURI === MC && e.localName === 'Choice') continue;
      if (e.namespaceURI !== W) {
        walk(e);
        continue;
      }
      switch (e.localName) {
        case 'fldChar': {
          const type = e.getAttributeNS(W, 'fldCharType');
          if (type === 'begin') fields.push({ instruction: '', showing: false });
          else if (type === 'separate') {
            const field = fields.at(-1);
            if (field) {
              field.showing = true;
              const kind = fieldKind(field.instruction);
              if ((kind === 'page' || kind === 'pages') && fields.length === 1) pieces.push({ field: kind });
            }
          } else if (type === 'end') fields.pop();
          break;
        }
        case 'instrText':
          if (fields.length) fields.at(-1)!.instruction += e.textContent ?? '';
          break;
        case 'fldSimple': {
          const kind = fieldKind(e.getAttributeNS(W, 'instr') ?? '');
          if (kind === 'page' || kind === 'pages') pieces.push({ field: kind });
          else if (kind === 'keep') walk(e);
          break;
        }
        case 't':
          if (shown()) push(e.textContent ?? '');
          break;
        case 'tab':
        case 'ptab':
          if (shown()) push('   ');
          break;
        case 'br':
        case 'cr':
          if (shown()) push(' ');
          break;
        case 'p':
          // A text box's paragraph, inside the one that anchors it: its words set apart by spaces.
          push(' ');
          walk(e);
          push(' ');
          break;
        case 'pPr':
        case 'rPr':
        case 'instr':
        case 'delText':
          break;
        default:
          walk(e);
      }
    }
  };
  walk(p);
  return pieces;
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');

/** A header's or footer's paragraphs as one line: their words, a line break between paragraphs, aligned as its first paragraph with anything in it. */
export function headLineOf(part: TemplatePart | undefined): HeadLine | null {
  if (!part) return null;
  const doc = parse(part.xml);
  // A text box's paragraphs are inside the paragraph that anchors it (and Word writes them twice, in its
  // markup-compatibility choice and in the fallback): only the outermost paragraphs are read, the text box's
  // words with them, from the fallback.
  const outermost = (p: Element) => {
    for (let up = p.parentNode; up; up = up.parentNode) {
      const e = up as Element;
      if ((e.namespaceURI === W && e.localName === 'p') || (e.namespaceURI === MC && e.localName === 'Choice')) return false;
    }
    return true;
  };
  const paragraphs = Array.from(doc.getElementsByTagNameNS(W, 'p')).filter(outermost);
  const pieces: HeadPiece[] = [];
  let align: HeadLine['align'] | null = null;
  for (const p of paragraphs) {
    const own = piecesOf(p);
    const words = own.some((x) => 'field' in x || x.text.trim() !== '');
    const picture = p.getElementsByTagNameNS(A, 'blip').length > 0 || p.getElementsByTagNameNS(V, 'imagedata').length > 0;
    if (!words && !picture) continue;
    align ??= paragraphAlign(p) ?? 'left';
    if (!words) continue;
    // Word's own spacing inside a paragraph stays; the words begin and end where their first and last letters are.
    const first = own[0];
    if (first && 'text' in first) first.text = first.text.replace(/^\s+/, '');
    const last = own.at(-1);
    if (last && 'text' in last) last.text = last.text.replace(/\s+$/, '');
    if (pieces.length) pieces.push({ text: '\n' });
    pieces.push(...own.filter((x) => 'field' in x || x.text !== ''));
  }
  return align ? { pieces, align } : null;
}

/** The first picture of a header that a browser can draw, with its alt text (the template's own, else the fallback) and size. */
export function headLogoOf(part: TemplatePart | undefined, kit: TemplateKit, fallbackAlt: string): HeadLogo | null {
  if (!part) return null;
  const doc = parse(part.xml);
  const media = new Map(part.images.map((image) => [image.id, image.media]));
  for (const drawing of Array.from(doc.getElementsByTagNameNS(W, 'drawing'))) {
    const blip = Array.from(drawing.getElementsByTagNameNS(A, 'blip'))[0];
    const key = blip ? media.get(blip.getAttributeNS(R, 'embed') ?? '') : undefined;
    const picture = key ? kit.media[key] : undefined;
    if (!picture || !(WEB_IMAGES as readonly string[]).includes(picture.contentType)) continue;
    const extent = Array.from(drawing.getElementsByTagNameNS(WP, 'extent'))[0];
    const cx = Number(extent?.getAttribute('cx'));
    const cy = Number(extent?.getAttribute('cy'));
    const docPr = Array.from(drawing.getElementsByTagNameNS(WP, 'docPr'))[0];
    const alt = (docPr?.getAttribute('descr') ?? '').trim().slice(0, 200);
    const mm = (emu: number, fallback: number) => (Number.isFinite(emu) && emu > 0 ? Math.round((emu / EMU_PER_MM) * 10) / 10 : fallback);
    return {
      mime: picture.contentType as HeadLogo['mime'],
      base64: picture.base64,
      alt: alt || fallbackAlt,
      widthMm: Math.min(mm(cx, 25), 100),
      heightMm: Math.min(mm(cy, 12.5), 60),
    };
  }
  return null;
}

/** The template's running header and footer, for every page and (when it has its own) the first; null without a template. */
export function templateHeads(kit: TemplateKit | null, councilName: string): PageHeads | null {
  if (!kit) return null;
  const fallbackAlt = councilName.trim() ? `${councilName.trim()} logo` : 'Council logo';
  const head = (header: TemplatePart | undefined, footer: TemplatePart | undefined): PageHead => ({
    header: headLineOf(header),
    footer: headLineOf(footer),
    logo: headLogoOf(header, kit, fallbackAlt),
  });
  const page = head(kit.headers.default, kit.footers.default);
  const titlePage = kit.page?.titlePage ?? false;
  const first = titlePage ? head(kit.headers.first, kit.footers.first) : null;
  return { page, first };
}
