/**
 * The one place where a clerk's notes (test/fixtures/reference/notes.ts)
 * become what today's app can be told: the item's fields, its paragraphs,
 * points and resolutions, declarations and chair changes. Both fidelity
 * drivers (the API one and the keyboard one in Chromium) enter this plan, so
 * when the minute's blocks arrive only this file and the two small
 * executors change.
 *
 * Where the notes say something today's app has no way to say, the plan
 * does the nearest thing a clerk could do and records a gap, printed by the
 * tests beside the figures.
 */
import type { AgendaItemKind, DecisionLabel, InterestCategory, LetterStyle, OpeningKind } from '../../shared/model';
import type { Block, ClerkNotes, MinuteNotes, Person } from '../fixtures/reference/notes';

export interface ItemPlan {
  agendaNumber: number;
  title: string;
  kind: AgendaItemKind;
  /** Fields of the agenda item, set when the item is taken up. */
  fields: {
    openingKind?: OpeningKind;
    author?: string;
    topic?: string;
    detail?: string;
    pointsIntro?: string;
    pointsStyle?: LetterStyle;
    decisionLabel?: DecisionLabel;
  };
  paragraphs: string[];
  points: string[];
  resolutions: string[];
  declarations: { member: string; category: InterestCategory; nature: string }[];
  /** The member (by name as in the attendance) who takes the Chair at this item. */
  chair: string | null;
  /** What the notes say that today's app cannot, and what was done instead. */
  gaps: string[];
}

export interface MeetingPlan {
  notes: ClerkNotes;
  /** Members of the body: the attendance's chair, members and apologies (apologies are recorded for members only). */
  members: (Person & { status: 'present' | 'apologies'; voting: boolean })[];
  /** In the order taken. */
  items: ItemPlan[];
  gaps: string[];
}

const WITHOUT_DOTS = (name: string) => name.replace(/\./g, '').replace(/\s+/g, ' ').trim();

function topicFor(minute: MinuteNotes, gaps: string[]): string | undefined {
  const topic = minute.opening?.topic;
  if (!topic) return undefined;
  const author = minute.opening?.author ?? '';
  if (topic.form === 'purpose') {
    gaps.push(`opening "the purpose of which was to …": no such form; typed into Topic as the clerk would`);
    return `the purpose of which was to ${topic.text}`;
  }
  if (/^which\b/.test(topic.text) && minute.opening?.commaAfterAuthor === false && author) {
    gaps.push(`no comma wanted after the author before "which": the app always puts one`);
  }
  if (topic.form === 'regarding' && minute.opening?.form === 'report' && minute.opening.commaAfterAuthor === false) {
    gaps.push(`no comma wanted after the author before "which provided an update regarding": the app always puts one`);
  }
  if (topic.form === 'regarding' && minute.opening?.form !== 'report' && minute.opening?.commaAfterAuthor === true) {
    gaps.push(`a comma wanted after the author before "regarding": the app never puts one`);
  }
  return topic.text;
}

const OPENING: Record<NonNullable<MinuteNotes['opening']>['form'], OpeningKind> = {
  report: 'report',
  presentation: 'presentation',
  verbal: 'verbal',
  'report-and-presentation': 'report',
  none: 'none',
};

/** Standard items whose standard sentence gives way when the clerk adds words of their own. */
const GIVES_WAY: readonly AgendaItemKind[] = ['introductions', 'matters_arising', 'other_business'];

