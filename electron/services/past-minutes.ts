/**
 * A body's past minutes brought in (issue 18). Reading (a .docx or pasted
 * text) happens in the parsing worker with the same limits as every other
 * import and saves nothing; saving writes each confirmed meeting as a
 * meeting of the body, its minutes confirmed and locked, its record frozen
 * as read (so it prints as it was published), and marked imported.
 *
 * The meeting is stored in the ordinary tables (items, entries, attendance),
 * not as a blob: the numbering rule then continues from it, a new meeting
 * cites its date as the previous meeting, and search finds its words. Each
 * item's standard wording is switched off (standard_text = ''), so nothing
 * the app would compose is added to what was read.
 */
import type { PastMinutesPreview, PastMinutesSaved, ParsedInput } from '../../shared/contract';
import { closingText, minuteNumbers } from '../../shared/minutes/document';
import { inferKind } from '../../shared/minutes/standard-items';
import { MAX_MINUTE_NUMBER_JUMP, personKey as nameKey, roleOf, sameBody, type PastMeeting, type PastPerson } from '../../shared/import/past-minutes';
import type { MeetingRecord } from '../../shared/model';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import { firstMinuteNumber, minuteMark, municipalYearStart } from '../../shared/rules/numbering';
import { formatLongDate, formatTime, monthName } from '../../shared/format';
import { isBeforeStart } from '../../shared/rules/meeting-clock';
import { parseIsolated } from '../import/isolated';
import { isoNow, type Handlers, type ReadContext, type ServiceContext } from './context';
import { freezeRecord } from './guards';
import { rememberAttendee } from './attendance-ops';
import { loadBody } from './lookups';
import { loadLiveRecord, meetingsForNumbering } from './meeting-record';
import { pastMeeting } from '../../shared/schemas';

/** The start assumed when the minutes do not say (printed minutes rarely do): the usual 10.00 am. */
const DEFAULT_START = '10:00';

/** The body's name as imported minutes print it: as they name it, unless they name none or only in capitals. */
function printedBodyName(read: string, body: string): string {
  const name = read.trim();
  return name && name !== name.toUpperCase() ? name : body;
}

const anotherBody = (read: string, body: string) =>
  `These are the minutes of the ${read}, not of the ${body}. Import them on that body’s page; nothing was saved.`;

/** Where the body's numbering would have a meeting of `date` with `count` minutes start. */
function suggestedFirst(ctx: ReadContext, bodyId: number, date: string, startTime: string, count: number): number {
  const body = loadBody(ctx, bodyId);
  const meetings = meetingsForNumbering(ctx, bodyId, date, body.yearStartMonth);
  return firstMinuteNumber({ id: -1, date, startTime, minuteNumberStart: null, minuteCount: count }, meetings, body.yearStartMonth);
}

