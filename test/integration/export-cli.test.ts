/**
 * The command-line export (scripts/export.ts): the demo meeting and a real
 * data folder exported to Word and read back with mammoth; every bad input
 * refused with one clear line, exit code 2 and no file left behind; and the
 * real command spawned once.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { DEMO_BODY_NAME } from '../../electron/demo/demo-meeting';
import { createServices } from '../../electron/services';
import { DATABASE_FILE_NAME } from '../../electron/config/data-dir';
import { openStore } from '../../electron/store/open-store';
import { runExportCli } from '../../scripts/export';
import { call } from '../helpers/api';
import { officeText } from '../helpers/office-text';
import { FIXED_NOW } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

const CONFIDENTIAL = 'That the contract for the Youth Diversion Service be awarded to Brightpath Youth Trust';
const EXCLUSION =
  'That under Section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A of the Act.';

/** The text of a written .docx, one paragraph a line. */
async function docxText(file: string): Promise<string> {
  const { value } = await mammoth.extractRawText({ path: file });
  return value.replace(/\n{2,}/g, '\n');
}

/** A data folder holding a closed database with the demo meeting in it. */
function demoDataFolder(): { dataDir: string; meetingId: number; bodyId: number } {
  const dataDir = temp.makeDir('meeting-clerk-data-');
  const store = openStore(join(dataDir, DATABASE_FILE_NAME));
  try {
    const made = createServices(store, { now: () => FIXED_NOW }).dispatch('demo.load', {});
    if (!made.ok) throw new Error(made.error.message);
    return { dataDir, ...(made.value as { bodyId: number; meetingId: number }) };
  } finally {
    store.close();
  }
}

