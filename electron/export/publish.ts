/**
 * Publishing a meeting: one folder, named for the body and the date, holding
 * what goes on the council's website: the public minutes as Word, PDF and a
 * web page, the decision sheet and the action log. The exempt minutes are
 * written apart, in a sibling folder marked EXEMPT, and never into a public
 * file. Approved minutes only, unless the caller asks for a draft, which is
 * then marked DRAFT in every file and in the folder's name.
 *
 * The files are written into a temporary folder beside the target and
 * renamed into place at the end, so a failure (an unwritable folder, no PDF
 * maker, a full disk) leaves no partial folder behind.
 */
import { randomHex } from '../config/lazy-crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PublishedMeeting } from '../../shared/contract';
import { buildMinutes, type MinutesDocument } from '../../shared/minutes/document';
import type { HouseStyle } from '../../shared/minutes/house-style';
import { minutesToHtml, publishedFontSize } from '../../shared/minutes/html';
import { isDraftStatus, MINUTES_STATUS_LABELS, type MeetingRecord } from '../../shared/model';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import type { ReadContext } from '../services/context';
import { loadRecord } from '../services/meeting-record';
import type { TemplateKit } from '../import/word-template';
import { templateKitOf } from '../services/word-templates';
import type { ActionLogInput } from './action-log-docx';
import { actionLog, exemptParagraphsOf } from './documents';
import { makePdf, PdfUnavailableError, type PdfMakerName } from './pdf';
import { wordWriters } from './word-writers';

export interface PublishInput {
  meetingId: number;
  /** The folder the publication folder is made in. */
  folder: string;
  /** Publish minutes that are not approved yet, marked DRAFT. */
  draft: boolean;
}

/** The publication folder (public files only), the exempt minutes' own folder (or null), the file names in each, and what made the PDF. */
export type PublishResult = PublishedMeeting & { pdfMadeBy: PdfMakerName };

/** What one publication needs, read inside one transaction. */
export interface Publication {
  record: MeetingRecord;
  style: HouseStyle;
  minutes: MinutesDocument;
  exempt: MinutesDocument | null;
  exemptParagraphs: number[];
  actions: ActionLogInput;
  /** The council's Word template the house style names (frozen with approved minutes), or null. */
  template: TemplateKit | null;
}

const safe = (text: string) =>
  text
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);

/** "Wessex Safer Communities Board 2026-06-12", with " DRAFT" for a draft. */
export const publicationFolderName = (record: Pick<MeetingRecord, 'date'> & { body: { name: string } }, draft: boolean) =>
  `${safe(record.body.name)} ${record.date}${draft ? ' DRAFT' : ''}`;

export const EXEMPT_FOLDER_SUFFIX = ' EXEMPT - not for publication';

/** Published documents are read on screens and by screen readers: body text at 12 pt or more. */
export const publicationStyle = (style: HouseStyle): HouseStyle => ({ ...style, fontSize: publishedFontSize(style) });

/** Reads the meeting and refuses draft minutes unless asked (inside the call's read transaction). */
export function gatherPublication(ctx: ReadContext, input: Pick<PublishInput, 'meetingId' | 'draft'>): Publication {
  const record = loadRecord(ctx, input.meetingId);
  if (isDraftStatus(record.minutesStatus) && !input.draft) {
    throw new DomainError(
      'invalid_input',
      `The minutes of this meeting are not approved (they are “${MINUTES_STATUS_LABELS[record.minutesStatus]}”): approve them first, or publish them as a marked draft`,
    );
  }
  const style = publicationStyle(record.body.houseStyle);
  const hasExempt = record.items.some((i) => i.exempt);
  return {
    record,
    style,
    minutes: buildMinutes(record, { style }),
    exempt: hasExempt ? buildMinutes(record, { style, part: 'exempt' }) : null,
    exemptParagraphs: exemptParagraphsOf(record),
    actions: actionLog(ctx, record, { publicOnly: true }),
    template: templateKitOf(ctx, record.body.houseStyle),
  };
}

class PublishInputError extends Error {}