function planItem(minute: MinuteNotes, notes: ClerkNotes): ItemPlan {
  const gaps: string[] = [];
  const plan: ItemPlan = {
    agendaNumber: minute.agendaNumber,
    title: minute.title,
    kind: minute.kind,
    fields: {},
    paragraphs: [],
    points: [],
    resolutions: [],
    declarations: [],
    chair: null,
    gaps,
  };
  // The clerk's own words in place of the opening sentence: the opening's form and parts are not entered.
  const ownOpening = minute.kind === 'business' && minute.blocks.some((b) => b.type === 'standard' && b.text);
  const o = ownOpening ? undefined : minute.opening;
  if (o) {
    plan.fields.openingKind = OPENING[o.form];
    if (o.form === 'report-and-presentation') gaps.push('opening "considered a report and presentation from": no such form; entered as a report');
    if (o.author) plan.fields.author = o.author;
    const topic = topicFor(minute, gaps);
    if (topic) plan.fields.topic = topic;
    if (typeof o.filed === 'object') gaps.push(`the filed document cannot be named ("${o.filed.document}"); the app's own clause is printed`);
    if (o.filed === false) gaps.push('the filed-document clause cannot be left out');
    if (o.presentedBy) {
      plan.paragraphs.push(`The report was presented by ${o.presentedBy}.`);
      if (o.presentedByFirst) gaps.push('"The report was presented by …" before the filed clause: a paragraph can only follow the opening');
    }
  }
  if (minute.elected) plan.fields.detail = minute.elected;
  const next = minute.nextMeeting;
  if (next) {
    plan.fields.detail = next.dates.join('; ');
    if (next.form === 'resolved') gaps.push(`next meeting as "RESOLVED: That the ${next.dates.length > 1 ? 'future meetings' : 'next meeting'} of the Board ${next.verb} …": only "It was NOTED that the next meeting of the Board would be held on …" exists`);
    if (next.dates.length > 1) gaps.push('a list of future dates: typed as one "; "-separated date');
  }

  let seenPoints = false;
  let seenDecision = false;
  let lists = 0;
  for (const [i, block] of minute.blocks.entries()) {
    const b: Block = block;
    switch (b.type) {
      case 'standard':
        if (b.text) {
          if (minute.kind === 'business') {
            // The clerk's own opening: no opening sentence (so no author or topic), the words as the first paragraph.
            plan.fields.openingKind = 'none';
            delete plan.fields.author;
            delete plan.fields.topic;
            plan.paragraphs.unshift(b.text);
          } else if (GIVES_WAY.includes(minute.kind)) {
            plan.paragraphs.push(b.text);
          } else {
            gaps.push(`the standard wording of a ${minute.kind} item cannot be edited ("${b.text.slice(0, 60)}…"); left as the app words it`);
          }
        }
        if (i > 0 && minute.blocks.slice(0, i).some((x) => x.type === 'decision')) gaps.push('the standard wording printed after the decision label: it is always first');
        break;
      case 'no-standard':
        gaps.push(`the standard wording of a ${minute.kind} item cannot be removed; the app prints it`);
        break;
      case 'paragraph':
        if (seenPoints || seenDecision) gaps.push(`a paragraph after the ${seenDecision ? 'decision' : 'points'} ("${b.text.slice(0, 50)}…"): paragraphs print before the points`);
        plan.paragraphs.push(b.text);
        break;
      case 'points':
        lists += 1;
        if (lists === 1) {
          if (b.style === 'alpha' || b.style === 'roman') plan.fields.pointsStyle = b.style;
          if (b.intro === null) gaps.push('points with no introduction: the app always prints one');
          else if (b.intro !== undefined) plan.fields.pointsIntro = b.intro;
        } else {
          gaps.push(`a second list of points (${b.style}${b.continues ? ', lettering carried on' : ''}): one list per minute, so its points join the first list`);
        }
        if (b.style === 'bullet' || b.style === 'number') gaps.push(`${b.style} points: only (a) or (i) lettering; entered as points of the list`);
        if (seenDecision) gaps.push('points after the decision: they print before it');
        plan.points.push(...b.items);
        seenPoints = true;
        break;
      case 'decision':
        if (b.label) plan.fields.decisionLabel = b.label;
        if (b.resolutions.length === 0) gaps.push(`a decision label (${b.label}) over the standard wording, with no resolution of its own: a label prints only over resolutions`);
        if (seenDecision) gaps.push('a second decision in one minute: its resolutions join the first');
        plan.resolutions.push(...b.resolutions);
        seenDecision = b.resolutions.length > 0 || seenDecision;
        break;
      case 'chair': {
        const member = [notes.attendance.chair, ...notes.attendance.members].find((p) => WITHOUT_DOTS(p.name) === WITHOUT_DOTS(b.name));
        if (!member) throw new Error(`No member named ${b.name} to take the Chair`);
        plan.chair = member.name;
        if (member.name !== b.name) gaps.push(`"${b.name} in the Chair" printed with the member's name as in the attendance ("${member.name}")`);
        break;
      }
    }
  }
  for (const d of minute.declarations ?? []) {
    const nature = d.wording.replace(/^declared (that )?/, '');
    plan.declarations.push({ member: d.member, category: d.category ?? 'non_registrable', nature });
    gaps.push(
      `declaration in free wording ("${d.member} ${d.wording.slice(0, 40)}…"): the app needs an item and a category (entered as a Non-Registrable Interest in this item) and adds that the member remained and took part`,
    );
  }
  return plan;
}

export function planMeeting(notes: ClerkNotes): MeetingPlan {
  const { attendance } = notes;
  const members: MeetingPlan['members'] = [
    { ...attendance.chair, status: 'present', voting: true },
    ...attendance.members.map((m) => ({ ...m, status: 'present' as const, voting: true })),
    ...attendance.apologies.map((m) => ({ ...m, status: 'apologies' as const, voting: true })),
  ];
  const gaps = [
    `the previous meeting (${notes.meeting.previousMeeting}) cannot be typed: an earlier meeting of the body on that date is created and started, as if minuted in the app`,
  ];
  if (attendance.apologies.length) gaps.push('apologies are recorded for members only: those sending apologies are made members of the body');
  return { notes, members, items: notes.minutes.map((m) => planItem(m, notes)), gaps };
}

/** The times items are taken at: one minute apart from the start, so the clock never decides anything. */
export const takenAt = (index: number): string => {
  const minutes = 10 * 60 + 1 + index * 3;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};