describe('npm run export -- --demo', () => {
  it('writes the demo minutes as the reference minutes read, with the exempt business left out', async () => {
    const out = join(temp.makeDir(), 'demo.docx');
    const result = await runExportCli(['--demo', '--out', out]);
    expect(result.code, result.message).toBe(0);
    expect(result.message).toMatch(
      new RegExp(`^Wrote ${out.replace(/[.\\]/g, '\\$&')} \\(\\d+ KB\\): minutes of ${DEMO_BODY_NAME} on Friday, 12 June 2026$`),
    );
    const text = await docxText(out);
    const lines = text.split('\n');

    expect(text).toContain(
      'Minutes of a meeting of the Wessex Safer Communities Board held at County Hall, Kingsbridge and via Microsoft Teams on Friday, 12 June 2026.',
    );
    expect(lines).toContain('PRESENT');
    expect(text).toContain('Mrs D. Thornbury CC (in the Chair)');
    expect(text).toContain('(substitute for Mr K. Ashdown)');
    expect(text).toContain('(attended remotely)');
    expect(lines).toContain('Apologies for absence');
    expect(text).toContain('Supt. R. Ellery arrived at 10.25 am during consideration of this item.');
    expect(text).toContain('Cllr. A. Pearce declared an Other Registrable Interest in agenda item 10 (Community Safety Grant Allocation 2026/27)');

    // Minutes numbered in the order taken, each citing its agenda number.
    expect(lines).toContain('8.\tChange to the Order of Business');
    expect(text).toContain('The Chairman sought and obtained the consent of the Board to vary the order of business');
    expect(lines).toContain('9.\tDomestic Abuse Support Services');
    expect(text).toContain("marked 'Agenda Item 9', is filed with these minutes.");
    expect(lines).toContain('10.\tSerious Violence Duty: Strategic Needs Assessment 2026');
    expect(text).toContain("marked 'Agenda Item 8', is filed with these minutes.");
    expect(text.indexOf('9.\tDomestic Abuse')).toBeLessThan(text.indexOf('10.\tSerious Violence'));

    // Points, the decision label and lettered resolutions (Word numbers the points: LibreOffice shows the markers).
    expect(text).toContain('Arising from the presentation the following points were noted:');
    const seen = officeText(out);
    expect(seen).toMatch(/\(i\)\tReferrals to the Domestic Abuse Support Service/);
    expect(seen).toMatch(/\(iv\)\tMembers asked that each district council/);
    expect(lines).toContain('RESOLVED:');
    expect(seen.split('\n')).toContain('(a)\tThat the contents of the report be noted;');
    expect(seen.split('\n')).toContain('(c)\tThat the district-level data be circulated to the district councils after the meeting.');

    // The recorded vote, by name.
    expect(text).toContain('A recorded vote having been requested, the voting was as follows:');
    expect(lines).toContain('For the motion: Mrs D. Thornbury CC, Cllr. L. Hart, Mr. T. Varley CC, Supt. R. Ellery and Dr P. Nandra (5).');
    expect(lines).toContain('Against the motion: Cllr. M. Okafor (1).');
    expect(lines).toContain('Abstained: Ms C. Lowe (1).');
    expect(text).toContain('The motion was put to the vote and was CARRIED (5 for, 1 against, 1 abstention).');

    // Exempt business: the exclusion resolution and a fair summary only.
    expect(lines).toContain('13.\tExclusion of the Press and Public');
    expect(lines).toContain(EXCLUSION);
    expect(text).toContain('This item was considered in private (exempt information under paragraph 3 of Schedule 12A');
    expect(text).not.toContain(CONFIDENTIAL);
    expect(text).not.toContain('Brightpath');
    expect(text).not.toContain('£412,000');

    expect(text).toContain('It was NOTED that the next meeting of the Board would be held on Friday, 25 September 2026 at 10.00 am.');
    expect(lines).toContain('The meeting closed at 12.10 pm.');
    expect(readdirSync(join(out, '..'))).toEqual(['demo.docx']);
  }, 60_000);

  it('writes the exempt minutes, the decision sheet and the action log', async () => {
    const dir = temp.makeDir();
    const exempt = await runExportCli(['--demo', '--out', join(dir, 'exempt.docx'), '--document', 'exempt']);
    expect(exempt.code, exempt.message).toBe(0);
    expect(exempt.message).toContain('exempt minutes of Wessex Safer Communities Board on Friday, 12 June 2026');
    const exemptText = await docxText(join(dir, 'exempt.docx'));
    expect(officeText(join(dir, 'exempt.docx'))).toContain(`(a)\t${CONFIDENTIAL} for three years from 1 October 2026 at a total cost of £412,000;`);
    expect(exemptText).toContain('NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972');
    expect(exemptText).toContain('14.\tYouth Diversion Service: Contract Award');
    expect(exemptText).not.toContain('PRESENT');
    expect(exemptText).not.toContain('Domestic Abuse Support Services');

    const decisions = await runExportCli(['--demo', '--out', join(dir, 'decisions.docx'), '--document=decisions']);
    expect(decisions.code, decisions.message).toBe(0);
    const decisionText = await docxText(join(dir, 'decisions.docx'));
    expect(decisionText).toContain('That the Strategic Needs Assessment be endorsed;');
    expect(decisionText).not.toContain('Brightpath');

    const actions = await runExportCli(['--demo', '--out', join(dir, 'actions.docx'), '--document', 'actions']);
    expect(actions.code, actions.message).toBe(0);
    expect(actions.message).toContain('action log of Wessex Safer Communities Board');
    const actionText = await docxText(join(dir, 'actions.docx'));
    expect(actionText).toContain('Circulate the district-level serious violence data to each district council');
    expect(actionText).toContain('Report on the Prevent review action plan to the September meeting');
    expect(actionText).toContain('Circulate the revised Anti-Social Behaviour Case Review policy to all partners');
    expect(readdirSync(dir).sort()).toEqual(['actions.docx', 'decisions.docx', 'exempt.docx']);
  }, 60_000);

  it('replaces an existing file whole', async () => {
    const out = join(temp.makeDir(), 'minutes.docx');
    writeFileSync(out, 'old contents');
    const result = await runExportCli(['--demo', '--out', out]);
    expect(result.code, result.message).toBe(0);
    expect(await docxText(out)).toContain('PRESENT');
  });
});

describe('npm run export -- --data <folder> --meeting <id>', () => {
  it('exports a meeting from a real data folder, and leaves the database as it was', async () => {
    const { dataDir, meetingId } = demoDataFolder();
    const out = join(temp.makeDir(), 'from-data.docx');
    const result = await runExportCli(['--data', dataDir, '--meeting', String(meetingId), '--out', out]);
    expect(result.code, result.message).toBe(0);
    expect(result.message).toContain(': minutes of Wessex Safer Communities Board on Friday, 12 June 2026');
    const text = await docxText(out);
    expect(text).toContain('Minutes of a meeting of the Wessex Safer Communities Board');
    expect(text).toContain('RESOLVED:');
    expect(text).not.toContain('Brightpath');

    // The meeting is still there to open in the app.
    const store = openStore(join(dataDir, DATABASE_FILE_NAME));
    try {
      const record = call(createServices(store), 'meetings.get', { meetingId });
      expect(record.closedAt).toBe('12:10');
    } finally {
      store.close();
    }
  });

  it('exports the exempt minutes from a data folder, and refuses them for a meeting with no exempt items', async () => {
    const { dataDir, meetingId, bodyId } = demoDataFolder();
    const dir = temp.makeDir();
    const exempt = await runExportCli(['--data', dataDir, '--meeting', String(meetingId), '--out', join(dir, 'exempt.docx'), '--document', 'exempt']);
    expect(exempt.code, exempt.message).toBe(0);
    expect(await docxText(join(dir, 'exempt.docx'))).toContain(CONFIDENTIAL);

    // The September meeting has no items at all, so none exempt.
    const store = openStore(join(dataDir, DATABASE_FILE_NAME));
    let september: number;
    try {
      september = call(createServices(store), 'meetings.list', { bodyId }).find((m) => m.date === '2026-09-25')!.id;
    } finally {
      store.close();
    }
    const out = join(dir, 'none.docx');
    const refused = await runExportCli(['--data', dataDir, '--meeting', String(september), '--out', out, '--document', 'exempt']);
    expect(refused).toEqual({ code: 2, message: 'This meeting has no exempt items, so there are no exempt minutes' });
    expect(existsSync(out)).toBe(false);
  });
});

