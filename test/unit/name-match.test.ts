import { describe, expect, it } from 'vitest';
import { matchPeople, nameTokens, type MatchCandidate } from '../../shared/import/name-match';

const member = (id: number, name: string, email?: string): MatchCandidate => ({ id, name, email, kind: 'member' });
const known = (id: number, name: string, email?: string): MatchCandidate => ({ id, name, email, kind: 'known' });
const person = (name: string, email = '') => ({ name, email });

/** One person against the candidates: [candidate id or null, confidence, reason]. */
function one(name: string, email: string, candidates: MatchCandidate[]) {
  const [match] = matchPeople([person(name, email)], candidates);
  if (!match) throw new Error('no result');
  return [match.candidate?.id ?? null, match.confidence, match.reason] as const;
}

const BOARD = [
  member(1, 'Harriet Quennell', 'harriet.quennell@westmere-dc.gov.uk'),
  member(2, 'Tobias Arkwright'),
  member(3, 'Owen Halloran'),
  known(4, 'Priya Venkataraman'),
  known(5, 'Ffion Pritchard'),
  member(6, "Siobhan O'Rourke-Blake"),
  member(7, 'Zoë Lindqvist'),
];

describe('nameTokens', () => {
  it.each([
    ['Cllr. L. Phillimore', ['l', 'phillimore']],
    ['Councillor Lucy Phillimore', ['lucy', 'phillimore']],
    ['Mrs D. Taylor CC', ['d', 'taylor']],
    ['Mr. N. Bannister CC', ['n', 'bannister']],
    ['Supt. Aimee Ramm', ['aimee', 'ramm']],
    ['Chief Superintendent Johnny Starbuck', ['johnny', 'starbuck']],
    ['Dr Priya Venkataraman MBE', ['priya', 'venkataraman']],
    ['Halloran, Owen', ['owen', 'halloran']],
    ['Owen Halloran (Ashdown Police)', ['owen', 'halloran']],
    ["Siobhan O'Rourke-Blake", ['siobhan', 'orourkeblake']],
    ['ZOË LINDQVIST', ['zoe', 'lindqvist']],
    ['Cllr. L.M. Phillimore', ['l', 'm', 'phillimore']],
  ])('%s -> %j', (raw, tokens) => {
    expect(nameTokens(raw)).toEqual(tokens);
  });
});

