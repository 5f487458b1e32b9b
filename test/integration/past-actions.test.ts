/**
 * An action log table in past minutes (issue 18) becomes actions of the
 * body's action log, on a real SQLite file: a real Word file (made with the
 * docx library, its action log a Word table with a repeated header row) read
 * in the parsing worker, shown in the preview, saved with the meeting; the
 * open actions then carry on at the next meeting. The agenda pack's action
 * log (a table as text, tab-separated) is read too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import type { PastMinutesPreview } from '../../shared/contract';
import type { Services } from '../../electron/services';
import { call } from '../helpers/api';
import { countRows, createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();
const PAST = join(import.meta.dirname, '..', 'fixtures', 'past-minutes');

async function read(services: Services, bodyId: number, source: { kind: 'docx'; base64: string } | { kind: 'text'; text: string }): Promise<PastMinutesPreview> {
  const result = await services.call('import.readPastMinutes', { bodyId, source });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as PastMinutesPreview;
}

const row = (cells: string[], header = false) =>
  new TableRow({ tableHeader: header, children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c, bold: header })] })] })) });

/** Minutes of a parish council with its action log as a Word table at the end. */
async function minutesWithActionLog(): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ text });
  const doc = new Document({
    sections: [
      {
        children: [
          p('Minutes of a meeting of the Wessex Parish Council held at the Village Hall on Tuesday, 14 March 2023 at 7.00 pm.'),
          p('PRESENT:'),
          p('Cllr A. Brown (in the Chair)'),
          p('Cllr C. Dean'),
          p('1. Apologies for absence'),
          p('There were no apologies.'),
          p('2. Playground equipment'),
          p('The Council considered the report on the condition of the playground equipment at the recreation ground.'),
          p('RESOLVED:'),
          p('That the Clerk obtain three quotations for replacing the swings.'),
          p('3. Footpath lighting'),
          p('Members discussed the broken street lights on the footpath to the school.'),
          p('The meeting closed at 8.15 pm.'),
          p('Action log'),
          new Table({
            rows: [
              row(['No.', 'Minute', 'Action', 'Owner', 'Due date', 'Status', 'Update'], true),
              row(['12', '2', 'Obtain three quotations for replacing the swings', 'Clerk', '30/04/2023', 'Amber', 'Two suppliers contacted']),
              row(['', '', 'Report broken footpath street lights to the county council', 'Cllr C. Dean', '21 March 2023', 'Completed', '']),
              row(['13', '', 'Publish the annual parish meeting notice', 'Clerk', 'before the May meeting', 'Green', '']),
              row(['No.', 'Minute', 'Action', 'Owner', 'Due date', 'Status', 'Update'], true),
            ],
          }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** Minutes whose action table sits under "Action points" with a header in other words, beside an attendance table and a budget table. */
async function minutesWithActionPoints(): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ text });
  const doc = new Document({
    sections: [
      {
        children: [
          p('Minutes of a meeting of the Wessex Parish Council held at the Village Hall on Tuesday, 9 April 2024 at 7.00 pm.'),
          p('PRESENT:'),
          p('Cllr A. Brown (in the Chair)'),
          new Table({ rows: [row(['Name', 'Role and organisation'], true), row(['Cllr C. Dean', 'Wessex District Council'])] }),
          p('1. Finance'),
          p('The Council noted the budget position.'),
          new Table({ rows: [row(['Item', 'Budget', 'Spent', 'Remaining'], true), row(['Grass cutting', '£4,000', '£2,500', '£1,500'])] }),
          p('2. Village green'),
          p('Members discussed the drainage of the village green after the winter floods.'),
          p('3. Action points'),
          new Table({
            rows: [
              row(['Item', 'Task', 'Who', 'When', 'Progress'], true),
              row(['1', 'Ask a contractor to survey the drainage of the village green', 'Clerk', '30/04/2024', 'In progress']),
              row(['2', 'Renew the insurance', 'Cllr C. Dean', '31 May 2024', 'Done']),
            ],
          }),
          p('The meeting closed at 8.30 pm.'),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

describe('past minutes: an action table under a heading of actions, its header row in other words', () => {
  it('a Word table under “Action points” (“Item | Task | Who | When | Progress”) becomes actions; the attendance and budget tables do not', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Parish Council', yearStartMonth: 5 }).id;
    const m = (await read(services, bodyId, { kind: 'docx', base64: (await minutesWithActionPoints()).toString('base64') })).meeting;
    expect(m.minutes.map((x) => `${x.number}. ${x.title}`)).toEqual(['1. Finance', '2. Village green', '3. Action points']);
    expect(m.attendance.present.map((x) => x.name)).toEqual(['Cllr C. Dean']);
    expect(m.actions).toEqual([
      { number: 1, raisedOn: null, description: 'Ask a contractor to survey the drainage of the village green', owner: 'Clerk', dueDate: '2024-04-30', status: 'Amber', comments: ['Status: In progress'], minute: 1 },
      { number: 2, raisedOn: null, description: 'Renew the insurance', owner: 'Cllr C. Dean', dueDate: '2024-05-31', status: 'Complete', comments: ['Status: Done'], minute: 2 },
    ]);
    // The budget's words stay the finance minute's.
    expect(JSON.stringify(m.minutes[0]!.blocks)).toMatch(/Grass cutting/);
    call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: m, firstMinuteNumber: null, source: 'minutes.docx' }] });
    expect(call(services, 'actions.log', { bodyId }).map((a) => [a.number, a.text, a.status, a.itemTitle])).toEqual([
      [1, 'Ask a contractor to survey the drainage of the village green', 'Amber', 'Village green'],
      [2, 'Renew the insurance', 'Complete', 'Action points'],
    ]);
    expect(countRows(store.db).action).toBe(2);
  });
});

describe('past minutes: an action log table becomes actions of the body’s log', () => {
  it('a Word table: read into the preview, saved with the meeting, open actions carried on at the next meeting', async () => {
    const { services, store } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Wessex Parish Council', yearStartMonth: 5 }).id;
    const bytes = await minutesWithActionLog();
    const preview = await read(services, bodyId, { kind: 'docx', base64: bytes.toString('base64') });
    const m = preview.meeting;
    expect(m.minutes.map((x) => `${x.number}. ${x.title}`)).toEqual(['1. Apologies for absence', '2. Playground equipment', '3. Footpath lighting']);
    // The table's words are the actions', not a minute's paragraphs.
    expect(JSON.stringify(m.minutes)).not.toMatch(/quotations for replacing the swings", "Clerk|Two suppliers/);
    expect(m.actions).toEqual([
      { number: 12, raisedOn: null, description: 'Obtain three quotations for replacing the swings', owner: 'Clerk', dueDate: '2023-04-30', status: 'Amber', comments: ['Two suppliers contacted'], minute: 1 },
      // No minute column: placed by its words (footpath, street lights) on minute 3.
      { number: null, raisedOn: null, description: 'Report broken footpath street lights to the county council', owner: 'Cllr C. Dean', dueDate: '2023-03-21', status: 'Complete', comments: ['Status: Completed'], minute: 2 },
      // A due date that is not a date is kept as a comment, not lost.
      { number: 13, raisedOn: null, description: 'Publish the annual parish meeting notice', owner: 'Clerk', dueDate: null, status: 'Green', comments: ['Due: before the May meeting'], minute: 0 },
    ]);

    const before = countRows(store.db).action;
    const saved = call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: m, firstMinuteNumber: null, source: 'minutes.docx' }] });
    expect(countRows(store.db).action).toBe((before ?? 0) + 3);
    const log = call(services, 'actions.log', { bodyId });
    expect(log.map((a) => [a.number, a.text, a.owner, a.dueDate, a.status, a.itemTitle, a.minuteNumber, a.raisedOn, a.comments.map((c) => c.text)])).toEqual([
      [12, 'Obtain three quotations for replacing the swings', 'Clerk', '2023-04-30', 'Amber', 'Playground equipment', 2, '2023-03-14', ['Two suppliers contacted']],
      [13, 'Publish the annual parish meeting notice', 'Clerk', null, 'Green', 'Apologies for absence', 1, '2023-03-14', ['Due: before the May meeting']],
      // The row with no number takes the next after the printed ones.
      [14, 'Report broken footpath street lights to the county council', 'Cllr C. Dean', '2023-03-21', 'Complete', 'Footpath lighting', 3, '2023-03-14', ['Status: Completed']],
    ]);
    expect(log.every((a) => a.meetingId === saved.meetingIds[0])).toBe(true);

    // The next meeting: its open actions are the imported ones not complete, and a new action takes the next number.
    const next = call(services, 'meetings.create', { bodyId, date: '2023-04-11', startTime: '19:00', venue: 'Village Hall' });
    const open = call(services, 'actions.log', { bodyId, openOnly: true, beforeMeetingId: next.id });
    expect(open.map((a) => a.number)).toEqual([12, 13]);
    const item = call(services, 'agendaItems.create', { meetingId: next.id, title: 'Action log' });
    const withNew = call(services, 'actions.create', { meetingId: next.id, agendaItemId: item.at(-1)!.id, resolutionId: null, text: 'Order the swings', owner: 'Clerk', dueDate: null });
    expect(withNew.actions.at(-1)!.number).toBe(15);
  });

  it('the agenda pack’s action log (a table as text): rows raised at earlier meetings keep their date and sit on the action log minute', async () => {
    const { services } = createTempStore(temp);
    const bodyId = call(services, 'bodies.create', { name: 'Leicestershire Safer Communities Strategy Board', yearStartMonth: 5 }).id;
    const preview = await read(services, bodyId, { kind: 'text', text: readFileSync(join(PAST, '2022-12-09-agenda-pack.txt'), 'utf8') });
    const m = preview.meeting;
    expect(m.actions.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, null, 6, 7, 8, 9]);
    const logMinute = m.minutes.findIndex((x) => x.title === 'LSCSB Action Log');
    expect(m.actions[0]).toMatchObject({ raisedOn: '2020-06-26', owner: 'Rik Basra/Adam Slonecki', status: 'Amber', minute: logMinute });
    expect(m.actions[1]!.comments[0]).toMatch(/^A Site visit has been arranged for Wed 22 nd Dec/);
    expect(m.actions[5]).toMatchObject({ raisedOn: '2022-06-17', description: 'Prevent counter terrorism review and action plan – bring update to future meeting', status: 'Green' });
    // The last row has no status: the log's default, Amber.
    expect(m.actions[9]).toMatchObject({ number: 9, status: 'Amber', owner: 'Carly Turner' });
    expect(m.actions[8]!.comments).toContain('Status: Green Green');
    expect(m.warnings.join(' ')).toMatch(/5 of the 10 actions in the action log were raised at earlier meetings/);

    call(services, 'import.savePastMinutes', { bodyId, meetings: [{ meeting: m, firstMinuteNumber: 1, source: 'pasted text' }] });
    const log = call(services, 'actions.log', { bodyId });
    expect(log.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(log.find((a) => a.number === 1)!.raisedOn).toBe('2020-06-26');
    expect(log.find((a) => a.number === 10)!.raisedOn).toBe('2022-06-17');
  });
});
