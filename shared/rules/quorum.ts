/**
 * Quorum from the body's rules: enough voting places filled by members in
 * the room, from enough different organisations. A substitute fills the
 * voting place of the member they replace.
 */
import type { Attendance, MeetingRecord } from '../model';

export interface QuorumState {
  quorate: boolean;
  votingPresent: number;
  organisationsPresent: number;
  required: { members: number; organisations: number };
  counted: { attendanceId: number; name: string; organisation: string }[];
  /** Why the meeting is inquorate, in words; empty when quorate. */
  reasons: string[];
}

/** Whether someone marked present is in the room at a time (HH:MM), given arrivals and departures. */
export function isPresentAt(record: MeetingRecord, person: Attendance, atTime?: string): boolean {
  if (person.status !== 'present') return false;
  const movements = record.movements
    .filter((m) => m.attendanceId === person.id)
    .sort((a, b) => (a.time === b.time ? a.id - b.id : a.time < b.time ? -1 : 1));
  if (movements.length === 0) return true;
  const upTo = atTime === undefined ? movements : movements.filter((m) => m.time <= atTime);
  const last = upTo.at(-1);
  // Before a first arrival they were not yet there.
  if (!last) return movements[0]!.kind === 'left';
  return last.kind === 'arrived';
}

export function quorumAt(record: MeetingRecord, atTime?: string): QuorumState {
  const body = record.body;
  const membersById = new Map(record.members.map((m) => [m.id, m]));
  const counted: QuorumState['counted'] = [];
  for (const person of record.attendance) {
    if (person.category !== 'member' || !isPresentAt(record, person, atTime)) continue;
    if (person.remote && !body.remoteCountsForQuorum) continue;
    const replaced = person.substituteForMemberId !== null ? membersById.get(person.substituteForMemberId) : undefined;
    const votingPlace = replaced ? replaced.voting : person.voting;
    if (!votingPlace) continue;
    counted.push({ attendanceId: person.id, name: person.name, organisation: person.organisation.trim() || replaced?.organisation.trim() || '' });
  }
  const organisations = new Set(counted.map((c) => c.organisation.toLowerCase()).filter(Boolean));
  const required = { members: body.quorumMinVoting, organisations: body.quorumMinOrganisations };
  const reasons: string[] = [];
  if (counted.length < required.members) reasons.push(`${counted.length} of ${required.members} voting members present`);
  if (required.organisations > 0 && organisations.size < required.organisations) {
    reasons.push(`${organisations.size} of ${required.organisations} organisations represented`);
  }
  return { quorate: reasons.length === 0, votingPresent: counted.length, organisationsPresent: organisations.size, required, counted, reasons };
}
