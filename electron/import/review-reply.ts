/**
 * The chair's returned review copy (.docx) -> its tracked changes, comments
 * and words per marked block. Runs in the parsing worker (isolated.ts): the
 * file is untrusted, so its size is checked, then its zip's declared sizes
 * (docx-zip.ts), before any part is inflated, and only XML parts are read,
 * with a real XML parser (@xmldom/xmldom) that is never given a DTD.
 *
 * mammoth cannot be used here: it drops tracked deletions and reads
 * insertions as ordinary text. The shapes read are those Word and
 * LibreOffice write (ECMA-376 Part 1, 17.13): w:ins / w:del around runs
 * (w:delText inside deletions), w:moveFrom / w:moveTo for moves, a
 * paragraph mark inserted or deleted as w:pPr/w:rPr/w:ins|w:del,
 * w:rPrChange / w:pPrChange for formatting only, comments in comments.xml
 * anchored by w:commentRangeStart, and Word's replies in
 * commentsExtended.xml (w15:commentEx w15:paraIdParent).
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { checkImportSize, describeBinaryFormat, importFail, importOk, type ImportResult } from '../../shared/import/decode';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/limits';
import { KEY_PATTERN, MARK_PATTERN, type FormattingChange, type ParsedReply, type ReplyComment, type ReplySegment, type TrackedChangeInfo } from '../../shared/review/reply';
import { DOCX_LIMITS, DOCX_MESSAGES, inflateDocxParts, isEncryptedOffice, type DocxLimits } from './docx-zip';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export const REPLY_MESSAGES = {
  notDocx: (known: string | null) =>
    `${known ?? 'This is not a Word document.'} Choose the chair’s reply: the review copy, edited and saved as a Word .docx file. Nothing was changed.`,
  noDocument: 'This file has no Word document inside (it may be an Excel or PowerPoint file). Choose the chair’s reply saved as .docx; nothing was changed.',
  dtd: 'The Word document could not be read: it declares its own XML entities, which Word never writes, so it may be made to cause harm. Nothing was changed.',
  badXml: 'The Word document could not be read: its text is not well-formed XML. It may be damaged; nothing was changed.',
};

/** The zip refusals speak of an agenda; here the file is the chair's reply. */
const aboutReply = (message: string) => message.replace('Check that you chose the agenda; nothing was saved.', 'Check that you chose the chair’s reply; nothing was changed.');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

function parseXml(bytes: Uint8Array | undefined): Element | null {
  if (!bytes || bytes.length === 0) return null;
  const text = new TextDecoder('utf-8').decode(bytes);
  // No DTD at all: an internal entity is the one way a small XML part grows without limit.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ReplyRefusal(REPLY_MESSAGES.dtd);
  let failed = false;
  const doc = new DOMParser({
    onError: (level) => {
      if (level !== 'warning') failed = true;
    },
  }).parseFromString(text, 'text/xml');
  if (failed || !doc.documentElement) throw new ReplyRefusal(REPLY_MESSAGES.badXml);
  return doc.documentElement;
}

class ReplyRefusal extends Error {}

const isW = (n: Node, local: string): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === local;
const attr = (e: Element, local: string, ns = W) => e.getAttributeNS(ns, local) ?? e.getAttribute(`w:${local}`);
const kids = (e: Element): Element[] => {
  const out: Element[] = [];
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
};
const child = (e: Element, local: string) => kids(e).find((k) => isW(k, local));

/** Reads the document body, paragraph by paragraph, keeping which marked block each word is in. */
class BodyReader {
  readonly blocks = new Map<string, ReplySegment[]>();
  readonly changes = new Map<string, TrackedChangeInfo>();
  readonly formatting: FormattingChange[] = [];
  readonly added: ParsedReply['added'] = [];
  readonly commentKeys = new Map<string, { key: string | null; anchor: string[] }>();
  mark: ParsedReply['mark'] = null;
  /** Marked bookmarks open now, by their w:id, in the order opened. */
  private open: { id: string; key: string }[] = [];
  private openComments = new Set<string>();
  private lastKey: string | null = null;
  /** The change a w:del / w:ins element stands for: one id per element, a deletion followed by an insertion by the same author at once being one replacement. */
  private lastChange: { id: string; kind: 'ins' | 'del'; author: string; date: string | null; el: Element } | null = null;
  private serial = 0;
  /** A move's two halves share one change: Word names both range marks alike (w:moveFromRangeStart / w:moveToRangeStart w:name). */
  private moveName: string | null = null;
  private readonly moves = new Map<string, string>();
  /** The paragraph being read: its segments before they are known to sit in a block. */
  private para: { key: string | null; segments: ReplySegment[] } | null = null;

