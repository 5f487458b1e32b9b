/**
 * A seeded random source and a word bank of council business, so the bench
 * data reads like a decade of real minutes and is the same on every machine.
 */

/** mulberry32: a small, fast, seeded generator (same seed, same sequence). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Words {
  constructor(readonly random: () => number) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  person(): string {
    return `${this.pick(TITLES)} ${this.pick(INITIALS)}. ${this.pick(SURNAMES)}`;
  }

  officer(): string {
    return `${this.pick(FIRST_NAMES)} ${this.pick(SURNAMES)}, ${this.pick(OFFICER_ROLES)}`;
  }

  topic(): string {
    return this.pick(TOPICS);
  }

  itemTitle(topic: string): string {
    return this.pick(TITLE_FORMS).replace('{t}', topic);
  }

  /** One narrative sentence about a topic. */
  sentence(topic: string): string {
    return this.pick(SENTENCES)
      .replace(/\{t\}/g, topic.toLowerCase())
      .replace(/\{n\}/g, String(this.int(2, 48)))
      .replace(/\{p\}/g, String(this.int(3, 95)))
      .replace(/\{m\}/g, this.pick(MONEY))
      .replace(/\{o\}/g, this.pick(ORGANISATIONS))
      .replace(/\{w\}/g, this.pick(WARDS))
      .replace(/\{q\}/g, this.pick(QUARTERS));
  }

  paragraph(topic: string, sentences = this.int(2, 4)): string {
    return Array.from({ length: sentences }, () => this.sentence(topic)).join(' ');
  }

  point(topic: string): string {
    const s = this.sentence(topic);
    return this.pick(POINT_LEADS) + s.charAt(0).toLowerCase() + s.slice(1);
  }

  resolution(topic: string): string {
    return this.pick(RESOLUTIONS)
      .replace(/\{t\}/g, topic.toLowerCase())
      .replace(/\{o\}/g, this.pick(ORGANISATIONS))
      .replace(/\{q\}/g, this.pick(QUARTERS))
      .replace(/\{m\}/g, this.pick(MONEY));
  }
}

export const BODY_KINDS = ['Committee', 'Board', 'Panel', 'Sub-Committee', 'Forum'] as const;

export const BODY_NAMES = [
  'Planning Committee',
  'Licensing Committee',
  'Audit and Governance Committee',
  'Health and Wellbeing Board',
  'Safer Communities Partnership',
  'Children and Young People Scrutiny Panel',
  'Adult Social Care Scrutiny Panel',
  'Corporate Parenting Board',
  'Pensions Committee',
  'Standards Committee',
  'Housing and Regeneration Board',
  'Environment and Climate Panel',
  'Highways and Transport Committee',
  'Economic Development Board',
  'Schools Forum',
  'Employment Committee',
  'Flood Risk Management Panel',
  'Heritage and Culture Board',
  'Waste Partnership Board',
  'Police and Crime Panel',
  'Local Plan Working Group',
  'Rural Affairs Panel',
  'Procurement Board',
  'Tenancy Services Panel',
  'Community Grants Panel',
  'Public Health Sub-Committee',
  'Digital Transformation Board',
  'Market Towns Partnership',
  'Leisure Services Panel',
  'Coastal Communities Board',
  'Skills and Employment Partnership',
  'Corporate Resources Committee',
  'Overview and Scrutiny Committee',
  'Appeals Panel',
  'Joint Transport Board',
  'Domestic Abuse Partnership Board',
  'Homelessness Forum',
  'Climate Emergency Board',
  'Parks and Open Spaces Panel',
  'Town Centre Partnership',
];

export const PLACES = ['Kingsbridge', 'Northmoor', 'Eastleigh Vale', 'Westbury Down', 'Ashford Cross', 'Millbrook', 'Southfield', 'Harrowgate'];

const TITLES = ['Cllr.', 'Cllr.', 'Cllr.', 'Mrs', 'Mr', 'Ms', 'Dr', 'Cllr. Dr'];
const INITIALS = 'ABCDEFGHJKLMNPRSTW'.split('');
const FIRST_NAMES = ['Amelia', 'Rik', 'Priya', 'Tom', 'Hannah', 'Kwame', 'Sian', 'Gareth', 'Fatima', 'Oliver', 'Grace', 'Imran', 'Lucy', 'Declan', 'Nadia', 'Peter'];
const SURNAMES = [
  'Taylor', 'Hart', 'Pearce', 'Okafor', 'Basra', 'Jenkins', 'Morgan', 'Patel', 'Hughes', 'Walsh', 'Brennan', 'Clarke', 'Ahmed', 'Evans', 'Foster',
  'Griffiths', 'Holloway', 'Iqbal', 'Kerr', 'Lloyd', 'Mensah', 'Nolan', 'Owen', 'Price', 'Quinn', 'Reid', 'Shah', 'Turner', 'Underwood', 'Vaughan',
];
const OFFICER_ROLES = [
  'Head of Planning', 'Democratic Services Officer', 'Director of Finance', 'Community Safety Coordinator', 'Head of Housing', 'Monitoring Officer',
  'Public Health Consultant', 'Head of Highways', 'Strategic Lead for Climate', 'Head of Audit', 'Licensing Manager', 'Head of Children’s Services',
];
export const ORGANISATIONS = [
  'Wessex County Council', 'Kingsbridge District Council', 'Northmoor Borough Council', 'Wessex Police', 'Wessex Fire and Rescue Service',
  'the Integrated Care Board', 'the Environment Agency', 'Kingsbridge Housing Association', 'the Chamber of Commerce', 'the Voluntary Sector Forum',
];
const WARDS = ['Abbey', 'Castle', 'Riverside', 'Market', 'Hillside', 'Harbour', 'St Mary’s', 'Oakfield', 'Northgate', 'Meadowbank'];
const QUARTERS = ['the first quarter', 'the second quarter', 'the third quarter', 'the fourth quarter', 'the year to date', 'the next municipal year'];
const MONEY = ['£12,500', '£48,000', '£150,000', '£1.2 million', '£3.4 million', '£275,000', '£9,800', '£640,000'];