describe('matchPeople: one person', () => {
  it('matches on the email address exactly, whatever the name says', () => {
    expect(one('HQ (Westmere)', 'Harriet.Quennell@westmere-dc.gov.uk', BOARD)).toEqual([1, 'exact', 'same email']);
  });

  it('matches the same name through titles, honours, case, punctuation and accents', () => {
    expect(one('Cllr. Harriet Quennell', '', BOARD)).toEqual([1, 'exact', 'same name']);
    expect(one('Mr. Tobias Arkwright CC', '', BOARD)).toEqual([2, 'exact', 'same name']);
    expect(one('Supt. Owen Halloran', '', BOARD)).toEqual([3, 'exact', 'same name']);
    expect(one('Dr Priya Venkataraman MBE', '', BOARD)).toEqual([4, 'exact', 'same name']);
    expect(one('siobhan orourke-blake', '', BOARD)).toEqual([6, 'exact', 'same name']);
    expect(one('Zoe Lindqvist', '', BOARD)).toEqual([7, 'exact', 'same name']);
    expect(one('Halloran, Owen', '', BOARD)).toEqual([3, 'exact', 'same name']);
  });

  it('matches initials against forenames as likely', () => {
    expect(one('Cllr. H. Quennell', '', BOARD)).toEqual([1, 'likely', 'initial and surname']);
    expect(one('Mr. T. Arkwright CC', '', BOARD)).toEqual([2, 'likely', 'initial and surname']);
    // The reference minutes' own example.
    expect(one('Cllr. L. Phillimore', '', [known(9, 'Lucy Phillimore')])).toEqual([9, 'likely', 'initial and surname']);
  });

  it('matches an email local part against the candidate name', () => {
    expect(one('Ffion (mobile)', 'ffion.pritchard@gmail.com', BOARD)).toEqual([5, 'likely', 'email address matches the name']);
    expect(one('TA', 'tarkwright@ashdown.gov.uk', BOARD)).toEqual([2, 'likely', 'email address matches initial and surname']);
    expect(one('Guest', 'halloran.owen@ashdown.police.uk', BOARD)).toEqual([3, 'likely', 'email address matches the name']);
  });

  it('matches a surname alone, and a near spelling of the surname with the same forename, as likely', () => {
    expect(one('Cllr Quennell', '', BOARD)).toEqual([1, 'likely', 'surname only']);
    expect(one('Harriet Quenell', '', BOARD)).toEqual([1, 'likely', 'forename and a near spelling of the surname']);
  });

  it('does not match a different forename, a different surname or a blank name', () => {
    expect(one('Laura Quennell', '', BOARD)).toEqual([null, 'none', 'no member or known attendee matches']);
    expect(one('Harriet Quinton', '', BOARD)).toEqual([null, 'none', 'no member or known attendee matches']);
    expect(one('L. Arkwright', '', BOARD)).toEqual([null, 'none', 'no member or known attendee matches']);
    expect(one('', '', BOARD)).toEqual([null, 'none', 'no member or known attendee matches']);
    expect(one('+44 1234 567890', '', BOARD)).toEqual([null, 'none', 'no member or known attendee matches']);
  });

  it('prefers a member to a known attendee of the same name', () => {
    expect(one('Harriet Quennell', '', [known(20, 'Harriet Quennell'), member(21, 'Harriet Quennell')])).toEqual([
      21,
      'exact',
      'same name',
    ]);
  });

  it('leaves an initial that fits two candidates equally unmatched, naming both', () => {
    expect(one('H. Quennell', '', [member(1, 'Harriet Quennell'), known(2, 'Hugo Quennell')])).toEqual([
      null,
      'none',
      'could be Harriet Quennell or Hugo Quennell; choose one',
    ]);
  });
});

describe('matchPeople: many people', () => {
  it('never gives one candidate to two people when a better pairing exists', () => {
    const results = matchPeople(
      [person('H. Quennell'), person('Harriet Quennell')],
      [member(1, 'Harriet Quennell'), known(2, 'Hugo Quennell')],
    );
    expect(results.map((r) => [r.person.name, r.candidate?.id ?? null, r.confidence])).toEqual([
      ['H. Quennell', 2, 'likely'],
      ['Harriet Quennell', 1, 'exact'],
    ]);
  });

  it('gives a contested candidate to the stronger claim and leaves the weaker unmatched', () => {
    const results = matchPeople([person('Quennell'), person('Cllr. H. Quennell')], [member(1, 'Harriet Quennell')]);
    expect(results.map((r) => [r.person.name, r.candidate?.id ?? null, r.confidence])).toEqual([
      ['Quennell', null, 'none'],
      ['Cllr. H. Quennell', 1, 'likely'],
    ]);
  });

  it('matches the whole Teams report of the March meeting', () => {
    const report = [
      person('Megan Oduya', 'megan.oduya@ashdown.gov.uk'),
      person('Cllr. Harriet Quennell', 'harriet.quennell@westmere-dc.gov.uk'),
      person('Tobias Arkwright', 'tobias.arkwright@ashdown.gov.uk'),
      person('Priya Venkataraman', 'priya.venkataraman@riversidetrust.org.uk'),
      person('Halloran, Owen', 'owen.halloran@ashdown.police.uk'),
      person('Ffion Pritchard', ''),
      person('Daniel Kowalczyk', 'daniel.kowalczyk@ashdown.gov.uk'),
    ];
    const results = matchPeople(report, BOARD);
    expect(results.map((r) => [r.candidate?.id ?? null, r.confidence])).toEqual([
      [null, 'none'],
      [1, 'exact'],
      [2, 'exact'],
      [4, 'exact'],
      [3, 'exact'],
      [5, 'exact'],
      [null, 'none'],
    ]);
    expect(results.every((r, i) => r.person === report[i])).toBe(true);
  });
});