  private keyNow(): string | null {
    return this.open.length ? this.open[this.open.length - 1]!.key : null;
  }

  private changeFor(el: Element, kind: 'ins' | 'del', move: boolean): string {
    const author = attr(el, 'author') ?? '';
    const date = attr(el, 'date') || null;
    const last = this.lastChange;
    // Word writes a replacement as a deletion then an insertion side by side, same author and time.
    if (last && last.kind === 'del' && kind === 'ins' && last.author === author && last.date === date && last.el.nextSibling === el && !move) {
      this.lastChange = { ...last, kind, el };
      return last.id;
    }
    const named = move && this.moveName ? this.moves.get(this.moveName) : undefined;
    if (named) return named;
    const id = `c${++this.serial}`;
    if (move && this.moveName) this.moves.set(this.moveName, id);
    this.changes.set(id, { id, author, date, move });
    this.lastChange = { id, kind, author, date, el };
    return id;
  }

  private emit(kind: ReplySegment['kind'], text: string, change: string): void {
    if (!text || !this.para) return;
    // Words typed just after a block's bookmark closed (at the end of its paragraph) still belong to that block.
    const key = this.keyNow() ?? this.para.key;
    if (key && !this.para.key) this.para.key = key;
    for (const id of this.openComments) this.commentKeys.get(id)?.anchor.push(kind === 'del' ? '' : text);
    const target = key ? this.segmentsOf(key) : this.para.segments;
    const last = target[target.length - 1];
    if (last && last.kind === kind && last.change === change) last.text += text;
    else target.push({ kind, text, change });
  }

  private segmentsOf(key: string): ReplySegment[] {
    let list = this.blocks.get(key);
    if (!list) this.blocks.set(key, (list = []));
    return list;
  }

  private bookmark(el: Element, start: boolean): void {
    const id = attr(el, 'id') ?? '';
    if (!start) {
      this.open = this.open.filter((o) => o.id !== id);
      return;
    }
    const name = attr(el, 'name') ?? '';
    const mark = MARK_PATTERN.exec(name);
    if (mark) this.mark = { meetingId: Number(mark[1]), sendId: Number(mark[2]) };
    const key = KEY_PATTERN.exec(name);
    if (key) {
      this.open.push({ id, key: key[1]! });
      this.lastKey = key[1]!;
    }
  }

  private formattingChange(el: Element, what: FormattingChange['what']): void {
    this.formatting.push({ key: this.keyNow() ?? this.lastKey, author: attr(el, 'author') ?? '', date: attr(el, 'date') || null, what });
  }

  /** A run's text: w:t (or w:delText inside a deletion), tabs and breaks as spaces. */
  private run(r: Element, kind: ReplySegment['kind'], change: string): void {
    for (const k of kids(r)) {
      if (isW(k, 't') || isW(k, 'delText')) this.emit(kind, k.textContent ?? '', change);
      else if (isW(k, 'tab') || isW(k, 'br') || isW(k, 'cr')) this.emit(kind, ' ', change);
      else if (isW(k, 'noBreakHyphen')) this.emit(kind, '-', change);
      else if (isW(k, 'rPr')) {
        const rc = child(k, 'rPrChange');
        if (rc) this.formattingChange(rc, 'text formatting');
      } else if (isW(k, 'commentReference')) {
        const id = attr(k, 'id') ?? '';
        if (!this.commentKeys.has(id)) this.commentKeys.set(id, { key: this.keyNow() ?? this.lastKey, anchor: [] });
      }
    }
  }

