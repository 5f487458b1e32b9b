/**
 * Puts a council's Word template on a Word file the export has written, the
 * way pandoc uses a --reference-doc: the template's styles replace ours where
 * both have one (Normal, Title, Heading 1–3, Header, Footer, List Paragraph,
 * Table Grid), ours are added where the template has none (Minute Text,
 * Lettered Point and the rest, based on its Normal, so they take its font);
 * its theme replaces ours (the fonts and colours its styles name); its
 * header and footer, with their pictures, replace ours. A draft's or an
 * exempt document's markings stay on top of the template's header, so they
 * still mark every page. The page size and margins are the template's too;
 * the writer sets those itself (minutes-docx.ts), so the text is laid out to
 * the template's width.
 *
 * The kit was read and cleaned from the untrusted file in the parsing worker
 * (electron/import/word-template.ts); the Word file is our own.
 */
import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipParts } from './zip';
import type { TemplateKit, TemplatePart } from '../import/word-template';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const IMAGE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const V = 'urn:schemas-microsoft-com:vml';

export interface ApplyOptions {
  /** Keep our own header's paragraphs (the DRAFT and EXEMPT markings) above the template's header. */
  keepMarkings: boolean;
  /** Published documents: the body text at least this size, whatever the template says. */
  minBodySizePt?: number;
  /** Alt text for a picture in the template's header or footer that has none ("<council> logo"): an accessibility checker flags a picture without it. */
  logoAlt?: string;
}

const parse = (xml: string): XmlDocument => new DOMParser().parseFromString(xml, 'application/xml');
const serialize = (doc: XmlDocument) => new XMLSerializer().serializeToString(doc);
const elementsOf = (parent: XmlDocument | Element, local: string): Element[] => Array.from(parent.getElementsByTagNameNS(W, local));
const child = (parent: Element | null | undefined, local: string): Element | null => {
  if (!parent) return null;
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === local && (node as Element).namespaceURI === W) return node as Element;
  }
  return null;
};
/** The child element, made (first among its siblings, or last) when it is not there. */
function ensure(doc: XmlDocument, parent: Element, local: string, first = false): Element {
  const found = child(parent, local);
  if (found) return found;
  const made = doc.createElementNS(W, `w:${local}`);
  if (first && parent.firstChild) parent.insertBefore(made, parent.firstChild);
  else parent.appendChild(made);
  return made;
}

/** Whether the template has a style of this id (after the worker's renames, Word's built-in ids) and type. */
export function templateHasStyle(kit: TemplateKit | null | undefined, id: string, type: 'paragraph' | 'table'): boolean {
  if (!kit) return false;
  return elementsOf(parse(kit.stylesXml), 'style').some((s) => s.getAttributeNS(W, 'styleId') === id && s.getAttributeNS(W, 'type') === type);
}

/** The template's styles with ours added where it has none; en-GB kept; the body size raised to the minimum asked. */
export function mergeStyles(templateXml: string, oursXml: string, minBodySizePt?: number): string {
  const doc = parse(templateXml);
  const ours = parse(oursXml);
  const root = doc.documentElement!;
  const have = new Set(elementsOf(doc, 'style').map((s) => s.getAttributeNS(W, 'styleId')));
  for (const style of elementsOf(ours, 'style')) {
    if (have.has(style.getAttributeNS(W, 'styleId'))) continue;
    const added = doc.importNode(style, true) as Element;
    // Lettered points are a list: based on the template's List Paragraph when it has one (their own indents still apply).
    if (added.getAttributeNS(W, 'styleId') === 'LetteredPoint' && have.has('ListParagraph')) child(added, 'basedOn')?.setAttributeNS(W, 'w:val', 'ListParagraph');
    root.appendChild(added);
  }
  let defaults = child(root, 'docDefaults');
  if (!defaults) {
    const theirs = child(ours.documentElement, 'docDefaults');
    defaults = theirs ? (doc.importNode(theirs, true) as Element) : doc.createElementNS(W, 'w:docDefaults');
    root.insertBefore(defaults, root.firstChild);
  }
  const rPr = ensure(doc, ensure(doc, defaults, 'rPrDefault', true), 'rPr');
  // The document's language is British English (an accessibility checker reads it), whatever the template's author used.
  const lang = ensure(doc, rPr, 'lang');
  lang.setAttributeNS(W, 'w:val', 'en-GB');
  if (minBodySizePt) {
    const min = Math.round(minBodySizePt * 2);
    const normal = elementsOf(doc, 'style').find((s) => s.getAttributeNS(W, 'styleId') === 'Normal');
    for (const props of [rPr, normal ? child(normal, 'rPr') : null]) {
      const sz = child(props, 'sz');
      if (!props || (props !== rPr && !sz)) continue;
      const size = ensure(doc, props, 'sz');
      if (!(Number(size.getAttributeNS(W, 'val')) >= min)) size.setAttributeNS(W, 'w:val', String(min));
    }
  }
  return serialize(doc);
}

