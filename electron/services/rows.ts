/** Row shapes as stored, and their mapping to the domain model. */
import type { AgendaItem, Body, BodyKind, DecisionLabel, Meeting, MeetingMode, Member } from '../../shared/model';

export interface BodyRow {
  id: number;
  name: string;
  kind: string;
  quorum_min_voting: number;
  quorum_min_organisations: number;
  remote_counts_for_quorum: number;
  year_start_month: number;
  decision_label: string;
  created_at: string;
  updated_at: string;
}

export const toBody = (r: BodyRow): Body => ({
  id: r.id,
  name: r.name,
  kind: r.kind as BodyKind,
  quorumMinVoting: r.quorum_min_voting,
  quorumMinOrganisations: r.quorum_min_organisations,
  remoteCountsForQuorum: r.remote_counts_for_quorum === 1,
  yearStartMonth: r.year_start_month,
  decisionLabel: r.decision_label as DecisionLabel,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface MemberRow {
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

export const toMember = (r: MemberRow): Member => ({
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
  id: number;
  body_id: number;
  date: string;
  start_time: string;
  venue: string;
  mode: string;
  contact_officer: string;
  created_at: string;
  updated_at: string;
}

export const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  bodyId: r.body_id,
  date: r.date,
  startTime: r.start_time,
  venue: r.venue,
  mode: r.mode as MeetingMode,
  contactOfficer: r.contact_officer,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface AgendaItemRow {
  id: number;
  meeting_id: number;
  position: number;
  title: string;
  presenter: string;
  papers: string;
  exempt: number;
  exempt_paragraph: number | null;
}

export const toAgendaItem = (r: AgendaItemRow): AgendaItem => ({
  id: r.id,
  meetingId: r.meeting_id,
  position: r.position,
  agendaNumber: r.position + 1,
  title: r.title,
  presenter: r.presenter,
  papers: r.papers,
  exempt: r.exempt === 1,
  exemptParagraph: r.exempt_paragraph,
});
