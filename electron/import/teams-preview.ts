/**
 * A Teams attendance report read and matched to the body's people, as the
 * clerk sees it before confirming. Pure (no database): it runs in the
 * parsing worker (isolated.ts), given the people to match against.
 */
import type { TeamsPreview } from '../../shared/contract';
import { importFail, type ImportResult } from '../../shared/import/decode';
import { matchPeople, type MatchCandidate } from '../../shared/import/name-match';
import { readTeamsReport } from '../../shared/import/teams-report';

export type TeamsCandidate = MatchCandidate & { id: number };

/** More people than any meeting's report lists: matching each costs time, so a file with more is refused. */
export const MAX_TEAMS_PARTICIPANTS = 5_000;

export function previewTeams(bytes: Uint8Array, meetingDate: string, candidates: TeamsCandidate[]): ImportResult<TeamsPreview> {
  const read = readTeamsReport(bytes, meetingDate);
  if (!read.ok) return read;
  if (read.value.participants.length > MAX_TEAMS_PARTICIPANTS) {
    return importFail(
      `The attendance report lists ${read.value.participants.length.toLocaleString('en-GB')} people, more than the ${MAX_TEAMS_PARTICIPANTS.toLocaleString('en-GB')} a meeting's report can hold. Check that you chose the right file; nothing was saved.`,
    );
  }
  const matches = matchPeople(read.value.participants, candidates);
  const rows: TeamsPreview['rows'] = matches.map((m) => ({
    participant: m.person,
    match: m.candidate ? { kind: m.candidate.kind, id: m.candidate.id, name: m.candidate.name } : null,
    confidence: m.confidence,
    reason: m.reason,
  }));
  return { ok: true, value: { report: read.value, rows } };
}