/** The template's header or footer, its pictures renamed to ids of its own, with our paragraphs above its own when asked. */
function mergePart(part: TemplatePart, oursXml: string | null, logoAlt: string | undefined): { xml: string; rels: { id: string; media: string }[] } {
  const doc = parse(part.xml);
  const root = doc.documentElement!;
  if (logoAlt) {
    // A picture's alt text is its drawing's descr (and the picture's own, and the old VML shape's alt, for older readers).
    for (const [ns, local, attr] of [[WP, 'docPr', 'descr'], [PIC, 'cNvPr', 'descr'], [V, 'shape', 'alt']] as const) {
      for (const el of Array.from(doc.getElementsByTagNameNS(ns, local))) {
        if (local === 'shape' && el.getElementsByTagNameNS(V, 'imagedata').length === 0) continue;
        if (!(el.getAttribute(attr) ?? '').trim()) el.setAttribute(attr, logoAlt);
      }
    }
  }
  const ids = new Map(part.images.map((image, i) => [image.id, `rIdTemplate${i + 1}`]));
  const walk = (el: Element) => {
    for (const attr of Array.from(el.attributes)) if (attr.namespaceURI === R && ids.has(attr.value)) el.setAttributeNS(R, attr.name, ids.get(attr.value)!);
    for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === 1) walk(node as Element);
  };
  walk(root);
  if (oursXml) {
    const ours = parse(oursXml).documentElement!;
    const first = root.firstChild;
    for (let node = ours.firstChild; node; node = node.nextSibling) root.insertBefore(doc.importNode(node, true), first);
  }
  return { xml: serialize(doc), rels: part.images.map((image) => ({ id: ids.get(image.id)!, media: image.media })) };
}

const relsXml = (rels: { id: string; media: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${IMAGE_REL}" Target="media/${r.media}"/>`)
    .join('')}</Relationships>`;

/** Where each header and footer of the document's section is: "header:default" to "word/header1.xml". */
function sectionParts(files: Record<string, Uint8Array>): Map<string, string> {
  const document = strFromU8(files['word/document.xml']!);
  const rels = strFromU8(files['word/_rels/document.xml.rels']!);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target);
  }
  const parts = new Map<string, string>();
  const sectPr = document.slice(document.lastIndexOf('<w:sectPr'));
  for (const m of sectPr.matchAll(/<w:(header|footer)Reference\b[^>]*>/g)) {
    const type = /\bw:type="([^"]+)"/.exec(m[0])?.[1] ?? 'default';
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (target) parts.set(`${m[1]}:${type}`, `word/${target.replace(/^\/?word\//, '')}`);
  }
  return parts;
}

/** Makes sure each picture's file extension has a content type. */
function withImageTypes(types: string, media: TemplateKit['media']): string {
  let out = types;
  for (const [name, { contentType }] of Object.entries(media)) {
    const ext = name.slice(name.lastIndexOf('.') + 1);
    if (new RegExp(`Extension="${ext}"`, 'i').test(out)) continue;
    out = out.replace('</Types>', `<Default Extension="${ext}" ContentType="${contentType}"/></Types>`);
  }
  return out;
}

/** The Word file with the template's styles, theme, header and footer. */
export function applyWordTemplate(docx: Uint8Array, kit: TemplateKit, options: ApplyOptions): Buffer {
  const files = unzipSync(docx);
  files['word/styles.xml'] = strToU8(mergeStyles(kit.stylesXml, strFromU8(files['word/styles.xml']!), options.minBodySizePt));
  if (kit.themeXml && files['word/theme/theme1.xml']) files['word/theme/theme1.xml'] = strToU8(kit.themeXml);
  const parts = sectionParts(files);
  let usedMedia = false;
  for (const [kind, set] of [
    ['header', kit.headers],
    ['footer', kit.footers],
  ] as const) {
    for (const type of ['default', 'first'] as const) {
      const part = set[type];
      const path = parts.get(`${kind}:${type}`);
      if (!part || !path || !files[path]) continue;
      const merged = mergePart(part, kind === 'header' && options.keepMarkings ? strFromU8(files[path]!) : null, options.logoAlt);
      files[path] = strToU8(merged.xml);
      const relsPath = path.replace(/^word\//, 'word/_rels/') + '.rels';
      files[relsPath] = strToU8(relsXml(merged.rels));
      usedMedia ||= merged.rels.length > 0;
    }
  }
  if (usedMedia) {
    for (const [name, { base64 }] of Object.entries(kit.media)) files[`word/media/${name}`] = new Uint8Array(Buffer.from(base64, 'base64'));
    files['[Content_Types].xml'] = strToU8(withImageTypes(strFromU8(files['[Content_Types].xml']!), kit.media));
  }
  return zipParts(Object.entries(files).map(([name, bytes]) => ({ name, bytes })));
}
