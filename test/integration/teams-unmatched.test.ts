/** People in an applied Teams report whom the clerk matched to no one are kept for the checks, and replaced by the next report. */
import { describe, expect, it } from 'vitest';
import { checkMinutes } from '../../shared/checks';
import { call } from '../helpers/api';
import { createTempStore } from '../helpers/store';
import { useTempDirs } from '../helpers/temp';

const temp = useTempDirs();

describe('import.applyTeams and the people left unmatched', () => {
  it('keeps their names on the meeting, for the checks to name, until the next report is applied', () => {
    const { services } = createTempStore(temp);
    const body = call(services, 'bodies.create', { name: 'Wessex Safer Communities Board' });
    const member = call(services, 'members.create', { bodyId: body.id, name: 'Mrs D. Thornbury CC' });
    const meeting = call(services, 'meetings.create', { bodyId: body.id, date: '2026-06-19', startTime: '10:00', venue: 'Microsoft Teams' });
    const row = (name: string, memberId: number | null) => ({ name, memberId, addAs: null, remote: true, firstJoin: '10:00', lastLeave: '11:00' });
    let record = call(services, 'import.applyTeams', { meetingId: meeting.id, rows: [row('Dawn Thornbury', member.id), row('iPhone', null)] });
    expect(record.teamsUnmatched).toEqual(['iPhone']);
    expect(record.attendance.map((a) => a.name)).toEqual(['Mrs D. Thornbury CC']);
    expect(checkMinutes(record).map((c) => c.rule)).toContain('teams-unmatched');
    record = call(services, 'import.applyTeams', { meetingId: meeting.id, rows: [row('Dawn Thornbury', member.id)] });
    expect(record.teamsUnmatched).toEqual([]);
  });
});
