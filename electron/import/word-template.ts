/**
 * Reads a council's Word template (.docx or .dotx), an untrusted file, in the
 * parsing worker (see isolated.ts): its zip is size-checked before anything
 * is inflated (docx-zip.ts), macro-enabled files (.dotm, .docm, any part
 * holding a VBA project) are refused, and only what the Word export uses is
 * kept, as a "kit": the styles, the theme, the header and footer parts of
 * its last section with the pictures they show, and its page set-up. The kit
 * is what the export merges into each Word file it writes, the way pandoc
 * uses a --reference-doc (electron/export/word-template-apply.ts).
 *
 * What is kept is cleaned here, so the export never sees the file itself:
 * styles are keyed by Word's built-in names (a German Word calls Heading 1
 * "berschrift1"), a style's list numbering (which would point at the
 * template's own lists) is dropped, a header's links are unwrapped, and a
 * header that refers to anything but its own pictures (an embedded object, a
 * picture fetched from the internet) is left out, with a note saying so.
 *
 * Plain Node, no Electron.
 */
import { sha256Hex } from '../config/lazy-crypto';
import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { importFail, importOk, type ImportResult } from '../../shared/import/decode';
import { describeSize, MAX_TEMPLATE_BYTES, TEXT_CHARS } from '../../shared/limits';
import { FONT_NAME, type TemplateLook, type TextLook } from '../../shared/minutes/word-template';
import { DOCX_MESSAGES, isEncryptedOffice, MB, unzipParts, type DocxLimits } from './docx-zip';

export const TEMPLATE_LIMITS: DocxLimits & { styleBytes: number; headerBytes: number; imageBytes: number; mediaBytes: number } = {
  totalBytes: 40 * MB,
  partBytes: 10 * MB,
  entries: 2_000,
  /** styles.xml and the theme. */
  styleBytes: 2 * MB,
  /** One header or footer part. */
  headerBytes: 1 * MB,
  /** One picture in a header or footer. */
  imageBytes: 2 * MB,
  /** Every picture kept, together. */
  mediaBytes: 4 * MB,
};
export type TemplateLimits = typeof TEMPLATE_LIMITS;

import { TEMPLATE_MESSAGES } from './template-messages';

export { TEMPLATE_MESSAGES };

/** One header or footer part, cleaned: its XML and its pictures (relationship id to a key of the kit's media). */
export interface TemplatePart {
  xml: string;
  images: { id: string; media: string }[];
}

/** Twentieths of a point, as Word's sectPr has them. */
export interface TemplatePage {
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
  /** A different first page (its own header and footer). */
  titlePage: boolean;
}

export interface TemplateKit {
  format: 1;
  kind: 'docx' | 'dotx';
  /** styles.xml, cleaned (see above). */
  stylesXml: string;
  themeXml: string | null;
  headers: { default?: TemplatePart; first?: TemplatePart };
  footers: { default?: TemplatePart; first?: TemplatePart };
  /** Pictures the headers and footers show: "tpl-image1.png" to its content type and base64 bytes. */
  media: Record<string, { contentType: string; base64: string }>;
  page: TemplatePage | null;
  look: TemplateLook;
  /** What could not be carried over, in words for the clerk. */
  notes: string[];
}

export interface ReadTemplate {
  kit: TemplateKit;
  sha256: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';

const MAIN_TYPES: Record<string, 'docx' | 'dotx'> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': 'dotx',
};
const MACRO_TYPES = [
  'application/vnd.ms-word.document.macroenabled.main+xml',
  'application/vnd.ms-word.template.macroenabledtemplate.main+xml',
  'application/vnd.ms-office.vbaproject',
];
const OTHER_OFFICE: [RegExp, string][] = [
  [/spreadsheetml|ms-excel/, 'an Excel workbook'],
  [/presentationml|ms-powerpoint/, 'a PowerPoint presentation'],
];

