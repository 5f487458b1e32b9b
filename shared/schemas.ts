/**
 * zod schemas for every API input. The Node side validates with these before
 * anything touches the store.
 *
 * Each call's schema is built the first time it is used (`lazy`, then kept),
 * not when this module loads: building all of them cost a start (the browser
 * host printing its address, the export command) some 20 ms, and most runs
 * use a handful (shared/lazy-schema.ts).
 */
import { isBase64 } from './base64';
import { z } from 'zod';
import {
  AGENDA_ITEM_KINDS,
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  DECISION_LABELS,
  DECLARATION_ACTIONS,
  INTEREST_CATEGORIES,
  MEETING_MODES,
  MOVEMENT_KINDS,
  ENTRY_KINDS,
  ITEM_OUTCOMES,
  LETTER_STYLES,
  LIST_STYLES,
  RESOLUTION_STYLES,
  RESOLUTION_BRACKETS,
  NEXT_MEETING_FORMS,
  MOTION_KINDS,
  MOTION_OUTCOMES,
  OPENING_KINDS,
  VOTE_CHOICES,
  ACTION_STATUSES,
  MINUTES_STATUSES,
  CONFIRMATION_OUTCOMES,
  SENTENCE_KEY,
} from './model';
import { isValidIsoDate, isValidTime } from './format';
import { houseStyleInputSchema } from './minutes/house-style';
import { isMinuteNumberForm } from './rules/numbering';
import { lazy, once } from './lazy-schema';
import { describeSize, MAX_IMPORT_FILE_BASE64, MAX_IMPORT_FILE_BYTES, MAX_ITEMS, MAX_TEMPLATE_BASE64, MAX_TEMPLATE_BYTES, TEXT_CHARS } from './limits';

