/** Row shapes as stored, and their mapping to the domain model. */
import type {
  AgendaItem,
  MinuteNumberForm,
  AgendaItemKind,
  Attendance,
  AttendanceStatus,
  AttendeeCategory,
  Body,
  BodyKind,
  ChairChange,
  DecisionLabel,
  ListStyle,
  NextMeetingForm,
  Declaration,
  DeclarationAction,
  InterestCategory,
  KnownAttendee,
  Meeting,
  MeetingMode,
  Member,
  Movement,
  MovementKind,
  Action,
  EntryKind,
  ItemOutcome,
  LetterStyle,
  MinuteEntry,
  Motion,
  MotionKind,
  MotionOutcome,
  OpeningKind,
  Phrase,
  ActionStatus,
  ActionComment,
  MinutesStatus,
  MinutesVersion,
  MeetingWording,
} from '../../shared/model';
import { SENTENCE_KEY } from '../../shared/model';
import { DEFAULT_HOUSE_STYLE_FULL, houseStyleSchema, type HouseStyle } from '../../shared/minutes/house-style';

export interface BodyRow {
  version: number;
  id: number;
  name: string;
  kind: string;
  quorum_min_voting: number;
  quorum_min_organisations: number;
  remote_counts_for_quorum: number;
  year_start_month: number;
  decision_label: string;
  house_style: string;
  /** Version 16. */
  opening_kind?: string;
  /** Version 17. */
  minute_number_form?: string;
  created_at: string;
  updated_at: string;
}

/** The stored house style, with defaults for anything missing; a style that no longer validates falls back to the defaults. */
function houseStyleOf(json: string): HouseStyle {
  try {
    const parsed = houseStyleSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_HOUSE_STYLE_FULL;
  } catch {
    return DEFAULT_HOUSE_STYLE_FULL;
  }
}

export const toBody = (r: BodyRow): Body => ({ version: r.version,
  id: r.id,
  name: r.name,
  kind: r.kind as BodyKind,
  houseStyle: houseStyleOf(r.house_style),
  quorumMinVoting: r.quorum_min_voting,
  quorumMinOrganisations: r.quorum_min_organisations,
  remoteCountsForQuorum: r.remote_counts_for_quorum === 1,
  yearStartMonth: r.year_start_month,
  decisionLabel: r.decision_label as DecisionLabel,
  openingKind: (r.opening_kind ?? 'report') as OpeningKind,
  minuteNumberForm: (r.minute_number_form ?? '{n}.') as MinuteNumberForm,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface MemberRow {
  version: number;
  id: number;
  body_id: number;
  name: string;
  role: string;
  organisation: string;
  email: string;
  voting: number;
  position: number;
  substitutes_for: string | null;
}

export const toMember = (r: MemberRow): Member => ({ version: r.version,
  id: r.id,
  bodyId: r.body_id,
  name: r.name,
  role: r.role,
  organisation: r.organisation,
  email: r.email,
  voting: r.voting === 1,
  substitutesFor: r.substitutes_for ? r.substitutes_for.split(',').map(Number).sort((a, b) => a - b) : [],
  position: r.position,
});

export interface MeetingRow {
  version: number;
  id: number;
  body_id: number;
  date: string;
  start_time: string;
  venue: string;
  mode: string;
  contact_officer: string;
  started_at: string | null;
  closed_at: string | null;
  current_item_id: number | null;
  minute_number_start: number | null;
  minutes_status: string;
  /** Where imported past minutes came from; null for meetings minuted here. */
  imported_from?: string | null;
  teams_unmatched: string;
  amendment_reason: string | null;
  previous_date: string | null;
  /** JSON object of edited sentences (version 16); absent before. */
  wording?: string;
  created_at: string;
  updated_at: string;
}

/** The stored edited sentences; keys that are not sentences are left out. */
function wordingOf(json: string | undefined): MeetingWording {
  if (!json) return {};
  try {
    const parsed = JSON.parse(json) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).filter(([k, v]) => SENTENCE_KEY.test(k) && typeof v === 'string')) as MeetingWording;
  } catch {
    return {};
  }
}