/** Pictures a header may show, by their first bytes. */
const IMAGE_TYPES: { ext: string; contentType: string; magic: (b: Uint8Array) => boolean }[] = [
  { ext: 'png', contentType: 'image/png', magic: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { ext: 'jpeg', contentType: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'gif', contentType: 'image/gif', magic: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 },
  { ext: 'emf', contentType: 'image/x-emf', magic: (b) => b[0] === 0x01 && b[1] === 0 && b[2] === 0 && b[3] === 0 && b[40] === 0x20 && b[41] === 0x45 },
  { ext: 'wmf', contentType: 'image/x-wmf', magic: (b) => (b[0] === 0xd7 && b[1] === 0xcd && b[2] === 0xc6 && b[3] === 0x9a) || (b[0] === 0x01 && b[1] === 0 && b[2] === 0x09 && b[3] === 0) },
];

class TemplateRefusal extends Error {}

function parseXml(bytes: Uint8Array | string): XmlDocument {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8').decode(bytes);
  // Word never writes a document type declaration; one in a template is there to expand entities.
  if (/<!DOCTYPE/i.test(text)) throw new TemplateRefusal(TEMPLATE_MESSAGES.damaged);
  try {
    return new DOMParser({
      onError: (level) => {
        if (level !== 'warning') throw new TemplateRefusal(TEMPLATE_MESSAGES.damaged);
      },
    }).parseFromString(text, 'application/xml');
  } catch {
    throw new TemplateRefusal(TEMPLATE_MESSAGES.damaged);
  }
}

const serialize = (doc: XmlDocument) => new XMLSerializer().serializeToString(doc);

const elements = (parent: XmlDocument | Element, ns: string, local: string): Element[] => Array.from(parent.getElementsByTagNameNS(ns, local));
const child = (parent: Element | null | undefined, local: string, ns = W): Element | null => {
  if (!parent) return null;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === local && (node as Element).namespaceURI === ns) return node as Element;
  }
  return null;
};
const wAttr = (el: Element | null | undefined, name: string): string | null => (el ? el.getAttributeNS(W, name) || null : null);

/** Resolves "word/_rels/../media/x.png" style targets against the part's folder. */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}
const relsPathOf = (part: string) => {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
};

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}
function readRels(files: Map<string, Uint8Array>, part: string): Relationship[] {
  const bytes = files.get(relsPathOf(part));
  if (!bytes) return [];
  const doc = parseXml(bytes);
  return Array.from(doc.getElementsByTagName('Relationship')).map((r) => ({
    id: r.getAttribute('Id') ?? '',
    type: (r.getAttribute('Type') ?? '').split('/').pop() ?? '',
    target: r.getAttribute('Target') ?? '',
    external: (r.getAttribute('TargetMode') ?? '').toLowerCase() === 'external',
  }));
}

/** Word's built-in names (language-independent) to the style ids the export writes. */
const CANONICAL_IDS: Record<string, string> = {
  normal: 'Normal',
  title: 'Title',
  'heading 1': 'Heading1',
  'heading 2': 'Heading2',
  'heading 3': 'Heading3',
  header: 'Header',
  footer: 'Footer',
  'list paragraph': 'ListParagraph',
  'table grid': 'TableGrid',
  'normal table': 'TableNormal',
};
const STYLE_REFS = ['pStyle', 'rStyle', 'tblStyle', 'basedOn', 'next', 'link'];

/** Renames style ids in a part to the canonical ones (attributes of pStyle, basedOn and the like). */
function renameStyleRefs(doc: XmlDocument, renames: Map<string, string>): void {
  if (renames.size === 0) return;
  for (const local of STYLE_REFS) {
    for (const el of elements(doc, W, local)) {
      const value = wAttr(el, 'val');
      if (value !== null && renames.has(value)) el.setAttributeNS(W, 'w:val', renames.get(value)!);
    }
  }
}

const remove = (el: Element) => el.parentNode?.removeChild(el);

/** The template's styles, keyed by Word's own names, with their list numbering dropped; the renames made. */
function cleanStyles(doc: XmlDocument): Map<string, string> {
  const styles = elements(doc, W, 'style');
  const renames = new Map<string, string>();
  const ids = new Set(styles.map((s) => wAttr(s, 'styleId') ?? ''));
  for (const style of styles) {
    const id = wAttr(style, 'styleId') ?? '';
    const name = (wAttr(child(style, 'name'), 'val') ?? '').toLowerCase();
    const canonical = CANONICAL_IDS[name];
    if (!canonical || canonical === id) continue;
    // Another style already has the id: it steps aside.
    if (ids.has(canonical)) {
      const other = styles.find((s) => wAttr(s, 'styleId') === canonical)!;
      const aside = `${canonical}Template`;
      other.setAttributeNS(W, 'w:styleId', aside);
      renames.set(canonical, aside);
    }
    style.setAttributeNS(W, 'w:styleId', canonical);
    renames.set(id, canonical);
    ids.add(canonical);
  }
  // renameStyleRefs must not rename the styles' own new ids again: it only touches references.
  renameStyleRefs(doc, renames);
  // A style's numbering points into the template's own list definitions, which are not carried over.
  for (const numPr of elements(doc, W, 'numPr')) remove(numPr);
  return renames;
}