/** import.readPastMinutes: read in the worker, checked against the body; nothing saved. */
export async function readPastMinutes(
  input: ParsedInput<'import.readPastMinutes'>,
  ctx: ReadContext,
  inReadTransaction: <T>(fn: () => T) => T,
): Promise<Result<PastMinutesPreview>> {
  try {
    const body = inReadTransaction(() => loadBody(ctx, input.bodyId));
    const read = await parseIsolated(
      input.source.kind === 'text' ? { kind: 'minutes-text', text: input.source.text } : { kind: 'minutes-docx', bytes: Buffer.from(input.source.base64, 'base64') },
      {},
      { handOver: true },
    );
    if (!read.ok) return fail('invalid_input', read.error.message);
    const meeting = read.value;
    if (!sameBody(meeting.bodyName, body.name)) return fail('invalid_input', anotherBody(meeting.bodyName, body.name));
    // Minutes that name no body ("Minutes of the meeting held on …") are the minutes of the body they are read for.
    if (!meeting.bodyName.trim()) meeting.bodyName = body.name;
    // What was read must be what a meeting can hold (the reader fits it), so the preview can always be saved.
    const fits = pastMeeting.safeParse(meeting);
    if (!fits.success) {
      const issue = fits.error.issues[0]!;
      return fail('invalid_input', `These minutes could not be read into a meeting the app can keep (${issue.message}, at ${issue.path.join('.')}). Nothing was saved.`);
    }
    return inReadTransaction(() => {
      // Someone the body knows as an officer, attendee or guest (and not a member) is taken as that, wherever the minutes list them.
      const members = new Set(body.members.map((m) => nameKey(m.name)));
      const known = new Map(
        (ctx.store.db.prepare('SELECT name, category FROM known_attendee WHERE body_id = ?').all(body.id) as { name: string; category: 'officer' | 'attendee' | 'guest' }[]).map((k) => [nameKey(k.name), k.category]),
      );
      // A year printed in the numbers that is not the year the body's numbering runs through: the clerk should check the body's year.
      if (meeting.numberForm && meeting.numberYear && meeting.minutes[0]?.number) {
        const printed = minuteMark(meeting.minutes[0].number, meeting.date, body.yearStartMonth, meeting.numberForm);
        const year = municipalYearStart(meeting.date, body.yearStartMonth).slice(0, 4);
        if (!year.endsWith(meeting.numberYear)) {
          meeting.warnings.push(
            `The minutes print the year as “${meeting.numberYear}”, but ${body.name}’s municipal year (starting in ${monthName(body.yearStartMonth)}) makes this meeting’s first minute ${printed}. Check the month the body’s year starts in before saving.`,
          );
        }
      }
      const a = meeting.attendance;
      for (const p of [a.chair, ...a.present, ...a.substitutes, ...a.apologies, ...a.absent]) {
        const category = p && !members.has(nameKey(p.name)) ? known.get(nameKey(p.name)) : undefined;
        if (p && category && !p.as) p.as = category;
      }
      const existing = ctx.store.db.prepare('SELECT id FROM meeting WHERE body_id = ? AND date = ? ORDER BY id LIMIT 1').get(body.id, meeting.date) as { id: number } | undefined;
      return ok({
        meeting,
        suggestedFirstMinuteNumber: suggestedFirst(ctx, body.id, meeting.date, meeting.startTime ?? DEFAULT_START, meeting.minutes.filter((m) => !m.unnumbered).length),
        existingMeetingId: existing?.id ?? null,
      });
    });
  } catch (error) {
    if (error instanceof DomainError) return fail(error.code, error.message);
    return fail('internal', `The minutes could not be read: ${(error as Error)?.message ?? String(error)}`);
  }
}


/**
 * The minute numbers the meeting will carry: as read, or from the first one given. Read numbers run on one by one,
 * or jump forward a little where the published minutes skipped numbers ("7." then "9.": an exempt minute left out of
 * them); each minute's skip is kept, so it prints as read and the next meeting continues after its last number.
 */
function numbersOf(meeting: PastMeeting, given: number | null, suggested: () => number): { first: number; skipped: number[]; printed: (number | null)[] } {
  // A minute printed with no number takes none: the numbering is that of the others.
  const numbered = meeting.minutes.map((m, i) => ({ n: m.number, i })).filter(({ i }) => !meeting.minutes[i]!.unnumbered);
  const read = numbered.map((m) => m.n);
  const skipped = meeting.minutes.map(() => 0);
  const first = read.findIndex((n) => n !== null);
  const start = first < 0 ? (given ?? suggested()) : read[first]! - first;
  if (start < 1) throw new DomainError('invalid_input', `The first minute of ${formatLongDate(meeting.date)} would be numbered ${start}; minute numbers start at 1`);
  let next = start;
  const printed: (number | null)[] = meeting.minutes.map(() => null);
  read.forEach((n, i) => {
    const at = numbered[i]!.i;
    if (n !== null && i > first && n > next && n - next < MAX_MINUTE_NUMBER_JUMP) skipped[at] = n - next;
    else if (n !== null && n !== next) {
      throw new DomainError(
        'invalid_input',
        `The minutes of ${formatLongDate(meeting.date)} are numbered ${read[i - 1] ?? '–'} then ${n}: each minute's number must follow the one before (or skip at most ${MAX_MINUTE_NUMBER_JUMP - 1}). Correct the number in the preview; nothing was saved.`,
      );
    }
    next += skipped[at]!;
    printed[at] = next++;
  });
  return { first: start, skipped, printed };
}