export const toMeeting = (r: MeetingRow): Meeting => ({ version: r.version,
  id: r.id,
  bodyId: r.body_id,
  date: r.date,
  startTime: r.start_time,
  venue: r.venue,
  mode: r.mode as MeetingMode,
  contactOfficer: r.contact_officer,
  minuteNumberStart: r.minute_number_start,
  minutesStatus: r.minutes_status as MinutesStatus,
  amendmentReason: r.amendment_reason,
  teamsUnmatched: JSON.parse(r.teams_unmatched ?? '[]') as string[],
  previousDate: r.previous_date ?? null,
  importedFrom: r.imported_from ?? null,
  wording: wordingOf(r.wording),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface AgendaItemRow {
  version: number;
  id: number;
  meeting_id: number;
  position: number;
  title: string;
  presenter: string;
  papers: string;
  exempt: number;
  exempt_paragraph: number | null;
  kind: string;
  taken_at: string | null;
  business_order: number;
  outcome: string;
  opening_kind: string;
  author: string;
  topic: string;
  detail: string;
  public_summary: string;
  points_intro: string;
  points_style: string;
  decision_label: string | null;
  left_out: number;
  standard_text: string | null;
  standard_at: number;
  opening_form: string | null;
  filed: string | null;
  next_form: string;
  numbers_skipped: number;
  /** 1: printed with no number (imported past minutes); absent before the migration that added it. */
  unnumbered?: number;
}

export const toAgendaItem = (r: AgendaItemRow): AgendaItem => ({ leftOut: r.left_out === 1, version: r.version,
  id: r.id,
  meetingId: r.meeting_id,
  position: r.position,
  agendaNumber: r.position + 1,
  title: r.title,
  presenter: r.presenter,
  papers: r.papers,
  exempt: r.exempt === 1,
  exemptParagraph: r.exempt_paragraph,
  kind: r.kind as AgendaItemKind,
  takenAt: r.taken_at,
  businessOrder: r.business_order,
  outcome: r.outcome as ItemOutcome,
  openingKind: (r.opening_form ?? r.opening_kind) as OpeningKind,
  author: r.author,
  topic: r.topic,
  detail: r.detail,
  publicSummary: r.public_summary,
  pointsIntro: r.points_intro,
  pointsStyle: r.points_style as LetterStyle,
  decisionLabel: r.decision_label as DecisionLabel | null,
  standardText: r.standard_text,
  standardAt: r.standard_at,
  filed: r.filed,
  nextForm: r.next_form as NextMeetingForm,
  numbersSkipped: r.numbers_skipped,
  ...(r.unnumbered === 1 ? { unnumbered: true } : {}),
});

export interface EntryRow {
  version: number;
  id: number;
  agenda_item_id: number;
  kind: string;
  position: number;
  text: string;
  recorded_at: string;
  inquorate: number;
  style: string | null;
  intro: string | null;
  label: string | null;
  marker_form?: string | null;
  run_on?: number;
}

export const toEntry = (r: EntryRow): MinuteEntry => ({ version: r.version,
  id: r.id,
  agendaItemId: r.agenda_item_id,
  kind: r.kind as EntryKind,
  position: r.position,
  text: r.text,
  recordedAt: r.recorded_at,
  inquorate: r.inquorate === 1,
  style: r.style as ListStyle | null,
  intro: r.intro,
  label: r.label as DecisionLabel | null,
  // Only a resolution read as "1)" carries it, so every other entry keeps the shape it always had.
  ...(r.marker_form === 'close' ? { bracket: 'close' as const } : {}),
  ...(r.run_on === 1 ? { runOn: true as const } : {}),
});

export interface MotionRow {
  version: number;
  id: number;
  agenda_item_id: number;
  position: number;
  kind: string;
  text: string;
  proposer_id: number | null;
  seconder_id: number | null;
  outcome: string;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstained: number | null;
  recorded: number;
  recorded_at: string;
  inquorate: number;
}

export const toMotion = (r: MotionRow, names: Motion['names']): Motion => ({ version: r.version,
  id: r.id,
  agendaItemId: r.agenda_item_id,
  position: r.position,
  kind: r.kind as MotionKind,
  text: r.text,
  proposerId: r.proposer_id,
  seconderId: r.seconder_id,
  outcome: r.outcome as MotionOutcome,
  votesFor: r.votes_for,
  votesAgainst: r.votes_against,
  votesAbstained: r.votes_abstained,
  recorded: r.recorded === 1,
  names,
  recordedAt: r.recorded_at,
  inquorate: r.inquorate === 1,
});

export interface ActionRow {
  version: number;
  id: number;
  agenda_item_id: number;
  resolution_id: number | null;
  position: number;
  text: string;
  owner: string;
  due_date: string | null;
  status: string;
  number: number;
}

export const toAction = (r: ActionRow, comments: ActionComment[] = []): Action => ({ version: r.version,
  id: r.id,
  agendaItemId: r.agenda_item_id,
  resolutionId: r.resolution_id,
  position: r.position,
  text: r.text,
  owner: r.owner,
  dueDate: r.due_date,
  status: r.status as ActionStatus,
  number: r.number,
  comments,
});

export interface VersionRow {
  id: number;
  meeting_id: number;
  number: number;
  kind: string;
  status: string;
  reason: string;
  created_at: string;
  text: string;
  exempt_text: string;
  approver: string;
  approved_on: string | null;
  evidence: string;
  reply_id: number | null;
}

export const toVersion = (r: VersionRow): MinutesVersion => ({
  id: r.id,
  meetingId: r.meeting_id,
  number: r.number,
  kind: r.kind as MinutesVersion['kind'],
  status: r.status as MinutesStatus,
  reason: r.reason,
  createdAt: r.created_at,
  text: r.text,
  exemptText: r.exempt_text,
  approver: r.approver,
  approvedOn: r.approved_on,
  evidence: r.evidence,
  replyId: r.reply_id,
});

export interface PhraseRow {
  version: number;
  id: number;
  body_id: number;
  position: number;
  label: string;
  text: string;
}

export const toPhrase = (r: PhraseRow): Phrase => ({ version: r.version, id: r.id, bodyId: r.body_id, position: r.position, label: r.label, text: r.text });

/** Attendance joined with the member record (members' names come from there). */
export interface AttendanceRow {
  version: number;
  id: number;
  meeting_id: number;
  category: string;
  member_id: number | null;
  name: string;
  role: string;
  organisation: string;
  status: string;
  remote: number;
  substitute_for_member_id: number | null;
  position: number;
  member_name: string | null;
  member_role: string | null;
  member_organisation: string | null;
  member_voting: number | null;
}

export const toAttendance = (r: AttendanceRow): Attendance => ({ version: r.version,
  id: r.id,
  meetingId: r.meeting_id,
  category: r.category as AttendeeCategory,
  memberId: r.member_id,
  name: r.member_name ?? r.name,
  role: r.member_role ?? r.role,
  organisation: r.member_organisation ?? r.organisation,
  voting: r.member_voting === 1,
  status: r.status as AttendanceStatus,
  remote: r.remote === 1,
  substituteForMemberId: r.substitute_for_member_id,
  position: r.position,
});

export interface MovementRow {
  id: number;
  attendance_id: number;
  kind: string;
  time: string;
  agenda_item_id: number | null;
}
export const toMovement = (r: MovementRow): Movement => ({
  id: r.id,
  attendanceId: r.attendance_id,
  kind: r.kind as MovementKind,
  time: r.time,
  agendaItemId: r.agenda_item_id,
});

export interface ChairChangeRow {
  id: number;
  attendance_id: number;
  agenda_item_id: number | null;
  time: string;
}
export const toChairChange = (r: ChairChangeRow): ChairChange => ({
  id: r.id,
  attendanceId: r.attendance_id,
  agendaItemId: r.agenda_item_id,
  time: r.time,
});

export interface DeclarationRow {
  version: number;
  id: number;
  meeting_id: number;
  attendance_id: number;
  agenda_item_id: number | null;
  category: string | null;
  nature: string;
  sensitive: number;
  dispensation: string;
  action: string;
  left_at: string | null;
  returned_at: string | null;
  at_item: number;
}
export const toDeclaration = (r: DeclarationRow): Declaration => ({ atItem: r.at_item === 1, version: r.version,
  id: r.id,
  meetingId: r.meeting_id,
  attendanceId: r.attendance_id,
  agendaItemId: r.agenda_item_id,
  category: r.category as InterestCategory | null,
  nature: r.nature,
  sensitive: r.sensitive === 1,
  dispensation: r.dispensation,
  action: r.action as DeclarationAction,
  leftAt: r.left_at,
  returnedAt: r.returned_at,
});

export interface KnownAttendeeRow {
  id: number;
  body_id: number;
  category: string;
  name: string;
  role: string;
  organisation: string;
}
export const toKnownAttendee = (r: KnownAttendeeRow): KnownAttendee => ({
  id: r.id,
  bodyId: r.body_id,
  category: r.category as KnownAttendee['category'],
  name: r.name,
  role: r.role,
  organisation: r.organisation,
});