  /** The content of a paragraph (or of an element inside one: a hyperlink, a smart tag, a tracked change). */
  private inline(e: Element, kind: ReplySegment['kind'], change: string): void {
    for (const k of kids(e)) {
      if (k.namespaceURI !== W) continue;
      switch (k.localName) {
        case 'r':
          this.run(k, kind, change);
          break;
        case 'ins':
          this.inline(k, 'ins', this.changeFor(k, 'ins', false));
          break;
        case 'moveTo':
          this.inline(k, 'ins', this.changeFor(k, 'ins', true));
          break;
        case 'del':
          this.inline(k, 'del', this.changeFor(k, 'del', false));
          break;
        case 'moveFrom':
          this.inline(k, 'del', this.changeFor(k, 'del', true));
          break;
        case 'bookmarkStart':
          this.bookmark(k, true);
          break;
        case 'bookmarkEnd':
          this.bookmark(k, false);
          break;
        case 'commentRangeStart': {
          const id = attr(k, 'id') ?? '';
          this.commentKeys.set(id, { key: this.keyNow() ?? this.lastKey, anchor: [] });
          this.openComments.add(id);
          break;
        }
        case 'moveFromRangeStart':
        case 'moveToRangeStart':
          this.moveName = attr(k, 'name') || null;
          break;
        case 'moveFromRangeEnd':
        case 'moveToRangeEnd':
          this.moveName = null;
          break;
        case 'commentRangeEnd':
          this.openComments.delete(attr(k, 'id') ?? '');
          break;
        case 'hyperlink':
        case 'smartTag':
        case 'customXml':
        case 'fldSimple':
        case 'sdt':
        case 'sdtContent':
          this.inline(k, kind, change);
          break;
        default:
          break;
      }
    }
  }

  paragraph(p: Element): void {
    this.para = { key: null, segments: [] };
    let markChange: { kind: 'ins' | 'del'; id: string } | null = null;
    const pPr = child(p, 'pPr');
    if (pPr) {
      const pc = child(pPr, 'pPrChange');
      if (pc) this.formattingChange(pc, 'paragraph formatting');
      const rPr = child(pPr, 'rPr');
      const markIns = rPr && child(rPr, 'ins');
      const markDel = rPr && child(rPr, 'del');
      if (markIns) markChange = { kind: 'ins', id: this.changeFor(markIns, 'ins', false) };
      else if (markDel) markChange = { kind: 'del', id: this.changeFor(markDel, 'del', false) };
    }
    this.inline(p, 'same', '');
    const key = this.para.key;
    const outside = this.para.segments;
    if (key) {
      // Words typed in the same paragraph before the bookmark opened belong to its block too.
      if (outside.length) this.segmentsOf(key).unshift(...outside);
      // A paragraph mark inserted inside a block splits it: shown as a new line in that block.
      if (markChange?.kind === 'ins') this.emitTo(key, { kind: 'ins', text: '\n', change: markChange.id });
    } else if (outside.some((seg) => seg.kind !== 'same') || markChange?.kind === 'ins') {
      // Words outside every marked block (attendance, the app's own sentences, a paragraph the chair added): listed, never applied.
      const words = (keep: (seg: ReplySegment) => boolean) => outside.filter(keep).map((seg) => seg.text).join('').replace(/\s+/g, ' ').trim();
      const change = outside.find((seg) => seg.kind !== 'same')?.change ?? markChange?.id ?? '';
      this.added.push({
        afterKey: this.lastKey,
        before: words((seg) => seg.kind !== 'ins'),
        text: words((seg) => seg.kind !== 'del'),
        change,
        newParagraph: outside.every((seg) => seg.kind === 'ins'),
      });
    }
    this.para = null;
    this.lastChange = null;
  }

  private emitTo(key: string, seg: ReplySegment): void {
    const list = this.segmentsOf(key);
    list.push(seg);
  }

  /** Paragraphs in the body, in tables (the name lists) and in content controls. */
  walk(e: Element): void {
    for (const k of kids(e)) {
      if (isW(k, 'p')) this.paragraph(k);
      else if (isW(k, 'tbl') || isW(k, 'tr') || isW(k, 'tc') || isW(k, 'sdt') || isW(k, 'sdtContent') || isW(k, 'customXml')) this.walk(k);
      else if (isW(k, 'bookmarkStart')) this.bookmark(k, true);
      else if (isW(k, 'bookmarkEnd')) this.bookmark(k, false);
    }
  }
}

