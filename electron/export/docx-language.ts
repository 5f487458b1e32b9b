/**
 * The document's language in its core properties (dc:language), which the
 * docx library does not write: accessibility checkers (Word's own, PAC) read
 * the language there as well as from the styles' w:lang.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export const DOCUMENT_LANGUAGE = 'en-GB';

/** The same .docx with <dc:language>en-GB</dc:language> in docProps/core.xml (left as it is when already there). */
export function withCoreLanguage(bytes: Uint8Array, language: string = DOCUMENT_LANGUAGE): Buffer {
  const parts = unzipSync(bytes);
  const core = parts['docProps/core.xml'];
  if (!core) return Buffer.from(bytes);
  const xml = strFromU8(core);
  if (xml.includes('<dc:language>')) return Buffer.from(bytes);
  parts['docProps/core.xml'] = strToU8(xml.replace('</cp:coreProperties>', `<dc:language>${language}</dc:language></cp:coreProperties>`));
  // The parts keep their order, [Content_Types].xml first, as Word writes them.
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(parts)) zippable[name] = [data, { level: name.startsWith('word/media/') ? 0 : 6 }];
  return Buffer.from(zipSync(zippable));
}
