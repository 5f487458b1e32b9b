/**
 * The standard items every meeting has, their usual titles and order, and
 * how they are recognised from an agenda's wording.
 */
import { parsePresenterLine } from '../import/presenter-line';
import type { AgendaItemKind } from '../model';
import { recogniseStandardItem } from './recognise';

export interface StandardItem {
  kind: AgendaItemKind;
  title: string;
  /** Appointments are made at the first meeting of the municipal year only. */
  firstMeetingOfYearOnly?: boolean;
  /** Closing items stay at the end of the agenda when business is added. */
  closing?: boolean;
}

export function standardItems(chairTitle: 'Chairman' | 'Chair' = 'Chairman'): StandardItem[] {
  return [
    { kind: 'appointment_chair', title: `Appointment of ${chairTitle}`, firstMeetingOfYearOnly: true },
    { kind: 'appointment_deputy', title: `Appointment of Deputy ${chairTitle}`, firstMeetingOfYearOnly: true },
    { kind: 'introductions', title: 'Introductions and apologies' },
    { kind: 'previous_minutes', title: 'Minutes of the previous meeting' },
    { kind: 'matters_arising', title: 'Matters arising' },
    { kind: 'action_log', title: 'Action Log' },
    { kind: 'declarations', title: 'Declarations of interest' },
    { kind: 'other_business', title: 'Any other business', closing: true },
    { kind: 'next_meeting', title: 'Date of next meeting', closing: true },
  ];
}

/** The resolution a new meeting's Action Log item starts with: pre-worded by the app, not minuted by the clerk. */
export const ACTION_LOG_RESOLUTION = 'That the status of the Action Log be noted.';

/** The wording the app puts in an item before the meeting (the Action Log's usual resolution): not something minuted. */
export const isPreWorded = (item: { kind: string }, entry: { kind: string; text: string }) =>
  item.kind === 'action_log' && entry.kind === 'resolution' && entry.text.trim() === ACTION_LOG_RESOLUTION;

export const CLOSING_KINDS: readonly AgendaItemKind[] = ['other_business', 'next_meeting'];

/**
 * Recognises a standard item from its agenda title; 'business' otherwise.
 * The same recogniser as the agenda import's (./recognise), so the two
 * never disagree.
 */
export const inferKind = recogniseStandardItem;

/**
 * The author as printed, from an agenda presenter line: "Rik Basra, ... will
 * present this report." -> "Rik Basra, ..."; '' when the line names nobody
 * ("An oral update will be provided at the meeting.").
 */
export function authorFromPresenter(presenter: string): string {
  let author = authors.get(presenter);
  if (author === undefined) {
    if (authors.size >= 1000) authors.clear();
    author = parsePresenterLine(presenter).author ?? '';
    authors.set(presenter, author);
  }
  return author;
}
/**
 * Each presenter line's author, once: the minutes are built at every keystroke in the live preview and at
 * every save for the checks, and parsing 60 items' presenter lines was some 30 % of building them.
 */
const authors = new Map<string, string>();

/** The standard wording clerks insert most often; every body starts with these and can edit them. */
export const DEFAULT_PHRASES: { label: string; text: string }[] = [
  { label: 'noted', text: 'That the contents of the report be noted.' },
  { label: 'update noted', text: 'That the contents of the update be noted.' },
  { label: 'presentation noted', text: 'That the contents of the presentation be noted and the slides be circulated to members after the meeting.' },
  { label: 'approved', text: 'That the recommendations set out in the report be approved.' },
  { label: 'circulate', text: 'That further information be circulated to members after the meeting.' },
  { label: 'future report', text: 'That a further report be brought to a future meeting of the Board.' },
  { label: 'in response', text: 'In response to a question from a member, it was explained that ' },
  { label: 'members welcomed', text: 'Members welcomed the report and thanked officers for their work.' },
  { label: 'action log noted', text: 'That the status of the Action Log be noted.' },
];

/** Whether a phrase is one of the standard phrases every body starts with, as it was given. */
export const isStandardPhrase = (p: { label: string; text: string }) => DEFAULT_PHRASES.some((d) => d.label === p.label && d.text === p.text);

/**
 * The phrase bank as offered: the body's own phrases (added or edited by its clerk) first, then the
 * standard phrases it started with, each in the order kept on the body's page.
 */
export function bodyPhrasesFirst<T extends { label: string; text: string }>(phrases: readonly T[]): T[] {
  return [...phrases.filter((p) => !isStandardPhrase(p)), ...phrases.filter(isStandardPhrase)];
}
