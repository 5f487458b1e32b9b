import type { BodyDetail, BodySummary } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { definedOnly, isoNow, setClause, type Handlers } from './context';
import { loadBody, seedPhrases } from './lookups';

const BODY_COLUMNS: Record<string, string> = {
  name: 'name',
  kind: 'kind',
  quorumMinVoting: 'quorum_min_voting',
  quorumMinOrganisations: 'quorum_min_organisations',
  remoteCountsForQuorum: 'remote_counts_for_quorum',
  yearStartMonth: 'year_start_month',
  decisionLabel: 'decision_label',
  houseStyle: 'house_style',
  openingKind: 'opening_kind',
  minuteNumberForm: 'minute_number_form',
};

export const bodyHandlers: Handlers<'bodies.list' | 'bodies.get' | 'bodies.create' | 'bodies.update' | 'bodies.delete'> = {
  'bodies.list': (_input, ctx) =>
    ctx.store.db
      .prepare(
        `SELECT b.id, b.name, b.kind,
           (SELECT count(*) FROM member m WHERE m.body_id = b.id) AS memberCount,
           (SELECT count(*) FROM meeting x WHERE x.body_id = b.id) AS meetingCount
         FROM body b ORDER BY b.name COLLATE NOCASE, b.id`,
      )
      .all() as BodySummary[],

  'bodies.get': (input, ctx) => loadBody(ctx, input.bodyId),

  'bodies.create': (input, ctx) => {
    const now = isoNow(ctx);
    const info = ctx.store.db
      .prepare(
        `INSERT INTO body (name, kind, quorum_min_voting, quorum_min_organisations, remote_counts_for_quorum,
           year_start_month, decision_label, created_at, updated_at)
         VALUES (@name, @kind, @quorumMinVoting, @quorumMinOrganisations, @remote, @yearStartMonth, @decisionLabel, @now, @now)`,
      )
      .run({ ...input, remote: input.remoteCountsForQuorum ? 1 : 0, now });
    seedPhrases(ctx, Number(info.lastInsertRowid));
    return loadBody(ctx, Number(info.lastInsertRowid));
  },

  'bodies.update': (input, ctx) => {
    const current = loadBody(ctx, input.bodyId);
    const sent = input.patch.houseStyle?.wordTemplate;
    if (sent !== undefined && (sent?.sha256 ?? null) !== (current.houseStyle.wordTemplate?.sha256 ?? null)) {
      throw new DomainError(
        'invalid_input',
        'patch.houseStyle.wordTemplate: the council’s Word template is chosen from its file (bodies.setWordTemplate), which reads and checks it; a house style change can only send it back as it is',
      );
    }
    // The house style is changed field by field: fields not sent keep their stored values.
    const patch = input.patch.houseStyle
      ? { ...input.patch, houseStyle: { ...current.houseStyle, ...definedOnly(input.patch.houseStyle), wordTemplate: current.houseStyle.wordTemplate } }
      : input.patch;
    const { sql, params } = setClause(patch, BODY_COLUMNS);
    ctx.store.db
      .prepare(`UPDATE body SET ${sql}, updated_at = @now WHERE id = @id`)
      .run({ ...params, now: isoNow(ctx), id: input.bodyId });
    return loadBody(ctx, input.bodyId);
  },

  'bodies.delete': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    const meetings = ctx.store.db.prepare('SELECT count(*) AS n FROM meeting WHERE body_id = ?').get(input.bodyId) as { n: number };
    if (meetings.n > 0) {
      throw new DomainError(
        'conflict',
        `This body has ${meetings.n} meeting${meetings.n === 1 ? '' : 's'} on record; delete the meetings first. Minutes are never deleted along with their body.`,
      );
    }
    ctx.store.db.prepare('DELETE FROM body WHERE id = ?').run(input.bodyId);
    return { deleted: true as const };
  },
};