describe('bad input: one clear line, exit code 2, nothing written', () => {
  /** Runs the command, expects code 2 with a message matching, and no file in the output folder afterwards. */
  async function refused(argv: string[], message: RegExp | string, outDir: string): Promise<void> {
    const before = existsSync(outDir) ? readdirSync(outDir).sort() : [];
    const result = await runExportCli(argv);
    expect(result.code, result.message).toBe(2);
    if (typeof message === 'string') expect(result.message).toBe(message);
    else expect(result.message).toMatch(message);
    expect(result.message).not.toContain('\n');
    if (existsSync(outDir)) expect(readdirSync(outDir).sort()).toEqual(before);
  }

  it('refuses unknown flags, a missing --out, a bad meeting id, a bad --out and an unknown document', async () => {
    const dir = temp.makeDir();
    const out = join(dir, 'minutes.docx');
    await refused(['--demo', '--out', out, '--verbose'], /^Unknown option --verbose \(known: .*--data.*--demo/, dir);
    await refused(['--demo', out], `Unexpected argument "${out}"`, dir);
    await refused(['--demo'], '--out <file.docx> is required', dir);
    await refused(['--meeting', '3'], '--out <file.docx> is required', dir);
    await refused(['--data', dir, '--out', out], '--meeting <id> is required (or --demo for the demo meeting)', dir);
    await refused(['--demo', '--meeting', '1', '--out', out], '--demo builds its own meeting: leave out --data and --meeting', dir);
    for (const bad of ['0', '-1', '1.5', 'abc', '007', '99999999999999999999']) {
      await refused(['--data', dir, '--meeting', bad, '--out', out], `--meeting must be a meeting id (a whole number from 1), not "${bad}"`, dir);
    }
    await refused(['--data', dir, '--meeting', '--out', out], '--meeting needs a value', dir);
    await refused(['--demo', '--out', join(dir, 'minutes.pdf')], `--out must name a .docx file, not "${join(dir, 'minutes.pdf')}"`, dir);
    await refused(['--demo', '--out', join(dir, 'minutes')], /^--out must name a \.docx file/, dir);
    await refused(['--demo', '--out', join(dir, 'missing', 'minutes.docx')], `The folder for --out does not exist: ${join(dir, 'missing')}`, dir);
    mkdirSync(join(dir, 'folder.docx'));
    await refused(['--demo', '--out', join(dir, 'folder.docx')], `--out ${join(dir, 'folder.docx')} is a folder; give the path of a .docx file`, dir);
    await refused(['--demo', '--out', out, '--document', 'agenda'], '--document must be one of minutes, exempt, decisions, actions, not "agenda"', dir);
    expect(existsSync(out)).toBe(false);
  });

  // root ignores file permissions, so this case runs only where they apply; the next one runs as any user.
  it.skipIf(process.getuid?.() === 0)('refuses an --out folder that cannot be written to', async () => {
    const dir = temp.makeDir();
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    temp.onCleanup(() => chmodSync(locked, 0o755));
    await refused(['--demo', '--out', join(locked, 'minutes.docx')], new RegExp(`^The folder for --out cannot be written to: ${locked} \\(E[A-Z]+\\)$`), locked);
  });

  it('refuses an --out folder that cannot be written to (a read-only file system path, checked as any user)', async () => {
    // /proc is never writable, even by root.
    await refused(['--demo', '--out', '/proc/minutes.docx'], /^The folder for --out cannot be written to: \/proc \(E[A-Z]+\)$/, '/proc/none');
    expect(existsSync('/proc/minutes.docx')).toBe(false);
  });

  it('refuses a data folder with no database, and does not create one', async () => {
    const dataDir = temp.makeDir('meeting-clerk-empty-');
    const outDir = temp.makeDir();
    await refused(
      ['--data', dataDir, '--meeting', '1', '--out', join(outDir, 'minutes.docx')],
      `There is no Meeting Clerk database in ${dataDir} (looked for ${DATABASE_FILE_NAME}); nothing was exported`,
      outDir,
    );
    expect(readdirSync(dataDir)).toEqual([]);
    const missing = join(dataDir, 'not-there');
    await refused(['--data', missing, '--meeting', '1', '--out', join(outDir, 'minutes.docx')], /^There is no Meeting Clerk database in /, outDir);
    expect(existsSync(missing)).toBe(false);
  });

  it("refuses a database that is not Meeting Clerk's, and leaves it untouched", async () => {
    const outDir = temp.makeDir();
    const out = join(outDir, 'minutes.docx');

    const textDir = temp.makeDir();
    writeFileSync(join(textDir, DATABASE_FILE_NAME), 'these are not the minutes you are looking for');
    await refused(['--data', textDir, '--meeting', '1', '--out', out], /is not a Meeting Clerk database \(it is not an SQLite file\)/, outDir);

    const foreignDir = temp.makeDir();
    const foreignFile = join(foreignDir, DATABASE_FILE_NAME);
    const foreign = new Database(foreignFile);
    foreign.exec('CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)');
    foreign.close();
    const size = statSync(foreignFile).size;
    await refused(['--data', foreignDir, '--meeting', '1', '--out', out], /is an SQLite database of another application, not Meeting Clerk/, outDir);
    expect(statSync(foreignFile).size).toBe(size);

    const emptyDir = temp.makeDir();
    writeFileSync(join(emptyDir, DATABASE_FILE_NAME), '');
    await refused(['--data', emptyDir, '--meeting', '1', '--out', out], /is not a Meeting Clerk database; nothing was exported$/, outDir);
    expect(statSync(join(emptyDir, DATABASE_FILE_NAME)).size).toBe(0);
  });

  it('refuses a meeting that does not exist', async () => {
    const { dataDir } = demoDataFolder();
    const outDir = temp.makeDir();
    await refused(['--data', dataDir, '--meeting', '999', '--out', join(outDir, 'minutes.docx')], 'Meeting 999 does not exist', outDir);
  });
});

describe('the real command', () => {
  const repo = join(import.meta.dirname, '..', '..');
  const bundle = join(repo, 'dist-cli', 'export.cjs');
  const exportCommand = (args: string[]) =>
    spawnSync(process.execPath, ['scripts/export-cli.mjs', ...args], { cwd: repo, encoding: 'utf8', timeout: 55_000 });

  it('`npm run export` runs the bundled command, rebuilt when stale, prints one line and writes the demo minutes', { timeout: 60_000 }, async () => {
    const dir = temp.makeDir();
    const out = join(dir, 'demo.docx');
    // A bundle older than its sources (as after an edit) is rebuilt before it runs.
    if (existsSync(bundle)) utimesSync(bundle, new Date(0), new Date(0));
    const ran = exportCommand(['--demo', '--out', out]);
    expect(ran.status, ran.stderr).toBe(0);
    expect(statSync(bundle).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    expect(existsSync(`${bundle}.v8cache`)).toBe(true);
    expect(ran.stdout.trim().split('\n')).toHaveLength(1);
    expect(ran.stdout).toMatch(/^Wrote .*demo\.docx \(\d+ KB\): minutes of Wessex Safer Communities Board on Friday, 12 June 2026\n$/);
    expect(statSync(out).size).toBeGreaterThan(5_000);
    expect(readdirSync(dir)).toEqual(['demo.docx']);

    // Again, now from V8's cached code: the same minutes (the file's own timestamps differ).
    const again = exportCommand(['--demo', '--out', join(dir, 'again.docx')]);
    expect(again.status, again.stderr).toBe(0);
    const words = async (file: string) => (await mammoth.extractRawText({ path: file })).value;
    expect(await words(join(dir, 'again.docx'))).toBe(await words(out));
    expect(await words(out)).toContain('Wessex Safer Communities Board');

    const bad = exportCommand(['--demo', '--out', join(dir, 'x.pdf')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('meeting-clerk export: --out must name a .docx file');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('runs from source under tsx too, as the tests and the bench do', { timeout: 60_000 }, () => {
    const dir = temp.makeDir();
    const ran = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/export.ts', '--demo', '--out', join(dir, 'demo.docx')], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 55_000,
    });
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/^Wrote .*demo\.docx/);
  });
});
