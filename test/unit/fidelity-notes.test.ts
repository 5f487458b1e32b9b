/**
 * The clerk's notes of the fidelity tests are honest: every word a clerk
 * types in them is in the published minutes (nothing invented to help the
 * figure), none of it is the app's own standard wording (which the app must
 * write itself), and the plan carries every block of them into the app.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTES } from '../fidelity/notes-index';
import { planMeeting } from '../fidelity/plan';
import type { ClerkNotes } from '../fixtures/reference/notes';
import { READINGS } from '../fixtures/reference/readings';
import { normaliseLine, readPublished } from '../helpers/fidelity';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'reference');
const flat = (text: string) => text.split(/\r?\n/).map(normaliseLine).filter(Boolean).join(' ');

/** What the clerk types: everything in the notes but the choices (forms, styles, labels). */
function typed(notes: ClerkNotes): { where: string; text: string; standard: boolean }[] {
  const out: { where: string; text: string; standard: boolean }[] = [];
  for (const m of notes.minutes) {
    const where = `agenda item ${m.agendaNumber}`;
    const add = (text: string | undefined, standard = false) => text && out.push({ where, text, standard });
    add(m.opening?.author);
    add(m.opening?.topic?.text);
    add(m.opening?.presentedBy);
    add(m.elected);
    for (const d of m.declarations ?? []) add(`${d.member} ${d.wording}`);
    for (const date of m.nextMeeting?.dates ?? []) add(date);
    for (const b of m.blocks) {
      if (b.type === 'standard') add(b.text, true);
      if (b.type === 'paragraph') add(b.text);
      if (b.type === 'points') {
        if (b.intro) add(b.intro);
        b.items.forEach((t) => add(t));
      }
      if (b.type === 'decision') b.resolutions.forEach((t) => add(t));
      if (b.type === 'chair') add(b.name);
    }
  }
  return out;
}

/** Sentences only the app writes: a clerk's notes never type them (an edited standard wording aside). */
const APP_WORDING = [
  /is filed with these minutes/,
  /^The (Board|Committee) (considered|received)/,
  /invited members who wished to do so to declare/,
  /were taken as read and confirmed/,
  /It was proposed, seconded, and AGREED/,
  /vary the order of business/,
  /No declarations were made/,
  /^Arising from discussions the following points were noted/,
];

/** A title the published text does not show: the web page of 2021 prints no heading over its first minute. */
const UNSHOWN_TITLES = new Set(['2021-09-24: Introductions']);

describe.each(NOTES.map((n) => [n.reference, n] as const))('the clerk\'s notes of %s', (reference, notes) => {
  const raw = readFileSync(join(FIXTURES, `${reference}-minutes.txt`), 'utf8');
  const published = readPublished(raw, READINGS[reference]).join(' ');

  it('type only words the published minutes print', () => {
    const missing = typed(notes).filter((t) => !published.includes(flat(t.text)));
    expect(missing.map((m) => `${m.where}: ${m.text}`)).toEqual([]);
    for (const m of notes.minutes) {
      if (!UNSHOWN_TITLES.has(`${reference}: ${m.title}`)) expect(flat(raw), m.title).toContain(flat(m.title));
    }
  });

  it('never type the app\'s own wording (only an edited standard wording may say it)', () => {
    const offending = typed(notes).filter((t) => !t.standard && APP_WORDING.some((p) => p.test(t.text)));
    expect(offending.map((o) => `${o.where}: ${o.text}`)).toEqual([]);
  });

  it('are carried whole into the plan: every point, resolution and paragraph, every taken item', () => {
    const plan = planMeeting(notes);
    expect(plan.items.map((i) => i.agendaNumber)).toEqual(notes.minutes.map((m) => m.agendaNumber));
    expect(new Set(notes.agenda.map((a) => a.agendaNumber)).size).toBe(notes.agenda.length);
    for (const [i, m] of notes.minutes.entries()) {
      const p = plan.items[i]!;
      expect(notes.agenda.find((a) => a.agendaNumber === m.agendaNumber)?.title).toBe(m.title);
      const points = m.blocks.flatMap((b) => (b.type === 'points' ? b.items : []));
      const resolutions = m.blocks.flatMap((b) => (b.type === 'decision' ? b.resolutions : []));
      const paragraphs = m.blocks.filter((b) => b.type === 'paragraph').length;
      expect(p.blocks.filter((b) => b.kind === 'point').map((b) => b.text)).toEqual(points);
      expect(p.blocks.filter((b) => b.kind === 'resolution').map((b) => b.text)).toEqual(resolutions);
      expect(p.blocks.filter((b) => b.kind === 'paragraph').length).toBeGreaterThanOrEqual(paragraphs);
    }
  });
});
