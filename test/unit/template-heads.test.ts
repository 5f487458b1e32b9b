/**
 * A council's Word template's header and footer as the web page and its PDF
 * carry them (issue 20): read from the kit the parsing worker keeps (the
 * templates in test/fixtures/templates, one written by LibreOffice, one by
 * Microsoft Word 2007), then drawn by the HTML writer as the masthead's logo
 * and the page's margin boxes (header words and logo, footer words, page
 * numbers).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { templateHeads } from '../../electron/export/template-heads';
import { readWordTemplate, type TemplateKit } from '../../electron/import/word-template';
import { minutesToHtml } from '../../shared/minutes/html';
import { DEFAULT_HOUSE_STYLE_FULL, type HouseStyle } from '../../shared/minutes/house-style';
import type { MinutesDocument } from '../../shared/minutes/document';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'templates');
const read = (name: string) => readFileSync(join(FIXTURES, name));

function kitOf(bytes: Uint8Array): TemplateKit {
  const result = readWordTemplate(bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.kit;
}
/** The house style of a body that chose the template: its look (fonts, page) as the body's house style keeps it. */
const styleWith = (kit: TemplateKit, councilName = ''): HouseStyle => ({
  ...DEFAULT_HOUSE_STYLE_FULL,
  councilName,
  wordTemplate: { fileName: 'template.docx', sha256: '0'.repeat(64), kind: kit.kind, look: kit.look, notes: [] },
});
function variant(bytes: Buffer, name: string, fn: (xml: string) => string): Buffer {
  const parts = unzipSync(bytes);
  parts[name] = strToU8(fn(strFromU8(parts[name]!)));
  return Buffer.from(zipSync(parts));
}

const DOC: MinutesDocument = {
  title: 'Minutes of the Borsetshire Board, Friday, 12 June 2026',
  bodyName: 'Borsetshire Board',
  meetingDate: '2026-06-12',
  draft: false,
  part: 'public',
  blocks: [{ type: 'paragraph', text: 'The minutes.' }],
} as unknown as MinutesDocument;

