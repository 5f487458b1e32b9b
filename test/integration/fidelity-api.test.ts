/**
 * Fidelity through the API (issue 16): each of the three published meetings
 * re-entered from a clerk's notes through the contract calls on a real SQLite
 * file, exported to Word (real .docx bytes, read back by LibreOffice as a
 * reader sees it, list markers included), and compared word by word with the
 * published minutes from the first minute on. Prints the similarity, the
 * structure check and the largest differences per meeting, and what the notes
 * say that today's app cannot (the plan's gaps).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/contract';
import { gapsOf, minuteByCalls, setUp, type Caller } from '../fidelity/enter';
import { planMeeting } from '../fidelity/plan';
import { NOTES } from '../fidelity/notes-index';
import { READINGS } from '../fixtures/reference/readings';
import { describeFidelity, fidelity } from '../helpers/fidelity';
import { call } from '../helpers/api';
import { officeText } from '../helpers/office-text';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'reference');

/**
 * THE THRESHOLD (issue 16): at least 99 % of the published words, in order, and the same minute numbers,
 * labels and lettering. Until the minute's blocks are merged, set FIDELITY_REPORT_ONLY=1 to print the
 * figures without failing on them (everything else is still asserted).
 */
const THRESHOLD = 0.99;
const REPORT_ONLY = process.env.FIDELITY_REPORT_ONLY === '1';

describe('fidelity: the published minutes re-entered through the API', () => {
  for (const notes of NOTES) {
    it(`${notes.reference}: the Word export says the published words`, async () => {
      const { services } = createTempStore(temp);
      const caller: Caller = async (name, input) => call(services, name, input);
      const plan = planMeeting(notes);
      const set = await setUp(caller, plan);
      await minuteByCalls(caller, plan, set);
      const result = await services.call('exports.build', { meetingId: set.meetingId, document: 'minutes' });
      if (!result.ok) throw new Error(result.error.message);
      const bytes = Buffer.from((result.value as ExportedFile).base64, 'base64');
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      const published = readFileSync(join(FIXTURES, `${notes.reference}-minutes.txt`), 'utf8');
      const report = fidelity(notes.reference, published, READINGS[notes.reference], officeText(bytes), notes.meeting.firstMinuteNumber ?? 1);
      const gaps = gapsOf(plan, set);
      console.log(`${describeFidelity(report, 40)}\n  what the notes say that the app cannot (${gaps.length}):\n${gaps.map((g) => `  * ${g}`).join('\n')}`);
      // Real words came out, and the comparison compared them.
      expect(report.exportedWords).toBeGreaterThan(report.publishedWords * 0.8);
      if (!REPORT_ONLY) {
        expect(report.structure.difference, 'minute numbers, labels and lettering').toBeNull();
        expect(report.similarity, 'similarity with the published minutes').toBeGreaterThanOrEqual(THRESHOLD);
      }
    }, 120_000);
  }
});
