/**
 * The domain model: what the clerk works with. Plain data, shared by the
 * Node side and the renderer. Words follow ../shared/domain.md.
 */

export const BODY_KINDS = ['Committee', 'Board', 'Panel', 'Sub-Committee', 'Cabinet', 'Forum'] as const;
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
  id: number;
  name: string;
  kind: BodyKind;
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
  id: number;
  bodyId: number;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** 24-hour HH:MM. */
  startTime: string;
  venue: string;
  mode: MeetingMode;
  contactOfficer: string;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingSummary extends Meeting {
  itemCount: number;
}

export interface AgendaItem {
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
}

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