describe('the template’s header and footer, as the web page and PDF carry them', () => {
  it('reads the words, the PAGE field and the logo of a header and footer written by LibreOffice', () => {
    const heads = templateHeads(kitOf(read('borsetshire-template.docx')), 'Borsetshire Council')!;
    expect(heads.first).toBeNull();
    expect(heads.page.header).toEqual({ pieces: [{ text: 'Borsetshire Council' }], align: 'left' });
    // The PAGE field's cached "1" is left out: the page number is counted on each page.
    expect(heads.page.footer).toEqual({ pieces: [{ text: 'Borsetshire Council, County Hall, Borchester BC1 1AA – Page ' }, { field: 'page' }], align: 'center' });
    expect(heads.page.logo).toMatchObject({ mime: 'image/png', alt: 'Borsetshire Council logo', widthMm: 25.4, heightMm: 12.7 });
    expect(Buffer.from(heads.page.logo!.base64, 'base64')).toEqual(read('logo.png'));
  });

  it('reads a header written by Microsoft Word: its picture with Word’s alt text, aligned right, with no words', () => {
    const heads = templateHeads(kitOf(read('word-2007-header-picture.docx')), 'Wessex County Council')!;
    expect(heads.page.header).toEqual({ pieces: [], align: 'right' });
    expect(heads.page.footer).toBeNull();
    expect(heads.page.logo).toMatchObject({ mime: 'image/jpeg', alt: 'DOZOR', widthMm: 21.2, heightMm: 21.2 });
    const jpeg = unzipSync(read('word-2007-header-picture.docx'))['word/media/image1.jpeg']!;
    expect(Buffer.from(heads.page.logo!.base64, 'base64')).toEqual(Buffer.from(jpeg));
  });

  it('counts pages with NUMPAGES, leaves out the date the template was saved, and keeps the words of other fields', () => {
    const bytes = variant(read('borsetshire-template.docx'), 'word/footer1.xml', (x) =>
      x.replace(
        '<w:r><w:rPr></w:rPr><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:r><w:rPr></w:rPr><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> of </w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>' +
          '<w:r><w:t xml:space="preserve"> printed </w:t></w:r><w:fldSimple w:instr=" DATE \\@ &quot;d MMMM yyyy&quot; "><w:r><w:t>6 March 2009</w:t></w:r></w:fldSimple>' +
          '<w:r><w:t xml:space="preserve"> ref </w:t></w:r><w:fldSimple w:instr=" DOCPROPERTY Ref "><w:r><w:t>BC/1</w:t></w:r></w:fldSimple>',
      ),
    );
    const footer = templateHeads(kitOf(bytes), 'Borsetshire Council')!.page.footer!;
    expect(footer.pieces).toEqual([
      { text: 'Borsetshire Council, County Hall, Borchester BC1 1AA – Page ' },
      { field: 'page' },
      { text: ' of ' },
      { field: 'pages' },
      { text: ' printed  ref BC/1' },
    ]);
  });

  it('reads a text box’s words once, though Word writes them twice (its drawing and the fallback for older readers), and a header table’s cells as lines', () => {
    const box = (words: string) =>
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="5" name="Text Box 5"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>${words}</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>${words}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const bytes = variant(read('borsetshire-template.docx'), 'word/header1.xml', (x) =>
      x
        .replace('<w:t>Borsetshire Council</w:t></w:r></w:p>', `<w:t>Borsetshire Council</w:t></w:r>${box('OFFICIAL')}</w:p>`)
        .replace('</w:hdr>', '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>County Hall</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Borchester</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:hdr>'),
    );
    const header = templateHeads(kitOf(bytes), 'Borsetshire Council')!.page.header!;
    expect(header.pieces).toEqual([{ text: 'Borsetshire Council OFFICIAL' }, { text: '\n' }, { text: 'County Hall' }, { text: '\n' }, { text: 'Borchester' }]);
  });

  it('puts the logo in the web page’s masthead with its alt text, and the header and footer in the page’s margin boxes', () => {
    const kit = kitOf(read('borsetshire-template.docx'));
    const heads = templateHeads(kit, 'Borsetshire Council');
    const html = minutesToHtml(DOC, styleWith(kit, 'Borsetshire Council'), { heads });
    const logo = heads!.page.logo!;
    expect(html).toContain(`<header class="council"><img src="data:image/png;base64,${logo.base64}" alt="Borsetshire Council logo" width="96" height="48">`);
    expect(html).toMatch(/@top-left \{ content: "Borsetshire Council";[^}]*background: url\("data:image\/png;base64,[^"]+"\) no-repeat left center \/ 25\.4mm 12\.7mm;[^}]*padding-left: 28\.4mm;/);
    expect(html).toContain('@bottom-center { content: "Borsetshire Council, County Hall, Borchester BC1 1AA – Page " counter(page);');
    // The footer numbers the pages itself, so no second number is added; on paper the masthead gives way to the running header.
    expect(html).not.toContain('"Page " counter(page) " of " counter(pages)');
    expect(html).toMatch(/@media print \{[^}]*\}\s*header\.council \{ display: none; \}/);
    // Nothing is fetched: the logo is in the page.
    expect(html).not.toMatch(/url\((?!"data:)/);
    expect(html).not.toMatch(/src="(?!data:)/);
  });

  it('numbers the pages "Page N of M" when the template’s footer has no page number, and keeps a right-aligned logo on the right', () => {
    const kit = kitOf(read('word-2007-header-picture.docx'));
    const heads = templateHeads(kit, 'Wessex County Council');
    const html = minutesToHtml(DOC, styleWith(kit, 'Wessex County Council'), { heads });
    expect(html).toContain('alt="DOZOR" width="80" height="80"');
    expect(html).toContain('@bottom-center { content: "Page " counter(page) " of " counter(pages);');
    // The template's top margin is 10 mm: the logo is drawn 6 mm high so it stays inside it.
    expect(html).toMatch(/@top-right \{ content: "";[^}]*no-repeat right center \/ 6mm 6mm;[^}]*padding-right: 6mm;/);
  });

  it('gives the first page its own header and footer when the template has them', () => {
    const base = read('borsetshire-template.docx');
    const parts = unzipSync(base);
    parts['word/header2.xml'] = strToU8(strFromU8(parts['word/header1.xml']!).replace('<w:t>Borsetshire Council</w:t>', '<w:t>Borsetshire Council – Cabinet</w:t>'));
    parts['word/_rels/header2.xml.rels'] = parts['word/_rels/header1.xml.rels']!;
    const rels = strFromU8(parts['word/_rels/document.xml.rels']!);
    parts['word/_rels/document.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rId20" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>'));
    parts['word/document.xml'] = strToU8(
      strFromU8(parts['word/document.xml']!)
        .replace(/(<w:headerReference w:type="default" r:id="[^"]+"\/>)/, '$1<w:headerReference w:type="first" r:id="rId20"/>')
        .replace('<w:pgNumType', '<w:titlePg/><w:pgNumType'),
    );
    parts['[Content_Types].xml'] = strToU8(
      strFromU8(parts['[Content_Types].xml']!).replace('</Types>', '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>'),
    );
    const kit = kitOf(zipSync(parts));
    const heads = templateHeads(kit, 'Borsetshire Council')!;
    expect(heads.first?.header?.pieces).toEqual([{ text: 'Borsetshire Council – Cabinet' }]);
    // No first-page footer: the first page has none of the template's, only its page number.
    expect(heads.first?.footer).toBeNull();
    const html = minutesToHtml(DOC, styleWith(kit), { heads });
    expect(html).toMatch(/@page :first \{\s*@top-left \{ content: "Borsetshire Council – Cabinet";[^}]*\}\s*@bottom-center \{ content: "Page " counter\(page\) " of " counter\(pages\);/);
  });
});
