/**
 * The exported Word documents of a realistic meeting, through the service
 * call the app uses (exports.build), read back from the real .docx bytes.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../shared/contract';
import type { Services } from '../../electron/services';
import { call } from '../helpers/api';
import { officeText } from '../helpers/office-text';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

async function exported(services: Services, meetingId: number, document: string): Promise<{ file: ExportedFile; text: string; zip: JSZip }> {
  const result = await services.call('exports.build', { meetingId, document });
  if (!result.ok) throw new Error(result.error.message);
  const file = result.value as ExportedFile;
  const bytes = Buffer.from(file.base64, 'base64');
  const text = (await mammoth.extractRawText({ buffer: bytes })).value;
  return { file, text, zip: await JSZip.loadAsync(bytes) };
}

function meeting(services: Services) {
  const body = call(services, 'bodies.create', { name: 'Wessex Safer Communities Board', kind: 'Board', quorumMinVoting: 1 });
  call(services, 'members.create', { bodyId: body.id, name: 'Mrs D. Taylor CC', organisation: 'Wessex County Council' });
  const m = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'County Hall, Kingsbridge', minuteNumberStart: 17 });
  for (const item of [
    { title: 'Serious Violence Duty', presenter: 'Rik Basra, Community Safety Coordinator, will present this report.' },
    { title: 'Youth Diversion Contract Award', exempt: true, exemptParagraph: 3 },
    { title: 'Community Safety Grant' },
  ]) call(services, 'agendaItems.create', { meetingId: m.id, ...item });
  let record = call(services, 'meetings.get', { meetingId: m.id });
  const [svd, contract, grant] = record.items;
  record = call(services, 'attendance.setMember', { meetingId: m.id, memberId: record.members[0]!.id, status: 'present' });
  call(services, 'attendance.setChair', { attendanceId: record.attendance[0]!.id, time: '10:00' });
  call(services, 'meetings.takeItem', { meetingId: m.id, itemId: svd!.id, time: '10:05' });
  for (const text of ['Funding had been confirmed', 'Referrals had risen']) call(services, 'entries.create', { meetingId: m.id, agendaItemId: svd!.id, kind: 'point', text });
  for (const text of ['That the report be noted', 'That the slides be circulated']) call(services, 'entries.create', { meetingId: m.id, agendaItemId: svd!.id, kind: 'resolution', text });
  call(services, 'actions.create', { meetingId: m.id, agendaItemId: svd!.id, text: 'Circulate the slides', owner: 'Rik Basra' });
  call(services, 'meetings.takeItem', { meetingId: m.id, itemId: grant!.id, time: '10:30' });
  call(services, 'entries.create', { meetingId: m.id, agendaItemId: grant!.id, kind: 'resolution', text: 'That the grant be allocated' });
  call(services, 'meetings.takeItem', { meetingId: m.id, itemId: contract!.id, time: '10:45' });
  call(services, 'entries.create', { meetingId: m.id, agendaItemId: contract!.id, kind: 'resolution', text: 'That the contract be awarded to Wessex Youth Trust' });
  return { bodyId: body.id, meetingId: m.id };
}

describe('exports.build', () => {
  it('writes the public minutes in the order taken, numbered on from 17, with the exempt minute kept out', async () => {
    const { services } = createTempStore(temp);
    const { meetingId } = meeting(services);
    const { file, text, zip } = await exported(services, meetingId, 'minutes');
    expect(file.fileName).toBe('Wessex Safer Communities Board 2026-06-19 minutes.docx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const headings = [...text.matchAll(/^(\d+)\.\s+(.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      '17 Serious Violence Duty',
      '18 Change to the Order of Business',
      '19 Community Safety Grant',
      '20 Exclusion of the Press and Public',
      '21 Youth Diversion Contract Award',
    ]);
    // The points are Word numbering: the markers are what LibreOffice shows a reader.
    const seen = officeText(Buffer.from(file.base64, 'base64'));
    expect(seen).toMatch(/\(i\)\s+Funding had been confirmed\.\s+\(ii\)\s+Referrals had risen\./);
    expect(seen).toMatch(/RESOLVED:\s+\(a\)\s+That the report be noted;\s+\(b\)\s+That the slides be circulated\./);
    expect(text).toContain('paragraph 3 of Part 1 of Schedule 12A of the Act');
    expect(text).not.toContain('Wessex Youth Trust');
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(documentXml).toContain('w:val="Heading1"');
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /word\/header\d*\.xml/.test(n)).map((n) => zip.file(n)!.async('string')));
    expect(headers.join('')).toContain('DRAFT');
  }, 60_000);

  it('writes the exempt minutes apart, the decision sheet and the body\'s action log', async () => {
    const { services } = createTempStore(temp);
    const { meetingId } = meeting(services);
    const exempt = await exported(services, meetingId, 'exempt');
    expect(exempt.text).toContain('That the contract be awarded to Wessex Youth Trust.');
    expect(exempt.text).not.toContain('Serious Violence Duty');
    expect(exempt.text).toContain('21.');
    const decisions = await exported(services, meetingId, 'decisions');
    expect(decisions.text).toContain('That the grant be allocated.');
    expect(decisions.text).not.toContain('Funding had been confirmed');
    const actions = await exported(services, meetingId, 'actions');
    expect(actions.text).toContain('Circulate the slides');
    expect(actions.text).toContain('Rik Basra');
    expect(actions.text).toContain('19/06/26');
  });

  it('follows the body\'s house style, and refuses what cannot be exported', async () => {
    const { services } = createTempStore(temp);
    const { bodyId, meetingId } = meeting(services);
    call(services, 'bodies.update', {
      bodyId,
      patch: {
        houseStyle: {
          councilName: 'Wessex County Council',
          chairTitle: 'Chair',
          fontFamily: 'Verdana',
          fontSize: 11,
          margins: { top: 20, right: 20, bottom: 20, left: 20 },
          logo: null,
        },
      },
    });
    const { text, zip } = await exported(services, meetingId, 'minutes');
    expect(text).toContain('Wessex County Council');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('Verdana');
    expect(styles).toContain('w:val="22"');
    expect(text).toMatch(/\bChair\b/);

    const noExempt = call(services, 'meetings.create', { bodyId, date: '2026-09-18', startTime: '10:00', venue: 'County Hall' });
    const refused = await services.call('exports.build', { meetingId: noExempt.id, document: 'exempt' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const missing = await services.call('exports.build', { meetingId: 999_999, document: 'minutes' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The synchronous dispatcher points callers to call().
    expect(services.dispatch('exports.build', { meetingId, document: 'minutes' })).toMatchObject({ ok: false });
  });
});
