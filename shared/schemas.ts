/**
 * zod schemas for every API input. The Node side validates with these before
 * anything touches the store; the renderer reuses them for inline hints.
 */
import { z } from 'zod';
import { BODY_KINDS, DECISION_LABELS, MEETING_MODES } from './model';
import { isValidIsoDate, isValidTime } from './format';

const id = z.int().positive().max(Number.MAX_SAFE_INTEGER);
const requiredText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
const optionalText = (label: string, max = 500) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`);

export const isoDate = z
  .string()
  .refine(isValidIsoDate, 'Date must be a real date written YYYY-MM-DD');
export const time24 = z.string().refine(isValidTime, 'Time must be written HH:MM (24-hour)');

export const bodyRulesFields = {
  quorumMinVoting: z.int().min(0).max(200),
  quorumMinOrganisations: z.int().min(0).max(200),
  remoteCountsForQuorum: z.boolean(),
  yearStartMonth: z.int().min(1, 'Month must be 1-12').max(12, 'Month must be 1-12'),
  decisionLabel: z.enum(DECISION_LABELS),
};

const bodyFields = {
  name: requiredText('Body name'),
  kind: z.enum(BODY_KINDS),
  ...bodyRulesFields,
};

export const bodyCreate = z.strictObject({
  name: bodyFields.name,
  kind: bodyFields.kind.default('Committee'),
  quorumMinVoting: bodyFields.quorumMinVoting.default(3),
  quorumMinOrganisations: bodyFields.quorumMinOrganisations.default(0),
  remoteCountsForQuorum: bodyFields.remoteCountsForQuorum.default(true),
  yearStartMonth: bodyFields.yearStartMonth.default(5),
  decisionLabel: bodyFields.decisionLabel.default('RESOLVED'),
});

const nonEmptyPatch = <T extends z.ZodRawShape>(shape: T) =>
  z
    .strictObject(shape)
    .partial()
    .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change');

export const bodyUpdate = z.strictObject({ bodyId: id, patch: nonEmptyPatch(bodyFields) });
export const bodyRef = z.strictObject({ bodyId: id });

const memberFields = {
  name: requiredText('Name'),
  role: optionalText('Role'),
  organisation: optionalText('Organisation'),
  email: z.union([z.literal(''), z.email('Email must be a valid address').max(320)]),
  voting: z.boolean(),
  substitutesFor: z.array(id).max(200),
};
export const memberCreate = z.strictObject({
  bodyId: id,
  name: memberFields.name,
  role: memberFields.role.default(''),
  organisation: memberFields.organisation.default(''),
  email: memberFields.email.default(''),
  voting: memberFields.voting.default(true),
  substitutesFor: memberFields.substitutesFor.default([]),
});
export const memberUpdate = z.strictObject({ memberId: id, patch: nonEmptyPatch(memberFields) });
export const memberRef = z.strictObject({ memberId: id });
export const memberMove = z.strictObject({ memberId: id, toPosition: z.int().min(0).max(10_000) });

const meetingFields = {
  date: isoDate,
  startTime: time24,
  venue: requiredText('Venue'),
  mode: z.enum(MEETING_MODES),
  contactOfficer: optionalText('Contact officer', 200),
};
export const meetingCreate = z.strictObject({
  bodyId: id,
  date: meetingFields.date,
  startTime: meetingFields.startTime,
  venue: meetingFields.venue,
  mode: meetingFields.mode.default('in_room'),
  contactOfficer: meetingFields.contactOfficer.default(''),
});
export const meetingUpdate = z.strictObject({ meetingId: id, patch: nonEmptyPatch(meetingFields) });
export const meetingRef = z.strictObject({ meetingId: id });

const schedule12AParagraph = z.int().min(1, 'Schedule 12A paragraph must be 1-7').max(7, 'Schedule 12A paragraph must be 1-7');
const agendaItemFields = {
  title: requiredText('Title', 500),
  presenter: optionalText('Presenter', 500),
  papers: optionalText('Papers', 200),
  exempt: z.boolean(),
  exemptParagraph: schedule12AParagraph.nullable(),
};
const exemptNeedsParagraph = (item: { exempt?: boolean; exemptParagraph?: number | null }) =>
  !(item.exempt === true && item.exemptParagraph === null);
const exemptMessage = {
  message: 'An exempt item must cite its Schedule 12A paragraph (1-7)',
  path: ['exemptParagraph'],
};
export const agendaItemCreate = z
  .strictObject({
    meetingId: id,
    title: agendaItemFields.title,
    presenter: agendaItemFields.presenter.default(''),
    papers: agendaItemFields.papers.default(''),
    exempt: agendaItemFields.exempt.default(false),
    exemptParagraph: agendaItemFields.exemptParagraph.default(null),
    /** 0-based place; appended at the end when omitted. */
    position: z.int().min(0).max(10_000).optional(),
  })
  .refine(exemptNeedsParagraph, exemptMessage);
export const agendaItemUpdate = z.strictObject({
  itemId: id,
  patch: nonEmptyPatch(agendaItemFields),
});
export const agendaItemRef = z.strictObject({ itemId: id });
export const agendaItemMove = z.strictObject({ itemId: id, toPosition: z.int().min(0).max(10_000) });

export const empty = z.strictObject({});

/** One readable sentence for the first problem zod found. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid input';
  const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}