/* ---------- The look: what the web page and the preview follow ---------- */

function themeFonts(theme: XmlDocument | null): { major: string | null; minor: string | null } {
  if (!theme) return { major: null, minor: null };
  const latin = (which: string) => {
    const font = elements(theme, A, which)[0];
    const el = font ? Array.from(font.getElementsByTagNameNS(A, 'latin'))[0] : undefined;
    return el?.getAttribute('typeface') || null;
  };
  return { major: latin('majorFont'), minor: latin('minorFont') };
}

const THEME_COLOUR_NAMES: Record<string, string> = { text1: 'dk1', text2: 'dk2', background1: 'lt1', background2: 'lt2', dark1: 'dk1', dark2: 'dk2', light1: 'lt1', light2: 'lt2' };
function themeColour(theme: XmlDocument | null, name: string): string | null {
  if (!theme) return null;
  const scheme = elements(theme, A, 'clrScheme')[0];
  const slot = scheme ? child(scheme, THEME_COLOUR_NAMES[name] ?? name, A) : null;
  const srgb = child(slot, 'srgbClr', A);
  const sys = child(slot, 'sysClr', A);
  const value = srgb?.getAttribute('val') ?? sys?.getAttribute('lastClr') ?? null;
  return value && /^[0-9A-Fa-f]{6}$/.test(value) ? value.toUpperCase() : null;
}
/** A theme colour darkened (themeShade) or lightened (themeTint), in plain RGB: close to what Word draws, which works in linear light. */
const shadeTint = (hex: string, shade: string | null, tint: string | null) => {
  const channels = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = channels.map((c) => {
    let v = c;
    if (shade) v = (v * parseInt(shade, 16)) / 255;
    if (tint) v = v + (255 - v) * (1 - parseInt(tint, 16) / 255);
    return Math.round(Math.min(255, Math.max(0, v)));
  });
  return out.map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase();
};

const isOn = (el: Element | null) => el !== null && !['0', 'false', 'off'].includes(wAttr(el, 'val') ?? 'true');

function lookOf(doc: XmlDocument, theme: XmlDocument | null): Omit<TemplateLook, 'page' | 'headerText' | 'footerText'> {
  const styles = new Map(elements(doc, W, 'style').map((s) => [wAttr(s, 'styleId') ?? '', s]));
  const defaults = child(child(elements(doc, W, 'docDefaults')[0] ?? null, 'rPrDefault'), 'rPr');
  const fonts = themeFonts(theme);
  /** The first run property a style or the styles it is based on set, then the document's default. */
  const find = <T,>(id: string, read: (rPr: Element) => T | null): T | null => {
    let style = styles.get(id);
    for (let depth = 0; style && depth < 20; depth++) {
      const rPr = child(style, 'rPr');
      const value = rPr ? read(rPr) : null;
      if (value !== null) return value;
      const parent = wAttr(child(style, 'basedOn'), 'val');
      style = parent ? styles.get(parent) : undefined;
    }
    return defaults ? read(defaults) : null;
  };
  const font = (rPr: Element): string | null => {
    const f = child(rPr, 'rFonts');
    if (!f) return null;
    const direct = wAttr(f, 'ascii') ?? wAttr(f, 'hAnsi');
    if (direct) return direct;
    const themed = wAttr(f, 'asciiTheme') ?? wAttr(f, 'hAnsiTheme');
    if (!themed) return null;
    return themed.startsWith('major') ? fonts.major : fonts.minor;
  };
  const size = (rPr: Element): number | null => {
    const v = Number(wAttr(child(rPr, 'sz'), 'val'));
    return Number.isFinite(v) && v > 0 ? v / 2 : null;
  };
  const colour = (rPr: Element): string | null => {
    const c = child(rPr, 'color');
    if (!c) return null;
    const themed = wAttr(c, 'themeColor');
    const base = themed ? themeColour(theme, themed) : null;
    if (base) return shadeTint(base, wAttr(c, 'themeShade'), wAttr(c, 'themeTint'));
    const v = wAttr(c, 'val');
    return v && /^[0-9A-Fa-f]{6}$/.test(v) ? v.toUpperCase() : null;
  };
  const flag = (local: string) => (rPr: Element): boolean | null => {
    const el = child(rPr, local);
    return el ? isOn(el) : null;
  };
  const text = (id: string): TextLook => {
    const name = find(id, font);
    const sizePt = find(id, size);
    return {
      font: name && name.length <= TEXT_CHARS.fontFamily && FONT_NAME.test(name) ? name : null,
      sizePt: sizePt !== null && sizePt <= 400 ? sizePt : null,
      colour: find(id, colour),
      bold: find(id, flag('b')) ?? false,
      italic: find(id, flag('i')) ?? false,
    };
  };
  return { body: text('Normal'), title: text('Title'), heading1: text('Heading1'), heading2: text('Heading2'), heading3: text('Heading3') };
}

