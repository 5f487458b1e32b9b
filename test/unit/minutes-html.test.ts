/**
 * The web page writer (shared/minutes/html.ts): the same blocks as the Word
 * minutes, escaped, with the structure the published page relies on.
 */
import { describe, expect, it } from 'vitest';
import { blocksFrom, decisionBlock, type MinutesDocument } from '../../shared/minutes/document';
import { DEFAULT_HOUSE_STYLE_FULL } from '../../shared/minutes/house-style';
import { exemptCitationText, fontStack, minutesToHtml } from '../../shared/minutes/html';

const DOC: MinutesDocument = {
  title: 'Minutes of the Wessex Safer Communities Board, Friday, 11 December 2026',
  bodyName: 'Wessex Safer Communities Board',
  meetingDate: '2026-12-11',
  draft: false,
  part: 'public',
  blocks: blocksFrom([
    { type: 'opening', text: 'Minutes of a meeting of the Wessex Safer Communities Board held at County Hall on Friday, 11 December 2026.' },
    { type: 'section-heading', text: 'PRESENT' },
    { type: 'chair', text: 'Mrs D. Taylor CC (in the Chair)' },
    { type: 'name-list', rows: [{ name: 'Cllr. L. Hart', detail: 'Kingsbridge District Council' }] },
    { type: 'section-heading', text: 'Officers' },
    { type: 'name-list', rows: [{ name: 'Jo Clerk', detail: 'Democratic Services' }] },
    { type: 'minute-heading', number: 17, agendaNumber: 1, text: 'Introductions & <welcome>' },
    { type: 'paragraph', text: 'The Chairman typed <script>alert(1)</script> by mistake.' },
    { type: 'lettered', style: 'roman', items: ['Referrals had decreased.', 'Entrants had increased.'] },
    { type: 'decision', label: 'RESOLVED', resolutions: ['That the report be noted;', 'That it be circulated.'] },
    { type: 'minute-heading', number: 18, agendaNumber: 2, text: 'Other business' },
    { type: 'decision', label: 'NOTED', resolutions: ['That there was none.'] },
    { type: 'closing', text: 'The meeting closed at 12.05 pm.' },
    { type: 'signature', chairTitle: 'Chairman' },
  ]),
};

describe('minutesToHtml', () => {
  const html = minutesToHtml(DOC, { ...DEFAULT_HOUSE_STYLE_FULL, councilName: 'Wessex County Council' });

  it('is one page with lang en-GB, a title, no scripts and the typed words escaped', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain('<title>Minutes of the Wessex Safer Communities Board, Friday, 11 December 2026</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('typed &lt;script&gt;alert(1)&lt;/script&gt; by mistake.');
    expect(html).toContain('Introductions &amp; &lt;welcome&gt;</h2>');
    expect(html).toContain('<meta name="author" content="Wessex County Council">');
  });

  it('draws headings in order, lists as ordered lists and name lists as tables with column headers', () => {
    const headings = [...html.matchAll(/<h(\d)[^>]*>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]!.replace(/<[^>]+>/g, '')}`);
    expect(headings).toEqual([
      '1 Minutes of the Wessex Safer Communities Board, Friday, 11 December 2026',
      '2 PRESENT',
      '3 Officers',
      '2 17. Introductions &amp; &lt;welcome&gt;',
      '2 18. Other business',
    ]);
    expect(html).toContain('<ol class="points roman"><li>Referrals had decreased.</li><li>Entrants had increased.</li></ol>');
    expect(html).toContain('<p class="decision-label">RESOLVED:</p>\n<ol class="points alpha"><li>That the report be noted;</li><li>That it be circulated.</li></ol>');
    expect(html).toContain('<p class="decision-label">NOTED:</p>\n<p>That there was none.</p>');
    expect(html.match(/<th scope="col">Name<\/th><th scope="col">Role and organisation<\/th>/g)).toHaveLength(2);
    // Each minute is a section named by its heading; the web page has no signature line.
    expect(html).toContain('<section class="minute" aria-labelledby="minute-17"><h2 id="minute-17">');
    expect(html).not.toContain('Chairman</p>');
    expect(html).toContain('@page {');
  });

  it('marks drafts and exempt minutes, citing the Schedule 12A paragraphs', () => {
    expect(html).not.toMatch(/draft/i);
    expect(minutesToHtml({ ...DOC, draft: true }, DEFAULT_HOUSE_STYLE_FULL)).toContain('<p class="marking draft">DRAFT – not yet approved</p>');
    const exempt = minutesToHtml({ ...DOC, part: 'exempt' }, DEFAULT_HOUSE_STYLE_FULL, { exemptParagraphs: [3, 1] });
    expect(exempt).toContain('<title>EXEMPT – Minutes of the Wessex Safer Communities Board');
    expect(exempt).toContain('EXEMPT – NOT FOR PUBLICATION by virtue of paragraphs 1 and 3 of Part 1 of Schedule 12A to the Local Government Act 1972');
    expect(exemptCitationText([])).toBe('by virtue of Part 1 of Schedule 12A to the Local Government Act 1972');
  });

  it('uses the house style’s font when it is sans-serif, and a sans-serif in place of a serif one, at 12 pt or more', () => {
    expect(fontStack('Verdana')).toBe('Verdana, Arial, "Liberation Sans", Helvetica, sans-serif');
    expect(fontStack('Times New Roman')).toBe('Arial, "Liberation Sans", Helvetica, sans-serif');
    expect(fontStack('Gill Sans')).toBe('"Gill Sans", Arial, "Liberation Sans", Helvetica, sans-serif');
    expect(minutesToHtml(DOC, { ...DEFAULT_HOUSE_STYLE_FULL, fontSize: 10 })).toContain('font-size: 12pt;');
    expect(minutesToHtml(DOC, { ...DEFAULT_HOUSE_STYLE_FULL, fontSize: 14 })).toContain('font-size: 14pt;');
  });

  it('numbers a decision’s resolutions in brackets, “(1)”, where they were printed so', () => {
    const html = minutesToHtml({ ...DOC, blocks: [decisionBlock('RESOLVED', ['That the report be noted;', 'That it be circulated.'], 'number')] }, DEFAULT_HOUSE_STYLE_FULL);
    expect(html).toContain('<ol class="points resolutions-number">');
    expect(html).toMatch(/ol\.resolutions-number \{ list-style-type: paren-decimal; \}/);
    expect(html).toMatch(/@counter-style paren-decimal \{ system: extends decimal; prefix: "\("/);
    const close = minutesToHtml({ ...DOC, blocks: [decisionBlock('RESOLVED', ['That the report be noted;', 'That it be circulated.'], 'roman', 'close')] }, DEFAULT_HOUSE_STYLE_FULL);
    expect(close).toContain('<ol class="points close-roman">');
    expect(close).toMatch(/ol\.points\.close-roman \{ list-style-type: close-roman; \}/);
  });
});
