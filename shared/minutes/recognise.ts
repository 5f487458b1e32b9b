/**
 * The one recogniser of standard items: an agenda title -> the model's item
 * kind. The agenda import, the preview and the service that saves an item
 * all ask this, so a title is never a standard item to one and ordinary
 * business to another (and then on the agenda twice). Pure.
 */
import type { AgendaItemKind } from '../model';

/** Words that open many agenda titles without changing what the item is: "To receive …", "To confirm the …". */
const LEADING_VERB = /^(to )?(receive|note|consider|confirm|approve|agree|sign|accept)( any| the)? /;

const PATTERNS: [Exclude<AgendaItemKind, 'business'>, RegExp][] = [
  ['appointment_deputy', /^(appointment|election) of (the )?(deputy|vice) ?(chair|chairman|chairperson|chairwoman)\b/],
  ['appointment_chair', /^(appointment|election) of (the )?(chair|chairman|chairperson|chairwoman)\b/],
  ['introductions', /^(welcome( and| &)? )?introductions?\b|^apologies\b|^(chairs |chairmans |chairpersons )?welcome( and| &)?( apologies( for absence)?)?$/],
  ['previous_minutes', /^((confirmation|approval) of (the )?)?minutes\b/],
  ['matters_arising', /^matters arising\b/],
  ['action_log', /\baction (log|tracker|list)\b/],
  ['declarations', /^(declarations?|disclosures?)( of (interests?|members interests?))?$|^(declarations?|disclosures?) of .*\binterests?\b/],
  ['exclusion', /\bexclusion of (the )?(press|public)\b|\bexclude (the )?(press|public)\b/],
  ['other_business', /^(any )?other (urgent )?business\b|^aob\b|^((any )?items? of )?urgent business\b/],
  ['next_meeting', /^(dates?|times?|dates? and times?|times? and dates?) of (the )?(next|future|forthcoming) meetings?\b|^(the )?next meeting\b|^future meetings?\b|^(dates?|times?|dates? and times?) and venues? of (the )?(next|future) meetings?\b/],
];

/** Lower case, without apostrophes, punctuation or the opening verb: "To confirm the Minutes." -> "minutes". */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[’'‘]/g, '')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim()
    .replace(LEADING_VERB, '')
    .replace(/^the /, '');
}

/** The standard item an agenda title names, or 'business' for substantive business. */
export function recogniseStandardItem(title: string): AgendaItemKind {
  const text = normaliseTitle(title);
  for (const [kind, pattern] of PATTERNS) if (pattern.test(text)) return kind;
  return 'business';
}