/** The words of a header or footer, on one line. */
const wordsOf = (doc: XmlDocument) =>
  elements(doc, W, 't')
    .map((t) => t.textContent ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, TEXT_CHARS.line);

function pageOf(sectPr: Element | null): TemplatePage | null {
  const size = child(sectPr, 'pgSz');
  const mar = child(sectPr, 'pgMar');
  if (!size || !mar) return null;
  const n = (el: Element, name: string, fallback: number, max: number) => {
    const v = Math.abs(Math.round(Number(wAttr(el, name))));
    return Number.isFinite(v) && v <= max ? v : fallback;
  };
  // 22 inches is the largest page Word offers; anything else is not a page.
  const width = n(size, 'w', 11906, 31680);
  const height = n(size, 'h', 16838, 31680);
  if (width < 1440 || height < 1440) return null;
  const margin = (name: string, max: number) => n(mar, name, 1440, max);
  return {
    width,
    height,
    margins: {
      top: margin('top', height / 2),
      right: margin('right', width / 2),
      bottom: margin('bottom', height / 2),
      left: margin('left', width / 2),
      header: margin('header', height / 2),
      footer: margin('footer', height / 2),
      gutter: margin('gutter', width / 4),
    },
    titlePage: isOn(child(sectPr, 'titlePg')),
  };
}

/* ---------- Headers and footers ---------- */

interface PartContext {
  files: Map<string, Uint8Array>;
  limits: TemplateLimits;
  media: TemplateKit['media'];
  mediaBytes: { total: number };
  renames: Map<string, string>;
  notes: string[];
}

/** Elements that point at parts a header cannot bring along (notes, comments): dropped. */
const DROPPED = ['footnoteReference', 'endnoteReference', 'commentReference', 'commentRangeStart', 'commentRangeEnd', 'numPr'];

