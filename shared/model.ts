import type { HouseStyle } from './minutes/house-style';

/**
 * The domain model: what the clerk works with. Plain data, shared by the
 * Node side and the renderer. Words follow ../shared/domain.md.
 */

/** What a body is; the minutes call it "the <kind>". A parish or town council (or a full council) minutes its own meetings as "the Council". */
export const BODY_KINDS = ['Committee', 'Board', 'Panel', 'Sub-Committee', 'Cabinet', 'Forum', 'Council'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const DECISION_LABELS = ['RESOLVED', 'AGREED', 'NOTED'] as const;
export type DecisionLabel = (typeof DECISION_LABELS)[number];

export const MEETING_MODES = ['in_room', 'teams', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const MEETING_MODE_LABELS: Record<MeetingMode, string> = {
  in_room: 'In the room',
  teams: 'Microsoft Teams',
  hybrid: 'Hybrid (room and Teams)',
};

/** Schedule 12A, Local Government Act 1972: the seven exempt-information paragraphs. */
export const SCHEDULE_12A_PARAGRAPHS: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  6: 'Information which reveals that the authority proposes to give a notice or to make an order or direction',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime',
};

export interface BodyRules {
  /** Minimum number of voting members present for the meeting to be quorate. */
  quorumMinVoting: number;
  /** Minimum number of distinct organisations among those voting members (0 = no rule). */
  quorumMinOrganisations: number;
  /** Whether members attending remotely count towards the quorum. */
  remoteCountsForQuorum: boolean;
  /** Month (1-12) in which the body's municipal year starts. */
  yearStartMonth: number;
  /** Decision label used by default for resolutions. */
  decisionLabel: DecisionLabel;
}

export interface Body extends BodyRules {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  name: string;
  kind: BodyKind;
  /** How this body's minutes are printed (council name, Chairman or Chair, font, margins, logo). */
  houseStyle: HouseStyle;
  /** The opening form a new item of business takes unless the agenda says otherwise ("considered a report of" …). */
  openingKind: OpeningKind;
  /** How its minute numbers are printed ("44." or within the year, "21.44"); absent in records frozen before version 17 of the file. */
  minuteNumberForm?: MinuteNumberForm;
  createdAt: string;
  updatedAt: string;
}

export interface BodySummary {
  id: number;
  name: string;
  kind: BodyKind;
  memberCount: number;
  meetingCount: number;
}

export interface Member {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  bodyId: number;
  /** The name exactly as printed in the minutes, title included: "Mrs D. Taylor CC". */
  name: string;
  role: string;
  organisation: string;
  email: string;
  voting: boolean;
  /** Members of the same body this person may substitute for. */
  substitutesFor: number[];
  position: number;
}

export interface BodyDetail extends Body {
  members: Member[];
}

export interface Meeting {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  bodyId: number;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** 24-hour HH:MM. */
  startTime: string;
  venue: string;
  mode: MeetingMode;
  contactOfficer: string;
  /** The first minute number, when the clerk sets it; null = continue from the body's last minute in the municipal year. */
  minuteNumberStart: number | null;
  minutesStatus: MinutesStatus;
  /** The reason of an amendment under way (approved minutes change only while one is open), or null. */
  amendmentReason: string | null;
  /** Names in the last Teams attendance report applied that were neither matched to a member nor added. */
  teamsUnmatched: string[];
  /** The date of the previous meeting when that meeting is not in the app (YYYY-MM-DD), else null. */
  previousDate: string | null;
  /** Where past minutes imported as this meeting came from (a file's name, or "pasted text"); null or absent for meetings minuted here. */
  importedFrom?: string | null;
  /**
   * The sentences of the meeting the app writes, as the clerk edited them, by sentence (see
   * SentenceKey): a sentence not here follows the record. Absent in records frozen before it existed.
   */
  wording?: MeetingWording;
  createdAt: string;
  updatedAt: string;
}

/**
 * A sentence of the meeting the app writes outside any item's standard wording: the consent to vary
 * the order of business, the exclusion of the public before the exempt item with that id, a late
 * arrival or early departure, a change of chair, and the closing line; and the words before the first
 * minute (after the attendance: "The Chairman welcomed everyone …") and after the closing line ("Parish
 * Clerk", the clerk's name, the signature as printed), which the app leaves empty.
 */
export type SentenceKey = 'preamble' | 'orderOfBusiness' | 'closing' | 'afterClose' | `exclusion:${number}` | `movement:${number}` | `chair:${number}`;
export const SENTENCE_KEY = /^(preamble|orderOfBusiness|closing|afterClose|(exclusion|movement|chair):[1-9][0-9]{0,11})$/;
/** The edited sentences, by key: the text as typed ('' leaves the sentence out). */
export type MeetingWording = Partial<Record<SentenceKey, string>>;

export interface MeetingSummary extends Meeting {
  itemCount: number;
  /** The meeting has been started (so it has been held, or is being held): the body's list says "not yet held" until then. */
  held: boolean;
}

export interface AgendaItem {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  meetingId: number;
  /** 0-based place on the agenda; the agenda number is position + 1. */
  position: number;
  agendaNumber: number;
  title: string;
  /** e.g. "Rik Basra, Community Safety Team Leader, will present this report." */
  presenter: string;
  /** Papers and page reference, e.g. "Pages 3 - 10". */
  papers: string;
  exempt: boolean;
  /** Schedule 12A paragraph (1-7) when exempt. */
  exemptParagraph: number | null;
  kind: AgendaItemKind;
  /** HH:MM when the item was taken up, or null. */
  takenAt: string | null;
  /** 0-based place in the order of business (the order taken); equals position unless the order was varied. */
  businessOrder: number;
  /** Whether the item was minuted, withdrawn or deferred. */
  outcome: ItemOutcome;
  /** Not minuted at all (never taken up, left out by the clerk): no minute, no number; it keeps its agenda number. */
  leftOut: boolean;
  /** The opening sentence: report considered, presentation received, verbal update, or none. */
  openingKind: OpeningKind;
  /** Author or presenter as printed: "Rik Basra, Community Safety Coordinator, Wessex County Council". */
  author: string;
  /** What the report or update was about: "... which provided an update regarding <topic>". */
  topic: string;
  /**
   * The one fact a standard item needs: who was elected (appointments), the
   * amendment to the previous minutes, or the date of the next meeting.
   */
  detail: string;
  /** A fair summary of an exempt item for the public minutes ('' = none). */
  publicSummary: string;
  /** The sentence before the lettered points ('' = the standard one). */
  pointsIntro: string;
  pointsStyle: LetterStyle;
  /** The decision label for this item, or null for the body's default. */
  decisionLabel: DecisionLabel | null;
  /** The app's standard wording of this item as the clerk edited it, or null while it follows the record. */
  standardText: string | null;
  /** Where the standard wording sits among the item's blocks: how many of the clerk's blocks come before it. */
  standardAt: number;
  /** The filed-document clause: null the standard one, '' none, else the document named ("the Action Plan"). */
  filed: string | null;
  /** How the date of the next meeting is minuted. */
  nextForm: NextMeetingForm;
  /**
   * How many minute numbers the minutes skip before this item's minute (published minutes printed "7." then "9."):
   * set only by the import of past minutes. Absent (a record frozen before it was kept) or 0: none.
   */
  numbersSkipped?: number;
  /**
   * Printed with no number (imported past minutes: "Chair's announcements" as a heading before "1. Apologies"): it
   * takes no minute number and the minutes after it number on as if it were not there. Absent or false: numbered.
   */
  unnumbered?: boolean;
}

export const NEXT_MEETING_FORMS = ['noted_held', 'noted_take_place', 'resolved_held', 'resolved_take_place'] as const;
export type NextMeetingForm = (typeof NEXT_MEETING_FORMS)[number];
export const NEXT_MEETING_FORM_LABELS: Record<NextMeetingForm, string> = {
  noted_held: 'It was NOTED that … would be held on …',
  noted_take_place: 'It was NOTED that … would take place on …',
  resolved_held: 'RESOLVED: That … be held on …',
  resolved_take_place: 'RESOLVED: That … take place on …',
};

export interface MeetingDetail extends Meeting {
  body: Body;
  items: AgendaItem[];
}

export interface AppInfo {
  version: string;
  dataFile: string;
  schemaVersion: number;
  transport: 'electron' | 'browser-host';
}

/* ---------- Live meeting: attendance, chair, declarations ---------- */

/** Kinds of agenda item the rules and wording need to recognise. */
export const AGENDA_ITEM_KINDS = [
  'business',
  'appointment_chair',
  'appointment_deputy',
  'introductions',
  'previous_minutes',
  'matters_arising',
  'action_log',
  'declarations',
  'exclusion',
  'other_business',
  'next_meeting',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const AGENDA_ITEM_KIND_LABELS: Record<AgendaItemKind, string> = {
  business: 'Business item',
  appointment_chair: 'Appointment of Chairman',
  appointment_deputy: 'Appointment of Deputy Chairman',
  introductions: 'Introductions and apologies',
  previous_minutes: 'Minutes of the previous meeting',
  matters_arising: 'Matters arising',
  action_log: 'Action Log',
  declarations: 'Declarations of interest',
  exclusion: 'Exclusion of the press and public',
  other_business: 'Any other business',
  next_meeting: 'Date of next meeting',
};

export const OPENING_KINDS = ['report', 'introduced', 'presentation', 'report_presentation', 'verbal', 'oral', 'provided_oral', 'none'] as const;
export type OpeningKind = (typeof OPENING_KINDS)[number];
export const OPENING_KIND_LABELS: Record<OpeningKind, string> = {
  report: 'considered a report of …',
  introduced: '… introduced a report',
  presentation: 'received a presentation from …',
  report_presentation: 'considered a report and presentation from …',
  verbal: 'received a verbal update from …',
  oral: 'received an oral update from …',
  provided_oral: '… provided an oral update',
  none: 'No opening sentence',
};
/** The four opening forms stored before version 9 of the file, and the one each later form is stored beside. */
export const OPENING_BASE: Record<OpeningKind, 'report' | 'presentation' | 'verbal' | 'none'> = {
  report: 'report',
  introduced: 'report',
  presentation: 'presentation',
  report_presentation: 'report',
  verbal: 'verbal',
  oral: 'verbal',
  provided_oral: 'verbal',
  none: 'none',
};

export const ITEM_OUTCOMES = ['minuted', 'withdrawn', 'deferred'] as const;
export type ItemOutcome = (typeof ITEM_OUTCOMES)[number];
export const ITEM_OUTCOME_LABELS: Record<ItemOutcome, string> = {
  minuted: 'Minuted',
  withdrawn: 'Withdrawn',
  deferred: 'Deferred',
};

export const LETTER_STYLES = ['alpha', 'roman'] as const;
export type LetterStyle = (typeof LETTER_STYLES)[number];
/** How a list of points is marked: (a), (i), 1., or a bullet. */
export const LIST_STYLES = ['alpha', 'roman', 'number', 'bullet'] as const;
export type ListStyle = (typeof LIST_STYLES)[number];
export const LIST_STYLE_LABELS: Record<ListStyle, string> = {
  alpha: 'Lettered (a), (b)',
  roman: 'Roman (i), (ii)',
  number: 'Numbered 1., 2.',
  bullet: 'Bulleted •',
};

/** How a decision's resolutions are marked: (a), (i) or (1); never bulleted. */
export const RESOLUTION_STYLES = ['alpha', 'roman', 'number'] as const;
export type ResolutionStyle = (typeof RESOLUTION_STYLES)[number];
export const RESOLUTION_STYLE_LABELS: Record<ResolutionStyle, string> = {
  alpha: 'Lettered (a), (b)',
  roman: 'Roman (i), (ii)',
  number: 'Numbered (1), (2)',
};
/** How a resolution's marker is bracketed: "(1)" both sides (every decision typed here), or "1)" closing only, as some minutes print it. */
export const RESOLUTION_BRACKETS = ['both', 'close'] as const;
export type ResolutionBracket = (typeof RESOLUTION_BRACKETS)[number];

export const ATTENDEE_CATEGORIES = ['member', 'officer', 'attendee', 'guest'] as const;
export type AttendeeCategory = (typeof ATTENDEE_CATEGORIES)[number];
export const ATTENDEE_CATEGORY_LABELS: Record<AttendeeCategory, string> = {
  member: 'Member',
  officer: 'Officer',
  attendee: 'Other attendee',
  guest: 'Guest / observer',
};

/** Members: present, apologies or absent. Officers, attendees and guests are always present. */
export const ATTENDANCE_STATUSES = ['present', 'apologies', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface Attendance {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  meetingId: number;
  category: AttendeeCategory;
  /** Set for members of the body; null for officers, attendees and guests. */
  memberId: number | null;
  /** As printed (from the member record for members). */
  name: string;
  role: string;
  organisation: string;
  /** For members: whether they vote (from the member record). Others never vote. */
  voting: boolean;
  status: AttendanceStatus;
  remote: boolean;
  /** A member present as substitute for another member of the body, who takes that member's place. */
  substituteForMemberId: number | null;
  position: number;
}

export const MOVEMENT_KINDS = ['arrived', 'left'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** A late arrival or an early departure, stamped with the time and the item being taken. */
export interface Movement {
  id: number;
  attendanceId: number;
  kind: MovementKind;
  /** HH:MM */
  time: string;
  agendaItemId: number | null;
}

/** Who took the chair, from which item (null: from the start of the meeting). */
export interface ChairChange {
  id: number;
  attendanceId: number;
  agendaItemId: number | null;
  time: string;
}

export const INTEREST_CATEGORIES = ['dpi', 'other_registrable', 'non_registrable'] as const;
export type InterestCategory = (typeof INTEREST_CATEGORIES)[number];
export const INTEREST_CATEGORY_LABELS: Record<InterestCategory, string> = {
  dpi: 'Disclosable Pecuniary Interest',
  other_registrable: 'Other Registrable Interest',
  non_registrable: 'Non-Registrable Interest',
};

export const DECLARATION_ACTIONS = ['not_recorded', 'remained', 'spoke_then_left', 'left_no_part', 'did_not_vote'] as const;
export type DeclarationAction = (typeof DECLARATION_ACTIONS)[number];
export const DECLARATION_ACTION_LABELS: Record<DeclarationAction, string> = {
  not_recorded: 'Not recorded (nothing printed)',
  remained: 'Remained and took part',
  spoke_then_left: 'Spoke as a member of the public, then left',
  left_no_part: 'Left the room and took no part',
  did_not_vote: 'Remained but did not vote',
};

export interface Declaration {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  meetingId: number;
  attendanceId: number;
  /** The item the interest is in, or null when none was named. */
  agendaItemId: number | null;
  /** The kind of interest, or null when the clerk did not record one ("declared an interest"). */
  category: InterestCategory | null;
  /** Empty when sensitive. Starting "declared …", it is the clerk's own wording of the declaration. */
  nature: string;
  /** A sensitive interest is declared without its nature being published. */
  sensitive: boolean;
  /** Details of a dispensation, or '' when none. */
  dispensation: string;
  action: DeclarationAction;
  /** HH:MM when they left / returned, for actions that involve leaving. */
  leftAt: string | null;
  returnedAt: string | null;
  /** Minuted in the minute of the item it concerns (where it was made), not under Declarations of interest. */
  atItem: boolean;
}

/** A meeting with everything recorded live: what the minutes are drawn from. */
export interface MeetingRecord extends MeetingDetail {
  /** HH:MM stamped by "Start meeting" and "Close meeting". */
  startedAt: string | null;
  closedAt: string | null;
  /** The agenda item being taken now. */
  currentItemId: number | null;
  members: Member[];
  attendance: Attendance[];
  movements: Movement[];
  chairChanges: ChairChange[];
  declarations: Declaration[];
  /** Narrative paragraphs, points noted and resolutions of every item. */
  entries: MinuteEntry[];
  motions: Motion[];
  actions: Action[];
  /** The number of this meeting's first minute: set by the clerk, or continued through the municipal year. */
  firstMinuteNumber: number;
  /** The body's meetings either side of this one (for the standard items' wording). */
  previousMeeting: MeetingRef | null;
  nextMeeting: MeetingRef | null;
  /**
   * 2: the item's entries and motions share one order (the blocks as printed). Absent in records
   * frozen before version 9 of the file, which printed paragraphs, points, motions, then resolutions.
   */
  layout?: 2;
}

export interface MeetingRef {
  id: number;
  date: string;
  startTime: string;
  venue: string;
  mode: MeetingMode;
  /** Whether the meeting took place (started, approved, or with anything minuted); an empty draft was not held. */
  held: boolean;
}

/* ---------- Minuting each item ---------- */

export const ENTRY_KINDS = ['paragraph', 'point', 'resolution'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  paragraph: 'Paragraph',
  point: 'Point noted',
  resolution: 'Resolution',
};

/**
 * A paragraph, a point or a resolution of one item: one block of its minute, in its place among the
 * item's entries and motions. Consecutive points make a list, consecutive resolutions a decision.
 */
export interface MinuteEntry {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  agendaItemId: number;
  kind: EntryKind;
  position: number;
  text: string;
  /** HH:MM the entry was first recorded. */
  recordedAt: string;
  /** Resolutions only: recorded while the meeting was inquorate (a flag for the clerk, never printed). */
  inquorate: boolean;
  /**
   * Points: the list's style (null: the item's lettering). Resolutions: how the decision's resolutions are marked,
   * read from the first resolution of the decision ('alpha', 'roman' or 'number'; null: lettered (a), (b)).
   */
  style?: ListStyle | null;
  /** Points: a list starts here with this introduction ('' none); null continues the list before. */
  intro?: string | null;
  /** Resolutions: a decision starts here with this label; null continues the decision before. */
  label?: DecisionLabel | null;
  /** Resolutions read from past minutes printed "1)", "i)": their markers' closing bracket alone (absent: "(1)"). */
  bracket?: ResolutionBracket;
  /** A decision's first resolution read from past minutes printed on one line with its label ("RESOLVED – That …"). */
  runOn?: true;
}

export const MOTION_KINDS = ['motion', 'amendment'] as const;
export type MotionKind = (typeof MOTION_KINDS)[number];
export const MOTION_OUTCOMES = ['pending', 'carried', 'lost', 'withdrawn'] as const;
export type MotionOutcome = (typeof MOTION_OUTCOMES)[number];
export const MOTION_OUTCOME_LABELS: Record<MotionOutcome, string> = {
  pending: 'Not yet decided',
  carried: 'Carried',
  lost: 'Lost',
  withdrawn: 'Withdrawn',
};
export const VOTE_CHOICES = ['for', 'against', 'abstained'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** A motion or amendment, who moved and seconded it, and how the vote went. */
export interface Motion {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  agendaItemId: number;
  position: number;
  kind: MotionKind;
  /** "That the recommendations in the report be approved." */
  text: string;
  proposerId: number | null;
  seconderId: number | null;
  outcome: MotionOutcome;
  /** Vote counts; null when no vote was counted. */
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstained: number | null;
  /** A recorded vote: the names for, against and abstaining are minuted. */
  recorded: boolean;
  names: { attendanceId: number; choice: VoteChoice }[];
  recordedAt: string;
  inquorate: boolean;
}

/** An action arising, tied to a resolution where there is one. */
export interface Action {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  agendaItemId: number;
  resolutionId: number | null;
  position: number;
  text: string;
  /** Responsible officer as printed. */
  owner: string;
  /** ISO date or null. */
  dueDate: string | null;
  status: ActionStatus;
  /** Its number in the body's action log, given when it is raised. */
  number: number;
  /** Dated updates, oldest first. */
  comments: ActionComment[];
}

export interface ActionComment {
  id: number;
  /** ISO date. */
  date: string;
  text: string;
}

/** An action as the body's log shows it: where and when it was raised. */
export interface ActionLogEntry extends Action {
  meetingId: number;
  /** The minute that raised it, as printed (given by the action log call; null where not worked out or not minuted). */
  minuteNumber?: number | null;
  /** ISO date of the meeting that raised it. */
  raisedOn: string;
  itemTitle: string;
}

/* ---------- Approval, versions and search ---------- */

export const MINUTES_STATUSES = ['draft', 'sent', 'approved', 'confirmed', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  draft: 'Draft',
  sent: 'Sent to the chair',
  approved: 'Approved by the chair',
  confirmed: 'Confirmed at the next meeting',
  published: 'Published',
};
/** Where minutes may go from each status. Approved minutes never go back: they are amended. */
export const MINUTES_TRANSITIONS: Record<MinutesStatus, MinutesStatus[]> = {
  draft: ['sent', 'approved'],
  sent: ['draft', 'approved'],
  approved: ['confirmed'],
  confirmed: ['published'],
  published: [],
};
/** Statuses in which the minutes are locked: changed only by a recorded amendment. */
export const LOCKED_STATUSES: readonly MinutesStatus[] = ['approved', 'confirmed', 'published'];

/** Minutes are a draft (printed DRAFT, open to change) until the chair approves them. The one place this is decided. */
export const isDraftStatus = (status: MinutesStatus): boolean => !LOCKED_STATUSES.includes(status);

/** A snapshot of the minutes, kept at each change of status and each amendment. */
export interface MinutesVersion {
  id: number;
  meetingId: number;
  number: number;
  /** A change of status, an amendment to approved minutes, or the chair's corrections applied to the draft. */
  kind: 'status' | 'amendment' | 'corrections';
  status: MinutesStatus;
  /** Why: the change of status, or the amendment's reason. */
  reason: string;
  createdAt: string;
  /** The public minutes as text, and the exempt minutes ('' when none). */
  text: string;
  exemptText: string;
  /** For approval: who approved (the chair's name), on which date (typed), and on what evidence. */
  approver: string;
  approvedOn: string | null;
  evidence: string;
  /** The chair's reply kept as evidence, when there is one. */
  replyId: number | null;
}

/** How the next meeting confirmed the minutes of the one before: as a correct record, or subject to an amendment. */
export const CONFIRMATION_OUTCOMES = ['correct_record', 'subject_to_amendment'] as const;
export type ConfirmationOutcome = (typeof CONFIRMATION_OUTCOMES)[number];
export const CONFIRMATION_OUTCOME_LABELS: Record<ConfirmationOutcome, string> = {
  correct_record: 'Confirmed as a correct record',
  subject_to_amendment: 'Confirmed subject to an amendment',
};

/** The minutes of an earlier meeting confirmed at the next one, at its "Minutes of the previous meeting" item. */
export interface MinutesConfirmation {
  /** The earlier meeting, whose minutes were confirmed. */
  meetingId: number;
  /** The confirming meeting and its item, and the minute number that item prints. */
  confirmingMeetingId: number;
  confirmingItemId: number;
  confirmingDate: string;
  minuteNumber: number;
  outcome: ConfirmationOutcome;
  /** The amendment agreed ("minute 21 to read …"), '' when confirmed as a correct record. */
  amendment: string;
  confirmedAt: string;
}

/** What confirming the previous minutes answers: the confirmation, the confirming meeting and the earlier meeting as they now are. */
export interface PreviousConfirmation {
  confirmation: MinutesConfirmation;
  /** The confirming meeting's record (its item's words now say how the minutes were confirmed). */
  record: MeetingRecord;
  /** The earlier meeting: confirmed, with its amendment under way when one was agreed, for the clerk to word. */
  confirmed: Meeting;
}

/** A review copy of the draft minutes sent to the chair. */
export interface ReviewSend {
  id: number;
  meetingId: number;
  /** The version recorded when it was sent. */
  versionNumber: number;
  chairName: string;
  chairEmail: string;
  sentAt: string;
  fileName: string;
  sha256: string;
}

/** A chair's reply read and acted on; the file is kept. */
export interface ReviewReplySummary {
  id: number;
  sendId: number;
  fileName: string;
  sha256: string;
  replyDate: string;
  readAt: string;
  accepted: number;
  rejected: number;
}

/** One place in the minutes where the words searched for appear. */
export interface SearchHit {
  meetingId: number;
  bodyId: number;
  bodyName: string;
  date: string;
  /** The item whose minute matched; null when the match is who was present at the meeting (its attendance). */
  itemId: number | null;
  agendaNumber: number | null;
  /** The minute number the minutes print for the item (null for attendance, or an item left out of the minutes). */
  minuteNumber: number | null;
  itemTitle: string;
  exempt: boolean;
  /** The matching words in context, the matches between [ and ]. */
  snippet: string;
}

export const ACTION_STATUSES = ['Red', 'Amber', 'Green', 'Complete'] as const;

/**
 * How a body prints a minute's number: plain ("44."), with its municipal year ("21.44", "2021/44", "44/21"), or with a
 * prefix of its own as parish and town councils print them ("Cou/{n}/{yy}-{yy+1}" Cou/285/07-08, "PC/{yy}/{nnn}"
 * PC/23/045, "FC {n}/{yy}" FC 12/24). The forms offered by name; any form shared/rules/numbering.ts
 * isMinuteNumberForm accepts can be kept.
 */
export const MINUTE_NUMBER_FORMS = ['{n}.', '{yy}.{n}', '{yyyy}.{n}', '{yy}/{n}', '{yyyy}/{n}', '{n}/{yy}', '{n}/{yyyy}'] as const;
/** A form of MINUTE_NUMBER_FORMS, or one with a prefix of its own (checked by isMinuteNumberForm). */
export type MinuteNumberForm = (typeof MINUTE_NUMBER_FORMS)[number] | (string & {});
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Standard wording kept per body and inserted by keyboard. */
export interface Phrase {
  /** Goes up by one at every change of the row: a save based on an older copy is refused (conflict). */
  version: number;
  id: number;
  bodyId: number;
  position: number;
  /** Short name typed to find it: "noted", "circulate". */
  label: string;
  text: string;
}

/** A name remembered for the body, offered when the clerk types it again. */
export interface KnownAttendee {
  id: number;
  bodyId: number;
  category: Exclude<AttendeeCategory, 'member'>;
  name: string;
  role: string;
  organisation: string;
}

/* ---------- Backups and recovery ---------- */

/** A backup beside the database, named by the file's name only (the app never takes a path from the screen). */
export interface BackupSummary {
  name: string;
  /** ISO date-time (UTC) it was made. */
  createdAt: string;
  reason: 'meeting-closed' | 'daily' | 'manual' | 'before-restore';
  bytes: number;
  /** Readable as a Meeting Clerk database this version can open. */
  ok: boolean;
}

/** A meeting whose approval or amendments restoring a backup would undo. */
export interface UndoneApproval {
  meetingId: number;
  bodyName: string;
  date: string;
  statusNow: MinutesStatus;
  /** Its status in the backup; null when the backup does not have the meeting at all. */
  statusInBackup: MinutesStatus | null;
  versionsNow: number;
  versionsInBackup: number;
}

/** What restoring a backup would undo, shown to the clerk before anything is restored. */
export interface BackupComparison {
  undone: UndoneApproval[];
}

/** Whether the database opened; if not, why, and the backups that can replace it. */
export interface RecoveryStatus {
  ok: boolean;
  /** 'read-only': the data folder or file cannot be written (nothing to restore: the drive must be fixed). */
  problem: 'not-sqlite' | 'foreign' | 'newer' | 'corrupt' | 'truncated' | 'missing' | 'read-only' | null;
  message: string;
  latestBackup: BackupSummary | null;
  backups: BackupSummary[];
  dataFile: string;
  /** The last automatic backup failed (for example the one made when a meeting closed): what to tell the clerk; null when the last one worked. */
  backupProblem: string | null;
}

export interface AppSettings {
  /** How many backups of each kind (daily, meeting-closed, manual, before-restore) to keep. */
  backupKeep: number;
  /** A second folder every backup is also copied to (a network drive or a synced folder), or null. */
  secondBackupFolder: string | null;
}
