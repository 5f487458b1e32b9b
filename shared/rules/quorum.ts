/**
 * Quorum from the body's rules: enough voting places filled by members in
 * the room, from enough different organisations. A substitute fills the
 * voting place of the member they replace.
 */
import type { Attendance, MeetingRecord, Member } from '../model';
import { byMeetingTime, compareInMeeting } from './meeting-clock';

export interface QuorumState {
  quorate: boolean;
  votingPresent: number;
  organisationsPresent: number;
  required: { members: number; organisations: number };
  /** One entry per voting place filled, in attendance order. */
  counted: { attendanceId: number; name: string; organisation: string }[];
  /** Why the meeting is inquorate, in words ("4 of 6 voting members present"); empty when quorate. */
  reasons: string[];
}

/**
 * Whether someone marked present is in the room at a time (HH:MM), given
 * their arrivals and departures. Without a time, every movement recorded so
 * far is taken into account (the position now). The latest movement at or
 * before the time decides; before a first movement that is an arrival they
 * were not yet there.
 */
export function isPresentAt(record: MeetingRecord, person: Attendance, atTime?: string): boolean {
  if (person.status !== 'present') return false;
  const movements = record.movements.filter((m) => m.attendanceId === person.id).sort(byMeetingTime(record.startedAt));
  const first = movements[0];
  if (!first) return true;
  const upTo = atTime === undefined ? movements : movements.filter((m) => compareInMeeting(record.startedAt, m.time, atTime) <= 0);
  const last = upTo.at(-1);
  if (!last) return first.kind === 'left';
  return last.kind === 'arrived';
}

/** The quorum at a time (HH:MM), or now when no time is given. */
export function quorumAt(record: MeetingRecord, atTime?: string): QuorumState {
  const body = record.body;
  const membersById = new Map<number, Member>(record.members.map((m) => [m.id, m]));
  const counted: QuorumState['counted'] = [];
  /** Voting places already filled, by the member id whose place it is. */
  const places = new Set<string>();
  const inOrder = [...record.attendance].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const person of inOrder) {
    if (person.category !== 'member') continue;
    if (!isPresentAt(record, person, atTime)) continue;
    if (person.remote && !body.remoteCountsForQuorum) continue;
    const replaced = person.substituteForMemberId !== null ? membersById.get(person.substituteForMemberId) : undefined;
    // A substitute sits in the place of a voting member; otherwise the member's own vote decides.
    const fillsPlace = replaced ? replaced.voting || person.voting : person.voting;
    if (!fillsPlace) continue;
    const place = replaced && replaced.voting ? `m${replaced.id}` : person.memberId !== null ? `m${person.memberId}` : `a${person.id}`;
    if (places.has(place)) continue;
    places.add(place);
    counted.push({
      attendanceId: person.id,
      name: person.name,
      organisation: person.organisation.trim() || replaced?.organisation.trim() || '',
    });
  }
  const organisations = new Set(counted.map((c) => c.organisation.trim().toLowerCase()).filter(Boolean));
  const required = { members: body.quorumMinVoting, organisations: body.quorumMinOrganisations };
  const reasons: string[] = [];
  if (counted.length < required.members) reasons.push(`${counted.length} of ${required.members} voting members present`);
  if (required.organisations > 0 && organisations.size < required.organisations) {
    reasons.push(`${organisations.size} of ${required.organisations} organisations represented`);
  }
  return {
    quorate: reasons.length === 0,
    votingPresent: counted.length,
    organisationsPresent: organisations.size,
    required,
    counted,
    reasons,
  };
}