/** Makes a temporary folder beside the target: the real test that the folder can be written (root passes access checks). */
function claimTemporary(parent: string, name: string): string {
  const temporary = join(parent, `.${name}.${process.pid}.${randomHex(4)}.partial`);
  try {
    mkdirSync(temporary);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new PublishInputError(`The folder to publish into cannot be written to: ${parent} (${code})`);
  }
  return temporary;
}

/** Writes the publication; every file is made in memory first, then written and renamed into place. */
export async function writePublication(pub: Publication, folder: string): Promise<PublishResult> {
  const parent = resolve(folder);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new PublishInputError(`The folder to publish into does not exist: ${parent}`);
  const draft = pub.minutes.draft;
  const name = publicationFolderName(pub.record, draft);
  const target = join(parent, name);
  const exemptTarget = pub.exempt ? `${target}${EXEMPT_FOLDER_SUFFIX}` : null;
  for (const t of [target, exemptTarget]) {
    if (t && existsSync(t)) throw new PublishInputError(`${t} already exists: move it away or publish into another folder`);
  }
  const temporary = [claimTemporary(parent, name)];
  const renamed: string[] = [];
  try {
    if (exemptTarget) temporary.push(claimTemporary(parent, `${name}${EXEMPT_FOLDER_SUFFIX}`));
    const base = name;
    // Published Word files keep body text at 12 pt or more even when the council's template sets it smaller.
    const word = { template: pub.template, minBodySizePt: pub.style.fontSize };
    const { actionLogToDocx, decisionSheetToDocx, minutesToDocx, templateHeads } = await wordWriters();
    const minutesDocx = await minutesToDocx(pub.minutes, pub.style, word);
    // The template's logo heads the web page; its header and footer run on every page of the PDF printed from it.
    const html = minutesToHtml(pub.minutes, pub.style, { heads: await templateHeads(pub.template, pub.style.councilName) });
    const pdf = await makePdf({ docx: minutesDocx, html });
    const files: [string, Buffer | string][] = [
      [`${base} minutes.docx`, minutesDocx],
      [`${base} minutes.pdf`, pdf.bytes],
      [`${base} minutes.html`, html],
      [`${base} decision sheet.docx`, await decisionSheetToDocx(pub.minutes, pub.style, word)],
      [`${base} action log.docx`, await actionLogToDocx(pub.actions, pub.style, word)],
    ];
    const exemptFiles: [string, Buffer][] = pub.exempt
      ? [[`${base} exempt minutes.docx`, await minutesToDocx(pub.exempt, pub.style, { ...word, exemptParagraphs: pub.exemptParagraphs })]]
      : [];
    for (const [file, bytes] of files) writeFileSync(join(temporary[0]!, file), bytes);
    for (const [file, bytes] of exemptFiles) writeFileSync(join(temporary[1]!, file), bytes);
    renameSync(temporary[0]!, target);
    renamed.push(target);
    if (exemptTarget) {
      renameSync(temporary[1]!, exemptTarget);
      renamed.push(exemptTarget);
    }
    return {
      folder: target,
      exemptFolder: exemptTarget,
      files: files.map(([f]) => f),
      exemptFiles: exemptFiles.map(([f]) => f),
      draft,
      pdfMadeBy: pdf.madeBy,
    };
  } catch (error) {
    // All or nothing: a publication half there would be worse than none.
    for (const dir of [...temporary, ...renamed]) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The 'exports.publish' call: read in one transaction, then write the folder. */
export async function publishCall(
  input: PublishInput,
  read: <T>(work: (ctx: ReadContext) => T) => T,
  mapError: (error: unknown) => Result<never>,
): Promise<Result<PublishResult>> {
  let pub: Publication;
  try {
    pub = read((ctx) => gatherPublication(ctx, input));
  } catch (error) {
    return mapError(error);
  }
  try {
    return ok(await writePublication(pub, input.folder));
  } catch (error) {
    if (error instanceof PublishInputError) return fail('invalid_input', error.message);
    if (error instanceof PdfUnavailableError) return fail('unavailable', `Nothing was published: ${error.message}`);
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ENOSPC' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
      return fail('storage', `Nothing was published: the folder could not be written (${code})`);
    }
    return fail('internal', `Nothing was published: ${(error as Error)?.message ?? String(error)}`);
  }
}
