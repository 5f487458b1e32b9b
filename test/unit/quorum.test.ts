import { describe, expect, it } from 'vitest';
import type { Attendance, Movement } from '../../shared/model';
import { isPresentAt, quorumAt } from '../../shared/rules/quorum';
import { attend, body, other, record } from './fixtures/meeting-record';

const move = (id: number, attendanceId: number, kind: Movement['kind'], time: string): Movement => ({ id, attendanceId, kind, time, agendaItemId: 13 });

describe('quorum', () => {
  it('needs the minimum number of voting members present', () => {
    const two = record({ attendance: [attend(1, 1), attend(2, 2)] });
    expect(quorumAt(two)).toMatchObject({ quorate: false, votingPresent: 2, required: { members: 3, organisations: 2 } });
    expect(quorumAt(two).reasons).toEqual(['2 of 3 voting members present']);
    const three = record({ attendance: [attend(1, 1), attend(2, 2), attend(3, 3)] });
    expect(quorumAt(three)).toMatchObject({ quorate: true, votingPresent: 3, organisationsPresent: 3, reasons: [] });
  });

  it('needs the minimum number of distinct organisations among them, compared without case or spaces', () => {
    const strict = { ...body, quorumMinVoting: 2, quorumMinOrganisations: 2 };
    const sameOrg = record({ body: strict, attendance: [attend(1, 1), attend(2, 2, { organisation: ' wessex county council ' })] });
    expect(quorumAt(sameOrg)).toMatchObject({ quorate: false, votingPresent: 2, organisationsPresent: 1 });
    expect(quorumAt(sameOrg).reasons).toEqual(['1 of 2 organisations represented']);
    const noRule = record({ body: { ...strict, quorumMinOrganisations: 0 }, attendance: sameOrg.attendance });
    expect(quorumAt(noRule)).toMatchObject({ quorate: true, organisationsPresent: 1 });
  });

  it('gives every reason when short of both members and organisations', () => {
    const r = record({ body: { ...body, quorumMinVoting: 6, quorumMinOrganisations: 3 }, attendance: [attend(1, 1), attend(2, 2), attend(3, 3, { organisation: '' })] });
    expect(quorumAt(r).reasons).toEqual(['3 of 6 voting members present', '2 of 3 organisations represented']);
  });

  it('ignores non-voting members, apologies and absences', () => {
    const r = record({ attendance: [attend(1, 1), attend(2, 2, { status: 'apologies' }), attend(3, 3, { status: 'absent' }), attend(6, 6)] });
    expect(quorumAt(r).votingPresent).toBe(1);
    expect(quorumAt(r).counted).toEqual([{ attendanceId: 1, name: 'Mrs D. Taylor CC', organisation: 'Wessex County Council' }]);
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

  it("takes the replaced member's organisation when the substitute has none", () => {
    const r = record({ attendance: [attend(1, 1), attend(4, 4, { status: 'apologies' }), attend(5, 5, { substituteForMemberId: 4, organisation: ' ' })] });
    expect(quorumAt(r).counted.find((c) => c.attendanceId === 5)?.organisation).toBe('Probation Service');
    expect(quorumAt(r).organisationsPresent).toBe(2);
  });

  it('fills one voting place once, even if the member replaced is also marked present', () => {
    const r = record({ attendance: [attend(1, 1), attend(4, 4), attend(5, 5, { substituteForMemberId: 4 })] });
    expect(quorumAt(r).votingPresent).toBe(2);
  });

  it('recomputes on arrivals and departures', () => {
    const attendance = [attend(1, 1), attend(2, 2), attend(3, 3)];
    const late = record({ attendance, movements: [move(1, 3, 'arrived', '10:25')] });
    expect(quorumAt(late, '10:10').quorate).toBe(false);
    expect(quorumAt(late, '10:25').quorate).toBe(true);
    expect(quorumAt(late).quorate).toBe(true);
    const left = record({ attendance, movements: [move(2, 2, 'left', '11:40')] });
    expect(quorumAt(left, '11:00').quorate).toBe(true);
    expect(quorumAt(left, '11:40').quorate).toBe(false);
    expect(quorumAt(left).quorate).toBe(false);
    // Movements may come in any order; the latest at or before the time decides.
    const back = record({ attendance, movements: [move(3, 2, 'arrived', '11:50'), move(2, 2, 'left', '11:40')] });
    expect(quorumAt(back, '11:30').quorate).toBe(true);
    expect(quorumAt(back, '11:45').quorate).toBe(false);
    expect(quorumAt(back).quorate).toBe(true);
  });

  it('never counts officers, other attendees or guests', () => {
    const r = record({
      attendance: [attend(1, 1), attend(2, 2), other('officer', 9, 'Jo Clerk', '', 'Wessex County Council', { voting: true }), other('guest', 10, 'Sam Guest', '', 'Press')],
    });
    expect(quorumAt(r).votingPresent).toBe(2);
  });
});

describe('isPresentAt', () => {
  const r = record({
    attendance: [attend(1, 1), attend(2, 2), attend(3, 3, { status: 'apologies' })],
    movements: [move(1, 1, 'arrived', '10:20'), move(2, 1, 'left', '11:00'), move(3, 1, 'arrived', '11:30')],
  });
  const [late, steady, apologies] = r.attendance as [Attendance, Attendance, Attendance];

  it('is absent before a first arrival and follows each movement after it', () => {
    expect(['10:00', '10:20', '10:59', '11:00', '11:29', '11:30'].map((t) => isPresentAt(r, late, t))).toEqual([false, true, true, false, false, true]);
    expect(isPresentAt(r, late)).toBe(true);
  });

  it('keeps anyone without movements in the room, and never places someone who sent apologies there', () => {
    expect(isPresentAt(r, steady, '09:00')).toBe(true);
    expect(isPresentAt(r, apologies)).toBe(false);
  });
});