const text = (e: Element): string => {
  const out: string[] = [];
  const visit = (n: Element) => {
    for (const k of kids(n)) {
      if (isW(k, 't')) out.push(k.textContent ?? '');
      else if (isW(k, 'tab')) out.push(' ');
      else visit(k);
    }
  };
  visit(e);
  return out.join('');
};

function readComments(commentsXml: Element | null, extendedXml: Element | null, placed: BodyReader['commentKeys']): ReplyComment[] {
  if (!commentsXml) return [];
  // Word: each comment's last paragraph has a w14:paraId; a reply's commentEx names its parent's paraId.
  const parentOfPara = new Map<string, { parent: string | null; done: boolean }>();
  if (extendedXml) {
    for (const ex of kids(extendedXml)) {
      if (ex.localName !== 'commentEx') continue;
      const para = ex.getAttributeNS(W15, 'paraId') ?? ex.getAttribute('w15:paraId');
      if (!para) continue;
      parentOfPara.set(para, { parent: ex.getAttributeNS(W15, 'paraIdParent') ?? ex.getAttribute('w15:paraIdParent') ?? null, done: (ex.getAttributeNS(W15, 'done') ?? ex.getAttribute('w15:done')) === '1' });
    }
  }
  const list = kids(commentsXml).filter((c) => isW(c, 'comment'));
  const lastPara = new Map<string, string>();
  const commentOfPara = new Map<string, string>();
  for (const c of list) {
    const id = attr(c, 'id') ?? '';
    const paras = kids(c).filter((k) => isW(k, 'p'));
    const last = paras[paras.length - 1];
    const pid = last ? (last.getAttributeNS(W14, 'paraId') ?? last.getAttribute('w14:paraId')) : null;
    if (pid) {
      lastPara.set(id, pid);
      commentOfPara.set(pid, id);
    }
  }
  return list.map((c) => {
    const id = attr(c, 'id') ?? '';
    const ex = parentOfPara.get(lastPara.get(id) ?? '');
    const where = placed.get(id);
    const paras = kids(c).filter((k) => isW(k, 'p')).map(text);
    return {
      id,
      author: attr(c, 'author') ?? '',
      date: attr(c, 'date') || null,
      text: paras.join('\n').trim(),
      anchor: (where?.anchor.join('') ?? '').replace(/\s+/g, ' ').trim(),
      key: where?.key ?? null,
      parentId: ex?.parent ? (commentOfPara.get(ex.parent) ?? null) : null,
      done: ex?.done ?? false,
    };
  });
}

/** Reads the chair's reply. Call it in the parsing worker, never where the database is. */
export function readReviewReply(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): ImportResult<ParsedReply> {
  const sizeProblem = checkImportSize(bytes.byteLength, MAX_IMPORT_FILE_BYTES);
  if (sizeProblem) return importFail(`${sizeProblem.replace('The file', 'The Word document')} Nothing was changed.`);
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    if (isEncryptedOffice(bytes)) return importFail(DOCX_MESSAGES.encrypted.replace('paste the agenda as text', 'ask the chair for a copy without one'));
    return importFail(REPLY_MESSAGES.notDocx(describeBinaryFormat(bytes)));
  }
  const parts = inflateDocxParts(bytes, limits);
  if (!parts.ok) return importFail(aboutReply(parts.message));
  try {
    const document = parseXml(parts.files['word/document.xml']);
    if (!document) return importFail(REPLY_MESSAGES.noDocument);
    const body = kids(document).find((k) => isW(k, 'body'));
    if (!body) return importFail(REPLY_MESSAGES.noDocument);
    const reader = new BodyReader();
    reader.walk(body);
    const settings = parseXml(parts.files['word/settings.xml']);
    const comments = readComments(parseXml(parts.files['word/comments.xml']), parseXml(parts.files['word/commentsExtended.xml']), reader.commentKeys);
    return importOk({
      mark: reader.mark,
      blocks: [...reader.blocks].map(([key, segments]) => ({ key, segments })),
      changes: [...reader.changes.values()],
      formatting: reader.formatting,
      comments,
      added: reader.added,
      trackRevisions: settings ? kids(settings).some((k) => isW(k, 'trackRevisions') && attr(k, 'val') !== 'false' && attr(k, 'val') !== '0') : false,
    });
  } catch (error) {
    if (error instanceof ReplyRefusal) return importFail(error.message);
    throw error;
  }
}
