/**
 * The document's language in its core properties (dc:language), which the
 * docx library does not write: accessibility checkers (Word's own, PAC) read
 * the language there as well as from the styles' w:lang.
 */
import { Packer, type File } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zipParts, type ZipPart } from './zip';

export const DOCUMENT_LANGUAGE = 'en-GB';

/** Pictures are compressed already: stored as they are. */
const isMedia = (name: string) => name.startsWith('word/media/');

const withLanguage = (xml: string, language: string) =>
  xml.includes('<dc:language>') ? xml : xml.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`);

/** The docx library's compiler: its parts, before they are zipped (Packer.pack zips exactly these). */
type Compiler = { compile(file: File, prettify?: undefined, overrides?: []): Map<string, string | Uint8Array> };

/**
 * The document zipped once, its core properties given the language first. Packer.toBuffer then
 * withCoreLanguage deflated every part, inflated them all again and deflated them a second time: some
 * 120 ms of a 60-item export's 400 ms in a fresh process (npm run export). The compiler is the one
 * Packer.pack uses (a static of Packer, not in docx's types); without it, the two passes as before.
 */
export async function packDocx(document: File, language: string = DOCUMENT_LANGUAGE, body?: WrittenBody): Promise<Buffer> {
  const compiler = docxCompiler();
  if (!compiler) {
    if (body) throw new Error('A body written as XML needs the docx library\'s compiler');
    return withCoreLanguage(await Packer.toBuffer(document), language);
  }
  // The parts keep their order, [Content_Types].xml first, as Word writes them.
  const parts: ZipPart[] = [];
  for (const [name, data] of compiler.compile(document, undefined, [])) {
    const text = (): string => (typeof data === 'string' ? data : strFromU8(data));
    const bytes =
      name === 'docProps/core.xml'
        ? strToU8(withLanguage(text(), language))
        : body && name === 'word/document.xml'
          ? strToU8(withBody(text(), body, document))
          : typeof data === 'string'
            ? strToU8(data)
            : data;
    parts.push({ name, bytes, store: isMedia(name) });
  }
  return zipParts(parts);
}

/** The docx library's compiler, or null when this version of it has none where it is looked for. */
function docxCompiler(): Compiler | null {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  return typeof compiler?.compile === 'function' ? compiler : null;
}

/** Whether a body written as XML can be put in (packDocx needs the compiler's parts before they are zipped). */
export const canWriteBody = (): boolean => docxCompiler() !== null;

/** The minutes' body written as XML (body-xml.ts), and the words of the one paragraph of the document it takes the place of. */
export interface WrittenBody {
  placeholder: string;
  xml: string;
}

/**
 * document.xml with the placeholder paragraph replaced by the body, its lists' ids put in as the docx library puts
 * them in the paragraphs it writes. Anything but exactly one placeholder paragraph is an error, never a file without its body.
 */
function withBody(xml: string, body: WrittenBody, document: File): string {
  const paragraph = `<w:p><w:r><w:t xml:space="preserve">${body.placeholder}</w:t></w:r></w:p>`;
  const at = xml.indexOf(paragraph);
  if (at === -1 || xml.indexOf(paragraph, at + 1) !== -1) throw new Error('The minutes could not be placed in the Word file');
  const ids = new Map(document.Numbering.ConcreteNumbering.filter((n) => n.restartedListId === undefined).map((n) => [`{${n.reference}-${n.instance}}`, String(n.numId)]));
  // Only list ids: braces in the minutes' own words are theirs.
  const content = body.xml.replace(/<w:numId w:val="(\{[^{}"]+\})"\/>/g, (_, placeholder: string) => {
    const id = ids.get(placeholder);
    if (id === undefined) throw new Error(`The list ${placeholder} has no numbering in the Word file`);
    return `<w:numId w:val="${id}"/>`;
  });
  return xml.slice(0, at) + content + xml.slice(at + paragraph.length);
}

/** The same .docx with <dc:language>en-GB</dc:language> in docProps/core.xml (left as it is when already there). */
export function withCoreLanguage(bytes: Uint8Array, language: string = DOCUMENT_LANGUAGE): Buffer {
  const parts = unzipSync(bytes);
  const core = parts['docProps/core.xml'];
  if (!core) return Buffer.from(bytes);
  const xml = strFromU8(core);
  if (xml.includes('<dc:language>')) return Buffer.from(bytes);
  parts['docProps/core.xml'] = strToU8(withLanguage(xml, language));
  // The parts keep their order, [Content_Types].xml first, as Word writes them.
  return zipParts(Object.entries(parts).map(([name, bytes]) => ({ name, bytes, store: isMedia(name) })));
}
