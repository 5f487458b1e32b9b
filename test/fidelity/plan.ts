/**
 * The one place where a clerk's notes (test/fixtures/reference/notes.ts)
 * become what the app is told: the item's fields, its blocks in printed
 * order (paragraphs, points with their style and introduction, resolutions
 * with their label), the standard wording's place or the clerk's edit of it,
 * declarations and chair changes. Both fidelity drivers (the API one and the
 * keyboard one in Chromium) enter this plan.
 *
 * Where the notes say something today's app has no way to say, the plan
 * does the nearest thing a clerk could do and records a gap, printed by the
 * tests beside the figures.
 */
import type { AgendaItemKind, DecisionLabel, InterestCategory, ListStyle, NextMeetingForm, OpeningKind } from '../../shared/model';
import type { Block, ClerkNotes, MinuteNotes, Person } from '../fixtures/reference/notes';

/** One block of the minute as the clerk enters it, in printed order. */
export type BlockPlan =
  | { kind: 'paragraph'; text: string }
  | { kind: 'point'; text: string; style: ListStyle; intro?: string | null }
  | { kind: 'resolution'; text: string; label?: DecisionLabel | null };

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
    filed?: string | null;
    nextForm?: NextMeetingForm;
    /** The standard wording as the clerk edited it ('' removed). */
    standardText?: string;
    /** How many of the clerk's blocks come before the standard wording. */
    standardAt?: number;
  };
  /** A sentence the clerk types into the standard wording, in place, before the words given. */
  insertIntoStandard?: { before: string; text: string };
  /** The clerk's blocks in printed order. */
  blocks: BlockPlan[];
  declarations: { member: string; wording: string; category: InterestCategory | null; agendaNumber: number | null }[];
  /** The member (by name as in the attendance) who takes the Chair at this item. */
  chair: string | null;
  /** What the notes say that the app cannot, and what was done instead. */
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

/** The topic as the clerk types it: the app joins a "which …" clause on as typed, with the comma only when typed. */
function topicFor(minute: MinuteNotes): string | undefined {
  const o = minute.opening;
  const topic = o?.topic;
  if (!topic) return undefined;
  if (topic.form === 'purpose') return `the purpose of which was to ${topic.text}`;
  if (topic.form === 'clause') return /^which\b/.test(topic.text) && o?.commaAfterAuthor !== false ? `, ${topic.text}` : topic.text;
  // "regarding": a report's "…, which provided an update regarding …"; without the comma the clerk types the clause.
  if (o?.form === 'report' && o.commaAfterAuthor === false) return `which provided an update regarding ${topic.text}`;
  if (o?.form !== 'report' && o?.commaAfterAuthor === true) return `, regarding ${topic.text}`;
  return topic.text;
}

const OPENING: Record<NonNullable<MinuteNotes['opening']>['form'], OpeningKind> = {
  report: 'report',
  presentation: 'presentation',
  verbal: 'verbal',
  'report-and-presentation': 'report_presentation',
  none: 'none',
};

function planItem(minute: MinuteNotes, notes: ClerkNotes): ItemPlan {
  const gaps: string[] = [];
  const plan: ItemPlan = { agendaNumber: minute.agendaNumber, title: minute.title, kind: minute.kind, fields: {}, blocks: [], declarations: [], chair: null, gaps };
  const o = minute.opening;
  if (o) {
    plan.fields.openingKind = OPENING[o.form];
    if (o.author) plan.fields.author = o.author;
    const topic = topicFor(minute);
    if (topic) plan.fields.topic = topic;
    // A document named: "A copy of the newsletter, …" (the plural one of a report and presentation is the standard clause).
    if (typeof o.filed === 'object' && !(o.form === 'report-and-presentation' && o.filed.plural)) plan.fields.filed = `the ${o.filed.document}`;
    if (o.filed === false) plan.fields.filed = '';
  }
  if (minute.elected) plan.fields.detail = minute.elected;
  const next = minute.nextMeeting;
  if (next) {
    plan.fields.detail = next.dates.join('\n');
    plan.fields.nextForm = `${next.form}_${next.verb === 'take place on' ? 'take_place' : 'held'}` as NextMeetingForm;
  }

  let lists = 0;
  let lastWasResolution = false;
  for (const block of minute.blocks) {
    const b: Block = block;
    switch (b.type) {
      case 'standard':
        plan.fields.standardAt = plan.blocks.length;
        if (b.text) plan.fields.standardText = b.text;
        // Who presented the report, when not its author: the clerk's sentence after the opening.
        if (o?.presentedBy && o.presentedByFirst) plan.insertIntoStandard = { before: 'A copy of', text: `The report was presented by ${o.presentedBy}. ` };
        else if (o?.presentedBy) plan.blocks.push({ kind: 'paragraph', text: `The report was presented by ${o.presentedBy}.` });
        lastWasResolution = false;
        break;
      case 'no-standard':
        plan.fields.standardText = '';
        break;
      case 'paragraph':
        plan.blocks.push({ kind: 'paragraph', text: b.text });
        lastWasResolution = false;
        break;
      case 'points': {
        lists += 1;
        // The first list has the standard introduction unless the clerk wrote one (or none); a later list
        // carries on the numbering before it, or starts afresh.
        const intro = b.continues ? null : b.intro === undefined ? (lists === 1 ? null : '') : b.intro === null ? '' : b.intro;
        b.items.forEach((text, i) => plan.blocks.push({ kind: 'point', text, style: b.style, ...(i === 0 ? { intro } : {}) }));
        lastWasResolution = false;
        break;
      }
      case 'decision':
        if (b.resolutions.length === 0) {
          // The label alone over what follows (the standard wording): typed as its own line.
          plan.blocks.push({ kind: 'paragraph', text: `${b.label ?? 'RESOLVED'}:` });
          lastWasResolution = false;
          break;
        }
        b.resolutions.forEach((text, i) =>
          plan.blocks.push({ kind: 'resolution', text, ...(i === 0 && (b.label || lastWasResolution) ? { label: b.label ?? 'RESOLVED' } : {}) }),
        );
        lastWasResolution = true;
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
    plan.declarations.push({ member: d.member, wording: d.wording, category: d.category ?? null, agendaNumber: d.agendaNumber ?? null });
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
  const gaps: string[] = [];
  if (attendance.apologies.length) gaps.push('apologies are recorded for members only: those sending apologies are made members of the body');
  return { notes, members, items: notes.minutes.map((m) => planItem(m, notes)), gaps };
}

/** The times items are taken at: one minute apart from the start, so the clock never decides anything. */
export const takenAt = (index: number): string => {
  const minutes = 10 * 60 + 1 + index * 3;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};
