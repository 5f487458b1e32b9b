import { describe, expect, it } from 'vitest';
import { quorumAt } from '../../shared/rules/quorum';
import { attend, body, record } from './fixtures/meeting-record';

describe('quorum', () => {
  it('needs the minimum number of voting members present', () => {
    const two = record({ attendance: [attend(1, 1), attend(2, 2)] });
    expect(quorumAt(two)).toMatchObject({ quorate: false, votingPresent: 2 });
    expect(quorumAt(two).reasons).toContain('2 of 3 voting members present');
    const three = record({ attendance: [attend(1, 1), attend(2, 2), attend(3, 3)] });
    expect(quorumAt(three)).toMatchObject({ quorate: true, votingPresent: 3, organisationsPresent: 3 });
  });

  it('needs the minimum number of distinct organisations among them', () => {
    const strict = { ...body, quorumMinVoting: 2, quorumMinOrganisations: 2 };
    const sameOrg = record({ body: strict, attendance: [attend(1, 1), attend(2, 2, { organisation: ' wessex county council ' })] });
    expect(quorumAt(sameOrg)).toMatchObject({ quorate: false, organisationsPresent: 1 });
    expect(quorumAt(sameOrg).reasons).toContain('1 of 2 organisations represented');
  });

  it('ignores non-voting members, apologies and absences', () => {
    const r = record({ attendance: [attend(1, 1), attend(2, 2, { status: 'apologies' }), attend(3, 3, { status: 'absent' }), attend(6, 6)] });
    expect(quorumAt(r).votingPresent).toBe(1);
  });

  it('counts remote members only when the body says so', () => {
    const attendance = [attend(1, 1), attend(2, 2), attend(3, 3, { remote: true })];
    expect(quorumAt(record({ attendance })).quorate).toBe(true);
    const noRemote = record({ body: { ...body, remoteCountsForQuorum: false }, attendance });
    expect(quorumAt(noRemote)).toMatchObject({ quorate: false, votingPresent: 2 });
  });

  it('counts a substitute in the voting place of the member they replace', () => {
    const r = record({ attendance: [attend(1, 1), attend(2, 2), attend(4, 4, { status: 'apologies' }), attend(5, 5, { substituteForMemberId: 4 })] });
    const q = quorumAt(r);
    expect(q.votingPresent).toBe(3);
    expect(q.counted.map((c) => c.name)).toContain('Ms C. Lowe');
    // Without the substitution the same non-voting person does not count.
    const plain = record({ attendance: [attend(1, 1), attend(2, 2), attend(5, 5)] });
    expect(quorumAt(plain).votingPresent).toBe(2);
  });

  it('recomputes on arrivals and departures', () => {
    const attendance = [attend(1, 1), attend(2, 2), attend(3, 3)];
    const late = record({ attendance, movements: [{ id: 1, attendanceId: 3, kind: 'arrived', time: '10:25', agendaItemId: 13 }] });
    expect(quorumAt(late, '10:10').quorate).toBe(false);
    expect(quorumAt(late, '10:25').quorate).toBe(true);
    expect(quorumAt(late).quorate).toBe(true);
    const left = record({ attendance, movements: [{ id: 2, attendanceId: 2, kind: 'left', time: '11:40', agendaItemId: 13 }] });
    expect(quorumAt(left, '11:00').quorate).toBe(true);
    expect(quorumAt(left).quorate).toBe(false);
    const back = record({
      attendance,
      movements: [
        { id: 2, attendanceId: 2, kind: 'left', time: '11:40', agendaItemId: 13 },
        { id: 3, attendanceId: 2, kind: 'arrived', time: '11:50', agendaItemId: 13 },
      ],
    });
    expect(quorumAt(back, '11:45').quorate).toBe(false);
    expect(quorumAt(back).quorate).toBe(true);
  });

  it('never counts officers or other attendees', () => {
    const officer = { ...attend(1, 9), category: 'officer' as const, memberId: null, name: 'Jo Clerk', voting: false };
    const r = record({ attendance: [attend(1, 1), attend(2, 2), officer] });
    expect(quorumAt(r).votingPresent).toBe(2);
  });
});