function readPart(path: string, what: string, ctx: PartContext): TemplatePart | null {
  const bytes = ctx.files.get(path);
  if (!bytes) return null;
  if (bytes.length > ctx.limits.headerBytes) throw new TemplateRefusal(TEMPLATE_MESSAGES.partTooLarge(what, ctx.limits.headerBytes));
  const doc = parseXml(bytes);
  const rels = readRels(ctx.files, path);
  const images = new Map<string, string>();
  for (const rel of rels) {
    if (rel.type !== 'image' || rel.external) continue;
    const target = resolveTarget(path, rel.target);
    const data = ctx.files.get(target);
    const kind = data ? IMAGE_TYPES.find((t) => t.magic(data)) : undefined;
    if (!data || !kind) continue;
    if (data.length > ctx.limits.imageBytes) throw new TemplateRefusal(TEMPLATE_MESSAGES.partTooLarge(`picture in the ${what}`, ctx.limits.imageBytes));
    const existing = Object.entries(ctx.media).find(([, m]) => m.base64 === Buffer.from(data).toString('base64'));
    let key = existing?.[0];
    if (!key) {
      ctx.mediaBytes.total += data.length;
      if (ctx.mediaBytes.total > ctx.limits.mediaBytes) throw new TemplateRefusal(TEMPLATE_MESSAGES.partTooLarge('pictures in the header and footer', ctx.limits.mediaBytes));
      key = `tpl-image${Object.keys(ctx.media).length + 1}.${kind.ext}`;
      ctx.media[key] = { contentType: kind.contentType, base64: Buffer.from(data).toString('base64') };
    }
    images.set(rel.id, key);
  }
  for (const local of DROPPED) for (const el of elements(doc, W, local)) remove(el);
  // Links are unwrapped (their words stay); any other reference to something outside the part leaves the part out.
  for (const link of elements(doc, W, 'hyperlink')) {
    const parent = link.parentNode;
    if (!parent) continue;
    while (link.firstChild) parent.insertBefore(link.firstChild, link);
    parent.removeChild(link);
  }
  // A field that fetches or links to another file (INCLUDEPICTURE "http://…", DDE) would reach outside the document when Word updates it.
  const instructions = [...elements(doc, W, 'instrText').map((t) => t.textContent ?? ''), ...elements(doc, W, 'fldSimple').map((f) => wAttr(f, 'instr') ?? '')];
  let foreign = instructions.some((text) => /^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|DDE|DDEAUTO|IMPORT|INCLUDE)\b/i.test(text));
  const walk = (el: Element) => {
    for (const attr of Array.from(el.attributes)) {
      if (attr.namespaceURI === R && !images.has(attr.value)) foreign = true;
    }
    for (let node = el.firstChild; node && !foreign; node = node.nextSibling) if (node.nodeType === 1) walk(node as Element);
  };
  if (doc.documentElement) walk(doc.documentElement);
  if (foreign) {
    ctx.notes.push(`The template’s ${what} holds an embedded object, a picture from outside the file or a field that fetches one, so the built-in ${what} is used instead.`);
    return null;
  }
  renameStyleRefs(doc, ctx.renames);
  return { xml: serialize(doc), images: [...images].map(([id, media]) => ({ id, media })) };
}

/* ---------- The file ---------- */

