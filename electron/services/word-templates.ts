/**
 * The council's own Word template as a body's house style. The file is read
 * in the parsing worker (electron/import/word-template.ts), away from the
 * database, then kept by the SHA-256 of its bytes: the file and the parts the
 * export uses, in the word_template table, never changed or deleted. The
 * body's house style names the template by that hash, and approval freezes
 * the house style with the record (guards.ts), so approved minutes print
 * with the template they were approved with whatever the body chooses later.
 */
import type { ParsedInput } from '../../shared/contract';
import { MAX_TEMPLATE_BYTES } from '../../shared/limits';
import type { HouseStyle } from '../../shared/minutes/house-style';
import { wordTemplateRefSchema, type WordTemplateRef } from '../../shared/minutes/word-template';
import type { BodyDetail } from '../../shared/model';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import { parseIsolated } from '../import/isolated';
import type { TemplateKit } from '../import/word-template';
import { TEMPLATE_MESSAGES } from '../import/template-messages';
import { isoNow, type ReadContext, type ServiceContext } from './context';
import { loadBody } from './lookups';

/** The template a house style names, as the export uses it; null for the built-in style. */
export function templateKitOf(ctx: ReadContext, style: HouseStyle): TemplateKit | null {
  const ref = style.wordTemplate;
  if (!ref) return null;
  const row = ctx.store.db.prepare('SELECT kit FROM word_template WHERE sha256 = ?').get(ref.sha256) as { kit: string } | undefined;
  if (!row) {
    throw new DomainError(
      'not_found',
      `The Word template “${ref.fileName}” these minutes are printed with is missing from the database. Restore a backup, or choose the template again in the body’s House style.`,
    );
  }
  return JSON.parse(row.kit) as TemplateKit;
}

/** Only the name the file had, not the folder it was in. */
const baseName = (fileName: string) => fileName.split(/[\\/]/).pop()!.trim();

function saveRef(ctx: ServiceContext, bodyId: number, ref: WordTemplateRef | null): BodyDetail {
  const current = loadBody(ctx, bodyId);
  const style: HouseStyle = { ...current.houseStyle, wordTemplate: ref };
  ctx.store.db.prepare('UPDATE body SET house_style = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(style), isoNow(ctx), bodyId);
  return loadBody(ctx, bodyId);
}

/**
 * bodies.setWordTemplate: reads the file in the parsing worker (a file that
 * is not a Word template, holds macros, is damaged or too large is refused
 * there with a clear message, and nothing changes), then in one write
 * keeps it by its hash and names it in the body's house style. A null
 * template goes back to the built-in style; the kept file stays, for the
 * minutes approved with it.
 */
export async function setWordTemplate(
  input: ParsedInput<'bodies.setWordTemplate'>,
  ctx: ReadContext,
  inRead: <T>(fn: () => T) => T,
  inWrite: <T>(fn: (ctx: ServiceContext) => T) => T,
  mapError: (error: unknown) => Result<never>,
): Promise<Result<BodyDetail>> {
  try {
    inRead(() => loadBody(ctx, input.bodyId));
    if (input.template === null) return ok(inWrite((w) => saveRef(w, input.bodyId, null)));
    const bytes = Buffer.from(input.template.base64, 'base64');
    if (bytes.length > MAX_TEMPLATE_BYTES) return fail('invalid_input', TEMPLATE_MESSAGES.tooBig);
    const read = await parseIsolated({ kind: 'word-template', bytes });
    if (!read.ok) return fail('invalid_input', read.error.message);
    const { kit, sha256 } = read.value;
    const ref = wordTemplateRefSchema.parse({ fileName: baseName(input.template.fileName), sha256, kind: kit.kind, look: kit.look, notes: kit.notes });
    return ok(
      inWrite((w) => {
        w.store.db
          .prepare('INSERT OR IGNORE INTO word_template (sha256, file_name, bytes, kit, created_at) VALUES (?, ?, ?, ?, ?)')
          .run(sha256, ref.fileName, bytes, JSON.stringify(kit), isoNow(w));
        return saveRef(w, input.bodyId, ref);
      }),
    );
  } catch (error) {
    return mapError(error);
  }
}