const TOPICS = [
  'Serious Violence Duty', 'Community Safety Grant Allocation', 'Town Centre CCTV', 'Youth Diversion Programme', 'Budget Monitoring Report',
  'Treasury Management Strategy', 'Internal Audit Progress Report', 'Risk Register', 'Local Plan Review', 'Affordable Housing Delivery',
  'Homelessness Prevention Strategy', 'Temporary Accommodation', 'Air Quality Action Plan', 'Climate Emergency Action Plan', 'Flood Defence Scheme',
  'Highways Maintenance Programme', 'Bus Service Improvement Plan', 'Active Travel Network', 'Waste Collection Contract', 'Recycling Performance',
  'Leisure Centre Refurbishment', 'Library Service Review', 'Parks Management Plan', 'Public Toilet Provision', 'Street Lighting Upgrade',
  'Domestic Abuse Strategy', 'Child Exploitation Update', 'Early Help Services', 'School Place Planning', 'Special Educational Needs Provision',
  'Adult Social Care Charging Policy', 'Carers Strategy', 'Mental Health Crisis Support', 'Health Inequalities Report', 'Smoking Cessation Service',
  'Licensing Policy Statement', 'Taxi Licensing Conditions', 'Gambling Policy', 'Pensions Fund Valuation', 'Investment Strategy Statement',
  'Corporate Performance Report', 'Workforce Strategy', 'Digital Inclusion', 'Customer Services Review', 'Complaints Annual Report',
  'Heritage Action Zone', 'Conservation Area Appraisal', 'Tree Preservation Order', 'Enforcement Update', 'Section 106 Contributions',
  'Community Infrastructure Levy', 'Coastal Erosion Management', 'Rural Broadband', 'Market Town Regeneration', 'Anti-Social Behaviour Policy',
  'Hate Crime Action Plan', 'Modern Slavery Statement', 'Procurement Strategy', 'Social Value Framework', 'Annual Governance Statement',
];
const TITLE_FORMS = ['{t}', '{t}', '{t}', '{t}: Update', '{t}: Annual Report', '{t}: Consultation Response', 'Review of the {t}', '{t}: Progress Report'];

const SENTENCES = [
  'The report set out the progress made on the {t} during {q}, including {n} actions completed against the agreed plan.',
  'Members were reminded that the {t} had been agreed by the Board in principle and that the detailed proposals were now before them.',
  'The officer explained that {p} per cent of the funding of {m} had been committed, with the remainder expected to be allocated by the end of {q}.',
  'In answer to a question, it was confirmed that {o} had been consulted and had raised no objection to the proposals.',
  'Concerns were expressed about the impact of the {t} on residents in {w} ward, particularly older people and those without access to a car.',
  'The Chairman thanked the officers for a clear and comprehensive report and for the work of the partnership over {q}.',
  'It was noted that {n} responses had been received to the public consultation, the majority of which supported the preferred option.',
  'A member asked whether the targets were realistic given the pressures on staffing; the officer replied that recruitment to {n} vacant posts was under way.',
  'The Board heard that the risk rating had been reduced from red to amber following the mitigating actions taken by {o}.',
  'Members welcomed the partnership working with {o} and asked that an update on the {t} be brought to a future meeting.',
  'The Director of Finance reported a projected overspend of {m} against the budget, largely due to demand pressures in {q}.',
  'Clarification was sought on the timetable; it was explained that the scheme would be delivered in {n} phases, subject to planning permission.',
  'The committee was informed that the equality impact assessment had identified no adverse impact on any group with a protected characteristic.',
  'A representative of {o} gave a presentation on the findings of the review, which had drawn on the views of {n} local organisations.',
  'It was reported that performance in {w} ward remained below the county average and that a targeted programme had been put in place.',
  'Members discussed the options set out in the report and agreed that the second option offered the best value for money.',
  'The officer undertook to circulate the detailed figures for {w} ward to members after the meeting.',
  'It was emphasised that the {t} would be kept under review and that any significant change would be reported to the committee.',
  'Questions were raised about the governance arrangements for the {t}, and the Monitoring Officer confirmed that the decision fell within the committee’s terms of reference.',
  'The report noted that {p} per cent of residents surveyed were satisfied with the service, an improvement on the previous year.',
];
const POINT_LEADS = ['', '', 'That ', 'It was noted that ', 'Members noted that '];
const RESOLUTIONS = [
  'That the contents of the report on the {t} be noted.',
  'That the recommendations set out in the report on the {t} be approved.',
  'That the Director be authorised, in consultation with the Chairman, to finalise the {t} and publish it.',
  'That an update on the {t} be brought to the committee in {q}.',
  'That the allocation of {m} from the reserve to the {t} be approved.',
  'That the committee’s thanks to {o} for its contribution to the {t} be recorded.',
  'That the response to the consultation on the {t}, as set out in the appendix, be agreed and submitted.',
  'That the risk register be updated to reflect the changes to the {t} reported at the meeting.',
  'That officers work with {o} to develop an action plan for the {t} and report back in {q}.',
  'That further information on the {t} be circulated to members after the meeting.',
];
