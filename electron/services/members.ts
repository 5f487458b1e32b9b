import type { Member } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { MEMBER_SELECT, loadBody } from './lookups';
import { notFound, setClause, isoNow, type Handlers, type ServiceContext } from './context';
import { moveWithinGroup, renumberGroup } from './ordering';
import { toMember, type MemberRow } from './rows';

const MEMBER_COLUMNS: Record<string, string> = {
  name: 'name',
  role: 'role',
  organisation: 'organisation',
  email: 'email',
  voting: 'voting',
};

function loadMember(ctx: ServiceContext, memberId: number): Member {
  const row = ctx.store.db.prepare(`${MEMBER_SELECT} WHERE m.id = ?`).get(memberId) as MemberRow | undefined;
  if (!row) notFound('Member', memberId);
  return toMember(row);
}

function listMembers(ctx: ServiceContext, bodyId: number): Member[] {
  return loadBody(ctx, bodyId).members;
}

/** Substitutes may only stand in for other members of the same body. */
function setSubstitutions(ctx: ServiceContext, member: Member, forIds: number[]): void {
  const unique = [...new Set(forIds)];
  if (unique.includes(member.id)) throw new DomainError('invalid_input', 'substitutesFor: a member cannot substitute for themselves');
  const bodyMemberIds = new Set(listMembers(ctx, member.bodyId).map((m) => m.id));
  const stranger = unique.find((x) => !bodyMemberIds.has(x));
  if (stranger !== undefined) {
    throw new DomainError('invalid_input', `substitutesFor: member ${stranger} is not a member of this body`);
  }
  const db = ctx.store.db;
  db.prepare('DELETE FROM member_substitution WHERE member_id = ?').run(member.id);
  const insert = db.prepare('INSERT INTO member_substitution (member_id, for_member_id) VALUES (?, ?)');
  for (const forId of unique) insert.run(member.id, forId);
}

function touchBody(ctx: ServiceContext, bodyId: number): void {
  ctx.store.db.prepare('UPDATE body SET updated_at = ? WHERE id = ?').run(isoNow(ctx), bodyId);
}

export const memberHandlers: Handlers<'members.create' | 'members.update' | 'members.move' | 'members.delete'> = {
  'members.create': (input, ctx) => {
    loadBody(ctx, input.bodyId);
    const db = ctx.store.db;
    const next = db.prepare('SELECT coalesce(max(position) + 1, 0) AS p FROM member WHERE body_id = ?').get(input.bodyId) as { p: number };
    const info = db
      .prepare(
        `INSERT INTO member (body_id, name, role, organisation, email, voting, position)
         VALUES (@bodyId, @name, @role, @organisation, @email, @voting, @position)`,
      )
      .run({ ...input, voting: input.voting ? 1 : 0, position: next.p, substitutesFor: undefined });
    const member = loadMember(ctx, Number(info.lastInsertRowid));
    if (input.substitutesFor.length) setSubstitutions(ctx, member, input.substitutesFor);
    touchBody(ctx, input.bodyId);
    return loadMember(ctx, member.id);
  },

  'members.update': (input, ctx) => {
    const member = loadMember(ctx, input.memberId);
    const { sql, params } = setClause(input.patch, MEMBER_COLUMNS);
    if (sql) ctx.store.db.prepare(`UPDATE member SET ${sql} WHERE id = @id`).run({ ...params, id: member.id });
    if (input.patch.substitutesFor) setSubstitutions(ctx, member, input.patch.substitutesFor);
    touchBody(ctx, member.bodyId);
    return loadMember(ctx, member.id);
  },

  'members.move': (input, ctx) => {
    const member = loadMember(ctx, input.memberId);
    moveWithinGroup(ctx.store.db, 'member', 'body_id', member.bodyId, member.id, input.toPosition);
    return listMembers(ctx, member.bodyId);
  },

  'members.delete': (input, ctx) => {
    const member = loadMember(ctx, input.memberId);
    const recorded = ctx.store.db
      .prepare('SELECT count(DISTINCT meeting_id) AS n FROM attendance WHERE member_id = ? OR substitute_for_member_id = ?')
      .get(member.id, member.id) as { n: number };
    if (recorded.n > 0) {
      throw new DomainError(
        'conflict',
        `${member.name} is in the attendance record of ${recorded.n} meeting${recorded.n === 1 ? '' : 's'}, so cannot be deleted; the minutes must keep their name`,
      );
    }
    ctx.store.db.prepare('DELETE FROM member WHERE id = ?').run(member.id);
    renumberGroup(ctx.store.db, 'member', 'body_id', member.bodyId);
    touchBody(ctx, member.bodyId);
    return { deleted: true as const };
  },
};
