/**
 * Matches people from an attendance report to the body's members and known
 * attendees. Tolerant of titles and honours ("Cllr.", "Mrs", "Supt.", "CC",
 * "MBE"), initials against forenames ("Cllr. L. Phillimore" / "Lucy
 * Phillimore"), "Surname, Forename", case, punctuation, accents and email
 * addresses ("lucy.phillimore@...", "lphillimore@..."). Pure.
 *
 * Each candidate is given to at most one person: pairs are taken best first,
 * so a weaker claim never takes a candidate a better one wants. A person
 * with two equally good candidates is left unmatched rather than guessed.
 */

export interface PersonToMatch {
  name: string;
  email: string;
}

export interface MatchCandidate {
  id: number | string;
  name: string;
  email?: string | null;
  kind: 'member' | 'known';
}

export type MatchConfidence = 'exact' | 'likely' | 'none';

export interface PersonMatch<P extends PersonToMatch, C extends MatchCandidate> {
  person: P;
  candidate: C | null;
  confidence: MatchConfidence;
  /** Why, in words for the confirmation screen: "same email", "initial and surname", ... */
  reason: string;
}

const TITLES = new Set([
  'cllr',
  'councillor',
  'county',
  'borough',
  'district',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'rev',
  'revd',
  'reverend',
  'canon',
  'chief',
  'deputy',
  'assistant',
  'supt',
  'superintendent',
  'ch',
  'insp',
  'inspector',
  'dci',
  'dcs',
  'sgt',
  'sergeant',
  'pc',
  'cc',
  'alderman',
]);

const HONOURS = new Set(['cc', 'mbe', 'obe', 'cbe', 'kbe', 'dbe', 'qpm', 'kpm', 'jp', 'dl', 'mp', 'mep', 'qc', 'kc', 'bem', 'frs', 'phd']);