function kindOf(names: string[], files: Map<string, Uint8Array>): { kind: 'docx' | 'dotx'; main: string } {
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n) || /(^|\/)vbaData\.xml$/i.test(n))) throw new TemplateRefusal(TEMPLATE_MESSAGES.macros);
  const types = files.get('[Content_Types].xml');
  if (!types) throw new TemplateRefusal(names.some((n) => n === 'mimetype') ? TEMPLATE_MESSAGES.otherOffice('an OpenDocument file') : TEMPLATE_MESSAGES.notWord);
  const doc = parseXml(types);
  const overrides = Array.from(doc.getElementsByTagName('Override')).map((o) => ({
    part: (o.getAttribute('PartName') ?? '').replace(/^\//, ''),
    type: (o.getAttribute('ContentType') ?? '').toLowerCase(),
  }));
  const defaults = Array.from(doc.getElementsByTagName('Default')).map((d) => (d.getAttribute('ContentType') ?? '').toLowerCase());
  if ([...overrides.map((o) => o.type), ...defaults].some((t) => MACRO_TYPES.includes(t))) throw new TemplateRefusal(TEMPLATE_MESSAGES.macros);
  const main = overrides.find((o) => MAIN_TYPES[o.type]);
  if (!main) {
    const other = OTHER_OFFICE.find(([pattern]) => overrides.some((o) => pattern.test(o.type)));
    throw new TemplateRefusal(other ? TEMPLATE_MESSAGES.otherOffice(other[1]) : TEMPLATE_MESSAGES.notWord);
  }
  return { kind: MAIN_TYPES[main.type]!, main: main.part };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Reads a template; refusals are messages a clerk can act on, and the caller changes nothing. */
export function readWordTemplate(bytes: Uint8Array, limits: TemplateLimits = TEMPLATE_LIMITS): ImportResult<ReadTemplate> {
  try {
    if (bytes.length > MAX_TEMPLATE_BYTES) return importFail(TEMPLATE_MESSAGES.tooBig);
    if (isEncryptedOffice(bytes)) return importFail(TEMPLATE_MESSAGES.encrypted);
    if (OLE.every((b, i) => bytes[i] === b)) return importFail(TEMPLATE_MESSAGES.oldWord);
    if (!ZIP.every((b, i) => bytes[i] === b)) return importFail(TEMPLATE_MESSAGES.notWord);
    const wanted = (name: string) => /\.(xml|rels)$/i.test(name) || /^word\/media\//i.test(name);
    const read = unzipParts(bytes, limits, wanted, { tooLarge: TEMPLATE_MESSAGES.zipTooLarge, tooManyParts: TEMPLATE_MESSAGES.zipTooManyParts });
    if (!read.ok) {
      // The zip reader's own words speak of an agenda; these speak of a template.
      const own = read.message === DOCX_MESSAGES.encrypted ? TEMPLATE_MESSAGES.encrypted : read.message.startsWith('The Word document could not be read') ? TEMPLATE_MESSAGES.damaged : read.message;
      return importFail(own);
    }
    const { files, names } = read;
    const { kind, main } = kindOf(names, files);
    const docRels = readRels(files, main);
    const target = (type: string) => {
      const rel = docRels.find((r) => r.type === type && !r.external);
      return rel ? resolveTarget(main, rel.target) : null;
    };
    const stylesPath = target('styles');
    const stylesBytes = stylesPath ? files.get(stylesPath) : undefined;
    if (!stylesBytes) return importFail(TEMPLATE_MESSAGES.noStyles);
    if (stylesBytes.length > limits.styleBytes) return importFail(TEMPLATE_MESSAGES.partTooLarge('styles', limits.styleBytes));
    const styles = parseXml(stylesBytes);
    const renames = cleanStyles(styles);
    const themePath = target('theme');
    const themeBytes = themePath ? files.get(themePath) : undefined;
    if (themeBytes && themeBytes.length > limits.styleBytes) return importFail(TEMPLATE_MESSAGES.partTooLarge('theme', limits.styleBytes));
    const theme = themeBytes ? parseXml(themeBytes) : null;

    const documentBytes = files.get(main);
    if (!documentBytes) return importFail(TEMPLATE_MESSAGES.damaged);
    const document = parseXml(documentBytes);
    const body = elements(document, W, 'body')[0] ?? null;
    const sectPr = child(body, 'sectPr');
    const page = pageOf(sectPr);

    const ctx: PartContext = { files, limits, media: {}, mediaBytes: { total: 0 }, renames, notes: [] };
    const headers: TemplateKit['headers'] = {};
    const footers: TemplateKit['footers'] = {};
    for (const [local, into, what] of [
      ['headerReference', headers, 'header'],
      ['footerReference', footers, 'footer'],
    ] as const) {
      for (const ref of sectPr ? elements(sectPr, W, local) : []) {
        const type = wAttr(ref, 'type') ?? 'default';
        if (type !== 'default' && type !== 'first') continue;
        const rel = docRels.find((r) => r.id === ref.getAttributeNS(R, 'id') && !r.external);
        if (!rel) continue;
        const part = readPart(resolveTarget(main, rel.target), type === 'first' ? `first-page ${what}` : what, ctx);
        if (part) into[type] = part;
      }
    }
    const textOf = (part: TemplatePart | undefined) => (part ? wordsOf(parseXml(part.xml)) : '');
    const look: TemplateLook = {
      ...lookOf(styles, theme),
      page: page
        ? {
            widthMm: twipsToMm(page.width),
            heightMm: twipsToMm(page.height),
            margins: { top: twipsToMm(page.margins.top), right: twipsToMm(page.margins.right), bottom: twipsToMm(page.margins.bottom), left: twipsToMm(page.margins.left) },
          }
        : null,
      headerText: textOf(headers.default ?? headers.first),
      footerText: textOf(footers.default ?? footers.first),
    };
    const kit: TemplateKit = {
      format: 1,
      kind,
      stylesXml: serialize(styles),
      themeXml: theme ? serialize(theme) : null,
      headers,
      footers,
      media: ctx.media,
      page,
      look,
      notes: ctx.notes,
    };
    return importOk({ kit, sha256: sha256Hex(bytes) });
  } catch (error) {
    if (error instanceof TemplateRefusal) return importFail(error.message);
    if ((error as Error)?.name === 'RangeError') throw error; // a stack overflow: the worker answers it as a refusal
    return importFail(TEMPLATE_MESSAGES.damaged);
  }
}

const twipsToMm = (twips: number) => Math.round((twips * 25.4) / 1440 * 10) / 10;
