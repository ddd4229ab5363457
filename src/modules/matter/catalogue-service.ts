// The catalogue as the bureau keeps it: loaded from catalogue.json at start-up (entries the database
// lacks; the bureau's own edits are never overwritten), edited by an admin with a reason, every version
// kept in matter_type_change and the audit trail.
import type { Db, Queryable, Tx } from '../../db/types.ts';
import { type MatterType, parseCatalogue } from '../../domain/matter/catalogue.ts';
import { matterError } from '../../domain/matter/errors.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import FILE from './catalogue.json' with { type: 'json' };
import * as repo from './repo.ts';

export const CATALOGUE_FILE: readonly MatterType[] = parseCatalogue(FILE);

/** Loads the catalogue file's matters the database does not have yet; returns their codes. */
export async function ensureCatalogue(db: Db, actor: Actor, now: Date): Promise<string[]> {
  return db.tx(async (tx) => {
    const have = await repo.typeCodes(tx);
    const added: string[] = [];
    for (const t of CATALOGUE_FILE) {
      if (have.has(t.code)) continue;
      await repo.saveType(tx, t, 1, actor.name, now, null, '载入事项清单文件');
      added.push(t.code);
    }
    if (added.length)
      await audit(tx, actor, 'matter.catalogue_load', 'matter_type', null, null, { codes: added }, now);
    return added;
  });
}

export async function activeType(q: Queryable, code: string) {
  const t = await repo.findType(q, code);
  if (!t || !t.active)
    throw matterError('MATTER_TYPE_NOT_FOUND', `事项 ${code} 不存在或已停用`, { typeCode: code });
  return t;
}

/** 办事指南: active matters matching a search over code, main and sub-matter names. */
export async function guide(q: Queryable, search: string | undefined, includeInactive = false) {
  const all = await repo.listTypes(q, includeInactive);
  const s = search?.trim();
  if (!s) return all;
  return all.filter((t) => [t.code, t.definition.mainName, t.definition.name].some((x) => x.includes(s)));
}

export async function typeWithHistory(q: Queryable, code: string) {
  const t = await repo.findType(q, code);
  if (!t) throw matterError('MATTER_TYPE_NOT_FOUND', `事项 ${code} 不存在`, { typeCode: code });
  return { ...t, changes: await repo.typeChanges(q, code) };
}

/** An admin edits one matter (or adds one); the code in the path and in the entry must agree. */
export async function editType(
  tx: Tx,
  code: string,
  definition: MatterType,
  reason: string,
  actor: Actor,
  now: Date,
): Promise<void> {
  if (definition.code !== code) throw badRequest('MATTER_TYPE_CODE_MISMATCH', '事项编码与地址中的编码不一致');
  const before = await repo.findType(tx, code, true);
  const version = (before?.version ?? 0) + 1;
  await repo.saveType(tx, definition, version, actor.name, now, before?.definition ?? null, reason);
  await audit(
    tx,
    actor,
    'matter.catalogue_edit',
    'matter_type',
    code,
    before?.definition ?? null,
    definition,
    now,
  );
}