const id = z.int().positive().max(Number.MAX_SAFE_INTEGER);
const requiredText = (label: string, max: number = TEXT_CHARS.name) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
const optionalText = (label: string, max: number = TEXT_CHARS.line) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`);

export const isoDate = z
  .string()
  .refine(isValidIsoDate, 'Date must be a real date written YYYY-MM-DD');
export const time24 = z.string().refine(isValidTime, 'Time must be written HH:MM (24-hour)');

/** A form of minute numbers: a few characters with one number part ("{n}.", "21.{n}" is not one: "{yy}.{n}", "PC/{yy}/{nnn}"). */
const minuteNumberForm = z
  .string()
  .max(40, 'A form of minute numbers is at most 40 characters')
  .refine(isMinuteNumberForm, 'A form of minute numbers is an optional prefix of letters (“PC/”, “FC ”), then {n} (or {nnn} for 045) and any year parts ({yy}, {yyyy}, {yy+1}) joined by “.”, “/” or “-”: for example “{n}.”, “{yy}.{n}” or “PC/{yy}/{nnn}”');

export const bodyRulesFields = once(() => ({
  quorumMinVoting: z.int().min(0).max(200),
  quorumMinOrganisations: z.int().min(0).max(200),
  remoteCountsForQuorum: z.boolean(),
  yearStartMonth: z.int().min(1, 'Month must be 1-12').max(12, 'Month must be 1-12'),
  decisionLabel: z.enum(DECISION_LABELS),
}));

const bodyFields = once(() => ({
  name: requiredText('Body name'),
  kind: z.enum(BODY_KINDS),
  ...bodyRulesFields(),
  // The whole style each time (the settings screen sends it all): no field falls back to a default unseen.
  houseStyle: houseStyleInputSchema,
  /** The opening form new items of business take. */
  openingKind: z.enum(OPENING_KINDS),
  /** How its minute numbers are printed: "{n}." (44.), within the municipal year ("{yy}.{n}": 21.44), or with a prefix ("PC/{yy}/{nnn}": PC/23/045). */
  minuteNumberForm: minuteNumberForm,
}));

export const bodyCreate = lazy(() => z.strictObject({
  name: bodyFields().name,
  kind: bodyFields().kind.default('Committee'),
  quorumMinVoting: bodyFields().quorumMinVoting.default(3),
  quorumMinOrganisations: bodyFields().quorumMinOrganisations.default(0),
  remoteCountsForQuorum: bodyFields().remoteCountsForQuorum.default(true),
  yearStartMonth: bodyFields().yearStartMonth.default(5),
  decisionLabel: bodyFields().decisionLabel.default('RESOLVED'),
}));

const nonEmptyPatch = <T extends z.ZodRawShape>(shape: T) =>
  z
    .strictObject(shape)
    .partial()
    // A key whose value is undefined (possible over Electron IPC) changes nothing either.
    .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'Nothing to change');

/** The version of the row the caller's copy was read at: a save based on an older one is refused, so no window overwrites another's change unseen. */
const baseVersion = z.number().int().positive().optional();
/**
 * The values the caller's copy had for the fields it changes: a field changed
 * meanwhile by another window is refused (a conflict) rather than overwritten.
 * Fields not changed are not compared, so two windows changing different
 * fields of one record both keep theirs.
 */
const was = z.record(z.string().max(40), z.unknown()).optional();

export const bodyUpdate = lazy(() => z.strictObject({ baseVersion, was, bodyId: id, patch: nonEmptyPatch(bodyFields()) }));
export const bodyRef = lazy(() => z.strictObject({ bodyId: id }));
/** A Word template file sent as it was chosen; read (and refused, if need be) in the parsing worker. */
export const bodySetWordTemplate = lazy(() => z.strictObject({
  bodyId: id,
  /** The council's .docx or .dotx, or null to go back to the built-in house style. */
  template: z
    .strictObject({
      fileName: z
        .string()
        .trim()
        .min(1, 'The template’s file name is required')
        .max(TEXT_CHARS.name, `The template’s file name must be at most ${TEXT_CHARS.name} characters`)
        .regex(/\.(docx|dotx|dotm|docm)$/i, 'Choose a Word document or template: a .docx or .dotx file'),
      base64: z
        .string()
        .max(MAX_TEMPLATE_BASE64, `The Word template is too large: a template is at most ${describeSize(MAX_TEMPLATE_BYTES)}. Nothing was changed.`)
        .refine(isBase64, { message: 'The template must be sent as base64', abort: true }),
    })
    .nullable(),
}));

const memberFields = once(() => ({
  name: requiredText('Name'),
  role: optionalText('Role'),
  organisation: optionalText('Organisation'),
  email: z.union([z.literal(''), z.email('Email must be a valid address').max(TEXT_CHARS.email)]),
  voting: z.boolean(),
  substitutesFor: z.array(id).max(200),
}));
export const memberCreate = lazy(() => z.strictObject({
  bodyId: id,
  name: memberFields().name,
  role: memberFields().role.default(''),
  organisation: memberFields().organisation.default(''),
  email: memberFields().email.default(''),
  voting: memberFields().voting.default(true),
  substitutesFor: memberFields().substitutesFor.default([]),
}));
export const memberUpdate = lazy(() => z.strictObject({ baseVersion, was, memberId: id, patch: nonEmptyPatch(memberFields()) }));
export const memberRef = lazy(() => z.strictObject({ memberId: id }));
export const memberMove = lazy(() => z.strictObject({ memberId: id, toPosition: z.int().min(0).max(10_000) }));

const meetingFields = once(() => ({
  date: isoDate,
  startTime: time24,
  venue: requiredText('Venue'),
  mode: z.enum(MEETING_MODES),
  contactOfficer: optionalText('Contact officer', TEXT_CHARS.name),
  minuteNumberStart: z.int().min(1, 'The first minute number must be at least 1').max(100_000).nullable(),
  /** The date of the previous meeting when it is not in the app. */
  previousDate: isoDate.nullable(),
  /** The times the meeting started and closed, as corrected by the clerk (the clock gives them first). */
  startedAt: time24,
  closedAt: time24.nullable(),
  /**
   * Edited sentences of the meeting, by sentence: the text as typed ('' leaves it out), or null to put
   * the app's wording back. Only the sentences sent change.
   */
  wording: z
    .record(z.string().max(40), z.string().max(TEXT_CHARS.entry, `A sentence is at most ${TEXT_CHARS.entry} characters`).nullable())
    .superRefine((w, ctx) => {
      const keys = Object.keys(w);
      if (keys.length === 0 || keys.length > 200) ctx.addIssue({ code: 'custom', message: 'Name between 1 and 200 sentences to change' });
      for (const key of keys.filter((k) => !SENTENCE_KEY.test(k))) {
        ctx.addIssue({ code: 'custom', path: [key], message: `“${key}” is not a sentence: preamble, orderOfBusiness, closing, afterClose, exclusion:<item id>, movement:<id> or chair:<id>` });
      }
    }),
}));
export const meetingCreate = lazy(() => z.strictObject({
  bodyId: id,
  date: meetingFields().date,
  startTime: meetingFields().startTime,
  venue: meetingFields().venue,
  mode: meetingFields().mode.default('in_room'),
  contactOfficer: meetingFields().contactOfficer.default(''),
  minuteNumberStart: meetingFields().minuteNumberStart.default(null),
  /** Adds the pre-worded standard items (appointments at the first meeting of the municipal year). */
  standardItems: z.boolean().default(false),
}));
export const meetingUpdate = lazy(() => z.strictObject({ baseVersion, was, meetingId: id, patch: nonEmptyPatch(meetingFields()) }));
export const meetingRef = lazy(() => z.strictObject({ meetingId: id }));

const schedule12AParagraph = z.int().min(1, 'Schedule 12A paragraph must be 1-7').max(7, 'Schedule 12A paragraph must be 1-7');
const agendaItemFields = once(() => ({
  title: requiredText('Title', TEXT_CHARS.line),
  presenter: optionalText('Presenter', TEXT_CHARS.line),
  papers: optionalText('Papers', TEXT_CHARS.name),
  exempt: z.boolean(),
  exemptParagraph: schedule12AParagraph.nullable(),
  kind: z.enum(AGENDA_ITEM_KINDS),
  outcome: z.enum(ITEM_OUTCOMES),
  leftOut: z.boolean(),
  openingKind: z.enum(OPENING_KINDS),
  author: optionalText('Author or presenter', TEXT_CHARS.line),
  topic: optionalText('Topic', TEXT_CHARS.detail),
  detail: optionalText('Detail', TEXT_CHARS.detail),
  publicSummary: optionalText('Public summary', TEXT_CHARS.summary),
  pointsIntro: optionalText('Points introduction', TEXT_CHARS.line),
  pointsStyle: z.enum(LETTER_STYLES),
  decisionLabel: z.enum(DECISION_LABELS).nullable(),
  /** The standard wording as the clerk edited it; null puts the standard wording back. */
  standardText: optionalText('Standard wording', TEXT_CHARS.entry).nullable(),
  standardAt: z.int().min(0).max(10_000),
  /** The filed-document clause: null the standard one, '' none, else the document named. */
  filed: optionalText('Document filed', TEXT_CHARS.line).nullable(),
  nextForm: z.enum(NEXT_MEETING_FORMS),
  /** When the item was taken up, as corrected by the clerk. */
  takenAt: time24.nullable(),
}));
const exemptNeedsParagraph = (item: { exempt?: boolean; exemptParagraph?: number | null }) =>
  !(item.exempt === true && item.exemptParagraph === null);
const exemptMessage = {
  message: 'An exempt item must cite its Schedule 12A paragraph (1-7)',
  path: ['exemptParagraph'],
};
export const agendaItemCreate = lazy(() => z
  .strictObject({
    meetingId: id,
    title: agendaItemFields().title,
    presenter: agendaItemFields().presenter.default(''),
    papers: agendaItemFields().papers.default(''),
    exempt: agendaItemFields().exempt.default(false),
    exemptParagraph: agendaItemFields().exemptParagraph.default(null),
    /** Inferred from the title when omitted ("Declarations of interest" -> declarations). */
    kind: agendaItemFields().kind.optional(),
    /** 0-based place; appended at the end when omitted. */
    position: z.int().min(0).max(10_000).optional(),
  })
  .refine(exemptNeedsParagraph, exemptMessage));
export const agendaItemUpdate = lazy(() => z.strictObject({ baseVersion, was,
  itemId: id,
  patch: nonEmptyPatch(agendaItemFields()).refine(exemptNeedsParagraph, exemptMessage),
}));
/** Moves an item within the order of business (the order taken), not the agenda. */
export const agendaItemReorderBusiness = lazy(() => z.strictObject({ itemId: id, toPlace: z.int().min(0).max(10_000) }));
export const agendaItemRef = lazy(() => z.strictObject({ itemId: id }));
export const agendaItemMove = lazy(() => z.strictObject({ itemId: id, toPosition: z.int().min(0).max(10_000) }));

export const empty = lazy(() => z.strictObject({}));

/* ---------- Live meeting ---------- */

/** Optional clock override; the service stamps its own local time when omitted. */
const stampTime = time24.optional();

export const meetingStamp = lazy(() => z.strictObject({ meetingId: id, time: stampTime }));
export const meetingTakeItem = lazy(() => z.strictObject({ meetingId: id, itemId: id.nullable(), time: stampTime }));

export const attendanceSetMember = lazy(() => z.strictObject({
  meetingId: id,
  memberId: id,
  status: z.enum(ATTENDANCE_STATUSES).optional(),
  remote: z.boolean().optional(),
  /** The member this one stands in for, or null to clear. */
  substituteForMemberId: id.nullable().optional(),
}));

const otherCategory = z.enum(['officer', 'attendee', 'guest']);
export const attendanceAddPerson = lazy(() => z.strictObject({
  meetingId: id,
  category: otherCategory,
  name: requiredText('Name'),
  role: optionalText('Role').default(''),
  organisation: optionalText('Organisation').default(''),
  remote: z.boolean().default(false),
}));
export const attendanceUpdatePerson = lazy(() => z.strictObject({ baseVersion, was,
  attendanceId: id,
  patch: nonEmptyPatch({
    name: requiredText('Name'),
    role: optionalText('Role'),
    organisation: optionalText('Organisation'),
    remote: z.boolean(),
    category: otherCategory,
  }),
}));
export const attendanceRef = lazy(() => z.strictObject({ attendanceId: id }));
export const attendanceMovement = lazy(() => z.strictObject({
  attendanceId: id,
  kind: z.enum(MOVEMENT_KINDS),
  time: stampTime,
  /** The item being taken; defaults to the meeting's current item. */
  agendaItemId: id.nullable().optional(),
}));
export const movementRef = lazy(() => z.strictObject({ movementId: id }));
/** Corrects a recorded arrival or departure: its time (within the meeting's times) or the item it happened during. */
export const attendanceUpdateMovement = lazy(() => z.strictObject({
  was,
  movementId: id,
  patch: nonEmptyPatch({ time: time24, agendaItemId: id.nullable() }),
}));
export const attendanceSetChair = lazy(() => z.strictObject({
  attendanceId: id,
  /** From which item; defaults to the current item (null before any item is taken). */
  agendaItemId: id.nullable().optional(),
  time: stampTime,
}));

const declarationFields = once(() => ({
  attendanceId: id,
  agendaItemId: id.nullable(),
  category: z.enum(INTEREST_CATEGORIES).nullable(),
  nature: optionalText('Nature of the interest', TEXT_CHARS.detail),
  sensitive: z.boolean(),
  dispensation: optionalText('Dispensation', TEXT_CHARS.line),
  action: z.enum(DECLARATION_ACTIONS),
  leftAt: time24.nullable(),
  returnedAt: time24.nullable(),
  atItem: z.boolean(),
}));
export const declarationCreate = lazy(() => z.strictObject({
  meetingId: id,
  attendanceId: declarationFields().attendanceId,
  agendaItemId: declarationFields().agendaItemId.default(null),
  category: declarationFields().category.default(null),
  nature: declarationFields().nature.default(''),
  sensitive: declarationFields().sensitive.default(false),
  dispensation: declarationFields().dispensation.default(''),
  action: declarationFields().action.default('not_recorded'),
  leftAt: declarationFields().leftAt.default(null),
  returnedAt: declarationFields().returnedAt.default(null),
  atItem: declarationFields().atItem.default(false),
}));
export const declarationUpdate = lazy(() => z.strictObject({ baseVersion, was, declarationId: id, patch: nonEmptyPatch(declarationFields()) }));
export const declarationRef = lazy(() => z.strictObject({ declarationId: id }));

/* ---------- Minuting each item ---------- */

const entryText = (kind: string) =>
  z.string().trim().max(TEXT_CHARS.entry, `${kind} must be at most ${TEXT_CHARS.entry.toLocaleString('en-GB')} characters`);
/** A point's list style and introduction (a new list starts at a point with one), a resolution's label (a new decision). */
const entryShapeFields = once(() => ({
  style: z.enum(LIST_STYLES).nullable().optional(),
  intro: z.string().max(TEXT_CHARS.line, `Introduction must be at most ${TEXT_CHARS.line.toLocaleString('en-GB')} characters`).nullable().optional(),
  label: z.enum(DECISION_LABELS).nullable().optional(),
}));
export const entryCreate = lazy(() => z.strictObject({
  meetingId: id,
  agendaItemId: id,
  kind: z.enum(ENTRY_KINDS),
  text: entryText('Text').default(''),
  /** 0-based place among the item's blocks (its entries and motions); appended when omitted. */
  position: z.int().min(0).max(10_000).optional(),
  time: stampTime,
  ...entryShapeFields(),
}));
export const entryUpdate = lazy(() => z.strictObject({ baseVersion, was, entryId: id, patch: nonEmptyPatch({ text: entryText('Text'), ...entryShapeFields() }) }));
export const entryRef = lazy(() => z.strictObject({ entryId: id }));
export const entryMove = lazy(() => z.strictObject({ entryId: id, toPosition: z.int().min(0).max(10_000) }));
/** Puts back an entry that was deleted (undo): same item, kind, place, text and stamps. */
export const entryRestore = lazy(() => z.strictObject({
  meetingId: id,
  agendaItemId: id,
  kind: z.enum(ENTRY_KINDS),
  text: entryText('Text'),
  position: z.int().min(0).max(10_000),
  recordedAt: time24,
  inquorate: z.boolean(),
  ...entryShapeFields(),
}));

const voteCount = z.int('A vote count must be a whole number').min(0, 'A vote count cannot be negative').max(10_000).nullable();
const motionFields = once(() => ({
  kind: z.enum(MOTION_KINDS),
  text: entryText('Motion'),
  proposerId: id.nullable(),
  seconderId: id.nullable(),
  outcome: z.enum(MOTION_OUTCOMES),
  votesFor: voteCount,
  votesAgainst: voteCount,
  votesAbstained: voteCount,
  recorded: z.boolean(),
  names: z
    .array(z.strictObject({ attendanceId: id, choice: z.enum(VOTE_CHOICES) }))
    .max(500)
    .refine((names) => new Set(names.map((n) => n.attendanceId)).size === names.length, 'Each member can vote only once'),
}));
export const motionCreate = lazy(() => z.strictObject({
  meetingId: id,
  agendaItemId: id,
  kind: motionFields().kind.default('motion'),
  text: motionFields().text.default(''),
  proposerId: motionFields().proposerId.default(null),
  seconderId: motionFields().seconderId.default(null),
  outcome: motionFields().outcome.default('pending'),
  votesFor: motionFields().votesFor.default(null),
  votesAgainst: motionFields().votesAgainst.default(null),
  votesAbstained: motionFields().votesAbstained.default(null),
  recorded: motionFields().recorded.default(false),
  names: motionFields().names.default([]),
  time: stampTime,
}));
/** Moves a motion among the item's blocks (its entries and motions). */
export const motionMove = lazy(() => z.strictObject({ motionId: id, toPosition: z.int().min(0).max(10_000) }));
export const motionUpdate = lazy(() => z.strictObject({ baseVersion, was, motionId: id, patch: nonEmptyPatch(motionFields()) }));
export const motionRef = lazy(() => z.strictObject({ motionId: id }));

const actionFields = once(() => ({
  status: z.enum(ACTION_STATUSES),
  text: entryText('Action'),
  owner: optionalText('Responsible officer', TEXT_CHARS.officer),
  dueDate: isoDate.nullable(),
  resolutionId: id.nullable(),
}));
export const actionCreate = lazy(() => z.strictObject({
  meetingId: id,
  agendaItemId: id,
  text: actionFields().text.default(''),
  owner: actionFields().owner.default(''),
  dueDate: actionFields().dueDate.default(null),
  resolutionId: actionFields().resolutionId.default(null),
}));
export const actionUpdate = lazy(() => z.strictObject({ baseVersion, was, actionId: id, patch: nonEmptyPatch(actionFields()) }));
export const actionRef = lazy(() => z.strictObject({ actionId: id }));

const phraseFields = once(() => ({
  label: requiredText('Phrase name', TEXT_CHARS.phraseLabel),
  // Kept exactly as typed, spaces included: a phrase such as "That the " is meant to be typed on from.
  text: z
    .string()
    .max(TEXT_CHARS.phrase, `Phrase text must be at most ${TEXT_CHARS.phrase.toLocaleString('en-GB')} characters`)
    .refine((t) => t.trim() !== '', 'Phrase text is required'),
}));
export const phraseCreate = lazy(() => z.strictObject({ bodyId: id, ...phraseFields() }));
export const phraseUpdate = lazy(() => z.strictObject({ baseVersion, was, phraseId: id, patch: nonEmptyPatch(phraseFields()) }));
export const phraseRef = lazy(() => z.strictObject({ phraseId: id }));

export const actionComment = lazy(() => z.strictObject({
  actionId: id,
  text: z.string().trim().min(1, 'Comment is required').max(TEXT_CHARS.phrase, `Comment must be at most ${TEXT_CHARS.phrase.toLocaleString('en-GB')} characters`),
  /** Defaults to today. */
  date: isoDate.optional(),
}));
export const actionLog = lazy(() => z.strictObject({
  bodyId: id,
  /** Only actions not yet complete. */
  openOnly: z.boolean().default(false),
  /** Only actions raised at meetings before this one (the log as the next meeting sees it). */
  beforeMeetingId: id.optional(),
}));

export const minutesSetStatus = lazy(() => z
  .strictObject({
    meetingId: id,
    status: z.enum(MINUTES_STATUSES),
    /** Recorded with the version, e.g. the amendment made when confirming. */
    note: optionalText('Note', TEXT_CHARS.note).default(''),
    /** Approval: who approved (the chair's name), the date they did (typed: their email may be older than the click), and the evidence. */
    approval: z
      .strictObject({
        approver: requiredText('Approved by: the chair’s name'),
        approvedOn: isoDate,
        /** The chair's reply read into the record, or approval given in the meeting itself. */
        evidence: z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('reply'), replyId: id }), z.strictObject({ kind: z.literal('meeting') })]),
      })
      .optional(),
  })
  .refine((i) => i.status === 'approved' || !i.approval, { message: 'Only approval records who approved and on what evidence', path: ['approval'] }));
export const minutesBeginAmendment = lazy(() => z.strictObject({
  meetingId: id,
  reason: z
    .string()
    .trim()
    .min(3, 'Say why the approved minutes are being amended')
    .max(TEXT_CHARS.note, `Reason must be at most ${TEXT_CHARS.note.toLocaleString('en-GB')} characters`),
}));

/** Confirming the previous meeting's minutes at this meeting's "Minutes of the previous meeting" item. */
export const minutesConfirmPrevious = lazy(() => z
  .strictObject({
    itemId: id,
    outcome: z.enum(CONFIRMATION_OUTCOMES),
    /** The amendment agreed, as minuted after "subject to an amendment to …"; required when confirmed subject to one. */
    amendment: optionalText('The amendment', TEXT_CHARS.note).default(''),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === 'subject_to_amendment' && !value.amendment) {
      ctx.addIssue({ code: 'custom', path: ['amendment'], message: 'Say what the amendment is (“minute 21 to read …”) when the minutes are confirmed subject to one' });
    }
    if (value.outcome === 'correct_record' && value.amendment) {
      ctx.addIssue({ code: 'custom', path: ['amendment'], message: 'Minutes confirmed as a correct record have no amendment: choose “Confirmed subject to an amendment”' });
    }
  }));

export const searchMinutes = lazy(() => z
  .strictObject({
    query: z.string().trim().min(1, 'Type something to search for').max(TEXT_CHARS.name, `Search for at most ${TEXT_CHARS.name} characters`),
    bodyId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    includeExempt: z.boolean().default(false),
    limit: z.int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The start of the date range is after its end', path: ['to'] }));

/* ---------- Bringing the meeting in: agenda and Teams attendance report ---------- */

/** A file's bytes, base64 encoded; the size limit is checked again once decoded. */
const fileBytes = z
  .string()
  .max(MAX_IMPORT_FILE_BASE64, `The file is too large to import (the limit is ${describeSize(MAX_IMPORT_FILE_BYTES)})`)
  .refine(isBase64, { message: 'The file must be sent as base64', abort: true });
export const importReadAgenda = lazy(() => z.strictObject({
  meetingId: id,
  source: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('text'),
      text: z.string().max(TEXT_CHARS.pastedAgenda, `The pasted agenda is too long (at most ${TEXT_CHARS.pastedAgenda.toLocaleString('en-GB')} characters)`),
    }),
    z.strictObject({ kind: z.literal('docx'), base64: fileBytes }),
  ]),
}));
const importedItem = lazy(() => z
  .strictObject({
    title: requiredText('Title', TEXT_CHARS.line),
    presenter: optionalText('Presenter', TEXT_CHARS.line).default(''),
    papers: optionalText('Papers', TEXT_CHARS.name).default(''),
    exempt: z.boolean().default(false),
    exemptParagraph: schedule12AParagraph.nullable().default(null),
    kind: z.enum(AGENDA_ITEM_KINDS).optional(),
    /** The author as the clerk corrected it in the preview; left out, the minutes read it from the presenter line. */
    author: optionalText('Author or presenter', TEXT_CHARS.line).optional(),
    /** The opening sentence; left out, a business item's follows its presenter line (presentation, verbal update, report). */
    openingKind: z.enum(OPENING_KINDS).optional(),
  })
  .refine(exemptNeedsParagraph, exemptMessage));
export const importApplyAgenda = lazy(() => z.strictObject({
  meetingId: id,
  items: z
    .array(importedItem)
    .min(1, 'There are no items to add')
    .max(MAX_ITEMS.importedAgendaItems, `At most ${MAX_ITEMS.importedAgendaItems} items can be imported at once`),
  /** Ids of the meeting's standard items the agenda did not list, to delete in the same transaction. */
  removeUnlisted: z
    .array(id)
    .max(MAX_ITEMS.importedAgendaItems, `At most ${MAX_ITEMS.importedAgendaItems} items can be removed at once`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each item can be removed once only')
    .default([]),
}));
export const importReadTeams = lazy(() => z.strictObject({ meetingId: id, base64: fileBytes }));
/* ---------- A body's past minutes (issue 18): read (preview, nothing saved), then saved as confirmed ---------- */

export const importReadPastMinutes = lazy(() => z.strictObject({
  bodyId: id,
  source: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('text'),
      text: z.string().max(TEXT_CHARS.pastMinutes, `The pasted minutes are too long (at most ${TEXT_CHARS.pastMinutes.toLocaleString('en-GB')} characters)`),
    }),
    z.strictObject({ kind: z.literal('docx'), base64: fileBytes }),
  ]),
}));
const pastText = (label: string, max: number = TEXT_CHARS.entry) => z.string().max(max, `${label} must be at most ${max.toLocaleString('en-GB')} characters`);
const pastPerson = lazy(() => z.strictObject({
  name: requiredText('A name'),
  detail: optionalText('A role and organisation', TEXT_CHARS.detail),
  remote: z.boolean().optional(),
  substituteFor: optionalText('The member a substitute stood in for', TEXT_CHARS.name).nullable().optional(),
  as: z.enum(['member', 'officer', 'attendee', 'guest']).optional(),
  memberId: id.nullable().optional(),
}));
const pastDeclaration = lazy(() => z.strictObject({
  person: requiredText('The person declaring'),
  minute: z.int().min(0).max(MAX_ITEMS.pastMinutes).nullable(),
  nature: pastText('A declaration', TEXT_CHARS.detail),
  category: z.enum(['dpi', 'other_registrable', 'non_registrable']).nullable(),
  action: z.enum(['not_recorded', 'remained', 'left_no_part', 'did_not_vote']),
}));
const pastPeople = lazy(() => z.array(pastPerson).max(MAX_ITEMS.pastPeople, `At most ${MAX_ITEMS.pastPeople} people in one list`));
const pastBlock = lazy(() => z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: pastText('A paragraph'), declaration: pastDeclaration.optional() }),
  z.strictObject({
    type: z.literal('points'),
    style: z.enum(LIST_STYLES),
    start: z.int().min(0).max(999),
    intro: pastText('A list’s introduction', TEXT_CHARS.detail).nullable(),
    items: z.array(pastText('A point')).min(1, 'A list has at least one point').max(MAX_ITEMS.pastBlocks),
  }),
  z.strictObject({
    type: z.literal('decision'),
    label: z.enum(DECISION_LABELS),
    resolutions: z.array(pastText('A resolution')).max(MAX_ITEMS.pastBlocks),
    intro: pastText('A decision’s label line', TEXT_CHARS.detail).nullable().optional(),
    style: z.enum(RESOLUTION_STYLES, { error: 'A decision’s resolutions are lettered (alpha), roman or numbered' }).optional(),
    bracket: z.enum(RESOLUTION_BRACKETS, { error: 'A decision’s markers are bracketed both sides (both) or closing only (close)' }).optional(),
    /** Printed on one line with its label ("RESOLVED – That …"): its only resolution prints so again. */
    runOn: z.boolean().optional(),
  }),
]));
const pastMinute = lazy(() => z.strictObject({
  number: z.int().min(1).max(9999).nullable(),
  /** Printed with no number ("Chair's announcements" before "1. Apologies"): it takes none. */
  unnumbered: z.boolean().optional(),
  title: requiredText('Each minute’s title', TEXT_CHARS.line),
  blocks: z.array(pastBlock).max(MAX_ITEMS.pastBlocks, `At most ${MAX_ITEMS.pastBlocks} blocks in one minute`),
  agendaRef: z.int().min(1).max(999).nullable().optional(),
  exempt: z.int().min(1, 'An exempt minute cites paragraph 1 to 7 of Schedule 12A').max(7, 'An exempt minute cites paragraph 1 to 7 of Schedule 12A').nullable().optional(),
}));
export const pastMeeting = lazy(() => z.strictObject({
  bodyName: requiredText('The body’s name as the minutes print it'),
  date: isoDate,
  startTime: time24.nullable(),
  venue: optionalText('Venue', TEXT_CHARS.name),
  mode: z.enum(['in_room', 'teams', 'hybrid']),
  attendance: z.strictObject({
    chair: pastPerson.nullable(),
    present: pastPeople,
    officers: pastPeople,
    others: pastPeople,
    apologies: pastPeople,
    substitutes: pastPeople,
    absent: pastPeople.default([]),
  }),
  minutes: z.array(pastMinute).min(1, 'A meeting has at least one minute').max(MAX_ITEMS.pastMinutes, `At most ${MAX_ITEMS.pastMinutes} minutes in one meeting`),
  closedAt: time24.nullable(),
  closingLine: pastText('The closing line', TEXT_CHARS.detail).optional(),
  preamble: z
    .array(pastText('Words before the first minute'))
    .max(MAX_ITEMS.pastBlocks, `At most ${MAX_ITEMS.pastBlocks} paragraphs before the first minute`)
    .refine((p) => p.join('\n\n').length <= TEXT_CHARS.entry, `The words before the first minute are at most ${TEXT_CHARS.entry.toLocaleString('en-GB')} characters`)
    .optional(),
  afterClose: z
    .array(pastText('Words after the closing line'))
    .max(MAX_ITEMS.pastBlocks, `At most ${MAX_ITEMS.pastBlocks} lines after the closing line`)
    .refine((p) => p.join('\n\n').length <= TEXT_CHARS.entry, `The words after the closing line are at most ${TEXT_CHARS.entry.toLocaleString('en-GB')} characters`)
    .optional(),
  actions: z
    .array(
      z.strictObject({
        number: z.int().min(1).max(99999).nullable(),
        raisedOn: isoDate.nullable(),
        description: requiredText('An action’s description', TEXT_CHARS.entry),
        owner: optionalText('An action’s owner', TEXT_CHARS.officer),
        dueDate: isoDate.nullable(),
        status: z.enum(ACTION_STATUSES),
        comments: z.array(pastText('An action’s comment')).max(50, 'At most 50 comments on one action'),
        minute: z.int().min(0).max(MAX_ITEMS.pastMinutes),
      }),
    )
    .max(MAX_ITEMS.pastActions, `At most ${MAX_ITEMS.pastActions} actions with one meeting`)
    .default([]),
  form: z.enum(['printed', 'web']),
  numberForm: minuteNumberForm.optional(),
  numberYear: z.string().regex(/^\d{2}(\d{2})?$/, 'The year of the minute numbers is two or four digits').optional(),
  warnings: z.array(z.string().max(TEXT_CHARS.detail)).max(500),
}));
/** Every text of the meetings, to bound the call as a whole. */
function pastStrings(meetings: z.infer<typeof pastMeeting>[]): string[] {
  const out: string[] = [];
  for (const m of meetings) {
    const a = m.attendance;
    out.push(m.bodyName, m.venue, ...m.warnings);
    for (const p of [a.chair, ...a.present, ...a.officers, ...a.others, ...a.apologies, ...a.substitutes, ...a.absent]) if (p) out.push(p.name, p.detail);
    for (const minute of m.minutes) {
      out.push(minute.title);
      for (const b of minute.blocks) out.push(...(b.type === 'paragraph' ? [b.text] : b.type === 'points' ? [b.intro ?? '', ...b.items] : b.resolutions));
    }
    for (const a of m.actions) out.push(a.description, a.owner, ...a.comments);
  }
  return out;
}
export const importSavePastMinutes = lazy(() => z
  .strictObject({
    bodyId: id,
    meetings: z
      .array(
        z.strictObject({
          meeting: pastMeeting,
          /** The number of the first minute, where the source printed none (a web page); otherwise the numbers read are kept. */
          firstMinuteNumber: z.int().min(1).max(9999).nullable().default(null),
          /** Where it came from: a file's name, or "pasted text". */
          source: requiredText('The source', TEXT_CHARS.name),
        }),
      )
      .min(1, 'There are no meetings to save')
      .max(MAX_ITEMS.pastMeetings, `At most ${MAX_ITEMS.pastMeetings} meetings can be imported at once`),
  })
  .refine((i) => {
    const texts = pastStrings(i.meetings.map((m) => m.meeting));
    return texts.length <= MAX_ITEMS.pastStrings && texts.reduce((n, t) => n + t.length, 0) <= TEXT_CHARS.pastMinutes;
  }, `The past minutes are too long to save at once (at most ${TEXT_CHARS.pastMinutes.toLocaleString('en-GB')} characters in all): save fewer meetings at a time`)
  .refine((i) => new Set(i.meetings.map((m) => `${m.meeting.date}`)).size === i.meetings.length, 'Two of the meetings have the same date: each past meeting is imported once')
  .refine((i) => i.meetings.every((m) => m.meeting.actions.every((a) => a.minute < m.meeting.minutes.length)), 'An action is placed on a minute the meeting does not have'));

const teamsRow = lazy(() => z.strictObject({
  name: requiredText('Name'),
  /** The member of the body this row is confirmed as, or null. */
  memberId: id.nullable(),
  /** For someone who is not a member: add them as an officer, other attendee or guest (or null to leave them out). */
  addAs: z.enum(['officer', 'attendee', 'guest']).nullable(),
  remote: z.boolean(),
  firstJoin: time24.nullable(),
  lastLeave: time24.nullable(),
}));
export const importApplyTeams = lazy(() => z
  .strictObject({ meetingId: id, rows: z.array(teamsRow).min(1, 'No attendees were confirmed').max(MAX_ITEMS.teamsRows) })
  .refine((x) => new Set(x.rows.filter((r) => r.memberId !== null).map((r) => r.memberId)).size === x.rows.filter((r) => r.memberId !== null).length, {
    message: 'Each member can be confirmed for one row only',
    path: ['rows'],
  }));

export const settingsUpdate = lazy(() => z.strictObject({
  patch: nonEmptyPatch({
    backupKeep: z.int('Backups to keep must be a whole number').min(1, 'Keep at least 1 backup').max(500, 'Keep at most 500 backups'),
    /** An absolute folder path, or null for none; checked to exist and be writable when set. */
    secondBackupFolder: z
      .string()
      .trim()
      .min(1, 'Give the folder, or clear it')
      .max(1000, 'The folder path must be at most 1,000 characters')
      .refine((path) => /^([A-Za-z]:[\\/]|\\\\|\/)/.test(path), 'The second backup folder must be a full path (starting with / or a drive letter)')
      .nullable(),
  }),
}));
/** A backup by its file name, as listed: never a path. */
const backupName = z.string().regex(/^[\w.-]{1,200}\.sqlite$/, 'Choose one of the listed backups');
export const backupRef = lazy(() => z.strictObject({ name: backupName }));
export const backupRestore = lazy(() => z.strictObject({
  name: backupName,
  /** Restoring a backup that would undo approvals or amendments needs this, after the clerk has seen them listed. */
  acceptUndone: z.boolean().default(false),
}));

export const alwaysOnTop = lazy(() => z.strictObject({ on: z.boolean() }));

export const EXPORT_DOCUMENTS = ['minutes', 'exempt', 'decisions', 'actions'] as const;
export const exportBuild = lazy(() => z.strictObject({ meetingId: id, document: z.enum(EXPORT_DOCUMENTS) }));
/** Publish into a folder on this computer; draft minutes only when asked, and then marked DRAFT. */
export const exportPublish = lazy(() => z.strictObject({
  meetingId: id,
  folder: z.string().trim().min(1, 'Folder is required: the folder to publish into').max(4096, 'Folder path is too long'),
  draft: z.boolean().default(false),
}));

/** One readable sentence for the first problem zod found. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid input';
  const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/* ---------- The chair's round trip ---------- */

/** Send a review copy to the chair: the name and address it goes to (from the body's members, or typed). */
export const reviewSend = lazy(() => z.strictObject({
  meetingId: id,
  chairName: requiredText('The chair’s name'),
  chairEmail: memberFields().email.default(''),
}));
/** The chair's returned .docx, read and placed against the copy sent; nothing is saved. */
export const reviewReadReply = lazy(() => z.strictObject({
  meetingId: id,
  fileName: requiredText('File name', TEXT_CHARS.line),
  base64: fileBytes,
}));
/** The chair's corrections the clerk accepted, applied to the record; the reply file is kept as evidence. */
export const reviewApply = lazy(() => z.strictObject({
  meetingId: id,
  sendId: id,
  fileName: requiredText('File name', TEXT_CHARS.line),
  base64: fileBytes,
  replyDate: isoDate,
  accepted: z.int().min(0).max(100_000),
  rejected: z.int().min(0).max(100_000),
  /** Each block changed, by its key in the review copy (e12, i5, open5), with its words as printed after the accepted changes. */
  blocks: z
    .array(
      z.strictObject({
        key: z
          .string()
          .regex(
            /^((e|i|open)\d{1,15}|std\d{1,15}_\d{1,4}|s[pocfxmh]\d{1,15}_\d{1,4})$/,
            'Block key must name an entry (e12), a minute heading (i5), an item’s standard wording (open5) or one of its paragraphs (std5_0), or one of the meeting’s own sentences (so0_0)',
          ),
        text: optionalText('Corrected words', TEXT_CHARS.entry),
      }),
    )
    .max(10_000),
}));
/** A reply kept as evidence. */
export const reviewReplyRef = lazy(() => z.strictObject({ meetingId: id, replyId: id }));