/** Name tokens: lower case, accents and punctuation gone, titles and honours dropped. */
export function nameTokens(raw: string): string[] {
  let text = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  // "Lucy Phillimore (Blaby District Council)" -> drop the trailing bracket.
  text = text.replace(/\s*[([][^)\]]*[)\]]\s*$/g, '');
  // "Phillimore, Lucy" -> "Lucy Phillimore" (a comma before honours is kept as is).
  const comma = /^([^,]+),\s*([^,]+)$/.exec(text.trim());
  if (comma && !HONOURS.has((comma[2] ?? '').trim().toLowerCase().replace(/\./g, ''))) {
    text = `${comma[2]} ${comma[1]}`;
  }
  let tokens = text
    .toLowerCase()
    .replace(/['\u2019`]/g, '')
    .replace(/[-\u2010-\u2015]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
  while (tokens.length > 1 && TITLES.has(tokens[0] as string)) tokens = tokens.slice(1);
  while (tokens.length > 1 && HONOURS.has(tokens[tokens.length - 1] as string)) tokens = tokens.slice(0, -1);
  return tokens;
}

interface ParsedName {
  tokens: string[];
  given: string[];
  surname: string;
}

function parseName(raw: string): ParsedName | null {
  const tokens = nameTokens(raw);
  if (tokens.length === 0) return null;
  return { tokens, given: tokens.slice(0, -1), surname: tokens[tokens.length - 1] as string };
}

/** "lucy.phillimore" -> name tokens; null when the local part does not read as a name. */
function emailLocal(email: string | null | undefined): string | null {
  const at = (email ?? '').trim().toLowerCase().indexOf('@');
  if (at <= 0) return null;
  return (email ?? '').trim().toLowerCase().slice(0, at);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Forenames agree: same word, or an initial against a word with that first letter. */
function givenAgree(x: string, y: string): 'same' | 'initial' | 'conflict' {
  if (x === y) return 'same';
  if ((x.length === 1 || y.length === 1) && x[0] === y[0]) return 'initial';
  return 'conflict';
}

interface Score {
  score: number;
  reason: string;
}

const NONE: Score = { score: 0, reason: '' };

function scoreNames(a: ParsedName, b: ParsedName): Score {
  if (a.tokens.join(' ') === b.tokens.join(' ') && a.tokens.length > 1) return { score: 96, reason: 'same name' };
  const surnameSame = a.surname === b.surname;
  const surnameClose = !surnameSame && a.surname.length >= 5 && editDistanceAtMostOne(a.surname, b.surname);
  if (!surnameSame && !surnameClose) return NONE;
  if (a.given.length === 0 || b.given.length === 0) {
    return surnameSame ? { score: 55, reason: 'surname only' } : NONE;
  }
  const first = givenAgree(a.given[0] as string, b.given[0] as string);
  if (first === 'conflict') return NONE;
  if (surnameClose) return first === 'same' ? { score: 60, reason: 'forename and a near spelling of the surname' } : NONE;
  // Further forenames / initials must not contradict each other where both have them.
  const more = Math.min(a.given.length, b.given.length);
  for (let i = 1; i < more; i++) {
    if (givenAgree(a.given[i] as string, b.given[i] as string) === 'conflict') {
      return { score: 50, reason: 'forename and surname, middle names differ' };
    }
  }
  if (first === 'same') return { score: 90, reason: 'forename and surname' };
  return { score: 78, reason: 'initial and surname' };
}

/** The person's email local part against the candidate's name. */
function scoreLocalPart(local: string, name: ParsedName): Score {
  const parts = local.replace(/[0-9]+/g, '').split(/[._-]+/).filter((p) => p !== '');
  if (parts.length >= 2) {
    const asName = parseName(parts.join(' '));
    if (!asName) return NONE;
    const byName = scoreNames(asName, name);
    // Also "phillimore.lucy"
    const reversed = parseName([...parts].reverse().join(' '));
    const byReversed = reversed ? scoreNames(reversed, name) : NONE;
    const best = byName.score >= byReversed.score ? byName : byReversed;
    return best.score >= 50 ? { score: Math.min(best.score, 85) - 5, reason: 'email address matches the name' } : NONE;
  }
  const joined = parts[0] ?? '';
  const given = name.given[0];
  if (!given || joined.length < 4) return NONE;
  if (joined === `${given}${name.surname}` || joined === `${name.surname}${given}`) {
    return { score: 80, reason: 'email address matches the name' };
  }
  if (joined === `${given[0]}${name.surname}` || joined === `${name.surname}${given[0]}`) {
    return { score: 70, reason: 'email address matches initial and surname' };
  }
  return NONE;
}

function scorePair(person: PersonToMatch, candidate: MatchCandidate): Score {
  const personEmail = person.email.trim().toLowerCase();
  const candidateEmail = (candidate.email ?? '').trim().toLowerCase();
  if (personEmail !== '' && personEmail === candidateEmail) return { score: 100, reason: 'same email' };

  const personName = parseName(person.name);
  const candidateName = parseName(candidate.name);
  if (!candidateName) return NONE;
  const scores: Score[] = [];
  if (personName) scores.push(scoreNames(personName, candidateName));
  const personLocal = emailLocal(personEmail);
  if (personLocal) scores.push(scoreLocalPart(personLocal, candidateName));
  const candidateLocal = emailLocal(candidateEmail);
  if (personLocal && candidateLocal && personLocal === candidateLocal && personLocal.length >= 4) {
    // Same mailbox name at another organisation: only trust it when the names do not disagree.
    const names = personName ? scoreNames(personName, candidateName) : NONE;
    if (names.score > 0 || !personName) scores.push({ score: 82, reason: 'same email name, other domain' });
  }
  return scores.reduce((best, s) => (s.score > best.score ? s : best), NONE);
}

const MATCH_THRESHOLD = 50;
const EXACT_THRESHOLD = 95;

/**
 * For each person (in the order given), the best candidate or none. No
 * candidate is given to two people.
 */
export function matchPeople<P extends PersonToMatch, C extends MatchCandidate>(
  people: readonly P[],
  candidates: readonly C[],
): PersonMatch<P, C>[] {
  interface Pair {
    p: number;
    c: number;
    score: number;
    raw: number;
    reason: string;
  }
  const pairs: Pair[] = [];
  people.forEach((person, p) => {
    candidates.forEach((candidate, c) => {
      const { score, reason } = scorePair(person, candidate);
      // A member wins a tie against a known attendee of the same name.
      if (score >= MATCH_THRESHOLD) pairs.push({ p, c, score: score + (candidate.kind === 'member' ? 0.5 : 0), raw: score, reason });
    });
  });
  pairs.sort((x, y) => y.score - x.score || x.p - y.p || x.c - y.c);

  const results: PersonMatch<P, C>[] = people.map((person) => ({
    person,
    candidate: null,
    confidence: 'none',
    reason: 'no member or known attendee matches',
  }));
  const personDone = new Set<number>();
  const candidateTaken = new Set<number>();
  for (const pair of pairs) {
    if (personDone.has(pair.p) || candidateTaken.has(pair.c)) continue;
    const rival = pairs.find(
      (other) =>
        other.p === pair.p &&
        other.c !== pair.c &&
        other.raw === pair.raw &&
        !candidateTaken.has(other.c) &&
        nameTokens(candidates[other.c]?.name ?? '').join(' ') !== nameTokens(candidates[pair.c]?.name ?? '').join(' '),
    );
    personDone.add(pair.p);
    const result = results[pair.p] as PersonMatch<P, C>;
    if (rival) {
      const names = [candidates[pair.c], candidates[rival.c]].map((c) => c?.name ?? '').join(' or ');
      result.reason = `could be ${names}; choose one`;
      continue;
    }
    candidateTaken.add(pair.c);
    result.candidate = candidates[pair.c] ?? null;
    result.confidence = pair.score >= EXACT_THRESHOLD ? 'exact' : 'likely';
    result.reason = pair.reason;
  }
  return results;
}