function saveMeeting(ctx: ServiceContext, bodyId: number, meeting: PastMeeting, givenFirst: number | null, source: string): number {
  const db = ctx.store.db;
  const body = loadBody(ctx, bodyId);
  if (!sameBody(meeting.bodyName, body.name)) throw new DomainError('invalid_input', anotherBody(meeting.bodyName, body.name));
  const clash = db.prepare('SELECT id FROM meeting WHERE body_id = ? AND date = ?').get(bodyId, meeting.date);
  if (clash) {
    throw new DomainError('conflict', `${body.name} already has a meeting on ${formatLongDate(meeting.date)}; past minutes are imported once, so nothing was saved`);
  }
  const start = meeting.startTime ?? DEFAULT_START;
  if (meeting.closedAt && isBeforeStart(start, meeting.closedAt)) {
    throw new DomainError('invalid_input', `The meeting of ${formatLongDate(meeting.date)} closes at ${formatTime(meeting.closedAt)}, before it starts (${formatTime(start)})`);
  }
  if ((meeting.minutes[0]?.exempt ?? null) !== null) {
    throw new DomainError('invalid_input', `The first minute of ${formatLongDate(meeting.date)} is marked exempt, but no minute before it excludes the public; nothing was saved`);
  }
  const { first, skipped, printed: numbers } = numbersOf(meeting, givenFirst, () => suggestedFirst(ctx, bodyId, meeting.date, start, meeting.minutes.filter((m) => !m.unnumbered).length));
  // Minutes numbered within the year ("21.44"): the body numbers its minutes that way from now on, unless it already has a rule of its own.
  if (meeting.numberForm && (body.minuteNumberForm ?? '{n}.') === '{n}.') {
    db.prepare('UPDATE body SET minute_number_form = ? WHERE id = ?').run(meeting.numberForm, bodyId);
  }
  const now = isoNow(ctx);
  const meetingId = Number(
    db
      .prepare(
        `INSERT INTO meeting (body_id, date, start_time, venue, mode, contact_officer, minute_number_start, started_at, closed_at, minutes_status, imported_from, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, 'confirmed', ?, ?, ?)`,
      )
      .run(bodyId, meeting.date, start, meeting.venue, meeting.mode, first, start, meeting.closedAt, source, now, now).lastInsertRowid,
  );

  // The people: members matched to the body's by name (or added to it), others as officers and attendees.
  const members = new Map(body.members.map((m) => [nameKey(m.name), m.id]));
  const printed = new Map<number, string>();
  let position = 0;
  const memberId = (p: PastPerson): number => {
    // The member the clerk chose in the preview, else the one of that name, else a new member.
    if (typeof p.memberId === 'number') {
      if (!body.members.some((m) => m.id === p.memberId)) throw new DomainError('invalid_input', `${p.name} is matched to a member who is not a member of ${body.name}; nothing was saved`);
      return p.memberId;
    }
    const key = nameKey(p.name);
    let found = members.get(key);
    if (found === undefined) {
      const next = db.prepare('SELECT coalesce(max(position) + 1, 0) AS p FROM member WHERE body_id = ?').get(bodyId) as { p: number };
      found = Number(
        db
          .prepare(`INSERT INTO member (body_id, name, role, organisation, email, voting, position) VALUES (?, ?, '', ?, '', 1, ?)`)
          .run(bodyId, p.name.trim(), p.detail.trim(), next.p).lastInsertRowid,
      );
      members.set(key, found);
    }
    return found;
  };
  /** Each person's attendance row by name, for the declarations read. */
  const attendanceOf = new Map<string, number>();
  const replacedIds = new Set<number>();
  const addMember = (p: PastPerson, status: 'present' | 'apologies' | 'absent'): number | null => {
    const id = memberId(p);
    const already = db.prepare('SELECT id FROM attendance WHERE meeting_id = ? AND member_id = ?').get(meetingId, id) as { id: number } | undefined;
    if (already) return already.id;
    // Whom a substitute stood in for: a member of the body (added if new), once per meeting, never themselves.
    let replaced: number | null = null;
    if (status === 'present' && p.substituteFor) {
      const r = memberId({ name: p.substituteFor, detail: '' });
      if (r !== id && !replacedIds.has(r)) replaced = r;
      if (replaced !== null) replacedIds.add(replaced);
    }
    const attendanceId = Number(
      db
        .prepare(
          `INSERT INTO attendance (meeting_id, category, member_id, name, role, organisation, status, remote, substitute_for_member_id, position)
           VALUES (?, 'member', ?, '', '', '', ?, ?, ?, ?)`,
        )
        .run(meetingId, id, status, status === 'present' && p.remote ? 1 : 0, replaced, position++).lastInsertRowid,
    );
    printed.set(attendanceId, p.detail.trim());
    attendanceOf.set(nameKey(p.name), attendanceId);
    return attendanceId;
  };
  /** An officer, other attendee or guest: a row of its own, and remembered by the body for its next meetings (not made a member). */
  const addOther = (p: PastPerson, category: 'officer' | 'attendee' | 'guest', status: 'present' | 'apologies' | 'absent'): number => {
    const dup = db.prepare(`SELECT id FROM attendance WHERE meeting_id = ? AND category <> 'member' AND name = ? COLLATE NOCASE`).get(meetingId, p.name.trim()) as { id: number } | undefined;
    if (dup) return dup.id;
    const attendanceId = Number(
      db
        .prepare(
          `INSERT INTO attendance (meeting_id, category, member_id, name, role, organisation, status, remote, substitute_for_member_id, position)
           VALUES (?, ?, NULL, ?, '', ?, ?, ?, NULL, ?)`,
        )
        .run(meetingId, category, p.name.trim(), p.detail.trim(), status, status === 'present' && p.remote ? 1 : 0, position++).lastInsertRowid,
    );
    attendanceOf.set(nameKey(p.name), attendanceId);
    if (!/\bmembers? of the (?:public|press)\b/i.test(p.name)) rememberAttendee(ctx, bodyId, { category, name: p.name.trim(), role: '', organisation: p.detail.trim() });
    return attendanceId;
  };
  const add = (p: PastPerson, list: Parameters<typeof roleOf>[1]): number | null => {
    const role = roleOf(p, list);
    const status = list === 'apologies' ? 'apologies' : list === 'absent' ? 'absent' : 'present';
    return role === 'member' ? addMember(p, status) : addOther(p, role, status);
  };
  const a = meeting.attendance;
  const chairId = a.chair ? add(a.chair, 'chair') : null;
  for (const p of a.present) add(p, 'present');
  for (const p of a.substitutes) add(p, 'substitutes');
  for (const p of a.officers) add(p, 'officers');
  for (const p of a.others) add(p, 'others');
  for (const p of a.apologies) add(p, 'apologies');
  for (const p of a.absent) add(p, 'absent');
  if (chairId !== null) db.prepare('INSERT INTO chair_change (meeting_id, attendance_id, agenda_item_id, time) VALUES (?, ?, NULL, ?)').run(meetingId, chairId, start);

  // The minutes: one item each, in order, its blocks as entries in the order read.
  // Its agenda reference kept as its papers ("Agenda Item 6"), a minute after the exclusion of the public exempt under the paragraph cited.
  const item = db.prepare(
    `INSERT INTO agenda_item (meeting_id, position, title, presenter, papers, exempt, exempt_paragraph, kind, taken_at, business_order, standard_text, numbers_skipped, unnumbered)
     VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, '', ?, ?)`,
  );
  const itemIds: number[] = [];
  const declarations: { itemOf: number; d: NonNullable<Extract<PastMeeting['minutes'][number]['blocks'][number], { type: 'paragraph' }>['declaration']> }[] = [];
  const entry = db.prepare(
    `INSERT INTO minute_entry (agenda_item_id, kind, position, text, recorded_at, style, intro, label, marker_form, run_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  /** The minutes that excluded the public (each one before a run of exempt minutes): their words, as read, are the exclusion. */
  const excludedBy: number[] = [];
  meeting.minutes.forEach((minute, place) => {
    const exempt = minute.exempt ?? null;
    const papers = minute.agendaRef ? `Agenda Item ${minute.agendaRef}` : '';
    // The minute excluding the public is the exclusion whatever its title ("Confidential business"), so the numbering adds no exclusion of its own.
    const excludes = exempt === null && (meeting.minutes[place + 1]?.exempt ?? null) !== null;
    const kind = excludes ? 'exclusion' : inferKind(minute.title);
    const itemId = Number(item.run(meetingId, place, minute.title.trim(), papers, exempt === null ? 0 : 1, exempt, kind, start, place, skipped[place]!, minute.unnumbered ? 1 : 0).lastInsertRowid);
    if (excludes) excludedBy.push(itemId);
    itemIds.push(itemId);
    let at = 0;
    for (const b of minute.blocks) {
      if (b.type === 'paragraph') {
        if (b.text.trim()) entry.run(itemId, 'paragraph', at++, b.text.trim(), start, null, null, null, null, 0);
        if (b.declaration) declarations.push({ itemOf: place, d: b.declaration });
      } else if (b.type === 'points') {
        b.items.forEach((text, i) => {
          // A list that starts at its first marker says so (its own introduction, even none); one carrying on after a paragraph does not.
          const intro = i === 0 ? (b.intro ?? (b.start === 0 ? '' : null)) : null;
          entry.run(itemId, 'point', at++, text.trim(), start, b.style, intro, null, null, 0);
        });
      } else {
        // A decision's label line as printed ("RESOLVED – That:") is kept as its first resolution's introduction, and the
        // style its resolutions were marked in ("(1)", "(i)", and "1)" with its bracket form) on each of them, so the
        // minutes print them as the original did.
        const style = b.style && b.style !== 'alpha' ? b.style : null;
        const bracket = b.bracket === 'close' ? 'close' : null;
        // Printed on one line with its label ("RESOLVED – That …"): its only resolution says so, and prints so again.
        const runOn = b.runOn === true && b.resolutions.length === 1 && !!b.intro?.trim() ? 1 : 0;
        b.resolutions.forEach((text, i) => entry.run(itemId, 'resolution', at++, text.trim(), start, style, i === 0 ? (b.intro?.trim() || null) : null, i === 0 ? b.label : null, bracket, i === 0 ? runOn : 0));
      }
    }
  });

  // Each declaration read, as a declaration of the person in the attendance, in the item it names (its words are the minute's paragraph).
  const declare = db.prepare(
    `INSERT INTO declaration (meeting_id, attendance_id, agenda_item_id, category, nature, sensitive, dispensation, action, left_at, returned_at, at_item)
     VALUES (?, ?, ?, ?, ?, 0, '', ?, NULL, NULL, ?)`,
  );
  for (const { itemOf, d } of declarations) {
    const attendanceId = attendanceOf.get(nameKey(d.person));
    if (attendanceId === undefined) continue;
    const concerns = d.minute === null ? null : (itemIds[d.minute] ?? null);
    const madeAtItem = !/declarations? of interest/i.test(meeting.minutes[itemOf]!.title);
    declare.run(meetingId, attendanceId, concerns, d.category, d.nature.trim(), d.action, madeAtItem && concerns === itemIds[itemOf] ? 1 : 0);
  }

  // The exclusion's resolution is printed as read in its minute: the app's own wording of it is emptied, so it does not print twice.
  // The closing line as printed ("The meeting closed at 8.40p.m.") is the meeting's closing sentence, where it differs from the app's.
  const wording: Record<string, string> = Object.fromEntries(excludedBy.map((id) => [`exclusion:${id}`, '']));
  // Words printed before the first minute are the meeting's words before the first minute, a blank line between paragraphs.
  if (meeting.preamble?.length) wording.preamble = meeting.preamble.map((p) => p.trim()).filter(Boolean).join('\n\n');
  // Words printed after the closing line (the signature as printed, the clerk's name) are the meeting's words after the close.
  if (meeting.afterClose?.length) wording.afterClose = meeting.afterClose.map((p) => p.trim()).filter(Boolean).join('\n\n');
  if (meeting.closingLine && meeting.closedAt && meeting.closingLine.trim() !== closingText(meeting.closedAt)) wording.closing = meeting.closingLine.trim();
  if (Object.keys(wording).length) db.prepare('UPDATE meeting SET wording = ? WHERE id = ?').run(JSON.stringify(wording), meetingId);

  // The action log table's rows: actions of the body's log, each on the minute it came from, its printed number kept where the log has it free.
  if (meeting.actions.length) {
    const items = db.prepare('SELECT id FROM agenda_item WHERE meeting_id = ? ORDER BY position').all(meetingId) as { id: number }[];
    const used = new Set(
      (
        db
          .prepare('SELECT a.number FROM action a JOIN agenda_item i ON i.id = a.agenda_item_id JOIN meeting m ON m.id = i.meeting_id WHERE m.body_id = ? AND a.number IS NOT NULL')
          .all(bodyId) as { number: number }[]
      ).map((r) => r.number),
    );
    let next = Math.max(0, ...used) + 1;
    const perItem = new Map<number, number>();
    const insertAction = db.prepare(
      `INSERT INTO action (agenda_item_id, resolution_id, position, text, owner, due_date, status, number, raised_on) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertComment = db.prepare('INSERT INTO action_comment (action_id, date, text) VALUES (?, ?, ?)');
    // Printed numbers first, so a row without one takes the next number after all of them.
    for (const a of meeting.actions) if (a.number !== null) next = Math.max(next, a.number + 1);
    for (const a of meeting.actions) {
      const itemId = items[a.minute]?.id;
      if (itemId === undefined) throw new DomainError('invalid_input', `An action (“${a.description.slice(0, 60)}”) is placed on a minute the meeting of ${formatLongDate(meeting.date)} does not have`);
      let number = a.number;
      if (number === null || used.has(number)) number = next++;
      used.add(number);
      const place = perItem.get(itemId) ?? 0;
      perItem.set(itemId, place + 1);
      const raised = a.raisedOn && a.raisedOn !== meeting.date ? a.raisedOn : null;
      const actionId = Number(insertAction.run(itemId, place, a.description.trim(), a.owner.trim(), a.dueDate, a.status, number, raised).lastInsertRowid);
      for (const c of a.comments) if (c.trim()) insertComment.run(actionId, meeting.date, c.trim());
    }
  }

  // Frozen as read: the body named as the minutes name it, each member's role and organisation as printed then.
  const live = loadLiveRecord(ctx, meetingId);
  const planned = minuteNumbers(live);
  if (planned.size !== numbers.filter((n) => n !== null).length || itemIds.some((id, i) => (planned.get(id) ?? null) !== numbers[i])) throw new DomainError('internal', 'The imported minutes would not keep their numbers; nothing was saved');
  // The records placed beside the words (remote attendance, substitutes, declarations) are in the tables; the record
  // prints the words as read, notes and all, so they are not printed a second time from the records.
  // Exempt minutes stay exempt, as a live meeting's: the public minutes show that each was taken in private, the exempt minutes print their words.
  const record: MeetingRecord = {
    ...live,
    // Minutes that do not name their body print the name of the body they were imported into.
    // Minutes that do not name their body, or name it in capitals in their heading ("WEST DEREHAM PARISH COUNCIL"),
    // print the name of the body they were imported into (the same body: sameBody checked it).
    body: { ...live.body, name: printedBodyName(meeting.bodyName, live.body.name) },
    attendance: live.attendance.map((row) => ({ ...(printed.has(row.id) ? { ...row, role: '', organisation: printed.get(row.id)! } : row), remote: false, substituteForMemberId: null })),
    declarations: [],
  };
  freezeRecord(ctx, record);
  return meetingId;
}

export const pastMinutesHandlers: Handlers<'import.savePastMinutes'> = {
  /** Every meeting in one transaction: one refused, none saved. */
  'import.savePastMinutes': (input, ctx): PastMinutesSaved => {
    loadBody(ctx, input.bodyId);
    // Oldest first, so a meeting's numbering continues from the ones imported with it.
    const ordered = [...input.meetings].sort((x, y) => (x.meeting.date < y.meeting.date ? -1 : x.meeting.date > y.meeting.date ? 1 : 0));
    const ids = new Map<(typeof ordered)[number], number>();
    for (const m of ordered) ids.set(m, saveMeeting(ctx, input.bodyId, m.meeting as PastMeeting, m.firstMinuteNumber, m.source));
    return { meetingIds: input.meetings.map((m) => ids.get(m)!) };
  },
};
